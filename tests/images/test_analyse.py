"""Face detection and recognisability on real photos (from ../shared) and made-up files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import cv2
import numpy as np
import pytest

from auditor.images import DETECTOR_VERSION, ImageSettings, analyse_file, cache_version
from auditor.images.analyse import fit
from auditor.images.anonymise import treat_face
from auditor.images.detector import _Model, detect, use_int8

SETTINGS = ImageSettings()


def photo(shared: Path, name: str) -> Path:
    return shared / "images" / name


@pytest.mark.parametrize(
    ("name", "at_least"),
    [
        ("skimage_astronaut.jpg", 1),  # single portrait
        ("skimage_camera.jpg", 1),  # near-profile behind a camera
        ("uniface_scientists.jpg", 25),  # 29 small B&W faces in rows
        ("fdlite_group.jpg", 7),  # ~20 px faces in a classroom-like room
        ("fr_obama_partial_face.jpg", 1),  # face cut by the image edge
    ],
)
def test_recognisable_faces_are_found(shared: Path, name: str, at_least: int) -> None:
    analysis = analyse_file(photo(shared, name), SETTINGS)

    assert analysis.status == "analysed"
    assert analysis.recognisable >= at_least


@pytest.mark.parametrize(
    "name",
    [
        "skimage_motorcycle_left.jpg",  # trap: headlight
        "dlib_dogs.jpg",  # trap: dog faces
        "darknet_scream.jpg",  # trap: painted face
        "darknet_person.jpg",  # person seen from behind
        "skimage_coffee.jpg",  # food
        "skimage_rocket.jpg",  # building-like structure
    ],
)
def test_no_recognisable_face_where_there_is_none(shared: Path, name: str) -> None:
    analysis = analyse_file(photo(shared, name), SETTINGS)

    assert analysis.status == "analysed"
    assert analysis.recognisable == 0


@pytest.mark.parametrize(
    "name",
    [
        "fr_two_people__blurred.jpg",
        "fr_two_people__pixelated.jpg",
        "lfd_ios_test__blurred.jpg",
        "lfd_ios_test__pixelated.jpg",
        "fdlite_group__blurred.jpg",
        "fdlite_group__pixelated.jpg",
    ],
)
def test_blurred_and_pixelated_copies_are_not_recognisable(shared: Path, name: str) -> None:
    analysis = analyse_file(photo(shared, name), SETTINGS)

    assert analysis.status == "analysed"
    assert analysis.recognisable == 0


def test_each_box_has_a_verdict_and_a_reason(shared: Path) -> None:
    analysis = analyse_file(photo(shared, "fdlite_group__pixelated.jpg"), SETTINGS)

    assert analysis.faces == len(analysis.boxes) > 0
    assert all(not box.recognisable and box.reason == "gepixeld" for box in analysis.boxes)


@pytest.mark.parametrize("style", ["blur", "pixelate"])
def test_a_treated_face_is_not_recognisable(shared: Path, tmp_path: Path, style: str) -> None:
    image = cv2.imread(str(photo(shared, "skimage_astronaut.jpg")))
    before = analyse_file(photo(shared, "skimage_astronaut.jpg"), SETTINGS).boxes[0]
    treat_face(
        image,
        (before.x, before.y, before.w, before.h),
        dataclasses.replace(SETTINGS, anonymise_style=style),
    )
    out = tmp_path / "treated.png"
    cv2.imwrite(str(out), image)

    assert analyse_file(out, SETTINGS).recognisable == 0


def test_a_face_covered_by_an_emoji_is_not_recognisable(shared: Path, tmp_path: Path) -> None:
    image = cv2.imread(str(photo(shared, "skimage_astronaut.jpg")))
    face = analyse_file(photo(shared, "skimage_astronaut.jpg"), SETTINGS).boxes[0]
    centre = (face.x + face.w // 2, face.y + face.h // 2)
    radius = int(max(face.w, face.h) * 0.7)
    cv2.circle(image, centre, radius, (0, 215, 255), -1, cv2.LINE_AA)
    for dx in (-radius // 3, radius // 3):
        cv2.circle(image, (centre[0] + dx, centre[1] - radius // 4), radius // 8, (40, 40, 40), -1)
    out = tmp_path / "emoji.png"
    cv2.imwrite(str(out), image)

    assert analyse_file(out, SETTINGS).recognisable == 0


def test_a_drawn_smiley_is_not_a_face(tmp_path: Path) -> None:
    canvas = np.full((400, 400, 3), 255, np.uint8)
    cv2.circle(canvas, (200, 200), 90, (0, 0, 0), 3)
    cv2.circle(canvas, (165, 175), 10, (0, 0, 0), -1)
    cv2.circle(canvas, (235, 175), 10, (0, 0, 0), -1)
    cv2.ellipse(canvas, (200, 235), (40, 20), 0, 0, 180, (0, 0, 0), 3)
    out = tmp_path / "smiley.png"
    cv2.imwrite(str(out), canvas)

    assert analyse_file(out, SETTINGS).faces == 0


def test_boxes_are_in_the_published_photos_pixels(shared: Path, tmp_path: Path) -> None:
    image = cv2.imread(str(photo(shared, "skimage_astronaut.jpg")))
    big = cv2.resize(image, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)  # 1536 px > max_side
    out = tmp_path / "big.jpg"
    cv2.imwrite(str(out), big)

    small_box = analyse_file(photo(shared, "skimage_astronaut.jpg"), SETTINGS).boxes[0]
    big_box = analyse_file(out, SETTINGS).boxes[0]

    # detection ran at 1024 px vs 512 px (8-bit model): boxes differ a little, a wrong mapping
    # would be off by a factor
    tolerance = 0.2 * big_box.w
    assert big_box.x == pytest.approx(3 * small_box.x, abs=tolerance)
    assert big_box.w == pytest.approx(3 * small_box.w, abs=tolerance)


def test_opencv_and_onnxruntime_find_the_same_faces(shared: Path) -> None:
    image = cv2.imread(str(photo(shared, "skimage_astronaut.jpg")))
    blob = cv2.dnn.blobFromImage(image, 1.0, (512, 512), (0, 0, 0), swapRB=True)
    pytest.importorskip("onnxruntime")

    heat_ort = _Model("auto", quantised=False).run(blob)[0]
    heat_cv = _Model("opencv").run(blob)[0]

    assert np.abs(heat_ort - heat_cv).max() < 1e-3
    assert len(detect(image, 0.5)) == 1


@pytest.mark.parametrize(
    "name", ["fr_two_people.jpg", "uniface_scientists.jpg", "lfd_ios_test.jpg"]
)
def test_the_8_bit_model_finds_the_faces_the_float_model_finds(shared: Path, name: str) -> None:
    pytest.importorskip("onnxruntime")
    if not use_int8():
        pytest.skip("this CPU has no VNNI: the 8-bit model is not run here (test_detector_model)")
    image, _ = fit(cv2.imread(str(photo(shared, name))), 1024)
    h, w = (-(-n // 32) * 32 for n in image.shape[:2])
    blob = cv2.dnn.blobFromImage(image, 1.0, (w, h), (0, 0, 0), swapRB=True)

    heat_int8 = _Model("auto", quantised=True).run(blob)[0]
    heat_float = _Model("auto", quantised=False).run(blob)[0]

    assert ((heat_int8 >= 0.4) == (heat_float >= 0.4)).mean() > 0.999
    assert np.abs(heat_int8 - heat_float).max() < 0.15


def test_cache_version_changes_with_the_thresholds() -> None:
    stricter = dataclasses.replace(SETTINGS, min_face_px=30)

    assert cache_version(SETTINGS).startswith(DETECTOR_VERSION)
    assert cache_version(SETTINGS) != cache_version(stricter)
