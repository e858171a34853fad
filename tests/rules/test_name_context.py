"""Names decided by the structure around them (session 5, issue 16): the lines of a list, the
name of a building or street, the person a post speaks of again. Every case is invented."""

from __future__ import annotations

import pytest

from auditor.rules.base import RuleContext
from auditor.rules.personal_data.names import find_names

CTX = RuleContext(school_name="IKC De Maasoever")


def names(text: str) -> list[str]:
    return [h.value for h in find_names(text, CTX, [])]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Onze kampioenen:\n1. Abraham\n2. Filmon\n3. Zeynep\nSucces!", "Abraham"),
        ("De rollen:\n- Pluk: Ecrin\n- Aagje: Shanice\n- meneer Pen: Mert", "Ecrin"),
        ("Winnaars:\n• Tsegay (groep 5)\n• Kacper (groep 6)", "Tsegay"),
    ],
)
def test_a_word_in_the_place_of_a_name_in_the_next_line_of_a_list_is_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wat lezen we?\n- groep 1-2: Nijntje\n- groep 3-4: Dolfje Weerwolfje",
        "Mee te nemen:\n1. Gymschoenen\n2. Handdoek\n3. Bidon",
    ],
)
def test_a_list_of_things_in_lines_holds_no_names(text: str) -> None:
    assert names(text) == []


def test_a_word_too_in_a_list_line_needs_two_names_in_that_place() -> None:
    assert "Roos" not in names("Groepjes:\n1. Roos\n2. Bilal")
    assert "Roos" in names("Groepjes:\n1. Roos\n2. Bilal\n3. Zofia")


@pytest.mark.parametrize(
    "text",
    [
        "Welkom, stagiair Jayden van de Hogeschool Rotterdam!",
        "Vandaag kwam Jayden van de Hogeschool Rotterdam kijken.",
    ],
)
def test_a_person_of_an_organisation_in_a_city_ending_like_a_street_is_a_name(text: str) -> None:
    assert names(text) == ["Jayden"]
