"""WhatsApp chat export: one chat as a `.txt`, or a `.zip`/folder with the `.txt` and its media.

Android writes `WhatsApp-chat met <chat>.txt` (English UI: `WhatsApp Chat with <chat>.txt`), iOS
always a zip `WhatsApp Chat - <chat>.zip` holding `_chat.txt`. Every line that starts with a
date/time header starts a message; other lines continue the one before. Header layouts differ by
phone and region (see `HEADER`); whether the date is day-first or month-first is decided once per
file from all its headers. Times carry no offset: they are the phone's local time, read in the
configured timezone (`[schedule] timezone`, Europe/Amsterdam by default) and stored in UTC; in the
autumn hour that happens twice, a time that would run backwards is read as the second pass.

Article 3 is about what the school's *staff* do, so every author is matched against
`[whatsapp] staff` (`WhatsAppSettings`):

- a staff member's message becomes a `Post` (text and media kept, audited);
- anyone else is a parent (3b: not the school's responsibility): the message is counted and then
  forgotten. Nothing of it is yielded, stored or copied, not even its photos;
- system lines are read only for what the group is: its name (when the file name does not say)
  and who made it. "U hebt / Je hebt / You created the group" is the person who exported the chat:
  exports reach the auditor from staff phones, so the exporter counts as staff;
- after the last message one record for the group itself (`PostKind.GROUP`, empty text) carries
  what the group-level rules need: who made it, whether it is a registered work group, how many
  messages staff and parents wrote (`ChatContext`).

Without `[whatsapp] staff` nobody can be told apart: no message is kept and the source warns.
Sender names are used only in memory (staff matching and stable ids); they are not stored.
Media markers become `Media`: a file in the zip is copied into the `MediaStore`; a marker for
media left out of the export (`<Media weggelaten>`) becomes a media item marked `missing`.
"""

from __future__ import annotations

import enum
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import AuthorRole, ChatContext, Media, MediaKind, Platform, Post, PostKind
from auditor.sources.archive import ArchiveReader, store_member
from auditor.sources.base import AccountInfo, ArchiveSource, SkippedPost, UniqueIds

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
MAX_CHAT_BYTES = 512 * 1024**2

# Direction marks, zero-width characters and the BOM that WhatsApp inserts around headers, system
# lines, attachment markers and phone numbers. They are formatting, not something anyone typed.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

HEADER = re.compile(
    r"^\[?(?P<d1>\d{1,4})(?P<sep>[./-])(?P<d2>\d{1,2})(?P=sep)(?P<d3>\d{2,4}),?\s+"
    r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?"
    r"(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?\]?(?:\s-\s|:?\s)"
)

# Chat file names: Android `WhatsApp-chat met X.txt` / `WhatsApp Chat with X.txt`, iOS zip
# `WhatsApp Chat - X.zip` holding `_chat.txt`. A repeated export may get " (1)" appended.
# "Naam: tekst"; also "Naam:" and "Naam:." (an empty or view-once message). No colon: system line.
SENDER = re.compile(r"^(?P<sender>[^:\n]+):(?: |$|(?=\.$)|(?=\.\n))")

CHAT_FILE = r"(?:_chat|WhatsApp[ _-]?[Cc]hat\b.*)\.txt"
CHAT_NAME = re.compile(
    r"^WhatsApp[ _-]?chat(?:\s*-\s*|\s+(?:met|with|mit|avec|con|com)\s+)(?P<name>.+?)"
    r"(?:\s*\(\d+\))?$",
    re.IGNORECASE,
)

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".bmp"}
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".3gp", ".avi", ".mkv", ".webm"}


