"""The environment Reflex needs on a closed network.

Node and Bun come from the project's ``toolchain/`` folder (npm registry
packages); every outbound call Reflex would make is switched off.
"""

import os

from juvenile.settings import PROJECT_ROOT

TOOLCHAIN_BIN = PROJECT_ROOT / "toolchain" / "node_modules" / ".bin"

OFFLINE_SWITCHES = {
    "REFLEX_USE_SYSTEM_BUN": "1",
    "REFLEX_CHECK_LATEST_VERSION": "false",
    "REFLEX_TELEMETRY_ENABLED": "false",
    "REFLEX_HTTP_CLIENT_BIND_ADDRESS": "0.0.0.0",  # noqa: S104 (skips a probe to a public host)
}


def reflex_environment(**extra: str) -> dict[str, str]:
    """This process's environment with the toolchain first on PATH and calls-out off."""
    environment = dict(os.environ)
    environment.update(OFFLINE_SWITCHES)
    environment["PATH"] = f"{TOOLCHAIN_BIN}{os.pathsep}{environment.get('PATH', '')}"
    environment.update(extra)
    return environment
