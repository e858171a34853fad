"""The audit lock: one run at a time across workers and the CLI."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta

import pytest

from auditor.errors import LockedError
from auditor.store import locks
from auditor.store.models import AuditRun, LockRow, utcnow
from tests.conftest import REPO


def test_a_held_lock_refuses_a_second_holder(store) -> None:  # type: ignore[no-untyped-def]
    assert locks.try_acquire(store, "audit", "worker-1")
    assert not locks.try_acquire(store, "audit", "worker-2")


def test_a_released_lock_can_be_taken_again(store) -> None:  # type: ignore[no-untyped-def]
    assert locks.try_acquire(store, "audit", "worker-1")
    locks.release(store, "audit", "worker-1")
    assert locks.try_acquire(store, "audit", "worker-2")


@pytest.mark.postgres
def test_release_frees_the_advisory_lock_before_it_returns(pg_database: str) -> None:
    from sqlalchemy import text

    from auditor.store import open_store

    store = open_store(pg_database)
    try:
        assert locks.try_acquire(store, "audit", "worker-1")
        locks.release(store, "audit", "worker-1")
        with store.engine.connect() as conn:
            held = conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND database = (SELECT oid FROM pg_database"
                    " WHERE datname = current_database())"
                )
            ).scalar()
        assert held == 0
    finally:
        locks.release_all(store)
        store.engine.dispose()


def _sqlite_only(store) -> None:  # type: ignore[no-untyped-def]
    if store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL holds the lock in a session: no row to take over")


def _lock_row(store, holder: str, acquired_at=None) -> None:  # type: ignore[no-untyped-def]
    now = acquired_at or utcnow()
    with store.session() as session:
        session.add(LockRow(name="audit", holder=holder, acquired_at=now, expires_at=now + HOUR))


HOUR = timedelta(hours=1)


def test_an_expired_lock_of_a_holder_on_another_host_is_taken_over_once(store) -> None:  # type: ignore[no-untyped-def]
    _sqlite_only(store)
    _lock_row(store, "other-host:4242", utcnow() - 5 * HOUR)
    assert locks.try_acquire(store, "audit", "worker-2")
    assert not locks.try_acquire(store, "audit", "worker-3")


def test_a_live_lock_of_a_holder_on_another_host_is_respected(store) -> None:  # type: ignore[no-untyped-def]
    _sqlite_only(store)
    _lock_row(store, "other-host:4242")
    assert not locks.try_acquire(store, "audit", locks.holder_id())


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_lock_of_a_process_that_is_gone_is_taken_over_at_once_with_a_warning(
    store, caplog
) -> None:  # type: ignore[no-untyped-def]
    _sqlite_only(store)
    dead = f"{socket.gethostname()}:{_dead_pid()}"
    _lock_row(store, dead)
    with caplog.at_level(logging.WARNING, logger="auditor.lock"):
        assert locks.try_acquire(store, "audit", locks.holder_id())
    assert f"took over the audit lock of {dead} (that process is gone)" in caplog.text
    assert locks.current_holder(store, "audit")[0] == locks.holder_id()


def test_a_pid_reused_by_a_newer_process_does_not_hold_the_lock(store) -> None:  # type: ignore[no-untyped-def]
    _sqlite_only(store)
    newer = subprocess.Popen(["sleep", "30"])
    try:
        _lock_row(store, f"{socket.gethostname()}:{newer.pid}", utcnow() - HOUR)
        assert locks.try_acquire(store, "audit", locks.holder_id())
    finally:
        newer.kill()
        newer.wait()


def test_the_lock_of_a_live_process_on_this_host_is_respected(store) -> None:  # type: ignore[no-untyped-def]
    _sqlite_only(store)
    alive = subprocess.Popen(["sleep", "30"])
    try:
        time.sleep(0.05)
        _lock_row(store, f"{socket.gethostname()}:{alive.pid}", utcnow() + timedelta(seconds=5))
        assert not locks.try_acquire(store, "audit", locks.holder_id())
    finally:
        alive.kill()
        alive.wait()


HOLDER = """
import sys, time
from auditor.store import open_store, locks
store = open_store(sys.argv[1])
with locks.held(store, "audit"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_holder_killed_with_sigkill_strands_no_lock(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, store.url],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    assert not locks.try_acquire(store, "audit", locks.holder_id())
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 5  # PostgreSQL frees it when it sees the connection close
    while not locks.try_acquire(store, "audit", locks.holder_id()):
        assert time.monotonic() < deadline, "the lock of the killed holder stayed taken"
        time.sleep(0.05)


def test_runs_left_running_by_a_crash_are_marked_failed_when_the_lock_is_taken(store) -> None:  # type: ignore[no-untyped-def]
    from auditor.pipeline import start_run

    stale = start_run(store, "twitter.zip", [])
    with locks.held(store, "audit"):
        pass
    with store.session() as session:
        run = session.get(AuditRun, stale)
        assert run is not None and run.status == "failed" and "crash or kill" in (run.error or "")
        assert run.finished_at is not None


def test_held_names_the_holder_when_busy(store) -> None:  # type: ignore[no-untyped-def]
    assert locks.try_acquire(store, "audit", "nightly-worker")
    with pytest.raises(LockedError, match="nightly-worker"):
        with locks.held(store, "audit"):
            pass


def test_cli_audit_honours_the_lock(store, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from auditor.cli import main

    monkeypatch.setenv("AUDITOR_DATABASE_URL", store.url)
    assert locks.try_acquire(store, "audit", "nightly-worker")
    sample = Path(__file__).resolve().parents[2] / "examples" / "twitter-archive-sample.zip"
    assert main(["audit", "--archive", str(sample), "--no-images"]) == 2
    assert "another audit is running" in capsys.readouterr().err
