"""Password hashing (argon2id) and generated passwords.

Passwords and their hashes never leave the server: no state var, no log line,
no audit detail carries them.
"""

import secrets
import string
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
# No look-alike characters (0/O, 1/l/I): a temporary password is read off a screen.
_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
_GENERATED_LENGTH = 14

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; a malformed hash is simply no match."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _decoy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


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
