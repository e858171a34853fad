"""`audit_accounts`: cursors, one transaction per account, failures contained, no token leaks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import responses
from live_helpers import (
    FB_BASE,
    FB_TOKEN,
    PAGE_ID,
    USER_ID,
    X_BASE,
    X_TOKEN,
    dump_database,
    fb_account,
    graph_post,
    serve_rejected_page_token,
    x_account,
    x_page,
    x_post,
)
from sqlalchemy import select

from auditor import cli
from auditor.errors import ConfigError, SourceError
from auditor.live import Cursor, LiveResult, audit_accounts, next_cursor
from auditor.store.models import Account, AuditRun, PostRow

TWEETS_URL = f"{X_BASE}/users/{USER_ID}/tweets"
POSTS_URL = f"{FB_BASE}/{PAGE_ID}/posts"


def audit_or_raise(app: Any, **options: Any) -> tuple[Any, str]:
    """`audit_accounts`, with its failures raised as the one error the CLI shows."""
    result = audit_accounts(app, **options)
    assert isinstance(result, LiveResult)
    error = result.error()
    if error is not None:
        raise error
    return result.summary, result.label


def stored(app, platform: str) -> list[str]:  # type: ignore[no-untyped-def]
    with app.store.engine.connect() as conn:
        return sorted(
            conn.execute(select(PostRow.external_id).where(PostRow.platform == platform)).scalars()
        )


def account_row(app, config_name: str) -> Account:  # type: ignore[no-untyped-def]
    with app.store.session() as session:
        return session.scalars(select(Account).where(Account.config_name == config_name)).one()


def runs(app) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    with app.store.session() as session:
        found = session.scalars(select(AuditRun).order_by(AuditRun.id))
        return [(r.source, r.status, r.error) for r in found]


# -- cursor rules (pure) ----------------------------------------------------------------------

T1 = datetime(2026, 3, 1, tzinfo=UTC)
T2 = datetime(2026, 3, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    ("old", "complete", "skipped", "expected"),
    [
        (Cursor(), True, 0, Cursor("20", T2)),
        (Cursor(), False, 0, Cursor("20", T2)),  # first run: back-fill bounded by the cap
        (Cursor("10", T1), True, 0, Cursor("20", T2)),
        (Cursor("10", T1), False, 0, Cursor("10", T1)),  # capped: do not jump the gap
        (Cursor("10", T1), True, 1, Cursor("10", T1)),  # a post was not stored
        (Cursor(), True, 1, Cursor()),
        (Cursor("30", T2), True, 0, Cursor("30", T2)),  # never backwards
    ],
    ids=["first", "first-capped", "complete", "capped", "skipped", "first-skipped", "backwards"],
)
def test_next_cursor(old: Cursor, complete: bool, skipped: int, expected: Cursor) -> None:
    newest = Cursor("20", T2)
    assert next_cursor(old, newest, complete=complete, skipped=skipped, by_id=True) == expected


def test_next_cursor_keeps_old_when_nothing_was_read() -> None:
    old = Cursor("10", T1)
    assert next_cursor(old, Cursor(), complete=True, skipped=0, by_id=True) == old


# -- incremental runs -------------------------------------------------------------------------


def test_x_second_run_asks_only_since_the_newest_stored_post(
    make_app, no_http: responses.RequestsMock
) -> None:
    app = make_app(x_account())
    no_http.add(
        "GET",
        TWEETS_URL,
        json=x_page([x_post("1790", "nieuw"), x_post("1780", "ouder")], next_token="p2"),
    )
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1770", "oudst")]))
    summary, label = audit_or_raise(app, images=False)

    assert summary.posts_new == 3 and label == "live: twitter (3 new posts)"
    assert "since_id" not in no_http.calls[0].request.params
    assert account_row(app, "twitter").cursor_id == "1790"

    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1800", "vandaag")]))
    summary, _ = audit_or_raise(app, images=False)

    assert no_http.calls[2].request.params["since_id"] == "1790"
    assert "start_time" not in no_http.calls[2].request.params
    assert summary.posts_new == 1
    assert stored(app, "twitter") == ["1770", "1780", "1790", "1800"]
    assert account_row(app, "twitter").cursor_id == "1800"


def test_facebook_second_run_asks_since_cursor_minus_lookback(
    make_app, no_http: responses.RequestsMock
) -> None:
    app = make_app(fb_account(lookback_days=3))
    no_http.add("GET", POSTS_URL, json={"data": [graph_post("2", "2026-03-10T08:00:00+0000", "a")]})
    audit_or_raise(app, images=False)
    assert "since" not in no_http.calls[0].request.params

    no_http.add("GET", POSTS_URL, json={"data": [graph_post("2", "2026-03-10T08:00:00+0000", "a")]})
    summary, _ = audit_or_raise(app, images=False)

    expected = datetime(2026, 3, 10, 8, tzinfo=UTC) - timedelta(days=3)
    assert no_http.calls[1].request.params["since"] == str(int(expected.timestamp()))
    assert summary.posts_seen == 1 and summary.posts_new == 0  # re-read, not duplicated
    assert stored(app, "facebook") == [f"{PAGE_ID}_2"]


def test_since_overrides_the_cursor(make_app, no_http: responses.RequestsMock) -> None:
    app = make_app(x_account())
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1790", "a")]))
    audit_or_raise(app, images=False)
    no_http.add("GET", TWEETS_URL, json=x_page([]))

    audit_or_raise(app, since=datetime(2026, 1, 1, tzinfo=UTC), images=False)

    params = no_http.calls[1].request.params
    assert params["start_time"] == "2026-01-01T00:00:00Z" and "since_id" not in params


def test_capped_incremental_run_keeps_the_cursor(make_app, no_http: responses.RequestsMock) -> None:
    app = make_app(x_account(max_posts_per_run=5))
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("100", "a")]))
    audit_or_raise(app, images=False)
    many = [x_post(str(200 - n), f"b{n}") for n in range(5)]
    no_http.add("GET", TWEETS_URL, json=x_page(many, next_token="more"))

    summary, _ = audit_or_raise(app, images=False)

    assert account_row(app, "twitter").cursor_id == "100"
    assert any("raise max_posts_per_run" in w for w in summary.warnings)


# -- faults: nothing lost, nothing duplicated -------------------------------------------------


def test_truncated_page_stores_nothing_and_keeps_the_cursor(
    make_app, no_http: responses.RequestsMock, sleeps: list[float]
) -> None:
    app = make_app(x_account(max_retries=1))
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1790", "a")], next_token="p2"))
    no_http.add("GET", TWEETS_URL, body='{"data": [{"id": "1780", "text": "b", "crea')
    no_http.add("GET", TWEETS_URL, body='{"data": [{"id": "1780", "text": "b", "crea')

    with pytest.raises(SourceError, match="not complete JSON"):
        audit_or_raise(app, images=False)

    assert stored(app, "twitter") == []
    row = account_row(app, "twitter")
    assert row.cursor_id is None and "not complete JSON" in (row.last_error or "")
    assert runs(app)[-1][1] == "failed"

    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1790", "a")], next_token="p2"))
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1780", "b")]))
    audit_or_raise(app, images=False)

    assert stored(app, "twitter") == ["1780", "1790"]
    row = account_row(app, "twitter")
    assert row.cursor_id == "1790" and row.last_error is None


def test_interrupted_run_stores_nothing_and_marks_the_run(
    make_app, no_http: responses.RequestsMock
) -> None:
    app = make_app(x_account())

    def interrupt(request):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1790", "a")], next_token="p2"))
    no_http.add_callback("GET", TWEETS_URL, callback=interrupt)

    with pytest.raises(KeyboardInterrupt):
        audit_or_raise(app, images=False)

    assert stored(app, "twitter") == []
    assert runs(app)[-1][1] == "failed" and "interrupted" in (runs(app)[-1][2] or "")


def test_one_expired_token_does_not_stop_the_other_account(
    make_app, no_http: responses.RequestsMock
) -> None:
    app = make_app(fb_account(), x_account())
    no_http.add(
        "GET",
        POSTS_URL,
        status=400,
        json={
            "error": {
                "message": "Error validating access token: Session has expired",
                "type": "OAuthException",
                "code": 190,
                "error_subcode": 463,
            }
        },
    )
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1790", "a")]))

    with pytest.raises(SourceError) as raised:
        audit_or_raise(app, images=False)

    message = str(raised.value)
    assert message.startswith("facebook: ") and "FB_PAGE_TOKEN" in message and "\n" not in message
    assert stored(app, "twitter") == ["1790"]
    assert "FB_PAGE_TOKEN" in (account_row(app, "facebook").last_error or "")
    assert [(source, status) for source, status, _ in runs(app)] == [
        ("live:facebook", "failed"),
        ("live:twitter", "done"),
    ]


def test_several_failures_are_named_in_one_line(
    make_app, no_http: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(fb_account(), x_account())
    monkeypatch.delenv("FB_PAGE_TOKEN")
    no_http.add("GET", TWEETS_URL, status=401, json={"title": "Unauthorized", "status": 401})

    with pytest.raises(SourceError) as raised:
        audit_or_raise(app, images=False)

    assert raised.value.where == "facebook, twitter"
    assert "FB_PAGE_TOKEN is not set" in str(raised.value) and "X_BEARER_TOKEN" in str(raised.value)


def test_live_result_holds_what_worked_and_what_failed(
    make_app, no_http: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(fb_account(), x_account())
    monkeypatch.delenv("FB_PAGE_TOKEN")
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1790", "a")]))

    result = audit_accounts(app, images=False)

    assert result.summary.posts_new == 1 and result.summary.run_ids
    assert result.label == "live: facebook (failed), twitter (1 new posts)"
    [failure] = result.failures
    assert failure.account == "facebook" and "FB_PAGE_TOKEN is not set" in failure.why
    error = result.error()
    assert error is not None and error.where == "facebook"


def test_unknown_account_name_is_a_config_error(make_app) -> None:
    app = make_app(x_account())
    with pytest.raises(ConfigError, match="'instagram'"):
        audit_or_raise(app, account="instagram", images=False)


def test_no_accounts_is_a_config_error(make_app) -> None:
    app = make_app()
    with pytest.raises(ConfigError, match="no \\[\\[accounts\\]\\] configured"):
        audit_or_raise(app, images=False)


def test_only_the_named_account_is_read(make_app, no_http: responses.RequestsMock) -> None:
    app = make_app(fb_account(), x_account())
    no_http.add("GET", TWEETS_URL, json=x_page([]))

    audit_or_raise(app, account="twitter", images=False)

    assert all(c.request.url.startswith(X_BASE) for c in no_http.calls)


def test_images_are_stored_in_the_data_dir_media_store(
    make_app, no_http: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import auditor.images
    from auditor.models import ImageAnalysis

    monkeypatch.setattr(
        auditor.images,
        "media_analyser",
        lambda settings: (lambda media: ImageAnalysis(status="analysed"), "test-detector"),
    )
    app = make_app(x_account())
    media = [{"media_key": "3_1", "type": "photo", "url": "https://pbs.twimg.test/media/A1.jpg"}]
    post = x_post("1790", "foto", attachments={"media_keys": ["3_1"]})
    no_http.add("GET", TWEETS_URL, json=x_page([post], media=media))
    no_http.add(
        "GET", "https://pbs.twimg.test/media/A1.jpg", body=b"jpegdata", content_type="image/jpeg"
    )
    audit_or_raise(app)
    assert list((app.config.data_dir / "media").rglob("*.jpg"))

    no_http.add(
        "GET",
        TWEETS_URL,
        json=x_page([x_post("1795", "weer", attachments={"media_keys": ["3_1"]})], media=media),
    )
    summary, _ = audit_or_raise(app)

    media_calls = [c for c in no_http.calls if "pbs.twimg.test" in c.request.url]
    assert len(media_calls) == 1  # the second post's photo came from the store
    assert summary.images_cached == 1


# -- tokens never leak; the CLI ---------------------------------------------------------------


def test_cli_audit_account_with_a_config_file(
    make_app, no_http: responses.RequestsMock, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(fb_account(), x_account())
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1790", "Welkom terug!")]))

    code = cli.main(["audit", "--config", app.args.config, "--account", "twitter", "--no-images"])

    out = capsys.readouterr()
    assert code == 0, out.err
    assert "live: twitter (1 new posts)" in out.out
    assert X_TOKEN not in out.out + out.err
    assert stored(app, "twitter") == ["1790"]


def test_cli_exits_2_with_one_line_when_a_token_is_rejected(
    make_app, no_http: responses.RequestsMock, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(fb_account())
    serve_rejected_page_token(no_http)

    code = cli.main(["audit", "--config", app.args.config, "--no-images"])

    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "FB_PAGE_TOKEN" in err
    assert FB_TOKEN not in err
    assert FB_TOKEN not in dump_database(app) and X_TOKEN not in dump_database(app)
