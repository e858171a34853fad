"""Reading findings for people and scripts. Review decisions: auditor/store/reviews.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session, joinedload

from auditor.store.models import FindingRow, PostRow, ReviewActionRow


@dataclass(frozen=True)
class FindingFilter:
    status: Sequence[str] = ()
    rule: Sequence[str] = ()  # exact ids or prefixes ending in "*"
    article: Sequence[str] = ()
    platform: Sequence[str] = ()
    since: datetime | None = None  # post created at or after
    until: datetime | None = None  # post created before
    detected_since: datetime | None = None
    detected_until: datetime | None = None
    active_since: datetime | None = None  # found or reviewed on or after this moment
    limit: int | None = None


def _apply(stmt: Select[Any], flt: FindingFilter) -> Select[Any]:
    if flt.status:
        stmt = stmt.where(FindingRow.status.in_(flt.status))
    if flt.rule:
        exact = [r for r in flt.rule if not r.endswith("*")]
        prefixes = [r[:-1] for r in flt.rule if r.endswith("*")]
        conditions: list[ColumnElement[bool]] = [FindingRow.rule.in_(exact)] if exact else []
        conditions += [FindingRow.rule.startswith(p) for p in prefixes]
        stmt = stmt.where(or_(*conditions))
    if flt.article:
        stmt = stmt.where(FindingRow.article.in_(flt.article))
    if flt.platform:
        stmt = stmt.where(PostRow.platform.in_(flt.platform))
    if flt.since:
        stmt = stmt.where(PostRow.created_at >= flt.since)
    if flt.until:
        stmt = stmt.where(PostRow.created_at < flt.until)
    if flt.detected_since:
        stmt = stmt.where(FindingRow.detected_at >= flt.detected_since)
    if flt.detected_until:
        stmt = stmt.where(FindingRow.detected_at < flt.detected_until)
    if flt.active_since:
        reviewed = exists().where(
            ReviewActionRow.finding_id == FindingRow.id, ReviewActionRow.at >= flt.active_since
        )
        stmt = stmt.where(or_(FindingRow.detected_at >= flt.active_since, reviewed))
    return stmt


def list_findings(session: Session, flt: FindingFilter) -> list[FindingRow]:
    stmt = (
        select(FindingRow)
        .join(PostRow, FindingRow.post_id == PostRow.id)
        .options(joinedload(FindingRow.post), joinedload(FindingRow.media))
        .order_by(PostRow.created_at, FindingRow.id)
    )
    stmt = _apply(stmt, flt)
    if flt.limit:
        stmt = stmt.limit(flt.limit)
    return list(session.scalars(stmt).unique())


def count_findings(session: Session, flt: FindingFilter) -> int:
    stmt = select(func.count(FindingRow.id)).join(PostRow, FindingRow.post_id == PostRow.id)
    return int(session.scalar(_apply(stmt, flt)) or 0)


def iso_utc(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def finding_json(row: FindingRow) -> dict[str, Any]:
    """One finding in the stable JSON contract of `auditor findings --format json`."""
    media: dict[str, Any] | None = None
    if row.media is not None:
        media = {"faces": int(row.details.get("faces", row.media.recognisable or 0))}
        if row.media.path or not row.media.url:
            media["path"] = row.media.path or row.media.name  # the local copy to look at
        if row.media.url:
            media["url"] = row.media.url
    return {
        "id": row.id,
        "rule": row.rule,
        "category": row.category,
        "article": row.article,
        "severity": row.severity,
        "status": row.status,
        "excerpt": row.excerpt,
        "reason": row.reason,
        "span": (
            {"start": row.span_start, "end": row.span_end} if row.span_start is not None else None
        ),
        "media": media,
        "post": {
            "platform": row.post.platform,
            "external_id": row.post.external_id,
            "created_at": iso_utc(row.post.created_at),
            "url": row.post.url,
            "kind": row.post.kind,
        },
        "detected_at": iso_utc(row.detected_at),
        "review_note": row.review_note,
        "reviewed_at": iso_utc(row.reviewed_at),
    }
