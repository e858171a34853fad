"""Spec for `reply.to-parent`: the reader's role, read from what the reply says of it.

Someone at school for their work or volunteering (a coach, a bus driver, a youth-care worker),
an intern, a councillor, a grandparent, a neighbour, a former pupil now a student, a pupil by
their own handle, an organisation tagged by a word after its name, a reply in English, and the
message a reply quotes (issue 16, session 7; invented sentences, none from a corpus).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.models import Platform, PostKind
from auditor.rules import replies
from auditor.rules.base import RuleContext
from tests.factories import post

CTX = RuleContext(school_name="OBS De Vlinderhof", account_handles=("OBS De Vlinderhof",))


def flagged(text: str, platform: Platform = Platform.FACEBOOK, year: int = 2025) -> bool:
    reply = post(
        text=text,
        platform=platform,
        kind=PostKind.REPLY,
        author_is_account=True,
        created_at=datetime(year, 3, 12, 8, 15, tzinfo=UTC),
    )
    return bool(list(replies.to_parent(reply, CTX)))


@pytest.mark.parametrize(
    "text",
    [
        "Coach Dennis, wat leuk dat je met de E-jes kwam kijken bij het schooltoernooi!",
        "Chauffeur Wim, dank voor de rustige rit naar de Efteling 🚌",
        "Trainster Sanne, super dat de meiden van de MC1 kwamen helpen bij de sportdag!",
        "Klaarover Henk, elke ochtend staat u er weer, ook in de regen ☔",
    ],
)
def test_a_name_opened_with_a_role_word_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Petra, fijn dat je als jeugdverpleegkundige op de ouderavond wilt vertellen.",
        "Top idee, Ruud! Als wijkagent weet jij precies wat er bij de oversteek misgaat.",
        "Beste Annelies, u bent als bibliothecaris van harte welkom in groep 3.",
        "Dag Jasper, fijn dat je als stagiair in groep 6 begint!",
    ],
)
def test_the_readers_role_said_with_als_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Petra, fijn dat de wijkagent als gast op de ouderavond komt.",
        "Hoi Karin, de jeugdverpleegkundige komt als het goed is dinsdag langs voor uw zoon.",
    ],
)
def test_a_role_said_of_someone_else_still_answers_a_parent(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("@sophie_2016 nee hoor, morgen is er gewoon school! 🎒", 2025),
        ("@milan2013 jaaa, de schoolreis gaat door, ook als het regent ☔", 2025),
        ("@noa_gr6 haha, de juf heeft je tekening al opgehangen!", 2025),
        ("@groep8_daan de musical is op 3 juli, zet het in je agenda!", 2026),
    ],
)
def test_a_handle_with_a_pupils_birth_year_or_group_is_no_parent(text: str, year: int) -> None:
    assert not flagged(text, Platform.TWITTER, year)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("@jeroen_1984 de studiedag is op vrijdag 14 maart.", 2025),
        ("@mama_van_2016 ja, uw dochter mag morgen later komen.", 2025),
        ("@femke_2003 de informatieavond begint om 19.30 uur.", 2025),
        ("@papa_gr4 ja hoor, de rapporten gaan vrijdag mee.", 2025),
    ],
)
def test_an_adults_or_a_family_handle_still_answers_a_parent(text: str, year: int) -> None:
    assert flagged(text, Platform.TWITTER, year)


@pytest.mark.parametrize(
    "text",
    [
        "Succes met je tentamens, Lars! Groeten van je oude school 🎓",
        "Wat leuk dat je voor je scriptie bij ons komt meekijken, Iris!",
        "Hoi Merel, wat een goede eerste stageweek in groep 5! 🍎",
        "Dag Mees, de kinderen praten nog steeds over jouw workshop graffiti 🎨",
        "Wat fijn dat u erbij was, mevrouw Jansen! Uw kleindochter was zo trots.",
        "Beste meneer Wolters, excuses voor de auto's voor uw uitrit bij het halen en brengen.",
        "Dank u wel, meneer Bos, dat u de bal weer over het hek gooide!",
        "Dank voor uw vragen in de gemeenteraad over het schoolplein, mevrouw Yilmaz!",
        "Fijn dat u na uw pensioen nog elke week komt voorlezen, meneer De Wit!",
        "Beste Wendy, wat fijn dat u kwam! U heeft hier 28 jaar voor de klas gestaan.",
    ],
)
def test_what_the_reply_says_of_the_reader_shows_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Linda, de workshop voor ouders is op dinsdag, uw zoon mag mee.",
        "Wat fijn dat u erbij was, mevrouw Jansen! Uw dochter was zo trots.",
        "Beste meneer Wolters, de stage van groep 8 bij de bakker is op 3 april.",
        "Hoi Sandra, u kunt hier morgen om 8 uur voor de klas wachten.",
    ],
)
def test_a_parent_told_of_a_workshop_or_a_child_is_still_a_parent(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hogeschool Windesheim, dank voor het fijne overleg over de stageplaatsen!",
        "Saxion Pabo, top dat jullie studenten weer bij ons komen meelopen.",
        "Dank je wel Ingrid van de bibliotheek voor de voorleeswedstrijd!",
        "Klopt @bieb_zwolle, groep 5 komt om 10.00 uur!",
    ],
)
def test_an_organisation_named_by_a_word_after_its_name_or_called_out_is_no_parent(
    text: str,
) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you so much, Tom, for the cooking workshop in group 6!",
        "Thanks, Emma, for the dance workshop for group 4! 💃",
        "Thank you, Ahmed, for your football training on the playground!",
    ],
)
def test_a_helper_thanked_in_english_for_a_deed_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you, Ahmed, for your help! Your son did great on the trip.",
        "Hi Olena, yes, your daughter may bring her own lunch.",
    ],
)
def test_an_english_reply_that_speaks_of_the_readers_child_is_a_parent(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Mogen we de gymzaal op zaterdag gebruiken?" Beste buurman, helaas is die dan bezet.',
        "> Is de bieb woensdag open? Hoi collega, ja hoor, vanaf 13.00 uur.",
    ],
)
def test_the_reply_after_a_quoted_message_names_whom_it_answers(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Hoi juf, mag Sem morgen later komen?" Ja hoor, geen probleem!',
        "> Hoi meester, is er morgen gym? Hoi Marloes, ja, neem de gymspullen mee.",
        '"Zijn de rapporten al mee?" Ja, ze gaan vrijdag mee in de tas 📄',
    ],
)
def test_a_greeting_inside_the_quoted_message_is_the_askers_not_the_readers(text: str) -> None:
    assert flagged(text)