@dataclass(frozen=True)
class ChatPhrases:
    """The wording WhatsApp uses for system lines and media markers, as regexes (case-insensitive).

    Wording changes between app versions, languages and formal/informal Dutch ("U hebt" / "Je
    hebt"), so it is data: pass your own to `WhatsAppExportSource` when a phone uses other words.
    `system` maps a category to its patterns; only the "created" category becomes a post.
    """

    system: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "encryption": (
                r"end-to-end[- ]?(?:versleuteld|encryptie|encrypted|encryption)",
                r"^Tik voor meer informatie\.?$",
                r"^Tap to learn more\.?$",
            ),
            "created": (
                r"\bheeft (?:de |deze )?groep\b.*\baangemaakt\b",
                r"\b(?:u|je|jij) hebt (?:de |deze )?groep\b.*\baangemaakt\b",
                r"\bcreated (?:the |this )?group\b",
            ),
            "added": (
                r"\bheeft\b.+\btoegevoegd\.?$",
                r"\b(?:u|je) hebt\b.+\btoegevoegd\.?$",
                r"\badded\b",
                r"^you were added\.?$",
            ),
            "left": (
                r"\bheeft de groep verlaten\.?$",
                r"\bheeft\b.+\bverwijderd\.?$",
                r"\b(?:left|removed)\b",
            ),
            "joined": (r"\btoegetreden\b", r"\bjoined\b"),
            "changed": (r"\bgewijzigd\b", r"\bveranderd\b", r"\bchanged\b"),
        }
    )
    deleted: tuple[str, ...] = (
        r"^(?:dit bericht is verwijderd|(?:u|je) hebt dit bericht verwijderd)\.?$",
        r"^(?:this message was deleted|you deleted this message)\.?$",
    )
    edited: str = r"\s*<(?:dit bericht is bewerkt|this message was edited)>\s*$"
    # Android with media: "IMG-20240312-WA0003.jpg (bestand bijgevoegd)", caption on next lines.
    attached_android: str = (
        r"^(?P<name>[^<>\n]+?\.\w{1,5})\s\((?:bestand bijgevoegd|file attached)\)"
    )
    # iOS with media: "<bijgevoegd: 00000012-PHOTO-2024-03-12-09-15-02.jpg>".
    attached_ios: str = r"<(?:bijgevoegd|attached):\s(?P<name>[^<>\n]+)>"
    # Exported without media: the whole message is the marker.
    omitted_unknown: str = r"^<(?:media weggelaten|media omitted)>$"
    omitted_typed: str = (
        r"^(?:.*\s)?(?P<what>afbeelding|image|foto|photo|video|gif|sticker|audio|document"
        r"|contactkaart|contact card)\s(?:weggelaten|omitted)$"
    )


DEFAULT_PHRASES = ChatPhrases()


@dataclass(frozen=True)
class WhatsAppSettings:
    """What the WhatsApp source needs from the config.

    `staff`: display names (or phone numbers) of staff as the exports show them (`[whatsapp]
    staff`); `work_groups`: names of registered work groups (`[whatsapp] work_groups`);
    `timezone`: the phones' local time zone (`[schedule] timezone`).
    """

    staff: tuple[str, ...] = ()
    work_groups: tuple[str, ...] = ()
    timezone: str = "Europe/Amsterdam"


# Unsaved contacts show as "~ Naam" (also "~" + U+202F); numbers may be wrapped in U+202A/U+202C.
AUTHOR_DECORATION = re.compile(r"^[~\s]+|\s+$")
PHONE_LIKE = re.compile(r"^\+?[\d\s().\-]{6,}$")
QUOTES = "\"'\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb"
QUOTED = re.compile(f"[{QUOTES}](?P<name>[^{QUOTES}]+)[{QUOTES}]")
CREATOR = re.compile(
    r"^(?P<who>.+?)\s+(?:heeft\s+(?:de\s+|deze\s+)?groep\b|created\s+(?:the\s+|this\s+)?group\b)",
    re.IGNORECASE,
)
CREATED_BY_EXPORTER = re.compile(
    r"^\s*(?:u\s+hebt|je\s+hebt|jij\s+hebt|you\s+created)\b", re.IGNORECASE
)
RENAMED = re.compile(r"\b(?:onderwerp|groepsnaam|naam|subject|name)\b", re.IGNORECASE)


def normalise_author(name: str) -> str:
    """An author name as compared: invisible marks, the "~ " of unsaved contacts, surrounding and
    repeated spaces dropped; NFC; case-folded."""
    clean = AUTHOR_DECORATION.sub("", strip_invisible(name).replace("\u202f", " "))
    return " ".join(unicodedata.normalize("NFC", clean).casefold().split())


