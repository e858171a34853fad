"""The source registries: the one place an export format or a live platform is added.

`ARCHIVE_SOURCES` lists the export formats in detection order: `open_archive_source` asks each
class's `detect_file` (a plain file) or `detect` (member names of a zip or folder) and builds the
first match as `cls(archive, media_store)`. `LIVE_SOURCES` lists the platforms read through their
API; each names its `[[accounts]]` settings class, which the config builds by the table's
`platform` key (`live_source_for`).

Both lists are checked at import: every member is complete (kind, platform, format hint or
settings class), kinds and live platforms are unique, and every `Platform` has its protocol
section, so an incomplete addition fails at once instead of in the middle of an audit.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from auditor.errors import ConfigError, SourceError
from auditor.media_store import MediaStore
from auditor.models import Platform
from auditor.rules.base import SECTION_BY_PLATFORM
from auditor.sources.accounts import AccountSettings
from auditor.sources.api import ApiSource
from auditor.sources.archive import ArchiveReader
from auditor.sources.base import ArchiveSource, Source
from auditor.sources.facebook_export import FacebookExportSource
from auditor.sources.facebook_graph import FacebookGraphSource
from auditor.sources.other_platforms import InstagramExportSource, LinkedInExportSource
from auditor.sources.twitter_archive import TwitterArchiveSource
from auditor.sources.whatsapp_export import WhatsAppExportSource
from auditor.sources.x_api import XApiSource

ARCHIVE_SOURCES: tuple[type[ArchiveSource], ...] = (
    TwitterArchiveSource,
    FacebookExportSource,
    WhatsAppExportSource,
    InstagramExportSource,
    LinkedInExportSource,
)

LIVE_SOURCES: tuple[type[ApiSource], ...] = (
    FacebookGraphSource,
    XApiSource,
)


class RegistryError(TypeError):
    """A registered source is incomplete: a programming error, raised at import."""


def check_registries(
    archive: tuple[type[ArchiveSource], ...], live: tuple[type[ApiSource], ...]
) -> None:
    """Raise RegistryError naming the first incomplete member (also used by the tests)."""
    missing = [p.value for p in Platform if p not in SECTION_BY_PLATFORM]
    if missing:
        raise RegistryError(
            f"Platform {missing[0]!r} has no protocol section in rules.base.SECTION_BY_PLATFORM"
        )
    kinds: set[str] = set()
    for cls in (*archive, *live):
        name = cls.__name__
        if inspect.isabstract(cls):
            raise RegistryError(f"{name} does not implement {sorted(cls.__abstractmethods__)}")
        if not getattr(cls, "kind", ""):
            raise RegistryError(f"{name} has no kind")
        if cls.kind in kinds:
            raise RegistryError(f"{name}: kind {cls.kind!r} is registered twice")
        kinds.add(cls.kind)
        if not isinstance(getattr(cls, "platform", None), Platform):
            raise RegistryError(f"{name} has no platform")
    for cls in archive:
        if not getattr(cls, "format_hint", ""):
            raise RegistryError(f"{cls.__name__} has no format_hint for the error message")
    platforms: set[str] = set()
    for cls in live:
        settings = getattr(cls, "settings", None)
        if not (isinstance(settings, type) and issubclass(settings, AccountSettings)):
            raise RegistryError(f"{cls.__name__}.settings is not an AccountSettings subclass")
        if not getattr(cls, "token_name", ""):
            raise RegistryError(f"{cls.__name__} has no token_name")
        if cls.platform.value in platforms:
            raise RegistryError(f"{cls.__name__}: platform {cls.platform.value!r} twice")
        platforms.add(cls.platform.value)


check_registries(ARCHIVE_SOURCES, LIVE_SOURCES)

SOURCES: dict[str, type[Source]] = {cls.kind: cls for cls in (*ARCHIVE_SOURCES, *LIVE_SOURCES)}
LIVE_BY_PLATFORM: dict[str, type[ApiSource]] = {cls.platform.value: cls for cls in LIVE_SOURCES}


def live_source_for(platform: str, where: str) -> type[ApiSource]:
    """The live source of a `[[accounts]]` platform, or a ConfigError naming the key."""
    found = LIVE_BY_PLATFORM.get(platform)
    if found is None:
        names = list(LIVE_BY_PLATFORM)
        choice = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        raise ConfigError(f"{where}.platform: use {choice}")
    return found


def live_source_of(account: AccountSettings) -> type[ApiSource]:
    """The live source that reads a configured account."""
    return LIVE_BY_PLATFORM[account.platform]


def _not_recognised() -> str:
    hints = [cls.format_hint for cls in ARCHIVE_SOURCES]
    listed = ", ".join(hints[:-1]) + " or " + hints[-1] if len(hints) > 1 else hints[0]
    return f"not {listed}"


def open_archive_source(path: Path, media_store: MediaStore | None = None) -> ArchiveSource:
    """Open an export (zip, folder, or a single file such as a WhatsApp chat .txt) as the
    right `ArchiveSource`.

    `media_store` None means "do not copy media" (`--no-images`): media are still listed, without
    a local path. Raises SourceError naming the file when the path is unreadable, unsafe (zip-slip,
    zip bomb), an HTML Facebook export, or no registered format.
    """
    path = Path(path)
    if path.is_file():
        for cls in ARCHIVE_SOURCES:
            if cls.detect_file(path):
                return cls(path, media_store)
    reader = ArchiveReader(path)
    try:
        for cls in ARCHIVE_SOURCES:
            if cls.detect(reader):
                return cls(reader, media_store)
    except BaseException:
        reader.close()
        raise
    reader.close()
    raise SourceError(str(path), _not_recognised())
