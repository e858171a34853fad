"""First names of families of many origins (issue 16): the lexicon's derived list holds Faker's
names beyond the Meertens lists, and the hand list common names of
communities neither covers. Found where the finder finds any name; a word or place that is
also a foreign name stays a word. Every case is invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.rules.base import RuleContext
from tests.rules.helpers import names_found

CTX = RuleContext(school_name="OBS De Windwijzer")
names = partial(names_found, ctx=CTX)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Doelpunten van Raluca en Tudor, wat een wedstrijd!", "Raluca"),  # Romanian
        ("Gefeliciteerd Tsvetelina met je zwemdiploma!", "Tsvetelina"),  # Bulgarian
        ("Dank aan de moeder van Réka voor de taart.", "Réka"),  # Hungarian
        ("Op het toernooi werd Ignas tweede.", "Ignas"),  # Lithuanian
        ("Wie heeft de jas van Ifeanyi gezien?", "Ifeanyi"),  # Nigerian (Igbo)
        ("Hoi Yaa, bedankt voor je tekening!", "Yaa"),  # Akan day name
        ("Leesmaatjes: Habtom en Samrawit uit groep 5.", "Samrawit"),  # Eritrean
        ("Dank je wel Deeqa voor de hulp bij de bazaar!", "Deeqa"),  # Somali
        ("Top gedaan Fereshta, de hele klas is trots.", "Fereshta"),  # Afghan
        ("Het koor: Aphrem, Lahdo en Shamoun zingen zondag.", "Lahdo"),  # Syriac
        ("welkom qusay en ghina in groep 4", "ghina"),  # Arabic, lower case
        ("Doelpunt van Adilson in de laatste minuut!", "Adilson"),  # Cape Verdean
    ],
)
def test_a_first_name_of_a_newer_community_is_found(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op 1 juli vieren we Keti Koti met de hele school.",
        "Groep 7 fietst naar de OBA Noord voor een boek.",
        "Op 13 december lopen we met lichtjes voor Santa Lucia.",
        "Fijne Divali en Holi aan al onze families!",
        "Spreekbeurt van vandaag: Cristiano Ronaldo.",
    ],
)
def test_a_feast_place_or_public_figure_that_is_also_a_foreign_name_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_frequent_dutch_word_that_is_also_a_foreign_name_needs_context() -> None:
    assert "Ama" not in names("Ama en Ghana: het thema van deze week.")
    assert "Ama" in names("Juf Ama leest vandaag voor.")
