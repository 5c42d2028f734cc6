"""Big values of one browser session, kept on the server beside Reflex's state.

With the Redis state manager a touched state is pickled whole at every event,
backend vars included: an uploaded file or a computed analysis held in a state
var would be written to Redis again at every click and every progress poll.
Such values are kept here instead, once, and the state keeps only the short
random reference of a ``SessionKey``.

A value is stored for a time to live under a name derived from the purpose,
the Reflex client token and that random reference, so it cannot be guessed
from another session. An expired (or never stored) value reads as None: the
caller computes it again or asks the user again.

Where: Redis, under ``juvenile:cache:<purpose>:<digest>`` with an expiry, when
JUVENILE_REDIS_URL is set (the backend workers share it), else one file per
value in the private folder (JUVENILE_PRIVATE_DIR/cache), never a public one.
Values are pickled: they are the server's own objects, read back only by the
server from storage only it writes to, as Reflex stores the state itself.
"""

import hashlib
import math
import os
import pickle
import re
import secrets
import struct
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from juvenile import settings

REDIS_PREFIX = "juvenile:cache:"
CACHE_FOLDER = "cache"  # under the private folder
MEMO_BYTES = 32 * 1024 * 1024  # recently used values kept in this process too
SWEEP_SECONDS = 600.0  # how often (at most) a disk cache removes expired files
_PURPOSE = re.compile(r"[a-z][a-z0-9-]{0,39}")


@dataclass(frozen=True)
class SessionKey:
    """Where one value of one browser session is kept.

    ``purpose`` names the kind of value (``import-upload``), ``client_token`` is
    the Reflex client token of the browser tab and ``ref`` a random reference
    that only the session's state holds.
    """

    purpose: str
    client_token: str
    ref: str

    def __post_init__(self) -> None:
        if not _PURPOSE.fullmatch(self.purpose):
            raise ValueError(f"not a cache purpose: {self.purpose!r}")
        if not self.ref:
            raise ValueError("a cache key needs its random reference")

    @classmethod
    def new(cls, purpose: str, client_token: str) -> "SessionKey":
        """A key with a fresh random reference."""
        return cls(purpose, client_token, secrets.token_urlsafe(16))

    @property
    def name(self) -> str:
        """``<purpose>:<digest>``: neither the token nor the reference is readable in it."""
        material = "\0".join((self.purpose, self.client_token, self.ref)).encode()
        return f"{self.purpose}:{hashlib.sha256(material).hexdigest()}"


class Store(Protocol):
    """Pickled values by name, each with the moment (epoch seconds) it expires."""

    def write(self, name: str, payload: bytes, expires_at: float, now: float) -> None: ...

    def read(self, name: str, now: float) -> tuple[bytes, float] | None: ...

    def delete(self, name: str) -> None: ...

    def sweep(self, now: float) -> None: ...


class RedisStore:
    """One Redis key per value, with the value's time to live as its expiry (EX)."""

    def __init__(self, client, prefix: str = REDIS_PREFIX):
        self.client = client
        self.prefix = prefix

    @classmethod
    def from_url(cls, url: str, prefix: str = REDIS_PREFIX) -> "RedisStore":
        import redis

        return cls(redis.Redis.from_url(url), prefix)

    def key(self, name: str) -> str:
        return self.prefix + name

    def write(self, name: str, payload: bytes, expires_at: float, now: float) -> None:
        self.client.set(self.key(name), payload, ex=max(1, math.ceil(expires_at - now)))

    def read(self, name: str, now: float) -> tuple[bytes, float] | None:
        pipeline = self.client.pipeline(transaction=True)
        pipeline.get(self.key(name))
        pipeline.pttl(self.key(name))
        payload, left_ms = pipeline.execute()
        if payload is None or left_ms == -2:  # no such key (or it expired between)
            return None
        # Redis expires the key itself; -1 (no expiry) is not written by this module.
        return payload, now + (left_ms / 1000 if left_ms >= 0 else SWEEP_SECONDS)

    def delete(self, name: str) -> None:
        self.client.delete(self.key(name))

    def sweep(self, now: float) -> None:
        """Nothing to do: Redis removes expired keys itself."""


