"""Names of figures, not private persons: the figures of a work the post names (its quoted
title, the parts pupils play), figures with a fixed epithet ("Boer Harm"), performers and saints
in their public role, a carnival association's prince, things named like persons (a mascot, a
radio station, a statue's figure); and the pupils named beside them, who stay names. Every case
is invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.rules.base import RuleContext
from tests.rules.helpers import names_found

CTX = RuleContext(school_name="Kindcentrum De Vlinderboom")


names = partial(names_found, ctx=CTX)


@pytest.mark.parametrize(
    "text",
    [
        "Groep 6 speelt de musical 'Dokter Gerrit'. Gerrit en zijn hond zitten in elk liedje.",
        "We lezen 'Toos en de tovenaar'. Toos woont in een toren aan zee.",
        "In de bieb lazen we 'Annabel' van Frank Ploeg. Annabel is een heks die niet kan vliegen.",
        "Groep 4 keek de film 'Marloes'. Marloes woont op een boerderij.",
        "Groep 5 ging naar 'Fenna' in de Stadsschouwburg. Fenna zong het slotlied.",
    ],
)
def test_a_name_in_the_quoted_title_of_a_work_is_its_figure_also_said_again(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "De kleuters gaan naar de voorstelling 'Truus, Mol en de rest' in het theater.",
        "Groep 3 zingt het lied 'Wessel, Wim en Wouter' bij de opening.",
    ],
)
def test_a_quoted_title_with_commas_after_a_work_word_holds_no_person(text: str) -> None:
    assert names(text) == []


def test_names_listed_with_a_title_figure_are_figures_too() -> None:
    text = "We lazen 'Kees de Kikvors'. Kees, Greet en Joost beleven samen avonturen."
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We lezen 'Toos en de tovenaar'. Toos uit groep 5 las het eerste hoofdstuk voor.", "Toos"),
        ("Groep 6 speelt 'Dokter Gerrit'. Juf Marieke doet de regie.", "Marieke"),
        ("Onze 'Sanne' zong het mooiste lied.", "Sanne"),
    ],
)
def test_a_pupil_beside_a_quoted_title_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "pupil", "part"),
    [
        ("In de musical speelt Daan de rol van Hendrik.", "Daan", "Hendrik"),
        ("Het kerstspel was mooi: Femke was een stralende Elisabeth.", "Femke", "Elisabeth"),
        ("Bij het toneelstuk zong Mila als Sophie het mooiste lied.", "Mila", "Sophie"),
        ("In het toneelstuk was Anna de heks en Tygo was Gerrit.", "Tygo", "Gerrit"),
        ("De rol van Kees wordt gespeeld door Sanne uit groep 8.", "Sanne", "Kees"),
        ("Meneer Pruim wordt gespeeld door Jesse.", "Jesse", "Pruim"),
    ],
)
def test_the_part_a_pupil_plays_is_no_name_the_pupil_is(text: str, pupil: str, part: str) -> None:
    found = names(text)
    assert pupil in found
    assert part not in found


def test_a_part_is_no_name_where_it_is_said_again() -> None:
    text = "In de musical speelt Daan de rol van Hendrik. Hendrik is een boze boer."
    assert names(text) == ["Daan"]


@pytest.mark.parametrize(
    "text",
    [
        "Wie worden Boer Teun en Kapitein Jochem in de musical?",
        "De rollen zijn Vrouw Aaltje, Visser Klaas en de Zeemeermin.",
        "De kleuters spelen Kapitein Joris op het klimrek.",
        "De kleuters speelden Ridder Gijs en de draak na.",
    ],
)
def test_a_first_name_after_a_capitalised_ordinary_word_is_a_figure(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Knap gedaan, Kanjer Noor!", "Noor"),
        ("Vanmiddag speelde Keeper Sem de sterren van de hemel.", "Sem"),
        ("Vandaag mocht Held Yara de vlag hijsen.", "Yara"),
        ("Ook Dappere Lieke durfde de glijbaan af.", "Lieke"),
    ],
)
def test_a_first_name_after_a_capitalised_word_outside_a_work_stays_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dank aan Opa Henk voor de hulp bij het fietsen!", "Henk"),
        ("Vandaag vertelde Juf Anouk over haar reis.", "Anouk"),
        ("Prins Luuk kreeg de sleutel van de school.", "Luuk"),
        ("Op de foto: Harm de Boer Jaap en Sem.", "Jaap"),
        ("Dank aan Fietsenmaker Ruud de Wit voor de hulp.", "Ruud de Wit"),
    ],
)
def test_a_first_name_after_a_title_a_prince_or_a_surname_or_before_one_stays_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vertelster Hanneke Bosveld vertelde sprookjes in groep 2. Hanneke had een poppenkast.",
        "Gitarist Ruben Kooistra speelde mee met het schoolkoor.",
        "Sprinter Dafne Olthof gaf het startschot bij de sportdag.",
        "Wij vieren het feest van de heilige Lucia van Syracuse met kaarsjes.",
    ],
)
def test_a_performer_an_athlete_or_a_saint_in_their_role_is_public(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "De mascotte Bertje Bever kwam ook op het plein.",
        "Groep 8 is vrijdag te horen op Radio Gerrit.",
        "De klas bekeek het standbeeld van Hendrik Casimir op het plein.",
        "Op de poster staat een afbeelding van Pieter Stuyvesant.",
        "In groep 4 lezen we over Koos Koets en zijn paard.",
        "Vandaag kwam de band Danny Brothers spelen op het plein.",
    ],
)
def test_a_mascot_a_station_a_statue_or_what_a_book_is_about_holds_no_person(text: str) -> None:
    assert names(text) == []


def test_a_carnival_association_prince_with_the_numeral_one_is_in_his_office() -> None:
    assert names("Wie volgt Prins Harrie I op als prins van de carnavalsvereniging?") == []


@pytest.mark.parametrize(
    "text",
    [
        "Jeugdprins Luuk I kreeg de sleutel van de school.",
        "Prins Luuk I uit groep 8 kreeg de sleutel.",
    ],
)
def test_a_youth_prince_or_a_prince_of_a_group_is_a_pupil(text: str) -> None:
    assert names(text) == ["Luuk"]


def test_names_opening_a_sentence_that_calls_them_heroes_of_a_book_are_characters() -> None:
    assert names("We lezen een spannend boek. Karlijn en Wessel zijn de helden.") == []


def test_a_full_stop_between_digits_ends_no_sentence() -> None:
    assert names("Om 18.45 uur brandt het kampvuur bij de kerk.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Onze burgemeester, Kees Ruiter, opende de nieuwe speeltuin.",
        "De wethouder van onderwijs, mevrouw Jansen, knipte het lint door.",
        "De schrijfster van 'Het geheim van de mijn', Marijke Dorst, kwam op bezoek.",
    ],
)
def test_a_full_name_between_commas_after_a_public_role_is_the_office_holder(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dank aan de burgemeester, Sanne en Daan!", "Sanne"),
        ("Dank aan de burgemeester, Sanne Bakker en Daan!", "Sanne Bakker"),
    ],
)
def test_names_listed_after_a_public_role_stay_names(text: str, name: str) -> None:
    assert name in names(text)


def test_a_maker_named_in_full_is_public_also_by_first_name_later() -> None:
    assert names("Schrijver Tom Bakker las voor. Tom had ook tekeningen mee.") == []


def test_a_maker_of_a_group_is_a_pupil() -> None:
    assert "Sanne" in names("Kunstenaar Sanne Bakker uit groep 6 won. Sanne was blij.")


@pytest.mark.parametrize(
    "text",
    [
        "We leerden over koningin Máxima en haar dochters Amalia, Alexia en Ariane.",
        "Anne Frank en haar zus Margot schreven brieven.",
    ],
)
def test_relatives_named_after_a_public_figure_and_a_possessive_are_public(text: str) -> None:
    assert names(text) == []


def test_a_relative_named_after_a_private_person_is_a_name() -> None:
    assert names("Juf Sanne en haar dochter Lotte kwamen kijken.") == ["Sanne", "Lotte"]


def test_names_listed_right_after_a_works_title_ending_their_clause_are_its_figures() -> None:
    text = "Groep 8 speelt de musical 'De Zeeleeuw'! Bram, Wietske, Kees en Floor: wie wordt wie?"
    assert names(text) == []


def test_pupils_listed_after_a_works_title_before_their_verb_stay_names() -> None:
    text = "We lazen 'De Gruffalo'. Daan, Sem en Lotte mochten voorlezen."
    assert names(text) == ["Daan", "Sem", "Lotte"]


def test_a_name_no_list_knows_after_a_capitalised_ordinary_word_is_a_figure() -> None:
    assert names("We tekenden een strip. Professor Barabas bouwt een teletijdmachine.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Umut (Turks) en Amal (Arabisch) betekenen allebei hoop.",
        "Op de woordmuur: Deniz is de zee en Nour betekent licht.",
    ],
)
def test_a_name_whose_meaning_the_post_gives_is_a_word(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Yara betekent 'vlinder' in het Arabisch, vertelde Yara uit groep 4.", "Yara"),
        ("Sanne is ziek. Dat betekent dat de les niet doorgaat.", "Sanne"),
    ],
)
def test_a_pupil_in_a_post_that_explains_a_word_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "We lazen 'Dolfje Weerwolfje'. Dolfje wordt een wolf en alleen zijn broer Timmie weet het.",
        "Groep 6 werkte over Vincent van Gogh. Vincent schilderde bloemen. Zijn broer Theo hielp.",
        "Groep 7 leest 'Tim en de zilveren sleutel van de oude toren'. Tim en zijn vriendin Sofie "
        "zoeken de sleutel.",
    ],
)
def test_a_relative_or_friend_of_the_figure_named_last_is_a_figure(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Juf Anouk is weer terug. Haar dochter Fleur is geboren.", "Fleur"),
        ("We lazen over Vincent van Gogh. Daan vond het mooi. Zijn broer Sem ook.", "Sem"),
    ],
)
def test_a_relative_of_a_person_named_last_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bij het beeldje van Jan Pieter Smeets op het plein hoorden we over de sluiswachter. "
        "Smeets woonde hier 200 jaar geleden.",
        "Dennis Walraven, oud-spits van Fortuna, gaf een clinic. Dennis deelde sjaals uit.",
    ],
)
def test_a_public_figure_named_in_full_is_public_when_said_again(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Koning Saul was bang voor de reus. David versloeg Goliath met een steentje.",
        "Groep 3 maakte een ark. Noach, Cham en Jafeth gingen erin met alle dieren.",
    ],
)
def test_a_post_naming_several_bible_figures_tells_their_story(text: str) -> None:
    assert names(text) == []


def test_pupils_in_a_groups_slot_stay_names_beside_a_figure() -> None:
    text = "De leerlingenraad: uit groep 5: Hanna en Mozes. Uit groep 6: Bram en Noor."
    assert {"Hanna", "Bram", "Noor"} <= set(names(text))


def test_a_name_counted_with_keer_is_a_costume() -> None:
    assert names("Bij het Halloweenfeest zagen we twee keer Elsa en drie heksen.") == []


def test_a_lower_case_word_cited_in_quotes_is_no_name() -> None:
    text = "We leerden woorden in het dialect: 'mooi' is 'sjiek', en een 'wietse' is een jongen."
    assert names(text) == []


def test_a_lower_case_name_quoted_in_a_lower_case_post_stays_a_name() -> None:
    assert names("er staat 'yara' op de beker. ligt bij de gevonden voorwerpen") == ["yara"]


@pytest.mark.parametrize(
    "text",
    [
        "Groep 7 leerde over Aletta Jacobs en Wilhelmina Drucker. Aletta was de eerste arts.",
        "De bovenbouw hoorde over Nelson Mandela en zijn strijd.",
    ],
)
def test_a_full_name_a_lesson_is_about_is_a_public_figure(text: str) -> None:
    assert names(text) == []


def test_a_pupil_a_lesson_hears_about_with_a_group_stays_a_name() -> None:
    text = "Groep 5 hoorde over Daan de Vries uit groep 8, die naar Frankrijk verhuist."
    assert names(text) == ["Daan de Vries"]


def test_a_name_in_the_value_place_of_lines_with_a_label_and_a_colon_is_listed() -> None:
    text = "De rollen zijn verdeeld!\nMaria: Elise\nDe herder Jaap: Bas\nHerbergier: Sophie"
    assert "Bas" in names(text)


def test_the_company_a_story_figure_keeps_is_the_storys() -> None:
    text = "We lezen Dikkie Dik. Dikkie Dik woont bij Marja en Kees en heeft een mand."
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We lezen Dikkie Dik. Dikkie Dik logeert bij juf Anouk.", "Anouk"),
        ("We lazen 'Kikker en Pad'. Kikker gaat met Daan uit groep 3 naar het bos.", "Daan"),
    ],
)
def test_a_person_with_a_title_or_group_in_a_story_figures_company_stays_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


def test_a_name_listed_beside_the_figures_of_a_bible_story_is_one_of_them() -> None:
    text = "Het verhaal van Jakob: Levi, Simeon en Juda gingen met hun vader mee."
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Het kerstspel was prachtig. Fleur was een stralende Maria en Kenzo speelde Jozef.",
            "Kenzo",
        ),
        ("Het verhaal van David en Goliath: Thomas was David en Ruben de reus.", "Ruben"),
    ],
)
def test_a_pupil_beside_a_bible_part_played_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)
