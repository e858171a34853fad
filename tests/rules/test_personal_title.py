"""Spec for the personal-title rules (articles 1b/2b): one person's voice on the school account."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.models import Category, Platform, Post, Severity
from auditor.rules import personal_title
from auditor.rules.base import REGISTRY, RuleContext

CTX = RuleContext(school_name="OBS De Vlinderhof")


def post(text: str) -> Post:
    return Post(Platform.TWITTER, "t1", datetime(2025, 3, 1, tzinfo=UTC), text)


def opinion(text: str) -> list:
    return list(personal_title.opinion(post(text), CTX))


def signature(text: str) -> list:
    return list(personal_title.signature(post(text), CTX))


@pytest.mark.parametrize(
    "text",
    [
        "Ik vind het echt jammer dat de gymzaal dicht moet.",
        "Persoonlijk vind ik dat de zomervakantie korter mag 🌞",
        "Mijn mening: huiswerk in groep 5 is nergens voor nodig.",
        "Eerlijk gezegd word ik er een beetje moedeloos van, al die regels.",
        "Wat ben ik trots op mijn groep vandaag! 💪",
        "Ik erger me aan de auto's die op de stoep parkeren bij het hek.",
        "Morgen staak ik mee. Het onderwijs verdient beter.",
        "Ik heb vannacht bijna niet geslapen van de zenuwen voor de musical 😅",
        "Ik fyn it moai dat de bern sa graach lêze! Myn miening: mear boeken!",
        "Alweer een bezuiniging van het kabinet op het onderwijs. Schandalig.",
    ],
)
def test_own_voice_is_flagged(text: str) -> None:
    assert len(opinion(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Wij vinden het fijn dat zoveel ouders kwamen helpen. Dank jullie wel!",
        "Het team wenst iedereen een fijne vakantie!",
        "'Ik vond de voorstelling het mooiste ooit!' hoorden we vaak na afloop.",
        "Een brief van Sinterklaas: ik kom morgen langs met mijn Pieten!",
        "Lieve kinderen, ik heb jullie tekeningen gezien. Hartelijke groet, Sinterklaas",
        "Thijs (groep 4) schreef: ik wil later brandweerman worden 🚒",
        "In groep 1/2 praten we deze week over wat vind ik fijn en wat niet.",
        "Groep 3 maakt een ik-boekje over hun familie.",
        "Het kabinet heeft de onderwijsbegroting gepresenteerd. Meer info volgt.",
        "De school is 's avonds open voor de ouderavond.",
        'Gedicht van Ilse:\n"Ik ben een steen van wel vijfduizend jaar,\nik lig hier stil."\nMooi!',
    ],
)
def test_school_voice_and_other_speakers_are_fine(text: str) -> None:
    assert opinion(text) == []


def test_opinion_hit_names_the_opinion() -> None:
    text = "Deze week was druk. Persoonlijk vind ik dat we het goed gedaan hebben."
    [hit] = opinion(text)
    assert hit.value == "Persoonlijk"
    assert hit.span is not None and text[hit.span.start : hit.span.end] == "Persoonlijk"
    assert "mening" in hit.reason


def test_plain_first_person_gets_the_ik_vorm_reason() -> None:
    [hit] = opinion("Ik ben volgende week op cursus, groep 6 krijgt les van een invaller.")
    assert hit.value == "Ik"
    assert "ik-vorm" in hit.reason


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        ("Wat een mooie dag!\n\nGroetjes, juf Ingrid", "Groetjes, juf Ingrid"),
        ("Fijne vakantie allemaal! - meester Sven", "- meester Sven"),
        ("Leuk dat jullie er waren -mr. Daan", "-mr. Daan"),
        ("Tot morgen! xx juf Noor 😘", "xx juf Noor"),
        (
            "De school is vrijdag dicht.\nMet vriendelijke groet, Wilma de Graaf, directeur",
            "Met vriendelijke groet, Wilma de Graaf, directeur",
        ),
        (
            "Bedankt voor dit jaar.\n\nHartelijke groet,\nPieter van Houten",
            "Hartelijke groet,\nPieter van Houten",
        ),
        ("Wat hebben we gelachen vandaag.\n\nJuf Sandra", "Juf Sandra"),
        ("Bedankt voor de hulp. Liefs, juf anouk #kamp", "Liefs, juf anouk"),
        ("morgen nemen we de paddenstoelen mee in de kring. ^Marit", "^Marit"),
        ("Wat een dag!\n~ Juf Marit", "~ Juf Marit"),
        ("Wat een dag! Groetjes van juf Marit", "Groetjes van juf Marit"),
        ("Wat een dag! Groetjes, Marit (groep 4)", "Groetjes, Marit (groep 4)"),
        ("Wat een dag! Groet, Marit - groep 5", "Groet, Marit - groep 5"),
    ],
)
def test_one_person_signature_is_flagged_with_its_span(text: str, signed: str) -> None:
    [hit] = signature(text)
    assert hit.span is not None
    assert text[hit.span.start : hit.span.end] == signed == hit.value


@pytest.mark.parametrize(
    "text",
    [
        "Fijne vakantie! Groet, team De Vlinderhof",
        "Tot morgen! Groetjes van het team",
        "Met vriendelijke groet, namens het team",
        "De jas is gevonden. Met vriendelijke groet, de administratie",
        "Welkom, juf Daphne! We zijn blij dat je er bent.",
        "Juf Esra is vandaag jarig! Gefeliciteerd, juf!",
        "Groetjes!",
        "Nieuwe collega's na de zomer:\nJuf Kim\nMeester Ravi",
        "Veel plezier op kamp! Groetjes, juf Lies en meester Bas",
        "Lieve kinderen, ik kom morgen op school. Hartelijke groet, Sinterklaas",
        "Groeten uit Texel van groep 8!",
        "Fijne vakantie, Groetjes, OBS De Vlinderhof",
        "Wat een dag! Groetjes van groep 4",
        "Wat een dag! Groetjes van juf Marit en juf Anja",
    ],
)
def test_school_and_group_closings_are_fine(text: str) -> None:
    assert signature(text) == []


@pytest.mark.parametrize("rule_id", ["personal-title.opinion", "personal-title.signature"])
def test_rules_are_registered_as_personal_title_clause_b(rule_id: str) -> None:
    registered = REGISTRY[rule_id]
    assert registered.category is Category.PERSONAL_TITLE
    assert registered.clause == "b"
    assert registered.severity is Severity.MEDIUM
    assert "Flagged:" in registered.doc and "Fine:" in registered.doc


@pytest.mark.parametrize(
    "text",
    [
        "Zaoterdig is de oetstap. Me vertrekke um 9.30 oer vanaaf 't plein.",
        "Bedaank aan alle vrijwilligers! Me zien uch in september trök!",
    ],
)
def test_me_opening_a_sentence_before_a_plural_verb_is_we(text: str) -> None:
    assert opinion(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Me heeft het zo goed gedaan vandaag, ik ben trots op mijn klas.",
        "Laat me even zeggen: wat een mooie dag.",
        "Ze vroegen me of ik mee wilde naar Parijs.",
    ],
)
def test_me_as_an_object_is_still_one_persons_voice(text: str) -> None:
    assert opinion(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Groep 4 schreef zinnen over de herfst:\nIk zie een egel onder de bladeren.\n"
        "Ik hoor de wind in de bomen.",
        "Groep 3 maakte een boekje. Ik kan tellen tot 100. Ik kan mijn veters strikken. "
        "Ik kan al lezen!",
        "Wat leerden de kleuters? Ik ben een boom. Ik ben een boom. Ik ben een boom! 🌳",
    ],
)
def test_pupils_lines_under_a_colon_or_in_a_parallel_run_are_not_the_writers_voice(
    text: str,
) -> None:
    assert opinion(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Groep 4 schreef een gedicht:\nIk zie een egel.\n\nIk ben zo trots op ze!",
        "Ik kan niet wachten tot de musical. Wat een groep!",
        "Ik ben trots. Ik ben moe. Maar het was het waard.",
    ],
)
def test_the_writers_own_ik_beside_such_lines_is_still_flagged(text: str) -> None:
    assert opinion(text) != []


def test_a_last_line_of_a_name_and_a_role_is_a_signature() -> None:
    [hit] = signature("Fijne kerstvakantie allemaal!\nGert-Jan Klein Gunnewiek, directeur")
    assert hit.value == "Gert-Jan Klein Gunnewiek, directeur"


def test_a_list_of_names_with_roles_is_no_signature() -> None:
    text = "Ons team dit jaar:\nEsmee Rouwhorst, leerkracht\nTwan Bomers, directeur"
    assert signature(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Groep 7 bezocht het mijnmuseum. Mijnwerkers zetten een beeldje van Barbara in de mijn.",
        "In Kerkrade daalden we af in een mijn van wel 100 meter diep ⛏️",
        "Deze mijn ging in 1974 dicht, vertelde de gids aan groep 8.",
    ],
)
def test_mijn_after_an_article_is_the_noun_a_mine(text: str) -> None:
    assert opinion(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dit zijn mijn kinderen van groep 5 op hun mooist!",
        "Wat een dag, de mijn van mijn opa bestaat niet meer.",
    ],
)
def test_mijn_as_the_possessive_is_still_the_writers_voice(text: str) -> None:
    assert opinion(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Lieve kinderen, ik ben met mijn Pieten in de haven aangekomen! Groetjes van Sinterklaas",
        "Ik heb al jullie schoenen gezien en ik kom zaterdag langs. Liefs van de Sint 🎁",
        "Ik heb eieren verstopt op het plein, zoeken jullie mee? Groeten van de Paashaas 🐣",
    ],
)
def test_a_figures_letter_signed_with_van_is_not_a_staff_voice(text: str) -> None:
    assert opinion(text) == []
