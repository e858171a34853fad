"""Whose mailbox or number is it? A mailbox's local part made of words of the language, places,
club letters and years and no name is an organisation's, even on a free provider; one made of
a name or initials is a person's, even on the school's own domain. The sentence around a
mailbox of unknown words, and a number called a club's or a camp's, tell the holder too.

All names, numbers and addresses here are invented.
"""

from __future__ import annotations

import pytest

from auditor.models import PDKind
from auditor.rules.base import Allow, RuleContext
from auditor.rules.personal_data.analysis import analyse_text
from auditor.rules.personal_data.mailboxes import Shape, shape_of

CTX = RuleContext(
    school_name="IKC De Wilgenhof",
    allow=Allow(phones=("0561-61 24 90",), emails=("info@dewilgenhof.nl",)),
)


def _values(text: str, kind: PDKind) -> list[str]:
    return [h.value for h in analyse_text(text, CTX).hits if h.kind == kind and not h.allowed]


@pytest.mark.parametrize(
    "local",
    [
        "jeugd.hsv",  # a department word and a club's letters
        "jeugdteam.wolvega",  # a compound and a town
        "kinderboekenweek2026",  # a project and a year
        "sponsorloop2027",
        "tcwolvega1978",  # a club's letters run into its town, a founding year
        "welpen.bevergroep",
        "zonnebloem.oldeberkoop",
        "kindernevendienst.noordwolde",
        "moederdag2027",  # a kin word opening a word of the language, no name after it
    ],
)
def test_words_places_and_years_make_an_organisations_mailbox(local: str) -> None:
    assert shape_of(local) is Shape.ORGANISATION


@pytest.mark.parametrize(
    "local",
    [
        "j.devries1984",  # initial, surname, year of birth
        "m.bakker",  # a surname that is a trade
        "anouk.meijer",
        "sanne1988",  # a first name and a year
        "keesmulder72",  # first name and surname run together
        "fam.yilmaz",
        "mamavanjesse",
        "familiebakker",  # a family word before a surname
        "opa.henk",
        "voetbalmama",  # a family word ending a nickname
        "noor.huiswerk",  # a first name beside a word
    ],
)
def test_a_name_initials_or_a_family_word_make_a_persons_mailbox(local: str) -> None:
    assert shape_of(local) is Shape.PERSON


@pytest.mark.parametrize("local", ["lieve2015", "boer.jan"])
def test_a_first_name_that_is_also_a_word_makes_a_persons_mailbox(local: str) -> None:
    assert shape_of(local) is Shape.PERSON


@pytest.mark.parametrize("local", ["cantilene", "oudersnoord", "zonnetje85", "voetbalgek"])
def test_an_unknown_word_or_one_word_alone_says_neither(local: str) -> None:
    assert shape_of(local) is Shape.UNKNOWN


@pytest.mark.parametrize(
    "address", ["zonnetje85@hotmail.com", "voetbalgek@live.nl", "paardenmeisje2009@gmail.com"]
)
def test_a_nickname_of_one_word_on_a_free_provider_stays_personal(address: str) -> None:
    assert _values(f"Reacties graag naar {address}", PDKind.EMAIL) == [address]


@pytest.mark.parametrize(
    "address",
    [
        "jeugd.hsv@outlook.com",
        "jeugdteam.wolvega@gmail.com",
        "kinderboekenweek2026@gmail.com",
        "tcwolvega1978@hotmail.com",
        "musical.groep8@gmail.com",
    ],
)
def test_an_organisations_mailbox_on_a_free_provider_is_not_personal(address: str) -> None:
    assert _values(f"Vragen of aanmelden? Mail naar {address}.", PDKind.EMAIL) == []


@pytest.mark.parametrize(
    "address",
    ["m.bakker@dewilgenhof.nl", "j.koster@dewilgenhof.nl", "j.devries1984@hotmail.com"],
)
def test_initials_and_a_surname_are_a_person_even_if_the_surname_is_a_word(address: str) -> None:
    assert _values(f"U kunt haar mailen op {address}.", PDKind.EMAIL) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Hulp nodig bij het kerstdiner: mail de ouderraad via oudersnoord@gmail.com",
        "Meezingen? Opgeven bij het koor: cantilene@hotmail.com",
    ],
)
def test_a_mailbox_of_unknown_words_after_an_organisation_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.EMAIL) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mail de ouderraad via anouk.meijer@gmail.com", "anouk.meijer@gmail.com"),
        ("Opgeven bij de ouderraad, bij Priya: cantilene@hotmail.com", "cantilene@hotmail.com"),
    ],
)
def test_a_persons_mailbox_stays_personal_beside_an_organisation(text: str, address: str) -> None:
    assert _values(text, PDKind.EMAIL) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Twijfel je of de training doorgaat? App het clubnummer: 06-28 37 49 51",
        "Tijdens het weekend is de leiding bereikbaar op het kampnummer 06-53 19 72 40.",
        "Bij een ongeluk: bel de noodlijn, 06-47 20 18 33.",
        "Fluiten bij de pupillen? Bel de club op 06-41 27 83 95",
    ],
)
def test_a_number_called_a_clubs_or_a_camps_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.PHONE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Twijfel je? App trainer Kees op zijn clubnummer: 06-28 37 49 51", "06-28 37 49 51"),
        ("Ruud is tijdens het kamp bereikbaar op 06-53 19 72 40.", "06-53 19 72 40"),
    ],
)
def test_a_shared_number_word_beside_a_person_stays_personal(text: str, value: str) -> None:
    assert _values(text, PDKind.PHONE) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Mail de voorzitter van de MR, Johan Peters: mr.johanpeters@gmail.com",
        "Vragen over het schoolreisje: or.sannedevries@gmail.com",
        "De penningmeester is bereikbaar via tso.keesmulder@outlook.com",
    ],
)
def test_a_role_mailbox_that_holds_a_full_name_is_that_persons(text: str) -> None:
    assert len(_values(text, PDKind.EMAIL)) == 1
