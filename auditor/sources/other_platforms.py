"""Instagram, LinkedIn and TikTok exports: the school does not post there, so any own post is
reported (article 4).

**Instagram** (Meta Accounts Center, JSON): own posts in `posts_N.json` under
`your_instagram_activity/media/` (2025), `your_instagram_activity/content/` (2024) or `content/`
(older), plus `stories.json` and `reels.json` in the same folders. Each entry holds `media[]`
(`uri`, `creation_timestamp`, `title`); a single-photo post may carry its caption and time on
`media[0]` only. Strings carry the same latin-1/UTF-8 mojibake as Facebook and are repaired once.
Media files found in the export are copied into the `MediaStore`.

**LinkedIn** (member "Get a copy of your data"): own posts in `Shares.csv` (some exports:
`Shares_<id>.csv`) with the columns `Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility`.
`Date` is read as UTC. `MediaUrl` points at LinkedIn's servers and is not fetched.

**TikTok** ("Download your data", JSON): one `user_data.json` (newer exports:
`user_data_tiktok.json`), as a zip, a folder or the file itself. The account's own videos are
the `VideoList` under "Post" > "Posts" (2024 and later) or "Video" > "Videos" (older exports),
each `{"Date": "2024-03-12 08:15:02", "Link": "https://www.tiktokv.com/share/video/<id>/",
"Likes": "12", "Title": ...}`; `Date` is UTC. The videos themselves are links to TikTok's servers
and are not fetched. Only that list and the profile's user name are read: the rest of the file
(watch history, messages, likes) is private and is left alone.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import Media, Platform, Post, PostKind
from auditor.sources.archive import ArchiveReader, normalise_member_name, parse_json, store_member
from auditor.sources.base import AccountInfo, ArchiveSource, SkippedPost, UniqueIds
from auditor.sources.facebook_export import media_kind_for, repair_strings

IG_FOLDERS = r"media|content"
IG_POSTS = r"posts_\d+\.json"
IG_MORE = r"stories\.json|reels\.json"
IG_ACTIVITY = "your_instagram_activity"
IG_PROFILE = r"personal_information\.json"
LINKEDIN_SHARES = r"Shares(?:_[^/]*)?\.csv"
TIKTOK_FILE = r"user_data(?:_tiktok)?\.json"
TIKTOK_VIDEO_ID = re.compile(r"/(?:video|v)/(\d{6,})")
TIKTOK_CAPTION_KEYS = ("Title", "Description", "Desc", "Caption", "AlternativeText")
MAX_TIKTOK_BYTES = 1024**3
LINKEDIN_URN = re.compile(r"urn(?::|%3A)li(?::|%3A)(?:share|ugcPost|activity)(?::|%3A)(\d+)", re.I)

csv.field_size_limit(16 * 1024 * 1024)  # a long post is one field; the default 128 KiB is low


def _id(prefix: str, *parts: str) -> str:
    key = "\n".join(unicodedata.normalize("NFC", p) for p in parts)
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class _ExportSource(ArchiveSource):
    """Shared plumbing: the archive, media copying and stable unique ids."""

    def __init__(
        self, archive: ArchiveReader | Path, media_store: MediaStore | None = None
    ) -> None:
        super().__init__()
        self.reader = archive if isinstance(archive, ArchiveReader) else ArchiveReader(archive)
        self.media_store = media_store
        self._unique = UniqueIds()
        self._by_basename: dict[str, list[str]] | None = None

    def _close_own(self, archive: ArchiveReader | Path) -> None:
        """Close the reader when this source opened it (the caller closes one it passed in)."""
        if not isinstance(archive, ArchiveReader):
            self.reader.close()

    def _resolve(self, uri: str) -> str | None:
        """The member for a root-relative `uri`: as given, as a path suffix, else by base name."""
        try:
            rel = normalise_member_name(uri)
        except ValueError:
            self.warnings.append(f"{self.reader.where}: unsafe media uri ignored: {uri}")
            return None
        if rel in self.reader:
            return rel
        if self._by_basename is None:
            self._by_basename = {}
            for member in self.reader.iter_members():
                self._by_basename.setdefault(PurePosixPath(member).name, []).append(member)
        candidates = self._by_basename.get(PurePosixPath(rel).name, [])
        for member in candidates:
            if member.endswith("/" + rel):
                return member
        return candidates[0] if len(candidates) == 1 else None

    def _media(self, uri: str) -> Media:
        kind = media_kind_for(uri)
        name = PurePosixPath(uri.split("?", 1)[0]).name
        if re.match(r"^[a-z]+://", uri, re.I):
            return Media(kind=kind, name=name, url=uri)
        member = self._resolve(uri)
        if member is None:
            return Media(kind=kind, name=name, missing=True)
        media = Media(kind=kind, name=name)
        if self.media_store is None:
            return media
        return store_member(self.reader, self.media_store, member, media, self.warnings)

    def close(self) -> None:
        """Release the archive file."""
        self.reader.close()


# -- Instagram -------------------------------------------------------------------------------


def instagram_entries(data: Any) -> list[Any]:
    """The list of posts in an Instagram file: a bare array, or the one list under a key."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    raise ValueError("expected a JSON array of posts, or an object holding one")


