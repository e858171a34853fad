"""`gated`: a regex with a lookahead of its first characters finds exactly what it found before."""

from __future__ import annotations

import re

import pytest

from auditor.nlp.patterns import (
    Alternatives,
    first_characters,
    gated,
    required_keys,
    top_level_alternatives,
)
from auditor.rules.personal_data import special

TEXTS = [
    "Sanne wordt vandaag 8 jaar! Geboren op 3 mei 2016, gefeliciteerd.",
    "Op 2 november geboren: Tijn. Hij werd 9 en is jarig 🎂",
    "Groep 7 haalde gemiddeld een 7,8 voor rekenen; Daan een I+ op spelling.",
    "Bezoek www.bakkerij.nl of mail naar info@school.nl :// niets",
    "Groetjes, JUF Anna - Bas, MR. Koen en Mr. Jan; meester sem",
    "GEBOREN 12-03-2015, WORDT MORGEN TIEN",
    "",
    "ſ İ ı ß K: letters die hoofdletterongevoelig anders vallen",
    "(7) [8] {9} 10,5 €12,99 — ‘quote’ “quote” 1234 AB",
    "De HELDIN las het Boek; held2, x_held, ſpel, toneelspel, SKI-les, İk en ık, Kiss",
]

PATTERNS = [
    r"\b(?:is|was)\s+jarig\b|\b\d{1,2}\s+jaar\b",
    r"jarig|verjaardag|🎂|geboren",
    r"(?<![\d.,])(?:10|[1-9]),\d(?![\d,])|\been\s+[IV]+[+-]?",
    r"\.(?:nl|com)\b|www\.|://",
    r"[\U0001F300-\U0001FAFF]|\(\d\)",
    r"(?:a|b)?c+|\d{2,}",
    r"[^a-z]x|y",  # a negated class: no set can be told
    r"(?i:juf|meester)\s+[a-z]\w+|[-–]\s*(?-i:[A-Z])|(?-i:Mr)\.\s",  # groups set their own case
    r"x?",  # may match empty: no gate
    r"(?i)geboren",  # inline flags: left alone
    r"\b(?:held|heldin|boek\w*|lees\w*|las)\b",  # words: opened by a class of their letters
    r"\bbeteken(?:t|en|de|den)\b|toneel|spel\b|\bmusical",
    r"(?P<word>kiss|ski)\b|\bik(?P<end>\w?)",
]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_gated_pattern_finds_the_same_matches(source: str, flags: int) -> None:
    plain, fast = re.compile(source, flags), gated(source, flags)
    for text in TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(len(text)):
            a, b = plain.search(text, pos, len(text) - 1), fast.search(text, pos, len(text) - 1)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize("source", [r"[^a-z]x|y", r"x?", r"a|.b", r"(?i)geboren"])
def test_a_pattern_whose_first_characters_cannot_be_told_stays_as_it_is(source: str) -> None:
    assert gated(source).pattern == source


@pytest.mark.parametrize("source", [p for p in PATTERNS if first_characters(p) is not None])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_every_match_begins_with_one_of_the_first_characters(source: str, flags: int) -> None:
    first = re.compile(first_characters(source, flags) or "", flags)
    for text in TEXTS:
        for m in re.finditer(source, text, flags):
            assert first.match(text, m.start()), (source, text, m.group())


@pytest.mark.parametrize("source", [r"[^a-z]x|y", r"x?", r"a|.b", r"(?i)geboren"])
def test_first_characters_that_cannot_be_told_are_none(source: str) -> None:
    assert first_characters(source) is None


def test_first_characters_keep_a_group_s_own_case() -> None:
    assert first_characters(r"(?i:juf)|[-–]") == r"[\-–]|(?i:[j])"


def test_a_pattern_of_words_opens_with_a_class_of_their_first_letters() -> None:
    """`re` skips in C to a character of a leading class; each word looks back at its own."""
    assert gated(r"\bjarig\b|\bverjaardag\b", re.I).pattern.startswith("[jJvV](?:(?<=[jJ])")
    assert gated(r"\b(?:zag|zagen)\b").pattern.startswith("[z](?:(?<=[z])")


def test_a_pattern_of_words_that_is_not_only_words_keeps_its_lookahead() -> None:
    assert gated(r"\bjarig\b|\d+\s+jaar\b", re.I).pattern.startswith(r"(?=")


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_pattern_opened_by_its_letters_keeps_its_groups(flags: int) -> None:
    source = r"(?P<word>kiss|ski)\b|\bik(?P<end>\w?)"
    plain, fast = re.compile(source, flags), gated(source, flags)
    assert fast.groupindex == plain.groupindex
    for text in TEXTS:
        assert [m.groupdict() for m in fast.finditer(text)] == [
            m.groupdict() for m in plain.finditer(text)
        ]


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_a_letter_s_class_holds_every_character_re_matches_to_it_ignoring_case(
    letter: str,
) -> None:
    """İ and ı match i, ſ matches s, the Kelvin sign matches k (`re` folds them so)."""
    led = gated(rf"\b{letter}x\b|\b{letter}y\b", re.IGNORECASE).pattern
    cased = led[1 : led.index("]")]
    every = "".join(chr(n) for n in range(0x110000) if not 0xD800 <= n < 0xE000)
    assert set(cased) == set(re.findall(f"(?i:{letter})", every))


