"""Fixtures of the commission-side engine tests (helpers live in commission_world.py)."""

import pytest
from commission_world import World, build_world, clock_after_the_tests_dates

engine_clock = pytest.fixture(autouse=True)(clock_after_the_tests_dates)


@pytest.fixture
def world(database) -> World:
    """A fresh database with the tree of commission_world.ORGANISATIONS."""
    return build_world()
