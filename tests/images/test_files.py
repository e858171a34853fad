"""Unreadable input gives a failed analysis; videos and GIFs are sampled frame by frame."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import cv2
import numpy as np
import pytest

from auditor.images import ImageError, ImageSettings, analyse_file, anonymise_file

SETTINGS = ImageSettings()


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.jpg", b"", "empty file"),
        ("corrupt.jpg", b"\xff\xd8\xff\xe0 this is not really a jpeg" * 20, "not a readable"),
        ("notes.txt", b"no picture here", "not a readable"),
        ("broken.mp4", b"\x00\x00\x00\x18ftypmp42 garbage" * 10, "not a readable"),
    ],
)
def test_unreadable_files_give_a_failed_analysis(
    tmp_path: Path, name: str, content: bytes, error: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    analysis = analyse_file(path, SETTINGS)

    assert analysis.status == "failed"
    assert error in (analysis.error or "")


def test_a_missing_file_gives_a_failed_analysis(tmp_path: Path) -> None:
    analysis = analyse_file(tmp_path / "gone.jpg", SETTINGS)

    assert analysis.status == "failed"
    assert "cannot be read" in (analysis.error or "")


def test_a_photo_without_people_is_analysed_with_no_faces(tmp_path: Path) -> None:
    path = tmp_path / "wall.png"
    cv2.imwrite(str(path), np.random.default_rng(1).integers(0, 255, (240, 320, 3), np.uint8))

    analysis = analyse_file(path, SETTINGS)

    assert (analysis.status, analysis.faces, analysis.recognisable) == ("analysed", 0, 0)


def write_video(path: Path, frames: list[np.ndarray], fps: float) -> None:
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (width, height))
    if not writer.isOpened():
        pytest.skip("no mp4v video codec in this OpenCV build")
    for frame in frames:
        writer.write(frame)
    writer.release()


def plain_frames(count: int) -> list[np.ndarray]:
    return [np.full((96, 128, 3), (5 * i) % 250, np.uint8) for i in range(count)]


@pytest.mark.parametrize(
    ("seconds", "max_frames", "sampled"),
    [(3, 30, 3), (5, 2, 2)],
)
def test_a_video_is_sampled_once_per_second_up_to_the_cap(
    tmp_path: Path, seconds: int, max_frames: int, sampled: int
) -> None:
    path = tmp_path / "clip.mp4"
    write_video(path, plain_frames(10 * seconds), fps=10)

    analysis = analyse_file(path, dataclasses.replace(SETTINGS, max_frames=max_frames))

    assert analysis.status == "analysed"
    assert analysis.frames == sampled


def test_faces_in_a_video_are_found(shared: Path, tmp_path: Path) -> None:
    portrait = cv2.imread(str(shared / "images" / "skimage_astronaut.jpg"))
    path = tmp_path / "portrait.mov"
    write_video(path, [np.zeros_like(portrait)] * 10 + [portrait] * 10, fps=10)

    analysis = analyse_file(path, SETTINGS)

    assert analysis.frames == 2
    assert analysis.recognisable == 1


def test_a_gif_is_read(tmp_path: Path) -> None:
    path = tmp_path / "anim.gif"
    frames = plain_frames(4)
    if not hasattr(cv2, "imwriteanimation"):
        pytest.skip("this OpenCV cannot write GIFs")
    animation = cv2.Animation()
    animation.frames = frames
    animation.durations = [100] * len(frames)
    if not cv2.imwriteanimation(str(path), animation):
        pytest.skip("this OpenCV cannot write GIFs")

    analysis = analyse_file(path, SETTINGS)

    assert analysis.status == "analysed"
    assert analysis.frames >= 1


@pytest.mark.parametrize("style", ["blur", "pixelate"])
@pytest.mark.parametrize("name", ["skimage_astronaut.jpg", "uniface_scientists.jpg"])
def test_an_anonymised_copy_passes_the_check(
    shared: Path, tmp_path: Path, name: str, style: str
) -> None:
    settings = dataclasses.replace(SETTINGS, anonymise_style=style)
    out = tmp_path / f"copy-{name}"

    treated = anonymise_file(shared / "images" / name, out, settings)

    assert treated >= analyse_file(shared / "images" / name, SETTINGS).recognisable
    assert analyse_file(out, SETTINGS).recognisable == 0


def test_anonymising_an_unreadable_photo_names_the_file(tmp_path: Path) -> None:
    src = tmp_path / "empty.jpg"
    src.write_bytes(b"")

    with pytest.raises(ImageError, match="empty.jpg"):
        anonymise_file(src, tmp_path / "out.jpg", SETTINGS)


def test_anonymising_to_an_unknown_type_names_the_output(tmp_path: Path) -> None:
    src = tmp_path / "wall.png"
    cv2.imwrite(str(src), np.zeros((50, 50, 3), np.uint8))

    with pytest.raises(ImageError, match="out.xyz"):
        anonymise_file(src, tmp_path / "out.xyz", SETTINGS)
