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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from auditor.errors import ConfigError, SourceError
from auditor.media_store import MediaStore
from auditor.models import Platform
from auditor.rules.base import SECTION_BY_PLATFORM
from auditor.sources.accounts import AccountSettings
from auditor.sources.api import ApiSource
from auditor.sources.archive import ArchiveReader, ArchiveSet
from auditor.sources.base import ArchiveSource, Source
from auditor.sources.facebook_export import FacebookExportSource
from auditor.sources.facebook_graph import FacebookGraphSource
from auditor.sources.other_platforms import (
    InstagramExportSource,
    LinkedInExportSource,
    TikTokExportSource,
)
from auditor.sources.twitter_archive import TwitterArchiveSource
from auditor.sources.whatsapp_export import WhatsAppExportSource
from auditor.sources.x_api import XApiSource

ARCHIVE_SOURCES: tuple[type[ArchiveSource], ...] = (
    TwitterArchiveSource,
    FacebookExportSource,
    WhatsAppExportSource,
    InstagramExportSource,
    LinkedInExportSource,
    TikTokExportSource,
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


def _recognised(reader: ArchiveReader) -> type[ArchiveSource] | None:
    return next((cls for cls in ARCHIVE_SOURCES if cls.detect(reader)), None)


def expand_archive_paths(paths: Sequence[Path]) -> list[Path]:
    """`--archive` paths with every folder that is no export itself but holds zips replaced by
    those zips (the parts of a split export saved side by side)."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            zips = sorted(p for p in path.iterdir() if p.suffix.lower() == ".zip" and p.is_file())
            if zips:
                with ArchiveReader(path) as reader:
                    if _recognised(reader) is None:
                        out.extend(zips)
                        continue
        out.append(path)
    return out


def archive_groups(paths: Sequence[Path]) -> list[list[Path]]:
    """The exports among `paths`, each as the files it arrived in, in the order given.

    A Facebook export split over several zips is one export: the zips that are a Facebook export
    or no export on their own (a part holding only media) are grouped when at least one is a
    Facebook export and no data file (.json) is in two of them; two whole exports (each with
    its own posts files) stay two. Everything else is its own export. Unreadable paths are
    left alone here: opening them reports the error.
    """
    paths = expand_archive_paths(paths)
    candidates: list[tuple[Path, bool, set[str]]] = []
    for path in paths:
        if not path.is_file() or path.suffix.lower() != ".zip":
            continue
        try:
            with ArchiveReader(path) as reader:
                found = _recognised(reader)
                data = {n for n in reader.names() if n.lower().endswith(".json")}
        except SourceError:
            continue
        if found is None or found is FacebookExportSource:
            candidates.append((path, found is FacebookExportSource, data))
    seen: set[str] = set()
    overlap = False
    for _path, _is_fb, data in candidates:
        overlap = overlap or bool(seen & data)
        seen |= data
    parts = [path for path, _, _ in candidates]
    if len(parts) < 2 or overlap or not any(is_fb for _, is_fb, _ in candidates):
        return [[path] for path in paths]
    groups: list[list[Path]] = []
    for path in paths:
        if path in parts:
            if path == parts[0]:
                groups.append(parts)
        else:
            groups.append([path])
    return groups


def open_archive_source(
    path: Path | Sequence[Path], media_store: MediaStore | None = None, config: Any = None
) -> ArchiveSource:
    """Open an export (zip, folder, or a single file such as a WhatsApp chat .txt) as the
    right `ArchiveSource`; a list of paths is one export split over several zips.

    `media_store` None means "do not copy media" (`--no-images`): media are still listed, without
    a local path. `config` (the `Config`) gives each format its own settings (`options`), such
    as the WhatsApp staff and work groups. Raises SourceError naming the file when the path is
    unreadable, unsafe (zip-slip, zip bomb), an HTML Facebook export, or no registered format.
    """
    if not isinstance(path, str | Path):
        parts = [Path(p) for p in path]
        if len(parts) > 1:
            readers = _open_parts(parts)
            try:
                archive = ArchiveSet(readers)
            except BaseException:
                for reader in readers:
                    reader.close()
                raise
            return _open_reader(archive, archive.where, media_store, config)
        path = parts[0]
    path = Path(path)
    if path.is_file():
        for cls in ARCHIVE_SOURCES:
            if cls.detect_file(path):
                return cls(path, media_store, **_options(cls, config))
    return _open_reader(ArchiveReader(path), str(path), media_store, config)


def _options(cls: type[ArchiveSource], config: Any) -> dict[str, Any]:
    """The keyword arguments a format takes from the config (none without a config)."""
    return cls.options(config) if config is not None else {}


def _open_parts(paths: list[Path]) -> list[ArchiveReader]:
    readers: list[ArchiveReader] = []
    try:
        readers.extend(ArchiveReader(path) for path in paths)  # kept as they open
    except BaseException:
        for reader in readers:
            reader.close()
        raise
    return readers


def _open_reader(
    reader: ArchiveReader, where: str, media_store: MediaStore | None = None, config: Any = None
) -> ArchiveSource:
    try:
        for cls in ARCHIVE_SOURCES:
            if cls.detect(reader):
                return cls(reader, media_store, **_options(cls, config))
    except BaseException:
        reader.close()
        raise
    reader.close()
    raise SourceError(where, _not_recognised())
