"""`auditor anonymise` on videos, run from the command line as a user would."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from auditor.images import ImageSettings, analyse_file

EVERY_FRAME = dataclasses.replace(ImageSettings(), frames_per_second=100, max_frames=100)


def auditor(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "auditor", "anonymise", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def walking_group(shared: Path, path: Path, codec: str, frames: int = 12) -> None:
    """A video (or GIF) of a group photo panning sideways (the faces move between frames)."""
    photo = cv2.resize(cv2.imread(str(shared / "images" / "uniface_src_meeting.jpg")), (640, 426))
    shots = [
        cv2.warpAffine(photo, np.float32([[1, 0, 4 * i], [0, 1, 0]]), (640, 426))
        for i in range(frames)
    ]
    if codec == "gif":
        assert cv2.imwritemulti(str(path), shots)
        return
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*codec), 10, (640, 426))
    for shot in shots:
        writer.write(shot)
    writer.release()


def frame_count(path: Path) -> int:
    capture = cv2.VideoCapture(str(path))
    try:
        return int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
    finally:
        capture.release()


@pytest.mark.parametrize(
    ("name", "codec", "copy_name"),
    [
        ("sportdag.mp4", "mp4v", "sportdag.anonymised.mp4"),
        ("musical.avi", "MJPG", "musical.anonymised.avi"),
        ("zwaaien.gif", "gif", "zwaaien.anonymised.mp4"),  # a GIF becomes a video
    ],
)
def test_a_video_gets_a_copy_with_no_recognisable_face_in_any_frame(
    shared: Path, tmp_path: Path, name: str, codec: str, copy_name: str
) -> None:
    src = tmp_path / name
    walking_group(shared, src, codec)
    assert analyse_file(src, EVERY_FRAME).recognisable >= 4

    done = auditor(name, cwd=tmp_path)

    copy = tmp_path / copy_name
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"-> {copy.name}")
    assert "WARNING" not in done.stdout
    checked = analyse_file(copy, EVERY_FRAME)
    assert checked.frames == frame_count(src) == 12
    assert checked.recognisable == 0


def test_a_folder_with_photos_and_videos_is_anonymised_into_another_folder(
    shared: Path, tmp_path: Path
) -> None:
    album = tmp_path / "uitje"
    album.mkdir()
    walking_group(shared, album / "film.mp4", "mp4v")
    (album / "foto.jpg").write_bytes((shared / "images" / "skimage_astronaut.jpg").read_bytes())

    done = auditor("uitje", "-o", "anoniem", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "anoniem").iterdir()) == ["film.mp4", "foto.jpg"]
    for copy in (tmp_path / "anoniem").iterdir():
        assert analyse_file(copy, EVERY_FRAME).recognisable == 0


def test_a_corrupt_video_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "kapot.mp4").write_bytes(b"not a video at all")

    done = auditor("kapot.mp4", cwd=tmp_path)

    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "auditor: error: kapot.mp4: not a readable video (corrupt or unsupported format)"
    ]
    assert not (tmp_path / "kapot.anonymised.mp4").exists()
