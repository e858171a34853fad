"""Writes and reads the audit pipeline needs, batched with SQLAlchemy Core for speed.

Everything here runs inside one connection/transaction handed in by the caller, so an import
that fails half-way leaves the database exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import operator
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Insert,
    Table,
    Text,
    bindparam,
    delete,
    exists,
    func,
    literal,
    literal_column,
    select,
    update,
)
from sqlalchemy import cast as cast_sql
from sqlalchemy.dialects import postgresql, sqlite

from auditor.interrupt import held
from auditor.models import FaceBox, Finding, ImageAnalysis, Platform, Post, PostKind
from auditor.sources.base import AccountInfo
from auditor.store.models import (
    Account,
    ClosedFingerprintRow,
    FindingRow,
    ImageAnalysisRow,
    MediaRow,
    PostRow,
    ReviewActionRow,
    UTCDateTime,
    sqlite_utc_text,
    utcnow,
)


def upsert_insert(conn: Connection, table: Any) -> Insert:
    """INSERT that skips rows violating a unique constraint, on SQLite and PostgreSQL."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def in_values(conn: Connection, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """`column IN values` with the values as one bound parameter (an array on PostgreSQL, a
    JSON array on SQLite): the statement compiles once and is cached, where `in_()` renders and
    binds every value anew for each batch (a third of a re-audit's SQL time).

    PostgreSQL: `= any(array)` written as a function, not with `any_()`, whose expression holds
    the values in a reference cycle: freed only by a full collection, which a long import
    seldom runs, it grew the audit process by 0.13 MB a batch (26 MB over 100,000 posts)."""
    listed = list(values)
    if conn.dialect.name == "postgresql":
        return cast(
            ColumnElement[bool],
            column == func.any(bindparam(None, listed, type_=ARRAY(column.type))),
        )
    rows: Any = select(literal_column("value")).select_from(
        func.json_each(bindparam(None, json.dumps(listed)))
    )
    return cast(ColumnElement[bool], column.in_(rows))


def _bound_rows(
    conn: Connection, table: Table, names: Sequence[str], rows: Sequence[dict[str, Any]]
) -> list[tuple[Any, ...]]:
    """The rows as the driver takes them (`_bound_tuples`)."""
    picked = map(operator.itemgetter(*names), rows)  # each row's values as a tuple, in C
    return _bound_tuples(conn, table, names, list(picked) if len(names) > 1 else [*zip(picked)])


def _bound_tuples(
    conn: Connection, table: Table, names: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """Rows of values in the order of `names` as the driver takes them: each value through its
    column type's bind processor, fetched once per column (what SQLAlchemy does per row and
    value, at ten times the cost)."""
    columns: list[Any] = []
    by_column = list(zip(*rows, strict=True))
    for name, values in zip(names, by_column, strict=True):
        column_type = table.c[name].type
        process = _bind_processor(conn, column_type)
        if process is None:
            columns.append(values)
        elif column_type.hashable:  # not JSON
            # each distinct value once: a batch's rows share their times (imported_at,
            # audited_at, detected_at) and most of their short strings
            memo: dict[Any, Any] = {}
            columns.append(
                [memo[v] if v in memo else memo.setdefault(v, process(v)) for v in values]
            )
        else:
            columns.append(_json_values(process, values))
    return list(zip(*columns, strict=True))


def _bind_processor(conn: Connection, column_type: Any) -> Any:
    if isinstance(column_type, UTCDateTime) and conn.dialect.name == "sqlite":
        return sqlite_utc_text  # the same text, without SQLAlchemy's per-value %-format
    return column_type._cached_bind_processor(conn.dialect)


def _json_values(process: Any, values: Sequence[Any]) -> list[Any]:
    """JSON values through their bind processor, null and an empty container once each (a
    text finding's details are empty, a clean post's audit result null)."""
    once: dict[type, Any] = {}
    out = []
    for value in values:
        if value is None or (isinstance(value, dict | list) and not value):
            kind = type(value)
            if kind not in once:
                once[kind] = process(value)
            out.append(once[kind])
        else:
            out.append(process(value))
    return out


def _marks(conn: Connection, count: int) -> str:
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    return ", ".join([mark] * count)


def bulk_insert(
    conn: Connection, table: Any, rows: Sequence[dict[str, Any]], *, skip_conflicts: bool = False
) -> None:
    """INSERT every row (`insert_rows`), each a dict by column name."""
    if rows:
        names = list(rows[0])
        picked = map(operator.itemgetter(*names), rows)  # each row's values as a tuple, in C
        values = list(picked) if len(names) > 1 else [*zip(picked)]
        insert_rows(conn, table, names, values, skip_conflicts=skip_conflicts)


def insert_rows(
    conn: Connection,
    table: Any,
    names: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    skip_conflicts: bool = False,
) -> None:
    """INSERT every row, each a tuple of the values of the columns `names`: one driver
    `executemany` on SQLite, COPY on PostgreSQL. The names include every column that has a
    Python-side default. `skip_conflicts`: a row violating a unique constraint is skipped
    (ON CONFLICT DO NOTHING, on both databases)."""
    if not rows:
        return
    table = cast(Table, table)
    missing = [c.name for c in table.c if c.default is not None and c.name not in names]
    if missing:
        raise ValueError(f"bulk insert into {table.name} without {', '.join(missing)}")
    quote = conn.dialect.identifier_preparer.quote
    columns = ", ".join(quote(n) for n in names)
    values = _bound_tuples(conn, table, names, rows)
    if conn.dialect.name == "postgresql":
        with held():  # a COPY cut in half leaves a connection that cannot even roll back
            _copy_rows(conn, quote(table.name), columns, values, skip_conflicts)
        return
    sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({_marks(conn, len(names))})"
    if skip_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    with held():
        conn.exec_driver_sql(sql, values)


def _copy_rows(
    conn: Connection,
    table: str,
    columns: str,
    values: list[tuple[Any, ...]],
    skip_conflicts: bool,
) -> None:
    """PostgreSQL: the rows by COPY, several times cheaper for client and server than one
    INSERT a row, pipelined or not. COPY knows no ON CONFLICT: rows that may conflict go to a
    temporary table first (gone at the end of the transaction), then in with one INSERT."""
    # a psycopg cursor: SQLAlchemy types the connection as any DBAPI's, which may be None
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        target = table
        if skip_conflicts:
            target = f"_bulk_{table.strip(chr(34))}"
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {target} ON COMMIT DROP AS "
                f"SELECT {columns} FROM {table} WITH NO DATA"
            )
        with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
        if skip_conflicts:
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {target} "
                "ON CONFLICT DO NOTHING"
            )
            cursor.execute(f"TRUNCATE {target}")
    finally:
        cursor.close()


def bulk_update(conn: Connection, table: Any, key: str, rows: Sequence[dict[str, Any]]) -> None:
    """UPDATE one row per dict, found by its `key` column, with one driver `executemany`."""
    if not rows:
        return
    table = cast(Table, table)
    names = [n for n in rows[0] if n != key]
    quote = conn.dialect.identifier_preparer.quote
    mark = _marks(conn, 1)
    sql = (
        f"UPDATE {quote(table.name)} SET {', '.join(f'{quote(n)} = {mark}' for n in names)} "
        f"WHERE {quote(key)} = {mark}"
    )
    with held():
        conn.exec_driver_sql(sql, _bound_rows(conn, table, [*names, key], rows))


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


# Platforms whose post ids are unique on the whole platform: a post read under another
# account row (the archive's handle, the config's name) is the same post.
PLATFORM_WIDE_IDS = {Platform.TWITTER.value, Platform.FACEBOOK.value}
# Facebook exports carry no post ids: their posts get ids derived from time and text
EXPORT_ID_PREFIX = "fb-"
_THREAD_KINDS = {PostKind.REPLY.value, PostKind.COMMENT.value}


def same_text_key(text: str) -> str:
    """Text as compared across paths: NFC, invisible marks dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\u200b", "")
    return " ".join(text.split())


