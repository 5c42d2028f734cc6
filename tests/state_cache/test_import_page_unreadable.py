"""The import page shows the one message of a file it cannot read, and does not stay
on "checking" (issue 16 item 5): an .xlsx that is not a zip, a truncated one, a zip
without the XLSX manifest, a header repeated in another case; and a server error
ends in a message too. Nothing is written."""

# ruff: noqa: F811
import asyncio
import io
import zipfile

import pytest
from cache_world import (  # noqa: F401 (fixtures)
    PSYCHOLOGIST,
    Tab,
    attendance_file,
    upload_of,
    world,
    world_template,
)
from reflex.istate.manager.memory import StateManagerMemory
from reflex_base.event.processor import BaseStateEventProcessor
from sqlmodel import func, select

from juvenile import cache, db
from juvenile.i18n import translate
from juvenile.models import AttendanceMark
from juvenile.state.school import imports as import_state
from juvenile.state.school.imports import ImportState


@pytest.fixture
def kept(tmp_path):
    previous = cache.configure(cache.SessionCache(
        cache.DiskStore(tmp_path / "private" / cache.CACHE_FOLDER)))
    yield
    cache.configure(previous)


def _no_manifest() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def _marks() -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(AttendanceMark)).one()


def _shown(data: bytes, name: str, language: str = "ru"):
    async def scenario():
        manager = StateManagerMemory()
        processor = BaseStateEventProcessor().configure(state_manager=manager)
        async with processor:
            tab = Tab(manager, processor, "/school/import")
            await tab.open(PSYCHOLOGIST, language=language)
            await tab.send(ImportState, "upload", router_data={},
                           files=[upload_of(data, name)])
            return await tab.state(ImportState)

    return asyncio.run(scenario())


@pytest.mark.parametrize(("name", "data"), [
    ("marks.xlsx", b"iin,date,status\n"),
    ("marks.xlsx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"),
    ("marks.xlsx", _no_manifest()),
])
def test_a_file_that_cannot_be_read_is_shown_in_one_message(world, kept, name, data):
    before = _marks()
    page = _shown(data, name)
    assert page.phase == "rejected"
    assert page.message == translate("import.rejected", "ru", count=1)
    [error] = page.errors
    assert error["message"] == translate("import.error.unreadable_file", "ru", name=name,
                                         format="XLSX")
    assert _marks() == before


def test_a_header_repeated_in_another_case_is_shown(world, kept):
    data = attendance_file(world.iins).replace(b"iin,date,status", b"iin,date,status,IIN", 1)
    page = _shown(data, "marks.csv", language="kk")
    assert page.phase == "rejected"
    assert [(e["row"], e["column"], e["message"]) for e in page.errors] == [
        ("1", "iin", translate("import.error.repeated_column", "kk"))]


def test_a_server_error_ends_in_a_message_not_on_checking(world, kept, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(import_state, "preview_import", broken)
    page = _shown(attendance_file(world.iins), "marks.csv", language="en")
    assert page.phase == "rejected"
    assert page.message == translate("import.error.unexpected", "en")
