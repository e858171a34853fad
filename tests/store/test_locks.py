"""The audit lock: one run at a time across workers and the CLI."""

from __future__ import annotations

from datetime import timedelta

import pytest

from auditor.errors import LockedError
from auditor.store import locks
from auditor.store.models import utcnow


def test_a_held_lock_refuses_a_second_holder(store) -> None:  # type: ignore[no-untyped-def]
    assert locks.try_acquire(store, "audit", "worker-1")
    assert not locks.try_acquire(store, "audit", "worker-2")


def test_a_released_lock_can_be_taken_again(store) -> None:  # type: ignore[no-untyped-def]
    assert locks.try_acquire(store, "audit", "worker-1")
    locks.release(store, "audit", "worker-1")
    assert locks.try_acquire(store, "audit", "worker-2")


def test_an_expired_lock_of_a_crashed_holder_is_taken_over_once(store) -> None:  # type: ignore[no-untyped-def]
    past = utcnow() - timedelta(hours=5)
    assert locks.try_acquire(store, "audit", "crashed", lease=timedelta(hours=1), now=past)
    assert locks.try_acquire(store, "audit", "worker-2")
    assert not locks.try_acquire(store, "audit", "worker-3")


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
