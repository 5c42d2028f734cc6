"""The session cache (juvenile.cache): a value lives for its time to live, a key
of one browser tab finds nothing of another, the disk cache writes only into the
private folder, atomically, and removes what expired; the Redis cache keeps
each value under its own ``juvenile:cache:`` key with an expiry."""

import os
import time
import uuid

import pytest
from cache_world import Clock, redis_unavailable_reason, redis_url

from juvenile import cache, settings


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def disk(tmp_path, clock) -> cache.SessionCache:
    return cache.SessionCache(cache.DiskStore(tmp_path / "private" / "cache"), clock=clock)


@pytest.fixture
def redis_cache(clock):
    reason = redis_unavailable_reason()
    if reason:
        pytest.skip(reason)
    import redis

    client = redis.Redis.from_url(redis_url())
    store = cache.RedisStore(client, f"{cache.REDIS_PREFIX}test-{uuid.uuid4().hex}:")
    yield cache.SessionCache(store, clock=clock), client, store
    for key in client.scan_iter(match=f"{store.prefix}*"):
        client.delete(key)
    client.close()


def _key(token: str = "tab-1", purpose: str = "analysis") -> cache.SessionKey:
    return cache.SessionKey.new(purpose, token)


def test_a_value_lives_for_its_time_to_live_and_no_longer(disk, clock):
    key = _key()
    disk.put(key, {"frames": [1, 2, 3]}, ttl=60)
    clock.now += 59
    assert disk.get(key) == {"frames": [1, 2, 3]}
    clock.now += 2
    assert disk.get(key) is None
    assert not disk.store.path(key.name).exists()  # removed when found expired


def test_another_worker_reads_the_value_until_it_expires(disk, clock):
    """A second process (its own cache object, no shared memory) reads the file."""
    key = _key()
    disk.put(key, b"\x00" * 1000, ttl=60)
    other = cache.SessionCache(cache.DiskStore(disk.store.folder), clock=clock)
    assert other.get(key) == b"\x00" * 1000
    clock.now += 61
    assert other.get(key) is None


def test_two_client_tokens_never_share_a_value(disk):
    mine = _key("tab-1")
    theirs = cache.SessionKey(mine.purpose, "tab-2", mine.ref)  # the same reference
    other_purpose = cache.SessionKey("import-upload", "tab-1", mine.ref)
    disk.put(mine, "mine", ttl=60)
    assert disk.get(mine) == "mine"
    assert disk.get(theirs) is None and disk.get(other_purpose) is None
    assert len({mine.name, theirs.name, other_purpose.name}) == 3
    assert "tab-1" not in mine.name and mine.ref not in mine.name
    assert _key().ref != _key().ref and len(mine.ref) >= 20  # random, not guessable


def test_a_key_needs_a_reference_and_a_plain_purpose():
    with pytest.raises(ValueError):
        cache.SessionKey("analysis", "tab-1", "")
    with pytest.raises(ValueError):
        cache.SessionKey("../etc", "tab-1", "x")


def test_the_disk_cache_writes_only_into_the_private_folder(tmp_path, monkeypatch):
    private, public = tmp_path / "private", tmp_path / "assets"
    public.mkdir()
    monkeypatch.setenv("JUVENILE_PRIVATE_DIR", str(private))
    monkeypatch.delenv("JUVENILE_REDIS_URL", raising=False)
    previous = cache.configure(None)
    try:
        session_cache = cache.session_cache()
        assert isinstance(session_cache.store, cache.DiskStore)
        assert session_cache.store.folder == settings.private_dir() / "cache"
        key = _key()
        session_cache.put(key, b"uploaded file", ttl=60)
    finally:
        cache.configure(previous)
    [file] = list(tmp_path.rglob("*.bin"))
    assert file.parent == private / "cache" and file.name == key.name.replace(":", "-") + ".bin"
    assert file.stat().st_mode & 0o077 == 0  # the server's user only
    assert (private / "cache").stat().st_mode & 0o077 == 0
    assert [p.name for p in (private / "cache").iterdir()] == [file.name]  # no temporary left
    assert list(public.iterdir()) == []


def test_with_a_redis_url_the_cache_is_redis(monkeypatch):
    monkeypatch.setenv("JUVENILE_REDIS_URL", "redis://127.0.0.1:1/0")  # not connected yet
    store = cache.from_settings().store
    assert isinstance(store, cache.RedisStore) and store.prefix == "juvenile:cache:"


def test_a_write_replaces_a_file_whole(disk, clock, monkeypatch):
    """A failed write leaves the previous value and no temporary file."""
    key = _key()
    disk.put(key, "first", ttl=60)

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        disk.put(key, "second", ttl=60)
    monkeypatch.undo()
    fresh = cache.SessionCache(disk.store, clock=clock)  # not this process's copy
    assert fresh.get(key) == "first"
    assert [p.suffix for p in disk.store.folder.iterdir()] == [".bin"]


def test_expired_files_are_swept_now_and_then(disk, clock):
    old, young = _key(), _key()
    disk.put(old, "old", ttl=10)
    disk.put(young, "young", ttl=10 * cache.SWEEP_SECONDS)
    crashed = disk.store.folder / ".part-crashed"
    crashed.write_bytes(b"half a write")
    os.utime(crashed, (clock.now - 2 * cache.SWEEP_SECONDS,) * 2)
    clock.now += cache.SWEEP_SECONDS + 1
    disk.put(_key(), "a later value", ttl=60)  # a put sweeps, at most every SWEEP_SECONDS
    names = {p.name for p in disk.store.folder.iterdir()}
    assert disk.store.path(old.name).name not in names and crashed.name not in names
    assert disk.store.path(young.name).name in names


def test_a_damaged_file_reads_as_missing(disk):
    key = _key()
    disk.store.folder.mkdir(parents=True)
    disk.store.path(key.name).write_bytes(b"garbage")
    assert disk.get(key) is None
    assert not disk.store.path(key.name).exists()


def test_a_discarded_value_is_gone(disk):
    key = _key()
    disk.put(key, "value", ttl=60)
    disk.discard(key)
    assert disk.get(key) is None and not disk.store.path(key.name).exists()
    disk.discard(key)  # twice is harmless


def test_this_process_keeps_recent_values_within_its_budget(tmp_path, clock):
    small = cache.SessionCache(cache.DiskStore(tmp_path / "c"), clock=clock, memo_bytes=3000)
    first, second = _key(), _key()
    small.put(first, b"1" * 2000, ttl=60)
    small.put(second, b"2" * 2000, ttl=60)
    assert list(small._memo) == [second.name]  # the newest always stays
    small.store.delete(second.name)
    assert small.get(second) == b"2" * 2000  # from this process's copy
    assert small.get(first) == b"1" * 2000  # from the file


def test_the_redis_cache_keeps_each_value_under_its_key_with_an_expiry(redis_cache):
    session_cache, client, store = redis_cache
    key = _key()
    session_cache.put(key, {"figures": list(range(100))}, ttl=120)
    name = store.key(key.name)
    assert name.startswith("juvenile:cache:") and name.endswith(key.name)
    assert 0 < client.ttl(name) <= 120
    assert client.strlen(name) > 100
    other = cache.SessionCache(cache.RedisStore(client, store.prefix))  # another worker
    assert other.get(key) == {"figures": list(range(100))}
    assert other.get(cache.SessionKey(key.purpose, "tab-2", key.ref)) is None
    client.pexpire(name, 1)  # Redis lets it go
    time.sleep(0.05)
    fresh = cache.SessionCache(cache.RedisStore(client, store.prefix))
    assert fresh.get(key) is None
    session_cache.put(key, "again", ttl=120)
    session_cache.discard(key)
    assert client.exists(name) == 0


def test_the_redis_cache_counts_the_time_left(redis_cache, clock):
    """A value read from Redis expires in this process when its key does."""
    session_cache, client, store = redis_cache
    key = _key()
    session_cache.put(key, "value", ttl=30)
    reader = cache.SessionCache(cache.RedisStore(client, store.prefix), clock=clock)
    assert reader.get(key) == "value"
    client.delete(store.key(key.name))
    assert reader.get(key) == "value"  # this process's copy, until its 30 s end
    clock.now += 31
    assert reader.get(key) is None