def text_digest(text: str) -> str:
    """What a post whose text retention removed keeps of it (in `content_hash`): enough to
    recognise the same post read by the other path, nothing to read back."""
    return hashlib.sha256(("text\x1f" + same_text_key(text)).encode("utf-8")).hexdigest()


def is_export_id(platform: str, external_id: str) -> bool:
    """An id an export derived from content (Facebook), not one the platform gave."""
    return platform == Platform.FACEBOOK.value and external_id.startswith(EXPORT_ID_PREFIX)


@dataclass(frozen=True)
class LastAudit:
    """What a post's last audit was made with (`auditor.audit_key`) and what it found.

    `result` is the stored JSON text (parsed only for a post the re-audit skips); `source` the
    digest of the export item the post was built from, when it came from one."""

    rules: str | None
    input: str | None
    result: str | None
    source: str | None = None


@dataclass
class StoredPost:
    id: int
    is_new: bool
    changed: bool
    media_ids: list[int]  # filled by `attach_media_ids` for the posts that need them
    identity: str = ""
    last: LastAudit | None = None  # its last audit, when it was audited before
    purged: bool = False  # retention removed its text
    old: bool = False  # published before the audit's text cutoff (`find_stored`)


@dataclass(slots=True)
class Existing:
    """A stored post as an import compares it (`find_stored`)."""

    id: int
    external_id: str
    content_hash: str
    identity: str
    url: str | None
    kind: str
    purged: bool = False  # retention removed its text: an import never brings it back
    old: bool = False  # published before the cutoff `find_stored` was given
    last: LastAudit | None = None

    def as_is(self) -> StoredPost:
        """The post as stored, for an import that leaves it unchanged."""
        return StoredPost(
            self.id, False, False, [], self.identity, self.last, self.purged, self.old
        )


