"""Helpers for the live-source tests: recorded fixtures, account configs, database dumps."""

from __future__ import annotations

import base64
import dataclasses
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditor.sources.facebook_graph import FacebookAccount
from auditor.sources.x_api import XAccount

FB_TOKEN = "EAAtestPageToken0123456789abcdef"
X_TOKEN = "AAAAtestBearerToken%2Fxyz0123456789"
FB_BASE = "https://graph.test/v25.0"
X_BASE = "https://api.x.test/2"
PAGE_ID = "1000000000001"
USER_ID = "2244994945"


def fb_account(**changes: Any) -> FacebookAccount:
    base = FacebookAccount(
        name="facebook",
        platform="facebook",
        page_id=PAGE_ID,
        token_env="FB_PAGE_TOKEN",
        api_base_url=FB_BASE,
    )
    return dataclasses.replace(base, **changes)


def x_account(**changes: Any) -> XAccount:
    base = XAccount(
        name="twitter",
        platform="twitter",
        user_id=USER_ID,
        token_env="X_BEARER_TOKEN",
        api_base_url=X_BASE,
    )
    return dataclasses.replace(base, **changes)


def source_kwargs(slept: list[float] | None = None, now: float = 1_700_000_000.0) -> dict[str, Any]:
    """Injected sleep/clock/rand: no real waits, no jitter."""
    return {
        "sleep": (slept.append if slept is not None else lambda s: None),
        "clock": lambda: now,
        "rand": lambda: 0.0,
    }


def graph_feed(shared: Path) -> dict[str, Any]:
    return json.loads(
        (shared / "fixtures/graph-api/feeds_default_fields_p1.json").read_text(encoding="utf-8")
    )


def x_cassette(shared: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The recorded tweepy response: (JSON body, headers). The body is base64 of gzip."""
    text = (shared / "fixtures/x-api-v2/test_client_get_users_tweets.yaml").read_text("utf-8")
    block = re.search(r"!!binary \|\n((?:\s{8}\S+\n)+)", text)
    assert block, "cassette layout changed"
    body = json.loads(gzip.decompress(base64.b64decode("".join(block.group(1).split()))))
    headers = dict(re.findall(r"\n\s{6}(x-rate-limit-\w+):\n\s{6}- '(\d+)'", text))
    return body, headers


def graph_post(post_id: str, created: str, message: str = "", **extra: Any) -> dict[str, Any]:
    return {
        "id": f"{PAGE_ID}_{post_id}",
        "created_time": created,
        "message": message,
        "permalink_url": f"https://www.facebook.com/{PAGE_ID}/posts/{post_id}/",
        "from": {"id": PAGE_ID, "name": "OBS De Linde"},
        "comments": {"data": [], "summary": {"total_count": 0}},
        **extra,
    }


def x_post(post_id: str, text: str, created: str = "2026-03-12T08:15:02.000Z", **extra: Any):
    return {
        "id": post_id,
        "text": text,
        "created_at": created,
        "edit_history_tweet_ids": [post_id],
        "author_id": USER_ID,
        **extra,
    }


def x_page(items: list[dict[str, Any]], next_token: str | None = None, **includes: Any):
    meta: dict[str, Any] = {"result_count": len(items)}
    if items:
        meta.update(newest_id=items[0]["id"], oldest_id=items[-1]["id"])
    if next_token:
        meta["next_token"] = next_token
    body: dict[str, Any] = {"meta": meta}
    if items:
        body["data"] = items
    body["includes"] = {"users": [{"id": USER_ID, "username": "obsdelinde", "name": "De Linde"}]}
    body["includes"].update(includes)
    return body


Dump = Callable[[Any], str]


def dump_database(app: Any) -> str:
    """Every value in every table, as text: to prove a token is nowhere in the database."""
    from sqlalchemy import MetaData, select

    meta = MetaData()
    meta.reflect(app.store.engine)
    out = []
    with app.store.engine.connect() as conn:
        for table in meta.sorted_tables:
            out.extend(repr(tuple(row)) for row in conn.execute(select(table)))
    return "\n".join(out)


def serve_rejected_page_token(mock: Any, first_page: list[dict[str, Any]] | None = None) -> None:
    """The Graph API accepts the first page, then rejects the token and quotes it back."""
    posts_url = f"{FB_BASE}/{PAGE_ID}/posts"
    next_url = f"{posts_url}?access_token={FB_TOKEN}&after=x"
    mock.add("GET", posts_url, json={"data": first_page or [], "paging": {"next": next_url}})
    mock.add(
        "GET",
        next_url,
        status=400,
        json={
            "error": {
                "message": f"Invalid OAuth access token - Cannot parse access token {FB_TOKEN}",
                "type": "OAuthException",
                "code": 190,
            }
        },
    )
