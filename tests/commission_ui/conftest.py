"""Fixtures of the commission workspace's service tests."""

import pytest
from commission_sitting import Sitting, hold_sitting
from commission_world import World, build_world, clock_after_the_tests_dates

from juvenile.models import Role
from juvenile.security.actor import Actor

engine_clock = pytest.fixture(autouse=True)(clock_after_the_tests_dates)


@pytest.fixture
def world(database) -> World:
    return build_world()


@pytest.fixture
def sitting(world) -> Sitting:
    return hold_sitting(world)


@pytest.fixture
def member(world) -> Actor:
    return world.user(Role.COMMISSION_MEMBER, "C1")