def instagram_post_fields(entry: dict[str, Any]) -> tuple[int, str, list[str]]:
    """(creation timestamp, caption, media uris) of one entry; the caption may sit on media[0]."""
    media = entry.get("media")
    items = [m for m in media if isinstance(m, dict)] if isinstance(media, list) else []
    if not items and "uri" in entry:
        items = [entry]  # stories: each entry is itself a media item
    timestamp = entry.get("creation_timestamp") or next(
        (m["creation_timestamp"] for m in items if m.get("creation_timestamp")), None
    )
    if timestamp is None:
        raise ValueError("no creation_timestamp")
    caption = str(entry.get("title") or "")
    if not caption:
        caption = next((str(m["title"]) for m in items if m.get("title")), "")
    uris = [str(m["uri"]) for m in items if m.get("uri")]
    return int(timestamp), caption, uris


class InstagramExportSource(_ExportSource):
    """Own posts, stories and reels of an Instagram account from its JSON export."""

    kind: ClassVar[str] = "instagram-export"
    platform: ClassVar[Platform] = Platform.INSTAGRAM
    format_hint: ClassVar[str] = "an Instagram export"

    def __init__(
        self, archive: ArchiveReader | Path, media_store: MediaStore | None = None
    ) -> None:
        super().__init__(archive, media_store)
        posts = self.reader.find(IG_FOLDERS, IG_POSTS) + self.reader.find(IG_FOLDERS, IG_MORE)
        self.files = sorted(set(posts))
        if not self.files:
            where = self.reader.where
            html = bool(self.reader.find(r".+\.html?"))
            self._close_own(archive)
            if html:
                raise SourceError(where, "an HTML export; request the export in JSON format")
            raise SourceError(where, "no posts_1.json in the Instagram export")
        self._account = self._load_account()

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        """True for an Instagram export: `your_instagram_activity/` or `content/posts_N.json`."""
        return bool(reader.under(IG_ACTIVITY) or reader.find(IG_FOLDERS, IG_POSTS))

    def _load_json(self, name: str) -> Any:
        where = self.reader.member_where(name)
        return repair_strings(parse_json(self.reader.read_text(name), where))

    def _load_account(self) -> AccountInfo:
        for name in self.reader.find(IG_PROFILE):
            try:
                user = self._load_json(name)["profile_user"][0]["string_map_data"]
                handle = str(user.get("Username", user.get("Gebruikersnaam", {}))["value"])
                display = str((user.get("Name") or user.get("Naam") or {}).get("value") or "")
                return AccountInfo(Platform.INSTAGRAM, handle, display or handle)
            except (SourceError, LookupError, TypeError, AttributeError):
                self.warnings.append(f"{self.reader.member_where(name)}: no username found")
        name = self.reader.display_name
        return AccountInfo(Platform.INSTAGRAM, name, name)

    def account(self) -> AccountInfo:
        return self._account

    def collect(self) -> Iterator[Post]:
        """Yield every post, story and reel, file by file."""
        for name in self.files:
            try:
                entries = instagram_entries(self._load_json(name))
            except ValueError as exc:
                raise SourceError(self.reader.member_where(name), str(exc)) from None
            for n, entry in enumerate(entries, 1):
                ref = f"{name}#{n}"
                try:
                    timestamp, caption, uris = instagram_post_fields(entry)
                    created = datetime.fromtimestamp(timestamp, UTC)
                except (ValueError, TypeError, AttributeError, OverflowError, OSError) as exc:
                    self.skipped.append(SkippedPost(ref, f"unreadable post ({exc})"))
                    continue
                first_uri = uris[0] if uris else ""
                yield Post(
                    platform=Platform.INSTAGRAM,
                    external_id=self._unique(_id("ig-", str(timestamp), first_uri, caption)),
                    created_at=created,
                    text=caption,
                    kind=PostKind.POST,
                    account=self._account.handle,
                    media=tuple(self._media(uri) for uri in uris),
                    hashtags=tuple(re.findall(r"#(\w+)", caption)),
                    source_ref=ref,
                )


