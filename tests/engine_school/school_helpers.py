"""Helpers the school-side engine tests import (conftest only holds fixtures)."""

import io

from sqlmodel import func, select

from juvenile import db
from juvenile.security.actor import Actor
from juvenile.services.school.student_file import FlagLine, student_file

SYSTEM = Actor.system()


def count(table) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def csv_file(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))


def card_flags(actor: Actor, student_id: int) -> list[FlagLine]:
    """The flags the student card shows ``actor``, newest first (the gate decides)."""
    return student_file(actor, student_id).flags
