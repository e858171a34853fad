"""Recognisability signals and verdicts, on synthetic pixels and hand-made measurements."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from auditor.images import ImageSettings
from auditor.images.analyse import RECOGNISABLE, judge
from auditor.images.quality import FaceSignals, flat_share, grid_share, laplacian_variance

SETTINGS = ImageSettings()
RNG = np.random.default_rng(7)
TEXTURE = cv2.GaussianBlur(RNG.integers(0, 255, (60, 60), dtype=np.uint8), (3, 3), 0.8)


def signals(**changes: float) -> FaceSignals:
    base = {
        "size": 40.0,
        "sharpness": 900.0,
        "sharpness_ratio": 1.2,
        "grid_share": 0.1,
        "flat_share": 0.02,
    }
    return FaceSignals(**{**base, **changes})


@pytest.mark.parametrize(
    ("changes", "verdict"),
    [
        ({}, RECOGNISABLE),
        ({"size": 8.0}, "te klein (8 px)"),
        ({"sharpness_ratio": 0.02}, "onscherp gemaakt"),
        ({"sharpness": 2.0, "sharpness_ratio": 0.9}, "onscherp gemaakt"),
        ({"grid_share": 0.6}, "gepixeld"),
        ({"flat_share": 0.9}, "afgedekt (sticker of tekening)"),
    ],
)
def test_judge_gives_the_reason_a_face_is_not_recognisable(changes: dict, verdict: str) -> None:
    assert judge(signals(**changes), SETTINGS) == verdict


@pytest.mark.parametrize("block", [4, 8, 12])
def test_grid_share_is_high_for_a_mosaic(block: int) -> None:
    cells = cv2.resize(TEXTURE, (60 // block, 60 // block), interpolation=cv2.INTER_AREA)
    mosaic = cv2.resize(cells, (60, 60), interpolation=cv2.INTER_NEAREST)

    assert grid_share(mosaic) > SETTINGS.max_grid_share


def test_grid_share_is_low_for_natural_texture() -> None:
    assert grid_share(TEXTURE) < SETTINGS.max_grid_share


def test_blur_removes_laplacian_variance() -> None:
    blurred = cv2.GaussianBlur(TEXTURE, (0, 0), 8)

    assert laplacian_variance(blurred) < 0.05 * laplacian_variance(TEXTURE)


def test_flat_share_separates_a_sticker_from_texture() -> None:
    sticker = np.full((60, 60), 200, np.uint8)

    assert flat_share(sticker) == 1.0
    assert flat_share(TEXTURE) < 0.2
