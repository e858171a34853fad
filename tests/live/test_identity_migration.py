"""Migration 0003: a database built at 0002 by the old code, holding every post of an export twice
(once from the export, once from the live read), is merged: one post each, one finding each,
the reviewed copy kept, fingerprints in the new form so the next live read adds nothing."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC
from typing import Any

import responses
from alembic import command
from identity_fixtures import REPLY, fb_export, serve_graph, serve_x, x_archive
from live_helpers import PAGE_ID, fb_account, x_account
from sqlalchemy import MetaData, func, insert, select, text

from auditor import redact
from auditor.engine import Engine
from auditor.live import audit_accounts
from auditor.models import Post
from auditor.rules import all_rules
from auditor.rules.base import RuleContext
from auditor.sources import open_archive_source
from auditor.sources.facebook_graph import FacebookGraphSource
from auditor.sources.x_api import XApiSource
from auditor.store.db import Store, alembic_config
from auditor.store.models import FindingRow, PostRow

KEY = "0123456789abcdef" * 4


def _old_fingerprint(rule: str, post: Post, account: str, value: str) -> str:
    """The fingerprint as revision 0002's auditor computed it."""
    message = "\x1f".join((rule, f"{post.platform.value}:{account}:{post.external_id}", value))
    return hmac.new(KEY.encode(), message.encode(), hashlib.sha256).hexdigest()


def _old_findings(post: Post, account: str, *, bare_reply: bool) -> list[dict[str, Any]]:
    """The findings the old auditor stored for `post` (old reply values: `handle` or `@handle`)."""
    out: dict[str, dict[str, Any]] = {}
    for rule in all_rules():
        if not rule.applies_to(post):
            continue
        for hit in rule.func(post, RuleContext()):
            if hit.allowed:
                continue
            value = redact.identity_value(hit.value)
            span = hit.span
            if rule.id == "reply.to-parent" and value.startswith("@") and bare_reply:
                value = value[1:]  # the archive path wrote the target without '@'
                span = type(span)(span.start + 1, span.end) if span else None
            fp = _old_fingerprint(rule.id, post, account, value)
            out[fp] = {
                "rule": rule.id,
                "category": rule.category.value,
                "article": rule.article(post.platform),
                "severity": rule.severity.value,
                "span_start": span.start if span else None,
                "span_end": span.end if span else None,
                "excerpt": "…",
                "reason": hit.reason,
                "details": {},
                "fingerprint": fp,
                "status": "open",
            }
    return list(out.values())


