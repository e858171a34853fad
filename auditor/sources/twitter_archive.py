"""X/Twitter account archive (the zip from "Download an archive of your data", or its folder).

Reads `data/tweets.js` + `tweets-partN.js` (2022 and later) or `data/tweet.js` + `tweet-partN.js`
(2018-2022), entries wrapped as `{"tweet": {...}}` or bare tweet objects. The files are
JavaScript assignments (`window.YTD.tweets.part0 = [ ... ]`): the assignment is stripped and the
array is parsed one item at a time, never `eval`-ed and never loaded whole, so a 100,000-post
archive imports in bounded memory.

Choices, in plain words:

- **Deleted posts are ignored.** `deleted-tweets.js` holds posts the account removed in the
  last ~14 days. They are no longer published, a finding on them could not be fixed, and the file
  covers only a fortnight, so auditing it would make results depend on when the archive was made.
- **Edits: only the final version is audited.** Every version of an edited post is its own
  object; versions whose id is not the last of `edit_info.*.editTweetIds` are left out (counted
  in `warnings`). X shows edit history publicly, so a reviewer who fixes a post should check it.
  If the final version is absent from the archive the chain is not audited at all.
- **Long posts are audited in full**: `full_text` holds only the first ~280 characters of a
  long post; the whole text is in `note-tweet.js`. The archive does not say which note belongs
  to which post, so a note is linked to the post created within `NOTE_MATCH_SECONDS` of it
  whose visible text starts the note (formats.md 1.5); the note's text, links expanded, becomes
  the post's text. A post with no matching note keeps its `full_text` (a warning counts them).
- **Retweets** (`RT @…`) become kind SHARE; **replies** kind REPLY with `reply_to` the bare
  screen name (no `@`). A reply in the account's own thread gets `reply_to` = the account's own
  handle, which the reply rule ignores.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar, TextIO

from auditor import __version__
from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import Media, MediaKind, Platform, Post, PostKind
from auditor.sources.archive import JSON_TOO_DEEP, ArchiveReader, MiB, parse_json, store_member
from auditor.sources.base import AccountInfo, ArchiveSource, SkippedPost, UnbuiltPost

TWEETS_FILE = r"tweets?(?:-part(\d+))?\.js"
NOTES_FILE = r"note-tweet(?:-part\d+)?\.js"
NOTE_MATCH_SECONDS = 10
NOTE_PREFIX_CHARS = 60  # this much of the visible text must start the note's text
MEDIA_FOLDERS = ("tweets_media", "tweet_media")
CHUNK_CHARS = 1 << 16
MAX_ITEM_CHARS = 32 * 1024 * 1024  # one tweet object is a few KB; beyond this it is not JSON
MAX_PREAMBLE_CHARS = 4096

SOURCE_VERSION = 1  # raise when `_post` builds a Post differently from the same fields

MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
MEDIA_KINDS = {"photo": MediaKind.PHOTO, "video": MediaKind.VIDEO, "animated_gif": MediaKind.GIF}
LEADING_HANDLE = re.compile(r"^\s*@(\w{1,50})")


# -- pure helpers ---------------------------------------------------------------------------


def parse_twitter_time(value: str) -> datetime:
    """Parse `Tue Mar 19 08:15:02 +0000 2024` (English names, any locale) to aware UTC.

    Also accepts the ISO-like `2015-01-24 02:02:37 +0000`. Raises ValueError otherwise.
    """
    parts = value.split()
    if len(parts) == 6:
        _, mon, day, clock, offset, year = parts
        hh, mm, ss = clock.split(":")
        month = MONTHS.get(mon) or MONTHS[mon.title()]
        if offset == "+0000":  # what every archive writes: no offset arithmetic
            return datetime(int(year), month, int(day), int(hh), int(mm), int(ss), tzinfo=UTC)
        naive = datetime(int(year), month, int(day), int(hh), int(mm), int(ss))
    elif len(parts) == 3:
        date, clock, offset = parts
        naive = datetime.fromisoformat(f"{date}T{clock}")
    else:
        raise ValueError(f"unknown date format {value!r}")
    if not re.fullmatch(r"[+-]\d{4}", offset):
        raise ValueError(f"bad UTC offset in {value!r}")
    sign = -1 if offset[0] == "-" else 1
    delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])) * sign
    return naive.replace(tzinfo=timezone(delta)).astimezone(UTC)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def expand_text(raw: str, entities: dict[str, Any], extended: dict[str, Any] | None) -> str:
    """Expand t.co links, drop media links, then HTML-unescape the original text exactly once.

    Replacements are placed by their code-point `indices` into the escaped `raw` text; when an
    index does not point at the expected t.co URL the URL is found by string search instead.
    Only the tweet's own characters are unescaped: an expanded URL is inserted as is.
    """
    wanted: list[tuple[str, str]] = []  # (t.co url, replacement)
    spans: list[tuple[int, int, str]] = []
    for u in entities.get("urls") or []:
        if u.get("url"):
            wanted.append((u["url"], u.get("expanded_url") or u["url"]))
            _place(raw, u, wanted[-1], spans)
    media_items = list((extended or {}).get("media") or []) + list(entities.get("media") or [])
    seen_media: set[str] = set()
    for m in media_items:
        url = m.get("url")
        if url and url not in seen_media:
            seen_media.add(url)
            _place(raw, m, (url, ""), spans)
    spans.sort()
    out: list[str] = []
    cursor = 0
    for start, end, replacement in spans:
        if start < cursor:  # overlapping entities: keep the first
            continue
        out.append(html.unescape(raw[cursor:start]))
        out.append(replacement)
        cursor = end
    out.append(html.unescape(raw[cursor:]))
    text = "".join(out)
    return text.rstrip() if seen_media else text


def _place(
    raw: str, entity: dict[str, Any], pair: tuple[str, str], spans: list[tuple[int, int, str]]
) -> None:
    url, replacement = pair
    idx = entity.get("indices") or []
    start, end = (_int(idx[0]), _int(idx[1])) if len(idx) == 2 else (None, None)
    if start is not None and end is not None and raw[start:end] == url:
        spans.append((start, end, replacement))
        return
    at = raw.find(url)
    while at >= 0:  # fallback: plain string replacement of every occurrence
        spans.append((at, at + len(url), replacement))
        at = raw.find(url, at + len(url))


def media_kind(value: str | None) -> MediaKind:
    return MEDIA_KINDS.get(value or "", MediaKind.OTHER)


def url_basename(url: str) -> str:
    return PurePosixPath(url.split("?", 1)[0]).name


def expected_media_names(tweet_id: str, kind: MediaKind, item: dict[str, Any]) -> list[str]:
    """File names the archive uses for one media item, best first (`<tweet id>-<basename>`).

    Photos: the basename of `media_url`. Videos and GIFs: the basename of each mp4 variant,
    highest bitrate first, then the thumbnail's basename.
    """
    remote = item.get("media_url_https") or item.get("media_url") or ""
    names = []
    if kind in (MediaKind.VIDEO, MediaKind.GIF):
        variants = (item.get("video_info") or {}).get("variants") or []
        mp4 = [v for v in variants if isinstance(v, dict) and v.get("url")]
        mp4.sort(key=lambda v: -(_int(v.get("bitrate")) or 0))
        names = [f"{tweet_id}-{url_basename(v['url'])}" for v in mp4]
    names.append(f"{tweet_id}-{url_basename(remote) or item.get('id_str') or 'media'}")
    return names


def match_media_file(
    kind: MediaKind, expected: list[str], files: list[str], used: set[str]
) -> str | None:
    """The archive member for one media item: exact name, or for video/GIF any unused .mp4."""
    by_name = {PurePosixPath(f).name: f for f in files if f not in used}
    choice = next((by_name[n] for n in expected if n in by_name), None)
    if choice is None and kind in (MediaKind.VIDEO, MediaKind.GIF):
        choice = next((f for n, f in by_name.items() if n.lower().endswith(".mp4")), None)
    if choice:
        used.add(choice)
    return choice


def _comparable(text: str) -> str:
    """Text reduced for linking a note to its post: links, ellipsis and spacing left out."""
    text = re.sub(r"https?://\S+", " ", unicodedata.normalize("NFC", text))
    return " ".join(text.replace("…", " ").split())


def note_entities(core: dict[str, Any]) -> dict[str, Any]:
    """A note's links in the shape `expand_text` takes (`shortUrl`/`fromIndex` or v1 names)."""
    urls = []
    for u in core.get("urls") or []:
        if not isinstance(u, dict):
            continue
        short = u.get("shortUrl") or u.get("url")
        if short:
            urls.append(
                {
                    "url": short,
                    "expanded_url": u.get("expandedUrl") or u.get("expanded_url") or short,
                    "indices": [u.get("fromIndex"), u.get("toIndex")],
                }
            )
    return {"urls": urls}


