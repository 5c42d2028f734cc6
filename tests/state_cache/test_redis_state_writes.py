"""With Reflex's Redis state manager (several workers), an event writes only small
states: the uploaded file and the computed analysis stay in the session cache
(issue 19, item 4).

Reflex writes, after each event and each ``async with self`` of a background
task, every state the event touched, pickled whole. The manager's writes are
counted as it sends them, and the keys' sizes are read back from Redis. The
test runs against JUVENILE_TEST_REDIS_URL (default: the local server), is
skipped with the reason when that does not answer, and deletes its keys.
"""

# ruff: noqa: F811
import asyncio
import uuid

import pytest
from cache_world import (  # noqa: F401 (fixtures)
    ANALYST,
    PSYCHOLOGIST,
    Tab,
    attendance_file,
    redis_unavailable_reason,
    redis_url,
    upload_of,
    world,
    world_template,
)
from reflex.istate.manager.redis import StateManagerRedis
from reflex_base.event.processor import BaseStateEventProcessor

import juvenile.state.school.imports as import_module
from juvenile import cache
from juvenile.state.analysis.screen import AnalysisState
from juvenile.state.auth import AuthState
from juvenile.state.i18n import I18nState
from juvenile.state.school.imports import ImportState

LIMIT = 100 * 1024  # bytes of state one event may write
UPLOAD_MIB = 4


@pytest.fixture
def redis_prefixes():
    """A cache under a prefix of this test's own; every key of it and of the
    test's tabs is deleted afterwards."""
    reason = redis_unavailable_reason()
    if reason:
        pytest.skip(reason)
    import redis

    client = redis.Redis.from_url(redis_url())
    cache_prefix = f"{cache.REDIS_PREFIX}test-{uuid.uuid4().hex}:"
    previous = cache.configure(cache.SessionCache(cache.RedisStore(client, cache_prefix)))
    tokens: list[str] = []
    yield client, cache_prefix, tokens
    cache.configure(previous)
    for pattern in [f"{cache_prefix}*", *(f"{token}*" for token in tokens)]:
        for key in client.scan_iter(match=pattern, count=1000):
            client.delete(key)
    client.close()


class Meter:
    """The bytes of every state write the manager sends to Redis."""

    def __init__(self, manager: StateManagerRedis):
        self.writes: list[dict[str, int]] = []
        collect = manager._collect_state_writes

        def counted(token, state):
            found = collect(token, state)
            self.writes.append({key.split("_", 1)[1]: len(data) for key, data in found})
            return found

        manager._collect_state_writes = counted

    def take(self) -> list[dict[str, int]]:
        taken, self.writes = self.writes, []
        return taken


def _summary(label: str, writes: list[dict[str, int]]) -> dict:
    sizes = [sum(write.values()) for write in writes]
    return {"event": label, "writes": len(sizes), "total": sum(sizes),
            "largest": max(sizes, default=0)}


async def _with_redis(client_prefixes, scenario):
    client, cache_prefix, tokens = client_prefixes
    from redis.asyncio import Redis

    manager = StateManagerRedis(redis=Redis.from_url(redis_url()))
    meter = Meter(manager)
    processor = BaseStateEventProcessor().configure(state_manager=manager)
    try:
        async with processor:
            return await scenario(manager, processor, meter, tokens)
    finally:
        await manager.close()


def _report(title: str, rows: list[dict], cached: dict[str, int]) -> None:
    print(f"\n{title}: state bytes written to Redis per event; cache bytes {cached}")
    for row in rows:
        print(f"  {row['event']:<34} writes={row['writes']:<3} total={row['total']:>9} "
              f"largest={row['largest']:>9}")


def _cache_bytes(client, cache_prefix: str) -> int:
    return sum(client.strlen(key) for key in client.scan_iter(match=f"{cache_prefix}*"))


