"""False alarms on clean posts (issue 16, session 6; bench/corpus_clean4): what a capitalised
word does in its sentence, what kind of thing it names, and whose mailbox or number it is.
Every case is invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.models import PDKind
from auditor.rules.base import RuleContext
from tests.rules.helpers import analysed, names_found

CTX = RuleContext(school_name="OBS De Klimop")


names = partial(names_found, ctx=CTX)


def found(text: str, kind: PDKind) -> list[str]:
    return analysed(kind, text, CTX)


BOOK_LISTS = [
    "Kinderboekenweek! Deze boeken lezen we voor:\n🔹 Mees Kees op kamp – Mirjam Oldenhave\n"
    "🔹 De Gruffalo – Julia Donaldson\n🔹 Superjuffie – Janneke Schotveld",
    "📖 Leesclub groep 7-8:\n1. Het leven van een Loser – Jeff Kinney\n"
    "2. Harry Potter en de Steen der Wijzen – J.K. Rowling\n3. Vos en Haas – Sylvia Vanden Heede",
]


@pytest.mark.parametrize("text", BOOK_LISTS)
def test_the_full_name_ending_a_line_of_a_list_of_works_is_the_maker(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Voorleeswedstrijd!\nGroep 5 – Daan de Vries\nGroep 6 – Sanne Bakker", "Daan de Vries"),
        ("Leesmaatjes:\n- Sanne – Daan de Vries\n- Lotte Jansen – Sem Bakker", "Daan de Vries"),
    ],
)
def test_a_name_after_a_group_or_a_name_in_a_list_line_about_reading_stays_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "In het museum bekeken we het werk van Jan Altink en Jan Wiegers.",
        "Daarna maakten we een schilderij in de stijl van Hendrik Werkman!",
    ],
)
def test_a_second_maker_and_a_style_after_a_work_word_are_public(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Deze week oefenen we in de Middenbouw met Grace and Courtesy: hoe help je elkaar?",
        "Joy, Hope and Peace to all our families this Christmas!",
    ],
)
def test_words_joined_by_english_and_to_an_ordinary_english_word_are_things(text: str) -> None:
    assert names(text) == []


def test_names_joined_by_english_and_stay_names() -> None:
    assert names("Thanks to Emma and Liam for their help!") == ["Emma", "Liam"]


def test_a_word_in_capitals_beside_an_ordinary_word_in_capitals_is_a_headline() -> None:
    assert names("🌟 OPEN DAY – Montessorischool Het Zonnehof 🌟") == []


def test_english_the_before_a_first_name_makes_it_a_thing() -> None:
    assert names("Characters: the Caterpillar, Little Bear and the Moon. Doors open at 2.") == []


def test_a_pet_named_in_a_relative_clause_is_no_person() -> None:
    assert names("Groep 3 heeft een nieuw klassenhuisdier: een cavia die Bert heet!") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Samuël hoorde de stem van de HEERE en zei: "Spreek." Een mooi verhaal.', []),
        ("Bijbelverhaal: Daniel in de leeuwenkuil. Daniel bleef bidden.", []),
        ("Onze Samuël uit groep 3 is vandaag jarig!", ["Samuël"]),
    ],
)
def test_a_bible_figure_is_known_with_or_without_a_diaeresis(
    text: str, expected: list[str]
) -> None:
    assert names(text) == expected


def test_an_initial_inside_a_street_name_is_part_of_the_street() -> None:
    assert names("De route: Kapitein Haddockstraat, Olivier B. Bommelstraat en terug.") == []


def test_the_capitalised_words_after_atelier_name_the_business() -> None:
    assert names("• Boetseren met Atelier Kleikunst Luna") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Groep 8 zag de film Soof en Bram van Kim van Kooten.", []),
        ("We lezen het boek Kikker en Pad.", []),
        ("Groep 5 speelt de musical Annie en Daan speelt de hoofdrol.", ["Daan"]),
        ("Welkom aan Daan van Sanne de Vries!", ["Daan", "Sanne de Vries"]),
    ],
)
def test_a_works_title_of_two_words_and_its_maker_after_van_hold_no_pupil(
    text: str, expected: list[str]
) -> None:
    assert names(text) == expected


def test_a_plural_with_apostrophe_s_before_a_group_is_no_name() -> None:
    assert names("Deze week lezen we Anansitori's in groep 5!") == []


@pytest.mark.parametrize(
    "text",
    [
        "Trainers van Hockeyclub 't Gooi geven clinics. Volg @hctgooi_jeugd voor de data.",
        "🏀 Basketbal Almere Pioneers – @almerepioneers",
        "Een trainer van Bureau Jeugd & Media vertelt. Meer tips: @jeugdenmedia",
    ],
)
def test_a_handle_ending_like_a_name_the_post_gives_in_capitals_is_that_organisations(
    text: str,
) -> None:
    assert found(text, PDKind.SOCIAL_HANDLE) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Dank aan @sanne_almere voor de hulp bij de Gemeente Almere!", "@sanne_almere"),
        ("Dank aan familie Bakker, zie @bakkerfam", "@bakkerfam"),
    ],
)
def test_a_persons_or_familys_handle_stays_beside_a_name_in_capitals(
    text: str, handle: str
) -> None:
    assert found(text, PDKind.SOCIAL_HANDLE) == [handle]


@pytest.mark.parametrize(
    "text",
    [
        "Luizenpluizen? Mail luizenteam.klimop@gmail.com",
        "Aanmelden: avond4daagse.deklimop@gmail.com",
        "Mail de commissie: sinterklaascomite.bso@gmail.com",
        "Zwemvereniging De Duikers: deduikers1975@gmail.com",
    ],
)
def test_a_mailbox_of_the_school_a_committee_or_a_club_named_in_the_post_is_no_persons(
    text: str,
) -> None:
    assert found(text, PDKind.EMAIL) == []


@pytest.mark.parametrize("address", ["anouk.klimop@gmail.com", "j.vannoord@gmail.com"])
def test_a_persons_address_stays_personal_beside_the_schools_name_or_a_role_ending(
    address: str,
) -> None:
    assert found(f"Vragen? Mail {address}", PDKind.EMAIL) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Schoolmobiel groep 8: 06-19 28 37 46",
        "De schooltelefoon is tijdelijk 06-19 28 37 46 i.v.m. een storing.",
        "Tijdens de avondvierdaagse zijn wij bereikbaar op 06-44 55 66 77.",
        "Bel ons gerust: 06-44 55 66 77",
    ],
)
def test_a_mobile_the_school_speaks_of_as_its_own_is_no_persons(text: str) -> None:
    assert found(text, PDKind.PHONE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vragen? App juf Sanne: 06-44 55 66 77",
        "Gevonden: een jas. Bel zijn vader even op 06-41 28 73 90",
        "Ik ben bereikbaar op 06-11 22 33 44",
        "Wie vragen heeft kan bellen met onze conciërge op 06-24 68 13 57.",
    ],
)
def test_a_mobile_of_a_person_stays_personal(text: str) -> None:
    assert len(found(text, PDKind.PHONE)) == 1
