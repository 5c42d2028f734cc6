"""Demo data in Kazakh and Russian, safe to load more than once."""

from pathlib import Path

from sqlmodel import select

from juvenile.db import transaction
from juvenile.models import School
from juvenile.services.organisations import ImportSummary, import_organisations

ORGANISATIONS_FILE = Path(__file__).parent / "organisations.csv"


def database_is_empty() -> bool:
    """True when no school exists yet: the portal has never been set up."""
    with transaction() as session:
        return session.exec(select(School.id).limit(1)).first() is None


def load_demo() -> ImportSummary:
    """Load (or refresh) the demo organisations; later layers add their own data."""
    return import_organisations(ORGANISATIONS_FILE)


def demo_sign_ins() -> list[tuple[str, str, str]]:
    """(login, password, role) of the demo users; the identity layer creates them."""
    return []
