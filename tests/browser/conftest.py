"""One built portal for the whole browser-test session, driven by Debian's Chromium."""

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from juvenile.settings import PROJECT_ROOT
from juvenile.toolchain import reflex_environment

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
STARTUP_SECONDS = 600
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def portal_database(tmp_path_factory) -> str:
    """The SQLite file the portal under test runs on (tests may seed it directly)."""
    return f"sqlite:///{tmp_path_factory.mktemp('portal') / 'portal.db'}"


@pytest.fixture(scope="session")
def portal(portal_database, tmp_path_factory) -> Iterator[str]:
    """Base URL of the portal, built and started once, with the demo data loaded.

    It builds in its own web folder (bun's cache makes that a few seconds), so a
    developer's `make run` or another test run never shares its files.
    """
    port = _free_port()
    workdir = tmp_path_factory.mktemp("reflex")
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / "portal.log").open("w")
    command = [str(Path(sys.executable).with_name("juvenile")), "serve", "--demo",
               "--port", str(port)]
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
        env=reflex_environment(
            JUVENILE_DB_URL=portal_database,
            JUVENILE_PRIVATE_DIR=str(workdir / "private"),
            REFLEX_WEB_WORKDIR=str(workdir / "web"),
            REFLEX_STATES_WORKDIR=str(workdir / "states"),
        ),
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while not (_answers(f"{base}/api/health") and _answers(f"{base}/")):
        if process.poll() is not None or time.monotonic() > deadline:
            log.flush()
            pytest.fail(f"the portal did not start; see {ARTIFACTS / 'portal.log'}")
        time.sleep(1)
    yield base
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it")
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The school users' laptops: 1366×768.
    return {**browser_context_args, "viewport": {"width": 1366, "height": 768}}

