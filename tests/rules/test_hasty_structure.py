"""Posts written in haste (issue 16), second pass: lower-case names that the sentence structure
places, typos of lexicon words, loose numbers. Every sentence is invented; none is taken from a
corpus."""

from __future__ import annotations

import pytest

from tests.rules.test_hasty_posts import found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dank aan familie wisniewski voor de soep 🍲", "wisniewski"),
        ("vandaag haalt fam visser de kinderen op", "visser"),
        ("de sleutel ligt bij meneer hoekstra", "hoekstra"),
        ("haalt fam. de vries ook sanne op om 5 uur", "de vries"),
        ("de sleutels liggen bij mevrouw van dijk van de administratie", "van dijk"),
        ("the familie van den berg is hosting the bbq", "van den berg"),
        ("we leven mee met de familie el khatib 🕯️", "el khatib"),
    ],
)
def test_a_lower_case_surname_after_a_title_that_takes_one_is_a_name(text: str, name: str) -> None:
    assert name in found("name", text)


@pytest.mark.parametrize(
    "text",
    [
        "we wensen de familie heel veel sterkte",
        "een kaartje voor de familie van de kinderen uit groep 3",
        "de familie meer dan welkom op het feest",
    ],
)
def test_a_frequent_word_after_a_family_title_goes_on_with_the_sentence(text: str) -> None:
    assert found("name", text) == []


def test_after_familie_van_a_word_no_list_knows_stays_the_childs_name() -> None:
    assert found("name", "een kaart voor de familie van tesfalem") == ["tesfalem"]
