"""Photos that fooled the first photo audit: thumbnails, EXIF rotation, drawings, big JPEGs,
background heads in anonymised photos, and videos to anonymise."""

from __future__ import annotations

import dataclasses
import struct
from pathlib import Path

import cv2
import numpy as np
import pytest

from auditor.commands import anonymise
from auditor.images import ImageSettings, analyse_file, anonymise_file
from auditor.images.analyse import (
    BACKGROUND,
    RECOGNISABLE,
    analyse_files,
    is_background,
    judge,
    min_face_size,
)
from auditor.images.frames import jpeg_reduction, jpeg_size
from auditor.images.quality import FaceSignals, measure

SETTINGS = ImageSettings()


def shrunk(image: np.ndarray, side: int) -> np.ndarray:
    f = side / max(image.shape[:2])
    return cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)


def with_orientation(jpeg: bytes, orientation: int) -> bytes:
    entry = struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1) + entry + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


@pytest.mark.parametrize(
    ("name", "side", "at_least"),
    [
        ("fr_two_people.jpg", 128, 2),  # two portraits in a 128 px thumbnail
        ("skimage_astronaut.jpg", 128, 1),
        ("uniface_src_meeting.jpg", 128, 4),  # five faces of ~12 px
        ("lfd_ios_test.jpg", 160, 3),  # children, rotated faces, ~20 px
        ("fdlite_group.jpg", 256, 6),  # eight faces of ~10 px in a 256 px photo
        ("insight_t1.jpg", 128, 5),  # six faces of ~10 px round a table
        ("dlib_2008_007676.jpg", 128, 5),  # seven faces of ~10 px, dim light
    ],
)
def test_faces_in_a_small_photo_are_recognisable(
    shared: Path, tmp_path: Path, name: str, side: int, at_least: int
) -> None:
    path = tmp_path / name
    cv2.imwrite(str(path), shrunk(cv2.imread(str(shared / "images" / name)), side))

    assert analyse_file(path, SETTINGS).recognisable >= at_least


@pytest.mark.parametrize(
    ("photo_side", "face", "small_enough"),
    [
        (1024, 11, True),  # a far-away passer-by in an ordinary photo
        (1024, 12, False),
        (128, 6, False),  # a subject of a thumbnail
        (128, 5, True),
        (256, 8, False),
        (256, 7, True),
    ],
)
def test_the_smallest_recognisable_face_depends_on_the_photos_size(
    photo_side: int, face: float, small_enough: bool
) -> None:
    assert (face < min_face_size(photo_side, SETTINGS)) == small_enough


# pixels stored so that a reader honouring the tag shows the photo upright
STORED_FOR = {
    2: lambda im: cv2.flip(im, 1),
    3: lambda im: cv2.rotate(im, cv2.ROTATE_180),
    4: lambda im: cv2.flip(im, 0),
    5: lambda im: cv2.transpose(im),
    6: lambda im: cv2.rotate(im, cv2.ROTATE_90_COUNTERCLOCKWISE),
    7: lambda im: cv2.rotate(cv2.transpose(im), cv2.ROTATE_180),
    8: lambda im: cv2.rotate(im, cv2.ROTATE_90_CLOCKWISE),
}


