"""Birthdays, health and other facts said without their usual words (issue 16,
bench/corpus_recall6): an ordinal for a birthday, dates of a birth written short, an age in
words after a day; health said by its treatment, its aid, its home or its absence; a home
situation, a young carer, conduct and a changed year group said of a named person. Beside
each: the same words about nobody or no such fact. All names and sentences are invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.models import PDKind
from auditor.rules.base import RuleContext
from tests.rules.helpers import analysed

CTX = RuleContext()


values = partial(analysed, ctx=CTX)


def shown(kind: PDKind, text: str, part: str) -> bool:
    return any(part in value for value in values(kind, text))


# --- birthdays ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Sanne viert morgen haar achtste!", "viert morgen haar achtste"),
        ("Meester Dirk viert zaterdag zijn 40ste 🎉", "viert zaterdag zijn 40ste"),
        ("Opa Wim viert dit weekend zijn tachtigste en komt taart brengen.", "zijn tachtigste"),
    ],
)
def test_a_named_person_celebrating_an_ordinal_is_a_birthday(text: str, part: str) -> None:
    assert shown(PDKind.BIRTHDATE, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "De school viert dit jaar haar vijftigste verjaardag met een reünie.",
        "Juf Ilse viert haar tweede jubileum bij ons.",
        "Meester Dirk viert zijn derde kampweek met groep 8.",
    ],
)
def test_an_ordinal_of_a_school_a_jubilee_or_an_event_is_no_birthday(text: str) -> None:
    assert values(PDKind.BIRTHDATE, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Welkom in groep 1, Tesfay (°03/05/2021)!", "°03/05/2021"),
        ("Nieuw bij ons: Fatima ° 12-11-2020, uit Goes.", "° 12-11-2020"),
    ],
)
def test_a_date_after_the_birth_sign_is_a_birth_date(text: str, part: str) -> None:
    assert shown(PDKind.BIRTHDATE, text, part)


def test_a_temperature_before_a_date_is_no_birth_sign() -> None:
    assert values(PDKind.BIRTHDATE, "Meester Kees meet 2° op 3-1-2026: de ijsbaan gaat open!") == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Noor kwam vrijdag de 14e ter wereld, 3200 gram.", "de 14e ter wereld"),
        ("Meester Joost en Lieke zijn op 2/12 de trotse ouders geworden van Sam.", "2/12"),
        ("Op dinsdag 4/3 is juf Mirjam bevallen van een dochter.", "4/3"),
    ],
)
def test_a_birth_dated_by_day_and_month_or_day_of_the_month_is_a_birth_date(
    text: str, part: str
) -> None:
    assert shown(PDKind.BIRTHDATE, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Op 4/3 bezocht juf Mirjam met groep 5 het geboortehuis van Rembrandt.",
        "Op 3/4 kregen juf Anke en meester Bas een nieuwe kleuter in de klas.",
    ],
)
def test_a_short_date_beside_no_birth_is_no_birth_date(text: str) -> None:
    assert values(PDKind.BIRTHDATE, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mila is sinds gisteren vijf 🎈", "is sinds gisteren vijf"),
        ("Noah wordt op 12/4 zes!", "wordt op 12/4 zes"),
        ("Sofia is de jongste: ze werd in december pas zes.", "werd in december pas zes"),
        ("Juf Romy vierde gisteren haar verjaardag 🎂", "vierde gisteren haar verjaardag"),
    ],
)
def test_an_age_in_words_after_a_day_or_a_short_date_is_a_birthday(text: str, part: str) -> None:
    assert shown(PDKind.BIRTHDATE, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Meester Sem is sinds maandag drie weken met verlof.",
        "Het hek van juf Anna wordt op 3/10 twee meter hoger.",
    ],
)
def test_a_count_after_a_day_that_is_no_age_is_no_birthday(text: str) -> None:
    assert values(PDKind.BIRTHDATE, text) == []


# --- health ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Meester Ruben stopt om zich op zijn gezondheid te richten.", "gezondheid"),
        ("Juf Sara is na haar ziekteperiode weer terug.", "ziekteperiode"),
        ("De oma van Jesse is niet meer wakker geworden.", "niet meer wakker geworden"),
        ("Juf Lotte is er even niet. Ze heeft haar kindje verloren.", "kindje verloren"),
        ("Thijs gaat op woensdag naar de kinderfysio.", "kinderfysio"),
        ("Daan heeft vorige week buisjes gekregen.", "buisjes gekregen"),
        ("Opa Jan heeft een nieuwe knie en leest even niet voor.", "nieuwe knie"),
        ("Meester Bert krijgt een nieuwe lens in zijn oog.", "nieuwe lens"),
        ("Lina krijgt voor de lunch een prikje van juf.", "prikje"),
        ("Meester Henk is voorlopig uitgeschakeld door een hernia.", "hernia"),
        ("Mila eet halal, dus we bestellen voor haar een andere snack.", "eet halal"),
        ("Na zijn amandelen is Bram er weer!", "amandelen"),
        ("Evi draagt een pleister op haar bril voor haar luie oog.", "luie oog"),
        ("Timo heeft moeite met drukte, daarom zit hij bij het raam.", "moeite met drukte"),
    ],
)
def test_a_treatment_an_aid_or_a_condition_said_in_other_words_is_health(
    text: str, part: str
) -> None:
    assert shown(PDKind.HEALTH, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Gezonde school: we letten op de gezondheid van alle kinderen.",
        "Na het kamp was groep 8 bijna niet meer wakker te krijgen.",
        "Sem maakte een raket van lege buisjes.",
        "Sommige kinderen hebben moeite met drukte in de aula.",
    ],
)
def test_the_same_words_about_nobody_are_no_health(text: str) -> None:
    assert values(PDKind.HEALTH, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Fien is terug na een lange periode in het Sophia.", "Sophia"),
        ("Opa Gerrit woont sinds kort in een verpleeghuis.", "verpleeghuis"),
        ("Zijn beppe, die in het woonzorgcentrum woont, kwam kijken naar Sietse.", "woon"),
    ],
)
def test_a_hospital_stay_or_a_care_home_lived_in_is_health(text: str, part: str) -> None:
    assert shown(PDKind.HEALTH, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Sara en Jesse brachten de kerstkaarten naar het verzorgingshuis.",
        "Opa Kees vertelde over de periode in het ziekenhuis waar hij werkte als portier.",
    ],
)
def test_a_card_sent_to_a_care_home_or_a_hospital_worked_in_is_no_ones_health(text: str) -> None:
    assert values(PDKind.HEALTH, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Voor de gym prikt juf even bij Daan in zijn vinger.", "in zijn vinger"),
        ("Wij geven Ahmed om 12 uur zijn tabletje.", "tabletje"),
        ("Sem krijgt na het eten zijn pufje van de juf.", "pufje"),
        ("Wij wensen Lucas veel sterkte: zijn opa is er niet meer.", "er niet meer"),
    ],
)
def test_a_finger_prick_a_dose_at_a_time_or_a_relative_no_more_is_health(
    text: str, part: str
) -> None:
    assert shown(PDKind.HEALTH, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Noor legde haar tabletje op tafel en speelde een spelletje.",
        "De opa van Daan is er niet meer bij op het plein, hij is verhuisd.",
        "Ayla krijgt een baby born pop voor haar verjaardag.",
    ],
)
def test_a_tablet_computer_a_grandfather_away_or_a_toy_baby_is_no_health(text: str) -> None:
    assert values(PDKind.HEALTH, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Juf Merel krijgt in september een baby!", "krijgt in september een baby"),
        ("Groot nieuws voor Ayla. Haar moeder krijgt binnenkort een tweeling.", "tweeling"),
    ],
)
def test_a_baby_that_a_woman_gets_is_a_pregnancy(text: str, part: str) -> None:
    assert shown(PDKind.HEALTH, text, part)


def test_a_baby_that_only_a_man_gets_is_left_as_a_fathers_new_baby() -> None:
    assert values(PDKind.HEALTH, "Meester Bas krijgt in mei een baby!") == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Yusuf is dinsdag vrij voor het Offerfeest.", "vrij voor het Offerfeest"),
        ("Hatice en Emre zijn morgen afwezig vanwege het Suikerfeest.", "afwezig vanwege"),
    ],
)
def test_a_day_off_for_a_religious_feast_tells_a_named_childs_religion(
    text: str, part: str
) -> None:
    assert shown(PDKind.HEALTH, text, part)


def test_a_feast_greeting_to_everyone_is_no_ones_religion() -> None:
    text = "Eid mubarak voor iedereen die vandaag het Suikerfeest viert!"
    assert values(PDKind.HEALTH, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Let op: Amira heeft type 1 en prikt voor de lunch.", "heeft type 1"),
        ("Opa Jan liep een maand met stokken na zijn val.", "met stokken"),
    ],
)
def test_diabetes_by_its_type_or_walking_with_aids_is_health(text: str, part: str) -> None:
    assert shown(PDKind.HEALTH, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Juf Anja heeft type 2 van de toets klaargelegd.",
        "Tijdens de speurtocht liep Daan met stokken te sjouwen.",
    ],
)
def test_a_type_of_test_or_carrying_sticks_is_no_health(text: str) -> None:
    assert values(PDKind.HEALTH, text) == []


# --- other -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Welkom Jelte, die sinds mei bij zijn opa en oma in Kapelle woont.", "bij zijn opa"),
        ("Na de brand slaapt het gezin van Sami voorlopig bij een oom.", "voorlopig bij een oom"),
        ("Jaylen woont de ene week bij mama en de andere week bij papa.", "week bij mama"),
        ("Amir zorgt na school voor zijn zieke moeder.", "zorgt na school voor zijn zieke"),
        ("Senna zorgt na school voor haar kleine zusjes.", "zorgt na school voor haar"),
        ("Jayden en zijn moeder wonen in de opvang.", "wonen in de opvang"),
        ("Het gezin van Amir heeft geen huis meer na de brand.", "geen huis meer"),
        ("De ouders van Jip hebben het financieel zwaar.", "financieel zwaar"),
        ("Het gezin van Dean is verhuisd naar een noodwoning.", "noodwoning"),
        ("Sara is jonge mantelzorger voor haar vader.", "mantelzorger"),
    ],
)
def test_a_home_situation_or_a_young_carer_of_a_named_child_is_other(text: str, part: str) -> None:
    assert shown(PDKind.OTHER, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Sem logeerde bij zijn opa, die in Goes woont.",
        "Daan zorgt in het weekend voor zijn konijn.",
        "Sem zorgt voor zijn broertje tijdens het buitenspelen, wat lief!",
        "Op de Dag van de Mantelzorg bedanken we alle mantelzorgers.",
    ],
)
def test_a_visit_a_pet_or_carers_in_general_are_no_home_situation(text: str) -> None:
    assert values(PDKind.OTHER, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mees heeft een klasgenoot een duw gegeven.", "duw gegeven"),
        ("Trots op Daan: zijn gedrag in de klas is veel beter.", "zijn gedrag"),
        ("Noor had alle 20 sommen van de tafeltoets goed!", "goed"),
        ("Sinds de kerst zit Lars in groep 5 in plaats van groep 4.", "in plaats van groep 4"),
        ("Proficiat Sem met je B-niveau voor spelling!", "B-niveau"),
        ("Ilyas doet groep 4 over.", "doet groep 4 over"),
        ("Emma zit in groep 3 voor de tweede keer.", "groep 3 voor de tweede keer"),
        ("Lars is naar groep 6 gegaan, hij sloeg groep 5 over.", "sloeg groep 5 over"),
        ("Noah is naar huis gestuurd na een vechtpartij.", "vechtpartij"),
        ("Ali spijbelt vaak, daarom is er een gesprek.", "spijbelt"),
    ],
)
def test_conduct_a_result_or_a_changed_year_group_of_a_named_pupil_is_other(
    text: str, part: str
) -> None:
    assert shown(PDKind.OTHER, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "We praten in de klas over gedrag op het plein.",
        "Groep 5 had gemiddeld 18 van de 20 sommen goed.",
        "Op maandag gymt juf Els met groep 6 in plaats van groep 5.",
        "Groep 4 doet de toets over na de vakantie, zegt juf Anne.",
    ],
)
def test_the_same_words_about_a_group_or_a_teacher_are_no_other(text: str) -> None:
    assert values(PDKind.OTHER, text) == []


# --- who is spoken about -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Fleur vast dit jaar voor het eerst mee met de ramadan.", "Fleur", PDKind.HEALTH),
        ("Lieve herstelt thuis van een operatie.", "Lieve", PDKind.HEALTH),
        ("Roos logeert voorlopig bij een tante na de brand.", "Roos", PDKind.OTHER),
        ("Storm trakteert vandaag, hij is 7 geworden.", "Storm", PDKind.BIRTHDATE),
        ("Jade prikt voor de lunch haar suiker.", "Jade", PDKind.HEALTH),
    ],
)
def test_a_name_that_is_a_word_before_a_verb_of_a_state_or_event_is_the_facts_subject(
    text: str, name: str, kind: PDKind
) -> None:
    assert name in values(PDKind.NAME, text)
    assert values(kind, text) != []


def test_a_word_before_such_a_verb_without_a_fact_stays_a_word() -> None:
    assert values(PDKind.NAME, "Storm verwacht vanmiddag: alle kinderen blijven binnen.") == []


def test_living_in_turns_said_as_between_the_parents_is_other() -> None:
    assert shown(PDKind.OTHER, "Bo pendelt tussen papa en mama.", "tussen papa en mama")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Juf Hanneke stopt met werken: haar gezondheid laat het niet meer toe.", "gezondheid"),
        ("Meester Ben zit thuis met zijn rug.", "thuis met zijn rug"),
        ("Meester Frank is even uit de running.", "uit de running"),
        ("Juf Loes heeft een zwaar jaar achter de rug en start rustig.", "zwaar jaar"),
        ("Juf Amber gaat in maart met verlof, want er komt een baby!", "er komt een baby"),
    ],
)
def test_staff_health_said_by_its_consequence_is_health(text: str, part: str) -> None:
    assert shown(PDKind.HEALTH, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "Sem schreef thuis met zijn linkerhand een verhaal.",
        "Juf Anne is blij: in de dierentuin komt er een baby-olifant.",
    ],
)
def test_writing_at_home_or_an_animal_baby_is_no_staff_health(text: str) -> None:
    assert values(PDKind.HEALTH, text) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Welkom Fenna! Het dochtertje van meester Luuk kwam 12/3 ter wereld.", "12/3"),
        ("Juf Merel heeft op 15 oktober een zoon gekregen.", "15 oktober"),
    ],
)
def test_a_staff_babys_birth_dated_without_op_or_in_the_perfect_is_a_birth_date(
    text: str, part: str
) -> None:
    assert shown(PDKind.BIRTHDATE, text, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Sara (groep 4) is acht jaar en woont in Goes.", "is acht jaar"),
        ("Sem uit groep 5 is 9 en speelt op de pupillen.", "is 9"),
        ("Noah is van 2019.", "is van 2019"),
        ("Twee jaar geleden is Noor geboren, nu is ze al twee!", "is ze al twee"),
        ("Wie wordt er vandaag 8? Onze Yusuf!", "wordt er vandaag 8"),
    ],
)
def test_a_named_childs_age_after_a_group_a_birth_year_or_an_answered_question_is_a_birthday(
    text: str, part: str
) -> None:
    assert shown(PDKind.BIRTHDATE, text, part)


@pytest.mark.parametrize(
    "text",
    [
        "De foto van Sem is van 2019.",
        "Sara (groep 4) is 2 weken op vakantie.",
        "Nu is ze al twee weken ziek, onze Noor.",
        "Wie wordt er morgen 10 minuten eerder opgehaald? Sem uit groep 5.",
    ],
)
def test_a_photos_year_a_count_of_weeks_or_minutes_is_no_age(text: str) -> None:
    assert values(PDKind.BIRTHDATE, text) == []