def _build_old_database(url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(url)
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    meta = MetaData()
    meta.reflect(store.engine)
    tables = {name: meta.tables[name] for name in ("accounts", "posts", "findings", "meta")}
    with open_archive_source(x_archive(tmp_path / "x.zip")) as source:
        x_archive_posts = list(source.collect())
    with open_archive_source(fb_export(tmp_path / "fb.zip")) as source:
        fb_export_posts = list(source.collect())
    with responses.RequestsMock() as mock:
        serve_x(mock)
        serve_graph(mock)
        x_live = list(XApiSource(x_account(handle="@OBSdeVlinder"), "t").collect())
        fb_live = list(FacebookGraphSource(fb_account(), "t").collect())
    # the old live source wrote X reply targets as '@handle'
    x_live = [
        p if p.reply_to is None else Post(**{**p.__dict__, "reply_to": "@" + p.reply_to})
        for p in x_live
    ]
    pg = store.engine.dialect.name == "postgresql"
    groups = [
        ("twitter", "obsdevlinder", "obsdevlinder", x_archive_posts, True),
        ("twitter", "@OBSdeVlinder", "@OBSdeVlinder", x_live, False),
        ("facebook", "OBS De Vlinder", "OBS De Vlinder", fb_export_posts, False),
        ("facebook", PAGE_ID, "OBS De Vlinder", fb_live, False),
    ]
    with store.engine.begin() as conn:
        conn.execute(insert(tables["meta"]).values(key="fingerprint_key", value=KEY))
        for platform, handle, account_name, items, bare in groups:
            account_id = conn.execute(
                insert(tables["accounts"])
                .values(
                    platform=platform, handle=handle, name=account_name, created_at=_t(items[0], pg)
                )
                .returning(tables["accounts"].c.id)
            ).scalar_one()
            for post in items:
                post_id = conn.execute(
                    insert(tables["posts"])
                    .values(
                        account_id=account_id,
                        platform=platform,
                        external_id=post.external_id,
                        created_at=_t(post, pg),
                        text=post.text,
                        url=post.url,
                        kind=post.kind.value,
                        reply_to=post.reply_to,
                        reply_to_id=post.reply_to_id,
                        content_hash="old",
                        source_ref=post.source_ref,
                        imported_at=_t(post, pg),
                    )
                    .returning(tables["posts"].c.id)
                ).scalar_one()
                for row in _old_findings(post, account_name, bare_reply=bare):
                    conn.execute(
                        insert(tables["findings"]).values(
                            post_id=post_id, detected_at=_t(post, pg), **row
                        )
                    )
        # the account manager dismissed the reply finding on the live copy of the post
        conn.execute(
            text(
                "UPDATE findings SET status = 'dismissed', review_note = 'oud-leerling',"
                " reviewed_at = imported_at FROM posts"
                " WHERE findings.post_id = posts.id AND posts.external_id = :id"
                " AND posts.account_id = 2 AND findings.rule = 'reply.to-parent'"
            )
            if pg
            else text(
                "UPDATE findings SET status = 'dismissed', review_note = 'oud-leerling',"
                " reviewed_at = detected_at WHERE rule = 'reply.to-parent' AND post_id IN"
                " (SELECT id FROM posts WHERE external_id = :id AND account_id = 2)"
            ),
            {"id": REPLY[0]},
        )
    store.engine.dispose()


def _t(post: Post, pg: bool):  # type: ignore[no-untyped-def]
    return post.created_at if pg else post.created_at.astimezone(UTC).replace(tzinfo=None)


def _count(store, model) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def test_migration_merges_duplicates_and_keeps_dismissals(
    make_app, database_url: str, tmp_path, no_http: responses.RequestsMock
) -> None:
    _build_old_database(database_url, tmp_path)
    store = Store(database_url)
    assert _count(store, PostRow) == 14  # every post twice

    before, after = store.upgrade()

    assert (before, after) == ("0002", store.head_revision())
    assert _count(store, PostRow) == 7
    with store.engine.connect() as conn:
        ids = sorted(conn.execute(select(PostRow.external_id)).scalars())
        reply = conn.execute(
            select(FindingRow.status, FindingRow.review_note, FindingRow.fingerprint)
            .join(PostRow, PostRow.id == FindingRow.post_id)
            .where(FindingRow.rule == "reply.to-parent", PostRow.platform == "twitter")
        ).all()
        stored = set(conn.execute(select(FindingRow.fingerprint)).scalars())
    assert f"{PAGE_ID}_1" in ids and f"{PAGE_ID}_2_c2" in ids  # export posts took the Graph ids
    assert not [i for i in ids if i.startswith("fb-")]
    assert [(r.status, r.review_note) for r in reply] == [("dismissed", "oud-leerling")]

    # the fingerprints are those this version computes: a new live read adds nothing
    engine = Engine(all_rules(), RuleContext(), KEY.encode())
    with open_archive_source(x_archive(tmp_path / "x2.zip")) as source:
        x_posts = list(source.collect())
    with open_archive_source(fb_export(tmp_path / "fb2.zip")) as source:
        fb_posts = list(source.collect())
    expected = {f.fingerprint for p in x_posts + fb_posts for f in engine.audit(p).findings}
    assert stored == expected
    store.engine.dispose()

    app = make_app(fb_account(name="school-facebook"), x_account(name="school-x"))
    serve_x(no_http)
    serve_graph(no_http)
    summary = audit_accounts(app, images=False).summary
    assert (summary.posts_new, summary.findings_new) == (0, 0)
    with app.store.engine.connect() as conn:
        status = conn.execute(
            select(FindingRow.status).where(FindingRow.fingerprint == reply[0].fingerprint)
        ).scalar_one()
    assert status == "dismissed"
