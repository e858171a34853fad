"""Exports first, then live, into one database: the trial of issue 12, as a user runs it.

Builds an X archive and a Facebook Page export from a labelled corpus (default: the shared
corpus, its X and Facebook posts and replies), audits them with `auditor audit --archive`,
dismisses one finding with `auditor review`, then runs `auditor audit` live against the X API
v2 and the Graph API serving the same posts (mocked with `responses`, no network), and prints
the counts. Before issue 12 the issue's trial went from 363 findings to 726.

    .venv/bin/python bench/cross_path_trial.py [--corpus ../shared/corpus/posts.jsonl]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sqlite3
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import responses

from auditor import cli

REPO = Path(__file__).resolve().parents[1]
USER_ID, PAGE_ID, HANDLE, PAGE = (
    "1400000000000000001",
    "100000000000001",
    "obsdevlinder",
    "OBS De Vlinder",
)
X_BASE, FB_BASE = "https://api.x.test/2", "https://graph.test/v25.0"
LEADING = re.compile(r"^@(\w+)")


def load(corpus: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    for n, row in enumerate(rows):
        row["n"] = n
        row["when"] = datetime.fromisoformat(row["created_at"]).astimezone(UTC)
    return rows


def _reply_handle(row: dict[str, Any]) -> str:
    found = LEADING.match(row["text"])
    return found.group(1) if found else f"ouder_{row['n']}"


def _display_name(handle: str) -> str:
    """The name X shows beside a handle (the archive's user_mentions, the API's users)."""
    return handle.replace("_", " ")


def x_archive(rows: list[dict[str, Any]], path: Path) -> None:
    items = []
    for row in rows:
        tweet: dict[str, Any] = {
            "id_str": str(1800000000000000000 + row["n"]),
            "created_at": row["when"].strftime("%a %b %d %H:%M:%S +0000 %Y"),
            "full_text": html.escape(row["text"], quote=False),
            "entities": {"hashtags": [], "user_mentions": [], "urls": []},
        }
        if row["kind"] == "reply":
            handle = _reply_handle(row)
            tweet["entities"]["user_mentions"] = [
                {
                    "screen_name": handle,
                    "name": _display_name(handle),
                    "id_str": str(900 + row["n"]),
                }
            ]
            tweet.update(
                in_reply_to_status_id_str="1700000000000000000",
                in_reply_to_user_id_str=str(900 + row["n"]),
                in_reply_to_screen_name=handle,
            )
        items.append({"tweet": tweet})
    manifest = {"userInfo": {"accountId": USER_ID, "userName": HANDLE, "displayName": PAGE}}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(manifest))
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(items))


def _mangle(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def fb_export(posts: list[dict[str, Any]], replies: list[dict[str, Any]], path: Path) -> None:
    entries = [
        {"timestamp": int(r["when"].timestamp()), "data": [{"post": _mangle(r["text"])}]}
        for r in posts
    ]
    comments = [
        {
            "timestamp": int(r["when"].timestamp()),
            "title": _mangle(f"{PAGE} replied to Ouder {r['n']}'s comment."),
            "data": [{"comment": {"timestamp": int(r["when"].timestamp()),
                                  "comment": _mangle(r["text"]), "author": PAGE}}],
        }
        for r in replies
    ]  # fmt: skip
    root = "this_profile's_activity_across_facebook"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{root}/posts/profile_posts_1.json", json.dumps(entries))
        zf.writestr(
            f"{root}/comments_and_reactions/comments.json", json.dumps({"comments_v2": comments})
        )
        zf.writestr(
            "logged_information/professional_dashboard/your_professional_dashboard_activity.json",
            json.dumps({"prodash_activity": [{"page_name": PAGE}]}),
        )


def serve(mock: responses.RequestsMock, tweets: list[dict[str, Any]], posts, replies) -> None:  # type: ignore[no-untyped-def]
    data, users = [], [{"id": USER_ID, "username": HANDLE, "name": PAGE}]
    for row in sorted(tweets, key=lambda r: -r["n"]):
        item: dict[str, Any] = {
            "id": str(1800000000000000000 + row["n"]),
            "text": html.escape(row["text"], quote=False),
            "created_at": row["when"].strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        }
        if row["kind"] == "reply":
            uid = str(900 + row["n"])
            item["in_reply_to_user_id"] = uid
            item["referenced_tweets"] = [{"type": "replied_to", "id": "1700000000000000000"}]
            handle = _reply_handle(row)
            users.append({"id": uid, "username": handle, "name": _display_name(handle)})
        data.append(item)
    mock.add(
        "GET",
        f"{X_BASE}/users/{USER_ID}/tweets",
        json={"data": data, "includes": {"users": users}, "meta": {"result_count": len(data)}},
    )
    # every Page reply is an answer to a comment on the Page's first post
    first = posts[0]
    graph = [
        {
            "id": f"{PAGE_ID}_{row['n']}",
            "created_time": row["when"].strftime("%Y-%m-%dT%H:%M:%S+0000"),
            "message": row["text"],
            "permalink_url": f"https://www.facebook.com/{PAGE_ID}/posts/{row['n']}/",
            "from": {"id": PAGE_ID, "name": PAGE},
            "comments": {"summary": {"total_count": 2 * len(replies) if row is first else 0}},
        }
        for row in posts
    ]
    mock.add("GET", f"{FB_BASE}/{PAGE_ID}/posts", json={"data": graph})
    comments = []
    for row in replies:
        when = row["when"].strftime("%Y-%m-%dT%H:%M:%S+0000")
        asked = {"id": f"c{row['n']}", "from": {"id": f"9{row['n']}", "name": f"Ouder {row['n']}"}}
        comments.append(
            {**asked, "message": "Een vraag", "created_time": "2024-01-01T00:00:00+0000"}
        )
        comments.append({
            "id": f"r{row['n']}", "from": {"id": PAGE_ID, "name": PAGE}, "message": row["text"],
            "parent": {"id": f"c{row['n']}"}, "created_time": when,
        })  # fmt: skip
    mock.add("GET", f"{FB_BASE}/{PAGE_ID}_{posts[0]['n']}/comments", json={"data": comments})


def counts(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        return {
            "posts": conn.execute("SELECT count(*) FROM posts").fetchone()[0],
            "findings": conn.execute("SELECT count(*) FROM findings").fetchone()[0],
            "per_platform": dict(
                conn.execute(
                    "SELECT p.platform, count(*) FROM findings f JOIN posts p ON p.id = f.post_id"
                    " GROUP BY p.platform"
                ).fetchall()
            ),
            "dismissed": conn.execute(
                "SELECT count(*) FROM findings WHERE status = 'dismissed'"
            ).fetchone()[0],
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared/corpus/posts.jsonl")
    args = parser.parse_args()
    rows = load(args.corpus)
    tweets = [r for r in rows if r["platform"] == "twitter"]
    fb_posts = [r for r in rows if r["platform"] == "facebook" and r["kind"] == "post"]
    fb_replies = [r for r in rows if r["platform"] == "facebook" and r["kind"] == "reply"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "auditor.db"
        config = work / "auditor.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{db}"\n[storage]\ndata_dir = "{work}/data"\n'
            '[school]\nname = "OBS De Vlinder"\n'
            f'[[accounts]]\nname = "school-x"\nplatform = "twitter"\nuser_id = "{USER_ID}"\n'
            f'token_env = "X_TOKEN"\napi_base_url = "{X_BASE}"\nhandle = "@OBSdeVlinder"\n'
            '[[accounts]]\nname = "school-facebook"\nplatform = "facebook"\n'
            f'page_id = "{PAGE_ID}"\n'
            f'token_env = "FB_TOKEN"\napi_base_url = "{FB_BASE}"\n',
            encoding="utf-8",
        )
        os.environ.update(X_TOKEN="x", FB_TOKEN="f")
        x_archive(tweets, work / "x.zip")
        fb_export(fb_posts, fb_replies, work / "fb.zip")
        base = ["--config", str(config)]
        out = sys.stdout
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the CLI's own summaries are not the point
        try:
            cli.main([*base, "audit", "--archive", str(work / "x.zip"), "--archive",
                      str(work / "fb.zip"), "--no-images"])  # fmt: skip
            after_exports = counts(db)
            with sqlite3.connect(db) as conn:
                first = conn.execute("SELECT min(id) FROM findings").fetchone()[0]
            cli.main([*base, "review", str(first), "--dismiss", "--note", "trial"])
            with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
                serve(mock, tweets, fb_posts, fb_replies)
                cli.main([*base, "audit", "--no-images"])
            after_live = counts(db)
            with sqlite3.connect(db) as conn:
                kept = conn.execute("SELECT status FROM findings WHERE id = ?", (first,)).fetchone()
                added = conn.execute(
                    "SELECT p.external_id, f.rule, f.span_start, f.span_end, f.excerpt"
                    " FROM findings f JOIN posts p ON p.id = f.post_id WHERE f.run_id > 2"
                ).fetchall()
        finally:
            sys.stdout.close()
            sys.stdout = out
    print(f"corpus: {args.corpus} ({len(tweets)} X, {len(fb_posts) + len(fb_replies)} Facebook)")
    print(f"after the exports:   {after_exports}")
    print(f"after the live read: {after_live}")
    print(f"dismissed finding #{first} after the live read: {kept[0] if kept else 'gone'}")
    for row in added:
        print("  added:", row)
    same = (
        after_exports["findings"] == after_live["findings"]
        and after_exports["posts"] == after_live["posts"]
    )
    print("result: nothing added, nothing doubled" if same else "result: DOUBLED")
    return 0 if same and kept and kept[0] == "dismissed" else 1


if __name__ == "__main__":
    raise SystemExit(main())
