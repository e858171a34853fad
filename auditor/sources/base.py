"""The source seam: every platform or export format yields the same `Post` records.

An export format is `auditor/sources/<kind>.py` with an `ArchiveSource` subclass (set `kind`,
`platform`, `format_hint`, implement `detect`, `account()` and `collect()`) plus one line in
`ARCHIVE_SOURCES` in `auditor/sources/__init__.py`; a live platform is an `ApiSource`
(`auditor/sources/api.py`) plus one line in `LIVE_SOURCES`. Map I/O and parse errors to
`SourceError(where, why)`; a single post that cannot be read becomes a `SkippedPost` on
`source.skipped`, not a crash.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, Self

from auditor.media_store import MediaStore
from auditor.models import Platform, Post
from auditor.sources.archive import ArchiveReader


@dataclass(frozen=True)
class AccountInfo:
    """Whose posts these are: platform, stable id (account id, page id or handle) and name."""

    platform: Platform
    handle: str
    name: str = ""


@dataclass(frozen=True)
class SkippedPost:
    where: str
    reason: str


class UnbuiltPost(NamedTuple):
    """A post of an export, read but not built yet.

    `source_digest` covers everything its `Post` is built from: the item's fields the source
    reads, the export's context those depend on (account, long-post notes, media files by
    stamp, whether media are copied) and the package version. A re-audit that finds this digest
    stored with the post, under the same rule set, skips the post without building it
    (`pipeline.audit_posts`). `build()` gives the `Post`, or None when the item cannot be read
    (it is then on the source's `skipped`). A tuple: one is made for every item of an export.
    """

    platform: Platform
    external_id: str
    source_digest: str
    build: Callable[[], Post | None]


class UniqueIds:
    """Keeps external ids unique within one export: a second "fb-1a2b" becomes "fb-1a2b-2".

    Exports without post ids derive them from content; two identical posts must still be two.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __call__(self, external_id: str) -> str:
        candidate, n = external_id, 1
        while candidate in self._seen:
            n += 1
            candidate = f"{external_id}-{n}"
        self._seen.add(candidate)
        return candidate


class Source(ABC):
    """Yields the posts of one account from one archive or API."""

    kind: ClassVar[str]
    platform: ClassVar[Platform]

    def __init__(self) -> None:
        self.skipped: list[SkippedPost] = []
        self.warnings: list[str] = []
        self.info: list[str] = []  # what the user should know that is not a problem

    @abstractmethod
    def account(self) -> AccountInfo:
        """The account the posts belong to (read from the archive or config)."""

    @abstractmethod
    def collect(self) -> Iterator[Post]:
        """Yield posts one at a time (stream: never hold the whole archive in memory)."""

    def records(self) -> Iterator[Post | UnbuiltPost]:
        """The posts of `collect`, or of a source that can tell an unchanged post before
        building it, `UnbuiltPost`s (what an audit reads)."""
        yield from self.collect()

    def estimated_total(self) -> int | None:
        """How many posts `collect` will yield, when cheap to know (for progress bars)."""
        return None

    def close(self) -> None:  # noqa: B027 - optional hook: most live sources hold nothing
        """Release files or connections the source holds (nothing by default)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ArchiveSource(Source):
    """Yields the posts of one exported archive: a zip, an unpacked folder, or a single file.

    The registry opens an export with the first `ARCHIVE_SOURCES` member whose `detect_file`
    (a plain file) or `detect` (member names of a zip or folder) says yes, as
    `cls(archive, media_store)`. `format_hint` names the format in the "not recognised" error,
    e.g. "a Twitter/X archive (data/tweets.js)". `media_store` None means "do not copy media".
    """

    format_hint: ClassVar[str]

    def __init__(
        self, archive: ArchiveReader | Path | None = None, media_store: MediaStore | None = None
    ) -> None:
        super().__init__()

    @classmethod
    @abstractmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        """True when the archive's member names look like this format (never reads content)."""

    @classmethod
    def detect_file(cls, path: Path) -> bool:
        """True when `path`, a plain file that is not a zip, is this format (none by default)."""
        return False

    @classmethod
    def options(cls, config: Any) -> dict[str, Any]:
        """Keyword arguments this format reads from the `Config` (none by default): the registry
        builds the source as `cls(archive, media_store, **cls.options(config))`."""
        return {}

    @property
    def own_names(self) -> tuple[str, ...]:
        """Names of the school's own people in this export that are no personal-data finding
        (WhatsApp: the configured staff signing their messages). None by default."""
        return ()
