"""Helpers the school-side engine tests import (conftest only holds fixtures)."""

import io

from sqlmodel import func, select

from juvenile import db
from juvenile.security.actor import Actor

SYSTEM = Actor.system()


def count(table) -> int:
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(table)).one()


def csv_file(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))
