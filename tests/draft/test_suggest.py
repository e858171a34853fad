"""The suggestion: personal data replaced by what the school can say, the rest untouched."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.draft import DraftChecker
from auditor.models import Platform
from auditor.rules.base import Allow


@pytest.fixture(scope="module")
def checker() -> DraftChecker:
    allow = Allow(phones=("0571-123456",), emails=("info@example.nl",))
    return DraftChecker(Config(allow=allow))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("draft", "suggestion"),
    [
        (
            "Sanne uit groep 5 won de dictee-wedstrijd.",
            "Een leerling uit groep 5 won de dictee-wedstrijd.",
        ),
        ("Vragen? Bel juf Anouk op 06-41872963.", "Vragen? Bel de school op 0571-123456."),
        (
            "Tim en Lars uit groep 6 bouwden een hut.",
            "Twee leerlingen uit groep 6 bouwden een hut.",
        ),
        (
            "Jelle uit groep 2 wordt vandaag 5 jaar. Fijne dag Jelle!",
            "Een leerling uit groep 2 is vandaag jarig. Fijne dag!",
        ),
        (
            "Onze Lotte van der Meulen (groep 8) mag naar de finale!",
            "Onze leerling (groep 8) mag naar de finale!",
        ),
        ("Graag terug naar juf Mirjam.", "Graag terug naar de juf."),
        (
            "Mail naar anja.brouwer@hotmail.com voor vragen.",
            "Mail naar info@example.nl voor vragen.",
        ),
        (
            "Gisteren won Roos K. uit groep 7 de voorleeswedstrijd.",
            "Gisteren won een leerling uit groep 7 de voorleeswedstrijd.",
        ),
        (
            "Hulde aan Fenna v.d. Berg uit groep 4 voor haar tekening.",
            "Hulde aan een leerling uit groep 4 voor haar tekening.",
        ),
    ],
)
def test_personal_data_becomes_what_the_school_can_say(
    checker: DraftChecker, draft: str, suggestion: str
) -> None:
    assert checker.check(draft).suggestion == suggestion


def test_health_sentence_is_left_out_with_a_note(checker: DraftChecker) -> None:
    result = checker.check("Noah uit groep 4 heeft zijn arm gebroken. Morgen is er gym.")
    assert result.suggestion == "Morgen is er gym."
    assert any("gezondheid" in note for note in result.notes)


def test_personal_title_gets_a_hint_and_text_stays(checker: DraftChecker) -> None:
    draft = "Ik vind persoonlijk dat de nieuwe methode niet deugt."
    result = checker.check(draft)
    assert any(f.category.value == "personal_title" for f in result.findings)
    assert result.suggestion is None
    assert any("persoonlijke mening" in note for note in result.notes)


def test_suggestion_passes_its_own_check(checker: DraftChecker) -> None:
    draft = "Contactpersoon: Ilse Hoekstra, 06-29384756. Lisa de Boer uit groep 4 helpt mee."
    result = checker.check(draft)
    assert result.suggestion is not None
    again = checker.check(result.suggestion)
    assert not [f for f in again.findings if f.category.value == "personal_data"]


def test_clean_draft_has_no_suggestion(checker: DraftChecker) -> None:
    assert checker.check("De schoolreis is op 14 juni.", Platform.TWITTER).suggestion is None
