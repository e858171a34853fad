"""Does a photo or video show a recognisable face? Detection plus per-face recognisability."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np

from auditor.images import quality
from auditor.images.detector import Detection, detect, model_name
from auditor.images.frames import ImageError, read_frames
from auditor.images.settings import ImageSettings
from auditor.models import FaceBox, ImageAnalysis, Media

# Bump when the detector, its decoding or the recognisability logic changes: cached analyses
# keyed on an older version are then redone.
DETECTOR_VERSION = "centerface-int8/recog-3"

RECOGNISABLE = "herkenbaar"
BACKGROUND = "achtergrond (rest geanonimiseerd)"
FAR_AWAY = "ver weg (voorbijganger)"
HIDDEN = ("onscherp gemaakt", "gepixeld", "afgedekt (sticker of tekening)")
CONTEXT_SCORE = 0.3  # weaker detections only tell whether other faces were anonymised
MAX_UPSCALE = 4.0
NOT_IN_CACHE_KEY = {"workers"}  # settings that do not change a verdict


def cache_version(settings: ImageSettings) -> str:
    """DETECTOR_VERSION plus a digest of the thresholds and the model file run: a cache key that
    also notices config and a move to a machine running the other model."""
    values = {k: v for k, v in asdict(settings).items() if k not in NOT_IN_CACHE_KEY}
    key = (*values.values(), model_name())
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:8]
    return f"{DETECTOR_VERSION}+{digest}"


def analyse_files(
    paths: Iterable[Path], settings: ImageSettings
) -> Iterator[tuple[Path, ImageAnalysis]]:
    """`analyse_file` for many files, `settings.workers` at a time, in the order given.

    Decoding (OpenCV) and detection (onnxruntime) release the GIL, so threads sharing the one
    model keep every core busy; results are yielded as soon as they are ready, in order.
    """
    workers = settings.workers if settings.workers > 0 else (os.cpu_count() or 1)
    if workers == 1:
        for path in paths:
            yield path, analyse_file(path, settings)
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="faces") as pool:
        pending = [(path, pool.submit(analyse_file, path, settings)) for path in paths]
        for path, future in pending:
            yield path, future.result()


def analyse_file(path: Path, settings: ImageSettings) -> ImageAnalysis:
    """Count the faces and recognisable faces in a photo, video or GIF.

    Never raises for bad input: an unreadable, empty or unsupported file gives
    `ImageAnalysis(status="failed", error=...)`. For videos the sampled frame with the most
    recognisable faces is reported (`frames` says how many were looked at).
    """
    try:
        frames, reduced = read_frames(path, settings)
    except ImageError as exc:
        return ImageAnalysis(status="failed", error=_short_error(str(exc), path))
    except (cv2.error, MemoryError, ValueError) as exc:
        return ImageAnalysis(status="failed", error=f"cannot be decoded ({type(exc).__name__})")
    best: tuple[FaceBox, ...] = ()
    try:
        for frame in frames:
            boxes = analyse_image(frame, settings, reduced=reduced)
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


def analyse_image(
    image: np.ndarray, settings: ImageSettings, reduced: int = 1
) -> tuple[FaceBox, ...]:
    """Every face in a BGR image, boxes in the published photo's pixels, each with a verdict.

    `reduced` says the image was decoded at 1/reduced of the published size (a large JPEG read
    with IMREAD_REDUCED_*): boxes and sizes are given in published pixels all the same.
    """
    small, scale = fit(image, settings.max_side)
    scale /= reduced
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    image_sharpness = quality.laplacian_variance(grey)
    height, width = image.shape[:2]
    published = (height * reduced, width * reduced)
    min_score = min(settings.score_threshold, CONTEXT_SCORE)
    judged = []
    for found in detect_upscaled(small, min_score, settings.min_detect_side):
        signals = quality.measure(
            grey, image_sharpness, (found.x, found.y, found.w, found.h), 1 / scale, max(published)
        )
        judged.append((found, signals, judge(signals, settings)))
    hidden = max((s.size for _, s, reason in judged if reason in HIDDEN), default=0.0)
    faces = sum(found.score >= settings.score_threshold for found, _, _ in judged)
    boxes = []
    for found, signals, reason in judged:
        if found.score < settings.score_threshold:
            continue
        if reason == RECOGNISABLE and is_background(signals.size, hidden, settings):
            reason = BACKGROUND
        elif reason == RECOGNISABLE and is_passer_by(signals.size, max(published), faces, settings):
            reason = FAR_AWAY
        boxes.append(_face_box(found, scale, published, reason == RECOGNISABLE, reason))
    return tuple(boxes)


def detect_upscaled(image: np.ndarray, min_score: float, min_side: int) -> list[Detection]:
    """`detect`, on the image enlarged to `min_side` (at most 4x) when it is smaller.

    CenterFace misses faces under ~10 px; in a thumbnail those are the faces of the photo.
    Boxes come back in the given image's pixels.
    """
    long_side = max(image.shape[:2])
    factor = min(MAX_UPSCALE, min_side / long_side) if long_side else 1.0
    if factor <= 1.0:
        return detect(image, min_score)
    big = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_LINEAR)
    return [
        Detection(
            x=d.x / factor,
            y=d.y / factor,
            w=d.w / factor,
            h=d.h / factor,
            score=d.score,
            landmarks=tuple((lx / factor, ly / factor) for lx, ly in d.landmarks),
        )
        for d in detect(big, min_score)
    ]


def judge(signals: quality.FaceSignals, settings: ImageSettings) -> str:
    """The verdict on one face: "herkenbaar" or why it is not (short, Dutch)."""
    if signals.size < min_face_size(signals.photo_side, settings):
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


def min_face_size(photo_side: float, settings: ImageSettings) -> float:
    """Smallest recognisable face side (published pixels) in a photo with this long side.

    `min_face_px` in an ordinary photo; in a small photo (a thumbnail) a face that spans
    `min_face_share` of the photo is one of its subjects, down to `min_face_px_small`.
    """
    relative = max(settings.min_face_px_small, settings.min_face_share * photo_side)
    return min(settings.min_face_px, relative) if photo_side > 0 else settings.min_face_px


def is_background(size: float, largest_hidden: float, settings: ImageSettings) -> bool:
    """A small unblurred head in a photo whose faces someone anonymised: left behind, far away."""
    return (
        largest_hidden > 0
        and size < settings.background_face_share * largest_hidden
        and size < 2 * settings.min_face_px
    )


def is_passer_by(size: float, photo_side: float, faces: int, settings: ImageSettings) -> bool:
    """A small face far off in a photo that is not of a group: someone passing by, not a subject.

    Small means below `far_face_share` of the photo's long side (and below `2 * min_face_px`);
    a photo with `crowd_faces` or more faces is a class, team or crowd photo, whose small faces
    are its subjects. Typical case: a street scene whose people another tool blurred (so strongly
    that no face is detected there any more) with one head far behind left as it was.
    """
    return (
        faces < settings.crowd_faces
        and size < settings.far_face_share * photo_side
        and size < 2 * settings.min_face_px
    )


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
    for found in detect_upscaled(small, min_score, settings.min_detect_side):
        box = _face_box(found, scale, image.shape[:2], False, "")
        boxes.append((box.x, box.y, box.w, box.h))
    return boxes


def _face_box(
    found: Detection, scale: float, shape: tuple[int, int], recognisable: bool, reason: str
) -> FaceBox:
    height, width = shape
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


@dataclass(frozen=True)
class MediaAnalyser:
    """What the audit pipeline calls per media file; `workers` says how many files it may
    analyse side by side (`[images] workers`, 0: one per core)."""

    settings: ImageSettings

    def __call__(self, media: Media) -> ImageAnalysis:
        assert media.path is not None  # the pipeline analyses stored copies only
        return analyse_file(media.path, self.settings)

    @property
    def workers(self) -> int:
        return self.settings.workers if self.settings.workers > 0 else (os.cpu_count() or 1)


def media_analyser(settings: ImageSettings) -> tuple[MediaAnalyser, str]:
    """What the audit pipeline calls per media file, and the version its cache is keyed on."""
    return MediaAnalyser(settings), cache_version(settings)