def phone_digits(value: str) -> str | None:
    """The digits of a phone number as an export shows it, in international form (31...), or
    None when `value` is not a phone number. "+31 6 12 34 56 78", "0031 6..." and "06-1234..."
    all give "31612345678"."""
    clean = strip_invisible(value).strip().lstrip("~").strip()
    if not PHONE_LIKE.match(clean):
        return None
    digits = re.sub(r"\D", "", clean)
    if clean.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "31" + digits[1:]
    return digits


class StaffMatcher:
    """Tells staff from everyone else, exactly: "Marloes Hendriks" is not "Juf Marloes".

    Names match case-insensitively after `normalise_author`; a phone number matches digit-wise.
    """

    def __init__(self, staff: tuple[str, ...]) -> None:
        self.phones = {d for entry in staff if (d := phone_digits(entry))}
        self.names = {normalise_author(e) for e in staff if phone_digits(e) is None}
        self.names.discard("")

    @property
    def known(self) -> bool:
        return bool(self.phones or self.names)

    def is_staff(self, author: str) -> bool:
        digits = phone_digits(author)
        if digits is not None and digits in self.phones:
            return True
        return normalise_author(author) in self.names

    def role(self, author: str) -> AuthorRole:
        if not self.known:
            return AuthorRole.UNKNOWN
        return AuthorRole.STAFF if self.is_staff(author) else AuthorRole.PARENT


@dataclass(frozen=True)
class Creation:
    """Who made the group, from its system line: a name, or the exporter ("U hebt ...")."""

    who: str
    by_exporter: bool
    group: str | None  # the group name the line quotes, if any


def parse_creation(text: str) -> Creation:
    """Read a "... heeft groep "X" aangemaakt" / "You created group "X"" system line."""
    quoted = QUOTED.search(text)
    group = quoted.group("name").strip() if quoted else None
    if CREATED_BY_EXPORTER.match(text):
        return Creation("", True, group)
    m = CREATOR.match(text.strip())
    return Creation(m.group("who").strip() if m else "", False, group)


def renamed_to(text: str) -> str | None:
    """The new name in a "changed the subject/group name to "X"" system line, else None."""
    if not RENAMED.search(text):
        return None
    names = [m.group("name").strip() for m in QUOTED.finditer(text)]
    return names[-1] if names else None


def same_group(name: str, names: tuple[str, ...]) -> bool:
    """True when `name` is one of `names` (case, spaces and invisible marks ignored)."""
    wanted = normalise_author(name)
    return bool(wanted) and any(normalise_author(n) == wanted for n in names)


def local_to_utc(local: datetime, tz: ZoneInfo, after: datetime | None = None) -> datetime:
    """A naive phone time in `tz` as UTC. In the autumn hour that happens twice the first pass is
    taken, unless that would put the message before `after` (the previous message): then it is
    the second pass. A time in the skipped spring hour is read with the offset from before."""
    first = local.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if after is not None and first < after:
        second = local.replace(tzinfo=tz, fold=1).astimezone(UTC)
        if second >= after:
            return second
    return first


OMITTED_KIND = {
    "afbeelding": MediaKind.PHOTO,
    "image": MediaKind.PHOTO,
    "foto": MediaKind.PHOTO,
    "photo": MediaKind.PHOTO,
    "video": MediaKind.VIDEO,
    "gif": MediaKind.GIF,
}


class DateOrder(enum.StrEnum):
    DAY_FIRST = "dmy"
    MONTH_FIRST = "mdy"
    YEAR_FIRST = "ymd"


@dataclass(frozen=True)
class Header:
    """The date/time fields of a message header as written, and where the body starts."""

    d1: str
    d2: str
    d3: str
    hour: int
    minute: int
    second: int
    ampm: str
    end: int


@dataclass(frozen=True)
class ParsedBody:
    """A message body split into sender and text; `system` names a system line's category."""

    sender: str
    text: str
    system: str | None = None


# -- pure helpers ---------------------------------------------------------------------------


def strip_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)


def parse_header(line: str) -> Header | None:
    """The header at the start of `line` (invisible marks already stripped), or None."""
    m = HEADER.match(line)
    if not m:
        return None
    ampm = (m.group("ampm") or "").replace(".", "").replace(" ", "").lower()
    return Header(
        d1=m.group("d1"),
        d2=m.group("d2"),
        d3=m.group("d3"),
        hour=int(m.group("H")),
        minute=int(m.group("M")),
        second=int(m.group("S") or 0),
        ampm=ampm,
        end=m.end(),
    )


