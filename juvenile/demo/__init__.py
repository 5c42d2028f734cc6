"""Demo data in Kazakh and Russian, safe to load more than once."""

from pathlib import Path

from sqlmodel import select

from juvenile.db import transaction
from juvenile.demo.commission import load_commission_demo
from juvenile.demo.students import load_demo_students
from juvenile.demo.users import demo_sign_ins, load_demo_users
from juvenile.models import School
from juvenile.security.actor import Actor
from juvenile.services.administration.organisations import import_organisations
from juvenile.services.common import ImportSummary

ORGANISATIONS_FILE = Path(__file__).parent / "organisations.csv"


def database_is_empty() -> bool:
    """True when no school exists yet: the portal has never been set up."""
    with transaction() as session:
        return session.exec(select(School.id).limit(1)).first() is None


def load_demo() -> ImportSummary:
    """Load (or refresh) the demo organisations; later layers add their own data."""
    summary = import_organisations(Actor.system(), ORGANISATIONS_FILE)
    load_demo_users()
    load_demo_students()
    load_commission_demo()  # keep last: its placements use the demo students
    return summary


__all__ = ["database_is_empty", "demo_sign_ins", "load_demo"]
