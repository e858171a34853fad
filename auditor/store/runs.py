"""The audit run log: one `audit_runs` row per audited source, started before the import and
finished (done or failed, with counts) in a transaction of its own."""

from __future__ import annotations

from typing import Any

from auditor import __version__
from auditor.store.db import Store
from auditor.store.models import AuditRun, utcnow


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
