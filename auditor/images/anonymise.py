"""Write a copy of a photo or video with every detected face strongly blurred or pixelated."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

import cv2
import numpy as np

from auditor.images.analyse import analyse_image, detect_boxes
from auditor.images.frames import VIDEO_SUFFIXES, ImageError, read_image
from auditor.images.settings import ImageSettings

STYLES = ("blur", "pixelate")
RECHECKS = 2
MIN_BLOCK = 10  # pixels: a mosaic of "8 blocks per face" hardly changes a 20 px face
DETECT_EVERY = 3  # video frames: faces are detected on every 3rd frame ...
MOTION_PADDING = 0.25  # ... and the boxes of the detections either side, grown by this much
# more, cover the frames between (a face moves little in a tenth of a second)
VIDEO_CODECS = {".mp4": "mp4v", ".m4v": "mp4v", ".mov": "mp4v", ".avi": "MJPG", ".mkv": "mp4v"}


def anonymise_file(src: Path, dst: Path, settings: ImageSettings) -> int:
    """Write `dst`: `src` with every detected face (recognisable or not) treated; count them.

    Faces are found from `anonymise_score_threshold` (lower than the audit's threshold: when in
    doubt, blur), boxes grow by `anonymise_padding`, and `anonymise_style` picks blur or mosaic.
    Raises ImageError naming the file when `src` cannot be read or `dst` cannot be written.
    """
    if settings.anonymise_style not in STYLES:
        raise ImageError(
            f"[images] anonymise_style: {settings.anonymise_style!r} is not one of {STYLES}"
        )
    if src.suffix.lower() in VIDEO_SUFFIXES:
        return anonymise_video(src, dst, settings)
    image = read_image(src)
    boxes = detect_boxes(image, settings, settings.anonymise_score_threshold)
    for box in boxes:
        treat_face(image, box, settings)
    treated = len(boxes)
    # A mosaic can make the detector see a new "face" beside the old one: check the copy the
    # way the audit will, and treat whatever still counts as recognisable.
    for _ in range(RECHECKS):
        left = [b for b in analyse_image(image, settings) if b.recognisable]
        if not left:
            break
        for face in left:
            treat_face(image, (face.x, face.y, face.w, face.h), settings)
        treated += len(left)
    _write_image(dst, image)
    return treated


def anonymise_video(src: Path, dst: Path, settings: ImageSettings) -> int:
    """Write `dst`: every frame of the video `src` with its faces treated; count the boxes.

    Faces are detected on every `DETECT_EVERY`-th frame; each frame is treated with the boxes
    of the detections before and after it, grown by `MOTION_PADDING`, so a face moving between
    two detections stays covered. The copy keeps the frame rate and size; sound is dropped.
    Writes .mp4/.m4v/.mov/.mkv (MPEG-4) and .avi (MJPEG); raises ImageError naming the file
    when the video cannot be read or the copy cannot be written.
    """
    codec = VIDEO_CODECS.get(dst.suffix.lower())
    if codec is None:
        raise ImageError(f"{dst}: videos are written as {', '.join(sorted(VIDEO_CODECS))}")
    capture = cv2.VideoCapture(str(src))
    if not capture.isOpened():
        raise ImageError(f"{src}: not a readable video (corrupt or unsupported format)")
    fps = capture.get(cv2.CAP_PROP_FPS)
    fps = fps if 0 < fps < 1000 else 25.0
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.stem}.part{dst.suffix}")
    writer: cv2.VideoWriter | None = None
    treated = 0
    previous: list[tuple[int, int, int, int]] = []
    waiting: list[np.ndarray] = []
    wider = dataclasses.replace(
        settings, anonymise_padding=settings.anonymise_padding + MOTION_PADDING
    )
    try:
        while True:
            ok, frame = capture.read()
            if ok and frame is not None:
                waiting.append(frame)
            if waiting and (len(waiting) == DETECT_EVERY or not ok):
                boxes = detect_boxes(waiting[-1], settings, settings.anonymise_score_threshold)
                treated += len(boxes)
                if writer is None:
                    height, width = waiting[0].shape[:2]
                    writer = cv2.VideoWriter(
                        str(tmp), cv2.VideoWriter.fourcc(*codec), fps, (width, height)
                    )
                    if not writer.isOpened():
                        raise ImageError(f"{dst}: cannot write this video type ({dst.suffix})")
                for pending in waiting:
                    for box in previous + boxes:
                        treat_face(pending, box, wider)
                    writer.write(pending)
                previous, waiting = boxes, []
            if not ok:
                break
    finally:
        capture.release()
        if writer is not None:
            writer.release()
    if writer is None:
        tmp.unlink(missing_ok=True)
        raise ImageError(f"{src}: not a readable video (no frames)")
    try:
        os.replace(tmp, dst)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ImageError(f"{dst}: cannot be written ({exc.strerror or exc})") from exc
    return treated


def treat_face(image: np.ndarray, box: tuple[int, int, int, int], settings: ImageSettings) -> None:
    """Blur or pixelate one padded face box in place."""
    height, width = image.shape[:2]
    x, y, w, h = box
    pad_x, pad_y = w * settings.anonymise_padding, h * settings.anonymise_padding
    x0, y0 = max(0, int(x - pad_x)), max(0, int(y - pad_y))
    x1, y1 = min(width, int(x + w + pad_x + 1)), min(height, int(y + h + pad_y + 1))
    if x1 <= x0 or y1 <= y0:
        return
    roi = image[y0:y1, x0:x1]
    longest = max(x1 - x0, y1 - y0)
    if settings.anonymise_style == "pixelate":
        block = max(longest / 8, MIN_BLOCK)
        cells = (max(1, round((x1 - x0) / block)), max(1, round((y1 - y0) / block)))
        coarse = cv2.resize(roi, cells, interpolation=cv2.INTER_AREA)
        roi[:] = cv2.resize(coarse, (x1 - x0, y1 - y0), interpolation=cv2.INTER_NEAREST)
    else:
        sigma = max(longest / 6, 3.0)
        roi[:] = cv2.GaussianBlur(roi, (0, 0), sigmaX=sigma, borderType=cv2.BORDER_REPLICATE)


def _write_image(dst: Path, image: np.ndarray) -> None:
    suffix = dst.suffix.lower() or ".jpg"
    params = [cv2.IMWRITE_JPEG_QUALITY, 90] if suffix in (".jpg", ".jpeg") else []
    try:
        ok, encoded = cv2.imencode(suffix, image, params)
    except cv2.error:
        ok, encoded = False, None
    if not ok or encoded is None:
        raise ImageError(f"{dst}: cannot write this image type ({suffix})")
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dst.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(encoded.tobytes())
            os.replace(tmp, dst)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ImageError(f"{dst}: cannot be written ({exc.strerror or exc})") from exc