def _existing(row: Any) -> Existing:
    """From a row of `_STORED`'s columns (unpacked: a tenth of the cost of attributes; every
    argument positional: two thirds of the time with keywords and a starred list)."""
    pid, external_id, digest, identity, url, kind, purged, _, old = row[:9]
    rules, given, told, source = row[9:13]
    last = None if rules is None else LastAudit(rules, given, told, source)
    return Existing(pid, external_id, digest, identity, url, kind, bool(purged), bool(old), last)


def save_posts(
    conn: Connection,
    account_id: int,
    posts: Sequence[Post],
    found: dict[str, Existing] | None = None,
    searched: frozenset[str] = frozenset(),
) -> list[StoredPost]:
    """Update changed stored posts; return them in the order of `posts`, each with its id and
    last audit. An unchanged post is not written (its content hash is compared in memory).
    A post not stored yet comes back with `is_new` and id 0, unwritten: `insert_new_posts`
    writes it once its audit is known, in one row with that audit.

    A post already stored by another path is that post, not a new one: a tweet id under any
    account row; a Facebook post read live that matches a stored export post (same second and
    same text, or the same permalink) takes over the Graph id and URL and keeps its identity,
    findings and reviews; an export post matching a stored live post maps onto it.
    `found`: what `find_stored` found of the external ids `searched` (not looked up again).
    """
    existing = _find_existing(conn, account_id, posts, found or {}, searched)
    result: dict[str, StoredPost] = {}
    for post in posts:
        if post.external_id in result:
            continue  # the same post twice in one export: keep the first
        stored = existing.get(post.external_id)
        if stored is None:
            result[post.external_id] = StoredPost(0, True, True, [], post.external_id)
        else:
            digest = content_hash(post)
            changed = stored.content_hash != digest
            values: dict[str, Any] = {}
            takes_over = stored.external_id != post.external_id and not is_export_id(
                post.platform.value, post.external_id
            )
            if takes_over:  # the live read gives the export post its platform id and URL
                values.update(external_id=post.external_id, url=post.url or stored.url)
            if stored.purged:  # keep no text, reply target or media again (its hash is
                changed = False  # the text digest retention left, see text_digest)
            if changed:
                values.update(_post_values(post), content_hash=digest)
                values["url"] = post.url or stored.url  # an export has no URL: keep the live one
            if values:
                conn.execute(update(PostRow).where(PostRow.id == stored.id).values(**values))
            if changed:
                conn.execute(delete(MediaRow).where(MediaRow.post_id == stored.id))
            result[post.external_id] = StoredPost(
                stored.id, False, changed, [], stored.identity, stored.last, stored.purged
            )
    _save_media(conn, [p for p in posts if not result[p.external_id].is_new], result)
    return [result[p.external_id] for p in posts]


@dataclass
class NewPost:
    """A post read for the first time, with its audit: written in one row (`insert_new_posts`).

    `post` carries its media analyses when `analysed` (images were analysed in this audit);
    `text_expires`: past text retention and no open finding, so it is stored as retention
    leaves a post (no text, reply target, source reference or media copies).
    """

    post: Post
    stored: StoredPost
    audit_rules: str | None
    audit_input: str
    audit_result: dict[str, Any] | None
    audit_source: str | None = None
    text_expires: bool = False


