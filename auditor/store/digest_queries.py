"""Reads the digest, the alert mail and the worker need beyond `queries.py`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from auditor.store.models import AuditRun, FindingRow, OutboxRow, PostRow


def runs_between(session: Session, start: datetime, end: datetime) -> list[AuditRun]:
    """Audit runs started in [start, end), oldest first."""
    stmt = (
        select(AuditRun)
        .where(AuditRun.started_at >= start, AuditRun.started_at < end)
        .order_by(AuditRun.started_at, AuditRun.id)
    )
    return list(session.scalars(stmt))


def reviewed_between(session: Session, start: datetime, end: datetime) -> list[FindingRow]:
    """Findings resolved or dismissed in [start, end), by review time."""
    stmt = (
        select(FindingRow)
        .join(PostRow, FindingRow.post_id == PostRow.id)
        .options(joinedload(FindingRow.post), joinedload(FindingRow.media))
        .where(
            FindingRow.status.in_(("resolved", "dismissed")),
            FindingRow.reviewed_at >= start,
            FindingRow.reviewed_at < end,
        )
        .order_by(FindingRow.reviewed_at, FindingRow.id)
    )
    return list(session.scalars(stmt).unique())


def detection_times(session: Session, since: datetime, until: datetime) -> list[datetime]:
    """When each finding detected in [since, until) was detected (for the weekly trend)."""
    stmt = select(FindingRow.detected_at).where(
        FindingRow.detected_at >= since, FindingRow.detected_at < until
    )
    return list(session.scalars(stmt))


def high_findings_of_run(session: Session, run_id: int | Sequence[int]) -> list[FindingRow]:
    """Open high-severity findings first stored by an audit run (or by several runs)."""
    run_ids = [run_id] if isinstance(run_id, int) else list(run_id)
    stmt = (
        select(FindingRow)
        .join(PostRow, FindingRow.post_id == PostRow.id)
        .options(joinedload(FindingRow.post), joinedload(FindingRow.media))
        .where(
            FindingRow.run_id.in_(run_ids),
            FindingRow.severity == "high",
            FindingRow.status == "open",
        )
        .order_by(FindingRow.article, FindingRow.id)
    )
    return list(session.scalars(stmt).unique())


def last_successful_run(session: Session, trigger: str = "worker") -> datetime | None:
    """When the latest finished audit run with this trigger started (None: never)."""
    stmt = (
        select(AuditRun.started_at)
        .where(AuditRun.trigger == trigger, AuditRun.status == "done")
        .order_by(AuditRun.started_at.desc())
        .limit(1)
    )
    return session.scalar(stmt)


def outbox_has(session: Session, key: str) -> bool:
    return (session.scalar(select(func.count(OutboxRow.id)).where(OutboxRow.key == key)) or 0) > 0


def personal_spans(
    session: Session, post_ids: Sequence[int]
) -> dict[int, list[tuple[int, int, str]]]:
    """Per post, the (start, end, personal-data kind) of its personal-data findings: what
    must be masked wherever the digest quotes the post's first words."""
    if not post_ids:
        return {}
    stmt = select(
        FindingRow.post_id, FindingRow.span_start, FindingRow.span_end, FindingRow.rule
    ).where(
        FindingRow.post_id.in_(list(post_ids)),
        FindingRow.category == "personal_data",
        FindingRow.span_start.is_not(None),
    )
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for post_id, start, end, rule in session.execute(stmt):
        # span_start is not null, so neither is span_end (both are set together)
        spans.setdefault(post_id, []).append(
            (cast(int, start), cast(int, end), rule.partition(".")[2])
        )
    return spans
