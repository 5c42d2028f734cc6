"""The import page and the analysis pages with their big values in the session cache
(juvenile.cache): the same behaviour as when the states held them, the states
small, and a value the cache let go handled (issue 19, item 4).

Events go through Reflex's event processor to the in-memory state manager; the
cache is a disk cache in the test's private folder, with a clock the test turns.
"""

# ruff: noqa: F811
import asyncio
import pickle

import pytest
from cache_world import (  # noqa: F401 (fixtures)
    ANALYST,
    PSYCHOLOGIST,
    Clock,
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
from juvenile.clock import today as kazakh_today
from juvenile.i18n import translate
from juvenile.models import AttendanceMark, School
from juvenile.state.analysis import figures as fig
from juvenile.state.analysis.common import ANALYSIS_TTL_SECONDS
from juvenile.state.analysis.school import SchoolFiguresState
from juvenile.state.analysis.screen import AnalysisState
from juvenile.state.i18n import I18nState
from juvenile.state.school.imports import UPLOAD_TTL_SECONDS, ImportState

SMALL_STATE = 100 * 1024


@pytest.fixture
def kept(tmp_path):
    """A disk cache in a private folder of the test's own, and its clock."""
    clock = Clock()
    store = cache.DiskStore(tmp_path / "private" / cache.CACHE_FOLDER)
    previous = cache.configure(cache.SessionCache(store, clock=clock))
    yield store, clock
    cache.configure(previous)


def _in_memory(scenario):
    async def run():
        manager = StateManagerMemory()
        processor = BaseStateEventProcessor().configure(state_manager=manager)
        async with processor:
            return await scenario(manager, processor)

    return asyncio.run(run())


def _marks() -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(AttendanceMark)).one()


def _pickled(state) -> int:
    return len(state._serialize())


def _title_in_russian(state) -> str:
    return fig.period_title(fig.parse_period(state.year, state.quarter, kazakh_today()), "ru")


def test_an_upload_is_kept_in_the_cache_checked_and_imported(world, kept):
    store, _ = kept
    data = attendance_file(world.iins, padding=2 * 1024 * 1024)

    async def scenario(manager, processor):
        tab = Tab(manager, processor, "/school/import")
        await tab.open(PSYCHOLOGIST)
        await tab.send(ImportState, "load")
        await tab.send(ImportState, "upload", router_data={}, files=[upload_of(data)])
        ready = await tab.state(ImportState)
        assert ready.phase == "ready", ready.message
        assert ready.row_count == 8 and ready.file_name == "marks.csv"
        assert " 8 " in ready.message  # "The file is correct: 8 marks of 4 students, …"
        assert _pickled(ready) < SMALL_STATE  # the bytes are not in the state
        [file] = store.folder.iterdir()
        assert file.stat().st_size > len(data)
        await tab.send(ImportState, "run")
        done = await tab.state(ImportState)
        assert done.phase == "done" and done.progress == 100, done.message
        assert " 8 " in done.summary  # "Imported 8 marks of 4 students, …"
        assert done.scan_month == "2026-11"
        assert list(store.folder.iterdir()) == []  # forgotten once imported

    before = _marks()
    _in_memory(scenario)
    assert _marks() == before + 8


def test_an_upload_the_cache_let_go_is_asked_for_again(world, kept):
    store, clock = kept
    data = attendance_file(world.iins)

    async def scenario(manager, processor):
        tab = Tab(manager, processor, "/school/import")
        await tab.open(PSYCHOLOGIST, language="ru")
        await tab.send(ImportState, "upload", router_data={}, files=[upload_of(data)])
        assert (await tab.state(ImportState)).phase == "ready"
        clock.now += UPLOAD_TTL_SECONDS + 1  # the preview was left open too long
        await tab.send(ImportState, "run")
        expired = await tab.state(ImportState)
        assert expired.phase == "rejected"
        assert expired.message == translate("ui.school.import.upload_expired", "ru")
        assert expired.errors == [] and expired._upload_ref == ""
        assert list(store.folder.iterdir()) == []  # the expired file was removed
        await tab.send(ImportState, "start_over")  # "choose another file"
        again = await tab.state(ImportState)
        assert again.phase == "empty" and again.message == ""

    before = _marks()
    _in_memory(scenario)
    assert _marks() == before  # nothing was written