_NEW_POST_COLUMNS = (
    "platform",
    "created_at",
    "url",
    "kind",
    "account_id",
    "external_id",
    "identity",
    "imported_at",
    "audit_rules",
    "audit_input",
    "audit_result",
    "audit_source",
    "audited_at",
    # what retention removes or changes (`insert_new_posts`)
    "text",
    "reply_to",
    "reply_to_id",
    "source_ref",
    "content_hash",
    "text_purged_at",
)


def insert_new_posts(
    conn: Connection, account_id: int, new: Sequence[NewPost], *, analysed: bool
) -> set[str]:
    """Insert posts read for the first time with their audit, their media rows, and give
    each `stored` its id and media ids. Returns the media copies of posts stored without their
    text (for `retention.remove_unreferenced_files`)."""
    if not new:
        return set()
    now = utcnow()
    rows = []
    for item in new:
        post = item.post
        if item.text_expires:  # as `retention.strip_posts` leaves a post: its text's digest
            kept: tuple[Any, ...] = ("", None, None, "", text_digest(post.text), now)
        else:
            kept = (
                post.text,
                post.reply_to,
                post.reply_to_id,
                post.source_ref,
                content_hash(post),
                None,
            )
        rows.append(
            (
                post.platform.value,
                post.created_at,
                post.url,
                post.kind.value,
                account_id,
                post.external_id,
                item.stored.identity,
                now,
                item.audit_rules,
                item.audit_input,
                item.audit_result,
                item.audit_source,
                now,
                *kept,
            )
        )
    # a tuple a row, not a dict (with the findings: ~1 s of the audit process over 100,000 posts)
    # plain executemany, then one SELECT for the ids: on PostgreSQL this runs as a
    # pipelined prepared statement, several times faster than a huge INSERT .. RETURNING
    insert_rows(conn, PostRow.__table__, _NEW_POST_COLUMNS, rows)
    by_id = {item.post.external_id: item.stored for item in new}
    # fetched at once and unpacked: row by row with attribute access took 1.7 times as long
    for pid, external_id in conn.execute(
        select(PostRow.id, PostRow.external_id).where(
            PostRow.account_id == account_id,
            in_values(conn, PostRow.external_id, list(by_id)),
        )
    ).all():
        by_id[external_id].id = pid
    media_rows = []
    expired_copies: set[str] = set()
    for item in new:
        for position, media in enumerate(item.post.media):
            path = str(media.path) if media.path else None
            analysis = media.analysis if analysed else None
            if item.text_expires:
                expired_copies.update([path] if path else [])
                path = None
            media_rows.append(
                {
                    "post_id": item.stored.id,
                    "position": position,
                    "kind": media.kind.value,
                    "name": media.name,
                    "path": path,
                    "url": media.url,
                    "sha256": media.sha256,
                    "status": "missing"
                    if media.missing
                    else (analysis.status if analysis is not None else "pending"),
                    "faces": analysis.faces if analysis is not None else None,
                    "recognisable": analysis.recognisable if analysis is not None else None,
                }
            )
    bulk_insert(conn, MediaRow.__table__, media_rows)
    attach_media_ids(conn, [item.post for item in new], [item.stored for item in new])
    return expired_copies


# what an import compares of a stored post (`_existing`); audit_result as its JSON text, parsed
# only for a post the audit skips (the JSON type parses every row)
_STORED = (
    PostRow.id,
    PostRow.external_id,
    PostRow.content_hash,
    PostRow.identity,
    PostRow.url,
    PostRow.kind,
    PostRow.text_purged_at.is_not(None).label("purged"),  # a bool: no time to parse
    PostRow.account_id,
)
_AUDIT_COLUMNS = (
    PostRow.audit_rules,
    PostRow.audit_input,
    cast_sql(PostRow.audit_result, Text),
    PostRow.audit_source,
)


