"""Prefix trees and first-character openings of patterns find exactly what the plain forms found."""

from __future__ import annotations

import re

import pytest

from auditor.nlp.patterns import KeyGroups, any_of, tree_alternation
from auditor.rules.personal_data import names
from auditor.rules.personal_data.words import TLD
from auditor.rules.personal_title import FIRST_PERSON

TEXTS = [
    "Bestel via bol.com of bij Bakkerij Jansen: 20% korting, €5 per stuk!",
    "Max Verstappen en max. twee ouders; Anton Pieck, anton pieckje, st. nicolaas",
    "ik, mij, me-tijd, m'n ik-boekje, mijzelf, ikzelf; dikke mijn, myn mysels. mij",
    "Kijk op WWW.school.NL of https://x.com; www.de.nl.info, a.nl.b, :// ww.",
    "",
    "ſ İ ı K: letters die hoofdletterongevoelig anders vallen",
]
KEYS = [
    ("winkel", "shop", "%"),
    tuple("bakker bakkerij bol.com winkel shop korting € % kapper studio salon zaak".split()),
    tuple(f"w{i}" for i in range(30)) + ("max", "verstappen"),
]


@pytest.mark.parametrize("keys", KEYS)
def test_any_of_tells_whether_a_key_occurs_as_in_does(keys: tuple[str, ...]) -> None:
    for text in TEXTS:
        assert any_of(keys)(text.lower()) is any(key in text.lower() for key in keys)


GROUPS = [
    ("school", "thuis"),
    ("schoolkeuze", "advies"),  # a key of another group goes on from "school"
    ("oor", "kom"),  # inside another key ("door", "welkom"), not at its start
    ("pest", "pestte"),  # one key goes on in another of the same group
    ("",),  # the empty key is in every text
    (),
]
GROUP_TEXTS = TEXTS + [
    "de schoolkeuze van Sem",
    "Welkom door de deur, pestte hij?",
    "thuis en op school",
    "SCHOOLKEUZE",
]


@pytest.mark.parametrize("text", GROUP_TEXTS)
def test_key_groups_tell_which_groups_occur_as_any_of_does(text: str) -> None:
    occurring = KeyGroups(GROUPS).occurring(text)
    folded_safe = not any(ch in text for ch in "\u0130\u0131\u017f")
    for group in GROUPS:
        expected = any_of(group)(text.lower()) if folded_safe else True
        assert (group in occurring) is expected


def test_a_tree_drops_the_keys_that_go_on_in_a_shorter_one() -> None:
    assert tree_alternation([list("ab"), list("abc"), list("b")]) == "(?:ab|b)"


def test_a_tree_tries_the_longer_key_first_when_asked() -> None:
    assert tree_alternation([list("ab"), list("abc")], longer=True) == "ab(?:c|)"


PHRASES = [
    frozenset({"max", "max verstappen", "anton pieck", "st. nicolaas", "anton"}),
    frozenset({"pieck", "anton pieck", "nicolaas"}),
]


@pytest.mark.parametrize("phrases", PHRASES)
def test_phrases_as_a_tree_match_as_the_list_sorted_longest_first(
    phrases: frozenset[str],
) -> None:
    listed = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(listed) + r")(?!\w)", re.IGNORECASE)
    for text in TEXTS:
        found = [m.span() for m in names._phrase_pattern(phrases).finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (FIRST_PERSON, r"\b(?:ik|mij|me|mijn|m'n|mezelf|mijzelf|ikzelf|myn|mysels)\b(?!-)"),
        (TLD, r"(?i)\.(?:nl|com|org|net|be|eu|nu|info|frl|de)\b|www\.|://"),
    ],
)
def test_a_pattern_opened_by_its_first_characters_finds_the_same(
    fast: re.Pattern[str], plain: str
) -> None:
    for text in TEXTS + [t.lower() for t in TEXTS]:
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in re.finditer(plain, text)
        ]
