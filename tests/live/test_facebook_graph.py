"""The Facebook Graph source: feed shape, paging, attachments, the Page's own replies, faults."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
import responses
from live_helpers import (
    FB_BASE,
    FB_TOKEN,
    PAGE_ID,
    fb_account,
    graph_feed,
    graph_post,
    source_kwargs,
)

from auditor.errors import SourceError, TokenError
from auditor.media_store import MediaStore
from auditor.models import MediaKind, PostKind
from auditor.sources.facebook_graph import FacebookGraphSource, usage_throttle

POSTS_URL = f"{FB_BASE}/{PAGE_ID}/posts"
FIXTURE_PAGE = "19292868552"
FIXTURE_POSTS_URL = f"{FB_BASE}/{FIXTURE_PAGE}/posts"
NO_COMMENTS = re.compile(r"https://graph\.(test|facebook\.com)/v\d+\.0/[\d_]+/comments")


def source(slept: list[float] | None = None, **changes) -> FacebookGraphSource:  # type: ignore[no-untyped-def]
    return FacebookGraphSource(fb_account(**changes), FB_TOKEN, **source_kwargs(slept))


def graph_error(code: int, subcode: int | None = None, message: str = "error") -> dict:
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AbC"}
    if subcode:
        error["error_subcode"] = subcode
    return {"error": error}


# -- the recorded feed ------------------------------------------------------------------------


def test_recorded_feed_yields_every_post_and_follows_paging_next_verbatim(
    no_http: responses.RequestsMock, shared: Path
) -> None:
    feed = graph_feed(shared)
    next_url = feed["paging"]["next"]
    no_http.add("GET", FIXTURE_POSTS_URL, json=feed)
    no_http.add("GET", next_url, json={"data": []})
    no_http.add("GET", NO_COMMENTS, json={"data": []})
    src = source(page_id=FIXTURE_PAGE)

    posts = list(src.collect())

    assert [p.external_id for p in posts] == [item["id"] for item in feed["data"]]
    assert src.complete
    page_calls = [c for c in no_http.calls if "/comments" not in c.request.url]
    assert page_calls[1].request.url == next_url
    first = posts[0]
    assert first.created_at == datetime(2021, 7, 9, 19, 9, 52, tzinfo=UTC)
    assert first.url == "https://www.facebook.com/19292868552/posts/10158349356748553/"
    assert first.text.startswith("Singaporean logistics company")
    assert first.mentions == ("Ninja Van Singapore", "Messenger")


def test_recorded_feed_media_are_photos_and_video_thumbnails_not_link_previews(
    no_http: responses.RequestsMock, shared: Path
) -> None:
    feed = graph_feed(shared)
    no_http.add("GET", FIXTURE_POSTS_URL, json={"data": feed["data"]})
    no_http.add("GET", NO_COMMENTS, json={"data": []})

    posts = list(source(page_id=FIXTURE_PAGE).collect())

    kinds = [[m.kind for m in p.media] for p in posts]
    assert kinds == [[MediaKind.PHOTO], [], [MediaKind.PHOTO], [MediaKind.PHOTO], [MediaKind.VIDEO]]
    photo = posts[0].media[0]
    assert photo.url and photo.url.startswith("https://scontent-ssn1-1.xx.fbcdn.net/")
    assert photo.name == "211801276_10158349355018553_2104693261473191589_n.jpg"
    assert photo.path is None and photo.sha256 is None  # images off: URL only


def test_empty_page_with_next_is_not_the_end(no_http: responses.RequestsMock) -> None:
    next_url = f"{FB_BASE}/{PAGE_ID}/posts?limit=100&until=1700000000&__paging_token=enc"
    no_http.add("GET", POSTS_URL, json={"data": [], "paging": {"next": next_url}})
    page = [graph_post("2", "2026-03-01T09:00:00+0000", "Hoi")]
    no_http.add("GET", next_url, json={"data": page})

    posts = list(source().collect())

    assert [p.text for p in posts] == ["Hoi"]


def test_first_request_asks_fields_limit_and_since(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", POSTS_URL, json={"data": []})
    since = datetime(2026, 3, 1, tzinfo=UTC)
    src = FacebookGraphSource(fb_account(page_size=25), FB_TOKEN, since=since, **source_kwargs())

    list(src.collect())

    params = no_http.calls[0].request.params
    assert params["since"] == str(int(since.timestamp()))
    assert params["limit"] == "25"
    assert "attachments{" in params["fields"] and "subattachments" in params["fields"]
    assert no_http.calls[0].request.headers["Authorization"] == f"Bearer {FB_TOKEN}"


def test_album_photos_come_from_subattachments(no_http: responses.RequestsMock) -> None:
    photos = [
        {"type": "photo", "media": {"image": {"src": f"https://cdn.test/album/{n}.jpg"}}}
        for n in range(3)
    ]
    album = {
        "type": "album",
        "title": "Photos from De Linde's post",
        "media": {"image": {"src": "https://cdn.test/album/cover.jpg"}},
        "subattachments": {"data": photos},
    }
    item = graph_post("5", "2026-03-01T09:00:00+0000", "Sportdag!", attachments={"data": [album]})
    no_http.add("GET", POSTS_URL, json={"data": [item]})

    (post,) = list(source().collect())

    assert [m.url for m in post.media] == [f"https://cdn.test/album/{n}.jpg" for n in range(3)]
    assert {m.kind for m in post.media} == {MediaKind.PHOTO}


# -- the Page's own comments ------------------------------------------------------------------


def test_pages_own_comments_become_replies_to_the_person_answered(
    no_http: responses.RequestsMock,
) -> None:
    item = graph_post(
        "7",
        "2026-03-02T10:00:00+0000",
        "Kijkochtend dinsdag",
        comments={"data": [], "summary": {"total_count": 4}},
    )
    no_http.add("GET", POSTS_URL, json={"data": [item]})
    comments = [
        {
            "id": "7_1",
            "from": {"id": "555", "name": "Sanne Vermeulen"},
            "message": "Hoe laat?",
            "created_time": "2026-03-02T11:00:00+0000",
        },
        {
            "id": "7_2",
            "from": {"id": PAGE_ID, "name": "OBS De Linde"},
            "message": "Om 19.00 uur",
            "created_time": "2026-03-02T11:05:00+0000",
            "parent": {"id": "7_1"},
            "permalink_url": "https://www.facebook.com/x/posts/7?comment_id=2",
        },
        {
            "id": "7_3",
            "from": {"id": "556", "name": "Pieter Bakker"},
            "message": "Leuk!",
            "created_time": "2026-03-02T12:00:00+0000",
        },
        {
            "id": "7_4",
            "from": {"id": PAGE_ID, "name": "OBS De Linde"},
            "message": "Dank je!",
            "created_time": "2026-03-02T12:10:00+0000",
        },
    ]
    no_http.add("GET", f"{FB_BASE}/{PAGE_ID}_7/comments", json={"data": comments})

    posts = list(source().collect())

    assert [p.external_id for p in posts] == [f"{PAGE_ID}_7", "7_2", "7_4"]
    reply, comment = posts[1], posts[2]
    assert (reply.kind, reply.reply_to, reply.reply_to_id) == (
        PostKind.REPLY,
        "Sanne Vermeulen",
        "7_1",
    )
    assert (comment.kind, comment.reply_to) == (PostKind.COMMENT, "Pieter Bakker")
    assert reply.author_is_account and comment.author_is_account
    assert reply.url == "https://www.facebook.com/x/posts/7?comment_id=2"
    params = no_http.calls[1].request.params
    assert params["filter"] == "stream"
    assert params["fields"] == "id,from,message,created_time,permalink_url,parent{id}"


def test_posts_without_comments_are_not_asked_for_comments(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", POSTS_URL, json={"data": [graph_post("8", "2026-03-02T10:00:00+0000")]})

    list(source().collect())

    assert len(no_http.calls) == 1


def test_missing_comment_permission_is_a_warning_not_a_failure(
    no_http: responses.RequestsMock,
) -> None:
    item = graph_post(
        "9", "2026-03-02T10:00:00+0000", "Hoi", comments={"data": [], "summary": {"total_count": 1}}
    )
    no_http.add("GET", POSTS_URL, json={"data": [item]})
    no_http.add("GET", f"{FB_BASE}/{PAGE_ID}_9/comments", status=403, json=graph_error(10))
    src = source()

    posts = list(src.collect())

    assert len(posts) == 1
    assert "pages_read_user_content" in src.warnings[0]


# -- media ------------------------------------------------------------------------------------


def photo_post(url: str) -> dict:
    attachment = {"type": "photo", "media_type": "photo", "media": {"image": {"src": url}}}
    return graph_post("10", "2026-03-02T10:00:00+0000", "Foto", attachments={"data": [attachment]})


def test_photos_are_downloaded_to_the_media_store_without_the_token(
    no_http: responses.RequestsMock, tmp_path: Path
) -> None:
    url = "https://cdn.test/v/p720/abc_n.jpg?oh=1&oe=2"
    no_http.add("GET", POSTS_URL, json={"data": [photo_post(url)]})
    no_http.add("GET", url, body=b"\xff\xd8jpegbytes", content_type="image/jpeg")
    src = FacebookGraphSource(
        fb_account(), FB_TOKEN, media_store=MediaStore(tmp_path / "media"), **source_kwargs()
    )

    (post,) = list(src.collect())

    media = post.media[0]
    assert media.path is not None and media.path.read_bytes() == b"\xff\xd8jpegbytes"
    assert media.path.suffix == ".jpg" and media.sha256 and media.name == "abc_n.jpg"
    assert "Authorization" not in no_http.calls[1].request.headers


@pytest.mark.parametrize(
    ("headers", "body", "reason"),
    [
        ({"Content-Type": "text/html"}, b"<html>login</html>", "content type text/html"),
        ({"Content-Type": "image/jpeg"}, b"x" * 2048, "larger than"),
    ],
    ids=["not-an-image", "over-size-cap"],
)
def test_refused_downloads_keep_the_url_and_warn(
    no_http: responses.RequestsMock, tmp_path: Path, headers: dict, body: bytes, reason: str
) -> None:
    url = "https://cdn.test/v/p720/refused.jpg"
    no_http.add("GET", POSTS_URL, json={"data": [photo_post(url)]})
    no_http.add("GET", url, body=body, headers=headers)
    src = FacebookGraphSource(
        fb_account(media_max_bytes=1024),
        FB_TOKEN,
        media_store=MediaStore(tmp_path / "media"),
        **source_kwargs(),
    )

    (post,) = list(src.collect())

    assert post.media[0].url == url and post.media[0].path is None
    assert reason in src.media.warnings[0]
    assert not list((tmp_path / "media").rglob("*.jpg"))


def test_known_media_is_not_downloaded_again(
    no_http: responses.RequestsMock, tmp_path: Path
) -> None:
    url = "https://cdn.test/v/p720/seen_n.jpg?oe=3"
    stored = tmp_path / "seen.jpg"
    stored.write_bytes(b"jpeg")
    no_http.add("GET", POSTS_URL, json={"data": [photo_post(url)]})
    src = FacebookGraphSource(
        fb_account(),
        FB_TOKEN,
        media_store=MediaStore(tmp_path / "media"),
        known_media=lambda u, name: ("a" * 64, str(stored)) if name == "seen_n.jpg" else None,
        **source_kwargs(),
    )

    (post,) = list(src.collect())

    assert post.media[0].sha256 == "a" * 64
    assert len(no_http.calls) == 1


# -- faults -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "subcode"), [(190, 463), (190, 460), (102, None)])
def test_expired_token_fails_with_how_to_renew_it(
    no_http: responses.RequestsMock, code: int, subcode: int | None
) -> None:
    no_http.add("GET", POSTS_URL, status=400, json=graph_error(code, subcode, "Session expired"))

    with pytest.raises(TokenError) as raised:
        list(source().collect())

    message = str(raised.value)
    assert "$FB_PAGE_TOKEN" in message and PAGE_ID in message and "Renewing tokens" in message
    assert "\n" not in message and FB_TOKEN not in message


@pytest.mark.parametrize("code", [4, 17, 32, 613, 80001])
def test_graph_rate_limit_codes_are_waited_out(no_http: responses.RequestsMock, code: int) -> None:
    usage = {
        PAGE_ID: [
            {
                "type": "pages",
                "call_count": 100,
                "total_cputime": 20,
                "total_time": 20,
                "estimated_time_to_regain_access": 3,
            }
        ]
    }
    no_http.add(
        "GET",
        POSTS_URL,
        status=400,
        json=graph_error(code),
        headers={"X-Business-Use-Case-Usage": json.dumps(usage)},
    )
    no_http.add("GET", POSTS_URL, json={"data": [graph_post("1", "2026-03-02T10:00:00+0000")]})
    slept: list[float] = []

    posts = list(source(slept).collect())

    assert len(posts) == 1
    assert slept == [180.0]  # estimated_time_to_regain_access is in minutes


def test_rate_limit_without_usage_header_waits_a_minute(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", POSTS_URL, status=400, json=graph_error(4))
    no_http.add("GET", POSTS_URL, json={"data": []})
    slept: list[float] = []

    list(source(slept).collect())

    assert slept == [60.0]


def test_rate_limit_beyond_the_budget_fails_the_account(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", POSTS_URL, status=400, json=graph_error(32))
    slept: list[float] = []

    with pytest.raises(SourceError) as raised:
        list(source(slept, rate_limit_budget_seconds=150).collect())

    assert sum(slept) <= 150
    assert "rate_limit_budget_seconds=150" in str(raised.value)
    assert "nothing of this account was stored" in str(raised.value)


def test_usage_header_at_100_percent_waits_before_the_next_call(
    no_http: responses.RequestsMock,
) -> None:
    next_url = f"{FB_BASE}/{PAGE_ID}/posts?after=abc"
    no_http.add(
        "GET",
        POSTS_URL,
        json={"data": [], "paging": {"next": next_url}},
        headers={"X-App-Usage": '{"call_count":100,"total_time":5,"total_cputime":5}'},
    )
    no_http.add("GET", next_url, json={"data": []})
    slept: list[float] = []

    list(source(slept).collect())

    assert slept == [60.0]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        ({"X-App-Usage": '{"call_count":28,"total_time":25,"total_cputime":25}'}, None),
        ({"X-App-Usage": '{"call_count":85,"total_time":5,"total_cputime":5}'}, (2.0, False)),
        ({"X-Page-Usage": '{"call_count":100}'}, (60.0, True)),
        (
            {
                "X-Business-Use-Case-Usage": '{"1":[{"type":"pages","call_count":10,'
                '"estimated_time_to_regain_access":5}]}'
            },
            (300.0, True),
        ),
        ({"X-App-Usage": "not json"}, None),
    ],
    ids=["none", "low", "slow-down", "page-full", "buc-blocked", "garbage"],
)
def test_usage_headers_throttle(headers: dict, expected: tuple | None) -> None:
    throttle = usage_throttle(headers)
    assert (throttle and (throttle.seconds, throttle.budgeted)) == expected


@pytest.mark.parametrize(
    "failure",
    [
        {"status": 500, "json": {"error": {"message": "x", "code": 2}}},
        {"status": 503, "body": "Service Unavailable"},
        {"body": requests.Timeout("read timed out")},
        {"body": requests.ConnectionError("reset")},
        {"status": 200, "body": '{"data": [{"id": "1000000000001_1", "crea'},
    ],
    ids=["graph-code-2", "http-503", "timeout", "connection-reset", "truncated-json"],
)
def test_transient_failures_are_retried_with_backoff(
    no_http: responses.RequestsMock, failure: dict
) -> None:
    no_http.add("GET", POSTS_URL, **failure)
    no_http.add("GET", POSTS_URL, **failure)
    no_http.add("GET", POSTS_URL, json={"data": [graph_post("1", "2026-03-02T10:00:00+0000")]})
    slept: list[float] = []

    posts = list(source(slept).collect())

    assert len(posts) == 1
    assert slept == [2.0, 4.0]


def test_retries_give_up_after_max_retries(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", POSTS_URL, status=502)
    slept: list[float] = []

    with pytest.raises(SourceError) as raised:
        list(source(slept, max_retries=2).collect())

    assert len(no_http.calls) == 3
    assert "gave up after 3 attempts" in str(raised.value)


def test_token_in_paging_next_is_redacted_from_errors_and_logs(
    no_http: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    next_url = f"{FB_BASE}/{PAGE_ID}/posts?access_token={FB_TOKEN}&limit=100&after=QVFI"
    no_http.add("GET", POSTS_URL, json={"data": [], "paging": {"next": next_url}})
    no_http.add("GET", next_url, status=500)
    caplog.set_level(logging.DEBUG)

    with pytest.raises(SourceError) as raised:
        list(source().collect())

    assert "access_token=***" in str(raised.value)
    assert FB_TOKEN not in str(raised.value)
    assert caplog.records and FB_TOKEN not in caplog.text


def test_paging_loop_is_stopped(no_http: responses.RequestsMock) -> None:
    next_url = f"{FB_BASE}/{PAGE_ID}/posts?after=same"
    no_http.add("GET", POSTS_URL, json={"data": [], "paging": {"next": next_url}})
    no_http.add("GET", next_url, json={"data": [], "paging": {"next": next_url}})

    with pytest.raises(SourceError, match="paging does not end"):
        list(source().collect())


def test_cap_stops_reading_before_the_next_page(no_http: responses.RequestsMock) -> None:
    next_url = f"{FB_BASE}/{PAGE_ID}/posts?after=p2"
    page = [graph_post(str(n), f"2026-03-0{n}T10:00:00+0000") for n in (3, 2)]
    no_http.add("GET", POSTS_URL, json={"data": page, "paging": {"next": next_url}})
    src = source(max_posts_per_run=2)

    posts = list(src.collect())

    assert len(posts) == 2 and not src.complete
    assert len(no_http.calls) == 1
    assert src.newest_id == f"{PAGE_ID}_3"


def test_unreadable_post_is_skipped_not_fatal(no_http: responses.RequestsMock) -> None:
    broken = {"id": f"{PAGE_ID}_4", "message": "no time"}
    readable = graph_post("5", "2026-03-02T10:00:00+0000")
    no_http.add("GET", POSTS_URL, json={"data": [broken, readable]})
    src = source()

    posts = list(src.collect())

    assert [p.external_id for p in posts] == [f"{PAGE_ID}_5"]
    assert "unreadable post" in src.skipped[0].reason


@pytest.mark.parametrize(
    "body",
    [{"error_msg": "no data"}, {"data": {"id": "1"}}, ["not", "an", "object"]],
    ids=["no-data", "data-not-a-list", "not-an-object"],
)
def test_malformed_page_fails_the_read(no_http: responses.RequestsMock, body: object) -> None:
    no_http.add("GET", POSTS_URL, json=body)

    with pytest.raises(SourceError, match="malformed page"):
        list(source().collect())