@pytest.mark.parametrize("name", ["BIRTHDATE", "BIRTHDAY_POST", "advice", "grade", "family"])
def test_the_costly_special_category_patterns_are_gated(name: str) -> None:
    """Long case-insensitive alternations, run over whole posts: a guard against losing the
    gate when a pattern is reworded in a way `gated` cannot read (see auditor/nlp/patterns.py)."""
    pattern = getattr(special, name, None) or special._patterns()[name]
    assert pattern.pattern.startswith(("(?=", r"\b(?=", "["))


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize(
    "source", [*PATTERNS, special.BIRTHDATE.whole.pattern, r"\b(?:jarig|(?:is|was)\s+\d+|ge\w+)\b"]
)
def test_alternatives_find_the_same_matches(source: str, flags: int) -> None:
    whole, each = re.compile(source, flags), Alternatives(source, flags)
    for text in TEXTS:
        assert [m.span() for m in each.finditer(text)] == [m.span() for m in whole.finditer(text)]


@pytest.mark.parametrize(
    ("source", "keys"),
    [
        (r"\bgeb\.?\s+\d", {"geb"}),
        (r"\b(?:geboren|berne)\s+op", {"geboren", "berne"}),
        (r"(?i:Kaarsjes)\b", {"kaarsjes"}),
        (r"\d+\s+kaarsjes|\bjarig", {"kaarsjes", "jarig"}),
        (r"\d+|jarig", None),
        (r"(?:jarig)?\d", None),
    ],
)
def test_required_keys_are_what_every_match_holds(source: str, keys: set[str] | None) -> None:
    assert required_keys(source) == (None if keys is None else frozenset(keys))


def test_top_level_alternatives_split_outside_groups_classes_and_escapes() -> None:
    source = r"a|(b|c)|[|]|[]|]|\|d|e"
    assert top_level_alternatives(source) == ["a", "(b|c)", "[|]", "[]|]", r"\|d", "e"]


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        (r"\b(?:ab|c(?:d|e))\b", [r"\bab\b", r"\bc(?:d|e)\b"]),
        (r"(?:ab|cd)", ["ab", "cd"]),
        (r"\b(?:ab)x(?:c|d)\b", [r"\b(?:ab)x(?:c|d)\b"]),  # not one group
        (r"\b(?:ab|cd)\bx", [r"\b(?:ab|cd)\bx"]),
    ],
)
def test_one_group_of_alternatives_between_word_boundaries_is_spread(
    source: str, parts: list[str]
) -> None:
    assert top_level_alternatives(source) == parts


@pytest.mark.parametrize("source", [r"x?|jarig", r"(a)\1|jarig", r"(?i)jarig|feest"])
def test_alternatives_that_cannot_be_searched_apart_are_searched_whole(source: str) -> None:
    each = Alternatives(source)
    assert [m.span() for m in each.finditer("Jarig? aa feest")] == [
        m.span() for m in re.finditer(source, "Jarig? aa feest")
    ]


@pytest.mark.parametrize("source", PATTERNS)
def test_alternatives_search_finds_the_first_match_between_its_bounds(source: str) -> None:
    whole, each = re.compile(source, re.I), Alternatives(source, re.I)
    for text in TEXTS:
        for pos in range(0, len(text), 3):
            a, b = whole.search(text, pos, len(text) - 1), each.search(text, pos, len(text) - 1)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize("source", PATTERNS)
def test_alternatives_match_as_the_whole_pattern_at_each_position(source: str) -> None:
    whole, each = re.compile(source, re.I), Alternatives(source, re.I)
    for text in TEXTS:
        for pos in range(len(text)):
            a, b = whole.match(text, pos), each.match(text, pos)
            assert (a and a.span()) == (b and b.span())


def test_alternatives_compile_only_the_alternatives_a_text_needs() -> None:
    """Start-up: building the pattern parses nothing, a search compiles what the text can
    match (here the one alternative whose word it holds)."""
    each = Alternatives(r"\bjarig\b|\bgeboren\s+op\s+\d+|\bkaarsjes\b", re.IGNORECASE)
    assert "_plan" not in vars(each) and "whole" not in vars(each)
    assert [m.group() for m in each.finditer("Sem is JARIG")] == ["JARIG"]
    assert list(each._plan.each) == [0]
