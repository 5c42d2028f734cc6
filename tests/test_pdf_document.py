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
