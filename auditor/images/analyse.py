"""Does a photo or video show a recognisable face? Detection plus per-face recognisability."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path

import cv2
import numpy as np

from auditor.images import quality
from auditor.images.detector import Detection, detect
from auditor.images.frames import ImageError, read_frames
from auditor.images.settings import ImageSettings
from auditor.models import FaceBox, ImageAnalysis, Media

# Bump when the detector, its decoding or the recognisability logic changes: cached analyses
# keyed on an older version are then redone.
DETECTOR_VERSION = "centerface-2023/recog-1"

RECOGNISABLE = "herkenbaar"


def cache_version(settings: ImageSettings) -> str:
    """DETECTOR_VERSION plus a digest of the thresholds: a cache key that also notices config."""
    digest = hashlib.sha256(repr(astuple(settings)).encode()).hexdigest()[:8]
    return f"{DETECTOR_VERSION}+{digest}"


def analyse_file(path: Path, settings: ImageSettings) -> ImageAnalysis:
    """Count the faces and recognisable faces in a photo, video or GIF.

    Never raises for bad input: an unreadable, empty or unsupported file gives
    `ImageAnalysis(status="failed", error=...)`. For videos the sampled frame with the most
    recognisable faces is reported (`frames` says how many were looked at).
    """
    try:
        frames = read_frames(path, settings)
    except ImageError as exc:
        return ImageAnalysis(status="failed", error=_short_error(str(exc), path))
    except (cv2.error, MemoryError, ValueError) as exc:
        return ImageAnalysis(status="failed", error=f"cannot be decoded ({type(exc).__name__})")
    best: tuple[FaceBox, ...] = ()
    try:
        for frame in frames:
            boxes = analyse_image(frame, settings)
            if _rank(boxes) > _rank(best):
                best = boxes
    except (cv2.error, MemoryError) as exc:
        return ImageAnalysis(status="failed", error=f"analysis failed ({type(exc).__name__})")
    return ImageAnalysis(
        status="analysed",
        faces=len(best),
        recognisable=sum(box.recognisable for box in best),
        boxes=best,
        frames=len(frames),
    )


def analyse_image(image: np.ndarray, settings: ImageSettings) -> tuple[FaceBox, ...]:
    """Every face in a BGR image, boxes in its own pixels, each with a verdict and a reason."""
    small, scale = fit(image, settings.max_side)
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    image_sharpness = quality.laplacian_variance(grey)
    boxes = []
    for found in detect(small, settings.score_threshold):
        signals = quality.measure(
            grey, image_sharpness, (found.x, found.y, found.w, found.h), 1 / scale
        )
        reason = judge(signals, settings)
        boxes.append(_face_box(found, scale, image.shape, reason == RECOGNISABLE, reason))
    return tuple(boxes)


def judge(signals: quality.FaceSignals, settings: ImageSettings) -> str:
    """The verdict on one face: "herkenbaar" or why it is not (short, Dutch)."""
    if signals.size < settings.min_face_px:
        return f"te klein ({signals.size:.0f} px)"
    if (
        signals.sharpness < settings.min_sharpness
        or signals.sharpness_ratio < settings.min_sharpness_ratio
    ):
        return "onscherp gemaakt"
    if signals.grid_share > settings.max_grid_share:
        return "gepixeld"
    if signals.flat_share > settings.max_flat_share:
        return "afgedekt (sticker of tekening)"
    return RECOGNISABLE


def fit(image: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """The image scaled down to `max_side` on its long side, and the factor used (<= 1)."""
    height, width = image.shape[:2]
    scale = min(1.0, max_side / max(height, width)) if max_side > 0 else 1.0
    if scale >= 1.0:
        return image, 1.0
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), scale


def detect_boxes(
    image: np.ndarray, settings: ImageSettings, min_score: float
) -> list[tuple[int, int, int, int]]:
    """Face boxes (x, y, w, h) in the image's own pixels, detected at analysis resolution."""
    small, scale = fit(image, settings.max_side)
    boxes = []
    for found in detect(small, min_score):
        box = _face_box(found, scale, image.shape, False, "")
        boxes.append((box.x, box.y, box.w, box.h))
    return boxes


def _face_box(
    found: Detection, scale: float, shape: tuple[int, ...], recognisable: bool, reason: str
) -> FaceBox:
    height, width = shape[:2]
    x0 = int(np.clip(round(found.x / scale), 0, width - 1))
    y0 = int(np.clip(round(found.y / scale), 0, height - 1))
    x1 = int(np.clip(round((found.x + found.w) / scale), x0 + 1, width))
    y1 = int(np.clip(round((found.y + found.h) / scale), y0 + 1, height))
    return FaceBox(
        x=x0,
        y=y0,
        w=x1 - x0,
        h=y1 - y0,
        score=round(found.score, 3),
        recognisable=recognisable,
        reason=reason,
    )


def _rank(boxes: tuple[FaceBox, ...]) -> tuple[int, int]:
    return sum(box.recognisable for box in boxes), len(boxes)


def _short_error(message: str, path: Path) -> str:
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


MediaAnalyser = Callable[[Media], ImageAnalysis]


def media_analyser(settings: ImageSettings) -> tuple[MediaAnalyser, str]:
    """What the audit pipeline calls per media file, and the version its cache is keyed on."""

    def analyse(media: Media) -> ImageAnalysis:
        assert media.path is not None  # the pipeline analyses stored copies only
        return analyse_file(media.path, settings)

    return analyse, cache_version(settings)