def find_stored(
    conn: Connection,
    account_id: int,
    keys: Sequence[tuple[str, str]],
    cutoff: datetime | None = None,
) -> dict[str, Existing]:
    """The stored row of each (platform, external id) of `keys` already in the database, by
    external id: a tweet id under any account row (this account's first), other ids under this
    account. `old` says whether it was published before `cutoff`."""
    old: ColumnElement[Any] = literal(False) if cutoff is None else PostRow.created_at < cutoff
    found: dict[str, Existing] = {}
    by_platform: dict[str, list[str]] = {}
    for platform, external_id in keys:
        by_platform.setdefault(platform, []).append(external_id)
    for platform, ids in by_platform.items():
        where = in_values(conn, PostRow.external_id, ids)
        if platform in PLATFORM_WIDE_IDS:
            where &= PostRow.platform == platform
        else:
            where &= PostRow.account_id == account_id
        # fetchall: iterating a result fetches row by row (a third of this look-up's time)
        rows = list(conn.execute(select(*_STORED, old, *_AUDIT_COLUMNS).where(where)).all())
        if any(row.account_id != account_id for row in rows):
            rows.sort(key=lambda r: r.account_id != account_id)
        for row in rows:
            found.setdefault(row.external_id, _existing(row))
    return found


def _find_existing(
    conn: Connection,
    account_id: int,
    posts: Sequence[Post],
    found: dict[str, Existing],
    searched: frozenset[str],
) -> dict[str, Existing]:
    """The stored row of each post of `posts` already in the database, by its external id;
    `found` holds those of the ids `searched` before."""
    wanted = [(p.platform.value, p.external_id) for p in posts if p.external_id not in searched]
    out = {**found, **find_stored(conn, account_id, wanted)} if wanted else dict(found)
    unmatched = [p for p in posts if p.platform == Platform.FACEBOOK and p.external_id not in out]
    if unmatched:
        out.update(_match_across_paths(conn, unmatched))
    return out


def _match_across_paths(conn: Connection, posts: Sequence[Post]) -> dict[str, Existing]:
    """Facebook posts stored by the other path: an export post (derived id) for a live post,
    a live post (Graph id) for an export post. Same second and same normalised text and kind
    family, or the same permalink; each stored row matches one post at most."""
    if not posts:
        return {}
    times = sorted({p.created_at for p in posts})
    urls = sorted({p.url for p in posts if p.url})
    where: ColumnElement[bool] = PostRow.created_at.in_(times)
    if urls:
        where |= PostRow.url.in_(urls)
    candidates = list(
        conn.execute(
            select(
                *_STORED, literal(False), *_AUDIT_COLUMNS, PostRow.created_at, PostRow.text
            ).where((PostRow.platform == Platform.FACEBOOK.value) & where)
        )
    )
    used: set[int] = set()
    out: dict[str, Existing] = {}
    for post in posts:
        from_export = is_export_id(post.platform.value, post.external_id)
        key = same_text_key(post.text)
        thread = post.kind.value in _THREAD_KINDS
        for row in candidates:
            if (
                row.id in used
                or is_export_id(Platform.FACEBOOK.value, row.external_id) == from_export
            ):
                continue
            same_url = bool(post.url and row.url == post.url)
            same_text = (
                row.content_hash == text_digest(post.text)
                if row.purged  # retention left only the text's digest
                else same_text_key(row.text) == key
            )
            same_post = (
                row.created_at == post.created_at
                and (row.kind in _THREAD_KINDS) == thread
                and same_text
            )
            if same_url or same_post:
                used.add(row.id)
                out[post.external_id] = _existing(row)
                break
    return out


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
    bulk_insert(conn, MediaRow.__table__, rows)


def attach_media_ids(conn: Connection, posts: Sequence[Post], stored: Sequence[StoredPost]) -> None:
    """Fill `media_ids` (by position) of the stored posts whose post has media."""
    post_ids = [sp.id for post, sp in zip(posts, stored, strict=True) if post.media]
    if not post_ids:
        return
    by_post: dict[int, list[int]] = {}
    for row in conn.execute(
        select(MediaRow.id, MediaRow.post_id)
        .where(in_values(conn, MediaRow.post_id, post_ids))
        .order_by(MediaRow.post_id, MediaRow.position)
    ):
        by_post.setdefault(row.post_id, []).append(row.id)
    for sp in stored:
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


