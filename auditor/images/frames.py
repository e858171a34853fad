"""Reading photos and sampling video frames with OpenCV: the only file I/O of the photo audit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

from auditor.errors import AuditorError
from auditor.images.settings import ImageSettings

VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".gif", ".webm", ".avi", ".mkv", ".3gp"})
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".jp2", ".pbm", ".pgm", ".ppm"}
)
DEFAULT_FPS = 25.0  # when a container does not say
REDUCED_FLAGS = {
    8: cv2.IMREAD_REDUCED_COLOR_8,
    4: cv2.IMREAD_REDUCED_COLOR_4,
    2: cv2.IMREAD_REDUCED_COLOR_2,
}
SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}

# FFmpeg (inside OpenCV) prints its own complaints about a broken video ("moov atom not
# found") on stderr, beside the one-line error that names the file; read before the first
# capture is opened, and a user's own setting wins
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")


class ImageError(AuditorError):
    """A photo or video that cannot be read or written; the message names the file."""


def is_media_file(path: Path) -> bool:
    """Whether the suffix is one this package reads (photos, videos, GIFs)."""
    return path.suffix.lower() in IMAGE_SUFFIXES | VIDEO_SUFFIXES


def read_image(path: Path) -> np.ndarray:
    """Decode a photo to a BGR uint8 array (EXIF rotation applied); ImageError if unreadable."""
    data = _read_bytes(path)
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None or image.size == 0:
        raise ImageError(f"{path}: not a readable image (corrupt or unsupported format)")
    return image


def read_frames(path: Path, settings: ImageSettings) -> tuple[list[np.ndarray], int]:
    """The frames to analyse (the photo itself, or sampled frames of a video/GIF), and by what
    factor they were decoded smaller than published.

    A JPEG at least twice as large as `max_side` is decoded at 1/2, 1/4 or 1/8 of its size
    (the JPEG decoder skips the detail that the scaling to `max_side` would throw away; EXIF
    orientation is honoured either way). Raises ImageError naming the file when nothing can be
    decoded.
    """
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix not in VIDEO_SUFFIXES:
        reduced = jpeg_reduction(data, settings.max_side)
        buffer = np.frombuffer(data, dtype=np.uint8)
        image = cv2.imdecode(buffer, REDUCED_FLAGS.get(reduced, cv2.IMREAD_COLOR))
        if image is not None and image.size:
            return [image], reduced
        if suffix in IMAGE_SUFFIXES:
            raise ImageError(f"{path}: not a readable image (corrupt or unsupported format)")
    frames = list(_sample_video(path, settings))
    if frames:
        return frames, 1
    if suffix in VIDEO_SUFFIXES:  # a still GIF, say
        image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
        if image is not None and image.size:
            return [image], 1
    raise ImageError(f"{path}: not a readable image or video (corrupt or unsupported format)")


def jpeg_reduction(data: bytes, max_side: int) -> int:
    """1, 2, 4 or 8: how much smaller a JPEG can be decoded and still be >= `max_side` long."""
    size = jpeg_size(data)
    if size is None or max_side <= 0:
        return 1
    long_side = max(size)
    for factor in (8, 4, 2):
        if long_side // factor >= max_side:
            return factor
    return 1


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(height, width) from a JPEG's frame header, without decoding; None if not a JPEG."""
    if data[:2] != b"\xff\xd8":
        return None
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker in SOF_MARKERS:
            height = int.from_bytes(data[pos + 5 : pos + 7], "big")
            width = int.from_bytes(data[pos + 7 : pos + 9], "big")
            return (height, width) if height and width else None
        pos += 2 + length
    return None


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImageError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data:
        raise ImageError(f"{path}: empty file (0 bytes)")
    return data


def _sample_video(path: Path, settings: ImageSettings) -> Iterator[np.ndarray]:
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return
        fps = capture.get(cv2.CAP_PROP_FPS)
        fps = fps if 0 < fps < 1000 else DEFAULT_FPS
        step = max(1, round(fps / max(settings.frames_per_second, 1e-3)))
        limit = max(1, settings.max_frames)
        taken = index = 0
        while taken < limit and index < limit * step + 1:
            if not capture.grab():
                break
            if index % step == 0:
                ok, frame = capture.retrieve()
                if ok and frame is not None and frame.size:
                    taken += 1
                    yield frame if frame.ndim == 3 else cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
            index += 1
    finally:
        capture.release()
