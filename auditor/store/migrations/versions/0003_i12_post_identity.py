"""posts.identity: one post, one identity whatever path read it; merge the duplicates

Before this revision a post read from an export and read again live could be stored twice: an X
post under the archive's handle and again under the config's account name, a Facebook export
post (id derived from time and text) and again under its Graph id. Fingerprints named the post
by platform, account name and id, so each copy had its own findings, and a dismissal on one did
not hold for the other.

This revision
- adds `posts.identity` (the id the post was first stored under; fingerprints use it),
- merges duplicate posts: X posts with the same tweet id; Facebook posts with the same id, and an
  export post with the live post of the same second and the same text (or the same permalink),
  which keeps the export post's row and takes over the Graph id and URL,
- recomputes every finding's fingerprint in the new form (rule, platform + identity, value),
  so dismissals keep holding on later audits from either path,
- merges findings that became one, keeping the reviewed one (dismissed or resolved before open;
  the latest review first),
- makes a tweet id unique on the platform (partial unique index).

Fingerprints hash the personal data they identify, which is never stored. To recompute one, the
candidate values a post can hold (the text under the stored span, the reply target, media
positions, and what the current rules find in the stored text) are hashed the old way until
one equals the stored fingerprint; that value is then hashed the new way. A finding no value
explains keeps its fingerprint (and is still merged with its copy on a duplicate post by rule,
span and excerpt).

The downgrade drops the column and the index; merged posts stay merged and fingerprints stay
in the new form.

Revision ID: 0003_i12_post_identity
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003_i12_post_identity"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

KEY_ENV = "AUDITOR_SECRET_KEY"
EXPORT_PREFIX = "fb-"
THREAD_KINDS = {"reply", "comment"}
INDEX = "uq_posts_twitter_external_id"

meta = sa.MetaData()
accounts = sa.Table(
    "accounts",
    meta,
    sa.Column("id", sa.Integer),
    sa.Column("handle", sa.String),
    sa.Column("name", sa.String),
    sa.Column("config_name", sa.String),
)
posts = sa.Table(
    "posts",
    meta,
    sa.Column("id", sa.Integer),
    sa.Column("account_id", sa.Integer),
    sa.Column("platform", sa.String),
    sa.Column("external_id", sa.String),
    sa.Column("identity", sa.String),
    sa.Column("created_at", sa.DateTime),
    sa.Column("text", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("kind", sa.String),
    sa.Column("reply_to", sa.String),
    sa.Column("reply_to_id", sa.String),
)
media = sa.Table(
    "media",
    meta,
    sa.Column("id", sa.Integer),
    sa.Column("post_id", sa.Integer),
    sa.Column("position", sa.Integer),
)
findings = sa.Table(
    "findings",
    meta,
    sa.Column("id", sa.Integer),
    sa.Column("post_id", sa.Integer),
    sa.Column("media_id", sa.Integer),
    sa.Column("rule", sa.String),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    sa.Column("excerpt", sa.Text),
    sa.Column("fingerprint", sa.String),
    sa.Column("status", sa.String),
    sa.Column("reviewed_at", sa.DateTime),
)
meta_table = sa.Table("meta", meta, sa.Column("key", sa.String), sa.Column("value", sa.Text))


def upgrade() -> None:
    op.add_column(
        "posts",
        sa.Column("identity", sa.String(length=128), nullable=False, server_default=""),
    )
    conn = op.get_bind()
    conn.execute(posts.update().values(identity=posts.c.external_id))
    merge_and_refingerprint(conn)
    if conn.dialect.name == "postgresql":
        op.alter_column("posts", "identity", server_default=None)
    op.create_index(
        INDEX,
        "posts",
        ["external_id"],
        unique=True,
        sqlite_where=sa.text("platform = 'twitter'"),
        postgresql_where=sa.text("platform = 'twitter'"),
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="posts")
    op.drop_column("posts", "identity")


# -- the data step (also run by the tests on a database with duplicates) ------------------------


def same_text_key(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").replace("\ufeff", "").replace("\u200b", "")
    return " ".join(text.split())


def old_fingerprint(key: bytes, rule: str, platform: str, account: str, ext: str, value: str) -> str:
    message = "\x1f".join((rule, f"{platform}:{account}:{ext}", value)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def new_fingerprint(key: bytes, rule: str, platform: str, identity: str, value: str) -> str:
    message = "\x1f".join((rule, f"{platform}:{identity}", value)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def identity_value(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def fingerprint_key(conn: sa.Connection) -> bytes | None:
    from_env = os.environ.get(KEY_ENV)
    if from_env:
        return from_env.encode("utf-8")
    stored = conn.execute(
        sa.select(meta_table.c.value).where(meta_table.c.key == "fingerprint_key")
    ).scalar()
    return stored.encode("ascii") if stored else None


def duplicate_groups(rows: list[Any]) -> dict[int, int]:
    """post id -> surviving post id, for every post that is a copy of another."""
    survivor: dict[int, int] = {}
    by_id: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in rows:
        if row.platform in ("twitter", "facebook"):
            by_id[(row.platform, row.external_id)].append(row)
    for group in by_id.values():
        keep = min(r.id for r in group)
        for r in group:
            if r.id != keep:
                survivor[r.id] = keep
    # Facebook: an export post (derived id) and a live post (Graph id) of the same second and text
    exported: dict[tuple[Any, bool, str], list[Any]] = defaultdict(list)
    by_url: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        if row.platform == "facebook" and row.id not in survivor:
            if row.external_id.startswith(EXPORT_PREFIX):
                key = (row.created_at, row.kind in THREAD_KINDS, same_text_key(row.text))
                exported[key].append(row)
                if row.url:
                    by_url[row.url].append(row)
    for row in sorted(rows, key=lambda r: r.id):
        if row.platform != "facebook" or row.id in survivor:
            continue
        if row.external_id.startswith(EXPORT_PREFIX):
            continue
        key = (row.created_at, row.kind in THREAD_KINDS, same_text_key(row.text))
        pool = by_url.get(row.url or "", []) or exported.get(key, [])
        match = next((r for r in pool if r.id not in survivor and r.id != row.id), None)
        if match is None:
            continue
        for lst in (by_url.get(match.url or "", []), exported.get(key, [])):
            if match in lst:
                lst.remove(match)
        survivor[row.id] = match.id  # the export post's row survives, with the Graph id
    return survivor


def _value_pairs(post: Any, span_texts: Iterable[str], media_count: int) -> list[tuple[set[str], str]]:
    """(old values, new value) a finding on `post` may have been hashed with."""
    pairs: list[tuple[set[str], str]] = [({""}, "")]
    for text in span_texts:
        value = identity_value(text)
        pairs.append(({value, value.lstrip("@")}, value))
    if post.reply_to:
        bare = identity_value(post.reply_to).lstrip("@")
        new = f"@{bare}" if post.platform == "twitter" else identity_value(post.reply_to)
        pairs.append(({bare, f"@{bare}", identity_value(post.reply_to)}, new))
    for index in range(media_count):
        pairs.append(({f"media:{index}"}, f"media:{index}"))
    return pairs


def _rule_values(post: Any) -> list[tuple[set[str], str]]:
    """What the current rules find in the stored text (values held in memory only)."""
    try:
        from datetime import UTC

        from auditor.models import Platform, Post, PostKind
        from auditor.rules import all_rules
        from auditor.rules.base import RuleContext

        record = Post(
            platform=Platform(post.platform),
            external_id=post.external_id,
            created_at=post.created_at.replace(tzinfo=UTC),
            text=post.text or "",
            kind=PostKind(post.kind),
            reply_to=post.reply_to,
            reply_to_id=post.reply_to_id,
        )
        ctx = RuleContext()
        pairs = []
        for rule in all_rules():
            if not rule.applies_to(record):
                continue
            try:
                hits = list(rule.func(record, ctx))
            except Exception:
                continue
            for hit in hits:
                value = identity_value(hit.value)
                pairs.append(({value, value.lstrip("@")}, value))
        return pairs
    except Exception:  # the rules of this version could not run: the stored values must do
        return []


def _canonical(rule: str, post: Any, value: str) -> str:
    """The value as this version's rules write it: an X reply target is `@handle`."""
    bare = value.lstrip("@")
    handle = (post.reply_to or "").lstrip("@")
    if rule == "reply.to-parent" and post.platform == "twitter" and bare and handle:
        if bare.lower() == handle.lower():
            return f"@{bare}"
    return value


