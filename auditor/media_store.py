"""Content-addressed store for media bytes: `<root>/<sha[:2]>/<sha><suffix>`.

The same photo imported twice (or from an archive and the API) is stored and analysed once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 16


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
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".part")
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
                final.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(tmp_name, final)
            return sha, final
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise
