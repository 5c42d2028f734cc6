"""Daily housekeeping: no support case outlives the minor's eighteenth birthday.

Art. 78 (2) covers minors only, and registration of a minor ends at 18
(Art. 59 (8) item 4), so open cases of students who have turned 18 close with
the outcome "turned 18". Closed cases are never touched again, so running it
daily (or twice) is harmless.
"""

from datetime import date

from sqlmodel import col, select

from juvenile import clock
from juvenile.db import lock, transaction
from juvenile.models import Student, SupportCase
from juvenile.rules.age import eighteenth_birthday, is_minor
from juvenile.rules.cases import CaseState, CloseOutcome
from juvenile.security.actor import Actor
from juvenile.security.gate import authorize
from juvenile.security.policy import Permission
from juvenile.services.school.cases import case_scope, close


def close_cases_of_adults(actor: Actor, on: date | None = None) -> int:
    """Close every open case whose student is 18 on ``on``; returns how many closed.

    The case is closed as of the eighteenth birthday (not the day this runs),
    so a late run still records the day the law's reach ended.
    """
    on = on or clock.today()
    closed = 0
    with transaction() as session:
        open_cases = session.exec(
            select(SupportCase, Student)
            .join(Student, col(Student.id) == SupportCase.student_id)
            .where(SupportCase.state != CaseState.CLOSED)
            .order_by(col(SupportCase.id))
        ).all()
        for case, student in open_cases:
            if is_minor(student.birth_date, on):
                continue
            authorize(session, actor, Permission.UPDATE, case_scope(session, case, student))
            case = lock(session, SupportCase, case.id)  # a user may have closed it meanwhile
            if case is None or case.state == CaseState.CLOSED:  # cases are never deleted
                continue
            closed_on = max(eighteenth_birthday(student.birth_date), case.opened_on)
            close(session, actor, case, CloseOutcome.TURNED_18, closed_on)
            closed += 1
    return closed
