"""`[images] workers`: how many photos an audit analyses at the same time."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.images import media_analyser
from auditor.images.settings import ImageSettings
from auditor.models import ImageAnalysis, Media, MediaKind, Platform, Post
from auditor.pipeline import _prefetched, side_by_side


@dataclass
class CountingAnalyser:
    """Records the most photos it was asked to analyse at once."""

    workers: int
    busy: int = 0
    most: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, media: Media) -> ImageAnalysis:
        with self.lock:
            self.busy += 1
            self.most = max(self.most, self.busy)
        time.sleep(0.05)
        with self.lock:
            self.busy -= 1
        return ImageAnalysis(status="ok")


def batch_of_photos(count: int, tmp_path: Path) -> list[Post]:
    media = tuple(
        Media(MediaKind.PHOTO, f"foto{i}.jpg", path=tmp_path / f"foto{i}.jpg", sha256=f"{i:064x}")
        for i in range(count)
    )
    created = datetime(2026, 5, 1, tzinfo=UTC)
    return [Post(Platform("facebook"), "1", created, "Sportdag!", media=media)]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_no_more_photos_are_analysed_at_once_than_the_setting_allows(
    workers: int, tmp_path: Path
) -> None:
    analyser = CountingAnalyser(workers)

    analyse = _prefetched(analyser, batch_of_photos(6, tmp_path), {})
    for media in batch_of_photos(6, tmp_path)[0].media:
        analyse(media)

    assert 1 <= analyser.most <= workers


@pytest.mark.parametrize(("setting", "expected"), [(1, 1), (4, 4)])
def test_the_face_analyser_carries_the_images_workers_setting(setting: int, expected: int) -> None:
    analyser, _version = media_analyser(ImageSettings(workers=setting))

    assert side_by_side(analyser) == expected


def test_zero_means_one_photo_per_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    analyser, _version = media_analyser(ImageSettings(workers=0))

    assert side_by_side(analyser) == 2
