"""One school's history twice: as exports (X archive, Facebook JSON export) and as the same
posts served live by the X API v2 and the Graph API (mocked with `responses`). Invented data."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import responses
from live_helpers import FB_BASE, PAGE_ID, USER_ID, X_BASE

TWEETS_URL = f"{X_BASE}/users/{USER_ID}/tweets"
POSTS_URL = f"{FB_BASE}/{PAGE_ID}/posts"
HANDLE = "obsdevlinder"
PAGE_NAME = "OBS De Vlinder"
PARENT_ID = "5550000001"
PARENT = "ouder_anja"
LONG_TEXT = (
    "Beste ouders, vandaag een lang bericht over de schoolreis van groep 5 en 6. We vertrekken "
    "om half negen bij het schoolplein en zijn rond vier uur terug. Neem een lunchpakket, een "
    "regenjas en goede schoenen mee. De juffen en meesters lopen mee met hun eigen groep. "
    "Wie vragen heeft kan bellen met onze conciërge op "
    "06-24681357, ook in de ochtend. Tot slot: vergeet de toestemmingsformulieren niet!"
)

# (tweet id, archive created_at, API created_at, text); the reply is built separately
TWEETS = [
    (
        "1767506000000000001",
        "Tue Mar 12 08:15:02 +0000 2024",
        "2024-03-12T08:15:02.000Z",
        "Vragen over de excursie? Bel juf Sanne op 06-12345678.",
    ),
    (
        "1767506000000000002",
        "Tue Mar 12 09:00:00 +0000 2024",
        "2024-03-12T09:00:00.000Z",
        "Groep 5 gaat morgen naar de kinderboerderij.",
    ),
]
REPLY = (
    "1767506000000000003",
    "Tue Mar 12 10:30:00 +0000 2024",
    "2024-03-12T10:30:00.000Z",
    f"@{PARENT} Dank voor je vraag, de gymles is morgen om 10 uur.",
)
LONG = ("1767506000000000004", "Tue Mar 12 11:00:00 +0000 2024", "2024-03-12T11:00:00.000Z")

# (timestamp, Graph created_time, text)
FB_POSTS = [
    (1710231302, "2024-03-12T08:15:02+0000", "Vragen? Bel meester Tom: 06-98765432. Groetjes!"),
    (1710317702, "2024-03-13T08:15:02+0000", "Morgen is de schoolreis naar het dierenpark."),
]
FB_COMMENT = (1710320000, "2024-03-13T08:53:20+0000", "Hoi Anja, de bus vertrekt om 8 uur.")
COMMENT_PARENT = "Anja Jansen"


def _js(name: str, value: Any) -> str:
    return f"window.YTD.{name}.part0 = " + json.dumps(value, indent=2)


def _tweet(tweet_id: str, created: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "tweet": {
            "id_str": tweet_id,
            "id": tweet_id,
            "created_at": created,
            "full_text": text,
            "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
            "favorite_count": "0",
            "retweet_count": "0",
            "lang": "nl",
            **extra,
        }
    }


def x_archive(path: Path) -> Path:
    """The X archive: two posts, a reply to a parent and a long post (note-tweet.js)."""
    items = [_tweet(i, c, t) for i, c, _, t in TWEETS]
    reply_id, created, _, text = REPLY
    items.append(
        _tweet(
            reply_id,
            created,
            text,
            in_reply_to_status_id_str="1767400000000000009",
            in_reply_to_user_id_str=PARENT_ID,
            in_reply_to_screen_name=PARENT,
            entities={
                "hashtags": [],
                "urls": [],
                "user_mentions": [
                    {
                        "screen_name": PARENT,
                        "name": "Anja",
                        "indices": ["0", "11"],
                        "id_str": PARENT_ID,
                    }
                ],
            },
        )
    )
    long_id, created, _ = LONG
    items.append(_tweet(long_id, created, LONG_TEXT[:270] + "…"))
    note = {
        "noteTweet": {
            "noteTweetId": "1767506000000000099",
            "createdAt": "2024-03-12T11:00:00.000Z",
            "updatedAt": "2024-03-12T11:00:00.000Z",
            "lifecycle": {"value": "Published", "name": "Published"},
            "core": {
                "styletags": [],
                "urls": [],
                "text": LONG_TEXT,
                "mentions": [],
                "hashtags": [],
            },
        }
    }
    manifest = {
        "userInfo": {"accountId": USER_ID, "userName": HANDLE, "displayName": PAGE_NAME},
        "dataTypes": {
            "tweets": {"files": [{"fileName": "data/tweets.js", "count": str(len(items))}]}
        },
    }
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(manifest))
        zf.writestr("data/tweets.js", _js("tweets", items))
        zf.writestr("data/note-tweet.js", _js("note_tweet", [note]))
    return path


def _mangle(value: Any) -> Any:
    """Facebook's mojibake: every UTF-8 byte as one \\u00XX character."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [_mangle(v) for v in value]
    if isinstance(value, dict):
        return {k: _mangle(v) for k, v in value.items()}
    return value


