"""Whether a meeting's minutes are locked (approved), asked by every service that
changes what the minutes record: attendance, agenda, hearing notes, decisions.

Approved minutes are an official record of the commission (Art. 79): a change
after approval is made only through a new, numbered amendment with its reason
(services.minutes.open_amendment), never silently. Kept apart from
services.minutes so that the agenda and meeting services can ask without an
import cycle.
"""

from sqlmodel import Session, col, select

from juvenile.models import MinutesVersion
from juvenile.rules.commission import check_minutes_unlocked


def latest_version(session: Session, meeting_id: int) -> MinutesVersion | None:
    """The meeting's newest minutes version (approved or an open amendment), if any."""
    return session.exec(
        select(MinutesVersion).where(MinutesVersion.meeting_id == meeting_id)
        .order_by(col(MinutesVersion.number).desc())
    ).first()


def require_unlocked(session: Session, meeting_id: int) -> None:
    """Refuse a change to a meeting whose minutes are approved (open an amendment first)."""
    latest = latest_version(session, meeting_id)
    check_minutes_unlocked(latest.number if latest is not None and latest.approved_at is not None
                           else None)
