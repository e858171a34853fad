"""`auditor anonymise` on a file and on a folder."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest

from auditor.commands import anonymise
from auditor.errors import AuditorError


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    anonymise.add_arguments(parser)
    return parser.parse_args(list(argv))


def plain_photo(path: Path) -> Path:
    cv2.imwrite(str(path), np.full((80, 120, 3), 128, np.uint8))
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def test_a_photo_gets_a_copy_beside_it(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = plain_photo(tmp_path / "plein.jpg")

    assert anonymise.run(parse(str(src)), None) == 0

    assert (tmp_path / "plein.anonymised.jpg").exists()
    out = tmp_path / "plein.anonymised.jpg"
    assert capsys.readouterr().out.strip() == f"{src}: 0 faces blurred -> {out}"


def test_every_photo_in_a_folder_is_anonymised_and_checked(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = tmp_path / "uitje"
    folder.mkdir()
    shutil.copy(shared / "images" / "skimage_astronaut.jpg", folder / "a.jpg")
    plain_photo(folder / "b.png")
    (folder / "notes.txt").write_text("not a photo")
    out = tmp_path / "anoniem"

    assert anonymise.run(parse(str(folder), "-o", str(out)), None) == 0

    lines = capsys.readouterr().out.splitlines()
    assert sorted(p.name for p in out.iterdir()) == ["a.jpg", "b.png"]
    assert lines[0].startswith(f"{folder / 'a.jpg'}: 1 faces blurred -> ")
    assert "WARNING" not in "".join(lines)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "nothing-here.jpg", "no such file"),
        (lambda d: empty_file(d / "empty.jpg"), "empty file"),
    ],
)
def test_unreadable_input_is_a_one_line_error(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)

    with pytest.raises(AuditorError, match=message):
        anonymise.run(parse(str(path)), None)


def test_the_original_is_never_overwritten(tmp_path: Path) -> None:
    src = plain_photo(tmp_path / "plein.jpg")

    with pytest.raises(AuditorError, match="overwrite"):
        anonymise.run(parse(str(src), "-o", str(src)), None)
