"""A region of 300 schools, a school psychologist and a regional analyst who can
sign in, and a browser tab that sends events through Reflex's own event
processor to a state manager (in memory, or Redis as with several workers).

Events go in as the frontend and the upload endpoint send them: by name, with
the tab's client token; the states are read back from the manager.
"""

import io
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import reflex as rx
from argon2 import PasswordHasher
from reflex.istate.manager.token import BaseStateToken
from reflex_base.event import Event
from reflex_base.event.processor import BaseStateEventProcessor
from reflex_base.utils.format import format_event_handler
from sqlmodel import select
from student_records import register_student

import juvenile.juvenile  # noqa: F401 (registers every page and state of the app)
from juvenile import db
from juvenile.demo.region_scale import RegionScale, load_region_scale
from juvenile.models import Role, School
from juvenile.rules.iin import Sex, make_iin
from juvenile.security import passwords
from juvenile.security.actor import Actor
from juvenile.services.identity import sessions
from juvenile.services.identity.accounts import AccountForm, create_user
from juvenile.state.auth import AuthState
from juvenile.state.i18n import I18nState

PASSWORD = "correct horse battery"  # noqa: S105 (test accounts)
SCALE = RegionScale(region_code="KZ-61", prefix="TCH", districts=2, schools=300, students=1200)
PSYCHOLOGIST, ANALYST = "psy.cache", "analyst.cache"


@dataclass(frozen=True)
class World:
    school_code: str
    iins: tuple[str, ...]


def build_world() -> World:
    """The region, a new student roll of four in its first school, the two users."""
    load_region_scale(11, SCALE)
    with db.transaction() as session:
        school = session.exec(select(School).order_by(School.code)).first()
        school_id, school_code = school.id, school.code
    iins = []
    for serial in range(900, 1000):
        iin = make_iin(date(2012, 5, 17), Sex.MALE, serial)
        if iin is None:
            continue
        register_student(school_id, iin, middle_name="")
        iins.append(iin)
        if len(iins) == 4:
            break
    create_user(Actor.system(), PSYCHOLOGIST,
                AccountForm("Psy Cache", Role.SCHOOL_PSYCHOLOGIST, school_code, "en"),
                password=PASSWORD)
    create_user(Actor.system(), ANALYST,
                AccountForm("Analyst Cache", Role.EDUCATION_ANALYST, SCALE.region_code, "en"),
                password=PASSWORD)
    return World(school_code, tuple(iins))


@pytest.fixture(scope="session")
def world_template(tmp_path_factory, sqlite_template) -> tuple[Path, World]:
    path = tmp_path_factory.mktemp("cache_world") / "world.db"
    shutil.copy(sqlite_template, path)
    db.configure(f"sqlite:///{path}")
    hasher, passwords._hasher = passwords._hasher, PasswordHasher(time_cost=1, memory_cost=1024)
    try:
        built = build_world()
    finally:
        passwords._hasher = hasher
        db.engine().dispose()
    return path, built


@pytest.fixture
def world(world_template, tmp_path, monkeypatch) -> World:
    """A fresh copy of the world's database for one test."""
    template, built = world_template
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    path = tmp_path / "world.db"
    shutil.copy(template, path)
    db.configure(f"sqlite:///{path}")
    yield built
    db.engine().dispose()


def attendance_file(iins: tuple[str, ...], padding: int = 0) -> bytes:
    """A correct attendance CSV; ``padding`` bytes of notes (a column the import
    ignores) make it as big as wanted."""
    rows = [(iin, f"2026-11-{day:02d}", "unexcused") for iin in iins for day in (2, 3)]
    note = "x" * (padding // len(rows)) if padding else ""
    lines = ["iin,date,status,note", *(f"{i},{d},{s},{note}" for i, d, s in rows)]
    return ("\n".join(lines) + "\n").encode()


def upload_of(data: bytes, name: str = "marks.csv") -> rx.UploadFile:
    """A file as the upload endpoint hands it to the handler."""
    return rx.UploadFile(file=io.BytesIO(data), path=Path(name), size=len(data))


def new_client_token() -> str:
    return f"juvenile-test-{uuid.uuid4().hex}"


class Tab:
    """One browser tab: its client token, its page, its signed-in user."""

    def __init__(self, manager, processor: BaseStateEventProcessor, path: str,
                 client_token: str | None = None):
        self.manager = manager
        self.processor = processor
        self.token = client_token or new_client_token()
        self.router_data = {"pathname": path, "asPath": path, "token": self.token,
                            "sid": f"sid-{self.token}", "ip": "127.0.0.1",
                            "headers": {"origin": "http://portal"}}

    async def open(self, login: str, language: str = "en") -> None:
        """The state after the page was hydrated: route, session cookie, language."""
        signed = sessions.sign_in(login, PASSWORD)
        async with self.manager.modify_state(BaseStateToken(ident=self.token,
                                                            cls=AuthState)) as root:
            root.router_data = root._update_router_vars(self.router_data, {})
            root.is_hydrated = True
            (await root.get_state(AuthState))._session_token = signed.token
            (await root.get_state(I18nState)).language = language

    async def send(self, state_cls, handler: str, router_data: dict | None = None,
                   **payload) -> None:
        """One event, and every event it chains, to its end."""
        name = format_event_handler(state_cls.event_handlers[handler])
        event = Event(name=name, payload=payload,
                      router_data=self.router_data if router_data is None else router_data)
        future = await self.processor.enqueue(self.token, event)
        await future.wait_all()

    async def state(self, state_cls):
        """The state as the manager has it now."""
        root = await self.manager.get_state(BaseStateToken(ident=self.token, cls=state_cls))
        return root.get_substate(state_cls.get_full_name().split(".")[1:])


def redis_url() -> str:
    return os.environ.get("JUVENILE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_unavailable_reason() -> str | None:
    """Why Redis tests cannot run here, or None when they can."""
    import redis

    try:
        client = redis.Redis.from_url(redis_url(), socket_connect_timeout=1)
        client.ping()
        client.close()
    except Exception as error:  # any failure: no server to test against
        return f"Redis not reachable at {redis_url()}: {str(error).splitlines()[0]}"
    return None


class Clock:
    """A settable clock for the cache's time-to-live (seconds, like time.monotonic)."""

    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now
