"""Spec for `reply.to-parent`: who a reply addresses, read from how it speaks to them.

A pupil praised by name for their work, a helper thanked for a gift, and a parent answered
about a child named in the reply (issue 16, invented sentences, none from a corpus).
"""

from __future__ import annotations

import pytest

from tests.rules.test_reply_roles import flagged


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


@pytest.mark.parametrize(
    "text",
    [
        "Top gedaan, Esther! De eerste plaats bij de voorleeswedstrijd van groep 6 📚",
        "Goed gedaan, Sam! Je zwemdiploma A in één keer gehaald 🏊",
        "Knap hoor, Lotte! Door naar de finale van de dictee-race.",
        "Wat goed, Fleur! Winnaar van de tekenwedstrijd van de bieb 🎨",
        "Bravo, Daan! Je eerste solo op het podium ✨",
        "Top gedaan, Amir! Tweede plaats op de schoolvoetbaldag, en dat met een team uit groep 5.",
        "Super gedaan, Yusuf! De hoofdrol in de kerstmusical, en je tekst kende je uit je hoofd.",
        "Top gedaan, Esther! Wat zong je mooi als de sterrenkoningin 🌟",
        "Gefeliciteerd, Tess! Kampioen van het damtoernooi 🏆",
    ],
)
def test_a_pupil_praised_by_name_for_a_feat_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Top gedaan, Esther! Dankzij jou als klassenouder stond het kerstontbijt op tijd klaar.",
        "Top gedaan, Esther! Wat heeft uw dochter genoten van de voorleeswedstrijd.",
        "Top gedaan, Esther! De eerste plaats voor je zoon bij de voorleeswedstrijd 📚",
        "Top gedaan, Marco! Zonder hulpouders geen schoolvoetbaldag ⚽",
        "Top gedaan, Esther! De hoofdrol voor uw dochter, wat een avond.",
        "Goed gedaan, Ingrid! Fijn dat je het zo snel hebt doorgegeven.",
    ],
)
def test_praise_with_the_readers_child_or_a_parents_task_answers_a_parent(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ja Noor, de kostuumpas is dinsdag na de lunch. Vergeet je kostuum niet! 🎭",
        "Haha, dat mag, Bas! Als je je tekst maar kent 😉",
        "Ja hoor, Finn, je mag je eigen gitaar meenemen voor je solo in de musical 🎸",
        "Goed geoefend, Mila! Morgen de generale met je hele klas.",
        "Wat speelde je goed, Jayden! De hele zaal lag dubbel om de boze koning 👑",
        "Klopt, Saar! Vraag het morgen nog even aan je juf.",
        "Nee hoor, Ties, morgen geen huiswerk 😉 wel je gymspullen mee!",
    ],
)
def test_a_pupil_in_the_musical_or_told_about_their_own_school_things_is_no_parent(
    text: str,
) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Wendy, de kaartverkoop voor de musical start maandag. Per gezin twee kaarten.",
        "Ja hoor, Karin, uw zoon mag zijn eigen hoed meenemen voor zijn rol 🎩",
        "Klopt, Ramon! De kinderen van groep 8 moeten om 18.30 uur binnen zijn.",
        "Hoi Ellen, het kostuum hoeft niet gekocht te worden, een zwart shirt is genoeg!",
        "Hoi Ellen, het kostuum van je dochter hangt nog in de gymzaal.",
        "Dank je wel, Petra! Jullie Ties was een prachtige koning 👑",
        "Hoi Linda, je rol als klassenouder bij de musical: de kinderen schminken om 18.00 uur.",
    ],
)
def test_a_parent_asking_about_the_musical_is_still_a_parent(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wat leuk om van je te horen, Rutger! Dertig jaar geleden zat je hier in groep 8.",
        "Leuk dat je kwam kijken, Sanne! Tien jaar geleden stond je zelf nog op dit podium.",
        "Wat een mooie herinnering, Kees! Vroeger speelde je hier elke pauze knikkers.",
    ],
)
def test_a_former_pupil_told_where_they_sat_years_ago_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Beste meneer Dijkstra, excuses voor de herrie van de schoolband gisteravond 🙏",
        "Beste mevrouw Hofman, wat fijn dat u de ballen uit uw tuin steeds teruggooit!",
        "Dag meneer Kuiper, de voetballen die over de heg vliegen halen we voortaan zelf op.",
        "Beste buurtbewoners, excuses voor de geluidsoverlast van de bouw.",
    ],
)
def test_a_neighbour_answered_about_the_schools_noise_or_their_garden_is_no_parent(
    text: str,
) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dank joe wel, Geert, dat je de heg bij het schoolplein hebt gesnoeid 🌳",
        "Dank joe wel, oma Hillie, voor de mooie verhalen van vroeger!",
    ],
)
def test_gronings_thanks_for_a_deed_answer_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "@hcwinsum dank voor de hockeytraining op het plein! 🏑",
        "@judoclubdemat dank voor de judoclinic, groep 4 rolde over de mat!",
    ],
)
def test_thanks_for_a_training_or_clinic_answer_a_club(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wat een prachtige poster, Anouk! Die hangt morgen in de hal.",
        "Mooi werkje, Thijs! 🎨",
        "Wat een spannend opstel, Lars!",
    ],
)
def test_a_pupil_praised_for_a_poster_or_a_piece_of_work_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Collega's van OBS De Kiezel, dank voor de gezellige studiemiddag! Tot de volgende keer 🤝",
        "Collega's van KC Het Palet, wat een fijne dag samen!",
    ],
)
def test_colleagues_of_another_school_tagged_first_are_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Zie je DM, meester Pieter 📩",
        "Bedankt voor het melden, wijkagent Jansen",
        "Fijn dat het weer gelukt is, opa Bert 😊",
    ],
)
def test_a_name_that_ends_the_reply_is_whom_it_answers(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "U kunt het verlofformulier ophalen bij de administratie. Groetjes, juf Anja",
        "Het rapport komt vrijdag mee. Met vriendelijke groet, meester Koen",
        "Zie je DM, Marloes 📩",
    ],
)
def test_a_signature_at_the_end_is_the_writer_not_whom_the_reply_answers(text: str) -> None:
    assert flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dank u wel, meneer de burgemeester, voor uw bezoek aan de kinderraad!",
        "Dank u wel, mevrouw de wethouder, voor het openen van het schoolplein!",
    ],
)
def test_a_public_office_called_meneer_or_mevrouw_de_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Goed gezien, Tim! De vlag hing ondersteboven 😅 Jij krijgt een sticker!",
        "Slim bedacht, Noor! Jij verdient de eerste punt van de week.",
        "Bravo, team van groep 8! Kampioen bij het schoolkorfbal 🏆",
        "Goed gedaan, kanjers van groep 5!",
        "Top gedaan, Fenna! Jouw tekening won de eerste prijs bij de bibliotheek 🎨",
        "Wat goed dat je het zelf vraagt, Daan! Je mag je tekening morgen ophalen.",
    ],
)
def test_a_pupil_or_a_class_rewarded_or_told_of_their_work_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Lina! De musical is op 8 juli, jij speelt toch de kapitein? 😄",
        "Ja Thijs, in de voorstelling speel jij de koning en zing je het slotlied 👑",
        "Klopt, Mila! Je zingt de eerste solo in de kerstmusical.",
    ],
)
def test_a_pupil_who_plays_or_sings_in_the_schools_show_is_no_parent(text: str) -> None:
    assert not flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Linda, de musical is op 8 juli. Uw dochter speelt de kapitein!",
        "Ja Karin, in de voorstelling speelt jullie zoon de koning 👑",
    ],
)
def test_a_parent_told_their_child_plays_in_the_show_is_still_a_parent(text: str) -> None:
    assert flagged(text)