@pytest.mark.parametrize("orientation", sorted(STORED_FOR))
@pytest.mark.parametrize("scale", [1, 3])  # 3: a large JPEG, decoded at half size
def test_exif_orientation_is_honoured(
    shared: Path, tmp_path: Path, orientation: int, scale: int
) -> None:
    upright = cv2.imread(str(shared / "images" / "fr_two_people.jpg"))
    upright = cv2.resize(upright, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
    stored = STORED_FOR[orientation](upright)
    path = tmp_path / f"rotated{orientation}.jpg"
    path.write_bytes(with_orientation(cv2.imencode(".jpg", stored)[1].tobytes(), orientation))

    analysis = analyse_file(path, SETTINGS)

    assert analysis.recognisable == 2
    height, width = upright.shape[:2]
    for box in analysis.boxes:  # upright coordinates: both faces in the top half
        assert box.x + box.w <= width and box.y + box.h <= height // 2


def test_a_large_jpeg_is_decoded_smaller_with_boxes_in_published_pixels(
    shared: Path, tmp_path: Path
) -> None:
    image = cv2.imread(str(shared / "images" / "fr_two_people.jpg"))
    big = cv2.resize(image, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
    path = tmp_path / "big.jpg"
    cv2.imwrite(str(path), big)
    data = path.read_bytes()

    assert jpeg_size(data) == big.shape[:2]
    assert jpeg_reduction(data, SETTINGS.max_side) == 2
    boxes = analyse_file(path, SETTINGS).boxes
    normal = analyse_file(shared / "images" / "fr_two_people.jpg", SETTINGS).boxes
    assert len(boxes) == len(normal) == 2
    pairs = zip(sorted(boxes, key=lambda b: b.x), sorted(normal, key=lambda b: b.x), strict=True)
    for box, small in pairs:
        assert box.x == pytest.approx(3 * small.x, abs=0.2 * box.w)
        assert box.w == pytest.approx(3 * small.w, abs=0.2 * box.w)


def test_jpeg_size_is_none_for_other_formats() -> None:
    png = cv2.imencode(".png", np.zeros((10, 20, 3), np.uint8))[1].tobytes()

    assert jpeg_size(png) is None
    assert jpeg_reduction(png, 1024) == 1


def drawn_face(size: int) -> np.ndarray:
    """A flat-coloured cartoon face (anti-aliased, JPEG-compressed like a posted drawing)."""
    img = np.full((size * 2, size * 2, 3), 235, np.uint8)
    c, r = size, size // 2
    cv2.ellipse(img, (c, c), (r, int(r * 1.2)), 0, 0, 360, (150, 190, 240), -1, cv2.LINE_AA)
    for sx in (-1, 1):
        cv2.circle(img, (c + sx * r * 2 // 5, c - r // 8), r // 6, (20, 20, 20), -1, cv2.LINE_AA)
    cv2.ellipse(img, (c, c + r // 2), (r // 3, r // 6), 0, 10, 170, (40, 40, 160), 3, cv2.LINE_AA)
    return cv2.imdecode(cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 85])[1], 1)


@pytest.mark.parametrize("size", [160, 320])
def test_a_drawn_face_is_judged_a_drawing(size: int) -> None:
    grey = cv2.cvtColor(drawn_face(size), cv2.COLOR_BGR2GRAY)
    r = size // 2
    box = (size - r, size - int(r * 1.2), 2 * r, int(2.4 * r))

    signals = measure(grey, 1000.0, box, 1.0, 2 * size)

    assert judge(signals, SETTINGS) == "afgedekt (sticker of tekening)"


@pytest.mark.parametrize(
    ("size", "largest_hidden", "background"),
    [
        (14, 80, True),  # a tiny head behind faces someone blurred
        (14, 0, False),  # nothing was anonymised: a small face is a face
        (30, 80, False),  # big enough to be a subject
        (20, 30, False),  # as large as the blurred faces: left out, not far away
    ],
)
def test_a_small_head_in_an_anonymised_photo_is_background(
    size: float, largest_hidden: float, background: bool
) -> None:
    assert is_background(size, largest_hidden, SETTINGS) == background


def test_background_is_a_verdict_of_its_own() -> None:
    assert BACKGROUND != RECOGNISABLE
    assert judge(FaceSignals(40, 900, 1.2, 0.1, 0.02, 1024), SETTINGS) == RECOGNISABLE


def test_many_files_are_analysed_in_parallel_in_order(shared: Path) -> None:
    names = ["skimage_coffee.jpg", "fr_two_people.jpg", "dlib_dogs.jpg", "skimage_astronaut.jpg"]
    paths = [shared / "images" / n for n in names]
    settings = dataclasses.replace(SETTINGS, workers=2)

    results = list(analyse_files(paths, settings))

    assert [p for p, _ in results] == paths
    assert [a.recognisable for _, a in results] == [0, 2, 0, 1]


def test_the_number_of_workers_does_not_change_the_cache_key() -> None:
    from auditor.images import cache_version

    assert cache_version(SETTINGS) == cache_version(dataclasses.replace(SETTINGS, workers=7))


def moving_portrait(shared: Path, path: Path, frames: int = 20) -> None:
    portrait = cv2.imread(str(shared / "images" / "skimage_astronaut.jpg"))
    h, w = portrait.shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), 10, (w, h))
    for i in range(frames):
        shift = np.float32([[1, 0, 3 * i], [0, 1, 0]])
        writer.write(cv2.warpAffine(portrait, shift, (w, h)))
    writer.release()


def test_a_video_is_anonymised_frame_by_frame(shared: Path, tmp_path: Path) -> None:
    src, dst = tmp_path / "sportdag.mp4", tmp_path / "sportdag-anoniem.mp4"
    moving_portrait(shared, src)
    every_frame = dataclasses.replace(SETTINGS, frames_per_second=10)
    assert analyse_file(src, every_frame).recognisable == 1

    anonymise_file(src, dst, SETTINGS)

    copy = analyse_file(dst, every_frame)
    assert copy.frames == 20
    assert copy.recognisable == 0


def test_the_anonymise_command_takes_a_video(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    import argparse

    src = tmp_path / "clip.mov"
    moving_portrait(shared, src, frames=6)
    parser = argparse.ArgumentParser()
    anonymise.add_arguments(parser)

    assert anonymise.run(parser.parse_args([str(src)]), None) == 0

    out = capsys.readouterr().out
    assert "clip.anonymised.mov" in out and "WARNING" not in out
    assert (tmp_path / "clip.anonymised.mov").exists()
