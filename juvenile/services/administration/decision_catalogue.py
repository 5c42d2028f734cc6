"""The catalogue of the commission's decisions (Art. 79): the types a decision is
chosen from, each with its names in Kazakh and Russian and whether it needs an
executor and a due date. Migration 0003 seeds the defaults; administrators add,
withdraw and restore types. Recording a decision is in services.commission.decisions.
"""

import re

from sqlmodel import Session, col, select

from juvenile.db import transaction
from juvenile.errors import InputRefused
from juvenile.models import DecisionType
from juvenile.rules.errors import RuleViolation
from juvenile.security.actor import Actor
from juvenile.security.gate import NotFound, authorize
from juvenile.security.policy import Permission, RecordKind, RecordScope

CODE_PATTERN = re.compile(r"[a-z][a-z0-9_]{1,39}")
NAME_MAX_LENGTH = 300


def type_by_code(session: Session, code: str) -> DecisionType | None:
    return session.exec(select(DecisionType).where(DecisionType.code == code)).first()


def list_decision_types(actor: Actor, include_inactive: bool = False) -> list[DecisionType]:
    """The catalogue. It holds no personal data, so every signed-in user may read it."""
    with transaction() as session:
        query = select(DecisionType)
        if not include_inactive:
            query = query.where(DecisionType.active)
        return list(session.exec(query.order_by(col(DecisionType.id))))


def add_decision_type(
    actor: Actor, code: str, name_kk: str, name_ru: str, follow_up: bool = True
) -> DecisionType:
    """Extend the catalogue (administrators)."""
    code, name_kk, name_ru = code.strip(), " ".join(name_kk.split()), " ".join(name_ru.split())
    if not CODE_PATTERN.fullmatch(code):
        raise InputRefused("decision.bad_type_code", code=code)
    if not name_kk or not name_ru or max(len(name_kk), len(name_ru)) > NAME_MAX_LENGTH:
        raise InputRefused("decision.bad_type_name", limit=NAME_MAX_LENGTH)
    with transaction() as session:
        authorize(session, actor, Permission.CREATE,
                  RecordScope(kind=RecordKind.DECISION_CATALOGUE))
        if type_by_code(session, code) is not None:
            raise RuleViolation("decision.type_code_taken", code=code)
        decision_type = DecisionType(code=code, name_kk=name_kk, name_ru=name_ru,
                                     follow_up=follow_up)
        session.add(decision_type)
        session.flush()
        return decision_type


def set_decision_type_active(actor: Actor, code: str, active: bool) -> DecisionType:
    """Withdraw a type from (or return it to) the choice; past decisions keep it."""
    with transaction() as session:
        authorize(session, actor, Permission.UPDATE,
                  RecordScope(kind=RecordKind.DECISION_CATALOGUE))
        decision_type = type_by_code(session, code)
        if decision_type is None:
            raise NotFound(RecordKind.DECISION_CATALOGUE, code)
        decision_type.active = active
        session.add(decision_type)
        return decision_type
