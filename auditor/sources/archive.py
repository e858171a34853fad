"""A safe, read-only view of an export: a `.zip` file or an already-unpacked folder.

Both the X/Twitter archive and the Facebook export sources read through `ArchiveReader`, so the
safety checks live in one place:

- member names are normalised to `/` separators; an absolute name, a drive letter or a `..`
  component (zip-slip) refuses the whole archive, naming the member;
- a zip bomb is refused before anything is decompressed: too many members, too much declared
  uncompressed data in total or in one member, or a member whose compression ratio is absurd
  (`zipfile` never inflates past a member's declared size, so the declared sizes are a real cap);
- a 0-byte file, a file that is not a zip, a truncated zip and an unreadable path each raise
  `SourceError` with one line naming the file.

Nothing is ever extracted to disk: members are streamed (media go to the `MediaStore`).
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import Media

GiB = 1024**3
MiB = 1024**2

# Settings-level caps. Real exports: X archives reach a few GB with video; the JSON/JS data files
# compress 5-20x; photos and videos hardly compress at all.
MAX_MEMBERS = 1_000_000
MAX_TOTAL_UNCOMPRESSED_BYTES = 32 * GiB
MAX_MEMBER_UNCOMPRESSED_BYTES = 8 * GiB
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1 * MiB  # tiny files can compress absurdly well and harm nobody
MAX_JSON_FILE_BYTES = 512 * MiB  # a data file that is loaded whole (Facebook JSON, account.js)

_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class ArchiveLimits:
    """Zip-bomb and size caps; the defaults are the module constants above."""

    max_members: int = MAX_MEMBERS
    max_total_bytes: int = MAX_TOTAL_UNCOMPRESSED_BYTES
    max_member_bytes: int = MAX_MEMBER_UNCOMPRESSED_BYTES
    max_ratio: float = MAX_COMPRESSION_RATIO
    ratio_check_min_bytes: int = RATIO_CHECK_MIN_BYTES
    max_json_bytes: int = MAX_JSON_FILE_BYTES


DEFAULT_LIMITS = ArchiveLimits()


def normalise_member_name(raw: str) -> str:
    """Return `raw` with `/` separators and no `.` parts; raise ValueError when it is unsafe."""
    name = raw.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise ValueError("absolute path in archive")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ValueError("'..' in member path (zip-slip)")
    return "/".join(parts)


def _zip_member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name: zips without the UTF-8 flag are decoded by Python as cp437."""
    name = info.filename
    if not info.flag_bits & _UTF8_FLAG and not name.isascii():
        try:
            return name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return name
    return name