_FINDING_COLUMNS = (
    "post_id",
    "media_id",
    "run_id",
    "rule",
    "category",
    "article",
    "severity",
    "span_start",
    "span_end",
    "excerpt",
    "reason",
    "details",
    "fingerprint",
    "status",
    "detected_at",
)
_FINGERPRINT = _FINDING_COLUMNS.index("fingerprint")


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
    values: list[tuple[Any, ...]] = [
        (
            post_id,
            media_id,
            run_id,
            f.rule,
            f.category.value,
            f.article,
            f.severity.value,
            f.span.start if f.span else None,
            f.span.end if f.span else None,
            f.excerpt,
            f.reason,
            f.details,
            f.fingerprint,
            "open",
            when,
        )
        for post_id, media_id, f in rows
    ]
    existing = known if known is not None else statuses(conn, [f.fingerprint for *_, f in rows])
    fresh = [v for v in values if v[_FINGERPRINT] not in existing]
    if fresh:
        # ON CONFLICT DO NOTHING still guards against a concurrent writer of the same finding
        insert_rows(conn, FindingRow.__table__, _FINDING_COLUMNS, fresh, skip_conflicts=True)
    return {v[_FINGERPRINT] for v in fresh}


def withdraw_findings(conn: Connection, found: dict[int, set[str]], photos: bool) -> int:
    """Delete the open findings of re-audited posts that their new audit no longer makes (an
    allow-list, word list, setting or rule changed, or the post was edited), so the store holds
    what a fresh audit would. `found`: post id -> the fingerprints its new audit made. A finding
    with a review action stays (the trail is the school's), and so does a finding on a photo
    when this audit did not analyse the photos (`photos` False: `--no-images`). Returns how
    many were deleted."""
    if not found:
        return 0
    query = select(FindingRow.id, FindingRow.post_id, FindingRow.fingerprint).where(
        in_values(conn, FindingRow.post_id, list(found)),
        FindingRow.status == "open",
        ~exists().where(ReviewActionRow.finding_id == FindingRow.id),
    )
    if not photos:
        query = query.where(FindingRow.media_id.is_(None))
    gone = [fid for fid, post_id, fp in conn.execute(query) if fp not in found[post_id]]
    if gone:
        conn.execute(delete(FindingRow).where(in_values(conn, FindingRow.id, gone)))
    return len(gone)


def statuses(conn: Connection, fingerprints: Iterable[str]) -> dict[str, str]:
    """Recorded decisions by fingerprint: of stored findings, and of closed findings that
    retention deleted (their fingerprint is kept so they do not come back)."""
    wanted = list(set(fingerprints))
    out: dict[str, str] = {}
    if not wanted:
        return out
    for table in (ClosedFingerprintRow, FindingRow):
        out.update(
            conn.execute(
                select(table.fingerprint, table.status).where(
                    in_values(conn, table.fingerprint, wanted)
                )
            ).all()
        )
    return out


def decided_statuses(conn: Connection) -> dict[str, str]:
    """Every recorded decision (a status other than open) by fingerprint: of stored findings and
    of closed findings that retention deleted. A re-audit looks its skipped posts' findings up
    here, where one query by fingerprint a batch took a tenth of its time."""
    out: dict[str, str] = {}
    for table in (ClosedFingerprintRow, FindingRow):
        out.update(
            conn.execute(
                select(table.fingerprint, table.status).where(table.status != "open")
            ).all()
        )
    return out


def refresh_planner_stats(conn: Connection) -> None:
    """PostgreSQL plans lookups in a long import from the statistics of the table as it was
    before; with those, lookups by external id or fingerprint turn into sequential scans of a
    table that grows to 100,000 rows. ANALYZE inside the transaction counts its own rows."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ANALYZE posts, media, findings")


# -- incremental audits -----------------------------------------------------------------------


def record_audits(
    conn: Connection,
    audits: Sequence[tuple[int, str | None, str, dict[str, Any] | None, str | None]],
) -> None:
    """Store (post id, rule-set digest, input digest, result, source digest) of the posts just
    audited, and when. A post skipped as unchanged keeps the time of the audit its findings
    come from."""
    if not audits:
        return
    when = utcnow()
    bulk_update(
        conn,
        PostRow.__table__,
        "id",
        [
            {
                "id": pid,
                "audit_rules": rules,
                "audit_input": digest,
                "audit_result": result,
                "audit_source": source,
                "audited_at": when,
            }
            for pid, rules, digest, result, source in audits
        ],
    )


def record_sources(conn: Connection, sources: Sequence[tuple[int, str]]) -> None:
    """Store (post id, source digest) of posts found unchanged by their input digest, read from
    an export item not recorded before: the next re-audit skips them without building them."""
    bulk_update(
        conn, PostRow.__table__, "id", [{"id": pid, "audit_source": s} for pid, s in sources]
    )
