"""Fixtures of the commission-side engine tests (helpers live in commission_world.py)."""

import pytest
from commission_world import World, build_world


@pytest.fixture
def world(database) -> World:
    """A fresh database with the tree of commission_world.ORGANISATIONS."""
    return build_world()