@dataclass(frozen=True)
class Note:
    """The full text of one long post, and what links it to its post."""

    created_at: datetime
    text: str
    key: str


def parse_note(item: Any) -> Note | None:
    """One entry of note-tweet.js, or None when it has no time or text."""
    note = item.get("noteTweet") if isinstance(item, dict) else None
    core = note.get("core") if isinstance(note, dict) else None
    if not isinstance(note, dict) or not isinstance(core, dict) or not core.get("text"):
        return None
    if not note.get("createdAt"):
        return None
    created = datetime.fromisoformat(str(note["createdAt"]).replace("Z", "+00:00")).astimezone(UTC)
    text = expand_text(str(core["text"]), note_entities(core), None)
    return Note(created, text, _comparable(text))


def find_note(notes: list[Note], created: datetime, visible_text: str) -> Note | None:
    """The note of a post: created within NOTE_MATCH_SECONDS, starting with its visible text."""
    prefix = _comparable(visible_text)[:NOTE_PREFIX_CHARS]
    if not prefix:
        return None
    for note in notes:
        close = abs((note.created_at - created).total_seconds()) <= NOTE_MATCH_SECONDS
        if close and note.key.startswith(prefix) and len(note.text) > len(visible_text) - 5:
            return note
    return None


# -- streaming the .js array ----------------------------------------------------------------


