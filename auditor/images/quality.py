"""Measurable signals that tell whether a detected face can still be recognised.

Pure functions over numpy arrays: no I/O. Each signal is computed on the inner face region (the
middle of the box: eyes, nose, mouth) of a grey image at analysis resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

INNER = 0.6  # share of the box (centred) that holds eyes, nose and mouth
FLAT_LEVEL = 1.0  # Laplacian magnitude (grey levels) below which a pixel counts as flat


@dataclass(frozen=True)
class FaceSignals:
    """What was measured on one face."""

    size: float  # shorter box side, in pixels of the published image
    sharpness: float  # Laplacian variance of the inner face region
    sharpness_ratio: float  # sharpness divided by the whole image's
    grid_share: float  # share of gradient energy on a regular block grid (pixelation)
    flat_share: float  # share of the inner region without texture (stickers, drawings)
    photo_side: float = 0.0  # long side of the published photo, pixels (0: unknown)


def laplacian_variance(grey: np.ndarray) -> float:
    """Variance of the Laplacian: high for sharp detail, near zero for blurred regions."""
    if grey.size == 0:
        return 0.0
    return float(cv2.Laplacian(grey, cv2.CV_32F, ksize=1).var())


def inner_region(grey: np.ndarray, x: float, y: float, w: float, h: float) -> np.ndarray:
    """The centred `INNER` share of a box, clipped to the image."""
    height, width = grey.shape[:2]
    cx, cy = x + w / 2, y + h / 2
    half_w, half_h = max(w * INNER / 2, 2.0), max(h * INNER / 2, 2.0)
    x0, x1 = int(max(0, round(cx - half_w))), int(min(width, round(cx + half_w)))
    y0, y1 = int(max(0, round(cy - half_h))), int(min(height, round(cy + half_h)))
    return grey[y0:y1, x0:x1]


def grid_share(region: np.ndarray, min_block: int = 3, max_block: int = 40) -> float:
    """How strongly the region's gradients sit on a regular block grid (1.0: a clean mosaic).

    A pixelated region is flat inside each block, so its horizontal and vertical differences are
    concentrated on every b-th column and row. For each block size b and offset the share of
    energy on that grid is compared with what a grid-free image gives (1/b); the best excess,
    rescaled to 0..1, is taken in both directions and the weaker direction is returned.
    """
    if region.shape[0] < 2 * min_block or region.shape[1] < 2 * min_block:
        return 0.0
    signal = region.astype(np.float32)
    cols = np.abs(np.diff(signal, axis=1)).sum(axis=0)
    rows = np.abs(np.diff(signal, axis=0)).sum(axis=1)
    return min(
        _periodic_share(cols, min_block, max_block), _periodic_share(rows, min_block, max_block)
    )


def _periodic_share(profile: np.ndarray, min_block: int, max_block: int) -> float:
    total = float(profile.sum())
    n = profile.size
    if total <= 1e-6 or n < 2 * min_block:
        return 0.0
    # neighbours also count: resizing by a non-integer factor makes blocks b and b+1 wide
    smeared = profile + np.concatenate(([0.0], profile[:-1]))
    positions = np.arange(n)
    best = 0.0
    for block in range(min_block, min(max_block, n // 2) + 1):
        chance = 2.0 / block
        share = float(np.bincount(positions % block, weights=smeared).max()) / total
        best = max(best, (share - chance) / (1.0 - chance))
    return max(0.0, min(1.0, best))


def flat_share(region: np.ndarray) -> float:
    """Share of pixels whose Laplacian is (almost) zero: real skin has texture and noise."""
    if region.size == 0:
        return 1.0
    lap = np.abs(cv2.Laplacian(region, cv2.CV_32F, ksize=1))
    return float((lap < FLAT_LEVEL).mean())


def measure(
    grey: np.ndarray,
    image_sharpness: float,
    box: tuple[float, float, float, float],
    scale: float,
    photo_side: float = 0.0,
) -> FaceSignals:
    """All signals for one face box (analysis coordinates); `scale` maps to published pixels."""
    x, y, w, h = box
    region = inner_region(grey, x, y, w, h)
    sharpness = laplacian_variance(region)
    return FaceSignals(
        size=min(w, h) * scale,
        sharpness=sharpness,
        sharpness_ratio=sharpness / image_sharpness if image_sharpness > 0 else 0.0,
        grid_share=grid_share(region),
        flat_share=flat_share(region),
        photo_side=photo_side,
    )