# -- LinkedIn --------------------------------------------------------------------------------


def parse_linkedin_date(value: str) -> datetime:
    """`2025-11-19 09:59:30` (optionally with ` UTC` or an ISO `T`/offset) as UTC."""
    text = value.strip().removesuffix("UTC").strip()
    parsed = datetime.fromisoformat(text)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def linkedin_share_id(share_link: str, date: str, text: str) -> str:
    """`li-<number>` from the share's URN in its link, else a hash of date and text."""
    m = LINKEDIN_URN.search(share_link)
    return f"li-{m.group(1)}" if m else _id("li-", date, text)


class LinkedInExportSource(_ExportSource):
    """Own posts (shares) of a LinkedIn member from the data export."""

    kind: ClassVar[str] = "linkedin-export"
    platform: ClassVar[Platform] = Platform.LINKEDIN
    format_hint: ClassVar[str] = "a LinkedIn export"

    def __init__(
        self, archive: ArchiveReader | Path, media_store: MediaStore | None = None
    ) -> None:
        super().__init__(archive, media_store)
        self.files = sorted(self.reader.find(LINKEDIN_SHARES))
        if not self.files:
            self._close_own(archive)
            raise SourceError(self.reader.where, "no Shares.csv in the LinkedIn export")
        name = self.reader.display_name
        self._account = AccountInfo(Platform.LINKEDIN, name, name)

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        """True when the export holds `Shares.csv` or `Shares_<id>.csv`."""
        return bool(reader.find(LINKEDIN_SHARES))

    def account(self) -> AccountInfo:
        return self._account

    def collect(self) -> Iterator[Post]:
        """Yield every share, file by file."""
        for name in self.files:
            yield from self._shares(name)

    def _shares(self, name: str) -> Iterator[Post]:
        where = self.reader.member_where(name)
        stream = io.TextIOWrapper(self.reader.open(name), encoding="utf-8-sig", newline="")
        with stream:
            rows = csv.DictReader(stream)
            try:
                columns = {c.strip().lower(): c for c in rows.fieldnames or []}
                if "date" not in columns or "sharecommentary" not in columns:
                    raise SourceError(where, "not a LinkedIn Shares file (no Date/ShareCommentary)")
                for row in rows:
                    ref = f"{name}#L{rows.line_num}"
                    yield from self._share(row, columns, ref)
            except csv.Error as exc:
                raise SourceError(f"{where}: line {rows.line_num}", f"bad CSV ({exc})") from None
            except UnicodeDecodeError:
                raise SourceError(where, "not UTF-8 text") from None

    def _share(self, row: dict[str, Any], columns: dict[str, str], ref: str) -> Iterator[Post]:
        def field(key: str) -> str:
            return str(row.get(columns.get(key, ""), "") or "")

        date, link = field("date"), field("sharelink")
        text = field("sharecommentary").replace("\r\n", "\n")
        try:
            created = parse_linkedin_date(date)
        except ValueError:
            self.skipped.append(SkippedPost(ref, f"unreadable date {date!r}"))
            return
        yield Post(
            platform=Platform.LINKEDIN,
            external_id=self._unique(linkedin_share_id(link, date, text)),
            created_at=created,
            text=text,
            kind=PostKind.POST,
            account=self._account.handle,
            url=link or None,
            hashtags=tuple(re.findall(r"#(\w+)", text)),
            source_ref=ref,
        )


# -- TikTok ----------------------------------------------------------------------------------


