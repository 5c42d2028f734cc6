"""Bringing the database schema to the newest migration."""

from alembic import command
from alembic.config import Config

from juvenile import db, settings


def alembic_config() -> Config:
    """The project's alembic.ini, running on the process engine's connection."""
    return Config(str(settings.PROJECT_ROOT / "alembic.ini"))


def upgrade_database() -> None:
    """Apply every migration not yet applied (harmless when there is none)."""
    config = alembic_config()
    with db.engine().begin() as connection:
        config.attributes["connection"] = connection
        config.attributes["configure_logger"] = False
        command.upgrade(config, "head")
