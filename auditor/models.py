"""The records every part of the auditor shares: posts, media, hits and findings.

Sources produce `Post` records, rules turn a post into `Hit`s, the engine turns hits into
`Finding`s with masked excerpts and stable fingerprints, and the store persists them. These are
plain frozen dataclasses: no I/O, no database.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any


class Platform(enum.StrEnum):
    """Where a post was published."""

    TWITTER = "twitter"
    FACEBOOK = "facebook"
    WHATSAPP = "whatsapp"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    TIKTOK = "tiktok"


class PostKind(enum.StrEnum):
    """What the account did: posted, replied to someone, commented, or shared another's post."""

    POST = "post"
    REPLY = "reply"
    COMMENT = "comment"
    SHARE = "share"
    GROUP = "group"  # a WhatsApp group itself: carries the findings about the group (3a, 3c)


class AuthorRole(enum.StrEnum):
    """Who wrote a chat message, as far as the config tells (`[whatsapp] staff`)."""

    STAFF = "staff"
    PARENT = "parent"  # anyone who is not staff: parents, volunteers, pupils
    UNKNOWN = "unknown"  # no staff configured: nobody can be told apart


class Severity(enum.StrEnum):
    """How urgently a finding needs a human look."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return {"low": 0, "medium": 1, "high": 2}[self.value]


class Status(enum.StrEnum):
    """Review state of a finding."""

    OPEN = "open"
    DISMISSED = "dismissed"
    RESOLVED = "resolved"


class Category(enum.StrEnum):
    """Protocol concern a rule belongs to (part of the JSON contract)."""

    PERSONAL_DATA = "personal_data"
    COMMERCIAL = "commercial"
    PERSONAL_TITLE = "personal_title"
    REPLY_TO_PARENT = "reply_to_parent"
    IMAGE = "image"
    OTHER_PLATFORM = "other_platform"
    WHATSAPP = "whatsapp"


class PDKind(enum.StrEnum):
    """A type of personal data (articles 1a/2a): its rule is `personal-data.<value>`, and its
    value names the type in findings, corpus labels and masking (part of the JSON contract)."""

    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    POSTCODE = "postcode"
    BIRTHDATE = "birthdate"
    BSN = "bsn"
    IBAN = "iban"
    HEALTH = "health"
    PLATE = "plate"
    SOCIAL_HANDLE = "social_handle"
    OTHER = "other"

    @property
    def rule_id(self) -> str:
        return f"personal-data.{self.value}"


class MediaKind(enum.StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    GIF = "gif"
    OTHER = "other"


@dataclass(frozen=True)
class FaceBox:
    """One detected face: pixel box, detector score and the recognisability verdict."""

    x: int
    y: int
    w: int
    h: int
    score: float
    recognisable: bool
    reason: str = ""


@dataclass(frozen=True)
class ImageAnalysis:
    """Result of analysing one media file (keyed by its sha256). Never holds pixels."""

    status: str  # "analysed" | "failed"
    faces: int = 0  # all detected faces
    recognisable: int = 0  # faces judged recognisable
    boxes: tuple[FaceBox, ...] = ()
    error: str | None = None
    frames: int = 1  # frames sampled (videos)


@dataclass(frozen=True)
class Media:
    """A photo, video or GIF attached to a post.

    `name` is the file's name as the platform knows it (archive member or URL basename).
    `path` is a local readable copy (content-addressed store) when one exists; `url` the remote
    address when known; `sha256` the content hash when the bytes were seen. `missing` marks media
    the export promised but did not contain. `analysis` is filled in by the image pipeline.
    """

    kind: MediaKind
    name: str
    path: Path | None = None
    url: str | None = None
    sha256: str | None = None
    missing: bool = False
    analysis: ImageAnalysis | None = None


@dataclass(frozen=True)
class ChatContext:
    """What a WhatsApp message or group record knows about its group (never a person's name).

    `created_by` is who made the group according to its system line (None: the export does not
    say). On the group record (`PostKind.GROUP`) `staff_messages`, `parent_messages` and
    `first_staff_at` (local time text of the first staff message) sum up the chat.
    """

    group: str
    work_group: bool = False
    author: AuthorRole = AuthorRole.UNKNOWN
    created_by: AuthorRole | None = None
    created_by_exporter: bool = False
    staff_known: bool = True
    staff_messages: int = 0
    parent_messages: int = 0
    first_staff_at: str = ""


@dataclass(frozen=True)
class Post:
    """One published post, reply or comment of the school's account, normalised across sources.

    `created_at` is timezone-aware UTC. `text` is unescaped with links expanded. `reply_to` is the
    handle or display name of whoever the account answers (None for posts); `author_is_account`
    is False for others' comments that a source may carry for context (never audited as the
    school's own words).
    """

    platform: Platform
    external_id: str
    created_at: datetime
    text: str
    kind: PostKind = PostKind.POST
    account: str = ""
    url: str | None = None
    reply_to: str | None = None
    reply_to_id: str | None = None
    reply_to_name: str | None = None
    author_is_account: bool = True
    media: tuple[Media, ...] = ()
    hashtags: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    source_ref: str = ""  # e.g. "data/tweets.js#12": lets a reviewer find the original
    chat: ChatContext | None = None  # WhatsApp only: the group and the author's role


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    """What a rule reports: where, what it saw (in memory only), and why in plain words.

    `value` is the sensitive text itself; it is never stored or printed, only masked and hashed.
    `kind` is the personal-data type (a `PDKind`) used to pick a masking style, or another
    concern's tag ("image", "whatsapp").
    Media hits carry the media index in the post and face counts/boxes in `details`.
    """

    span: Span | None
    value: str
    reason: str
    kind: str = ""
    media_index: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
    allowed: bool = False  # matched but allow-listed: shown only with --verbose, never stored


@dataclass(frozen=True)
class Finding:
    """A hit tied to its rule and post, ready to store: masked, fingerprinted, no raw values."""

    rule: str
    category: Category
    article: str
    severity: Severity
    reason: str
    excerpt: str
    fingerprint: str
    span: Span | None = None
    media_index: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
