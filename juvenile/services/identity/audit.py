"""Reading the audit log: the administration page's search and the CSV export.

The log is append-only (Art. 83 (2): disclosure of a child's data must be
traceable): this module, like the rest of the application, only reads it and
adds to it. Times are stored and shown in UTC.
"""

import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TextIO

from sqlmodel import col, func, select

from juvenile.db import transaction
from juvenile.errors import Refusal
from juvenile.models import AuditEntry
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope
from juvenile.services.common import Paged
from juvenile.spreadsheet import text_cell

PAGE_SIZE = 50
CSV_COLUMNS = ("id", "at_utc", "login", "user_id", "action", "record_type", "record_id",
               "organisation", "outcome", "detail")
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # UTC
_LOG = RecordScope(kind=RecordKind.AUDIT_LOG)


class AuditQueryRefused(Refusal, ValueError):
    """The audit filter cannot be used (e.g. a period that ends before it starts)."""


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show: by login, by record (type and/or id), by period (UTC days)."""

    login: str = ""
    record_type: str = ""
    record_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class AuditPage(Paged):
    entries: list[AuditEntry]
    total: int
    page: int
    page_size: int


def check_period(date_from: date | None, date_to: date | None) -> tuple[datetime | None,
                                                                      datetime | None]:
    """The period as [from 00:00, the day after ``to`` 00:00): both days included."""
    if date_from and date_to and date_from > date_to:
        raise AuditQueryRefused("audit.error.period_reversed")
    start = datetime.combine(date_from, time.min, UTC) if date_from else None
    end = datetime.combine(date_to + timedelta(days=1), time.min, UTC) if date_to else None
    return start, end


def _query(criteria: AuditFilter):
    start, end = check_period(criteria.date_from, criteria.date_to)
    query = select(AuditEntry)
    if criteria.login.strip():
        query = query.where(AuditEntry.login == criteria.login.strip().lower())
    if criteria.record_type.strip():
        query = query.where(AuditEntry.record_type == criteria.record_type.strip())
    if criteria.record_id is not None:
        query = query.where(AuditEntry.record_id == criteria.record_id)
    if start is not None:
        query = query.where(AuditEntry.at >= start)
    if end is not None:
        query = query.where(AuditEntry.at < end)
    return query


def search_audit(actor: Actor, criteria: AuditFilter, page: int = 1,
                 page_size: int = PAGE_SIZE) -> AuditPage:
    """One page of matching entries, newest first."""
    page = max(1, page)
    query = _query(criteria)
    with transaction() as session:
        authorize(session, actor, Permission.VIEW, _LOG)
        total = session.exec(select(func.count()).select_from(query.subquery())).one()
        entries = session.exec(
            query.order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
            .offset((page - 1) * page_size).limit(page_size)
        ).all()
        return AuditPage(list(entries), total, page, page_size)


def _cell(value: object) -> object:
    # Spreadsheets run a cell that starts like a formula; typed logins reach the log.
    return text_cell("" if value is None else str(value))


def export_audit_csv(actor: Actor, date_from: date, date_to: date, output: TextIO) -> int:
    """Write the entries of the period (both days included, UTC) as CSV, oldest
    first; returns how many. The export itself is audited."""
    start, end = check_period(date_from, date_to)
    columns = (AuditEntry.id, AuditEntry.at, AuditEntry.login, AuditEntry.user_id,
               AuditEntry.action, AuditEntry.record_type, AuditEntry.record_id,
               AuditEntry.organisation, AuditEntry.outcome, AuditEntry.detail)
    # sqlmodel types select() for four columns at most
    query = (select(*columns)  # pyright: ignore[reportCallIssue]
             .where(col(AuditEntry.at) >= start, col(AuditEntry.at) < end)
             .order_by(AuditEntry.at, AuditEntry.id).execution_options(yield_per=5000))
    writer = csv.writer(output)
    writer.writerow(CSV_COLUMNS)
    count = 0
    with transaction() as session:
        entry = authorize(session, actor, Permission.EXPORT, _LOG)
        entry.detail = f"{date_from.isoformat()}..{date_to.isoformat()}"
        with session.no_autoflush:  # the export's own entry is not part of it
            for row in session.exec(query):
                values = list(row)
                values[1] = values[1].strftime(TIME_FORMAT)
                values[4] = values[4].value
                writer.writerow([_cell(value) for value in values])
                count += 1
    return count
