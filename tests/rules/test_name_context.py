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


@pytest.mark.parametrize(
    "text",
    [
        "De bus rijdt terug langs de Van Nelle Fabriek.",
        "Zaterdag spelen we tegen de dr. martin luther kingschool.",
        "Groep 8 bezocht het Anne Frank Huis en het Johan de Witt College.",
        "De Theo Thijssenprijs gaat dit jaar naar een school in Delft.",
    ],
)
def test_a_name_before_a_building_or_institution_word_is_the_places_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dank aan Gerdien van de Gereformeerde Kerk voor de zaal.", "Gerdien"),
        ("Meld je bij Wendy Oude Luttikhuis, moeder van Sem.", "Wendy Oude Luttikhuis"),
        ("Welkom aan Tobias Kamphuis in groep 1!", "Tobias Kamphuis"),
        ("Tijn uit het Kinderhuis ligt thuis met griep.", "Tijn"),
    ],
)
def test_a_person_of_a_place_or_with_a_surname_ending_like_one_stays_a_name(
    text: str, name: str
) -> None:
    assert any(found.startswith(name) for found in names(text))


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("We lazen uit het dagboek van Anne Frank. Anne schreef het in het Achterhuis.", "Anne"),
        ("Groep 6 leerde over Nelson Mandela. Nelson zat 27 jaar gevangen.", "Nelson"),
    ],
)
def test_the_first_name_of_a_public_figure_said_again_is_the_figure(text: str, again: str) -> None:
    assert again not in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op verkleeddag liepen er zeven Elsa's en drie Anna's rond.",
        "In de klas zitten twee Noah's en vier Sara's!",
    ],
)
def test_a_counted_name_is_a_kind_not_a_person(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Selam en welkom aan alle ouders die komen vertellen!",
        "Merhaba en welkom op ons plein!",
    ],
)
def test_a_greeting_joined_to_another_greeting_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_pupil_named_like_a_greeting_after_a_greeting_stays_a_name() -> None:
    assert names("Welkom Selam! Fijn dat je er bent.") == ["Selam"]


@pytest.mark.parametrize(
    "text",
    [
        "Ramadan Kareem aan alle gezinnen die vanaf vandaag vasten!",
        "Eid Mubarak! Vrijdag is de school dicht.",
    ],
)
def test_the_word_after_a_feast_is_its_greeting_not_a_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Groep 7 leerde over de geleerde Desiderius Erasmus en zijn boeken.",
        "Dirigent Lahav Shani vertelde over elk instrument. Shani liet de kinderen dirigeren.",
        "Veel kinderen droegen een shirt van PSG-verdediger Achraf Hakimi. Hakimi is hun held.",
        "Groep 6 maakte spandoeken voor marathonloper Abdi Nageeye. Nageeye, zet 'm op!",
    ],
)
def test_a_scholar_conductor_runner_or_club_defender_after_their_role_is_public(
    text: str,
) -> None:
    assert names(text) == []
