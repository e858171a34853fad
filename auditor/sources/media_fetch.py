"""Post media of the live sources: downloaded into the content-addressed store, or recorded by
URL only (`--no-images`, or when a download fails)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, cast
from urllib.parse import urlsplit

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import Media, MediaKind
from auditor.sources.http import HttpClient

if TYPE_CHECKING:
    import requests  # imported where a request is made: start-up of every command

MEDIA_TYPES = ("image/", "video/")
CONTENT_SUFFIX = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
}
CHUNK = 1 << 16


class _IterReader:
    """A file-like `read(n)` over `response.iter_content`, for `MediaStore.put`."""

    def __init__(self, response: requests.Response) -> None:
        self._chunks = response.iter_content(CHUNK)
        self._buf = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buf) < size:
            try:
                self._buf += next(self._chunks)
            except StopIteration:
                break
        if size < 0:
            out, self._buf = self._buf, b""
        else:
            out, self._buf = self._buf[:size], self._buf[size:]
        return out


KnownMedia = Callable[[str, str], "tuple[str, str] | None"]


def media_name(url: str) -> str:
    """The file name in a media URL (query string dropped)."""
    return PurePosixPath(urlsplit(url).path).name or "media"


class MediaFetcher:
    """Downloads post media into the content-addressed store, or records URLs only.

    `store` None means `--no-images`: nothing is downloaded. `known(url, name)` may return the
    `(sha256, path)` of a copy already stored under that URL or file name: it is reused without a
    download. A download that fails (timeout, HTTP error, wrong content type, larger than
    `max_bytes`) gives a Media with its URL only and a warning; it never fails the account.
    """

    def __init__(
        self,
        client: HttpClient,
        store: MediaStore | None,
        *,
        max_bytes: int,
        known: KnownMedia | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.max_bytes = max_bytes
        self.known = known
        self.warnings: list[str] = []
        self.downloaded = 0
        self.reused = 0

    def fetch(self, kind: MediaKind, url: str, name: str | None = None) -> Media:
        name = name or media_name(url)
        if self.store is None:
            return Media(kind=kind, name=name, url=url)
        import requests

        if self.known is not None:
            found = self.known(url, name)
            if found is not None:
                known_sha, known_path = found
                self.reused += 1
                return Media(kind=kind, name=name, url=url, sha256=known_sha, path=Path(known_path))
        try:
            with self.client.download(url) as response:
                ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
                if not ctype.startswith(MEDIA_TYPES):
                    raise ValueError(f"content type {ctype or 'missing'}, not an image or video")
                length = response.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    raise ValueError(f"{length} bytes, larger than media_max_bytes")
                suffix = PurePosixPath(name).suffix or CONTENT_SUFFIX.get(ctype, "")
                store = MediaStore(self.store.root, min(self.store.max_bytes, self.max_bytes))
                reader = cast(BinaryIO, _IterReader(response))  # read(n) is all put() uses
                sha, path = store.put(reader, suffix)
        except (SourceError, ValueError, OSError, requests.RequestException) as exc:
            self.warnings.append(
                self.client.redact(f"media {name} not downloaded ({exc}); recorded by URL only")
            )
            return Media(kind=kind, name=name, url=url)
        self.downloaded += 1
        return Media(kind=kind, name=name, url=url, sha256=sha, path=path)