class DiskStore:
    """One file per value in a private folder, written atomically (a temporary
    file renamed into place), its expiry in an 8-byte header."""

    MAGIC = b"JVC1"
    _HEADER = struct.Struct(">4sd")
    _TEMPORARY = ".part-"

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, name: str) -> Path:
        return self.folder / (name.replace(":", "-") + ".bin")

    def write(self, name: str, payload: bytes, expires_at: float, now: float) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=self._TEMPORARY)
        try:  # mkstemp creates the file readable by its owner only (0600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(self._HEADER.pack(self.MAGIC, expires_at))
                handle.write(payload)
            os.replace(temporary, self.path(name))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def read(self, name: str, now: float) -> tuple[bytes, float] | None:
        try:
            content = self.path(name).read_bytes()
        except FileNotFoundError:
            return None
        header = self._HEADER.size
        if len(content) < header or content[:4] != self.MAGIC:
            self.delete(name)
            return None
        (_, expires_at) = self._HEADER.unpack(content[:header])
        return content[header:], expires_at

    def delete(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)

    def _expiry(self, path: Path) -> float:
        with path.open("rb") as handle:
            header = handle.read(self._HEADER.size)
        if len(header) < self._HEADER.size or header[:4] != self.MAGIC:
            return 0.0
        return self._HEADER.unpack(header)[1]

    def sweep(self, now: float) -> None:
        """Remove the expired files, and temporary files a crashed write left."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            try:
                if path.name.startswith(self._TEMPORARY):
                    if path.stat().st_mtime < now - SWEEP_SECONDS:
                        path.unlink(missing_ok=True)
                elif path.suffix == ".bin" and self._expiry(path) <= now:
                    path.unlink(missing_ok=True)
            except OSError:  # removed meanwhile by another worker
                continue


class SessionCache:
    """Values by ``SessionKey`` in a store, each for a time to live.

    The values most recently put or read stay in this process as well (up to
    ``memo_bytes`` of their pickled size, and always the newest), so a page
    that reads its analysis at every click does not load it again each time.
    A key's value never changes (a new value gets a new random reference), so
    that copy cannot go stale.
    """

    def __init__(self, store: Store, clock: Callable[[], float] = time.time,
                 memo_bytes: int = MEMO_BYTES):
        self.store = store
        self.clock = clock
        self.memo_bytes = memo_bytes
        self._memo: OrderedDict[str, tuple[float, Any, int]] = OrderedDict()
        self._memo_size = 0
        self._lock = threading.Lock()
        self._swept = clock()

    def put(self, key: SessionKey, value: Any, ttl: float) -> None:
        """Keep ``value`` for ``ttl`` seconds under ``key``."""
        now = self.clock()
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.store.write(key.name, payload, now + ttl, now)
        self._remember(key.name, now + ttl, value, len(payload))
        if now - self._swept >= SWEEP_SECONDS:
            self._swept = now
            self.store.sweep(now)

    def get(self, key: SessionKey) -> Any | None:
        """The value kept under ``key``, or None when it expired or was never kept."""
        now, name = self.clock(), key.name
        with self._lock:
            kept = self._memo.get(name)
            if kept is not None and kept[0] > now:
                self._memo.move_to_end(name)
                return kept[1]
        found = self.store.read(name, now)
        if found is None:
            self._forget(name)
            return None
        payload, expires_at = found
        if expires_at <= now:
            self.discard(key)
            return None
        value = pickle.loads(payload)  # noqa: S301 (written by this server only)
        self._remember(name, expires_at, value, len(payload))
        return value

    def discard(self, key: SessionKey) -> None:
        """Forget the value under ``key`` (nothing happens if there is none)."""
        self._forget(key.name)
        self.store.delete(key.name)

    def _remember(self, name: str, expires_at: float, value: Any, size: int) -> None:
        with self._lock:
            self._drop(name)
            self._memo[name] = (expires_at, value, size)
            self._memo_size += size
            while self._memo_size > self.memo_bytes and len(self._memo) > 1:
                self._drop(next(iter(self._memo)))

    def _forget(self, name: str) -> None:
        with self._lock:
            self._drop(name)

    def _drop(self, name: str) -> None:
        kept = self._memo.pop(name, None)
        if kept is not None:
            self._memo_size -= kept[2]


_configured: SessionCache | None = None
_configure_lock = threading.Lock()


def from_settings() -> SessionCache:
    """Redis when JUVENILE_REDIS_URL is set, else the private folder."""
    url = settings.redis_url()
    if url:
        return SessionCache(RedisStore.from_url(url))
    return SessionCache(DiskStore(settings.private_dir() / CACHE_FOLDER))


def session_cache() -> SessionCache:
    """The process's cache, built from the settings on first use."""
    global _configured
    with _configure_lock:
        if _configured is None:
            _configured = from_settings()
        return _configured


def configure(cache: SessionCache | None) -> SessionCache | None:
    """Use ``cache`` from now on (None: build it from the settings again on next
    use); returns the one used until now. For tests."""
    global _configured
    with _configure_lock:
        previous, _configured = _configured, cache
    return previous
