"""Facebook "Download your information" export in JSON (zip or unpacked folder).

Finds the posts files by name wherever the export generation put them (`your_posts_1.json`,
`your_posts__check_ins__photos_and_videos_N.json`, `profile_posts_N.json` of a Page,
`posts_on_other_pages_and_profiles_N.json`) and the account's own comments (`comments.json`,
key `comments_v2` or `comments`). Files are small and split by Facebook, so each is loaded whole,
one at a time. Every string is repaired once for Facebook's latin-1/UTF-8 mojibake.

Exports carry no post ids or URLs: `external_id` is derived from the timestamp and the text, so
the same post gets the same id in the next export. Comments by others on the Page's posts are
not in the export (use the Graph API source for those).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import Media, MediaKind, Platform, Post, PostKind
from auditor.sources.archive import ArchiveReader, normalise_member_name, parse_json, store_member
from auditor.sources.base import AccountInfo, ArchiveSource, SkippedPost, UniqueIds

POSTS_FILES = (
    r"your_posts(?:_\d+)?\.json",
    r"your_posts__check_ins__photos_and_videos(?:_\d+)?\.json",
    r"profile_posts(?:_\d+)?\.json",
    r"posts_on_other_pages_and_profiles(?:_\d+)?\.json",
)
COMMENTS_FILE = r"comments\.json"
COMMENTS_FOLDERS = r"comments|comments_and_reactions"
HTML_POSTS_FILES = r"(?:your_posts|profile_posts)\w*\.html?"
ACTIVITY_FOLDERS = (
    "your_facebook_activity",
    "your_activity_across_facebook",
    "this_profile's_activity_across_facebook",
)
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".avi", ".webm", ".3gp", ".mkv"}
GIF_SUFFIXES = {".gif"}

# Comment titles are generated and localised ("X commented on Y's post.", "X heeft gereageerd op
# het bericht van Y."). Parse their structure: "<Name>'s <thing>" or "<thing> <of> <Name>".
THINGS = (
    r"post|photo|video|link|status|comment|reply|album|event|note|story|reel|"
    r"bericht|foto|reactie|opmerking|evenement|gebeurtenis|"
    r"beitrag|kommentar|publication|commentaire|publicación|comentario|publicação|"
    r"commento"
)
COMMENT_THINGS = {
    "comment", "reply", "reactie", "opmerking", "kommentar", "commentaire", "comentario",
    "commento",
}  # fmt: skip
REPLY_VERBS = re.compile(r"\b(replied|antwoordde|beantwoord|geantwortet|répondu|respondió)\b", re.I)
OWN_WORDS = re.compile(r"\b(own|eigen|eigene[nmrs]?|propre|propio|propia|proprio)\b", re.I)
POSSESSIVE = re.compile(rf"(?P<name>[^.,;:]+?)'s?\s+(?P<thing>{THINGS})\b", re.I)
OF_FORM = re.compile(
    rf"\b(?P<thing>{THINGS})\s+(?:van|von|of|de|du|di|da|do|del)\s+(?P<name>[^.,;:]+?)"
    r"(?:\s+(?:kommentiert|beantwortet|geantwortet|gereageerd))?\s*[.!]?\s*$",
    re.I,
)


# -- pure helpers ---------------------------------------------------------------------------


def fix_meta_text(s: str) -> str:
    """Undo Facebook's mojibake: each UTF-8 byte was written as one U+00XX character.

    Returns `s` unchanged when it is ASCII, already holds real Unicode above U+00FF, or is not
    valid UTF-8 once turned back into bytes (real latin-1 text such as `café`).
    """
    if s.isascii() or any(ord(c) > 0xFF for c in s):
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return s


def repair_strings(value: Any) -> Any:
    """Apply `fix_meta_text` once to every string (keys too) in parsed JSON."""
    if isinstance(value, str):
        return fix_meta_text(value)
    if isinstance(value, list):
        return [repair_strings(v) for v in value]
    if isinstance(value, dict):
        return {fix_meta_text(k): repair_strings(v) for k, v in value.items()}
    return value


def stable_post_id(timestamp: int, text: str, prefix: str = "fb-") -> str:
    """`fb-` + 16 hex of sha1(timestamp + NFC text): the same post keeps its id across exports."""
    key = f"{timestamp}\n{unicodedata.normalize('NFC', text)}"
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def parse_comment_title(title: str, author: str = "") -> tuple[str | None, bool, bool]:
    """Read a generated comment title: (whose post/comment it was, is a reply, is on own content).

    Works on structure rather than one language: "<Name>'s <thing>" (English) or
    "<thing> van/von/de/of <Name>" (Dutch, German, French, ...). Unknown shapes give (None, ...).
    """
    text = title.replace("\u2019", "'").replace("\u2018", "'").strip()
    if author and text.lower().startswith(author.lower()):
        text = text[len(author) :]
    is_reply = bool(REPLY_VERBS.search(text))
    if OWN_WORDS.search(text):
        return None, is_reply, True
    name = thing = None
    if m := OF_FORM.search(text):
        name, thing = m.group("name"), m.group("thing")
    elif m := POSSESSIVE.search(text):
        name, thing = m.group("name"), m.group("thing")
        name = re.split(r"\s(?:on|to|op)\s", name)[-1]  # "commented on Y's" -> "Y"
    if thing and thing.lower() in COMMENT_THINGS:
        is_reply = True
    if name:
        name = name.strip().strip("'\"").strip()
    return (name or None), is_reply, False


def media_kind_for(uri: str) -> MediaKind:
    suffix = PurePosixPath(uri.split("?", 1)[0]).suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return MediaKind.VIDEO
    if suffix in GIF_SUFFIXES:
        return MediaKind.GIF
    return MediaKind.PHOTO


def _attachment_items(entry: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for attachment in entry.get("attachments") or []:
        if isinstance(attachment, dict):
            for item in attachment.get("data") or []:
                if isinstance(item, dict):
                    yield item


def post_text(entry: dict[str, Any]) -> str:
    """The words the account wrote: data[].post, else a media caption or a note's text."""
    texts = [d["post"] for d in entry.get("data") or [] if isinstance(d, dict) and d.get("post")]
    if texts:
        return "\n\n".join(texts)
    for item in _attachment_items(entry):
        media = item.get("media")
        if isinstance(media, dict) and media.get("description"):
            return str(media["description"])
        note = item.get("note")
        if isinstance(note, dict) and note.get("text"):
            return str(note["text"])
        if isinstance(item.get("text"), str) and item["text"]:
            return item["text"]
    return ""


