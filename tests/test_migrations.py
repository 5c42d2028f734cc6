"""The migrations build the schema the models describe, up and down, on every backend."""

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import select

from juvenile import db
from juvenile.models import Region, metadata
from juvenile.services.common import alembic_config, upgrade_database


def _run(direction: str, target: str) -> None:
    config = alembic_config()
    with db.engine().begin() as connection:
        config.attributes["connection"] = connection
        config.attributes["configure_logger"] = False
        getattr(command, direction)(config, target)


def test_models_and_migrations_agree(database):
    with db.engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


# It migrates on a connection of its own and commits (dropping every table): on
# PostgreSQL it gets a database of its own rather than the shared, rolled-back one.
@pytest.mark.real_commits
def test_downgrade_to_base_and_back(database):
    _run("downgrade", "base")
    tables = set(sa.inspect(db.engine()).get_table_names()) - {"alembic_version"}
    assert tables == set()
    _run("upgrade", "head")
    assert set(metadata.tables) <= set(sa.inspect(db.engine()).get_table_names())


def test_upgrade_twice_is_harmless(database):
    upgrade_database()
    upgrade_database()
    with db.transaction() as session:
        assert len(session.exec(select(Region)).all()) == 20


def test_regions_are_seeded_with_their_iso_codes(database):
    with db.transaction() as session:
        regions = {region.code: region for region in session.exec(select(Region))}
    assert len(regions) == 20
    assert sum(region.kind == "oblast" for region in regions.values()) == 17
    assert {code for code, region in regions.items() if region.kind == "city"} == {
        "KZ-71", "KZ-75", "KZ-79"
    }
    assert regions["KZ-75"].name_kk == "Алматы қаласы"
    assert regions["KZ-62"].name_ru == "Область Ұлытау"


@pytest.mark.real_commits
def test_kurban_ait_entered_as_a_day_off_becomes_a_kurban_ait(database):
    """0004 (issue 14 item 1): a day off whose note names Kurban ait was the only way
    to enter it; it is now the confirmed Kurban ait of its year."""
    from datetime import date

    from juvenile.models import CalendarDay, CalendarDayKind

    _run("downgrade", "0003")
    with db.engine().begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO calendar_day (day, kind, note) VALUES "
            "('2026-05-27', 'day_off', 'Құрбан айт'), ('2027-05-17', 'day_off', 'КУРБАН АЙТ'), "
            "('2026-12-14', 'day_off', 'Үкімет қаулысы')"))
    _run("upgrade", "head")
    with db.transaction() as session:
        kinds = {row.day: row.kind for row in session.exec(select(CalendarDay))}
    assert kinds == {date(2026, 5, 27): CalendarDayKind.KURBAN_AIT,
                     date(2027, 5, 17): CalendarDayKind.KURBAN_AIT,
                     date(2026, 12, 14): CalendarDayKind.DAY_OFF}