def _account_names(post: Any, platform_accounts: Iterable[Any]) -> set[str]:
    """What the old auditor may have called the post's account: any name of any account of
    the platform (the row's name may have changed since), or the handle in the post's URL."""
    names = {"", post.external_id}
    for account in platform_accounts:
        names |= {account.handle or "", account.name or "", account.config_name or ""}
    match = re.search(r"(?:x|twitter)\.com/([^/]+)/status/", post.url or "")
    if match:
        names.add(match.group(1))
    return names


def merge_and_refingerprint(conn: sa.Connection) -> dict[str, int]:
    """Merge duplicate posts and their findings, recompute fingerprints; return counts."""
    rows = list(conn.execute(sa.select(posts)))
    by_id = {r.id: r for r in rows}
    survivor = duplicate_groups(rows)
    by_platform: dict[str, list[Any]] = defaultdict(list)
    query = (
        sa.select(accounts, posts.c.platform)
        .select_from(accounts.join(posts, posts.c.account_id == accounts.c.id))
        .distinct()
    )
    for account in conn.execute(query):
        by_platform[account.platform].append(account)
    media_rows = list(conn.execute(sa.select(media)))
    media_by_post: dict[int, dict[int, int]] = defaultdict(dict)
    position_of: dict[int, int] = {}
    for m in media_rows:
        media_by_post[m.post_id][m.position] = m.id
        position_of[m.id] = m.position
    found = list(conn.execute(sa.select(findings)))
    key = fingerprint_key(conn)

    by_post: dict[int, list[Any]] = defaultdict(list)
    for f in found:
        by_post[f.post_id].append(f)
    new_fp: dict[int, str] = {}
    unexplained = 0
    for post_id, items in by_post.items():
        post = by_id.get(post_id)
        if post is None or key is None:
            unexplained += len(items)
            continue
        target = by_id[survivor.get(post_id, post_id)]
        spans = {
            (post.text or "")[f.span_start : f.span_end]
            for f in items
            if f.span_start is not None and f.span_end is not None
        }
        names = _account_names(post, by_platform.get(post.platform, []))
        pending = list(items)
        for pairs in (
            lambda: _value_pairs(post, spans, len(media_by_post.get(post_id, {}))),
            lambda: _rule_values(post),
        ):
            if not pending:
                break
            table: dict[str, str] = {}
            rules_here = {f.rule for f in pending}
            for olds, new in pairs():
                for rule in rules_here:
                    new_value = _canonical(rule, post, new)
                    for old in olds:
                        for name in names:
                            fp = old_fingerprint(
                                key, rule, post.platform, name, post.external_id, old
                            )
                            table.setdefault(fp, new_fingerprint(
                                key, rule, post.platform, target.identity, new_value
                            ))
            still = []
            for f in pending:
                if f.fingerprint in table:
                    new_fp[f.id] = table[f.fingerprint]
                else:
                    still.append(f)
            pending = still
        unexplained += len(pending)

    # one finding per (new fingerprint), or per (post, rule, span, media, excerpt) when unexplained
    groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for f in found:
        target = survivor.get(f.post_id, f.post_id)
        if f.id in new_fp:
            groups[("fp", new_fp[f.id])].append(f)
        else:
            where = position_of.get(f.media_id) if f.media_id is not None else None
            groups[
                ("same", target, f.rule, f.span_start, f.span_end, where, f.excerpt)
            ].append(f)
    merged = 0
    drop: list[int] = []
    keep: list[Any] = []
    for group in groups.values():
        ordered = sorted(group, key=_review_order)
        keep.append(ordered[0])
        drop.extend(f.id for f in ordered[1:])
        merged += len(ordered) - 1
    for start in range(0, len(drop), 500):
        conn.execute(findings.delete().where(findings.c.id.in_(drop[start : start + 500])))
    for f in keep:
        target = survivor.get(f.post_id, f.post_id)
        values: dict[str, Any] = {}
        if f.id in new_fp and new_fp[f.id] != f.fingerprint:
            values["fingerprint"] = new_fp[f.id]
        if target != f.post_id:
            values["post_id"] = target
            where = position_of.get(f.media_id) if f.media_id is not None else None
            values["media_id"] = media_by_post.get(target, {}).get(where) if where is not None else None
        if values:
            conn.execute(findings.update().where(findings.c.id == f.id).values(**values))

    # the duplicate posts go (their media with them); a surviving export post takes the Graph id
    gone = sorted(survivor)
    for start in range(0, len(gone), 500):
        chunk = gone[start : start + 500]
        conn.execute(findings.delete().where(findings.c.post_id.in_(chunk)))
        conn.execute(media.delete().where(media.c.post_id.in_(chunk)))
        conn.execute(posts.delete().where(posts.c.id.in_(chunk)))
    for dup_id, keep_id in survivor.items():
        dup, kept = by_id[dup_id], by_id[keep_id]
        if kept.external_id.startswith(EXPORT_PREFIX) and not dup.external_id.startswith(
            EXPORT_PREFIX
        ):
            conn.execute(
                posts.update()
                .where(posts.c.id == keep_id)
                .values(external_id=dup.external_id, url=dup.url or kept.url)
            )
    counts = {
        "posts_merged": len(survivor),
        "findings_merged": merged,
        "fingerprints_recomputed": len(new_fp),
        "fingerprints_kept": unexplained,
    }
    log.info(
        "post identity: %(posts_merged)d duplicate posts merged, %(findings_merged)d duplicate "
        "findings merged, %(fingerprints_recomputed)d fingerprints recomputed, "
        "%(fingerprints_kept)d kept as they were",
        counts,
    )
    return counts


def _review_order(finding: Any) -> tuple[int, float, int]:
    """Reviewed first (dismissed/resolved), the latest review first, then the oldest row."""
    reviewed = finding.status != "open" or finding.reviewed_at is not None
    when = finding.reviewed_at.timestamp() if finding.reviewed_at is not None else 0.0
    return (0 if reviewed else 1, -when, finding.id)
