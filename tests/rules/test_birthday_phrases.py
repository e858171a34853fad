"""Birthdays and ages as Dutch and Frisian school posts say them (issue 16, bench/corpus_birth):
the subject after its verb, a time word between the verb and the age, birthday lists in any
layout, ages in brackets, birth announcements; and the dates, counts and anniversaries that are
no one's age. All names are invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.models import PDKind
from auditor.rules.base import RuleContext
from tests.rules.helpers import analysed

CTX = RuleContext()


birthdates = partial(analysed, PDKind.BIRTHDATE, ctx=CTX)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hoera! Vandaag wordt Daan 8 jaar!", "wordt Daan 8 jaar"),
        ("Gisteren werd Bram 6 en hij trakteerde op ijsjes.", "werd Bram 6"),
        ("Zaterdag wordt juf Ellen 50!", "wordt juf Ellen 50"),
        ("Afgelopen weekend werd opa Henk 80.", "werd opa Henk 80"),
        ("Vrijdag werden Mees en Jip 4 🎉", "werden Mees en Jip 4"),
        ("Groep 2 vierde feest: Finn werd vier!", "werd vier"),
    ],
)
def test_an_age_whose_subject_follows_the_verb_is_a_birthdate(text: str, value: str) -> None:
    assert value in birthdates(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Cornelia, de oma van Thijs, werd vorige week 100!", "werd vorige week 100"),
        ("Meester Piet-Jan werd in juni 65 en gaat met pensioen.", "werd in juni 65"),
        ("Onze oudste leerling Rayan wordt deze maand 13.", "wordt deze maand 13"),
        ("Welkom Zeynep! Sinds ze vorige week vier werd mag ze naar school.", "vier werd"),
        ("Onze Yusuf is sinds zaterdag 9 🎉", "is sinds zaterdag 9"),
        ("sem uit groep 2 word vandaag 6!! fijne dag", "word vandaag 6"),
        ("Gefeliciteerd Mila! Je bent vandaag 7.", "bent vandaag 7"),
    ],
)
def test_a_time_word_between_the_verb_and_the_age_keeps_it_an_age(text: str, value: str) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("En Lotte werd vandaag ook nog 5!", "werd vandaag ook nog 5"),
        ("Daan wordt morgen alweer 9.", "wordt morgen alweer 9"),
        ("Sem wordt vandaag ook 8 🎉", "wordt vandaag ook 8"),
    ],
)
def test_small_words_between_the_time_and_the_age_keep_it_an_age(text: str, value: str) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    "text",
    [
        "De school werd vandaag ook nog 3 uur lang versierd.",
        "Groep 8 werd vandaag ook nog 2e bij het korfbal.",
    ],
)
def test_small_words_before_a_count_or_a_rank_make_no_age(text: str) -> None:
    assert birthdates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hieperdepiep voor jayden, 8 jr vandaag!!", "8 jr vandaag"),
        ("Wat gaat de tijd snel, Aylin al 8 😍", "al 8"),
        ("gefeliciteerd juf Fatima!! vandaag een jaartje ouder", "vandaag een jaartje ouder"),
        ("Juf Wendy viert dit weekend haar kroonjaar 👑", "kroonjaar"),
        ("Gefeliciteerd met je 7e, Sem!", "met je 7e"),
        ("Lokkige jierdei, juf Baukje!", "jierdei"),
        ("Happy birthday juf Anouk! 🎂", "birthday"),
        ("Juf Baukje hat hjoed in feestje. Hjoed is se jierich!", "is se jierich"),
    ],
)
def test_a_birthday_said_without_a_verb_or_in_frisian_is_a_birthdate(text: str, value: str) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Verjaardagen in november:\n3 nov | Fenna | groep 3\n12 nov | Ruben | groep 4", "3 nov"),
        ("Wie is er jarig?\n• Mohammed (gr. 7) – di 3 feb\n• Daria – 13 feb", "di 3 feb"),
        ("Nieuw 🌱\nnaam | geboortedatum\nElif | 04-06-2021\nDex | 11-06-2021", "04-06-2021"),
    ],
)
def test_the_date_on_a_names_line_of_a_birthday_list_is_a_birthdate(text: str, value: str) -> None:
    assert value in birthdates(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De winnaars:\n1. Imane (10 jr)\n2. Kofi (9 jr)", "(10 jr)"),
        ("Welkom Dawit (5, groep 2) en Hanna (7, groep 4)!", "(5, groep 2)"),
        ("Sem (groep 5, 9 jaar) won de voorleeswedstrijd.", "(groep 5, 9 jaar)"),
        ("Na 38 jaar gaat juf Hanneke (61) met pensioen.", "(61)"),
    ],
)
def test_an_age_in_brackets_after_a_name_is_a_birthdate(text: str, value: str) -> None:
    assert value in birthdates(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Op 7 mei is onze collega Anouk moeder geworden van een zoon, Sam.", "7 mei"),
        ("Juf Iris kreeg 28 januari een zoon, Boaz.", "28 januari"),
        ("Meester Tom en zijn vrouw kregen op 4 mei een dochter: Evi.", "4 mei"),
    ],
)
def test_the_date_in_a_staff_birth_announcement_is_a_birthdate(text: str, value: str) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Wie is er vandaag jarig? Onze juf Anouk! 🎉",
        "Vandaag jarig: Sem uit groep 5 🎂",
        "Wie is er jarig? Sem en Tess!",
    ],
)
def test_a_birthday_question_or_heading_answered_by_a_name_is_that_persons(text: str) -> None:
    assert birthdates(text) != []


def test_a_question_about_birthdays_followed_by_a_sentence_about_someone_is_no_ones() -> None:
    assert birthdates("Wat doe je als je jarig bent? Sem weet het: trakteren!") == []


def test_a_birth_date_after_the_place_of_birth_is_a_birthdate() -> None:
    text = "Welkom Ali! Hij is geboren in Aleppo op 1 januari 2015."
    assert birthdates(text) == ["geboren in Aleppo op 1 januari 2015"]


@pytest.mark.parametrize(
    "text",
    [
        "Meester Gerrit en groep 8 maakten een moestuin. Die wordt vrijdag 3 oktober geopend.",
        "Belangrijke data:\n3 nov | studiedag\n12 nov | Sint-Maarten\nGroetjes, juf Anja",
        "De groepsindeling:\ngroep 3: meester Youssef (27)\ngroep 4/5: juf Inge (29)",
        "Bij de quiz werd Sem 2e en Tess 3e.",
        "Gisteren was Sem 2 uur bij de tandarts.",
        "Morgen wordt juf Anouk 3 uur lang bijgestaan door de stagiair.",
        "Gefeliciteerd met je tweede plaats, Sem!",
        "Juf Tineke viert dit jaar haar 25-jarig jubileum bij ons op school!",
        "Bij het 75-jarig jubileum blies directeur Hans 75 kaarsjes uit op de jubileumtaart.",
        "Meester Ruud werkt dit jaar 30 jaar bij ons!",
        "Kerstviering, 'Er is een Kindeke geboren':\n1. Groep 3-4: Tamar en Levi lezen voor",
    ],
)
def test_a_date_count_rank_or_jubilee_beside_a_name_is_no_age(text: str) -> None:
    assert birthdates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Morgen wordt in groep 3 Aziz zeven, en hij oefent zijn traktatie.", "Aziz zeven"),
        ("Morgen wordt onze Noa uit groep 1 5!! Slingers liggen klaar.", "Noa uit groep 1 5"),
        ("morgen wordt onze noa uit groep 1 5!! slingers liggen klaar", "noa uit groep 1 5"),
    ],
)
def test_a_group_beside_the_subject_after_the_verb_keeps_the_age_its(text: str, value: str) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Juf Anja is dit weekend een halve eeuw geworden!", "een halve eeuw"),
        ("Meester Ruud is vandaag weer een jaartje wijzer 😉", "een jaartje wijzer"),
        ("Juf Dianne, 40 jaar jong vandaag 🎉", "40 jaar jong vandaag"),
        ("Juf Gerda is 60 jaar jong!", "60 jaar jong"),
        ("🕯️ Zes kaarsjes uitgeblazen door Lotte van groep 2!", "Zes kaarsjes"),
        ("Opa Jan vierde zondag zijn tachtigste 🎂", "vierde zondag zijn tachtigste"),
        ("Ravi had vandaag de verjaardagskroon op in groep 1/2 👑", "verjaardagskroon"),
        ("gefeliciteeerd bram!! 5 jaar al 🎉", "5 jaar al"),
    ],
)
def test_a_milestone_said_in_a_figure_of_speech_or_in_candles_is_a_birthdate(
    text: str, value: str
) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("wat een feest in gr 4, daan is vandaag jaig 🎂", "jaig"),
        ("juf lies verjaard vandaag!! zing mee", "verjaard vandaag"),
        ("ruben werdt 10 vandaag 🎈", "werdt 10"),
    ],
)
def test_a_birthday_word_written_in_haste_is_still_one(text: str, value: str) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jarig in februari:\nde 4e: Nina\nde 11e: Jurre", "4e"),
        ("Jarig deze week: Milan (dinsdag) en Sevda (donderdag). Fijne verjaardag!", "(dinsdag)"),
        (
            "Nieuw in de klas:\nOleh – Oekraïne – 03-09-2016\nNatalia – Polen – 27-01-2018",
            "03-09-2016",
        ),
        ("Vandaag hielpen Yusuf (8) en Elif (7) de conciërge.", "(8)"),
    ],
)
def test_a_day_date_or_age_beside_a_name_in_a_list_or_in_prose_is_a_birthdate(
    text: str, value: str
) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Onze collega Iris beviel op 28 januari van een gezonde zoon.", "28 januari"),
        ("Noa en Lize werden vrijdag 7 november geboren.", "7 november"),
        ("Geboren: Sara, dochter van meester Jeroen en Anouk, 12 maart 2026.", "12 maart 2026"),
        ("Juf Marloes en Pim kregen op 21/1 een dochtertje.", "21/1"),
    ],
)
def test_a_birth_date_said_before_or_after_the_birth_is_a_birthdate(text: str, value: str) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Saar tekende voor het jubileum: de school met 50 kaarsjes op het dak!",
        "@taartenvansanne maakte de verjaardagstaart voor juf Esther. Prachtig!",
        "Daan maakte een verjaardagskaart voor zijn opa.",
        "De vordering van Sem is verjaard.",
        "VV Aardenburg is 40 jaar jong, zegt voorzitter Kees.",
        "Juf Anja werkt al een halve eeuw op school.",
        "Rooster:\nSem – 12-06-2026\nLisa – 13-06-2027",
        "Juf Anouk – in dienst sinds 01-08-2015\nMeester Tom – in dienst sinds 01-08-2019",
        "In de leerlingenraad: Sem (8), Lisa (7) en Bo (6).",
        "jari won de wedstrijd",
    ],
)
def test_an_anniversary_a_gift_a_claim_a_club_or_a_schedule_beside_a_name_is_no_age(
    text: str,
) -> None:
    assert birthdates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Morgen viert juf Ans haar 60ste.", "haar 60ste"),
        ("Morgen viert meester Erik zijn 40e verjaardag!", "zijn 40e verjaardag"),
        ("Wie is er 7 geworden? Onze Mohamed!", "is er 7 geworden"),
        ("Onze jarige van de week: Thomas (groep 4)!", "jarige"),
        ("Jarigen deze maand: Anna 4/3, Bas 12/3 en Cem 20/3.", "12/3"),
        ("Kaan, 9 jaar en dol op voetbal, won de prijs.", "9 jaar"),
        ("Juf Annet is met haar 64 jaar onze oudste collega.", "met haar 64 jaar"),
    ],
)
def test_an_ordinal_after_the_subject_an_answered_question_or_a_run_of_names_is_a_birthdate(
    text: str, value: str
) -> None:
    assert any(value in shown for shown in birthdates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Vandaag viert Sem zijn 3e plaats bij het schaken.",
        "Morgen viert juf Ans haar 25ste jubileum.",
        "Wie is er 7 geworden? Dat lees je in de nieuwsbrief.",
        "Sem uit groep 8 is 1e geworden bij de cross.",
    ],
)
def test_a_rank_a_jubilee_or_an_unanswered_question_is_no_birthdate(text: str) -> None:
    assert birthdates(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Er is er één jarig, hoera hoera! Dat is onze Tess.", "jarig"),
        ("Er zal er eentje jarig zijn, hoera! 🎶 Dat is Jasmijn uit groep 4.", "jarig"),
        ("Wie heeft er vandaag een verjaardag? Het is juf Ilse!", "verjaardag"),
    ],
)
def test_a_birthday_the_next_clause_says_was_a_persons_is_a_birthdate(
    text: str, value: str
) -> None:
    assert value in birthdates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Er is er één jarig, hoera! Dat is de school zelf: 50 jaar.",
        "Er is er één jarig! Dat is onze moestuin.",
    ],
)
def test_a_birthday_the_next_clause_gives_to_no_person_is_none(text: str) -> None:
    assert birthdates(text) == []
