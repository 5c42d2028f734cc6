"""How fast the ``juvenile`` command starts, against a bare Python start, in one run.

Times, as whole processes (median of several runs each):
- ``python -c pass``: the reference, the interpreter's own start;
- ``juvenile --help``: target 0.5 s;
- ``juvenile calendar add-working-days 2026-03-20 3`` on a migrated SQLite
  database: target 1.0 s.

The machine is shared and noisy, so the ratio to ``python -c pass`` is printed
beside each time. Bytecode is written and one warm-up run precedes the timed
ones, as on an installed portal (``PYTHONDONTWRITEBYTECODE`` in a developer's
shell would otherwise make every run compile the project's sources again).
Run: ``.venv/bin/python bench/cli_startup_benchmark.py [--runs N]``.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"--help": 0.5, "calendar add-working-days": 1.0}


def juvenile_command() -> list[str]:
    """The installed console script next to this interpreter, else the same entry point."""
    script = Path(sys.executable).with_name("juvenile")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from juvenile.cli import run; run()"]


def timed(command: list[str], environment: dict[str, str], runs: int) -> float:
    """Median wall time of ``runs`` runs of ``command``; a failing run stops the benchmark."""
    subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)  # warm-up: bytecode written, files cached
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ, JUVENILE_DB_URL=f"sqlite:///{folder}/bench.db",
                           JUVENILE_LANG="en")
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        juvenile = juvenile_command()
        subprocess.run([*juvenile, "db", "upgrade"], env=environment, check=True,
                       stdout=subprocess.DEVNULL)
        reference = timed([sys.executable, "-c", "pass"], environment, args.runs)
        rows = [
            ("python -c pass", reference, None),
            ("juvenile --help", timed([*juvenile, "--help"], environment, args.runs),
             TARGETS["--help"]),
            ("juvenile calendar add-working-days 2026-03-20 3",
             timed([*juvenile, "calendar", "add-working-days", "2026-03-20", "3"],
                   environment, args.runs), TARGETS["calendar add-working-days"]),
        ]
    print(f"{'command':50} {'median s':>9} {'x python':>9} {'target s':>9}  ok")
    for name, seconds, target in rows:
        verdict = "" if target is None else ("yes" if seconds <= target else "NO")
        shown = "" if target is None else f"{target:.1f}"
        print(f"{name:50} {seconds:9.3f} {seconds / reference:9.1f} {shown:>9}  {verdict}")


if __name__ == "__main__":
    main()
