"""Posts written in haste (issue 16), second pass: lower-case names that the sentence structure
places, typos of lexicon words, loose numbers. Every sentence is invented; none is taken from a
corpus."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import auditor.rules.personal_data  # noqa: F401  (registers the rules)
from auditor.models import Platform, Post
from auditor.rules.base import REGISTRY, RuleContext

CTX = RuleContext(school_name="OBS De Kwikstaart")


def found(kind: str, text: str) -> list[str]:
    item = Post(Platform.TWITTER, "1", datetime(2026, 2, 3, tzinfo=UTC), text)
    return [h.value for h in REGISTRY[f"personal-data.{kind}"].func(item, CTX) if not h.allowed]


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
