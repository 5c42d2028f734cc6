"""Configuration, read from environment variables (documented in README.md)."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    """JUVENILE_DB_URL, or a SQLite file in the project folder."""
    return os.environ.get("JUVENILE_DB_URL") or f"sqlite:///{PROJECT_ROOT / 'juvenile.db'}"


def redis_url() -> str | None:
    """JUVENILE_REDIS_URL: shared state for several backend workers (optional)."""
    return os.environ.get("JUVENILE_REDIS_URL") or None


def port() -> int:
    """JUVENILE_PORT: the one port the portal serves on."""
    return int(os.environ.get("JUVENILE_PORT", "3000"))


def host() -> str:
    """JUVENILE_HOST: the address the portal listens on. Loopback by default, so a
    demo on a laptop is not open to the local network; a server opens it on purpose
    (``0.0.0.0``, or its own address behind the TLS proxy)."""
    return os.environ.get("JUVENILE_HOST", "").strip() or "127.0.0.1"


def demo_mode() -> bool:
    """JUVENILE_DEMO=1 shows the demo sign-ins on the sign-in page."""
    return os.environ.get("JUVENILE_DEMO", "0").lower() in {"1", "true", "yes"}


def session_idle_hours() -> float:
    """JUVENILE_SESSION_IDLE_HOURS: a session ends after this long unused."""
    return float(os.environ.get("JUVENILE_SESSION_IDLE_HOURS", "8"))


def session_max_hours() -> float:
    """JUVENILE_SESSION_MAX_HOURS: a session ends this long after the sign-in,
    however much it is used."""
    return float(os.environ.get("JUVENILE_SESSION_MAX_HOURS", "24"))


def db_statement_timeout_seconds() -> float:
    """JUVENILE_DB_STATEMENT_TIMEOUT: on PostgreSQL, a statement of the portal's
    running longer than this many seconds is cancelled (0: no limit)."""
    return float(os.environ.get("JUVENILE_DB_STATEMENT_TIMEOUT", "30"))


def private_dir() -> Path:
    """JUVENILE_PRIVATE_DIR: uploads and stored documents, never served publicly."""
    return Path(os.environ.get("JUVENILE_PRIVATE_DIR") or PROJECT_ROOT / "private")


def cli_language() -> str:
    """JUVENILE_LANG: the language of command-line messages (kk, ru or en)."""
    return os.environ.get("JUVENILE_LANG", "kk")
