"""Content-addressed store for media bytes: `<root>/<sha[:2]>/<sha><suffix>`.

The same photo imported twice (or from an archive and the API) is stored and analysed once.
Photos of pupils are personal data: the folders are 0700 and the files 0600, whatever the umask.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from auditor.errors import StoreError

CHUNK = 1 << 16


def private_dir(path: Path) -> None:
    """Create `path` (and missing parents) as 0700; tighten it to 0700 when it exists."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)


class MediaStore:
    def __init__(self, root: Path, max_bytes: int = 200 * 1024 * 1024) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def path_for(self, sha256: str, suffix: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix.lower()}"

    def put(self, stream: BinaryIO, suffix: str) -> tuple[str, Path]:
        """Copy `stream` into the store; return its sha256 and stored path.

        Raises ValueError when the stream is larger than `max_bytes` (nothing is kept).
        """
        try:
            return self._put(stream, suffix)
        except OSError as exc:
            raise StoreError(
                f"{exc.filename or self.root}: cannot store a media file "
                f"({'disk full' if exc.errno == errno.ENOSPC else exc.strerror or exc})"
            ) from None

    def _put(self, stream: BinaryIO, suffix: str) -> tuple[str, Path]:
        private_dir(self.root)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".part")  # 0600
        try:
            with os.fdopen(fd, "wb") as tmp:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise ValueError(f"larger than {self.max_bytes} bytes")
                    digest.update(chunk)
                    tmp.write(chunk)
            sha = digest.hexdigest()
            final = self.path_for(sha, suffix)
            if final.exists():
                os.unlink(tmp_name)
            else:
                private_dir(final.parent)
                shutil.move(tmp_name, final)
            return sha, final
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise
