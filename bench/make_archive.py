"""Build a Twitter/X archive zip or a Facebook JSON export zip from a JSONL corpus.

The corpus has one JSON object per line with `id, platform, created_at, kind, in_reply_to, text`
(as ../shared/corpus/posts.jsonl). Output is written in the real formats: the X archive with
`window.YTD.tweets.partN = [...]`, HTML-escaped `full_text`, string numbers, entities with
code-point indices, t.co links, split into `tweets.js` + `tweets-part1.js`... when large; the
Facebook export in the Page layout with every non-ASCII character written as Facebook does
(one `\\u00XX` escape per UTF-8 byte).

    python bench/make_archive.py ../shared/corpus/posts.jsonl out.zip --count 100000
    python bench/make_archive.py ../shared/corpus/posts.jsonl fb.zip --format facebook

Everything is streamed to the zip, so building a 100,000-post archive needs little memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BASE_ID = 1_800_000_000_000_000_000
ACCOUNT = {
    "accountId": "1400000000000000001",
    "userName": "obsdevlinder",
    "displayName": "OBS De Vlinder",
}
TOKEN = re.compile(r"(?P<url>https?://\S+)|(?P<tag>#\w+)|(?P<mention>@\w{1,15})")
FIXED_DATE = (2025, 3, 2, 8, 0, 0)  # zip entry times: deterministic output


def twitter_time(moment: datetime) -> str:
    """`Tue Mar 12 08:15:02 +0000 2024`, English names whatever the locale."""
    u = moment.astimezone(UTC)
    return (
        f"{DAYS[u.weekday()]} {MONTHS[u.month - 1]} {u.day:02d} "
        f"{u.hour:02d}:{u.minute:02d}:{u.second:02d} +0000 {u.year}"
    )


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def short_hash(*parts: object, n: int = 10) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:n]


def numeric_id(*parts: object) -> str:
    return str(int(short_hash(*parts, n=12), 16))


def tweet_object(
    tweet_id: str,
    created: datetime,
    text: str,
    *,
    reply_to: tuple[str, str] | None = None,
    media: list[dict[str, Any]] | None = None,
    account: dict[str, str] = ACCOUNT,
) -> dict[str, Any]:
    """A tweet as the archive writes it: escaped text, t.co links, entities with indices.

    `reply_to` is (screen_name, user_id). `media` items: {"key", "type", "ext"}; a media t.co link
    is appended to the text as X does.
    """
    out: list[str] = []
    length = 0
    hashtags, mentions, urls = [], [], []
    pos = 0
    for m in TOKEN.finditer(text):
        piece = escape(text[pos : m.start()])
        out.append(piece)
        length += len(piece)
        token = m.group(0)
        if m.group("url"):
            tco = f"https://t.co/{short_hash(token, tweet_id)}"
            urls.append(
                {
                    "url": tco,
                    "expanded_url": token,
                    "display_url": token.split("//", 1)[1],
                    "indices": [str(length), str(length + len(tco))],
                }
            )
            shown = tco
        else:
            shown = escape(token)
            indices = [str(length), str(length + len(shown))]
            if m.group("tag"):
                hashtags.append({"text": token[1:], "indices": indices})
            else:
                mentions.append(
                    {
                        "name": token[1:],
                        "screen_name": token[1:],
                        "indices": indices,
                        "id_str": numeric_id(token.lower()),
                        "id": numeric_id(token.lower()),
                    }
                )
        out.append(shown)
        length += len(shown)
        pos = m.end()
    out.append(escape(text[pos:]))
    full_text = "".join(out)
    entities: dict[str, Any] = {
        "hashtags": hashtags,
        "symbols": [],
        "user_mentions": mentions,
        "urls": urls,
    }
    tweet: dict[str, Any] = {
        "edit_info": {
            "initial": {"editTweetIds": [tweet_id], "editsRemaining": "5", "isEditEligible": True}
        },
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": entities,
        "display_text_range": ["0", str(len(full_text))],
        "favorite_count": "0",
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": "0",
        "id": tweet_id,
        "created_at": twitter_time(created),
        "favorited": False,
        "full_text": full_text,
        "lang": "nl",
    }
    if media:
        tco = f"https://t.co/{short_hash('media', tweet_id)}"
        start = len(full_text) + 1
        tweet["full_text"] = f"{full_text} {tco}"
        tweet["display_text_range"] = ["0", str(len(full_text))]
        items = []
        for i, item in enumerate(media, 1):
            kind = item.get("type", "photo")
            thumb = "media" if kind == "photo" else "ext_tw_video_thumb"
            entry = {
                "expanded_url": f"https://x.com/{account['userName']}/status/{tweet_id}/"
                f"{'photo' if kind == 'photo' else 'video'}/{i}",
                "indices": [str(start), str(start + len(tco))],
                "url": tco,
                "media_url": f"http://pbs.twimg.com/{thumb}/{item['key']}.jpg",
                "media_url_https": f"https://pbs.twimg.com/{thumb}/{item['key']}.jpg",
                "id_str": numeric_id("m", tweet_id, i),
                "id": numeric_id("m", tweet_id, i),
                "type": kind,
                "display_url": f"pic.x.com/{item['key'][:10]}",
            }
            if kind == "photo" and item.get("ext"):
                ext = item["ext"]
                entry["media_url"] = f"http://pbs.twimg.com/media/{item['key']}.{ext}"
                entry["media_url_https"] = f"https://pbs.twimg.com/media/{item['key']}.{ext}"
            if kind != "photo":
                entry["video_info"] = {
                    "aspect_ratio": ["16", "9"],
                    "variants": [
                        {
                            "bitrate": "832000",
                            "content_type": "video/mp4",
                            "url": f"https://video.twimg.com/ext_tw_video/1/pu/vid/640x360/{item['key']}.mp4?tag=12",
                        }
                    ],
                }
            items.append(entry)
        entities["media"] = [dict(items[0], type="photo")]
        tweet["extended_entities"] = {"media": items}
    if reply_to:
        screen_name, user_id = reply_to
        tweet.update(
            {
                "in_reply_to_status_id_str": numeric_id("status", tweet_id),
                "in_reply_to_status_id": numeric_id("status", tweet_id),
                "in_reply_to_user_id_str": user_id,
                "in_reply_to_user_id": user_id,
                "in_reply_to_screen_name": screen_name,
            }
        )
    return tweet


def js_assignment(global_name: str, value: Any) -> str:
    """`window.YTD.x.part0 = [ ... ]` pretty-printed like X (`" : "`, no trailing newline)."""
    body = json.dumps(value, indent=2, separators=(",", " : "), ensure_ascii=False)
    return f"window.{global_name} = {body}"


def write_member(zf: zipfile.ZipFile, name: str, data: str | bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def write_tweets_file(
    zf: zipfile.ZipFile, name: str, global_name: str, tweets: Iterator[dict[str, Any]]
) -> int:
    """Stream tweets into one archive member; return how many were written."""
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    count = 0
    with zf.open(info, "w", force_zip64=True) as out:
        out.write(f"window.{global_name} = [ ".encode())
        for tweet in tweets:
            item = json.dumps(
                {"tweet": tweet}, indent=2, separators=(",", " : "), ensure_ascii=False
            )
            out.write(((", " if count else "") + item).encode("utf-8"))
            count += 1
        out.write(b" ]")
    return count


def manifest(counts: list[tuple[str, int]], account: dict[str, str] = ACCOUNT) -> str:
    files = [
        {"fileName": f"data/{name}", "globalName": global_name(name), "count": str(n)}
        for name, n in counts
    ]
    value = {
        "userInfo": account,
        "archiveInfo": {
            "sizeBytes": "0",
            "generationDate": "2025-03-02T08:14:55.120Z",
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
        "dataTypes": {
            "account": {
                "files": [
                    {"fileName": "data/account.js", "globalName": "YTD.account.part0", "count": "1"}
                ]
            },
            "tweets": {"mediaDirectory": "data/tweets_media", "files": files},
            "deletedTweets": {"mediaDirectory": "data/deleted_tweets_media", "files": []},
        },
    }
    body = json.dumps(value, indent=2, separators=(",", " : "), ensure_ascii=False)
    return f"window.__THAR_CONFIG = {body}"


def account_js(account: dict[str, str] = ACCOUNT) -> str:
    return js_assignment(
        "YTD.account.part0",
        [
            {
                "account": {
                    "email": "info@school.example",
                    "createdVia": "web",
                    "username": account["userName"],
                    "accountId": account["accountId"],
                    "createdAt": "2011-04-24T19:18:20.000Z",
                    "accountDisplayName": account["displayName"],
                }
            }
        ],
    )


def global_name(file_name: str) -> str:
    m = re.fullmatch(r"tweets(?:-part(\d+))?\.js", file_name)
    return f"YTD.tweets.part{m.group(1) if m and m.group(1) else 0}"


def part_name(part: int) -> str:
    return "tweets.js" if part == 0 else f"tweets-part{part}.js"


# -- corpus ----------------------------------------------------------------------------------


def read_corpus(path: Path, platform: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if platform is None or r.get("platform") == platform]


def cycle_corpus(rows: list[dict[str, Any]], count: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """`count` rows, cycling; each round is shifted a year back so times stay plausible."""
    for i in range(count):
        row = dict(rows[i % len(rows)])
        rounds = i // len(rows)
        created = datetime.fromisoformat(row["created_at"]) - timedelta(days=364 * rounds)
        row["created"] = created
        yield i, row


def corpus_tweets(rows: list[dict[str, Any]], count: int) -> Iterator[dict[str, Any]]:
    for i, row in cycle_corpus(rows, count):
        tweet_id = str(BASE_ID + count - i)  # newest first, like X
        reply = None
        if row.get("kind") == "reply":
            lead = re.match(r"\s*@(\w{1,15})", row["text"])
            # the target's handle as X writes it at the reply's start; without one, a neutral
            # handle (never the corpus's gold role: the rule must read the text)
            name = lead.group(1) if lead else f"gebruiker_{row['id']}"[:15]
            reply = (name, numeric_id(name.lower()))
        yield tweet_object(tweet_id, row["created"], row["text"], reply_to=reply)


def build_twitter(rows: list[dict[str, Any]], out: Path, count: int, part_size: int) -> None:
    counts: list[tuple[str, int]] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        tweets = corpus_tweets(rows, count)
        written = part = 0
        while written < count or part == 0:
            size = min(part_size, count - written)
            batch = (next(tweets) for _ in range(size))
            name = part_name(part)
            n = write_tweets_file(zf, f"data/{name}", global_name(name), batch)
            counts.append((name, n))
            written += n
            part += 1
        write_member(zf, "data/manifest.js", manifest(counts))
        write_member(zf, "data/account.js", account_js())


# -- Facebook --------------------------------------------------------------------------------


def facebook_mojibake(value: Any) -> Any:
    """Turn each non-ASCII character into one U+00XX per UTF-8 byte, as Facebook writes them."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [facebook_mojibake(v) for v in value]
    if isinstance(value, dict):
        return {k: facebook_mojibake(v) for k, v in value.items()}
    return value


