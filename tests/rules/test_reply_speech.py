"""Spec for `reply.to-parent`: who is answered, read from how the reply speaks of them.

Thanks said of an organisation in the third person, a person called by a role elsewhere in the
reply, a surname after "meneer" that is also a word, a child named in the deed a parent is
thanked for, a Facebook target written as an @handle, and what the reader does or has that no
parent would: a survey, a piece for a paper, their old school, bikes before their door, setting
up in the gym (issue 16, session 10; invented sentences, none from a corpus).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.models import Platform, PostKind
from auditor.rules import replies
from auditor.rules.base import RuleContext
from tests.factories import post

CTX = RuleContext(school_name="OBS De Vlinderhof", account_handles=("OBS De Vlinderhof",))


def flagged(text: str, reply_to: str | None = None) -> bool:
    reply = post(
        text=text,
        platform=Platform.FACEBOOK,
        kind=PostKind.REPLY,
        author_is_account=True,
        reply_to=reply_to,
        created_at=datetime(2025, 11, 4, 9, 30, tzinfo=UTC),
    )
    return bool(list(replies.to_parent(reply, CTX)))


@pytest.mark.parametrize(
    "text",
    [
        "Dank aan de gemeente Deventer voor de nieuwe fietsenstalling bij de ingang!",
        "Dank aan de vrijwilligers van de bibliotheek voor de voorleesmiddag 📚",
        "Bedankt aan de brandweer van Almelo voor de rondleiding in de kazerne 🚒",
        "Thanks to the library of Enschede for the reading crate, group 3 loves it!",
        "Thank you to the municipality for the new crossing near our gate 🦓",
    ],
)
def test_thanks_given_to_an_organisation_in_the_third_person_answer_no_parent(
    text: str,
) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dank aan Marloes voor de heerlijke appeltaart op de juffendag!",
        "Thank you to Priya for the lovely samosas at the class party!",
    ],
)
def test_thanks_given_to_a_person_in_the_third_person_still_answer_them(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Onze conciërge Wout heeft alle bladeren geruimd! Dank je wel, Wout 🍂",
        "Wat fijn dat opa Gerrit kwam vertellen over de oorlog. Dank u wel, Gerrit!",
        "Juf Elske heeft de hele musical geregeld. Je bent top, Elske!",
    ],
)
def test_a_person_called_by_a_role_elsewhere_in_the_reply_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Beste meneer Koster, wat vervelend dat de bus zo laat terug was. We zoeken het uit.",
        "Geachte mevrouw Trainer, de rapporten gaan vrijdag mee naar huis.",
        "Dag meneer Bakker, de gymles is op dinsdag in de sporthal.",
    ],
)
def test_a_surname_after_a_courtesy_title_is_a_person_whatever_else_it_means(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bedankt Ilse, dat je zaterdag met Fenne de moestuin hebt gewied!",
        "Dank je wel, Ramon, voor het rijden met Sem en zijn vriendjes naar het museum 🚗",
    ],
)
def test_a_child_named_in_the_deed_a_reader_is_thanked_for_makes_them_a_parent(
    text: str,
) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    ("text", "reply_to"),
    [
        ("@TheaterDeKolk top, dan komen we op 4 maart met groep 5!", "TheaterDeKolk"),
        ("@Dierenpark wat een mooie les over uilen voor groep 3 🦉", "Dierenpark"),
    ],
)
def test_a_facebook_target_shown_as_a_handle_is_read_as_one(text: str, reply_to: str) -> None:
    assert not flagged(text, reply_to)


def test_a_parents_handle_shown_in_the_text_is_still_a_parent() -> None:
    assert flagged("@marieke_vd_berg klopt, vrijdag zijn ze om 12.00 uur uit.", "marieke_vd_berg")


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Floor, je enquête over het schoolplein mag je in groep 8 afnemen.",
        "Hoi Kim, natuurlijk mag je een stukje schrijven over ons kerstontbijt.",
        "Hoi Stijn, wat leuk dat je je oude school komt helpen bij de sportdag!",
        "Beste Henk, dank je wel voor al die jaren als klaar-over bij het kruispunt!",
        "Beste meneer Kok, sorry voor de fietsen voor uw deur. We lossen het op.",
        "Hoi Tamara, je kunt vanaf 8.00 uur in de gymzaal opbouwen voor de schoolfoto's.",
    ],
)
def test_what_the_reader_does_or_has_shows_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Sandra, de ouderavond is dinsdag om 19.00 uur. Jullie zoon mag mee.",
        "Hoi Kees, je kunt je dochter vrijdag om 12.00 uur ophalen bij het hek.",
    ],
)
def test_a_parent_told_of_their_child_is_still_flagged(text: str) -> None:
    assert flagged(text)