def tiktok_videos(data: Any) -> list[Any]:
    """The account's own videos: "Post" > "Posts" > "VideoList" (newer exports) or "Video" >
    "Videos" > "VideoList" (older), also when nested one level deeper (under "Activity")."""
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object (TikTok's user_data.json)")
    tables = [data] + [v for v in data.values() if isinstance(v, dict)]
    for table in tables:
        for outer, inner in (("Post", "Posts"), ("Video", "Videos")):
            section = table.get(outer)
            if isinstance(section, dict) and isinstance(section.get(inner), dict):
                videos = section[inner].get("VideoList")
                return videos if isinstance(videos, list) else []
    return []


def tiktok_username(data: Any) -> str | None:
    try:
        profile = data["Profile"]["Profile Information"]["ProfileMap"]
        return str(profile.get("userName") or profile.get("username") or "") or None
    except (KeyError, TypeError, AttributeError):
        return None


def parse_tiktok_date(value: str) -> datetime:
    """`2024-03-12 08:15:02` (TikTok writes UTC) as an aware UTC datetime."""
    parsed = datetime.fromisoformat(value.strip().removesuffix("UTC").strip())
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


class TikTokExportSource(ArchiveSource):
    """Own videos of a TikTok account from its JSON data export (`user_data.json`)."""

    kind: ClassVar[str] = "tiktok-export"
    platform: ClassVar[Platform] = Platform.TIKTOK
    format_hint: ClassVar[str] = "a TikTok export (user_data.json)"

    def __init__(
        self, archive: ArchiveReader | Path, media_store: MediaStore | None = None
    ) -> None:
        super().__init__()
        self.reader: ArchiveReader | None = None
        self._unique = UniqueIds()
        if isinstance(archive, Path) and archive.is_file() and not zipfile.is_zipfile(archive):
            self.where, self.ref_name = str(archive), archive.name
            text = self._read_file(archive)
        else:
            self.reader = archive if isinstance(archive, ArchiveReader) else ArchiveReader(archive)
            found = sorted(self.reader.find(TIKTOK_FILE))
            if not found:
                if not isinstance(archive, ArchiveReader):
                    self.reader.close()
                raise SourceError(self.reader.where, "no user_data.json in the TikTok export")
            member = found[0]
            self.where, self.ref_name = self.reader.member_where(member), member
            if self.reader.size(member) > MAX_TIKTOK_BYTES:
                raise SourceError(self.where, f"refused: more than {MAX_TIKTOK_BYTES} bytes")
            text = self.reader.read_text(member)
        data = parse_json(text, self.where)
        try:
            self.videos = tiktok_videos(data)
        except ValueError as exc:
            raise SourceError(self.where, str(exc)) from None
        # only the video list stays: the rest of the file (history, messages) is not kept
        name = tiktok_username(data) or (
            self.reader.display_name if self.reader is not None else Path(self.where).stem
        )
        self._account = AccountInfo(Platform.TIKTOK, name, name)

    def _read_file(self, path: Path) -> str:
        try:
            if path.stat().st_size > MAX_TIKTOK_BYTES:
                raise SourceError(str(path), f"refused: more than {MAX_TIKTOK_BYTES} bytes")
            return path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise SourceError(str(path), "not UTF-8 text") from None
        except OSError as exc:
            raise SourceError(str(path), f"cannot read ({exc.strerror or exc})") from None

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        """True when the export holds TikTok's `user_data.json` / `user_data_tiktok.json`."""
        return bool(reader.find(TIKTOK_FILE))

    @classmethod
    def detect_file(cls, path: Path) -> bool:
        """True for a plain `user_data.json` / `user_data_tiktok.json` file."""
        return re.fullmatch(TIKTOK_FILE, Path(path).name, re.IGNORECASE) is not None

    def account(self) -> AccountInfo:
        return self._account

    def estimated_total(self) -> int | None:
        return len(self.videos)

    def collect(self) -> Iterator[Post]:
        """Yield every own video of the export."""
        for n, entry in enumerate(self.videos, 1):
            ref = f"{self.ref_name}#{n}"
            if not isinstance(entry, dict):
                self.skipped.append(SkippedPost(ref, "not a video entry"))
                continue
            date, link = str(entry.get("Date") or ""), str(entry.get("Link") or "")
            caption = next((str(entry[k]) for k in TIKTOK_CAPTION_KEYS if entry.get(k)), "")
            try:
                created = parse_tiktok_date(date)
            except ValueError:
                self.skipped.append(SkippedPost(ref, f"unreadable date {date!r}"))
                continue
            m = TIKTOK_VIDEO_ID.search(link)
            external_id = f"tt-{m.group(1)}" if m else _id("tt-", date, link, caption)
            yield Post(
                platform=Platform.TIKTOK,
                external_id=self._unique(external_id),
                created_at=created,
                text=caption,
                kind=PostKind.POST,
                account=self._account.handle,
                url=link if link.startswith(("https://", "http://")) else None,
                hashtags=tuple(re.findall(r"#(\w+)", caption)),
                source_ref=ref,
            )

    def close(self) -> None:
        """Release the zip file, if any."""
        if self.reader is not None:
            self.reader.close()