def test_the_import_page_writes_small_states_with_a_big_upload_in_play(world, redis_prefixes,
                                                                       monkeypatch):
    client, cache_prefix, _ = redis_prefixes
    data = attendance_file(world.iins, padding=UPLOAD_MIB * 1024 * 1024)
    assert len(data) > UPLOAD_MIB * 1024 * 1024
    # The import takes a moment and the page polls often, so progress writes happen.
    monkeypatch.setattr(import_module, "_POLL_SECONDS", 0.05)
    real_run = import_module.run_import

    def slow_run(*args):
        import time

        time.sleep(0.4)
        return real_run(*args)

    monkeypatch.setattr(import_module, "run_import", slow_run)

    async def scenario(manager, processor, meter, tokens):
        tab = Tab(manager, processor, "/school/import")
        tokens.append(tab.token)
        await tab.open(PSYCHOLOGIST)
        rows = []
        await tab.send(ImportState, "load")
        rows.append(_summary("load", meter.take()))
        await tab.send(ImportState, "upload", router_data={}, files=[upload_of(data)])
        rows.append(_summary("upload (and its check)", meter.take()))
        ready = await tab.state(ImportState)
        assert ready.phase == "ready", ready.message
        cached["after the upload"] = _cache_bytes(client, cache_prefix)
        await tab.send(AuthState, "check_access")
        rows.append(_summary("check_access (every page)", meter.take()))
        await tab.send(ImportState, "relabel")
        rows.append(_summary("relabel", meter.take()))
        await tab.send(ImportState, "run")
        run = meter.take()
        rows.append(_summary("run (each progress poll a write)", run))
        done = await tab.state(ImportState)
        assert done.phase == "done", done.message
        assert len(run) >= 3  # the start, some polls, the end
        key = f"{tab.token}_{ImportState.get_full_name()}"
        return rows, client.strlen(key)

    cached: dict[str, int] = {}
    rows, kept = asyncio.run(_with_redis(redis_prefixes, scenario))
    cached["after the import"] = _cache_bytes(client, cache_prefix)
    _report(f"import page, {len(data)} bytes uploaded", rows, cached)
    assert all(row["total"] < LIMIT for row in rows), rows
    assert kept < LIMIT
    # The file went to Redis once, under the cache's own key, and was let go after.
    assert cached == {"after the upload": pytest.approx(len(data), rel=0.01),
                      "after the import": 0}


def test_the_analysis_page_writes_small_states_with_a_region_computed(world, redis_prefixes):
    client, cache_prefix, _ = redis_prefixes

    async def scenario(manager, processor, meter, tokens):
        tab = Tab(manager, processor, "/analysis")
        tokens.append(tab.token)
        await tab.open(ANALYST)
        rows = []
        await tab.send(AnalysisState, "load")
        rows.append(_summary("load (computes the region)", meter.take()))
        shown = await tab.state(AnalysisState)
        assert shown.loaded and shown.total == 300 and shown.pages > 1
        first_page = [row for row in shown.rows]
        await tab.send(AnalysisState, "next_page")
        rows.append(_summary("next_page", meter.take()))
        assert (await tab.state(AnalysisState)).page == 2
        code = shown.rank_options[1]["value"]
        await tab.send(AnalysisState, "rank_schools", code=code)
        rows.append(_summary("rank_schools", meter.take()))
        assert (await tab.state(AnalysisState)).rank_by == code
        await tab.send(I18nState, "set_language", language="ru")
        meter.take()
        await tab.send(AnalysisState, "relabel")
        rows.append(_summary("relabel (to Russian)", meter.take()))
        relabelled = await tab.state(AnalysisState)
        assert relabelled.period_title != shown.period_title
        assert first_page
        key = f"{tab.token}_{AnalysisState.get_full_name()}"
        return rows, client.strlen(key)

    rows, kept = asyncio.run(_with_redis(redis_prefixes, scenario))
    _report("analysis page, a region of 300 schools", rows,
            {"at the end": _cache_bytes(client, cache_prefix)})
    assert all(row["total"] < LIMIT for row in rows), rows
    assert kept < LIMIT
