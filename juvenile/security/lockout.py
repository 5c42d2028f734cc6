"""The sign-in lockout: 5 failed sign-ins of one login within 15 minutes lock
that login for 15 minutes. A success starts the count again."""

from collections.abc import Iterable
from datetime import datetime, timedelta

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)
# How far back attempts can matter: a window that ended just as its lock began.
LOOKBACK = WINDOW + LOCK


def locked_until(attempts: Iterable[tuple[datetime, bool]]) -> datetime | None:
    """When the lock caused by these (time, succeeded) attempts ends, or None.

    Attempts refused while locked are not counted (the caller does not record
    them), so a lock lasts exactly LOCK after the failure that caused it.
    """
    failures: list[datetime] = []
    until = None
    for at, succeeded in sorted(attempts):
        if succeeded:
            failures, until = [], None
            continue
        failures.append(at)
        if len(failures) >= MAX_FAILURES and at - failures[-MAX_FAILURES] <= WINDOW:
            until = at + LOCK
            failures = []  # the lock has used these failures up
    return until


def is_locked(attempts: Iterable[tuple[datetime, bool]], now: datetime) -> bool:
    until = locked_until(attempts)
    return until is not None and now < until
