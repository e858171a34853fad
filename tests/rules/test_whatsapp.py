"""Spec for the WhatsApp rules (article 3): groups, pupil photos, essential information."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.engine import Engine
from auditor.models import (
    Category,
    FaceBox,
    ImageAnalysis,
    Media,
    MediaKind,
    Platform,
    Post,
    Severity,
)
from auditor.rules import whatsapp
from auditor.rules.base import REGISTRY, RuleContext
from auditor.sources.whatsapp_export import WhatsAppExportSource
from tests.conftest import require_shared

CTX = RuleContext(school_name="OBS De Vlinderhof")
FIXTURE = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "whatsapp"
) / "test_ddmmyy_24hrs.txt"


def message(text: str = "", media: tuple[Media, ...] = (), platform=Platform.WHATSAPP) -> Post:
    return Post(
        platform, "wa-1", datetime(2025, 3, 12, 8, 15, tzinfo=UTC), text, account="Groep 5b",
        media=media,
    )  # fmt: skip


def analysed(recognisable: int, faces: int | None = None) -> ImageAnalysis:
    boxes = tuple(FaceBox(10 * i, 10, 40, 40, 0.9, True) for i in range(recognisable))
    return ImageAnalysis("analysed", faces=faces or recognisable, recognisable=recognisable,
                         boxes=boxes)  # fmt: skip


# -- registration ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "clause", "severity", "article"),
    [
        ("whatsapp.group-created", "g", Severity.MEDIUM, "3g"),
        ("whatsapp.pupil-photo", "c", Severity.HIGH, "3c"),
        ("whatsapp.essential-info", "h", Severity.MEDIUM, "3h"),
    ],
)
def test_rules_are_registered_for_whatsapp_only(rule_id, clause, severity, article):
    registered = REGISTRY[rule_id]
    assert registered.category == Category.WHATSAPP
    assert (registered.clause, registered.severity, registered.articles) == (
        clause,
        severity,
        article,
    )
    assert registered.platforms == (Platform.WHATSAPP,)
    assert not registered.applies_to(message("x", platform=Platform.FACEBOOK))


@pytest.mark.parametrize("rule_id", sorted(r for r in REGISTRY if r.startswith("whatsapp.")))
def test_docstrings_have_summary_why_flagged_fine(rule_id):
    doc = REGISTRY[rule_id].doc
    assert doc.strip().splitlines()[0].endswith(".")
    for section in ("Why:", "Flagged:", "Fine:"):
        assert section in doc


# -- whatsapp.group-created -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Juf Anne heeft de groep aangemaakt",
        'Juf Anne heeft groep "Werkgroep Musical" aangemaakt',
        "Meester Bram heeft deze groep aangemaakt",
        '+31 6 12345678 created group "Groep 5b"',
    ],
)
def test_group_created_line_is_flagged(text):
    [hit] = whatsapp.group_created(message(text), CTX)
    assert "werkgroep" in hit.reason and "toestemming" in hit.reason
    assert "exporteur" not in hit.reason
    assert text[hit.span.start : hit.span.end] == hit.value


@pytest.mark.parametrize(
    "text",
    ["U hebt de groep aangemaakt", "Je hebt groep 'Ouders 5b' aangemaakt", 'You created group "X"'],
)
def test_group_created_by_the_exporter_says_so(text):
    [hit] = whatsapp.group_created(message(text), CTX)
    assert "door de exporteur" in hit.reason


@pytest.mark.parametrize(
    "text",
    [
        "Wie heeft de groep gemaakt?",
        "Goedemorgen! Vandaag gym.",
        "Zoals je ziet heeft de juf de groep aangemaakt\nDus vragen aan haar",  # quoted, 2 lines
        "",
    ],
)
def test_other_messages_are_not_a_created_group(text):
    assert list(whatsapp.group_created(message(text), CTX)) == []


def test_group_created_phrases_are_an_option():
    ctx = RuleContext(options={"whatsapp.group-created": {"phrases": [r"\bstartte de groep\b"]}})
    assert len(list(whatsapp.group_created(message("Juf Anne startte de groep"), ctx))) == 1


# -- whatsapp.pupil-photo -------------------------------------------------------------------------


def test_photo_with_recognisable_faces_is_flagged_per_media_item():
    media = (
        Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=analysed(0, faces=2)),
        Media(MediaKind.PHOTO, "IMG-2.jpg", analysis=analysed(3)),
        Media(MediaKind.VIDEO, "VID-1.mp4", analysis=analysed(1)),
    )
    hits = list(whatsapp.pupil_photo(message("Kijk!", media), CTX))
    assert [h.media_index for h in hits] == [1, 2]
    assert hits[0].reason == "foto 2 met 3 herkenbare gezichten gedeeld in WhatsApp"
    assert hits[1].reason == "video 3 met 1 herkenbaar gezicht gedeeld in WhatsApp"
    assert hits[0].details["faces"] == 3 and len(hits[0].details["boxes"]) == 3


@pytest.mark.parametrize(
    "media",
    [
        Media(MediaKind.PHOTO, "IMG-1.jpg"),  # images switched off: analysis None
        Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=analysed(0, faces=4)),
        Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=ImageAnalysis("failed", error="kapot")),
        Media(MediaKind.OTHER, "<Media weggelaten>", missing=True),
    ],
)
def test_media_without_recognisable_faces_are_not_flagged(media):
    assert list(whatsapp.pupil_photo(message("", (media,)), CTX)) == []


# -- whatsapp.essential-info ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic", "value"),
    [
        ("Let op: morgen is er een roosterwijziging, groep 5 is om 12 uur uit.", "rooster",
         "roosterwijziging"),
        ("De gymles gaat morgen niet door.", "rooster", "gaat morgen niet door"),
        ("Vrijdag is een studiedag, de kinderen zijn vrij.", "rooster", "studiedag"),
        ("Vanwege de storm blijft de school morgen dicht.", "schoolsluiting",
         "blijft de school morgen dicht"),
        ("Morgen staking: de school is gesloten.", "schoolsluiting", "staking"),
        ("Juf Anne is ziek en er is geen vervanging.", "zieke leerkracht", "Juf Anne is ziek"),
        ("Groep 6 moet morgen thuisblijven.", "zieke leerkracht", "thuisblijven"),
        ("Wilt u het toestemmingsformulier voor de excursie tekenen?\nGraag voor vrijdag!",
         "toestemming", "toestemmingsformulier"),
        ("Schoolreisje: we vertrekken om 8.15 uur, terug om 16.00 uur.", "toestemming",
         "Schoolreisje: we vertrekken"),
        ("De ouderbijdrage van € 45 graag uiterlijk 1 mei betalen.", "betaling",
         "ouderbijdrage"),
        ("Het kampgeld kan via dit tikkie.", "betaling", "kampgeld"),
    ],
)  # fmt: skip
def test_essential_information_only_in_whatsapp_is_flagged(text, topic, value):
    [hit] = whatsapp.essential_info(message(text), CTX)
    assert topic in hit.reason and "Social Schools" in hit.reason
    assert hit.value == value and text[hit.span.start : hit.span.end] == value


def test_one_hit_per_message_naming_every_topic():
    text = "Juf Anne is ziek, dus het rooster verandert. Ouderbijdrage graag voor 1 mei betalen."
    [hit] = whatsapp.essential_info(message(text), CTX)
    assert hit.reason.startswith("zieke leerkracht of geen les, roosterwijziging, betaling")


@pytest.mark.parametrize(
    "text",
    [
        "De gymles gaat morgen niet door, zie Social Schools.",
        "Roosterwijziging staat in Parro.",
        "Studiedag vrijdag: meer info op de website.",
        "Het toestemmingsformulier is gisteren gemaild.",
        "De ouderbijdrage: zie de nieuwsbrief.",
        "Gaat de gymles morgen niet door?",
        "Is de school morgen gesloten?",
        "Wat een mooie tekeningen hebben jullie gemaakt!",
        "Fijne vakantie allemaal ☀️",
        "",
    ],
)
def test_pointing_to_the_official_channel_questions_and_chatter_are_fine(text):
    assert list(whatsapp.essential_info(message(text), CTX)) == []


def test_topics_and_channels_are_options():
    ctx = RuleContext(
        options={
            "whatsapp.essential-info": {
                "topics": {"luizencontrole": [r"\bluizen\w*"]},
                "channels": [r"\bklasbord\b"],
            }
        }
    )
    [hit] = whatsapp.essential_info(message("Woensdag luizencontrole!"), ctx)
    assert hit.reason.startswith("luizencontrole")
    assert list(whatsapp.essential_info(message("Luizencontrole: zie Klasbord"), ctx)) == []
    assert list(whatsapp.essential_info(message("Morgen staking."), ctx)) == []


# -- through the engine, on a real export ----------------------------------------------------------


def test_engine_gives_article_3_findings():
    rules = [REGISTRY[r] for r in sorted(REGISTRY) if r.startswith("whatsapp.")]
    engine = Engine(rules, CTX, b"test-key")
    media = (Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=analysed(2)),)
    post = message("Juf Anne is ziek, morgen geen les.", media)
    findings = engine.audit(post).findings
    assert sorted((f.rule, f.article) for f in findings) == [
        ("whatsapp.essential-info", "3h"),
        ("whatsapp.pupil-photo", "3c"),
    ]


def test_real_export_created_group_line_is_found():
    require_shared(FIXTURE)
    posts = list(WhatsAppExportSource(FIXTURE).collect())
    hits = [(p.source_ref, h) for p in posts for h in whatsapp.group_created(p, CTX)]
    assert [ref for ref, _ in hits] == ["test_ddmmyy_24hrs.txt#L6"]