# -- the source ------------------------------------------------------------------------------


class FacebookExportSource(ArchiveSource):
    """Posts and own comments of a Facebook profile or Page from a JSON export."""

    kind: ClassVar[str] = "facebook-export"
    platform: ClassVar[Platform] = Platform.FACEBOOK
    format_hint: ClassVar[str] = "a Facebook JSON export (your_posts*.json)"

    def __init__(
        self, archive: ArchiveReader | Path, media_store: MediaStore | None = None
    ) -> None:
        super().__init__()
        self.reader = archive if isinstance(archive, ArchiveReader) else ArchiveReader(archive)
        self.media_store = media_store
        self.posts_files = self._sorted([n for p in POSTS_FILES for n in self.reader.find(p)])
        self.comments_files = self.reader.find(COMMENTS_FOLDERS, COMMENTS_FILE)
        if not self.posts_files and not self.comments_files:
            if self.reader.find(HTML_POSTS_FILES) or self.reader.find(r".+\.html?"):
                raise SourceError(
                    self.reader.where, "this is an HTML export; request the export in JSON format"
                )
            raise SourceError(
                self.reader.where,
                "no posts file (your_posts*.json or profile_posts*.json) in the Facebook export",
            )
        if not self.posts_files:
            self.warnings.append(f"{self.reader.where}: no posts file, only comments")
        self._account = self._load_account()
        self._by_basename: dict[str, list[str]] | None = None
        self._unique = UniqueIds()

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        """True when the archive looks like a Facebook export (JSON or HTML)."""
        if any(reader.find(p) for p in POSTS_FILES) or reader.find(HTML_POSTS_FILES):
            return True
        return any(reader.under(folder) for folder in ACTIVITY_FOLDERS)

    @staticmethod
    def _sorted(names: list[str]) -> list[str]:
        def order(name: str) -> tuple[str, str, int]:
            path = PurePosixPath(name)
            m = re.search(r"_(\d+)$", path.stem)
            return (str(path.parent), path.stem.rstrip("_0123456789"), int(m.group(1)) if m else 0)

        return sorted(set(names), key=order)

    # -- account --

    def _load_json(self, name: str) -> Any:
        where = self.reader.member_where(name)
        return repair_strings(parse_json(self.reader.read_text(name), where))

    def _load_account(self) -> AccountInfo:
        page_name = profile_name = handle = ""
        for name in self.reader.find(r"your_professional_dashboard_activity\.json"):
            try:
                data = self._load_json(name)
                page_name = str(data["prodash_activity"][0]["page_name"])
            except (SourceError, LookupError, TypeError):
                self.warnings.append(f"{self.reader.member_where(name)}: no page name found")
        for name in self.reader.find(r"profile_information\.json"):
            try:
                data = self._load_json(name)
                profile = data.get("profile_v2") or data.get("profile") or {}
                profile_name = str((profile.get("name") or {}).get("full_name") or "")
                uri = str(profile.get("profile_uri") or "")
                handle = uri.rstrip("/").rsplit("/", 1)[-1] if uri else ""
            except (SourceError, AttributeError, TypeError):
                self.warnings.append(f"{self.reader.member_where(name)}: no profile name found")
        name = page_name or profile_name or self.reader.display_name
        return AccountInfo(platform=Platform.FACEBOOK, handle=handle or name, name=name)

    def account(self) -> AccountInfo:
        return self._account

    # -- media --

    def resolve_media(self, uri: str) -> str | None:
        """Find the archive member for a `uri`: as given, first folder swapped, then basename."""
        if not uri or re.match(r"^[a-z]+://", uri, re.I):
            return None
        try:
            rel = normalise_member_name(uri)
        except ValueError:
            self.warnings.append(f"{self.reader.where}: unsafe media uri ignored: {uri}")
            return None
        if self._by_basename is None:
            index: dict[str, list[str]] = {}
            for member in self.reader.iter_members():
                index.setdefault(PurePosixPath(member).name, []).append(member)
            self._by_basename = index
        candidates = self._by_basename.get(PurePosixPath(rel).name, [])
        if not candidates:
            return None
        rest = rel.split("/", 1)[1] if "/" in rel else rel
        for tail in (rel, rest):
            for member in candidates:
                if member == tail or member.endswith("/" + tail):
                    return member
        if len(candidates) == 1:
            return candidates[0]

        def shared_tail(member: str) -> int:
            count = 0
            for x, y in zip(reversed(member.split("/")), reversed(rel.split("/")), strict=False):
                if x != y:
                    break
                count += 1
            return count

        return max(candidates, key=shared_tail)

    def _media(self, entry: dict[str, Any]) -> tuple[Media, ...]:
        result = []
        for item in _attachment_items(entry):
            media = item.get("media")
            if not isinstance(media, dict) or not media.get("uri"):
                continue
            uri = str(media["uri"])
            kind = media_kind_for(uri)
            name = PurePosixPath(uri).name
            if re.match(r"^[a-z]+://", uri, re.I):
                result.append(Media(kind=kind, name=name, url=uri))
                continue
            member = self.resolve_media(uri)
            if member is None:
                result.append(Media(kind=kind, name=name, missing=True))
            elif self.media_store is None:
                result.append(Media(kind=kind, name=name))
            else:
                media = Media(kind=kind, name=name)
                result.append(
                    store_member(self.reader, self.media_store, member, media, self.warnings)
                )
        return tuple(result)

    # -- posts and comments --

    def collect(self) -> Iterator[Post]:
        """Yield posts file by file, then the account's comments."""
        for name in self.posts_files:
            for n, entry in enumerate(self._entries(name, ("status_updates",)), 1):
                ref = f"{name}#{n}"
                try:
                    yield self._post(entry, ref)
                except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
                    self.skipped.append(SkippedPost(ref, f"unreadable post ({exc!r})"))
        for name in self.comments_files:
            for n, entry in enumerate(self._entries(name, ("comments_v2", "comments")), 1):
                ref = f"{name}#{n}"
                try:
                    yield from self._comments(entry, ref)
                except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
                    self.skipped.append(SkippedPost(ref, f"unreadable comment ({exc!r})"))

    def _entries(self, name: str, keys: tuple[str, ...]) -> list[Any]:
        data = self._load_json(name)
        if isinstance(data, dict):
            key = next((k for k in keys if isinstance(data.get(k), list)), None)
            if key is None:
                lists = [k for k, v in data.items() if k.endswith("_v2") and isinstance(v, list)]
                key = lists[0] if len(lists) == 1 else None
            if key is not None:
                data = data[key]
        if not isinstance(data, list):
            want = " or ".join(f"{{{k!r}: [...]}}" for k in keys)
            where = self.reader.member_where(name)
            raise SourceError(where, f"not a Facebook export file (expected [...] or {want})")
        return data

    def _post(self, entry: dict[str, Any], ref: str) -> Post:
        timestamp = int(entry["timestamp"])
        text = post_text(entry)
        items = list(_attachment_items(entry))
        reshare = any(
            isinstance(i.get("external_context"), dict) and i["external_context"].get("url") == ""
            for i in items
        )
        has_own_words = any(isinstance(d, dict) and d.get("post") for d in entry.get("data") or [])
        return Post(
            platform=Platform.FACEBOOK,
            external_id=self._unique(stable_post_id(timestamp, text)),
            created_at=datetime.fromtimestamp(timestamp, UTC),
            text=text,
            kind=PostKind.SHARE if reshare and not has_own_words else PostKind.POST,
            account=self._account.name,
            media=self._media(entry),
            hashtags=tuple(re.findall(r"#(\w+)", text)),
            source_ref=ref,
        )

    def _comments(self, entry: dict[str, Any], ref: str) -> Iterator[Post]:
        title = str(entry.get("title") or "")
        for item in entry.get("data") or []:
            comment = item.get("comment") if isinstance(item, dict) else None
            if not isinstance(comment, dict):
                continue
            timestamp = int(comment.get("timestamp") or entry["timestamp"])
            text = str(comment.get("comment") or "")
            author = str(comment.get("author") or "")
            target, is_reply, own = parse_comment_title(title, author or self._account.name)
            reply_to = self._account.name if own else target
            yield Post(
                platform=Platform.FACEBOOK,
                external_id=self._unique(stable_post_id(timestamp, text, prefix="fb-c-")),
                created_at=datetime.fromtimestamp(timestamp, UTC),
                text=text,
                kind=PostKind.REPLY if is_reply else PostKind.COMMENT,
                account=self._account.name,
                reply_to=reply_to,
                reply_to_name=reply_to,
                media=self._media(entry),
                hashtags=tuple(re.findall(r"#(\w+)", text)),
                source_ref=ref,
            )

    def close(self) -> None:
        """Release the archive file."""
        self.reader.close()
