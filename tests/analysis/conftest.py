"""The hand-built district of analysis_world.py, fresh for each test."""

import pytest
from analysis_world import World, build_world


@pytest.fixture
def world(database) -> World:
    return build_world()
