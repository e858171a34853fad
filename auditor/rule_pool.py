"""The rule engine over a batch of posts, in worker processes when that pays.

The rules are pure Python and hold the GIL, so threads do not help; forked workers do. The
parent stays the one database writer: it hands a batch to the workers and stores the previous
batch meanwhile (`pipeline.audit_posts`). The workers get the engine by `fork` (nothing of it
is pickled); posts go out and findings come back in the order given, so the findings are
those of a sequential run. Without `fork` (Windows, macOS default) or on one core the batch is
analysed in this process.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from auditor.engine import AuditResult, Engine
from auditor.models import Post

WORKERS_ENV = "AUDITOR_WORKERS"  # 1: analyse in the audit's own process
MIN_PARALLEL = 400  # posts to analyse before a pool is worth its start (~0.1 s a worker)
# most posts per task of a worker: each task costs both sides a queue round trip (50 a task:
# ~0.7 s more CPU over a 100,000-post audit on 2 cores than 125); a batch still goes out in at
# least two tasks a worker, so that none waits while another finishes a long one
CHUNK = 125
WARM_UP = 100  # posts analysed here before the workers start

_engine: Engine | None = None  # the forked workers' engine

Outcome = tuple[list[Any], list[tuple[str, str]], list[Any]]
Pending = Callable[[], list[AuditResult]]


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _start_worker() -> None:
    # the parent handles Ctrl-C/SIGTERM and ends the pool; a worker just stops
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    _die_with_parent()


def _die_with_parent() -> None:
    """Linux: the worker gets SIGKILL when the audit process dies (`kill -9` leaves no orphan
    holding the caller's pipes open). Elsewhere the workers end with their task queue."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # it died before prctl took effect
        os._exit(1)


def _audit(items: list[tuple[Post, str | None]]) -> list[Outcome]:
    assert _engine is not None
    outcomes = []
    for post, identity in items:
        result = _engine.audit(post, identity)
        outcomes.append((result.findings, result.allowed, result.errors))
    return outcomes


def configured_workers() -> int:
    """Worker processes to use: $AUDITOR_WORKERS, else one per core when at least one core is
    idle (load average), else none (1): on a busy machine workers add the cost of shipping
    posts and findings between processes and gain nothing (measured on a 2-core machine at
    load 4: 10% more CPU, no shorter audit)."""
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # not known on this system
        busy = 0.0
    return cores if cores - busy >= 1 else 1


class RulePool:
    """Runs `engine.audit` over posts; `submit` returns a callable that gives the results."""

    def __init__(self, engine: Engine, workers: int | None = None) -> None:
        self.engine = engine
        self.workers = configured_workers() if workers is None else workers
        if "fork" not in multiprocessing.get_all_start_methods():
            self.workers = 1
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, posts: Sequence[Post], identities: Sequence[str | None]) -> Pending:
        items = list(zip(posts, identities, strict=True))
        if self.workers < 2 or (self._pool is None and len(items) < MIN_PARALLEL):
            done = [self.engine.audit(post, identity) for post, identity in items]
            return lambda: done
        head: list[AuditResult] = []
        if self._pool is None:
            # the first posts here: the rules load their word lists in this process, and the
            # workers forked next share them instead of each loading its own copy
            head = [self.engine.audit(post, identity) for post, identity in items[:WARM_UP]]
            items = items[WARM_UP:]
        size = max(1, min(CHUNK, -(-len(items) // (2 * self.workers))))
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        waiting = self._submit(chunks)

        def results() -> list[AuditResult]:
            outcomes = [outcome for future in waiting for outcome in future.result()]
            return head + [
                AuditResult(post, findings, allowed, errors)
                for (post, _), (findings, allowed, errors) in zip(items, outcomes, strict=True)
            ]

        return results

    def _submit(self, chunks: list[list[tuple[Post, str | None]]]) -> list[Future[list[Outcome]]]:
        if self._pool is not None:
            return [self._pool.submit(_audit, chunk) for chunk in chunks]
        global _engine
        _engine = self.engine
        # the workers are forked at the first submit; a stop signal during a fork would raise
        # in a fork hook, where Python swallows it (`interrupt.stop_cleanly` raises only once):
        # it waits until they exist
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        # what exists now (the rules' word lists, compiled patterns) lives as long as the
        # workers: frozen, their garbage collector never walks it, and so never writes to (and
        # copies) the pages they share with this process
        gc.freeze()
        try:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker,
            )
            return [self._pool.submit(_audit, chunk) for chunk in chunks]  # forks the workers
        finally:
            gc.unfreeze()  # this process collects as before
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)

    def close(self) -> None:
        """End the workers; work not started is dropped (a worker that died, say killed for
        memory, fails the audit with BrokenProcessPool instead of hanging it)."""
        global _engine
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _engine = None

    def __enter__(self) -> RulePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