class JsArrayReader:
    """Yields the items of `window.YTD.x.partN = [ ... ]` one at a time from a text stream.

    Keeps at most one item (plus a 64K read-ahead) in memory, using `JSONDecoder.raw_decode` on a
    sliding buffer. Raises SourceError naming `where` for anything that is not that shape.
    With `keep_text`, `item_text` is the JSON text of the item last yielded.
    """

    def __init__(self, stream: TextIO, where: str, *, keep_text: bool = False) -> None:
        self._stream = stream
        self._where = where
        self._keep_text = keep_text
        self.item_text = ""
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._decoder = json.JSONDecoder()

    def _more(self) -> bool:
        if self._eof:
            return False
        try:
            chunk = self._stream.read(CHUNK_CHARS)
        except UnicodeDecodeError as exc:
            raise SourceError(self._where, f"not UTF-8 text ({exc.reason})") from None
        if not chunk:
            self._eof = True
            return False
        self._buf = self._buf[self._pos :] + chunk
        self._pos = 0
        return True

    def _peek(self) -> str | None:
        """Next non-whitespace character (not consumed), or None at end of file."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in " \t\r\n":
                self._pos += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._more():
                return None

    def _skip_assignment(self) -> None:
        while "=" not in self._buf:
            if len(self._buf) > MAX_PREAMBLE_CHARS or not self._more():
                raise SourceError(
                    self._where, "not an X archive data file (no 'window.YTD... =' assignment)"
                )
        self._pos = self._buf.index("=") + 1
        if self._peek() != "[":
            raise SourceError(self._where, "expected a JSON array after '='")
        self._pos += 1

    def __iter__(self) -> Iterator[Any]:
        self._skip_assignment()
        count = 0
        while True:
            ch = self._peek()
            if ch is None:
                raise SourceError(self._where, f"file ends inside the array after {count} items")
            if ch == "]":
                return
            if count:
                if ch != ",":
                    raise SourceError(self._where, f"invalid JSON after item {count}")
                self._pos += 1
                if self._peek() is None:
                    raise SourceError(self._where, f"file ends after item {count}")
            yield self._decode_one(count + 1)
            count += 1

    def _decode_one(self, number: int) -> Any:
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                if len(self._buf) - self._pos > MAX_ITEM_CHARS:
                    raise SourceError(
                        self._where,
                        f"item {number} is larger than the {MAX_ITEM_CHARS // MiB} MiB allowed "
                        "for one post: refused",
                    ) from None
                if not self._more():
                    raise SourceError(
                        self._where, f"invalid JSON in item {number}: {exc.msg}"
                    ) from None
                continue
            except RecursionError:
                raise SourceError(self._where, f"item {number}: {JSON_TOO_DEEP}") from None
            if self._keep_text:
                self.item_text = self._buf[self._pos : end]
            self._pos = end
            return value


def parse_js_assignment(text: str, where: str) -> Any:
    """Parse a small `window.X = <json>` file whole (manifest.js, account.js)."""
    if "=" not in text:
        raise SourceError(where, "not an X archive data file (no '=' assignment)")
    body = text.split("=", 1)[1].strip()
    body = body.removesuffix(";").strip()
    return parse_json(body, where)


# -- the source ------------------------------------------------------------------------------


class TwitterArchiveSource(ArchiveSource):
    """Posts, replies and retweets of the account, read from an X/Twitter archive."""

    kind: ClassVar[str] = "twitter-archive"
    platform: ClassVar[Platform] = Platform.TWITTER
    format_hint: ClassVar[str] = "a Twitter/X archive (data/tweets.js)"

    def __init__(
        self, archive: ArchiveReader | Path, media_store: MediaStore | None = None
    ) -> None:
        super().__init__()
        self.reader = archive if isinstance(archive, ArchiveReader) else ArchiveReader(archive)
        self.media_store = media_store
        self._manifest = self._load_manifest()
        self.tweet_files = self._tweet_files()
        self._account = self._load_account()
        self._media_index: dict[str, list[str]] | None = None
        self._notes: list[Note] | None = None
        self._seed: Any = None  # the hash of what every source digest of this archive holds

    # -- detection and setup --

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        """True when the archive looks like an X/Twitter archive (tweets file or manifest)."""
        return bool(
            reader.find(TWEETS_FILE)
            or reader.find("manifest\\.js")
            or reader.find("account\\.js")
            or reader.find("js", "tweets", r"\d{4}_\d{2}\.js")
        )

    def _load_manifest(self) -> dict[str, Any]:
        found = self._prefer_data(self.reader.find(r"manifest\.js"))
        if not found:
            return {}
        name = found[0]
        value = parse_js_assignment(self.reader.read_text(name), self.reader.member_where(name))
        return value if isinstance(value, dict) else {}

    def _prefer_data(self, names: list[str]) -> list[str]:
        in_data = [n for n in names if "data" in n.split("/")[:-1]]
        return in_data or [n for n in names if "assets" not in n.split("/")]

    def _tweet_files(self) -> list[str]:
        names = self._prefer_data(self.reader.find(TWEETS_FILE))
        if not names:
            if self.reader.find("js", "tweets", r"\d{4}_\d{2}\.js"):
                raise SourceError(
                    self.reader.where,
                    "this is a pre-2019 Twitter archive (data/js/tweets/*.js); request a new "
                    "archive from X",
                )
            raise SourceError(self.reader.where, "no data/tweets.js (or data/tweet.js) in archive")

        def order(name: str) -> tuple[str, int]:
            m = re.fullmatch(TWEETS_FILE, PurePosixPath(name).name, re.IGNORECASE)
            part = int(m.group(1)) if m and m.group(1) else 0
            return (str(PurePosixPath(name).parent), part)

        return sorted(names, key=order)

    def _load_account(self) -> AccountInfo:
        info = self._manifest.get("userInfo") or {}
        account_id = str(info.get("accountId") or "")
        handle = str(info.get("userName") or "")
        name = str(info.get("displayName") or "")
        found = self._prefer_data(self.reader.find(r"account\.js"))
        if found and not (account_id and handle):
            where = self.reader.member_where(found[0])
            value = parse_js_assignment(self.reader.read_text(found[0]), where)
            try:
                acc = value[0]["account"]
            except (LookupError, TypeError):
                acc = {}
                self.warnings.append(f"{where}: no account object; account name unknown")
            account_id = account_id or str(acc.get("accountId") or "")
            handle = handle or str(acc.get("username") or "")
            name = name or str(acc.get("accountDisplayName") or "")
        self.account_id = account_id
        return AccountInfo(platform=Platform.TWITTER, handle=handle, name=name)

    def account(self) -> AccountInfo:
        return self._account

    def estimated_total(self) -> int | None:
        """Sum of the manifest's `count` for the tweets files, when the manifest has them."""
        counts = self._manifest_counts()
        return sum(counts.values()) if counts else None

    def _manifest_counts(self) -> dict[str, int]:
        types = self._manifest.get("dataTypes") or {}
        entry = types.get("tweets") or types.get("tweet") or {}
        counts: dict[str, int] = {}
        for f in entry.get("files") or []:
            n = _int(f.get("count"))
            if f.get("fileName") and n is not None:
                counts[PurePosixPath(f["fileName"]).name] = n
        return counts

    # -- media --

    def _media_files(self) -> dict[str, list[str]]:
        """Files in tweets_media/ (or tweet_media/) indexed by the tweet id before the first '-'."""
        if self._media_index is None:
            index: dict[str, list[str]] = {}
            for folder in MEDIA_FOLDERS:
                for name in self.reader.find(folder, r"\d+-.+"):
                    tweet_id = PurePosixPath(name).name.split("-", 1)[0]
                    index.setdefault(tweet_id, []).append(name)
            self._media_index = index
        return self._media_index

    def _media(self, tweet_id: str, tweet: dict[str, Any]) -> tuple[Media, ...]:
        items = (tweet.get("extended_entities") or {}).get("media") or (
            (tweet.get("entities") or {}).get("media") or []
        )
        files = self._media_files().get(tweet_id, [])
        used: set[str] = set()
        result = []
        for item in items:
            kind = media_kind(item.get("type"))
            remote = item.get("media_url_https") or item.get("media_url") or ""
            expected = expected_media_names(tweet_id, kind, item)
            member = match_media_file(kind, expected, files, used)
            name = PurePosixPath(member).name if member else expected[0]
            result.append(self._media_record(kind, name, member, remote or None))
        return tuple(result)

    def _media_record(
        self, kind: MediaKind, name: str, member: str | None, url: str | None
    ) -> Media:
        if member is None:
            return Media(kind=kind, name=name, url=url, missing=True)
        media = Media(kind=kind, name=name, url=url)
        if self.media_store is None:
            return media
        return store_member(self.reader, self.media_store, member, media, self.warnings)

    # -- long posts --

    def notes(self) -> list[Note]:
        """The long posts' full texts from note-tweet.js (small: loaded once)."""
        if self._notes is None:
            self._notes = []
            for name in self._prefer_data(self.reader.find(NOTES_FILE)):
                where = self.reader.member_where(name)
                with self.reader.open_text(name) as stream:
                    for n, item in enumerate(JsArrayReader(stream, where), 1):
                        try:
                            note = parse_note(item)
                        except (ValueError, TypeError, AttributeError):
                            note = None
                        if note is None:
                            self.warnings.append(f"{where}#{n}: unreadable long-post note")
                        else:
                            self._notes.append(note)
        return self._notes

    # -- posts --

    def collect(self) -> Iterator[Post]:
        """Yield the account's live posts, one at a time, file by file."""
        for record in self.records():
            post = record.build() if isinstance(record, UnbuiltPost) else record
            if post is not None:
                yield post

    def records(self) -> Iterator[Post | UnbuiltPost]:
        """Yield the account's live posts unbuilt, one at a time, file by file: a re-audit
        builds only those whose `source_digest` it does not know (`UnbuiltPost`)."""
        counts = self._manifest_counts()
        superseded = 0
        for name in self.tweet_files:
            where = self.reader.member_where(name)
            n = 0
            with self.reader.open_text(name) as stream:
                items = JsArrayReader(stream, where, keep_text=True)
                for n, item in enumerate(items, 1):
                    ref = f"{name}#{n}"
                    tweet = item.get("tweet") if isinstance(item, dict) else None
                    if tweet is None and isinstance(item, dict) and "id_str" in item:
                        tweet = item  # 2018-2019 archives: bare tweet objects
                    if not isinstance(tweet, dict):
                        self.skipped.append(SkippedPost(ref, "not a tweet object"))
                        continue
                    if self._is_superseded_edit(tweet):
                        superseded += 1
                        continue
                    try:
                        tweet_id = str(tweet.get("id_str") or tweet["id"])
                    except KeyError as exc:
                        self.skipped.append(SkippedPost(ref, f"unreadable tweet ({exc!r})"))
                        continue
                    yield UnbuiltPost(
                        Platform.TWITTER,
                        tweet_id,
                        self._source_digest(tweet_id, items.item_text),
                        functools.partial(self._built, tweet, ref),
                    )
            expected = counts.get(PurePosixPath(name).name)
            if expected is not None and expected != n:
                self.warnings.append(f"{where}: manifest says {expected} posts, file has {n}")
        if superseded:
            self.warnings.append(
                f"{superseded} earlier version(s) of edited posts skipped; only the final "
                "version is audited (X shows edit history publicly)"
            )

    def _built(self, tweet: dict[str, Any], ref: str) -> Post | None:
        try:
            return self._post(tweet, ref)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            self.skipped.append(SkippedPost(ref, f"unreadable tweet ({exc!r})"))
            return None

    def _source_digest(self, tweet_id: str, item_text: str) -> str:
        """A digest of everything `_post` builds this tweet's Post from (`UnbuiltPost`): the
        item's JSON text, the archive's context and the tweet's media files by their stamps.
        (Hashing the text costs a fifth of reading the fields `_post` reads; a newer export
        whose like counts changed builds those posts again and finds them unchanged.)"""
        if self._seed is None:
            notes = self._prefer_data(self.reader.find(NOTES_FILE))
            context = (
                SOURCE_VERSION,
                __version__,
                self._account.handle,
                self.account_id,
                [(name, self.reader.stamp(name)) for name in notes],
                self.media_store is not None,
            )
            self._seed = hashlib.sha256(repr(context).encode("utf-8", "surrogatepass") + b"\0")
        digest = self._seed.copy()
        digest.update(item_text.encode("utf-8", "surrogatepass"))
        media = self._media_files().get(tweet_id)
        if media:
            stamps = [(name, self.reader.stamp(name)) for name in media]
            digest.update(b"\0" + repr(stamps).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    @staticmethod
    def _is_superseded_edit(tweet: dict[str, Any]) -> bool:
        info = tweet.get("edit_info") or {}
        chain = (info.get("initial") or {}).get("editTweetIds") or (
            ((info.get("edit") or {}).get("editControlInitial") or {}).get("editTweetIds")
        )
        if not chain:
            return False
        return len(chain) > 1 and str(chain[-1]) != str(tweet.get("id_str"))

    def _post(self, tweet: dict[str, Any], ref: str) -> Post:
        tweet_id = str(tweet.get("id_str") or tweet["id"])
        created = parse_twitter_time(tweet["created_at"])
        entities = tweet.get("entities") or {}
        raw = tweet.get("full_text")
        if raw is None:
            raw = tweet["text"]
        text = expand_text(raw, entities, tweet.get("extended_entities"))
        if len(text) >= 200 and self.notes():
            note = find_note(self.notes(), created, text)
            if note is not None:
                text = note.text
        mentions_list = entities.get("user_mentions") or []
        handle = self._account.handle
        kind = PostKind.POST
        reply_to = reply_to_id = reply_to_name = None
        if raw.startswith("RT @"):
            kind = PostKind.SHARE
        elif tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id"):
            kind = PostKind.REPLY
            reply_to_id = tweet.get("in_reply_to_user_id_str") or tweet.get("in_reply_to_user_id")
            if self.account_id and reply_to_id and str(reply_to_id) == self.account_id:
                reply_to = handle or tweet.get("in_reply_to_screen_name")
            else:
                lead = LEADING_HANDLE.match(raw)
                reply_to = tweet.get("in_reply_to_screen_name") or (lead and lead.group(1)) or None
            reply_to_name = next(
                (
                    m.get("name")
                    for m in mentions_list
                    if reply_to and str(m.get("screen_name", "")).lower() == reply_to.lower()
                ),
                None,
            )
        return Post(
            platform=Platform.TWITTER,
            external_id=tweet_id,
            created_at=created,
            text=text,
            kind=kind,
            account=handle,
            url=f"https://x.com/{handle or 'i'}/status/{tweet_id}",
            reply_to=reply_to,
            reply_to_id=str(reply_to_id) if reply_to_id else None,
            reply_to_name=reply_to_name,
            media=self._media(tweet_id, tweet),
            hashtags=tuple(h["text"] for h in entities.get("hashtags") or [] if h.get("text")),
            mentions=tuple(m["screen_name"] for m in mentions_list if m.get("screen_name")),
            source_ref=ref,
        )

    def close(self) -> None:
        """Release the archive file."""
        self.reader.close()
