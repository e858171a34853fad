"""The X API v2 source: recorded timeline, includes joins, text pipeline, paging, faults."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import responses
from live_helpers import (
    USER_ID,
    X_BASE,
    X_TOKEN,
    source_kwargs,
    x_account,
    x_cassette,
    x_page,
    x_post,
)

from auditor.errors import SourceError, TokenError
from auditor.models import MediaKind, PostKind
from auditor.sources.x_api import XApiSource, v2_text

TWEETS_URL = f"{X_BASE}/users/{USER_ID}/tweets"
NOW = 1_700_000_000.0


def source(slept: list[float] | None = None, **changes) -> XApiSource:  # type: ignore[no-untyped-def]
    return XApiSource(x_account(**changes), X_TOKEN, **source_kwargs(slept, NOW))


def test_recorded_timeline_pages_on_next_token(
    no_http: responses.RequestsMock, shared: Path
) -> None:
    body, headers = x_cassette(shared)
    recorded_url = f"{X_BASE}/users/783214/tweets"
    no_http.add("GET", recorded_url, json=body, headers=headers)
    no_http.add("GET", recorded_url, json={"meta": {"result_count": 0}})
    src = source(user_id="783214")

    posts = list(src.collect())

    assert [p.external_id for p in posts] == [item["id"] for item in body["data"]]
    assert src.complete
    second = no_http.calls[1].request.params
    assert second["pagination_token"] == body["meta"]["next_token"]
    assert posts[0].url == f"https://x.com/i/status/{posts[0].external_id}"  # no username known
    assert src.newest_id == body["meta"]["newest_id"]
    # default fields carry no created_at: the time comes from the snowflake id
    assert posts[0].created_at == datetime(2022, 10, 5, 18, 40, 30, 908000, tzinfo=UTC)


def test_request_asks_fields_expansions_and_bearer(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", TWEETS_URL, json=x_page([]))

    list(source().collect())

    request = no_http.calls[0].request
    assert request.headers["Authorization"] == f"Bearer {X_TOKEN}"
    assert "attachments.media_keys" in request.params["expansions"]
    assert "in_reply_to_user_id" in request.params["expansions"]
    assert "entities" in request.params["tweet.fields"]
    assert "since_id" not in request.params and "start_time" not in request.params


def test_fields_param_name_is_configurable(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", TWEETS_URL, json=x_page([]))

    list(source(fields_param="post.fields").collect())

    params = no_http.calls[0].request.params
    assert "post.fields" in params and "tweet.fields" not in params


def test_since_id_and_start_time(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", TWEETS_URL, json=x_page([]))
    no_http.add("GET", TWEETS_URL, json=x_page([]))

    list(XApiSource(x_account(), X_TOKEN, since_id="1790", **source_kwargs()).collect())
    start = datetime(2026, 1, 5, tzinfo=UTC)
    list(
        XApiSource(
            x_account(), X_TOKEN, since_id="1790", start_time=start, **source_kwargs()
        ).collect()
    )

    first, second = (c.request.params for c in no_http.calls)
    assert first["since_id"] == "1790"
    assert second["start_time"] == "2026-01-05T00:00:00Z" and "since_id" not in second


def test_media_joined_from_includes_and_text_expanded(no_http: responses.RequestsMock) -> None:
    text = (
        "Juf Anne &amp; groep 5 bij de kinderboerderij #buitenles https://t.co/Lnk12345 "
        "https://t.co/XyZ98765"
    )
    post = x_post(
        "1790000000000000001",
        text,
        attachments={"media_keys": ["3_1790000000000000002", "7_1790000000000000003"]},
        entities={
            "hashtags": [{"start": 46, "end": 56, "tag": "buitenles"}],
            "urls": [
                {
                    "start": 57,
                    "end": 80,
                    "url": "https://t.co/Lnk12345",
                    "expanded_url": "https://www.obsdelinde.nl/nieuws",
                    "display_url": "obsdelinde.nl",
                },
                {
                    "start": 81,
                    "end": 104,
                    "url": "https://t.co/XyZ98765",
                    "expanded_url": "https://x.com/obsdelinde/status/1790000000000000001/photo/1",
                    "display_url": "pic.x.com/XyZ98765",
                    "media_key": "3_1790000000000000002",
                },
            ],
        },
    )
    media = [
        {
            "media_key": "3_1790000000000000002",
            "type": "photo",
            "url": "https://pbs.twimg.test/media/GIaBcDeXYZ.jpg",
        },
        {
            "media_key": "7_1790000000000000003",
            "type": "video",
            "preview_image_url": "https://pbs.twimg.test/ext_tw_video_thumb/1/pu/img/thumb.jpg",
        },
    ]
    no_http.add("GET", TWEETS_URL, json=x_page([post], media=media))

    (result,) = list(source().collect())

    assert result.text == (
        "Juf Anne & groep 5 bij de kinderboerderij #buitenles https://www.obsdelinde.nl/nieuws"
    )
    assert [(m.kind, m.name) for m in result.media] == [
        (MediaKind.PHOTO, "1790000000000000001-GIaBcDeXYZ.jpg"),
        (MediaKind.VIDEO, "1790000000000000001-thumb.jpg"),
    ]
    assert result.hashtags == ("buitenles",)
    assert result.url == "https://x.com/obsdelinde/status/1790000000000000001"


@pytest.mark.parametrize("includes_key", ["tweets", "posts"])
def test_reply_to_is_the_username_of_the_post_answered(
    no_http: responses.RequestsMock, includes_key: str
) -> None:
    reply = x_post(
        "1800",
        "@jdevries Graag gedaan!",
        referenced_tweets=[{"type": "replied_to", "id": "1799"}],
        entities={"mentions": [{"start": 0, "end": 9, "username": "jdevries"}]},
    )
    includes = {
        "users": [
            {"id": USER_ID, "username": "obsdelinde", "name": "De Linde"},
            {"id": "42", "username": "jdevries", "name": "Jan de Vries"},
        ],
        includes_key: [{"id": "1799", "author_id": "42", "text": "Bedankt juf!"}],
    }
    no_http.add("GET", TWEETS_URL, json=x_page([reply], **includes))

    (post,) = list(source().collect())

    assert post.kind == PostKind.REPLY
    assert (post.reply_to, post.reply_to_id) == ("jdevries", "42")
    assert post.reply_to_name == "Jan de Vries"
    assert post.mentions == ("jdevries",)


def test_reply_to_falls_back_to_the_leading_handle(no_http: responses.RequestsMock) -> None:
    reply = x_post(
        "1801",
        "@ouder123 Dank!",
        in_reply_to_user_id="77",
        referenced_tweets=[{"type": "replied_to", "id": "1700"}],
    )
    no_http.add("GET", TWEETS_URL, json=x_page([reply]))

    (post,) = list(source().collect())

    assert (post.reply_to, post.reply_to_id) == ("ouder123", "77")


def test_retweets_are_shares_and_old_edit_versions_are_skipped(
    no_http: responses.RequestsMock,
) -> None:
    retweet = x_post(
        "1900",
        "RT @gemeente: Wegafsluiting",
        referenced_tweets=[{"type": "retweeted", "id": "1899"}],
    )
    old_version = x_post("1901", "Typfout", edit_history_tweet_ids=["1901", "1902"])
    no_http.add("GET", TWEETS_URL, json=x_page([retweet, old_version]))
    src = source()

    posts = list(src.collect())

    assert [(p.external_id, p.kind) for p in posts] == [("1900", PostKind.SHARE)]
    assert src.superseded == 1


def test_long_posts_use_note_tweet_text(no_http: responses.RequestsMock) -> None:
    note = {"text": "Begin van een lang bericht dat doorgaat &amp; eindigt."}
    long_post = x_post("1950", "Begin van een lang bericht… https://t.co/abc", note_tweet=note)
    no_http.add("GET", TWEETS_URL, json=x_page([long_post]))

    (post,) = list(source().collect())

    assert post.text == "Begin van een lang bericht dat doorgaat & eindigt."


@pytest.mark.parametrize(
    ("raw", "urls", "expected"),
    [
        ("a &lt; b &amp;amp; c", [], "a < b &amp; c"),
        (
            "zie https://t.co/a1",
            [
                {
                    "start": 4,
                    "end": 19,
                    "url": "https://t.co/a1",
                    "expanded_url": "https://school.test/x",
                }
            ],
            "zie https://school.test/x",
        ),
        (
            "&amp; https://t.co/a1",
            [
                {
                    "start": 99,
                    "end": 120,
                    "url": "https://t.co/a1",
                    "expanded_url": "https://school.test/y",
                }
            ],
            "& https://school.test/y",
        ),
    ],
    ids=["unescape-once", "expand", "bad-offset-falls-back"],
)
def test_v2_text_pipeline(raw: str, urls: list, expected: str) -> None:
    assert v2_text(raw, {"urls": urls}) == expected


def test_cap_shrinks_the_page_and_stops_paging(no_http: responses.RequestsMock) -> None:
    posts = [x_post(str(2000 - n), f"bericht {n}") for n in range(7)]
    no_http.add("GET", TWEETS_URL, json=x_page(posts, next_token="tok2"))
    src = source(max_posts_per_run=7)

    result = list(src.collect())

    assert len(result) == 7 and not src.complete
    assert no_http.calls[0].request.params["max_results"] == "7"
    assert len(no_http.calls) == 1


# -- faults -----------------------------------------------------------------------------------


def test_429_waits_until_x_rate_limit_reset(no_http: responses.RequestsMock) -> None:
    no_http.add(
        "GET",
        TWEETS_URL,
        status=429,
        json={
            "title": "Too Many Requests",
            "detail": "Too Many Requests",
            "type": "about:blank",
            "status": 429,
        },
        headers={"x-rate-limit-reset": str(int(NOW) + 120), "x-rate-limit-remaining": "0"},
    )
    no_http.add("GET", TWEETS_URL, json=x_page([x_post("1", "hoi")]))
    slept: list[float] = []

    posts = list(source(slept).collect())

    assert len(posts) == 1
    assert slept == [121.0]


def test_429_v11_shape_with_retry_after(no_http: responses.RequestsMock) -> None:
    no_http.add(
        "GET",
        TWEETS_URL,
        status=429,
        json={"errors": [{"code": 88, "message": "Rate limit exceeded"}]},
        headers={"Retry-After": "30"},
    )
    no_http.add("GET", TWEETS_URL, json=x_page([]))
    slept: list[float] = []

    list(source(slept).collect())

    assert slept == [30.0]


def test_remaining_zero_pauses_before_the_next_page(no_http: responses.RequestsMock) -> None:
    no_http.add(
        "GET",
        TWEETS_URL,
        json=x_page([x_post("5", "a")], next_token="t2"),
        headers={"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(NOW) + 9)},
    )
    no_http.add("GET", TWEETS_URL, json=x_page([]))
    slept: list[float] = []

    list(source(slept).collect())

    assert slept == [10.0]


def test_rate_limit_past_the_budget_fails_clearly(no_http: responses.RequestsMock) -> None:
    no_http.add(
        "GET",
        TWEETS_URL,
        status=429,
        json={"title": "Too Many Requests"},
        headers={"x-rate-limit-reset": str(int(NOW) + 900)},
    )
    slept: list[float] = []

    with pytest.raises(SourceError, match="rate_limit_budget_seconds=300"):
        list(source(slept, rate_limit_budget_seconds=300).collect())

    assert slept == []


def test_usage_capped_stops_at_once(no_http: responses.RequestsMock) -> None:
    no_http.add(
        "GET",
        TWEETS_URL,
        status=429,
        json={
            "title": "UsageCapExceeded",
            "detail": "Usage cap exceeded: Monthly product cap",
            "type": "https://api.x.com/2/problems/usage-capped",
            "period": "Monthly",
        },
    )
    slept: list[float] = []

    with pytest.raises(SourceError, match="usage cap reached"):
        list(source(slept).collect())

    assert slept == [] and len(no_http.calls) == 1


@pytest.mark.parametrize(
    ("status", "body", "words"),
    [
        (
            401,
            {
                "title": "Unauthorized",
                "type": "about:blank",
                "status": 401,
                "detail": "Unauthorized",
            },
            "regenerate it in the X developer console",
        ),
        (
            403,
            {
                "client_id": "123",
                "title": "Client Forbidden",
                "reason": "client-not-enrolled",
                "type": "https://api.twitter.com/2/problems/client-forbidden",
                "detail": "When authenticating requests ...",
            },
            "client-not-enrolled",
        ),
    ],
    ids=["401", "403"],
)
def test_rejected_token_fails_with_how_to_renew(
    no_http: responses.RequestsMock, status: int, body: dict, words: str
) -> None:
    no_http.add("GET", TWEETS_URL, status=status, json=body)

    with pytest.raises(TokenError) as raised:
        list(source().collect())

    message = str(raised.value)
    assert words in message and "$X_BEARER_TOKEN" in message
    assert X_TOKEN not in message and "\n" not in message
    assert len(no_http.calls) == 1


def test_malformed_page_fails_the_read(no_http: responses.RequestsMock) -> None:
    no_http.add("GET", TWEETS_URL, json={"data": "oops"})

    with pytest.raises(SourceError, match="malformed page"):
        list(source().collect())


def test_partial_errors_become_warnings(no_http: responses.RequestsMock) -> None:
    page = x_page([x_post("6", "a")])
    page["errors"] = [
        {"title": "Not Found Error", "detail": "Could not find tweet 5", "resource_id": "5"}
    ]
    no_http.add("GET", TWEETS_URL, json=page)
    src = source()

    list(src.collect())

    assert "Could not find tweet 5" in src.warnings[0]