def decide_date_order(headers: list[tuple[str, str, str]]) -> DateOrder:
    """Day-first or month-first for a whole file, from the (d1, d2, d3) fields of its headers.

    A 4-digit first field is year-first. Otherwise a first field above 12 means day-first, a
    second field above 12 month-first; a file where nothing decides is day-first (Dutch).
    """
    if any(len(d1) == 4 for d1, _, _ in headers):
        return DateOrder.YEAR_FIRST
    if any(int(d1) > 12 for d1, _, _ in headers):
        return DateOrder.DAY_FIRST
    if any(int(d2) > 12 for _, d2, _ in headers):
        return DateOrder.MONTH_FIRST
    return DateOrder.DAY_FIRST


def local_time(header: Header, order: DateOrder) -> datetime:
    """The header's naive local time; raises ValueError for an impossible date or time."""
    if order == DateOrder.YEAR_FIRST:
        year, month, day = header.d1, header.d2, header.d3
    elif order == DateOrder.MONTH_FIRST:
        month, day, year = header.d1, header.d2, header.d3
    else:
        day, month, year = header.d1, header.d2, header.d3
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    hour = header.hour
    if header.ampm:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with {header.ampm.upper()}")
        hour = hour % 12 + (12 if header.ampm == "pm" else 0)
    return datetime(full_year, int(month), int(day), hour, header.minute, header.second)


def amsterdam_to_utc(local: datetime) -> datetime:
    """Read a naive phone time as Europe/Amsterdam and convert to UTC.

    In the autumn hour that happens twice the first one (summer time, fold=0) is taken; a time
    in the skipped spring hour is read with the offset from before the jump.
    """
    return local.replace(tzinfo=LOCAL_TZ, fold=0).astimezone(UTC)


def chat_name_from_file(stem: str) -> str | None:
    """The chat's name from an export file name stem, or None when the name does not say."""
    m = CHAT_NAME.match(stem.strip())
    return m.group("name").strip() if m else None


@cache
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex matching where any of `patterns` matches."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


def classify_system(text: str, phrases: ChatPhrases = DEFAULT_PHRASES) -> str | None:
    """The category of a system line ("created", "added", ...), or None when no phrase matches."""
    for category, patterns in phrases.system.items():
        if _any_of(tuple(patterns)).search(text):
            return category
    return None


def parse_body(
    body: str,
    chat_name: str = "",
    phrases: ChatPhrases = DEFAULT_PHRASES,
    *,
    marked: bool = False,
) -> ParsedBody:
    """Split what follows the header into sender and text, and recognise system lines.

    The sender ends at the first ": " (names cannot hold a colon). No ": " on the first line means
    a system line. iOS puts the group's name as sender on some system lines and starts their text
    with U+200E (`marked`): such a one-line text is a system line when a phrase matches it.
    """
    m = SENDER.match(body)
    if m is None:
        return ParsedBody("", body, classify_system(body, phrases) or "other")
    sender, text = m.group("sender"), body[m.end() :]
    if " " in sender.strip() and (category := classify_system(sender, phrases)) is not None:
        # the colon belongs to the system line ('... het onderwerp gewijzigd naar "Groep 5: info"')
        return ParsedBody("", body, category)
    if (marked or (chat_name and _same_name(sender, chat_name))) and "\n" not in text:
        category = classify_system(text, phrases)
        if category is not None:
            return ParsedBody("", text, category)
    return ParsedBody(sender.strip(), text)


def _same_name(a: str, b: str) -> bool:
    def fold(s: str) -> str:
        return unicodedata.normalize("NFC", s).casefold().strip()

    return fold(a) == fold(b)


def is_deleted(text: str, phrases: ChatPhrases = DEFAULT_PHRASES) -> bool:
    return _any_of(phrases.deleted).match(text.strip()) is not None


def media_kind_for_name(name: str) -> MediaKind | None:
    """Photo, video or GIF by file name; None for voice notes, documents and stickers."""
    upper = PurePosixPath(name).name.upper()
    suffix = PurePosixPath(name).suffix.lower()
    if upper.startswith("STK-") or "-STICKER-" in upper:
        return None
    if suffix == ".gif" or "-GIF-" in upper:
        return MediaKind.GIF
    if suffix in VIDEO_SUFFIXES:
        return MediaKind.VIDEO
    if suffix in PHOTO_SUFFIXES:
        return MediaKind.PHOTO
    return None