def test_a_rejected_upload_is_not_kept(world, kept):
    store, _ = kept
    data = b"iin,date,status\n000000000000,2026-11-02,unexcused\n"

    async def scenario(manager, processor):
        tab = Tab(manager, processor, "/school/import")
        await tab.open(PSYCHOLOGIST)
        await tab.send(ImportState, "upload", router_data={}, files=[upload_of(data)])
        rejected = await tab.state(ImportState)
        assert rejected.phase == "rejected" and rejected.error_count == 1
        assert rejected.errors[0]["row"] == "2"
        assert not store.folder.exists() or list(store.folder.iterdir()) == []

    _in_memory(scenario)


def test_the_analysis_is_kept_in_the_cache_and_computed_again_when_it_expired(world, kept):
    store, clock = kept

    async def scenario(manager, processor):
        tab = Tab(manager, processor, "/analysis")
        await tab.open(ANALYST)
        await tab.send(AnalysisState, "load")
        shown = await tab.state(AnalysisState)
        assert shown.loaded and not shown.denied and shown.total == 300
        assert _pickled(shown) < SMALL_STATE
        [file] = store.folder.iterdir()
        kept_analysis = pickle.loads(file.read_bytes()[cache.DiskStore._HEADER.size:])
        assert len(kept_analysis.schools) == 300
        first_ref = shown._analysis_ref
        await tab.send(AnalysisState, "next_page")
        second = await tab.state(AnalysisState)
        assert second.page == 2 and second._analysis_ref == first_ref  # not recomputed

        clock.now += ANALYSIS_TTL_SECONDS + 1
        await tab.send(AnalysisState, "next_page")
        third = await tab.state(AnalysisState)
        assert third.page == 3 and third.loaded and third.rows
        third_ref, english_title = third._analysis_ref, third.period_title
        assert third_ref not in ("", first_ref)  # computed again
        assert len(list(store.folder.iterdir())) == 1  # the expired one is gone

        clock.now += ANALYSIS_TTL_SECONDS + 1
        await tab.send(I18nState, "set_language", language="ru")
        await tab.send(AnalysisState, "relabel")
        relabelled = await tab.state(AnalysisState)
        assert relabelled.loaded and relabelled.rows
        assert relabelled.period_title == _title_in_russian(relabelled) != english_title
        assert relabelled._analysis_ref not in ("", third_ref)

    _in_memory(scenario)


def test_one_school_s_figures_are_kept_and_computed_again_when_they_expired(world, kept):
    _, clock = kept
    with db.transaction() as session:
        school_id = session.exec(select(School.id).where(School.code == world.school_code)).one()
    path = f"/analysis/schools/{school_id}"

    async def scenario(manager, processor):
        tab = Tab(manager, processor, path)
        tab.router_data["query"] = {"school_id": str(school_id)}
        await tab.open(ANALYST)
        await tab.send(SchoolFiguresState, "load")
        shown = await tab.state(SchoolFiguresState)
        assert shown.loaded and shown.school_code == world.school_code, shown.denied
        assert shown._analysis_ref and _pickled(shown) < SMALL_STATE
        first_ref, english_title = shown._analysis_ref, shown.period_title
        clock.now += ANALYSIS_TTL_SECONDS + 1
        await tab.send(I18nState, "set_language", language="ru")
        await tab.send(SchoolFiguresState, "relabel")
        relabelled = await tab.state(SchoolFiguresState)
        assert relabelled.loaded and relabelled.school_code == world.school_code
        assert relabelled.period_title == _title_in_russian(relabelled) != english_title
        assert relabelled._analysis_ref not in ("", first_ref)

    _in_memory(scenario)


def test_two_tabs_never_share_a_kept_value(world, kept):
    """The same random reference under another client token finds nothing."""
    data = attendance_file(world.iins)

    async def scenario(manager, processor):
        mine = Tab(manager, processor, "/school/import")
        await mine.open(PSYCHOLOGIST)
        await mine.send(ImportState, "upload", router_data={}, files=[upload_of(data)])
        ref = (await mine.state(ImportState))._upload_ref
        session_cache = cache.session_cache()
        assert session_cache.get(cache.SessionKey("import-upload", mine.token, ref)) == data
        assert session_cache.get(cache.SessionKey("import-upload", "another-tab", ref)) is None

    _in_memory(scenario)
