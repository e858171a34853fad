"""Spec for `reply.to-parent`: who a reply addresses, read from how it speaks to them.

A pupil praised by name for their work, a helper thanked for a gift, and a parent answered
about a child named in the reply (issue 16, invented sentences, none from a corpus).
"""

from __future__ import annotations

import pytest

from auditor.models import Platform, PostKind
from auditor.rules import replies
from auditor.rules.base import RuleContext
from tests.factories import post

CTX = RuleContext(school_name="OBS De Vlinderhof", account_handles=("OBS De Vlinderhof",))


def flagged(text: str) -> bool:
    reply = post(text=text, platform=Platform.FACEBOOK, kind=PostKind.REPLY, author_is_account=True)
    return bool(list(replies.to_parent(reply, CTX)))


@pytest.mark.parametrize(
    "text",
    [
        "Wat een mooie tekening, Sietske!",
        "Wat een vrolijke kleurplaat, Jesse! 🌈",
        "Wat een prachtig knutselwerk, Ilse!",
        "Wat een stoer bouwwerk, Ayoub!",
        "Mooi schilderij, Fenna! Hij krijgt een plekje in de gang.",
        "Prachtig gekleurd, Bram!",
        "Super gelezen, Daan! 📚",
        "Keurig geschreven, Tijn!",
        "Goed gerekend, Mees! Op naar de tafel van 8.",
        "Wat een knappe tekening van de dierentuin, Noor!",
        "Wat heb je dat mooi getekend, Sem!",
        "Knap gebouwd, Liam! De hoogste toren van de klas.",
        "Wat een prachtige collage, Zoë!",
        "Mooie kleurplaat, Ravi! Die hangen we op.",
    ],
)
def test_a_pupil_praised_by_name_for_their_work_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Merci veur de vlaai, Ton!",
        "Dank je wel voor de taart, Marga!",
        "Bedankt voor de bloemen, Henk! Ze staan op de balie.",
        "Dank u wel voor de boeken, mevrouw Smit!",
        "Dank voor de appels, Gert! De klas heeft gesmuld.",
        "Bedankt voor de koekjes, Ria! 🍪",
        "Dankjewel voor de plantjes, Joop!",
        "Merci voor de pepernoten, Ans!",
        "Dank je voor het fruit, Wim!",
        "Bedankt voor de mooie kerstboom, Kees! 🎄",
        "Dank u wel voor de spelletjes, Truus!",
        "Bedankt voor de knutselspullen, Loes!",
    ],
)
def test_thanks_for_a_gift_to_the_school_answers_a_giver(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dank u voor de foto's! Wat gaat de tijd snel, Mila al 9 😍",
        "Dank voor de foto! Wat lacht Jesse er mooi op.",
        "Bedankt voor de taart! Fijn dat Sem weer beter is.",
        "Dank je voor de bloemen! Noor vond het spannend vandaag.",
        "Dank u wel voor de koekjes! Daan mag ze morgen uitdelen.",
        "Bedankt voor de foto's, zo te zien heeft Fenna genoten!",
        "Dank je wel voor de cake! Liam was er trots op.",
    ],
)
def test_thanks_that_speaks_of_a_named_child_answers_a_parent(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Marloes, de gymles begint om 8.45 uur.",
        "Goed dat u het meldt, Sandra!",
        "Wat fijn om te horen, Esther! Tot morgen.",
        "Wat een mooie tekening heeft uw zoon gemaakt, Marloes!",
        "Wat een mooie tekening van jullie dochter, Anja!",
        "Dank voor uw bericht, Peter!",
        "Wat een mooie foto, Yasmina! Heeft u die gemaakt?",
    ],
)
def test_a_parent_spoken_to_stays_a_parent(text: str) -> None:
    assert flagged(text)
