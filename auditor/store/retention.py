"""Retention: what the auditor keeps, and for how long (`[retention]`, `auditor purge`).

- A post older than `post_text_days` (by publication date) keeps only what its findings need:
  the masked excerpts, fingerprints, dates and link. Its text, reply target, source reference and
  media copies go. A post with an open finding keeps its text until the finding is reviewed.
  Before a text goes, each personal-data finding of the post records keyed hashes of the words
  it covers (`details.subject_keys`), so `auditor subject` can still list the post.
- The same holds at import: an old post is audited and then stored without its text in the same
  transaction; a post whose text was purged never gets it back from a later import.
- Dismissed and resolved findings whose last review is older than `closed_findings_days` are
  deleted with their review trail; their fingerprint and status move to `closed_fingerprints`,
  so a later audit of the same post does not bring the finding back.
- Sent mails (digests, alerts) older than `post_text_days` are deleted.

On SQLite every connection runs with `secure_delete` (freed space is zeroed) and a purge ends
with VACUUM, so the data is gone from the database file; on PostgreSQL a purge runs VACUUM FULL
on the tables it changed (see docs/privacy.md for WAL and backups).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, exists, func, insert, select, update

from auditor.models import Category, Status
from auditor.store.models import (
    ClosedFingerprintRow,
    FindingRow,
    MediaRow,
    OutboxRow,
    PostRow,
    ReviewActionRow,
)
from auditor.store.repository import in_values, text_digest
from auditor.subject import subject_keys

KINDS = (
    "post texts",
    "media copies",
    "closed findings",
    "review actions",
    "sent mails",
    "report files",
)
TABLES = ("posts", "media", "findings", "review_actions", "outbox")


@dataclass(frozen=True)
class Cutoffs:
    """Moments before which data is past retention."""

    post_text: datetime
    closed_findings: datetime

    @classmethod
    def of(cls, retention: Any, now: datetime) -> Cutoffs:
        return cls(
            post_text=now - timedelta(days=retention.post_text_days),
            closed_findings=now - timedelta(days=retention.closed_findings_days),
        )


@dataclass
class PurgeReport:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    dry_run: bool = False
    compacted: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _open_finding_on(post_id: Any) -> Any:
    return exists().where(FindingRow.post_id == post_id, FindingRow.status == Status.OPEN.value)


def _expired_stmt(cutoff: datetime) -> Any:
    return select(PostRow.id).where(
        PostRow.created_at < cutoff,
        PostRow.text_purged_at.is_(None),
        ~_open_finding_on(PostRow.id),
    )


def expired_posts(
    conn: Connection, cutoff: datetime, post_ids: Sequence[int] | None = None
) -> list[int]:
    """Posts past text retention that still hold their text and have no open finding."""
    stmt = _expired_stmt(cutoff)
    if post_ids is not None:
        if not post_ids:
            return []
        stmt = stmt.where(in_values(conn, PostRow.id, post_ids))
    return [int(i) for i in conn.scalars(stmt)]


def strip_posts(conn: Connection, post_ids: Sequence[int], key: bytes, now: datetime) -> int:
    """Remove the text, reply target and media copies of these posts; return media files deleted.

    Each personal-data finding first records keyed hashes of the words it covers.
    """
    removed_files = 0
    for start in range(0, len(post_ids), 500):
        chunk = list(post_ids[start : start + 500])
        _keep_subject_keys(conn, chunk, key)
        paths = {
            path
            for path in conn.scalars(
                select(MediaRow.path).where(MediaRow.post_id.in_(chunk), MediaRow.path.is_not(None))
            )
            if path
        }
        digests = [
            {"pid": row.id, "digest": text_digest(row.text or "")}
            for row in conn.execute(select(PostRow.id, PostRow.text).where(PostRow.id.in_(chunk)))
        ]
        conn.execute(
            update(PostRow)
            .where(PostRow.id == bindparam("pid"))
            .values(
                text="",
                reply_to=None,
                reply_to_id=None,
                source_ref="",
                content_hash=bindparam("digest"),
                text_purged_at=now,
            ),
            digests,
        )
        conn.execute(update(MediaRow).where(MediaRow.post_id.in_(chunk)).values(path=None))
        removed_files += remove_unreferenced_files(conn, paths)
    return removed_files


def _keep_subject_keys(conn: Connection, post_ids: list[int], key: bytes) -> None:
    rows = conn.execute(
        select(FindingRow.id, FindingRow.details, FindingRow.span_start, FindingRow.span_end)
        .add_columns(PostRow.text)
        .join(PostRow, FindingRow.post_id == PostRow.id)
        .where(
            FindingRow.post_id.in_(post_ids),
            FindingRow.category == Category.PERSONAL_DATA.value,
            FindingRow.span_start.is_not(None),
        )
    ).all()
    for row in rows:
        value = (row.text or "")[row.span_start : row.span_end]
        if not value:
            continue
        details = dict(row.details or {})
        details["subject_keys"] = subject_keys(key, value)
        conn.execute(update(FindingRow).where(FindingRow.id == row.id).values(details=details))


def remove_unreferenced_files(conn: Connection, paths: set[str]) -> int:
    """Delete media copies no stored media row points at any more; return how many."""
    if not paths:
        return 0
    still = set(conn.scalars(select(MediaRow.path).where(MediaRow.path.in_(sorted(paths)))))
    removed = 0
    for path in sorted(paths - still):
        try:
            os.unlink(path)
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def purge(
    conn: Connection, cutoffs: Cutoffs, key: bytes, now: datetime, *, dry_run: bool
) -> PurgeReport:
    """Delete (or with `dry_run` only count) everything past retention, in the caller's
    transaction."""
    report = PurgeReport(dry_run=dry_run)
    posts = expired_posts(conn, cutoffs.post_text)
    report.counts["post texts"] = len(posts)
    closed_filter = and_(
        FindingRow.status.in_([Status.DISMISSED.value, Status.RESOLVED.value]),
        func.coalesce(FindingRow.reviewed_at, FindingRow.detected_at) < cutoffs.closed_findings,
    )
    closed = conn.execute(
        select(
            FindingRow.id,
            FindingRow.fingerprint,
            FindingRow.status,
            func.coalesce(FindingRow.reviewed_at, FindingRow.detected_at).label("closed_at"),
        ).where(closed_filter)
    ).all()
    report.counts["closed findings"] = len(closed)
    closed_ids = [row.id for row in closed]
    report.counts["review actions"] = _count_in(
        conn, ReviewActionRow.finding_id, ReviewActionRow.id, closed_ids
    )
    mails = and_(OutboxRow.status == "sent", OutboxRow.created_at < cutoffs.post_text)
    report.counts["sent mails"] = int(
        conn.scalar(select(func.count(OutboxRow.id)).where(mails)) or 0
    )
    if dry_run:
        report.counts["media copies"] = len(_files_of(conn, cutoffs.post_text))
        return report
    report.counts["media copies"] = strip_posts(conn, posts, key, now)
    for start in range(0, len(closed), 500):
        chunk = closed[start : start + 500]
        known = set(
            conn.scalars(
                select(ClosedFingerprintRow.fingerprint).where(
                    ClosedFingerprintRow.fingerprint.in_([r.fingerprint for r in chunk])
                )
            )
        )
        fresh = [
            {
                "fingerprint": r.fingerprint,
                "status": r.status,
                "closed_at": r.closed_at,
                "deleted_at": now,
            }
            for r in chunk
            if r.fingerprint not in known
        ]
        if fresh:
            conn.execute(insert(ClosedFingerprintRow), fresh)
        ids = [r.id for r in chunk]
        conn.execute(delete(ReviewActionRow).where(ReviewActionRow.finding_id.in_(ids)))
        conn.execute(delete(FindingRow).where(FindingRow.id.in_(ids)))
    conn.execute(delete(OutboxRow).where(mails))
    return report


def _count_in(conn: Connection, column: Any, counted: Any, ids: list[int]) -> int:
    total = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        total += int(conn.scalar(select(func.count(counted)).where(column.in_(chunk))) or 0)
    return total


def _files_of(conn: Connection, cutoff: datetime) -> set[str]:
    """The media copies a purge would delete: those of expired posts that no other post uses."""
    expired = _expired_stmt(cutoff).subquery()
    paths: set[str | None] = set(
        conn.scalars(
            select(MediaRow.path).where(
                MediaRow.post_id.in_(select(expired.c.id)), MediaRow.path.is_not(None)
            )
        )
    )
    kept = set(
        conn.scalars(
            select(MediaRow.path).where(
                MediaRow.post_id.not_in(select(expired.c.id)), MediaRow.path.is_not(None)
            )
        )
    )
    return {p for p in paths - kept if p and Path(p).exists()}


def compact(engine: Any) -> str:
    """Make deleted data leave the database files; say what was done."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return "SQLite: VACUUM (deleted data is zeroed and the file rewritten)"
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql(f"VACUUM (FULL) {', '.join(TABLES)}")
        return "PostgreSQL: VACUUM FULL on " + ", ".join(TABLES)
    return ""


def purge_store(
    store: Any,
    retention: Any,
    now: datetime,
    *,
    dry_run: bool,
    reports_out: Path | None = None,
) -> PurgeReport:
    """The whole purge (`auditor purge`, the worker's weekly job): one transaction, then the
    database files are compacted so the deleted data is gone from disk too. Rendered digests
    in `reports_out` older than `post_text_days` are deleted as well."""
    cutoffs = Cutoffs.of(retention, now)
    key = store.fingerprint_key()
    with store.engine.begin() as conn:
        report = purge(conn, cutoffs, key, now, dry_run=dry_run)
    if reports_out is not None:
        report.counts["report files"] = old_files(reports_out, cutoffs.post_text, dry_run=dry_run)
    if not dry_run:
        report.compacted = compact(store.engine)
    return report


def old_files(folder: Path, cutoff: datetime, *, dry_run: bool) -> int:
    """Delete (or count) the files in `folder` last written before `cutoff`."""
    if not folder.is_dir():
        return 0
    count = 0
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff.timestamp():
            count += 1
            if not dry_run:
                path.unlink(missing_ok=True)
    return count
