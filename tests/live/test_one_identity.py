"""One post, one identity: a history imported from the exports and then read live into the same
database adds and doubles nothing, and a dismissal holds whichever path reads the post again."""

from __future__ import annotations

import pytest
import responses
from identity_fixtures import (
    LONG,
    PAGE_ID,
    REPLY,
    TWEETS_URL,
    fb_export,
    serve_graph,
    serve_x,
    x_archive,
)
from live_helpers import USER_ID, fb_account, x_account
from sqlalchemy import func, select

from auditor import cli
from auditor.live import audit_accounts
from auditor.sources import open_archive_source
from auditor.sources.facebook_graph import FacebookGraphSource
from auditor.sources.x_api import XApiSource
from auditor.store.models import FindingRow, PostRow


def _accounts():  # type: ignore[no-untyped-def]
    # names in the config that match neither the archive's handle nor the export's page name
    return (
        fb_account(name="school-facebook"),
        x_account(name="school-x", handle="@OBSdeVlinder"),
    )


def _findings(app) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    with app.store.engine.connect() as conn:
        rows = conn.execute(
            select(PostRow.external_id, FindingRow.rule, FindingRow.fingerprint, FindingRow.status)
            .join(PostRow, PostRow.id == FindingRow.post_id)
            .order_by(FindingRow.id)
        )
        return [tuple(r) for r in rows]


def _count(app, table) -> int:  # type: ignore[no-untyped-def]
    with app.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _run(*args: str) -> int:
    return cli.main(list(args))


def test_exports_then_live_add_and_double_nothing(
    make_app, no_http: responses.RequestsMock, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(*_accounts())
    config = app.args.config
    x_zip, fb_zip = x_archive(tmp_path / "x.zip"), fb_export(tmp_path / "fb.zip")
    _run(
        "audit",
        "--config",
        config,
        "--archive",
        str(x_zip),
        "--archive",
        str(fb_zip),
        "--no-images",
    )
    before = _findings(app)
    posts_before = _count(app, PostRow)
    assert posts_before == 7  # 4 tweets, 2 Page posts, 1 Page comment
    assert {r[1] for r in before} >= {"reply.to-parent", "personal-data.phone"}
    dismissed_id = 1
    assert _run("review", "--config", config, str(dismissed_id), "--dismiss", "--note", "test") == 0
    capsys.readouterr()

    serve_x(no_http)
    serve_graph(no_http)
    assert _run("audit", "--config", config, "--no-images") in (0, 1)
    out = capsys.readouterr().out

    after = _findings(app)
    assert "bevindingen: 0 nieuw" in out  # [mail] language nl (default)
    assert _count(app, PostRow) == posts_before
    assert len(after) == len(before)
    assert {r[2] for r in after} == {r[2] for r in before}  # same fingerprints
    assert {r[2]: r[3] for r in after}[before[dismissed_id - 1][2]] == "dismissed"
    with app.store.engine.connect() as conn:
        fb = conn.execute(
            select(PostRow.external_id, PostRow.url).where(PostRow.platform == "facebook")
        ).all()
    # the export posts took over the Graph ids and permalinks
    assert sorted(i for i, _ in fb) == [f"{PAGE_ID}_1", f"{PAGE_ID}_2", f"{PAGE_ID}_2_c2"]
    assert all(url and url.startswith("https://www.facebook.com/") for _, url in fb)

    # and once more live: still nothing new
    serve_x(no_http)
    serve_graph(no_http)
    summary = audit_accounts(app, images=False).summary
    assert (summary.posts_new, summary.findings_new) == (0, 0)
    assert _count(app, FindingRow) == len(before)


def test_live_first_then_exports_add_and_double_nothing(
    make_app, no_http: responses.RequestsMock, tmp_path
) -> None:
    app = make_app(*_accounts())
    serve_x(no_http)
    serve_graph(no_http)
    audit_accounts(app, images=False)
    before = _findings(app)
    posts = _count(app, PostRow)

    code = _run(
        "audit",
        "--config",
        app.args.config,
        "--archive",
        str(x_archive(tmp_path / "x.zip")),
        "--archive",
        str(fb_export(tmp_path / "fb.zip")),
        "--no-images",
    )

    assert code in (0, 1)
    assert _count(app, PostRow) == posts
    assert {r[2] for r in _findings(app)} == {r[2] for r in before}


def _spans(findings) -> dict[str, list[tuple[str, object, str]]]:  # type: ignore[no-untyped-def]
    return sorted((f.rule, f.span, f.excerpt) for f in findings)  # type: ignore[return-value]


def test_spans_and_fingerprints_are_equal_in_both_paths(
    make_app, no_http: responses.RequestsMock, tmp_path
) -> None:
    app = make_app(*_accounts())
    engine = app.engine()
    fb_config, x_config = _accounts()
    with open_archive_source(x_archive(tmp_path / "x.zip")) as source:
        archive_x = {p.external_id: p for p in source.collect()}
    with open_archive_source(fb_export(tmp_path / "fb.zip")) as source:
        archive_fb = sorted(source.collect(), key=lambda p: p.created_at)
    serve_x(no_http)
    serve_graph(no_http)
    live_x = {p.external_id: p for p in XApiSource(x_config, "t").collect()}
    live_fb = sorted(FacebookGraphSource(fb_config, "t").collect(), key=lambda p: p.created_at)

    assert archive_x.keys() == live_x.keys()
    assert archive_x[REPLY[0]].reply_to == live_x[REPLY[0]].reply_to
    for tweet_id, post in archive_x.items():
        a, b = engine.audit(post).findings, engine.audit(live_x[tweet_id]).findings
        assert [(f.rule, f.span, f.fingerprint) for f in a] == [
            (f.rule, f.span, f.fingerprint) for f in b
        ], tweet_id
    assert any(f.rule == "reply.to-parent" for f in engine.audit(archive_x[REPLY[0]]).findings)
    assert len(archive_fb) == len(live_fb) == 3
    for exported, live in zip(archive_fb, live_fb, strict=True):
        assert _spans(engine.audit(exported).findings) == _spans(engine.audit(live).findings)


def test_long_x_posts_are_audited_in_full_in_both_paths(
    make_app, no_http: responses.RequestsMock, tmp_path
) -> None:
    app = make_app(*_accounts())
    engine = app.engine()
    with open_archive_source(x_archive(tmp_path / "x.zip")) as source:
        archived = {p.external_id: p for p in source.collect()}[LONG[0]]
    serve_x(no_http)
    live = {p.external_id: p for p in XApiSource(_accounts()[1], "t").collect()}[LONG[0]]

    assert len(archived.text) > 280 and archived.text == live.text
    phone = [f for f in engine.audit(archived).findings if f.rule == "personal-data.phone"]
    assert phone and phone[0].span is not None and phone[0].span.start > 280


def test_a_reply_in_the_accounts_own_thread_is_no_finding_in_the_live_path(
    make_app, no_http: responses.RequestsMock
) -> None:
    # no [school] handles and no handle in the config: only the post's own account says who
    account = x_account(name="school-x")
    app = make_app(account)
    own = {
        "id": "1767506000000000010",
        "text": "En vergeet morgen de gymspullen niet!",
        "created_at": "2024-03-12T12:00:00.000Z",
        "edit_history_tweet_ids": ["1767506000000000010"],
        "author_id": USER_ID,
        "in_reply_to_user_id": USER_ID,
        "referenced_tweets": [{"type": "replied_to", "id": "1767506000000000002"}],
    }
    users = [{"id": USER_ID, "username": "devlinder", "name": "De Vlinder"}]
    no_http.add(
        "GET",
        TWEETS_URL,
        json={"data": [own], "includes": {"users": users}, "meta": {"result_count": 1}},
    )
    (post,) = XApiSource(account, "t").collect()

    assert post.reply_to == post.account == "devlinder"
    assert not [f for f in app.engine().audit(post).findings if f.rule == "reply.to-parent"]