@dataclass(frozen=True)
class MediaMarker:
    """A media marker found in a message: the file name (None when omitted) and its kind."""

    name: str | None
    kind: MediaKind
    placeholder: str = ""


def split_media(
    text: str, phrases: ChatPhrases = DEFAULT_PHRASES
) -> tuple[str, tuple[MediaMarker, ...]]:
    """Take the photo/video/GIF markers out of a message; return (remaining text, markers).

    Markers of voice notes, documents and stickers stay in the text: they are not images, and a
    document's name can itself say something.
    """
    stripped = text.strip()
    if re.match(phrases.omitted_unknown, stripped, re.IGNORECASE):
        return "", (MediaMarker(None, MediaKind.OTHER, stripped),)
    m = re.match(phrases.omitted_typed, stripped, re.IGNORECASE)
    if m and "\n" not in stripped:
        kind = OMITTED_KIND.get(m.group("what").lower())
        return ("", (MediaMarker(None, kind, stripped),)) if kind else (text, ())
    markers: list[MediaMarker] = []
    first, sep, rest = text.partition("\n")
    m = re.match(phrases.attached_android, first, re.IGNORECASE)
    if m and (kind := media_kind_for_name(m.group("name"))) is not None:
        markers.append(MediaMarker(m.group("name").strip(), kind))
        text = (first[m.end() :].strip() + sep + rest).strip()

    def take(match: re.Match[str]) -> str:
        name = match.group("name").strip()
        kind = media_kind_for_name(name)
        if kind is None:
            return match.group(0)
        markers.append(MediaMarker(name, kind))
        return ""

    text = re.sub(phrases.attached_ios, take, text, flags=re.IGNORECASE)
    return (text.strip() if markers else text), tuple(markers)


