"""Writes and reads the audit pipeline needs, batched with SQLAlchemy Core for speed.

Everything here runs inside one connection/transaction handed in by the caller, so an import
that fails half-way leaves the database exactly as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Insert, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from auditor.models import FaceBox, Finding, ImageAnalysis, Post
from auditor.sources.base import AccountInfo
from auditor.store.models import (
    Account,
    FindingRow,
    ImageAnalysisRow,
    MediaRow,
    PostRow,
    utcnow,
)


def upsert_insert(conn: Connection, table: Any) -> Insert:
    """INSERT that skips rows violating a unique constraint, on SQLite and PostgreSQL."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def content_hash(post: Post) -> str:
    media = "|".join(f"{m.kind.value}:{m.name}:{m.sha256 or ''}" for m in post.media)
    raw = f"{post.kind.value}\x1f{post.text}\x1f{post.reply_to or ''}\x1f{media}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def get_or_create_account(
    conn: Connection, info: AccountInfo, config_name: str | None = None
) -> int:
    table = Account.__table__
    conn.execute(
        upsert_insert(conn, table).values(
            platform=info.platform.value,
            handle=info.handle,
            name=info.name,
            config_name=config_name,
            created_at=utcnow(),
        )
    )
    row = conn.execute(
        select(Account.id, Account.name).where(
            Account.platform == info.platform.value, Account.handle == info.handle
        )
    ).one()
    if info.name and row.name != info.name:
        conn.execute(update(Account).where(Account.id == row.id).values(name=info.name))
    return int(row.id)


@dataclass
class StoredPost:
    id: int
    is_new: bool
    changed: bool
    media_ids: list[int]


def save_posts(conn: Connection, account_id: int, posts: Sequence[Post]) -> list[StoredPost]:
    """Insert new posts, update changed ones; return ids in the order of `posts`."""
    ids = [p.external_id for p in posts]
    existing = {
        row.external_id: (row.id, row.content_hash)
        for row in conn.execute(
            select(PostRow.id, PostRow.external_id, PostRow.content_hash).where(
                PostRow.account_id == account_id, PostRow.external_id.in_(ids)
            )
        )
    }
    now = utcnow()
    result: dict[str, StoredPost] = {}
    new_rows = []
    for post in posts:
        digest = content_hash(post)
        if post.external_id in result:
            continue  # the same post twice in one export: keep the first
        if post.external_id in existing:
            row_id, old_hash = existing[post.external_id]
            changed = old_hash != digest
            if changed:
                conn.execute(
                    update(PostRow)
                    .where(PostRow.id == row_id)
                    .values(**_post_values(post), content_hash=digest)
                )
                conn.execute(delete(MediaRow).where(MediaRow.post_id == row_id))
            result[post.external_id] = StoredPost(row_id, False, changed, [])
        else:
            new_rows.append(
                {
                    **_post_values(post),
                    "account_id": account_id,
                    "external_id": post.external_id,
                    "content_hash": digest,
                    "imported_at": now,
                }
            )
            result[post.external_id] = StoredPost(0, True, True, [])
    if new_rows:
        # plain executemany, then one SELECT for the ids: on PostgreSQL this runs as a
        # pipelined prepared statement, several times faster than a huge INSERT .. RETURNING
        conn.execute(insert(PostRow), new_rows)
        fresh = [r["external_id"] for r in new_rows]
        for row in conn.execute(
            select(PostRow.id, PostRow.external_id).where(
                PostRow.account_id == account_id, PostRow.external_id.in_(fresh)
            )
        ):
            result[row.external_id].id = row.id
    _save_media(conn, posts, result)
    return [result[p.external_id] for p in posts]


def _post_values(post: Post) -> dict[str, Any]:
    return {
        "platform": post.platform.value,
        "created_at": post.created_at,
        "text": post.text,
        "url": post.url,
        "kind": post.kind.value,
        "reply_to": post.reply_to,
        "reply_to_id": post.reply_to_id,
        "source_ref": post.source_ref,
    }


def _save_media(conn: Connection, posts: Sequence[Post], stored: dict[str, StoredPost]) -> None:
    rows = []
    seen: set[int] = set()
    for post in posts:
        sp = stored[post.external_id]
        if sp.id in seen or not post.media or not sp.changed:
            continue
        seen.add(sp.id)
        for position, media in enumerate(post.media):
            rows.append(
                {
                    "post_id": sp.id,
                    "position": position,
                    "kind": media.kind.value,
                    "name": media.name,
                    "path": str(media.path) if media.path else None,
                    "url": media.url,
                    "sha256": media.sha256,
                    "status": "missing" if media.missing else "pending",
                }
            )
    if rows:
        conn.execute(insert(MediaRow), rows)
    post_ids = [stored[p.external_id].id for p in posts if p.media]
    if not post_ids:
        return
    by_post: dict[int, list[int]] = {}
    for row in conn.execute(
        select(MediaRow.id, MediaRow.post_id)
        .where(MediaRow.post_id.in_(post_ids))
        .order_by(MediaRow.post_id, MediaRow.position)
    ):
        by_post.setdefault(row.post_id, []).append(row.id)
    for sp in stored.values():
        sp.media_ids = by_post.get(sp.id, [])


