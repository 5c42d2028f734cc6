"""Password hashing (argon2id) and generated passwords.

Passwords and their hashes never leave the server: no state var, no log line,
no audit detail carries them.

A hash costs about 150 ms of one core (``bench/identity_benchmark.py``); callers
on the portal's event loop run these functions in a worker thread (the
``to_thread`` in the states), and at most ``CONCURRENT_HASHES`` run at once, so
ten simultaneous sign-ins queue among themselves and leave a core for
everyone else's clicks.
"""

import os
import secrets
import string
import threading
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
# No look-alike characters (0/O, 1/l/I): a temporary password is read off a screen.
_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
_GENERATED_LENGTH = 14

# argon2id, 3 passes over 32 MiB in one lane. One lane: a hash keeps to one core
# (argon2-cffi's default of 4 lanes took both cores of the server, ~0.3-0.9 s).
# A hash made with other parameters still verifies (they are written in it) and
# is replaced at its next successful sign-in (services.identity.sessions).
TIME_COST, MEMORY_COST_KIB, PARALLELISM = 3, 32 * 1024, 1


def production_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_COST_KIB,
                          parallelism=PARALLELISM)


_hasher = production_hasher()
CONCURRENT_HASHES = max(1, (os.cpu_count() or 2) - 1)
_hashing = threading.BoundedSemaphore(CONCURRENT_HASHES)


def hash_password(password: str) -> str:
    with _hashing:
        return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; a malformed hash is simply no match."""
    try:
        with _hashing:
            return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _decoy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def verify_nothing(password: str) -> None:
    """Spend the time of one verification, so an unknown login answers as slowly
    as a known one and timing does not tell whether the login exists."""
    verify_password(_decoy_hash(), password)


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def generate_password() -> str:
    """A random temporary password (about 80 bits), with a digit in it."""
    while True:
        password = "".join(secrets.choice(_ALPHABET) for _ in range(_GENERATED_LENGTH))
        if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
            return password