def fb_export_files() -> dict[str, str]:
    """The Facebook Page export's files: posts, the Page's own comment, the Page name."""
    posts = [
        {
            "timestamp": ts,
            "title": f"{PAGE_NAME} heeft een bericht geplaatst.",
            "data": [{"post": t}],
        }
        for ts, _, t in FB_POSTS
    ]
    ts, _, text = FB_COMMENT
    comments = {
        "comments_v2": [
            {
                "timestamp": ts,
                "title": f"{PAGE_NAME} replied to {COMMENT_PARENT}'s comment.",
                "data": [{"comment": {"timestamp": ts, "comment": text, "author": PAGE_NAME}}],
            }
        ]
    }
    dashboard = {"prodash_activity": [{"page_name": PAGE_NAME}]}
    root = "this_profile's_activity_across_facebook"
    return {
        f"{root}/posts/profile_posts_1.json": json.dumps(_mangle(posts)),
        f"{root}/comments_and_reactions/comments.json": json.dumps(_mangle(comments)),
        "logged_information/professional_dashboard/your_professional_dashboard_activity.json": (
            json.dumps(dashboard)
        ),
    }


def fb_export(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in fb_export_files().items():
            zf.writestr(name, data)
    return path


def serve_x(mock: responses.RequestsMock) -> None:
    """The X API v2 serving the same posts (newest first), with the long post's note_tweet."""
    items = []
    long_id, _, created = LONG
    items.append(
        {
            "id": long_id,
            "text": LONG_TEXT[:270] + "…",
            "created_at": created,
            "edit_history_tweet_ids": [long_id],
            "author_id": USER_ID,
            "note_tweet": {"text": LONG_TEXT},
        }
    )
    reply_id, _, created, text = REPLY
    items.append(
        {
            "id": reply_id,
            "text": text,
            "created_at": created,
            "edit_history_tweet_ids": [reply_id],
            "author_id": USER_ID,
            "in_reply_to_user_id": PARENT_ID,
            "referenced_tweets": [{"type": "replied_to", "id": "1767400000000000009"}],
            "entities": {
                "mentions": [{"start": 0, "end": 11, "username": PARENT, "id": PARENT_ID}]
            },
        }
    )
    for tweet_id, _, created, text in reversed(TWEETS):
        items.append(
            {
                "id": tweet_id,
                "text": text,
                "created_at": created,
                "edit_history_tweet_ids": [tweet_id],
                "author_id": USER_ID,
            }
        )
    users = [
        {"id": USER_ID, "username": HANDLE, "name": PAGE_NAME},
        {"id": PARENT_ID, "username": PARENT, "name": "Anja"},
    ]
    body = {
        "data": items,
        "includes": {"users": users},
        "meta": {"result_count": len(items), "newest_id": items[0]["id"]},
    }
    mock.add("GET", TWEETS_URL, json=body)


def serve_graph(mock: responses.RequestsMock) -> None:
    """The Graph API serving the same Page posts and the Page's reply to a parent."""
    data = []
    for n, (_, created, text) in reversed(list(enumerate(FB_POSTS, 1))):
        with_comments = n == 2
        data.append(
            {
                "id": f"{PAGE_ID}_{n}",
                "created_time": created,
                "message": text,
                "permalink_url": f"https://www.facebook.com/{PAGE_ID}/posts/{n}/",
                "from": {"id": PAGE_ID, "name": PAGE_NAME},
                "comments": {"data": [], "summary": {"total_count": 2 if with_comments else 0}},
            }
        )
    mock.add("GET", POSTS_URL, json={"data": data})
    _, created, text = FB_COMMENT
    comments = [
        {
            "id": f"{PAGE_ID}_2_c1",
            "from": {"id": "777", "name": COMMENT_PARENT},
            "message": "Hoe laat vertrekt de bus?",
            "created_time": "2024-03-13T08:40:00+0000",
        },
        {
            "id": f"{PAGE_ID}_2_c2",
            "from": {"id": PAGE_ID, "name": PAGE_NAME},
            "message": text,
            "created_time": created,
            "parent": {"id": f"{PAGE_ID}_2_c1"},
            "permalink_url": f"https://www.facebook.com/{PAGE_ID}/posts/2/?comment_id=c2",
        },
    ]
    mock.add("GET", f"{FB_BASE}/{PAGE_ID}_2/comments", json={"data": comments})
