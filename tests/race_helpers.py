"""Two users at once: run service calls in threads, each on a connection of its own,
and hold every one of them at a named step until all have reached it.

``race(monkeypatch, pauses, *calls)`` patches each ``(module, name, delay)`` of
``pauses`` with a wrapper that waits at one shared barrier, then sleeps ``delay``
seconds, then does the step. Without a lock every call reads, reaches its step and
waits for the others, so each writes over what it read before the others wrote:
the race, made certain. With a lock the second call waits at its locking read
instead; the first stops waiting at the barrier after ``PAUSE`` seconds, writes
and commits, and the second then reads what the first left. Tests that use it are
``real_commits``: the calls commit on connections of their own.
"""

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from juvenile.errors import Refusal

PAUSE = 1.5  # seconds a call waits at its step for the others
BOUND = 30  # seconds the whole race may take


@dataclass
class Outcome:
    value: object = None
    refusal: Refusal | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None and self.error is None


def race(monkeypatch, pauses: list[tuple[ModuleType, str, float]],
         *calls: Callable[[], object]) -> list[Outcome]:
    barrier = threading.Barrier(len(calls), timeout=PAUSE)

    def held(step: Callable, delay: float) -> Callable:
        def wrapper(*args, **kwargs):
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()  # broken: the others wait at a lock, go on alone
            time.sleep(delay)
            return step(*args, **kwargs)
        return wrapper

    for module, name, delay in pauses:
        monkeypatch.setattr(module, name, held(getattr(module, name), delay))
    outcomes = [Outcome() for _ in calls]

    def run(call: Callable, outcome: Outcome) -> None:
        try:
            outcome.value = call()
        except Refusal as refusal:
            outcome.refusal = refusal
        except BaseException as error:  # reported by the test, not lost in the thread
            outcome.error = error

    threads = [threading.Thread(target=run, args=pair, daemon=True)
               for pair in zip(calls, outcomes, strict=True)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, BOUND - (time.monotonic() - started)))
    assert not any(thread.is_alive() for thread in threads), "the race did not end in time"
    monkeypatch.undo()
    errors = [outcome.error for outcome in outcomes if outcome.error is not None]
    if errors:
        raise errors[0]
    return outcomes
