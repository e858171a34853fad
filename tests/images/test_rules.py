"""The two image rules on hand-made posts: they only read `media.analysis`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.models import FaceBox, ImageAnalysis, Media, MediaKind, Platform, Post
from auditor.rules.base import REGISTRY, RuleContext
from auditor.rules.images import recognisable_faces, unanalysed

CTX = RuleContext()
FACE = FaceBox(x=10, y=20, w=40, h=50, score=0.9, recognisable=True, reason="herkenbaar")
BLURRED = FaceBox(x=90, y=20, w=40, h=50, score=0.4, recognisable=False, reason="onscherp gemaakt")


def post(*media: Media) -> Post:
    return Post(
        platform=Platform.FACEBOOK,
        external_id="1",
        created_at=datetime(2025, 3, 1, tzinfo=UTC),
        text="Sportdag!",
        media=media,
    )


def photo(analysis: ImageAnalysis | None, *, missing: bool = False, kind=MediaKind.PHOTO) -> Media:
    return Media(kind=kind, name="p.jpg", analysis=analysis, missing=missing)


def analysed(*boxes: FaceBox) -> ImageAnalysis:
    return ImageAnalysis(
        status="analysed",
        faces=len(boxes),
        recognisable=sum(b.recognisable for b in boxes),
        boxes=boxes,
    )


def test_recognisable_faces_yield_one_hit_per_media_with_count_and_boxes() -> None:
    second = FaceBox(x=200, y=30, w=44, h=52, score=0.8, recognisable=True)
    hits = list(recognisable_faces(post(photo(analysed()), photo(analysed(FACE, second))), CTX))

    assert len(hits) == 1
    assert hits[0].media_index == 1
    assert hits[0].kind == "image" and hits[0].span is None and hits[0].value == ""
    assert hits[0].reason == "2 herkenbare gezichten op foto 2"
    assert hits[0].details == {"faces": 2, "boxes": [[10, 20, 40, 50], [200, 30, 44, 52]]}


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        (MediaKind.PHOTO, "1 herkenbaar gezicht op foto 1"),
        (MediaKind.VIDEO, "1 herkenbaar gezicht op video 1"),
    ],
)
def test_the_reason_names_count_and_media(kind: MediaKind, reason: str) -> None:
    hits = list(recognisable_faces(post(photo(analysed(FACE, BLURRED), kind=kind)), CTX))

    assert [h.reason for h in hits] == [reason]
    assert hits[0].details["boxes"] == [[10, 20, 40, 50]]  # the blurred face is not listed


@pytest.mark.parametrize(
    "analysis",
    [
        None,
        analysed(),
        analysed(BLURRED),
        ImageAnalysis(status="failed", error="empty file (0 bytes)"),
    ],
)
def test_no_recognisable_face_no_hit(analysis: ImageAnalysis | None) -> None:
    assert list(recognisable_faces(post(photo(analysis)), CTX)) == []


@pytest.mark.parametrize(
    ("media", "words"),
    [
        (photo(ImageAnalysis(status="failed", error="empty file (0 bytes)")), "empty file"),
        (photo(ImageAnalysis(status="failed", error="not a readable image")), "not a readable"),
        (photo(None, missing=True), "ontbreekt in de export"),
    ],
)
def test_unanalysed_media_are_flagged_with_the_reason(media: Media, words: str) -> None:
    hits = list(unanalysed(post(photo(analysed()), media), CTX))

    assert len(hits) == 1
    assert hits[0].media_index == 1
    assert words in hits[0].reason


@pytest.mark.parametrize("analysis", [None, analysed(), analysed(FACE)])
def test_analysed_or_skipped_media_are_not_unanalysed(analysis: ImageAnalysis | None) -> None:
    assert list(unanalysed(post(photo(analysis)), CTX)) == []


@pytest.mark.parametrize(
    ("rule_id", "severity"),
    [("image.recognisable-faces", "high"), ("image.unanalysed", "medium")],
)
def test_rules_are_registered_under_article_c(rule_id: str, severity: str) -> None:
    registered = REGISTRY[rule_id]

    assert registered.category.value == "image"
    assert registered.severity.value == severity
    assert registered.article(Platform.TWITTER) == "2c"
