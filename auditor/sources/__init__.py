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
from auditor.sources.other_platforms import InstagramExportSource, LinkedInExportSource
from auditor.sources.twitter_archive import TwitterArchiveSource
from auditor.sources.whatsapp_export import WhatsAppExportSource

SOURCES: dict[str, type[Source]] = {
    TwitterArchiveSource.kind: TwitterArchiveSource,
    FacebookExportSource.kind: FacebookExportSource,
    WhatsAppExportSource.kind: WhatsAppExportSource,
    InstagramExportSource.kind: InstagramExportSource,
    LinkedInExportSource.kind: LinkedInExportSource,
}

ARCHIVE_DETECTORS: dict[str, Callable[[ArchiveReader], bool]] = {
    TwitterArchiveSource.kind: TwitterArchiveSource.detect,
    FacebookExportSource.kind: FacebookExportSource.detect,
    WhatsAppExportSource.kind: WhatsAppExportSource.detect,
    InstagramExportSource.kind: InstagramExportSource.detect,
    LinkedInExportSource.kind: LinkedInExportSource.detect,
}


def open_archive_source(path: Path, media_store: MediaStore | None = None) -> Source:
    """Open an export (zip, folder, or a WhatsApp chat .txt) as the right `Source`.

    Recognised: Twitter/X archive, Facebook JSON export, WhatsApp chat export, Instagram and
    LinkedIn exports (the last two only to report that the school posts there: article 4).

    `media_store` None means "do not copy media" (`--no-images`): media are still listed, without
    a local path. Raises SourceError naming the file when the path is unreadable, unsafe (zip-slip,
    zip bomb), an HTML Facebook export, or neither format.
    """
    if Path(path).is_file() and WhatsAppExportSource.detect_file(Path(path)):
        return WhatsAppExportSource(Path(path), media_store)
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
        "not a Twitter/X archive (data/tweets.js), a Facebook JSON export (your_posts*.json), "
        "a WhatsApp chat export (_chat.txt) or an Instagram/LinkedIn export",
    )