# -- image analyses ---------------------------------------------------------------------------


def cached_analyses(
    conn: Connection, sha256s: Iterable[str], detector: str
) -> dict[str, ImageAnalysis]:
    wanted = sorted(set(sha256s))
    if not wanted:
        return {}
    found = {}
    for row in conn.execute(
        select(ImageAnalysisRow).where(
            ImageAnalysisRow.sha256.in_(wanted), ImageAnalysisRow.detector == detector
        )
    ):
        found[row.sha256] = ImageAnalysis(
            status=row.status,
            faces=row.faces,
            recognisable=row.recognisable,
            boxes=tuple(FaceBox(*box) for box in row.boxes or ()),
            error=row.error,
        )
    return found


def store_analysis(conn: Connection, sha256: str, detector: str, analysis: ImageAnalysis) -> None:
    conn.execute(
        upsert_insert(conn, ImageAnalysisRow.__table__).values(
            sha256=sha256,
            detector=detector,
            status=analysis.status,
            faces=analysis.faces,
            recognisable=analysis.recognisable,
            boxes=[[b.x, b.y, b.w, b.h, b.score, b.recognisable, b.reason] for b in analysis.boxes],
            error=analysis.error,
            analysed_at=utcnow(),
        )
    )


def mark_media(
    conn: Connection, media_id: int, analysis: ImageAnalysis | None, status: str
) -> None:
    values: dict[str, Any] = {"status": status}
    if analysis is not None:
        values.update(faces=analysis.faces, recognisable=analysis.recognisable)
    conn.execute(update(MediaRow).where(MediaRow.id == media_id).values(**values))


# -- findings ---------------------------------------------------------------------------------


def save_findings(
    conn: Connection,
    rows: list[tuple[int, int | None, Finding]],
    run_id: int | None,
    detected_at: datetime | None = None,
    known: dict[str, str] | None = None,
) -> set[str]:
    """Insert findings whose fingerprint is new; return the fingerprints actually inserted.

    A fingerprint that already exists (open, resolved or dismissed) is left untouched: a
    dismissed finding never comes back on later audits of the same post. `known` are the
    statuses of this batch's fingerprints when the caller already read them.
    """
    if not rows:
        return set()
    when = detected_at or utcnow()
    values = [
        {
            "post_id": post_id,
            "media_id": media_id,
            "run_id": run_id,
            "rule": f.rule,
            "category": f.category.value,
            "article": f.article,
            "severity": f.severity.value,
            "span_start": f.span.start if f.span else None,
            "span_end": f.span.end if f.span else None,
            "excerpt": f.excerpt,
            "reason": f.reason,
            "details": f.details,
            "fingerprint": f.fingerprint,
            "status": "open",
            "detected_at": when,
        }
        for post_id, media_id, f in rows
    ]
    existing = known if known is not None else statuses(conn, [v["fingerprint"] for v in values])
    fresh = [v for v in values if v["fingerprint"] not in existing]
    if fresh:
        # ON CONFLICT DO NOTHING still guards against a concurrent writer of the same finding
        conn.execute(upsert_insert(conn, FindingRow.__table__), fresh)
    return {v["fingerprint"] for v in fresh}


def statuses(conn: Connection, fingerprints: Iterable[str]) -> dict[str, str]:
    wanted = list(set(fingerprints))
    out: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in conn.execute(
            select(FindingRow.fingerprint, FindingRow.status).where(
                FindingRow.fingerprint.in_(chunk)
            )
        ):
            out[row.fingerprint] = row.status
    return out


def refresh_planner_stats(conn: Connection) -> None:
    """PostgreSQL plans lookups in a long import from the statistics of the table as it was
    before; with those, lookups by external id or fingerprint turn into sequential scans of a
    table that grows to 100,000 rows. ANALYZE inside the transaction counts its own rows."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ANALYZE posts, media, findings")


def mark_audited(conn: Connection, post_ids: Sequence[int]) -> None:
    if post_ids:
        conn.execute(update(PostRow).where(PostRow.id.in_(post_ids)).values(audited_at=utcnow()))
