"""Source registry and archive format detection.

`SOURCES` maps a source kind to its class. `ARCHIVE_DETECTORS` maps the kinds that read an export
(zip or folder) to a `detect(reader) -> bool` that looks at member names only; they are tried in
order, and the first match's class is built as `cls(reader, media_store)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.sources.archive import ArchiveReader
from auditor.sources.base import Source
from auditor.sources.facebook_export import FacebookExportSource
from auditor.sources.twitter_archive import TwitterArchiveSource

SOURCES: dict[str, type[Source]] = {
    TwitterArchiveSource.kind: TwitterArchiveSource,
    FacebookExportSource.kind: FacebookExportSource,
}

ARCHIVE_DETECTORS: dict[str, Callable[[ArchiveReader], bool]] = {
    TwitterArchiveSource.kind: TwitterArchiveSource.detect,
    FacebookExportSource.kind: FacebookExportSource.detect,
}


def open_archive_source(path: Path, media_store: MediaStore | None = None) -> Source:
    """Open a Twitter/X archive or a Facebook JSON export (zip or folder) as the right `Source`.

    `media_store` None means "do not copy media" (`--no-images`): media are still listed, without
    a local path. Raises SourceError naming the file when the path is unreadable, unsafe (zip-slip,
    zip bomb), an HTML Facebook export, or neither format.
    """
    reader = ArchiveReader(Path(path))
    try:
        for kind, detect in ARCHIVE_DETECTORS.items():
            if detect(reader):
                source_class: Any = SOURCES[kind]
                source: Source = source_class(reader, media_store)
                return source
    except BaseException:
        reader.close()
        raise
    reader.close()
    raise SourceError(
        str(path),
        "not a Twitter/X archive (data/tweets.js) or a Facebook JSON export (your_posts*.json)",
    )
