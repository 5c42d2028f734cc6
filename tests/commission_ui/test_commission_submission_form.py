"""The deadline board's section for the internal affairs body's submission (Art. 81 (3)),
driven through Reflex's event processor as the browser sends events: the secretary
registers the decision ending a criminal case, the board shows the deadline, and
"Done" records the submission; bad input is shown next to its field."""

import asyncio
import sys
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from reflex.istate.manager.memory import StateManagerMemory
from reflex_base.event.processor import BaseStateEventProcessor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "state_cache"))

from cache_world import PASSWORD, Tab  # noqa: E402 (the browser tab of the state tests)

from juvenile.i18n import format_date  # noqa: E402
from juvenile.models import Role  # noqa: E402
from juvenile.security import passwords  # noqa: E402
from juvenile.security.actor import Actor  # noqa: E402
from juvenile.services.identity.accounts import AccountForm, create_user  # noqa: E402
from juvenile.state.commission.deadlines import DeadlinesState  # noqa: E402

SECRETARY = "secretary.submission"
KIND = "internal_affairs_submission"


@pytest.fixture
def secretary(world, monkeypatch) -> str:
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    create_user(Actor.system(), SECRETARY,
                AccountForm("Хатшы Тест", Role.COMMISSION_SECRETARY, "C1", "en"),
                password=PASSWORD)
    return SECRETARY


def _run(scenario):
    async def run():
        manager = StateManagerMemory()
        processor = BaseStateEventProcessor().configure(state_manager=manager)
        async with processor:
            return await scenario(Tab(manager, processor, "/commission/deadlines"))

    return asyncio.run(run())


def test_register_then_mark_the_submission_done(world, secretary):
    minor = world.student(birth=date(2014, 2, 3))

    async def scenario(tab: Tab):
        await tab.open(secretary, language="ru")
        await tab.send(DeadlinesState, "load")
        for name, value in (("iin", minor.iin), ("decision_number", "7-12/2027"),
                            ("decision_date", "2027-05-10")):
            await tab.send(DeadlinesState, "set_sub", name=name, value=value)
        await tab.send(DeadlinesState, "register_submission")
        state = await tab.state(DeadlinesState)
        registered = (state.sub_flash, [dict(r) for r in state.rows if r["kind"] == KIND],
                      dict(state.sub_form))
        [row] = registered[1]
        await tab.send(DeadlinesState, "start_done", row_key=row["key"])
        await tab.send(DeadlinesState, "set_done_on", value="2027-05-30")
        await tab.send(DeadlinesState, "mark_done")
        state = await tab.state(DeadlinesState)
        return registered, state.done_error, [r for r in state.rows if r["kind"] == KIND]

    (flash, [row], form), done_error, left = _run(scenario)
    assert flash == ("Постановление зарегистрировано: представление должно быть направлено до "
                     f"{format_date(date(2027, 6, 9), 'ru')} включительно.")
    assert row["detail"] == "постановление № 7-12/2027 о прекращении уголовного дела"
    assert row["kind_label"] == "Представление органа внутренних дел в суд"
    assert (row["done"], row["overdue"], row["who_code"]) == ("1", "", "C1")
    assert form == {"iin": "", "decision_number": "", "decision_date": ""}
    assert done_error == "" and left == []


def test_bad_input_is_shown_next_to_its_field(world, secretary):
    minor = world.student(birth=date(2014, 2, 3))
    other = world.student(birth=date(2014, 2, 3), school="S3")  # the other district

    async def scenario(tab: Tab):
        await tab.open(secretary, language="en")
        await tab.send(DeadlinesState, "load")
        await tab.send(DeadlinesState, "register_submission")
        empty = dict((await tab.state(DeadlinesState)).sub_errors)
        for name, value in (("iin", minor.iin), ("decision_number", " "),
                            ("decision_date", "2027-05-10")):
            await tab.send(DeadlinesState, "set_sub", name=name, value=value)
        await tab.send(DeadlinesState, "register_submission")
        no_number = dict((await tab.state(DeadlinesState)).sub_errors)
        await tab.send(DeadlinesState, "set_sub", name="decision_number", value="8/2027")
        await tab.send(DeadlinesState, "set_sub", name="decision_date", value="2027-06-02")
        await tab.send(DeadlinesState, "register_submission")
        tomorrow = dict((await tab.state(DeadlinesState)).sub_errors)
        await tab.send(DeadlinesState, "set_sub", name="decision_date", value="2027-06-01")
        await tab.send(DeadlinesState, "set_sub", name="iin", value=other.iin)
        await tab.send(DeadlinesState, "register_submission")
        state = await tab.state(DeadlinesState)
        return empty, no_number, tomorrow, dict(state.sub_errors), state.rows

    empty, no_number, tomorrow, foreign, rows = _run(scenario)
    assert empty == {"iin": "Enter the IIN.", "decision_number": "",
                     "decision_date": "Enter a date.", "general": ""}
    assert no_number["decision_number"].startswith("Enter the number of the decision ending")
    assert "Art. 81 (3)" in no_number["decision_number"]
    assert tomorrow["decision_date"].startswith("The date 2 Jun 2027 is after today")
    assert foreign["iin"] == ("No student with this IIN is registered in the schools of your "
                              "commission's district.")
    assert [r for r in rows if r["kind"] == KIND] == []


def test_the_term_is_extended_by_thirty_days_at_most(world, secretary):
    """Art. 81 (3): a decision of internal affairs or the prosecutor extends the 30 days
    by up to 30 more; a 31st day is refused next to the form, and the board follows."""
    minor = world.student(birth=date(2014, 2, 3))

    async def scenario(tab: Tab):
        await tab.open(secretary, language="en")
        await tab.send(DeadlinesState, "load")
        for name, value in (("iin", minor.iin), ("decision_number", "9/2027"),
                            ("decision_date", "2027-05-10")):  # due 9 Jun, at most 9 Jul
            await tab.send(DeadlinesState, "set_sub", name=name, value=value)
        await tab.send(DeadlinesState, "register_submission")
        [row] = [r for r in (await tab.state(DeadlinesState)).rows if r["kind"] == KIND]
        assert row["extendable"] == "1"
        await tab.send(DeadlinesState, "start_extension", row_key=row["key"])
        await tab.send(DeadlinesState, "set_ext", name="by", value="prosecutor")
        await tab.send(DeadlinesState, "set_ext", name="decided_on", value="2027-05-30")
        await tab.send(DeadlinesState, "set_ext", name="due", value="2027-07-10")
        await tab.send(DeadlinesState, "save_extension")
        refused = (await tab.state(DeadlinesState)).ext_error
        await tab.send(DeadlinesState, "set_ext", name="due", value="2027-07-09")
        await tab.send(DeadlinesState, "save_extension")
        state = await tab.state(DeadlinesState)
        return refused, state.ext_error, state.ext_row, [
            r["due"] for r in state.rows if r["kind"] == KIND]

    refused, error, open_row, due = _run(scenario)
    assert "Art. 81 (3)" in refused
    assert (error, open_row) == ("", "")
    assert due == [format_date(date(2027, 7, 9), "en")]
