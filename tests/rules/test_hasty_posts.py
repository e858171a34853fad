"""Posts written in haste (issue 16): lower case, typos, abbreviations, names glued to emoji,
numbers and addresses written loosely. Every sentence is invented; none is taken from a corpus."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

import pytest

from auditor.models import Platform, Post
from auditor.rules import personal_title
from auditor.rules.base import RuleContext
from auditor.rules.personal_data import special
from tests.rules.helpers import rule_found

CTX = RuleContext(school_name="OBS De Kwikstaart")


found = partial(rule_found, ctx=CTX)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tsjalling heeft vandaag zijn zwemdiploma B gehaald!!", "tsjalling"),
        ("groep 6 was super, oluwaseun mocht de prijs ophalen 🏆", "oluwaseun"),
        ("welkom terug kwabena!! we hebben je gemist", "kwabena"),
        ("de tekening is van nyokabi uit gr. 4 😍", "nyokabi"),
        ("morgen neemt meester gerlof de gymles over", "gerlof"),
        ("Een kaartje voor de familie van wubet, hun huis is ondergelopen", "wubet"),
    ],
)
def test_a_lower_case_word_no_list_knows_is_a_name_by_the_part_it_plays(
    text: str, name: str
) -> None:
    assert name in found("name", text)


@pytest.mark.parametrize(
    "text",
    [
        "kerstmusical gaat vrijdag door in de aula",
        "voorleeswedstrijd heeft een winnaar!!",
        "dank je wel luizenmoeders!!",
        "vandaaag heeft groep 3 een uitje naar de boerderij",
        "morgn gaat groep 5 naar het museum",
        "Morgen heeft groep 3 schoolfoto, de fotograf heeft een nieuwe camera.",
    ],
)
def test_a_lower_case_compound_rare_word_or_typo_of_a_word_is_no_name(text: str) -> None:
    assert found("name", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("knap gedaan door fleur uit gr. 7, ze won de tekenwedstrijd", "fleur"),
        ("de verloren trui is van roos (groep 2)", "roos"),
        ("hartelijk gefeliciteerd storm met je diploma!", "storm"),
    ],
)
def test_a_lower_case_name_that_is_a_word_is_a_name_with_a_group_or_after_a_greeting(
    text: str, name: str
) -> None:
    assert name in found("name", text)


@pytest.mark.parametrize(
    "text",
    [
        "het thema lente in groep 1/2: we planten bollen",
        "dag zomer, hallo herfst! de bladeren vallen",
        "welkom winter! trek een warme jas aan",
        "vandaag leerden we dat een noor veel sneeuw ziet",
        "hoi hoi! de gymtassen mogen mee naar huis",
    ],
)
def test_a_season_a_topic_a_noun_after_an_article_or_a_greeting_twice_is_no_name(
    text: str,
) -> None:
    assert found("name", text) == []


def test_names_separated_by_emoji_in_a_lower_case_list_are_names() -> None:
    text = "kampioenen dammen!! 🏆 groep 7 met obinna🔥 kwasi💪 lotte⭐ en bram 🎉"
    assert {"obinna", "kwasi", "lotte"} <= set(found("name", text))


@pytest.mark.parametrize(
    ("typo", "entry"),
    [
        ("ziekehuis", "ziekenhuis"),
        ("geopereed", "geopereerd"),
        ("hersenschuding", "hersenschudding"),
        ("waterpokke", "waterpokken"),
    ],
)
def test_a_long_word_one_letter_off_a_health_entry_is_read_as_that_entry(
    typo: str, entry: str
) -> None:
    assert special.vocabulary(special.HEALTH_FIELDS, "health_not").respelled(typo) == entry


@pytest.mark.parametrize("word", ["verleden", "geboren", "gebroed", "koorts", "ziekte", "gips"])
def test_a_dutch_word_or_a_short_word_is_never_respelled(word: str) -> None:
    assert special.vocabulary(special.HEALTH_FIELDS, "health_not").respelled(word) is None


@pytest.mark.parametrize(
    "text",
    [
        "juf Marloes is gisteren geopereed aan haar schouder",
        "Thijs ligt sinds zondag in het ziekehuis",
        "Noa heeft een hersenschuding na de val van haar fiets",
    ],
)
def test_a_misspelled_health_word_about_a_named_person_is_health(text: str) -> None:
    assert found("health", text) != []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "de sleutels liggen bij de moeder van Ties, op de meidoornstraat 8 b",
            "meidoornstraat 8 b",
        ),
        ("Spullen brengen bij Wendy, BERKENLAAN 31 in Almere", "BERKENLAAN 31"),
    ],
)
def test_a_street_and_number_in_lower_case_or_in_capitals_is_an_address(
    text: str, address: str
) -> None:
    assert found("address", text) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "op het schoolplein 4 tafels neergezet voor de markt",
        "we waren onderweg 2 uur, wat een rit",
    ],
)
def test_an_ordinary_lower_case_word_before_a_number_is_no_address(text: str) -> None:
    assert found("address", text) == []


def test_a_lower_case_postcode_between_a_house_number_and_a_lower_case_town_is_found() -> None:
    text = "de fiets is van sanne, ze woont op de wilgenlaan 3, 3512 jk utrecht"
    assert found("postcode", text) == ["3512 jk"]


@pytest.mark.parametrize(
    "text",
    ["morgen geen gym ivm de studiedag. gr juf petra", "tassen mee aub!! mvg meester dirk"],
)
def test_a_hasty_closing_before_a_teachers_name_is_a_signature(text: str) -> None:
    post = Post(Platform.TWITTER, "1", datetime(2026, 2, 3, tzinfo=UTC), text)
    assert list(personal_title.signature(post, CTX)) != []


def test_a_lower_case_name_opening_a_lower_case_sentence_carries_its_birthday() -> None:
    text = "jade wordt vandaag 7!! ze trakteert op pannenkoekjes"
    assert "jade" in found("name", text)
    assert found("birthdate", text) != []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("gefeliciteeerd bram!! fijne dag", "bram"),
        ("hoiii noor, tot morgen!", "noor"),
        ("morgen wordt onze noa uit groep 1 vijf!!", "noa"),
    ],
)
def test_a_lower_case_name_after_a_drawn_out_greeting_or_our_before_a_group_is_a_name(
    text: str, name: str
) -> None:
    assert name in found("name", text)


def test_a_noun_after_our_without_a_group_is_no_name() -> None:
    assert "mees" not in found("name", "onze mees zat vandaag in de voederplank")