def segments_match(name: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """True when the last len(patterns) path segments of `name` fullmatch `patterns` in order."""
    parts = name.split("/")
    if len(parts) < len(patterns):
        return False
    tail = parts[len(parts) - len(patterns) :]
    return all(p.fullmatch(seg) for p, seg in zip(patterns, tail, strict=True))


class _GuardedStream(io.RawIOBase):
    """Wraps a member stream so damaged data raises SourceError naming the member."""

    def __init__(self, inner: IO[bytes], where: str) -> None:
        super().__init__()
        self._inner = inner
        self._where = where

    def readable(self) -> bool:
        return True

    # typeshed types the buffer as WriteableBuffer (a Buffer protocol) that cannot be slice-assigned
    # as the inner stream's readinto needs; BufferedReader only ever passes a memoryview
    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise SourceError(self._where, f"damaged data in archive ({exc})") from exc
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            super().close()


class ArchiveReader:
    """Read-only access to the members of a zip file or an unpacked export folder.

    Member names are relative, `/`-separated and safe. Use `find()` to locate files by name
    pattern (matched on whole path segments), `open()` to stream one, `read_text()` for small
    text files. Close it (or use it as a context manager) to release the zip file.
    """

    def __init__(self, path: Path, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.limits = limits
        self.where = str(self.path)
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, zipfile.ZipInfo | Path] = {}
        try:
            st = self.path.stat()
        except FileNotFoundError:
            raise SourceError(self.where, "no such file or folder") from None
        except OSError as exc:
            raise SourceError(self.where, f"cannot read ({exc.strerror or exc})") from exc
        if stat.S_ISDIR(st.st_mode):
            self._index_folder()
        elif stat.S_ISREG(st.st_mode):
            if st.st_size == 0:
                raise SourceError(self.where, "empty file (0 bytes), not an export")
            self._index_zip()
        else:
            raise SourceError(self.where, "not a zip file or folder")

    # -- construction -------------------------------------------------------------------

    def _index_zip(self) -> None:
        try:
            zf = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile:
            raise SourceError(self.where, "not a zip file, or the zip is truncated") from None
        except OSError as exc:
            raise SourceError(self.where, f"cannot read ({exc.strerror or exc})") from exc
        self._zip = zf
        try:
            infos = zf.infolist()
            if len(infos) > self.limits.max_members:
                raise SourceError(self.where, f"more than {self.limits.max_members} files in zip")
            total = 0
            for info in infos:
                raw_name = _zip_member_name(info)
                try:
                    name = normalise_member_name(raw_name)
                except ValueError as exc:
                    raise SourceError(f"{self.where}: {raw_name}", f"refused: {exc}") from None
                if info.is_dir() or not name:
                    continue
                if name in self._members:
                    raise SourceError(
                        f"{self.where}: {name}",
                        "refused: the zip holds two files with this name, so which one is the "
                        "export cannot be told",
                    )
                self._check_bomb(info, name)
                total += info.file_size
                if total > self.limits.max_total_bytes:
                    raise SourceError(
                        self.where,
                        f"refused: more than {self.limits.max_total_bytes} bytes uncompressed "
                        "(zip bomb?)",
                    )
                self._members[name] = info
        except BaseException:
            zf.close()
            self._zip = None
            raise

    def _check_bomb(self, info: zipfile.ZipInfo, name: str) -> None:
        lim = self.limits
        where = f"{self.where}: {name}"
        if info.file_size > lim.max_member_bytes:
            raise SourceError(where, f"refused: larger than {lim.max_member_bytes} bytes")
        if info.file_size >= lim.ratio_check_min_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > lim.max_ratio:
                raise SourceError(
                    where, f"refused: compression ratio {ratio:.0f}:1 is too high (zip bomb?)"
                )

    def _index_folder(self) -> None:
        root = self.path.resolve()
        count = 0
        try:
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames.sort()
                for fname in sorted(filenames):
                    full = Path(dirpath) / fname
                    rel = full.relative_to(root).as_posix()
                    if full.is_symlink():
                        target = full.resolve()
                        if not target.is_relative_to(root):
                            raise SourceError(
                                f"{self.where}: {rel}", "refused: link points outside the folder"
                            )
                    count += 1
                    if count > self.limits.max_members:
                        raise SourceError(self.where, f"more than {self.limits.max_members} files")
                    self._members[rel] = full
        except OSError as exc:
            raise SourceError(self.where, f"cannot read folder ({exc.strerror or exc})") from exc

    # -- queries ------------------------------------------------------------------------

    @property
    def is_zip(self) -> bool:
        return self._zip is not None

    @property
    def display_name(self) -> str:
        """The export's own name: the zip's stem or the folder name."""
        return self.path.stem if self.is_zip else self.path.name

    def names(self) -> list[str]:
        """All file members, `/`-separated, in archive order (folders: sorted)."""
        return list(self._members)

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def find(self, *segment_patterns: str) -> list[str]:
        """Members whose last path segments fullmatch the given regexes, in order.

        `find(r"tweets_media", r"\\d+-.+")` finds `data/tweets_media/1-a.jpg` but not
        `data/deleted_tweets_media/1-a.jpg`; `find(r"tweets\\.js")` matches the base name only.
        """
        patterns = tuple(re.compile(p, re.IGNORECASE) for p in segment_patterns)
        return [n for n in self._members if segments_match(n, patterns)]

    def under(self, folder: str) -> list[str]:
        """Members inside a folder with exactly this segment name (at any depth)."""
        return [n for n in self._members if folder in n.split("/")[:-1]]

    def size(self, name: str) -> int:
        member = self._member(name)
        if isinstance(member, zipfile.ZipInfo):
            return member.file_size
        try:
            return member.stat().st_size
        except OSError as exc:
            raise SourceError(self.member_where(name), f"cannot read ({exc})") from exc

    def stamp(self, name: str) -> str:
        """What tells a changed member from the same one without reading it: a zip member's
        CRC-32 and size, a file's size and modification time."""
        member = self._member(name)
        if isinstance(member, zipfile.ZipInfo):
            return f"{member.CRC:08x}:{member.file_size}"
        try:
            st = member.stat()
        except OSError as exc:
            raise SourceError(self.member_where(name), f"cannot read ({exc})") from exc
        return f"{st.st_size}:{st.st_mtime_ns}"

    def member_where(self, name: str) -> str:
        """How to name a member in a message: `<archive>: <member>`."""
        return f"{self.where}: {name}"

    def _member(self, name: str) -> zipfile.ZipInfo | Path:
        try:
            return self._members[name]
        except KeyError:
            raise SourceError(self.member_where(name), "no such file in the archive") from None

    # -- reading ------------------------------------------------------------------------

    def open(self, name: str) -> BinaryIO:
        """Open a member for streaming; read errors raise SourceError naming the member."""
        member = self._member(name)
        where = self.member_where(name)
        try:
            if isinstance(member, zipfile.ZipInfo):
                assert self._zip is not None
                inner: IO[bytes] = self._zip.open(member)
            else:
                inner = member.open("rb")
        except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError) as exc:
            raise SourceError(where, f"cannot open ({exc})") from exc
        return io.BufferedReader(_GuardedStream(inner, where), buffer_size=1 << 16)

    def open_text(self, name: str) -> io.TextIOWrapper:
        """Open a member as UTF-8 text (BOM stripped); decode errors surface as UnicodeError."""
        return io.TextIOWrapper(self.open(name), encoding="utf-8-sig", errors="strict")

    def read_bytes(self, name: str) -> bytes:
        """Read a whole member, refusing one larger than `limits.max_json_bytes`."""
        size = self.size(name)
        if size > self.limits.max_json_bytes:
            raise SourceError(
                self.member_where(name),
                f"refused: {size} bytes is more than the {self.limits.max_json_bytes} allowed",
            )
        with self.open(name) as stream:
            return stream.read()

    def read_text(self, name: str) -> str:
        """Read a whole member as UTF-8 text with the BOM stripped."""
        data = self.read_bytes(name)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(
                self.member_where(name), f"not UTF-8 text (bad byte at offset {exc.start})"
            ) from None

    def iter_members(self) -> Iterator[str]:
        yield from self._members

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ArchiveSet(ArchiveReader):
    """Several zips (or folders) of one export, read as one archive.

    Facebook delivers a large export as several zips with the same folder tree, the posts in
    one and most media in the others. Member names are the union of the parts'; a member is read
    from the part that holds it. Each part passed its own safety checks; the set also keeps to
    the total size cap. Messages name the part a member came from.
    """

    def __init__(self, parts: list[ArchiveReader]) -> None:
        if not parts:
            raise ValueError("an ArchiveSet needs at least one part")
        self.parts = parts
        self.path = parts[0].path
        self.limits = parts[0].limits
        self.where = " + ".join(part.where for part in parts)
        self._zip = None
        self._owner: dict[str, ArchiveReader] = {}
        self._members = {}
        total = 0
        for part in parts:
            for name in part.names():
                if name in self._owner:
                    continue  # the same file in two parts: read the first
                self._owner[name] = part
                self._members[name] = part._members[name]
                total += part.size(name) if part.is_zip else 0
        if total > self.limits.max_total_bytes:
            raise SourceError(
                self.where,
                f"refused: more than {self.limits.max_total_bytes} bytes uncompressed (zip bomb?)",
            )

    @property
    def is_zip(self) -> bool:
        return all(part.is_zip for part in self.parts)

    @property
    def display_name(self) -> str:
        return self.parts[0].display_name

    def _owner_of(self, name: str) -> ArchiveReader:
        try:
            return self._owner[name]
        except KeyError:
            raise SourceError(self.member_where(name), "no such file in the archive") from None

    def size(self, name: str) -> int:
        return self._owner_of(name).size(name)

    def member_where(self, name: str) -> str:
        owner = self._owner.get(name)
        return owner.member_where(name) if owner else f"{self.where}: {name}"

    def open(self, name: str) -> BinaryIO:
        return self._owner_of(name).open(name)

    def close(self) -> None:
        for part in self.parts:
            part.close()


def member_basename(name: str) -> str:
    return PurePosixPath(name).name


def store_member(
    reader: ArchiveReader,
    media_store: MediaStore,
    member: str,
    media: Media,
    warnings: list[str],
) -> Media:
    """`media` with the member's bytes copied into the store (path + sha256).

    A member larger than the store accepts is not copied: a warning names it and the media
    stays without a path (the image pipeline then reports it as not analysed).
    """
    try:
        with reader.open(member) as stream:
            sha, path = media_store.put(stream, PurePosixPath(member).suffix)
    except ValueError as exc:
        warnings.append(f"{reader.member_where(member)}: not stored ({exc})")
        return media
    return dataclasses.replace(media, path=path, sha256=sha)


JSON_TOO_DEEP = "JSON nested too deeply (more than 1,000 levels): not an export file"


def parse_json(text: str, where: str) -> Any:
    """A whole JSON document, or a SourceError naming `where` (never a RecursionError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(where, f"invalid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise SourceError(where, JSON_TOO_DEEP) from None
