"""Plumbing every service area shares: paging, an import's counts, the migration helper.

Imports nothing from the service areas; Alembic is loaded only when a
migration runs, so the command line starts without it.
"""

from dataclasses import dataclass

from juvenile import db, settings


def page_count(total: int, page_size: int) -> int:
    """Pages needed for ``total`` rows (at least one, so an empty list has page 1)."""
    return max(1, -(-total // page_size))


class Paged:
    """Mixin for a page of results that has ``total`` and ``page_size`` fields."""

    total: int
    page_size: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.page_size)


@dataclass(frozen=True)
class ImportSummary:
    """How many records a file import created and how many it updated."""

    created: int
    updated: int


def alembic_config():
    """The project's alembic.ini, running on the process engine's connection."""
    from alembic.config import Config

    return Config(str(settings.PROJECT_ROOT / "alembic.ini"))


def upgrade_database() -> None:
    """Apply every migration not yet applied (harmless when there is none)."""
    from alembic import command

    config = alembic_config()
    with db.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes["configure_logger"] = False
        command.upgrade(config, "head")
