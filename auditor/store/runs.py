"""The audit run log: one `audit_runs` row per audited source, started before the import and
finished (done or failed, with counts) in a transaction of its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, select, update

from auditor import __version__
from auditor.store.db import Store
from auditor.store.models import AuditRun, utcnow

STALE_RUN_ERROR = "interrupted: the process stopped before the run finished (crash or kill)"


@dataclass(frozen=True)
class RunState:
    id: int
    status: str  # running | done | failed
    started_at: datetime
    error: str | None


def start_run(store: Store, source: str, rules: list[str], trigger: str = "cli") -> int:
    """Record a run as started; return its id."""
    with store.session() as session:
        run = AuditRun(source=source, rules=rules, version=__version__, trigger=trigger)
        session.add(run)
        session.flush()
        return run.id


def finish_run(
    store: Store,
    run_id: int,
    *,
    error: str | None,
    posts_seen: int | None = None,
    posts_new: int | None = None,
    findings_new: int | None = None,
    counts: dict[str, Any] | None = None,
) -> None:
    """Record a run as done (no `error`) or failed; counts are stored when given."""
    with store.session() as session:
        run = session.get(AuditRun, run_id)
        if run is None:
            return
        run.finished_at = utcnow()
        run.status = "failed" if error else "done"
        run.error = error
        if posts_seen is not None:
            run.posts_seen = posts_seen
        if posts_new is not None:
            run.posts_new = posts_new
        if findings_new is not None:
            run.findings_new = findings_new
        if counts is not None:
            run.counts = counts


def fail_stale_runs(store: Store) -> int:
    """Mark failed every run still `running`. Called by the audit lock's new holder: no run
    can be running then (its own has not started), so these were stopped by a crash or kill."""
    with store.session() as session:
        result = session.execute(
            update(AuditRun)
            .where(AuditRun.status == "running")
            .values(status="failed", finished_at=utcnow(), error=STALE_RUN_ERROR)
        )
        assert isinstance(result, CursorResult)  # an UPDATE: the driver reports its row count
        return int(result.rowcount or 0)


def last_run(store: Store, trigger: str) -> RunState | None:
    """The latest run started by `trigger` ("worker": the scheduled audits), or None."""
    with store.session() as session:
        row = session.execute(
            select(AuditRun.id, AuditRun.status, AuditRun.started_at, AuditRun.error)
            .where(AuditRun.trigger == trigger)
            .order_by(AuditRun.started_at.desc(), AuditRun.id.desc())
            .limit(1)
        ).first()
    return RunState(row.id, row.status, row.started_at, row.error) if row else None
