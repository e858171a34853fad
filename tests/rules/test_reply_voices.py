"""Spec for `reply.to-parent`: readers named in Turkish, English and Flemish-tinged Dutch.

A title after the name ("Fatma teyze") or alone ("Hocam,"), a grandparent in English or
Turkish, thanks in Turkish, a deed said with "om ... te" or "dat we bij jou mochten", a lesson
or a club as a deed, a colleague welcomed or asked to stand in, a job applicant, someone who
writes for a family, a child told of their own brother, a reader whose land the school uses;
and the parents beside them: a child named as the subject after thanks for a cake (issue 16,
session 8; invented sentences, none from a corpus).
"""

from __future__ import annotations

import pytest

from tests.rules.test_reply_roles import flagged


@pytest.mark.parametrize(
    "text",
    [
        "Emine teyze, wat lief dat u de baklava voor het eindfeest bracht! 🍯",
        "Dede Mehmet, wat mooi dat u groep 5 over de oogst vertelde!",
        "Hocam, hartelijk dank voor de uitleg over het offerfeest in groep 6!",
        "Thank you, Grandpa Bill, for the model train in the hall! 🚂",
    ],
)
def test_a_title_or_kin_word_in_turkish_or_english_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Çok teşekkürler voor de rondleiding in het buurthuis met groep 4!",
        "Merci om de kindjes van groep 2 te leren hoe een bij honing maakt, Rik! 🐝",
        "Bedankt, Janneke, dat de kleuters bij jou in de moestuin mochten oogsten! 🥕",
        "Dank je wel, Sander, voor de schaakclub op vrijdag! ♟️",
        "Beste Ilse, dank voor de verkeersles op het plein! 🚦",
    ],
)
def test_a_deed_thanked_for_in_other_words_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Welcome to the team, Jessica! Group 4 is looking forward to your first day.",
        "Welkom in het team, Bram! Fijn dat je er bent.",
        "Hoi Anouk, super dat je volgende week wilt invallen in groep 7!",
        "Hoi Wessel, leuk dat je wilt solliciteren! Stuur je cv naar de directeur.",
        "Hi Karen, thanks for writing on behalf of the family; they can visit on Monday.",
        "@yasmin.b_ jij mag je zusje vandaag ophalen, de juf weet ervan 👍",
        "Hoi Gerard, wat fijn dat we jouw schuur weer mogen gebruiken voor de kerstmarkt!",
    ],
)
def test_a_colleague_applicant_representative_sibling_or_lender_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Marjolein, het nieuwe schoonmaakrooster ligt in je postvak.",
        "Goedemorgen Carla, je vervanging in groep 4 is geregeld, beterschap!",
        "Beste Hanneke, dank voor uw offerte voor de nieuwe gymtoestellen.",
        "Hoi Gerda, excuses dat de bal weer in je bloembak belandde!",
        "Hello Martin, thanks for your article about our sports day!",
        "Hoi Marieke, leuk dat de krant een stuk wil maken over onze moestuin!",
        "Hoi Stefan, wat leuk dat je nu zelf leraar bent!",
        "Hi Ann, thank you for organising the recycling workshop for group 7!",
        "@dani.drums wat goed dat je op de bonte avond speelde! 🥁",
    ],
)
def test_what_the_reader_has_or_does_for_work_shows_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Esther, de gymzaal is op dinsdag vrij voor jullie volleybalclub.",
        "Beste Jan, fijn dat jullie vereniging de tent weer wil uitlenen ⛺",
        "Beste mevrouw Doornbos, dank voor het bezoek van de wethouder!",
    ],
)
def test_a_reader_who_speaks_for_an_organisation_or_brings_an_official_is_no_parent(
    text: str,
) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Sanne, neem gerust contact op met uw huisarts als de koorts blijft.",
        "Beste Ruud, de BSO haalt uw zoon op; geef het even door aan jullie BSO.",
        "Hi Ann, thanks for letting us know. Group 7 has a study day on Friday.",
    ],
)
def test_a_family_organisation_or_a_message_thanked_for_still_answers_a_parent(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Merci voor de appeltaart, Lien! Jelle mocht ze zelf uitdelen 🍎",
        "Teşekkürler Zehra, de börek was heerlijk! Uw dochter was zo trots.",
        "Hoi Kim, jouw zoon mag zijn broertje vandaag ophalen, dat is goed.",
    ],
)
def test_a_parent_thanked_or_told_of_their_child_is_still_a_parent(text: str) -> None:
    assert flagged(text)
