"""One clock: "today" and "now" as the portal means them (issue 17 item 5).

The portal's days are Kazakhstan's days. Kazakhstan keeps a single time zone,
UTC+5, since 1 March 2024 (the eastern regions moved from UTC+6). The zone is
``Asia/Almaty``: the tz database gives it UTC+5 from 2024-03-01 on (tzdata
2024a and later; this machine's system zoneinfo 2025b and the ``tzdata``
package 2026.6 both agree, for every month of 2026), and it names the country's
largest city, so a reader recognises it. ``Asia/Qostanay`` and ``Asia/Oral``
give the same offset in 2026 but name a single region each. An older tzdata
(before 2024a) would still say UTC+6 for Almaty; ``tests/test_clock.py``
checks the offset, so such a machine fails the tests instead of shifting days.

A server usually runs on UTC: ``date.today()`` there is London's day, and
between 00:00 and 05:00 in Kazakhstan it is still yesterday, so a mark or a flag
for the real day was refused as "in the future". Everything asks this module:

* ``today()``: the date in Kazakhstan now (services, rules' callers, reports,
  the CLI and the states; the rules themselves still take ``today`` as a
  parameter and stay pure);
* ``now()``: the moment, aware, in UTC: what the database stores
  (``models.base.utcnow`` asks it);
* ``local_now()``: the moment, aware, in Kazakhstan time;
* ``local(moment)`` / ``day_of(moment)``: a stored UTC moment as Kazakhstan
  time / as the day it was in Kazakhstan;
* ``KAZAKHSTAN_TIME``: the zone itself, defined here and nowhere else.

Tests set the clock with ``frozen_at(moment)``, a context manager: inside it
every call above answers as if it were ``moment`` (an aware datetime; a naive
one is refused, since it would be ambiguous). Frozen, the clock does not tick.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

ZONE_NAME = "Asia/Almaty"
KAZAKHSTAN_TIME = ZoneInfo(ZONE_NAME)

# Process-wide (not a context variable): a frozen moment must reach Reflex's
# background tasks and worker threads too. Only tests set it.
_frozen: datetime | None = None


def now() -> datetime:
    """The current moment, timezone-aware, in UTC."""
    return _frozen if _frozen is not None else datetime.now(UTC)


def local_now() -> datetime:
    """The current moment, timezone-aware, in Kazakhstan time."""
    return now().astimezone(KAZAKHSTAN_TIME)


def today() -> date:
    """Today's date in Kazakhstan, whatever the server's own zone."""
    return local_now().date()


def local(moment: datetime) -> datetime:
    """An aware moment (stored in UTC) as Kazakhstan time; a naive one is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(KAZAKHSTAN_TIME)


def offset_label(moment: datetime | None = None) -> str:
    """Kazakhstan's offset from UTC at ``moment`` (now by default), e.g. "UTC+5", for
    the line that names the zone every time on a page or in a document is in."""
    offset = local(moment or now()).utcoffset()
    hours, rest = divmod(int(offset.total_seconds()) // 60, 60)
    return f"UTC{hours:+d}" + (f":{rest:02d}" if rest else "")


def day_of(moment: datetime) -> date:
    """The day a stored moment fell on in Kazakhstan."""
    return local(moment).date()


@contextmanager
def frozen_at(moment: datetime) -> Iterator[datetime]:
    """Let the clock answer ``moment`` (aware) until the block ends; for tests."""
    global _frozen
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("frozen_at needs an aware datetime")
    previous, _frozen = _frozen, moment.astimezone(UTC)
    try:
        yield _frozen
    finally:
        _frozen = previous
