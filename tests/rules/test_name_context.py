"""Names decided by the structure around them (session 5, issue 16): the lines of a list, the
name of a building or street, the person a post speaks of again. Every case is invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.rules.base import RuleContext
from tests.rules.helpers import names_found

CTX = RuleContext(school_name="IKC De Maasoever")


names = partial(names_found, ctx=CTX)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Onze kampioenen:\n1. Abraham\n2. Filmon\n3. Zeynep\nSucces!", "Abraham"),
        ("De rollen:\n- Pluk: Ecrin\n- Aagje: Shanice\n- meneer Pen: Mert", "Ecrin"),
        ("Winnaars:\n• Tsegay (groep 5)\n• Kacper (groep 6)", "Tsegay"),
    ],
)
def test_a_word_in_the_place_of_a_name_in_the_next_line_of_a_list_is_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wat lezen we?\n- groep 1-2: Nijntje\n- groep 3-4: Dolfje Weerwolfje",
        "Mee te nemen:\n1. Gymschoenen\n2. Handdoek\n3. Bidon",
    ],
)
def test_a_list_of_things_in_lines_holds_no_names(text: str) -> None:
    assert names(text) == []


def test_a_word_too_in_a_list_line_needs_two_names_in_that_place() -> None:
    assert "Roos" not in names("Groepjes:\n1. Roos\n2. Bilal")
    assert "Roos" in names("Groepjes:\n1. Roos\n2. Bilal\n3. Zofia")


@pytest.mark.parametrize(
    "text",
    [
        "Welkom, stagiair Jayden van de Hogeschool Rotterdam!",
        "Vandaag kwam Jayden van de Hogeschool Rotterdam kijken.",
    ],
)
def test_a_person_of_an_organisation_in_a_city_ending_like_a_street_is_a_name(text: str) -> None:
    assert names(text) == ["Jayden"]


@pytest.mark.parametrize(
    "text",
    [
        "De bus rijdt terug langs de Van Nelle Fabriek.",
        "Zaterdag spelen we tegen de dr. martin luther kingschool.",
        "Groep 8 bezocht het Anne Frank Huis en het Johan de Witt College.",
        "De Theo Thijssenprijs gaat dit jaar naar een school in Delft.",
    ],
)
def test_a_name_before_a_building_or_institution_word_is_the_places_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dank aan Gerdien van de Gereformeerde Kerk voor de zaal.", "Gerdien"),
        ("Meld je bij Wendy Oude Luttikhuis, moeder van Sem.", "Wendy Oude Luttikhuis"),
        ("Welkom aan Tobias Kamphuis in groep 1!", "Tobias Kamphuis"),
        ("Tijn uit het Kinderhuis ligt thuis met griep.", "Tijn"),
    ],
)
def test_a_person_of_a_place_or_with_a_surname_ending_like_one_stays_a_name(
    text: str, name: str
) -> None:
    assert any(found.startswith(name) for found in names(text))


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("We lazen uit het dagboek van Anne Frank. Anne schreef het in het Achterhuis.", "Anne"),
        ("Groep 6 leerde over Nelson Mandela. Nelson zat 27 jaar gevangen.", "Nelson"),
    ],
)
def test_the_first_name_of_a_public_figure_said_again_is_the_figure(text: str, again: str) -> None:
    assert again not in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op verkleeddag liepen er zeven Elsa's en drie Anna's rond.",
        "In de klas zitten twee Noah's en vier Sara's!",
    ],
)
def test_a_counted_name_is_a_kind_not_a_person(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Selam en welkom aan alle ouders die komen vertellen!",
        "Merhaba en welkom op ons plein!",
    ],
)
def test_a_greeting_joined_to_another_greeting_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_pupil_named_like_a_greeting_after_a_greeting_stays_a_name() -> None:
    assert names("Welkom Selam! Fijn dat je er bent.") == ["Selam"]


@pytest.mark.parametrize(
    "text",
    [
        "Ramadan Kareem aan alle gezinnen die vanaf vandaag vasten!",
        "Eid Mubarak! Vrijdag is de school dicht.",
    ],
)
def test_the_word_after_a_feast_is_its_greeting_not_a_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Groep 7 leerde over de geleerde Desiderius Erasmus en zijn boeken.",
        "Dirigent Lahav Shani vertelde over elk instrument. Shani liet de kinderen dirigeren.",
        "Veel kinderen droegen een shirt van PSG-verdediger Achraf Hakimi. Hakimi is hun held.",
        "Groep 6 maakte spandoeken voor marathonloper Abdi Nageeye. Nageeye, zet 'm op!",
    ],
)
def test_a_scholar_conductor_runner_or_club_defender_after_their_role_is_public(
    text: str,
) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In groep 3 vertellen we het verhaal van Rama en Sita. Rama redt Sita met hulp van apen.",
        "Groep 5 speelde een toneelstuk over Nasreddin Hodja. Hodja zat achterstevoren!",
        "De kleuters keken de film over Bolke de Beer en tekenden Bolke daarna.",
    ],
)
def test_the_figures_after_a_story_cue_are_the_storys_also_said_again(text: str) -> None:
    assert names(text) == []


def test_a_pupil_after_a_story_cue_with_a_group_stays_a_name() -> None:
    assert "Noor" in names("Het verhaal van Noor uit groep 5 won de schrijfwedstrijd.")


@pytest.mark.parametrize(
    "text",
    [
        "Ruth zei tegen Naomi: 'Waar u heen gaat, ga ik ook heen.'",
        "Jozef kreeg een mooie jas van zijn vader Jakob. Zijn broers werden jaloers.",
    ],
)
def test_a_post_whose_only_names_are_bible_figures_tells_their_story(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ruth en Naomi uit groep 4 wonnen de quiz.",
        "Juf Ruth en Daniël hebben de kerststal gebouwd.",
    ],
)
def test_pupils_and_staff_with_bible_names_stay_names(text: str) -> None:
    assert "Ruth" in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op 19 december komt Sviatyi Mykolai bij de Oekraïense gezinnen.",
        "Op 6 december brengt Święty Mikołaj de Poolse kinderen cadeautjes.",
        "Sankt Martin reed op zijn paard door de straten van Aken.",
    ],
)
def test_the_name_after_a_saints_title_is_the_saint(text: str) -> None:
    assert names(text) == []


def test_a_polish_title_before_a_surname_makes_it_a_name() -> None:
    assert names("Dziękujemy pani Kowalska voor het vertalen van de brief!") == ["Kowalska"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Welkom, familie Haddad! Fijn dat jullie er zijn.", "Haddad"),
        ("De familie Haddad heeft een nieuw huis gevonden.", "Haddad"),
        ("Gisteren bracht mevrouw Haddad baklava mee.", "Haddad"),
    ],
)
def test_a_surname_after_a_family_title_is_a_name_even_when_texts_use_it(
    text: str, name: str
) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Meester Dirk nam een echt varkenshart mee.",
        "Aron kreeg een sticker van meester Dirk.",
    ],
)
def test_a_first_name_that_is_also_a_shop_is_a_person_after_a_title(text: str) -> None:
    assert "Dirk" in names(text)


def test_a_first_name_in_capitals_after_naar_is_a_venue() -> None:
    assert names("Op donderdag gaan de groepen 3 en 4 naar NEMO.") == []


def test_a_word_of_three_dutch_words_is_no_name() -> None:
    assert names("Kerkrade viert feest: de Mijnmuseumdag is op zondag 5 oktober.") == []


def test_a_storys_hero_opening_a_sentence_about_heroes_is_a_character() -> None:
    text = "We lezen Kruimeltje. Kruimeltje en zijn hond Moor zijn de helden van groep 8."
    assert names(text) == []


def test_the_hero_of_the_day_is_praise_of_a_pupil() -> None:
    assert names("We lezen Pluk. Daan en zijn vader zijn de helden van de dag.") == ["Daan"]


def test_a_name_after_a_relative_just_become_one_is_a_name() -> None:
    assert "Tsion" in names("Meester Yonas is vader geworden van Tsion, geboren op 3 maart.")


@pytest.mark.parametrize(
    "text",
    [
        "Toen opende Kees Ruiter, de burgemeester van Heeze, het plein. Ruiter knipte het lint.",
        "We lazen gedichten van Ilse Verbeek, dichteres uit Zwolle. Verbeek las er twee voor.",
    ],
)
def test_a_full_name_described_after_a_comma_by_a_public_role_is_public_also_again(
    text: str,
) -> None:
    assert names(text) == []


def test_a_full_name_described_after_a_comma_as_a_relative_stays_a_name() -> None:
    assert "Sanne de Vries" in names("Dank aan Sanne de Vries, moeder van Daan.")


@pytest.mark.parametrize(
    "text",
    [
        "Mario en Luigi waren het thema van de disco van groep 7 en 8.",
        "Op carnaval kwamen vier kleuters verkleed als Elsa.",
    ],
)
def test_a_theme_or_a_costume_is_no_person(text: str) -> None:
    assert names(text) == []


def test_a_pupil_dressed_up_stays_a_name() -> None:
    assert names("Daan kwam verkleed als Elsa en Noor als Pippi.") == ["Daan", "Noor"]


def test_the_qurans_names_of_bible_figures_in_a_post_about_the_stories_are_figures() -> None:
    text = "Groep 7 vergeleek verhalen uit de Bijbel en de Koran: Abraham en Ibrahim, Noach en Nuh."
    assert names(text) == []


def test_a_full_name_said_to_have_been_a_maker_or_hero_is_historical() -> None:
    assert names("Groep 5 bezocht Madurodam. George Maduro was een verzetsheld.") == []


def test_the_maker_after_a_work_seen_or_heard_is_public() -> None:
    text = "In het Mauritshuis zagen we Het meisje met de parel van Johannes Vermeer."
    assert names(text) == []


def test_a_name_after_a_school_word_is_the_schools() -> None:
    text = "Zaterdag is de open dag van het Stedelijk Gymnasium Johan van Oldenbarnevelt."
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Groep 8 speelt dit jaar de musical Annie. Annie is een weesmeisje in New York.",
        "De kleuters keken de film Coco en zongen daarna de liedjes.",
    ],
)
def test_a_work_named_after_a_person_is_no_person_also_its_character_again(text: str) -> None:
    assert names(text) == []


def test_the_owner_of_a_book_after_van_stays_a_name() -> None:
    assert "Sanne" in names("Daan las het boek van Sanne voor in de kring.")


@pytest.mark.parametrize(
    "text",
    [
        "Groep 5 fietst woensdag naar Anna Paulowna om de tulpenvelden te zien.",
        "De zeehonden in Egmond aan Zee waren het hoogtepunt van de schoolreis 🦭",
        "Het kamp van groep 8 is dit jaar in Maria Hoop, vlak bij de Duitse grens.",
    ],
)
def test_a_village_of_several_words_after_a_place_preposition_is_no_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anna Paulowna en Sem hielpen bij de tulpenpluk.", "Anna"),
        ("We gingen met Maria Hoop naar de markt.", "Maria Hoop"),
    ],
)
def test_the_same_words_without_a_place_preposition_stay_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bij het oudergesprek is de tolk Amhaars er ook, dus vraag gerust alles.",
        "Tamazight is de taal die veel opa's en oma's thuis spreken.",
        "Op de taalmuur staat 'welkom' in het Urdu, Twi en Sranantongo 🌍",
    ],
)
def test_a_language_where_a_name_could_stand_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_person_after_the_same_cue_stays_a_name() -> None:
    assert names("Bij het oudergesprek is de tolk Senait er ook.") == ["Senait"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("De voorleeswedstrijd is gewonnen door Mirre K. uit groep 7.", "Mirre K."),
        ("Meester Sjoerd H. neemt na dertig jaar afscheid.", "Sjoerd H."),
        ("Elif Ş. heeft de tekenwedstrijd gewonnen.", "Elif Ş."),
        ("De prijs voor het mooiste gedicht ging naar Yaroslavna K. uit Lviv.", "Yaroslavna K."),
        ("Ilyas El K. liep de meeste rondjes van allemaal.", "Ilyas El K."),
        ("Hulde aan Jildou v.d. W. voor het opruimen!", "Jildou v.d. W."),
        ("De vader van Daan, Taras K., maakte de foto's.", "Taras K."),
        ("De sponsorloop is gewonnen door Storm V. met 40 rondjes.", "Storm V."),
        ("Onze overblijfmoeder Hatice Y. stopt na tien jaar.", "Hatice Y."),
    ],
)
def test_a_surnames_initial_after_a_first_name_belongs_to_the_name(text: str, name: str) -> None:
    assert name in names(text)


def test_an_initial_that_may_end_the_sentence_leaves_it_its_full_stop() -> None:
    assert names("Dank aan Wytske B. Zij bakte alle taarten.") == ["Wytske B"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hulde aan Fenna v.d. Berg voor het opruimen!", "Fenna v.d. Berg"),
        ("Hulde aan Wietske v/d Meer voor het opruimen!", "Wietske v/d Meer"),
        ("Welkom aan Ilyas El Khatib in groep 3!", "Ilyas El Khatib"),
    ],
)
def test_a_surname_after_a_particle_with_dots_or_a_capital_belongs_to_the_name(
    text: str, name: str
) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vragen? Mail meester A. El Khatib via de schoolapp.", "A. El Khatib"),
        ("Dank aan J. v.d. Berg voor het vervoer.", "J. v.d. Berg"),
        ("Tineke A. Bakker is onze nieuwe juf.", "Tineke A. Bakker"),
        ("Dank aan O. Kovalenko voor de hulp.", "O. Kovalenko"),
    ],
)
def test_an_initial_before_a_surname_belongs_to_the_name(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Vitamine D. is belangrijk in de winter.",
        "Het speellokaal C. is dicht.",
        "Speellokaal C. is dicht.",
        "Keizer Karel V. regeerde lang.",
        "Groep A. en groep B. gaan naar het bos.",
    ],
)
def test_an_ordinary_word_or_a_ruler_before_a_capital_letter_is_no_name(text: str) -> None:
    assert names(text) == []


def test_the_first_name_of_a_name_with_an_initial_said_again_is_a_name() -> None:
    text = "Bekijk de tekeningen van Mirre K. in de hal. Mirre heeft er hard aan gewerkt."
    assert names(text) == ["Mirre K.", "Mirre"]