def stable_message_id(chat: str, local: datetime, sender: str, text: str) -> str:
    """`wa-` + 16 hex of sha1(chat, local time, sender, NFC text): stable across exports."""
    key = "\n".join(
        unicodedata.normalize("NFC", part) for part in (chat, local.isoformat(), sender, text)
    )
    return "wa-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def is_utf16(head: bytes) -> bool:
    """A UTF-16 byte order mark, or the NUL in every other byte of UTF-16 ASCII text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = head[:400]
    return len(sample) >= 40 and sample.count(0) * 3 > len(sample)


def looks_like_chat(head: str) -> bool:
    """True when the first non-blank line of `head` is a WhatsApp message header."""
    for line in head.splitlines():
        clean = strip_invisible(line).strip()
        if clean:
            return parse_header(clean) is not None
    return False


# -- the source ------------------------------------------------------------------------------


@dataclass
class _GroupFacts:
    """What the system lines of a chat say about the group."""

    creation: Creation | None = None
    renamed: str | None = None  # the latest "changed the subject to ..."
    sender_name: str | None = None  # iOS puts the group's name as sender on system lines

    @property
    def name(self) -> str | None:
        return self.renamed or (self.creation.group if self.creation else None) or self.sender_name


@dataclass
class _Message:
    line_no: int
    header: Header
    lines: list[str]
    marked: bool  # the text after "Naam: " started with U+200E (iOS system line or attachment)


class WhatsAppExportSource(ArchiveSource):
    """The messages of one WhatsApp chat from its export (`.txt`, `.zip` or unpacked folder)."""

    kind: ClassVar[str] = "whatsapp-export"
    platform: ClassVar[Platform] = Platform.WHATSAPP
    format_hint: ClassVar[str] = "a WhatsApp chat export (_chat.txt)"

    def __init__(
        self,
        export: ArchiveReader | Path,
        media_store: MediaStore | None = None,
        *,
        phrases: ChatPhrases = DEFAULT_PHRASES,
        settings: WhatsAppSettings | None = None,
    ) -> None:
        super().__init__()
        self.media_store = media_store
        self.phrases = phrases
        self.settings = settings or WhatsAppSettings()
        self.staff = StaffMatcher(self.settings.staff)
        self.tz = ZoneInfo(self.settings.timezone)
        self.reader: ArchiveReader | None = None
        self.chat_file: Path | None = None
        self.chat_member = ""
        path = export.path if isinstance(export, ArchiveReader) else Path(export)
        if isinstance(export, ArchiveReader):
            self.reader = export
        elif path.is_file() and path.suffix.lower() == ".txt":
            self.chat_file = path
        else:
            self.reader = ArchiveReader(path)
        try:
            self._setup()
        except BaseException:
            if not isinstance(export, ArchiveReader):
                self.close()  # a reader we opened ourselves; the caller closes its own
            raise

    def _setup(self) -> None:
        if self.reader is not None:
            self.chat_member = self._find_chat_member(self.reader)
            self.where = self.reader.member_where(self.chat_member)
            self.ref_name = PurePosixPath(self.chat_member).name
        else:
            assert self.chat_file is not None
            self.where = str(self.chat_file)
            self.ref_name = self.chat_file.name
        self._by_basename: dict[str, str] | None = None
        self._unique = UniqueIds()
        self._missing_media = 0
        self.order, self._headers, found = self._scan(self._name_from_files())
        self.chat_name = self._name_from_files() or found.name or self._fallback_name()
        self.creation = found.creation
        names = (self.chat_name,) + (
            (found.creation.group,) if found.creation and found.creation.group else ()
        )
        self.work_group = any(n and same_group(n, self.settings.work_groups) for n in names)
        self.created_by: AuthorRole | None = None
        if found.creation is not None:
            if found.creation.by_exporter:
                self.created_by = AuthorRole.STAFF  # exports come from staff phones
            elif found.creation.who:
                self.created_by = self.staff.role(found.creation.who)
        self.staff_messages = 0
        self.parent_messages = 0
        if not self.staff.known:
            self.warnings.append(
                f"{self.where}: staff are unknown ([whatsapp] staff is not configured), so "
                "nobody's messages can be told apart from parents': no message was audited or "
                "kept. Add the staff's names as the export shows them."
            )

    @classmethod
    def options(cls, config: Any) -> dict[str, Any]:
        """The staff, work groups (`[whatsapp]`) and timezone (`[schedule]`) of the config."""
        return {
            "settings": WhatsAppSettings(
                staff=config.whatsapp.staff,
                work_groups=config.whatsapp.work_groups,
                timezone=config.schedule.timezone,
            )
        }

    @property
    def own_names(self) -> tuple[str, ...]:
        """The configured staff: a staff member signing a message is no personal-data finding."""
        return self.settings.staff

    # -- detection --

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        """True when a zip or folder holds a chat export (`_chat.txt` or `WhatsApp Chat*.txt`)."""
        return bool(reader.find(CHAT_FILE))

    @classmethod
    def detect_file(cls, path: Path) -> bool:
        """True when `path` is a `.txt` file whose first line is a WhatsApp message header."""
        path = Path(path)
        if path.suffix.lower() != ".txt" or not path.is_file():
            return False
        try:
            with path.open("rb") as stream:
                head = stream.read(4096)
        except OSError:
            return False
        if is_utf16(head):  # opened, so that reading it says "not UTF-8" instead of "not a zip"
            return looks_like_chat(head.decode("utf-16", errors="replace"))
        return looks_like_chat(head.decode("utf-8", errors="replace"))

    @staticmethod
    def _find_chat_member(reader: ArchiveReader) -> str:
        found = reader.find(CHAT_FILE)
        if not found:
            raise SourceError(
                reader.where, "no WhatsApp chat file (_chat.txt or 'WhatsApp Chat ….txt') in it"
            )
        if len(found) > 1:
            listed = ", ".join(sorted(found)[:3])
            raise SourceError(
                reader.where,
                f"holds {len(found)} chat files ({listed}); give each chat export separately",
            )
        return found[0]

    def _stems(self) -> list[str]:
        stems = [PurePosixPath(self.ref_name).stem]
        if self.reader is not None:
            stems.append(self.reader.display_name)
            stems.extend(reversed(PurePosixPath(self.chat_member).parent.parts))
        else:
            assert self.chat_file is not None
            stems.append(self.chat_file.parent.name)
        return stems

    def _name_from_files(self) -> str | None:
        """The group's name as the export's file (or zip, or folder) names it."""
        for stem in self._stems():
            if name := chat_name_from_file(stem):
                return name
        return None

    def _fallback_name(self) -> str:
        return next((s for s in self._stems() if s and s != "_chat"), "WhatsApp-chat")

    # -- reading --

    def _open(self) -> io.TextIOBase:
        if self.reader is not None:
            size = self.reader.size(self.chat_member)
        else:
            assert self.chat_file is not None
            try:
                size = self.chat_file.stat().st_size
            except OSError as exc:
                raise SourceError(self.where, f"cannot read ({exc.strerror or exc})") from exc
        if size > MAX_CHAT_BYTES:
            raise SourceError(self.where, f"refused: {size} bytes is more than {MAX_CHAT_BYTES}")
        if self.reader is not None:
            return self.reader.open_text(self.chat_member)
        assert self.chat_file is not None
        try:
            return self.chat_file.open(encoding="utf-8-sig", errors="strict")
        except OSError as exc:
            raise SourceError(self.where, f"cannot read ({exc.strerror or exc})") from exc

    def _lines(self) -> Iterator[tuple[int, str]]:
        """(line number, line without its newline), mapping read errors to SourceError."""
        line_no = 0
        if self._starts_utf16():
            raise SourceError(
                self.where,
                "not UTF-8 text: the chat is saved as UTF-16; export it again from WhatsApp "
                "or save it as UTF-8",
            )
        try:
            with self._open() as stream:
                for line_no, raw in enumerate(stream, 1):
                    yield line_no, raw.rstrip("\r\n")
        except UnicodeDecodeError:
            raise SourceError(
                f"{self.where}: near line {line_no + 1}", "not UTF-8 text (is this a chat export?)"
            ) from None
        except OSError as exc:
            raise SourceError(self.where, f"cannot read ({exc.strerror or exc})") from exc

    def _starts_utf16(self) -> bool:
        try:
            if self.reader is not None:
                with self.reader.open(self.chat_member) as stream:
                    return is_utf16(stream.read(4096))
            assert self.chat_file is not None
            with self.chat_file.open("rb") as stream:
                return is_utf16(stream.read(4096))
        except OSError:
            return False

    def _scan(self, file_name: str | None) -> tuple[DateOrder, int, _GroupFacts]:
        """One pass over the file: the date order, the number of messages, and what the system
        lines say about the group (its name, who made it)."""
        fields: set[tuple[str, str, str]] = set()
        facts = _GroupFacts()
        count = 0
        for _, raw in self._lines():
            line = strip_invisible(raw)
            header = parse_header(line)
            if header is None:
                continue
            count += 1
            fields.add((header.d1, header.d2, header.d3))
            body = line[header.end :]
            parsed = parse_body(body, file_name or "", self.phrases, marked=": \u200e" in raw)
            if parsed.system is None:
                continue
            m = SENDER.match(body)
            if m is not None and parsed.text != body:  # iOS: the group's name as "sender"
                facts.sender_name = facts.sender_name or m.group("sender").strip()
            if parsed.system == "created" and facts.creation is None:
                facts.creation = parse_creation(parsed.text)
            elif (new_name := renamed_to(parsed.text)) is not None:
                facts.renamed = new_name
        if not count:
            raise SourceError(self.where, "no WhatsApp message found (not a chat export?)")
        return decide_date_order(list(fields)), count, facts

    def account(self) -> AccountInfo:
        return AccountInfo(platform=Platform.WHATSAPP, handle=self.chat_name, name=self.chat_name)

    def estimated_total(self) -> int | None:
        return self._headers

    def collect(self) -> Iterator[Post]:
        """Yield one post per staff message, in file order, then one record for the group.

        Parents' messages and system lines are counted or read, never yielded."""
        pending: _Message | None = None
        self._last_utc: datetime | None = None
        self._first_utc: datetime | None = None
        self._first_staff: datetime | None = None
        for line_no, raw in self._lines():
            line = strip_invisible(raw)
            header = parse_header(line)
            if header is None:
                if pending is not None:
                    pending.lines.append(line)
                continue  # text before the first header: BOM or blank lines
            if pending is not None:
                yield from self._finish(pending)
            pending = _Message(line_no, header, [line[header.end :]], ": \u200e" in raw)
        if pending is not None:
            yield from self._finish(pending)
        if self._missing_media:
            self.warnings.append(
                f"{self.where}: {self._missing_media} photos/videos of staff are not in the "
                "export (exported without media?): they were not checked for faces"
            )
        self.info.append(
            f"WhatsApp-groep '{self.chat_name}': {self.staff_messages} messages of staff "
            f"audited, {self.parent_messages} parents' messages counted, not kept"
            + (" (a registered work group)" if self.work_group else "")
        )
        if self._first_utc is not None:
            yield self._group_record(self._first_utc)

    def _group_record(self, first: datetime) -> Post:
        first_staff = ""
        if self._first_staff is not None:
            first_staff = self._first_staff.astimezone(self.tz).strftime("%d-%m-%Y")
        key = unicodedata.normalize("NFC", self.chat_name).casefold().encode("utf-8")
        return Post(
            platform=Platform.WHATSAPP,
            external_id="wa-group-" + hashlib.sha1(key).hexdigest()[:16],
            created_at=first,
            text="",
            kind=PostKind.GROUP,
            account=self.chat_name,
            source_ref=f"{self.ref_name}#group",
            chat=ChatContext(
                group=self.chat_name,
                work_group=self.work_group,
                author=AuthorRole.UNKNOWN,
                created_by=self.created_by,
                created_by_exporter=bool(self.creation and self.creation.by_exporter),
                staff_known=self.staff.known,
                staff_messages=self.staff_messages,
                parent_messages=self.parent_messages,
                first_staff_at=first_staff,
            ),
        )

    def _finish(self, message: _Message) -> Iterator[Post]:
        ref = f"{self.ref_name}#L{message.line_no}"
        try:
            local = local_time(message.header, self.order)
        except ValueError as exc:
            self.skipped.append(SkippedPost(ref, f"unreadable date or time ({exc})"))
            return
        created_at = local_to_utc(local, self.tz, self._last_utc)
        self._last_utc = created_at
        if self._first_utc is None:
            self._first_utc = created_at
        body = "\n".join(message.lines).rstrip()
        parsed = parse_body(body, self.chat_name, self.phrases, marked=message.marked)
        if parsed.system is not None:
            return  # read in _scan for the group's name and creator; never a post
        text = re.sub(self.phrases.edited, "", parsed.text, flags=re.IGNORECASE)
        if is_deleted(text, self.phrases):
            return
        role = self.staff.role(parsed.sender)
        if role != AuthorRole.STAFF:
            self.parent_messages += 1  # counted, nothing of it kept (3b)
            return
        self.staff_messages += 1
        if self._first_staff is None:
            self._first_staff = created_at
        text, markers = split_media(text, self.phrases)
        media = tuple(self._media(marker) for marker in markers)
        external_id = stable_message_id(self.chat_name, local, parsed.sender, body)
        yield Post(
            platform=Platform.WHATSAPP,
            external_id=self._unique(external_id),
            created_at=created_at,
            text=text,
            kind=PostKind.POST,
            account=self.chat_name,
            author_is_account=True,
            media=media,
            hashtags=tuple(re.findall(r"#(\w+)", text)),
            source_ref=ref,
            chat=ChatContext(
                group=self.chat_name,
                work_group=self.work_group,
                author=role,
                created_by=self.created_by,
                created_by_exporter=bool(self.creation and self.creation.by_exporter),
            ),
        )

    # -- media --

    def _member_for(self, name: str) -> str | None:
        if self.reader is None:
            return None
        if self._by_basename is None:
            self._by_basename = {}
            for member in self.reader.iter_members():
                self._by_basename.setdefault(PurePosixPath(member).name, member)
        return self._by_basename.get(PurePosixPath(name).name)

    def _media(self, marker: MediaMarker) -> Media:
        if marker.name is None:
            self._missing_media += 1
            return Media(kind=marker.kind, name=marker.placeholder, missing=True)
        member = self._member_for(marker.name)
        if member is None:
            self._missing_media += 1
            return Media(kind=marker.kind, name=marker.name, missing=True)
        media = Media(kind=marker.kind, name=marker.name)
        if self.media_store is None or self.reader is None:
            return media
        return store_member(self.reader, self.media_store, member, media, self.warnings)

    def close(self) -> None:
        """Release the zip file, if any."""
        if self.reader is not None:
            self.reader.close()
