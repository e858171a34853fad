"""A person's age read from the structure of its clause (issue 16, bench/corpus_birth5): the
number is the complement of an age verb or noun, it ends its phrase, and the clause's subject is
a person; numbers of groups, times, prices, counts, ranks, years of service and the ages of
things and animals are no one's age. All names are invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.models import PDKind
from auditor.rules.base import RuleContext
from tests.rules.helpers import analysed

CTX = RuleContext()


birthdates = partial(analysed, PDKind.BIRTHDATE, ctx=CTX)


def shown(text: str, value: str) -> bool:
    return any(value in found for found in birthdates(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hieb hieb hoera! Os Guus weurt vandaag zeve 🎉 en trakteert op vlaai.", "zeve"),
        ("Pieke en Noud zijn allebei net vier en kennen de weg al.", "net vier"),
        ("Zuzanna werd in de herfstvakantie 9 en trakteerde vandaag alsnog.", "9"),
        ("Anas wordt in de zomervakantie 9, dus vierde hij het vandaag alvast.", "9"),
        ("De opa van Kerem werd vorige week tachtig 🎉 Hij vertelde over vroeger.", "tachtig"),
        ("Thijs wort 7 vandaag 🎉 hij mag de vlag hijsen.", "wort 7"),
        ("Jelle is 9 worre ⛵ hij neemt de klas mee op de boot.", "is 9 worre"),
        ("Welkom Tjitske! Ze verhuisde naar Texel, is zes jaar oud en houdt van paarden.", "zes"),
    ],
)
def test_a_number_after_an_age_verb_with_only_time_words_between_is_an_age(
    text: str, value: str
) -> None:
    assert shown(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hafsa 8 jaar vandaag 🎉🎉 en ze deelt stroopwafels uit", "8 jaar vandaag"),
        ("Dank aan Mees (bijna 7) die het naambordje heeft getekend.", "bijna 7"),
        ("Nassim – 7 jaar & trots 💪 Hij mocht de vlag hijsen.", "7 jaar"),
        ("De jongste deelnemer was Kyan, pas 6, en hij won twee partijen!", "pas 6"),
        ("Jarig in groep 1! 🎈\nLina 4️⃣\nAdam 5️⃣\nZe kiezen een kroon.", "4️⃣"),
        ("Jarig in september 🎈\n🎂 Ilyas – 8\n🎂 Hiba – 9\nMabrouk allemaal!", "8"),
        ("Proficiat mit dien verjaordaag, Fleur! 🎂 Zeve jaor al, de klas is trots!", "Zeve jaor"),
        ("Ons jarige juffie Femke: 25 vandaag!", "25 vandaag"),
    ],
)
def test_an_age_without_a_verb_right_after_a_name_is_an_age(text: str, value: str) -> None:
    assert shown(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sem is 8 en Lotte 6.", "Lotte 6"),
        ("Vandaag werd Daan 7 en zijn zus Fien 10! 🎉", "Fien 10"),
        ("Ayoub wordt deze week 9 en zijn zusje Yasmina 6 🎈", "Yasmina 6"),
    ],
)
def test_an_age_whose_verb_is_left_out_after_another_age_is_an_age(text: str, value: str) -> None:
    assert shown(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("gefeliciteert Soufiane met je 10de!! 🎉 de hele klas zong", "10de"),
        ("De papa van Jorrit belde via de video voor Jorrits zevende verjaardag.", "zevende"),
        ("Wat fijn, al die kaartjes voor mijn 35e verjaardag!\nGroetjes, juf Ilse", "35e"),
    ],
)
def test_an_ordinal_of_a_persons_birthday_is_an_age(text: str, value: str) -> None:
    assert shown(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Sem uit groep 8 komt morgen om 8 uur naar school.",
        "Meester Roel werkt nu 8 jaar op De Koempel.",
        "Juf Yvonne is vandaag 12,5 jaar in dienst!",
        "Meneer Hüseyin helpt al 8 jaar als klaar-over 🚸",
        "Juf Marianne staat dit jaar 40 jaar voor de klas.",
        "Voor het kamp van juf Anouk is de eigen bijdrage 8 euro.",
        "Sem en Lotte zijn 2 van de 28 leerlingen die de toets op de laptop maken.",
        "Ons team met juf Anouk werd 8e van de 24 scholen.",
        "Op het schaaktoernooi werd Bence tweede en Rokas Kazlauskas vierde ♟️",
        "Met juf Anouk bezochten we de molen, die is 250 jaar oud.",
        "De score van Sem is 80!",
        "Meester Bas is op 8 en 9 mei op kamp met groep 8.",
        "In het boek van juf Naima is de hoofdpersoon Mo tien jaar en woont hij in Zaandam.",
        "Kinderen vanaf 4 jaar mogen meelopen met juf Inge.",
        "Meester Thijs: vanaf volgend schooljaar wordt groep 7 gewoon groep 8.",
    ],
)
def test_a_number_of_a_group_time_price_count_rank_or_thing_is_no_age(text: str) -> None:
    assert birthdates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Welkom in groep 1! Deze week begonnen:\n- Indy (4)\n- Rowan (4)", "4"),
        ("Deze week begonnen Yasmina (5) en haar broer Ayoub (8). Groep 2 en 5 helpen.", "8"),
    ],
)
def test_a_digit_in_brackets_after_a_name_is_an_age_where_groups_are_written_out(
    text: str, value: str
) -> None:
    assert shown(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "De grootste groepen:\ngroep 4: juf Merel (24)\ngroep 7: meester Bas (27)",
        "De winnaars: Sem (8), Lisa (7) en Bo (6).",
    ],
)
def test_brackets_that_may_hold_a_group_or_a_class_size_are_no_age(text: str) -> None:
    assert birthdates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Juf Anouk leerde ons in het Pools: "Mam osiem lat" betekent "ik ben acht jaar".',
        "Groep 6 van juf Anouk zag een munt. Wij zijn 2 uur in het museum geweest.",
    ],
)
def test_an_age_of_the_writer_or_of_us_is_no_named_persons(text: str) -> None:
    assert birthdates(text) == []
