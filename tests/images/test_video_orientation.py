"""A phone video stored sideways with a rotation in its track header is read upright."""

from __future__ import annotations

import struct
from pathlib import Path

import cv2
import numpy as np
import pytest

from auditor.images import ImageSettings, analyse_file, anonymise_file

SETTINGS = ImageSettings()
# the track header's display matrix (16.16 fixed point, w in 2.30) that phones write
ROTATIONS = {
    90: (0, 1 << 16, 0, -(1 << 16), 0, 0, 0, 0, 1 << 30),
    270: (0, -(1 << 16), 0, 1 << 16, 0, 0, 0, 0, 1 << 30),
}
STORED_FOR = {90: cv2.ROTATE_90_COUNTERCLOCKWISE, 270: cv2.ROTATE_90_CLOCKWISE}


def upright_portrait(shared: Path) -> np.ndarray:
    face = cv2.resize(cv2.imread(str(shared / "images" / "skimage_astronaut.jpg")), (360, 360))
    return cv2.copyMakeBorder(face, 60, 60, 0, 0, cv2.BORDER_CONSTANT)  # 480 high, 360 wide


def phone_video(shared: Path, path: Path, degrees: int) -> None:
    """An .mp4 whose frames are stored turned, with the rotation that shows them upright."""
    stored = cv2.rotate(upright_portrait(shared), STORED_FOR[degrees])
    height, width = stored.shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), 10, (width, height))
    for _ in range(5):
        writer.write(stored)
    writer.release()
    data = bytearray(path.read_bytes())
    at = data.find(b"tkhd") + 4
    version = data[at]
    # version/flags, times, track id, reserved, duration, reserved, layer, group, volume, reserved
    matrix = at + 4 + (8 + 8 + 4 + 4 + 8 if version == 1 else 4 * 5) + 8 + 2 + 2 + 2 + 2
    data[matrix : matrix + 36] = struct.pack(">9i", *ROTATIONS[degrees])
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("degrees", sorted(ROTATIONS))
def test_a_rotated_phone_video_is_analysed_upright(
    shared: Path, tmp_path: Path, degrees: int
) -> None:
    path = tmp_path / "telefoon.mp4"
    phone_video(shared, path, degrees)

    analysis = analyse_file(path, SETTINGS)

    assert analysis.recognisable == 1
    (box,) = analysis.boxes
    assert box.h > box.w  # an upright face, in the upright frame's coordinates
    assert box.x + box.w <= 360 and box.y + box.h <= 480


def test_the_anonymised_copy_of_a_rotated_phone_video_is_upright_without_a_face(
    shared: Path, tmp_path: Path
) -> None:
    src, dst = tmp_path / "telefoon.mp4", tmp_path / "telefoon-anoniem.mp4"
    phone_video(shared, src, 90)

    anonymise_file(src, dst, SETTINGS)

    capture = cv2.VideoCapture(str(dst))
    ok, frame = capture.read()
    capture.release()
    assert ok and frame.shape[:2] == (480, 360)
    assert analyse_file(dst, SETTINGS).recognisable == 0
