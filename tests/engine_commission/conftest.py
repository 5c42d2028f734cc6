"""Fixtures of the commission-side engine tests (helpers live in commission_world.py)."""

from datetime import datetime

import pytest
from commission_world import World, build_world

from juvenile import clock

# The tests' decisions, returns and notices are dated up to spring 2027, and no act
# may be dated after today (issue 15 item 3): their clock stands in June 2027.
TESTS_TODAY = datetime(2027, 6, 1, 12, 0, tzinfo=clock.KAZAKHSTAN_TIME)


@pytest.fixture(autouse=True)
def engine_clock():
    with clock.frozen_at(TESTS_TODAY) as moment:
        yield moment


@pytest.fixture
def world(database) -> World:
    """A fresh database with the tree of commission_world.ORGANISATIONS."""
    return build_world()