def facebook_json(value: Any) -> str:
    """JSON exactly as Facebook writes it: mojibake, `\\u00XX` escapes, 2-space indent."""
    return json.dumps(facebook_mojibake(value), indent=2, ensure_ascii=True)


PAGE = "OBS De Vlinder"
PAGE_ROOT = "this_profile's_activity_across_facebook"


def build_facebook(rows: list[dict[str, Any]], out: Path, count: int, part_size: int) -> None:
    posts: list[dict[str, Any]] = []
    comments: list[dict[str, Any]] = []
    for _, row in cycle_corpus(rows, count):
        ts = int(row["created"].timestamp())
        if row.get("kind") == "reply":
            comments.append(
                {
                    "timestamp": ts,
                    "data": [
                        {"comment": {"timestamp": ts, "comment": row["text"], "author": PAGE}}
                    ],
                    # a school answers under its own posts; the export names no other
                    # target then, so the rule reads the text (never the gold role)
                    "title": f"{PAGE} heeft gereageerd op zijn eigen bericht.",
                }
            )
        else:
            posts.append(
                {
                    "timestamp": ts,
                    "data": [{"post": row["text"]}, {"update_timestamp": ts}],
                    "title": f"{PAGE} heeft een bericht geplaatst.",
                }
            )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, start in enumerate(range(0, max(len(posts), 1), part_size), 1):
            name = f"{PAGE_ROOT}/posts/profile_posts_{n}.json"
            write_member(zf, name, facebook_json(posts[start : start + part_size]))
        write_member(
            zf,
            f"{PAGE_ROOT}/comments_and_reactions/comments.json",
            facebook_json({"comments_v2": comments}),
        )
        write_member(
            zf,
            "logged_information/professional_dashboard/your_professional_dashboard_activity.json",
            facebook_json({"prodash_activity": [{"page_name": PAGE, "timestamp": 1700000000}]}),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="JSONL corpus (posts.jsonl)")
    parser.add_argument("out", type=Path, help="zip to write")
    parser.add_argument("--format", choices=("twitter", "facebook"), default="twitter")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--count", type=int, help="number of posts (cycles the corpus)")
    size.add_argument("--repeat", type=int, default=1, help="use the corpus N times")
    parser.add_argument(
        "--part-size",
        type=int,
        default=None,
        help="posts per file (default: 60000 tweets, 2000 Facebook posts)",
    )
    parser.add_argument(
        "--all-platforms",
        action="store_true",
        help="use every corpus post, not only the chosen platform's",
    )
    args = parser.parse_args(argv)
    rows = read_corpus(args.corpus, None if args.all_platforms else args.format)
    if not rows:
        print(f"{args.corpus}: no {args.format} posts", file=sys.stderr)
        return 2
    count = args.count if args.count is not None else len(rows) * args.repeat
    if args.format == "twitter":
        build_twitter(rows, args.out, count, args.part_size or 60_000)
    else:
        build_facebook(rows, args.out, count, args.part_size or 2000)
    print(f"wrote {args.out} ({count} posts, {args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
