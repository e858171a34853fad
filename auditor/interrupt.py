"""SIGTERM and SIGINT stop a command cleanly instead of killing it mid-transaction.

`stop_cleanly()` turns the first SIGTERM/SIGINT into a `Stopped` exception in the main thread.
It unwinds like Ctrl-C: the unfinished import's transaction is rolled back, the run is marked
failed and the audit lock released by the code it passes through. Further signals while that
cleanup runs are ignored (it takes a moment; `kill -9` still works and strands nothing).
Within `held()` (a driver call that must not be cut in half, such as psycopg's pipelined
executemany, whose connection cannot even roll back when interrupted) the signal waits for the
block's end.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stopped(KeyboardInterrupt):
    """A stop signal arrived: unwind, clean up, exit 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(f"stopped by {self.name}")

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class _Hold:
    depth = 0
    pending: int | None = None


@contextmanager
def held() -> Iterator[None]:
    """A stop signal arriving within the block raises `Stopped` when the block ends."""
    _Hold.depth += 1
    try:
        yield
    finally:
        _Hold.depth -= 1
    if _Hold.depth == 0 and _Hold.pending is not None:
        signum, _Hold.pending = _Hold.pending, None
        raise Stopped(signum)


@contextmanager
def stop_cleanly() -> Iterator[None]:
    """Within the block, SIGTERM/SIGINT raise `Stopped` once (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    fired = False

    def handler(signum: int, _frame: FrameType | None) -> None:
        nonlocal fired
        if fired:
            return
        fired = True
        if _Hold.depth:
            _Hold.pending = signum
            return
        raise Stopped(signum)

    previous = {signum: signal.signal(signum, handler) for signum in SIGNALS}
    try:
        yield
    finally:
        _Hold.pending = None
        for signum, old in previous.items():
            signal.signal(signum, old)
