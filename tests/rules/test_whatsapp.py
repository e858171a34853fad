"""Spec for the WhatsApp rules (article 3): groups, pupil photos, essential information."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.engine import Engine
from auditor.models import (
    AuthorRole,
    Category,
    ChatContext,
    FaceBox,
    ImageAnalysis,
    Media,
    MediaKind,
    Platform,
    Post,
    PostKind,
    Severity,
)
from auditor.rules import all_rules, whatsapp
from auditor.rules.base import REGISTRY, RuleContext

CTX = RuleContext(school_name="OBS De Vlinderhof")


def message(
    text: str = "",
    media: tuple[Media, ...] = (),
    platform=Platform.WHATSAPP,
    author: AuthorRole = AuthorRole.STAFF,
) -> Post:
    return Post(
        platform, "wa-1", datetime(2025, 3, 12, 8, 15, tzinfo=UTC), text, account="Groep 5b",
        media=media, chat=ChatContext("Groep 5b", author=author),
    )  # fmt: skip


def group(**chat) -> Post:  # type: ignore[no-untyped-def]
    """The record a WhatsApp export yields for the group itself."""
    context = ChatContext(**{"group": "Ouders groep 5b", "first_staff_at": "02-09-2024", **chat})
    return Post(
        Platform.WHATSAPP, "wa-group-1", datetime(2024, 9, 2, 17, tzinfo=UTC), "",
        kind=PostKind.GROUP, account=context.group, chat=context,
    )  # fmt: skip


def analysed(recognisable: int, faces: int | None = None) -> ImageAnalysis:
    boxes = tuple(FaceBox(10 * i, 10, 40, 40, 0.9, True) for i in range(recognisable))
    return ImageAnalysis("analysed", faces=faces or recognisable, recognisable=recognisable,
                         boxes=boxes)  # fmt: skip


# -- registration ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "clause", "severity", "kinds"),
    [
        ("whatsapp.group-created", "a", Severity.MEDIUM, ("group",)),
        ("whatsapp.staff-in-parents-group", "c", Severity.MEDIUM, ("group",)),
        ("whatsapp.pupil-photo", "e", Severity.HIGH, ("post",)),
        ("whatsapp.photo-unchecked", "e", Severity.MEDIUM, ("post",)),
        ("whatsapp.essential-info", "f", Severity.MEDIUM, ("post",)),
    ],
)
def test_rules_name_the_real_clauses_of_article_3(rule_id, clause, severity, kinds):
    registered = REGISTRY[rule_id]
    assert registered.category == Category.WHATSAPP
    assert (registered.clause, registered.severity, registered.articles) == (
        clause,
        severity,
        f"3{clause}",
    )
    assert registered.platforms == (Platform.WHATSAPP,) and registered.kinds == kinds
    assert not registered.applies_to(message("x", platform=Platform.FACEBOOK))


def test_no_whatsapp_rule_uses_a_clause_the_protocol_does_not_have():
    clauses = {r.clause for r in REGISTRY.values() if r.category == Category.WHATSAPP}
    assert clauses <= {"a", "c", "e", "f"}


def test_personal_data_rules_run_on_whatsapp_under_article_3_naming_the_avg():
    [phone] = [r for r in all_rules() if r.id == "personal-data.phone"]
    assert phone.applies_to(message("x"))
    assert phone.article(Platform.WHATSAPP) == "3" and phone.articles == "1a/2a/3"
    assert "AVG" in phone.reason_on(Platform.WHATSAPP, "mobiel nummer")
    assert phone.reason_on(Platform.FACEBOOK, "mobiel nummer") == "mobiel nummer"


def test_image_unanalysed_leaves_whatsapp_to_its_own_rule():
    [unanalysed] = [r for r in all_rules() if r.id == "image.unanalysed"]
    assert not unanalysed.applies_to(message("x"))


@pytest.mark.parametrize("rule_id", sorted(r for r in REGISTRY if r.startswith("whatsapp.")))
def test_docstrings_have_summary_why_flagged_fine(rule_id):
    doc = REGISTRY[rule_id].doc
    assert doc.strip().splitlines()[0].endswith(".")
    for section in ("Why:", "Flagged:", "Fine:"):
        assert section in doc


# -- whatsapp.group-created (3a) ------------------------------------------------------------------


def test_group_made_by_staff_that_is_no_work_group_is_flagged():
    [hit] = whatsapp.group_created(group(created_by=AuthorRole.STAFF), CTX)
    assert "Ouders groep 5b" in hit.reason and "werkgroep" in hit.reason
    assert "exporteur" not in hit.reason


def test_group_made_by_the_exporter_says_so():
    post = group(created_by=AuthorRole.STAFF, created_by_exporter=True)
    [hit] = whatsapp.group_created(post, CTX)
    assert "exporteur" in hit.reason


@pytest.mark.parametrize(
    "chat",
    [
        {"created_by": AuthorRole.STAFF, "work_group": True},
        {"created_by": AuthorRole.PARENT},
        {"created_by": None},
        {"created_by": AuthorRole.UNKNOWN},
    ],
)
def test_work_groups_parents_groups_and_unknown_makers_are_no_3a(chat):
    assert list(whatsapp.group_created(group(**chat), CTX)) == []


# -- whatsapp.staff-in-parents-group (3c) ---------------------------------------------------------


@pytest.mark.parametrize("made_by", [AuthorRole.PARENT, None])
def test_staff_writing_in_a_group_not_made_by_staff_is_one_finding(made_by):
    [hit] = whatsapp.staff_in_parents_group(group(created_by=made_by, staff_messages=7), CTX)
    assert "7 berichten" in hit.reason and "02-09-2024" in hit.reason
    assert "Ouders groep 5b" in hit.reason


@pytest.mark.parametrize(
    "chat",
    [
        {"created_by": AuthorRole.PARENT, "staff_messages": 0, "parent_messages": 40},
        {"created_by": AuthorRole.PARENT, "staff_messages": 3, "work_group": True},
        {"created_by": AuthorRole.STAFF, "staff_messages": 3},
    ],
)
def test_reading_only_work_groups_and_staff_groups_are_no_3c(chat):
    assert list(whatsapp.staff_in_parents_group(group(**chat), CTX)) == []


# -- whatsapp.pupil-photo and whatsapp.photo-unchecked (3e) ----------------------------------------


def test_photo_with_recognisable_faces_is_flagged_per_media_item():
    media = (
        Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=analysed(0, faces=2)),
        Media(MediaKind.PHOTO, "IMG-2.jpg", analysis=analysed(3)),
        Media(MediaKind.VIDEO, "VID-1.mp4", analysis=analysed(1)),
    )
    hits = list(whatsapp.pupil_photo(message("Kijk!", media), CTX))
    assert [h.media_index for h in hits] == [1, 2]
    assert (
        hits[0].reason
        == "foto 2 met 3 herkenbare gezichten gedeeld door een medewerker in WhatsApp"
    )
    assert hits[1].reason.startswith("video 3 met 1 herkenbaar gezicht")
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
def test_media_without_recognisable_faces_are_not_a_pupil_photo(media):
    assert list(whatsapp.pupil_photo(message("", (media,)), CTX)) == []


@pytest.mark.parametrize(
    ("media", "says"),
    [
        (Media(MediaKind.OTHER, "<Media weggelaten>", missing=True), "bijlage 1"),
        (Media(MediaKind.PHOTO, "image omitted", missing=True), "foto 1"),
        (Media(MediaKind.VIDEO, "VID-1.mp4", missing=True), "video 1"),
        (Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=ImageAnalysis("failed", error="kapot")),
         "kapot"),
    ],
)  # fmt: skip
def test_staff_media_that_could_not_be_checked_are_medium_check_by_hand(media, says):
    [hit] = whatsapp.photo_unchecked(message("", (media,)), CTX)
    assert says in hit.reason and "met de hand" in hit.reason
    assert REGISTRY["whatsapp.photo-unchecked"].severity == Severity.MEDIUM


def test_analysed_media_are_checked():
    media = Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=analysed(0, faces=1))
    assert list(whatsapp.photo_unchecked(message("", (media,)), CTX)) == []


@pytest.mark.parametrize("author", [AuthorRole.PARENT, AuthorRole.UNKNOWN])
def test_message_rules_never_fire_on_anything_but_staff(author):
    media = (
        Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=analysed(3)),
        Media(MediaKind.PHOTO, "IMG-2.jpg", missing=True),
    )
    post = message("Morgen staking, de school is dicht.", media, author=author)
    for rule_id in ("whatsapp.pupil-photo", "whatsapp.photo-unchecked", "whatsapp.essential-info"):
        assert list(REGISTRY[rule_id].func(post, CTX)) == []


# -- whatsapp.essential-info ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic", "value"),
    [
        ("Let op: morgen is er een roosterwijziging, groep 5 is om 12 uur uit.", "rooster",
         "roosterwijziging"),
        ("De gymles gaat morgen niet door.", "rooster", "gymles gaat morgen niet door"),
        ("Morgen gaat de gymles niet door.", "rooster", "gaat de gymles niet door"),
        ("Vandaag valt de zwemles uit.", "rooster", "valt de zwemles uit"),
        ("Vrijdag is een studiedag, de kinderen zijn vrij.", "studiedag", "studiedag"),
        ("Vanwege de storm blijft de school morgen dicht.", "schoolsluiting",
         "blijft de school morgen dicht"),
        ("Morgen staking: de school is gesloten.", "staking", "staking"),
        ("Juf Anne is ziek en er is geen vervanging.", "zieke leerkracht", "geen vervanging"),
        ("Groep 6 moet morgen thuisblijven.", "zieke leerkracht",
         "Groep 6 moet morgen thuisblijven"),
        ("Wilt u het toestemmingsformulier voor de excursie tekenen?\nGraag voor vrijdag!",
         "toestemming", "toestemmingsformulier"),
        ("De ouderbijdrage van € 45 graag uiterlijk 1 mei betalen.", "betaling",
         "ouderbijdrage"),
        ("Het kampgeld kan via dit tikkie.", "betaling", "kampgeld"),
        ("Er is hoofdluis gevonden in groep 4.", "hoofdluis", "hoofdluis"),
        ("De 10-minutengesprekken zijn op 23 oktober.", "gesprekken", "10-minutengesprekken"),
        ("School is closed tomorrow because of the storm.", "schoolsluiting",
         "School is closed"),
        ("Due to the strike there will be no lessons on Thursday.", "staking", "strike"),
        ("Please pay the €12 for the trip before April 5.", "betaling",
         "pay the €12 for the trip before"),
        ("Head lice were found in class 4.", "hoofdluis", "Head lice"),
        ("Swimming is cancelled this week.", "rooster", "Swimming is cancelled"),
        ("Op 5 december zijn de kinderen om 12:00 uit.", "rooster", "kinderen om 12:00 uit"),
        ("The children finish at 12:30 on Friday.", "rooster", "children finish at 12:30"),
        ("Please send in £3 for the trip by Wednesday.", "betaling",
         "£3 for the trip by Wednesday"),
        ("Graag een briefje met toestemming meegeven.", "toestemming",
         "briefje met toestemming meegeven"),
        ("Het formulier moet vrijdag ondertekend worden ingeleverd.", "toestemming",
         "formulier moet vrijdag ondertekend worden ingeleverd"),
    ],
)  # fmt: skip
def test_essential_information_only_in_whatsapp_is_flagged(text, topic, value):
    [hit] = whatsapp.essential_info(message(text), CTX)
    assert topic in hit.reason and "Social Schools" in hit.reason
    assert hit.value == value and text[hit.span.start : hit.span.end] == value


def test_one_hit_per_message_naming_every_topic():
    text = "Juf Anne is ziek, er is geen vervanging. Ouderbijdrage graag voor 1 mei betalen."
    [hit] = whatsapp.essential_info(message(text), CTX)
    assert hit.reason.startswith("zieke leerkracht of geen les, betaling")


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
        "Vergeten in de klas: een blauwe broodtrommel. Van wie is die?",
        "We need two more drivers for Monday. Who can help?",
        "We'll be back around 15:30 instead of 15:00, a bit of traffic.",
        "Schoolreisje: we vertrekken om 8.15 uur, terug om 16.00 uur.",
        "Het overleg van de werkgroep is verplaatst naar donderdag 19:30.",
        "Rooster.pdf • 2 pagina's <bijgevoegd: 00000019-Rooster.pdf>",
        "We raised €214 for the school garden!",
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


# -- through the engine -----------------------------------------------------------------------


def test_engine_gives_article_3_findings():
    rules = [REGISTRY[r] for r in sorted(REGISTRY) if r.startswith("whatsapp.")]
    engine = Engine(rules, CTX, b"test-key")
    media = (Media(MediaKind.PHOTO, "IMG-1.jpg", analysis=analysed(2)),)
    post = message("Juf Anne is ziek, morgen geen les.", media)
    findings = engine.audit(post).findings
    assert sorted((f.rule, f.article) for f in findings) == [
        ("whatsapp.essential-info", "3f"),
        ("whatsapp.pupil-photo", "3e"),
    ]
    [made] = engine.audit(group(created_by=AuthorRole.STAFF, staff_messages=2)).findings
    assert (made.rule, made.article) == ("whatsapp.group-created", "3a")
    assert "Ouders groep 5b" in made.excerpt
