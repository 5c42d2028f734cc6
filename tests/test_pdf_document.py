"""The shared PDF document: Kazakh letters survive, every page is numbered X / Y."""

import io

from pypdf import PdfReader

from juvenile.reports.pdf import Document, zone_label

KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"


def _text_of_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_kazakh_letters_and_page_numbers_on_every_page():
    document = Document("Хаттама", "бет {page} / {pages}")
    document.title_block("Мектеп", "Әлиев Ғалым Құрманұлы", KAZAKH_LETTERS)
    document.data_table(["№", "Аты"], [[str(n), "Өмірзақ Үміт"] for n in range(120)])
    document.signatures([("Төраға", "Ұ. Һ.")])

    pages = _text_of_pages(document.to_bytes())

    assert len(pages) >= 3
    assert "Әлиев Ғалым Құрманұлы" in pages[0]
    assert KAZAKH_LETTERS in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"бет {number} / {len(pages)}" in text
    assert "Төраға" in pages[-1]


def test_table_header_repeats_on_each_page():
    document = Document("Т")
    document.data_table(["Қатысушы", "Шешім"], [["А", "Б"]] * 150)
    pages = _text_of_pages(document.to_bytes())
    assert len(pages) >= 2
    assert all("Қатысушы" in text for text in pages)


def test_every_document_names_the_zone_its_times_are_in():
    """Issue 14, item 3: "утверждена 02.12.2026, 18:59" is Kazakhstan time; the footer
    of every page says so."""
    document = Document("Хаттама", "{page} / {pages}", zone_label("ru"))
    document.add_page()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(
        bytes(document.output()))).pages)
    assert text.count("казахстанское (Астана, UTC+5)") == 2  # on both pages


def test_documents_made_one_after_another_each_embed_the_letters_they_use():
    # The fonts are parsed once per process; fpdf2 cuts each document's font
    # program down to its own glyphs, so a later document must not get the
    # earlier one's cut.
    first = Document("Бірінші")
    first.paragraph("Ғалым")
    first_text = _text_of_pages(first.to_bytes())[0]
    second = Document("Екінші")
    second.paragraph(KAZAKH_LETTERS, bold=True)
    second.paragraph("Өмірзақ Үміт")
    second_text = _text_of_pages(second.to_bytes())[0]
    assert "Ғалым" in first_text
    assert KAZAKH_LETTERS in second_text and "Өмірзақ Үміт" in second_text


def test_a_line_is_as_wide_as_fpdf2_measures_it():
    from juvenile.reports.pdf import FAMILY

    document = Document("Т")
    for style in ("", "B"):
        document.set_font(FAMILY, style, 9)
        for text in ("", "—", "12 345", KAZAKH_LETTERS, "Школа № 12 «Ақ»"):
            assert document.text_width(text) == document.get_string_width(text)
            assert document.text_width(text + "і") == document.get_string_width(text + "і")
