"""The date of a birth in a post about one (issue 16): a date in the clause that tells the
birth, in any word order, or beside the newborn's weight as on a birth card; not a bound of
dates of birth, an expected day or an animal's birth. All names are invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.models import PDKind
from auditor.rules.base import RuleContext
from tests.rules.helpers import analysed

CTX = RuleContext()


birthdates = partial(analysed, PDKind.BIRTHDATE, ctx=CTX)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Finn is geboren! 🍼 Zondag 8 maart kwam hij ter wereld, zoon van meester Joris.",
            "8 maart",
        ),
        (
            "Juf Anouk is bevallen van een zoon. Mats kwam dinsdag 4 november ter wereld.",
            "4 november",
        ),
        ("Conciërge Ahmed is zaterdag 8 november opa geworden van Yara.", "8 november"),
        (
            "Meester Ruud en Iris kregen een dochter: Mila zag 21 januari het levenslicht.",
            "21 januari",
        ),
    ],
)
def test_a_date_in_the_clause_that_tells_a_birth_is_a_birthdate(text: str, date: str) -> None:
    assert any(date in found for found in birthdates(text))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Welkom op de wereld, Noor! 👶 2-2-2026, 3380 gram en 50 cm.", "2-2-2026"),
        ("Welkom, kleine Ties! 🍼 14 oktober 2025, 3,4 kg. Proficiat juf Loes!", "14 oktober 2025"),
    ],
)
def test_a_date_beside_a_newborns_weight_is_a_birthdate(text: str, date: str) -> None:
    assert any(date in found for found in birthdates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Wie tussen 1 oktober 2022 en 30 september 2023 geboren is, meldt u aan bij juf Ans.",
        "Juf Anouk is met verlof: haar baby wordt rond 12 april verwacht en in Gouda geboren.",
        "Bij de kinderboerderij van boer Henk zijn de lammetjes geboren. Kom kijken op 3 maart!",
        "Calvijn werd op 10 juli 1509 geboren, vertelde meester Gert in groep 8.",
    ],
)
def test_a_bound_an_expected_day_or_another_days_date_is_no_birthdate(text: str) -> None:
    assert birthdates(text) == []
