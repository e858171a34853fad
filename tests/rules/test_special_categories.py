"""Special categories (health, other, birthdate): a fact counts when it is said of a person.

All sentences are invented; none is taken from a corpus."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from auditor.config import load
from auditor.nlp.inflection import base_forms
from auditor.nlp.lexicon import use_school_lexicons
from auditor.rules.base import RuleContext
from auditor.rules.personal_data import special
from tests.rules.helpers import rule_found

CTX = RuleContext()


def found(kind: str, text: str, ctx: RuleContext = CTX) -> list[str]:
    return rule_found(kind, text, ctx)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Daarom krijgt Wessel tussen de middag zijn medicijnen van de juf.", "medicijnen"),
        ("Jildou heeft een insulinepomp, dus ze mag altijd iets eten.", "insulinepomp"),
        ("Sinds de zomer gaat Mirthe naar de kinderfysiotherapeut.", "kinderfysiotherapeut"),
        ("Op dinsdag heeft Okke speltherapie en mist hij de gym.", "speltherapie"),
        ("Ibrahim eet glutenvrij; wilt u daar rekening mee houden?", "glutenvrij"),
        ("Meester Ruud revalideert na zijn knieoperatie.", "knieoperatie"),
        ("Juf Mieke draagt voorlopig een brace om haar pols.", "brace"),
        ("Femke heeft sinds kort twee hoortoestellen.", "hoortoestellen"),
    ],
)
def test_a_treatment_aid_medicine_or_diet_of_a_named_person_is_health(text: str, term: str) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Verdrietig nieuws voor Nova uit groep 4. Haar opa is vrijdag overleden.", "overleden"),
        ("We denken aan Stijn. Zijn moeder ligt in het Radboudumc.", "Radboudumc"),
        ("Hou het stil rond Lise: ze heeft griep.", "griep"),
        ("Goed nieuws voor Hidde: hij heeft nu een dyslexieverklaring.", "dyslexieverklaring"),
        ("Jorrit blijft even thuis. Moeder ligt in het ziekenhuis in Zwolle.", "ziekenhuis"),
        ("Beterschap voor Elin! Fijn dat het gips er bijna af mag.", "gips"),
        ("Veel sterkte, Tygo. Afgelopen zondag is opa overleden.", "overleden"),
    ],
)
def test_a_pronoun_or_possessive_refers_back_to_the_person_named_before(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Na mijn operatie ben ik er weer. Groetjes, juf Ewa", "mijn operatie"),
        ("Ik ben zwanger en stop in mei! Liefs, juf Noortje", "Ik ben zwanger"),
    ],
)
def test_a_signed_post_speaks_of_the_signers_own_health(text: str, value: str) -> None:
    assert value in found("health", text)


def test_first_person_health_in_an_unsigned_post_is_no_ones() -> None:
    assert found("health", "Ik ben zwanger! Een pop uit de poppenhoek vertelt.") == []


def test_the_possessive_is_part_of_the_hit_so_the_excerpt_hides_it() -> None:
    assert "zijn beenbreuk" in found("health", "Nog even geduld: Teun herstelt van zijn beenbreuk.")


@pytest.mark.parametrize(
    "text",
    [
        "Juf Dewi deed een project over astma met groep 6.",  # a topic
        "Meester Sjors loopt de marathon voor de strijd tegen kanker.",  # a cause
        "Juf Wendy oefende EHBO: wat doe je bij een gebroken pols?",  # a case
        "Lieke gaf de plantjes water. De zonnebloem is ziek: de bladeren hangen.",  # a plant
        "Gefeliciteerd Yfke! Bij koorts blijft uw kind thuis.",  # advice in another sentence
        "Juf Carmen ging met groep 8 op bezoek in het Maasstad Ziekenhuis.",  # a venue
        "De vader van Jens is kinderarts en vertelde over zijn werk.",  # a job
        "Meester Bart vertelde dat griepprikken in oktober worden gegeven.",  # nobody's
        "Sem won de quiz. Beterschap aan iedereen die griep heeft!",  # a wish to nobody named
    ],
)
def test_a_health_word_that_is_no_ones_state_is_left_alone(text: str) -> None:
    assert found("health", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Daan haalde een 8 voor zijn werkstuk over bijen.", "een 8 voor zijn werkstuk"),
        ("Tobias scoorde 538 op de doorstroomtoets.", "538 op de doorstroomtoets"),
        ("Mees kreeg het advies havo/vwo.", "advies havo/vwo"),
        ("Fenne blijft zitten en doet groep 5 nog een keer.", "blijft zitten"),
        ("Na de ruzie is Dani drie dagen geschorst.", "geschorst"),
        ("Noortje woont sinds de herfst in een pleeggezin.", "pleeggezin"),
        ("Daarom woont Bo om de week bij zijn vader.", "om de week"),
        (
            "Voortaan haalt de vader van Jesse hem op, zijn ouders wonen niet meer samen.",
            "niet meer samen",
        ),
        ("Rayan krijgt een eigen leerlijn voor spelling.", "eigen leerlijn"),
        ("Gefeliciteerd Ilse, het advies is vwo geworden!", "advies is vwo"),
        (
            "Noor wordt door haar oma gebracht. De rechter bepaalde dat vader geen omgang heeft.",
            "omgang",
        ),
        ("Dawit en Senait hebben een verblijfsvergunning gekregen.", "verblijfsvergunning"),
    ],
)
def test_a_grade_advice_or_family_fact_of_a_named_pupil_is_other(text: str, term: str) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Juf Marit is blij: groep 6 haalde gemiddeld een 7,9 op de toets.",  # a group's grade
        "Bij de sportdag gooide Loek 2,5 meter ver en haalde veel punten.",  # a distance
        "Sanne legde uit waarom gescheiden afval beter is.",  # no family member
        "Meester Kevin gaat uit elkaar halen hoe een fiets werkt.",  # no family member
        "Meester Gijs vertelde over de geschiedenis van de gevangenis.",  # a topic
    ],
)
def test_an_other_word_that_is_no_ones_fact_is_left_alone(text: str) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Juf Ineke is vandaag 50! Taart in de koffiekamer.", "is vandaag 50"),
        ("Sophie viert vandaag haar achtste verjaardag.", "viert vandaag haar achtste verjaardag"),
        ("De winnaar is Gijs (9 jaar) met zijn tekening.", "9 jaar"),
        ("Jarig in mei: Lotte (4 mei) en Bram (19 mei)!", "4 mei"),
        ("Nieuw in groep 1: Jaylinn, geb. 3-4-2021.", "geb. 3-4-2021"),
        ("Happy birthday Mick! 10 jaar al 🎂", "10 jaar"),
        ("Onze voorleesopa Gerrit blies gisteren 75 kaarsjes uit!", "75 kaarsjes"),
        ("Fleur en Jens zijn allebei jarig vandaag!", "zijn allebei jarig"),
        ("Stagiair Koen is vandaag precies 20 jaar geleden geboren.", "20 jaar geleden geboren"),
        ("Welkom Zara! Ze is 5 jaar oud en woont in Kapelle.", "is 5 jaar oud"),
        ("Jarig! Tijn wordt 9 en trakteert op pannenkoeken.", "wordt 9"),
        ("Sem wordt vandaag acht!", "wordt vandaag acht"),
        ("Tijn wordt volgende week 9 🎈", "wordt volgende week 9"),
        ("Fijne verjaardag, Sem!", "verjaardag"),
        ("Welkom Lina! Ze is op 2 november geboren.", "op 2 november geboren"),
    ],
)
def test_a_birthday_or_age_is_flagged_every_way(text: str, value: str) -> None:
    assert any(value in shown for shown in found("birthdate", text))


@pytest.mark.parametrize(
    "text",
    [
        "Ons gebouw is vandaag 60 jaar oud. Conciërge Henk hing vlaggen op.",  # a building
        "Juf Yvonne is vandaag 12,5 jaar in dienst!",  # years in service
        "Meester Hans organiseert op 3 mei de sportdag.",  # an event date
        "Voor kinderen van 6 tot 12 jaar. Juf Anja helpt mee.",  # an age range of nobody
        "Meester Ruben is al 20 jaar bij ons op school.",  # years at the school
        "Juf Lies wordt 3 dagen vervangen door meester Tom.",  # no birthday post
        "Juf Sanne vroeg: wat wordt 2 + 2?",  # a sum
        "Onze school is 75 jaar jarig! Meester Kees bakte taart.",  # a school's age
        "Sem maakte een verjaardagskalender voor de klas.",  # a calendar
    ],
)
def test_a_number_or_date_that_is_no_ones_age_is_left_alone(text: str) -> None:
    assert found("birthdate", text) == []


@pytest.mark.parametrize(
    ("entry", "word", "matches"),
    [
        ("*therapie", "speltherapie", True),
        ("*therapie", "therapieën", False),
        ("diabetes*", "diabetespatiënt", True),
        ("diabetes*", "prediabetes", False),
        ("gips", "gipsen", False),
    ],
)
def test_lexicon_entries_match_stems_and_compounds(entry: str, word: str, matches: bool) -> None:
    assert special._pattern(entry).matches(word) is matches


def test_a_schools_own_health_word_is_used(tmp_path: Path) -> None:
    text = "Wout krijgt vanaf maandag hippotherapie."
    assert found("health", text) == ["hippotherapie"]  # shipped: *therapie
    text = "Wout krijgt vanaf maandag paardencoaching."
    assert found("health", text) == []
    folder = tmp_path / "woorden"
    folder.mkdir()
    (folder / "health_treatments.txt").write_text("paardencoaching\n", encoding="utf-8")
    (tmp_path / "auditor.toml").write_text('[lexicons]\ndir = "woorden"\n', encoding="utf-8")
    try:
        ctx = load(tmp_path / "auditor.toml", env={}).rule_context()
        assert found("health", text, ctx) == ["paardencoaching"]
    finally:
        use_school_lexicons(None)


@pytest.mark.parametrize(
    ("kind", "text", "term"),
    [
        ("health", "Sjoukje leit al in wike yn it sikehûs.", "sikehûs"),
        ("health", "De pake fan Wytze is sneon ferstoarn.", "ferstoarn"),
        ("health", "Juf Baukje is swier fan har twadde bern.", "swier"),
        ("other", "De âlden fan Jelmer binne skieden.", "skieden"),
        ("birthdate", "Lokwinske Sietse! Hy is hjoed jierich.", "is hjoed jierich"),
        ("birthdate", "Tsjerk waard juster 7 en trakteare.", "waard juster 7"),
    ],
)
def test_frisian_facts_about_a_named_person_are_flagged(kind: str, text: str, term: str) -> None:
    assert any(term in value for value in found(kind, text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Meester Joost moet het na de zomer rustig aan doen.", "rustig aan doen"),
        ("Juf Ellen komt na haar herstel weer twee dagen per week.", "haar herstel"),
        ("Wessel is na een zware periode weer vaker op school.", "zware periode"),
        ("Nora moet voor de gym haar suiker prikken.", "suiker prikken"),
        ("Meester Paul is thuis met een longembolie.", "longembolie"),
        ("Pim krijgt soms een aanval en heeft dan rust nodig.", "aanval"),
        ("De schoolarts zag dat Ravi te licht is voor zijn leeftijd.", "te licht is voor zijn"),
        ("Juf Loes verwacht rond de kerstvakantie haar eerste kindje.", "kindje"),
    ],
)
def test_illness_said_without_its_usual_word_is_health(text: str, term: str) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "Bid voor Timo uit groep 2. De controle in het Wilhelmina Kinderziekenhuis viel tegen.",
            "Kinderziekenhuis",
        ),
        ("Wilt u Hidde in uw gebed gedenken? Morgen is de operatie.", "operatie"),
    ],
)
def test_a_prayer_request_for_a_named_person_makes_the_next_sentence_theirs(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Op maandag heeft de Heere opa Gerrit tot Zich genomen.", "tot Zich genomen"),
        ("Onze oud-collega juf Riek is in de Heere ontslapen.", "ontslapen"),
        ("Meester Hans deed zondag belijdenis in Ede.", "belijdenis"),
    ],
)
def test_death_and_faith_in_a_christian_voice_are_health(text: str, term: str) -> None:
    assert any(term in value for value in found("health", text))


def test_a_mothers_own_thanks_after_a_birth_is_health() -> None:
    text = "Dank voor alle kaartjes na de geboorte van onze dochter Sara! Groetjes, juf Iris"
    assert any("geboorte van onze" in value for value in found("health", text))


@pytest.mark.parametrize(
    "text",
    [
        "Meester Bas is blij met de geboorte van zijn zoon Ruben.",  # a father's new baby
        "Mila en Sem speelden de geboorte van Jezus na.",  # a nativity play
        "Juf Anouk volgt de opleiding tot dyslexiespecialist.",  # a job
        "Bid voor alle zieken in onze gemeente.",  # a prayer for nobody named
    ],
)
def test_a_birth_job_or_prayer_that_is_no_ones_health_is_left_alone(text: str) -> None:
    assert found("health", text) == []


def test_an_exact_health_entry_beats_a_job_ending() -> None:
    assert found("health", "Lieke moet morgen naar de specialist.") == ["specialist"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Onze zoon Tijn werd geboren op zaterdag 9 mei.", "geboren op zaterdag 9 mei"),
        ("Opa Kees mocht 88 jaar worden.", "mocht 88 jaar worden"),
        ("Welkom Fiene! Fiene is net 4.", "is net 4"),
        ("Oma Trees is 90 en komt nog elke week voorlezen.", "is 90"),
        ("Meester Henk wordt in juni 65 en gaat met pensioen.", "wordt in juni 65"),
        ("Yara, je bent vandaag 8 geworden!", "bent vandaag 8 geworden"),
    ],
)
def test_an_age_said_of_its_subject_is_a_birthdate(text: str, value: str) -> None:
    assert any(value in shown for shown in found("birthdate", text))


@pytest.mark.parametrize(
    "text",
    [
        "Maarten Luther werd op 10 november 1483 geboren. Meester Wim vertelde erover.",
        "Juf Anne is 25 jaar getrouwd.",
        "Juf Ria is 100% tevreden over de tekeningen.",
        "Sem is 3 dagen thuis geweest.",
    ],
)
def test_a_historical_birth_or_a_number_after_is_is_no_ones_age(text: str) -> None:
    assert found("birthdate", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Jesse gaat na de zomer naar het vwo in Zwolle.", "naar het vwo"),
        ("Na de zomer start Mila op de theoretische leerweg.", "theoretische leerweg"),
        ("Sven had alle 30 woorden goed!", "alle 30 woorden goed"),
        ("Iris leest nu op AVI-niveau M5.", "AVI-niveau M5"),
        ("Na de vechtpartij mag Tom drie dagen niet op school komen.", "niet op school komen"),
        ("Sanne krijgt een arrangement voor rekenen.", "arrangement"),
        ("De familie Jansen kan de schoolreis niet betalen.", "niet betalen"),
    ],
)
def test_a_school_result_exclusion_or_money_trouble_of_a_named_person_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Juf Linda gaat met groep 8 naar de open dag van het vwo.",  # a visit
        "Lars had alles goed voorbereid voor de musical.",  # no test
        "Door zijn krentenbaard mag Tom twee dagen niet op school komen.",  # illness
    ],
)
def test_a_school_word_that_is_no_ones_result_or_exclusion_is_left_alone(text: str) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Op 3 maart is Sara om 4.12 uur geboren.", "geboren"),
        ("Welkom baby Sara, geboren: 3 maart 2026.", "geboren: 3 maart 2026"),
        ("Wij feliciteren Mats, die vandaag zeven jaar wordt.", "die vandaag zeven jaar wordt"),
        ("Bram viert vandaag dat hij 9 jaar is.", "hij 9 jaar is"),
        ("Gefeliciteerd Ilse, 6 jaar vandaag!", "6 jaar vandaag"),
        ("De oma van Sem is 90 en komt voorlezen.", "is 90"),
    ],
)
def test_a_birth_or_age_in_a_relative_clause_or_announcement_is_a_birthdate(
    text: str, value: str
) -> None:
    assert any(value in shown for shown in found("birthdate", text))


def test_a_number_after_a_name_that_is_not_the_subject_is_no_age() -> None:
    assert found("birthdate", "De score van Sem is 80.") == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Opa van Lieke mag uit het ziekenhuis ontslagen worden.", "ziekenhuis"),
        ("Mila heeft last van faalangst.", "faalangst"),
        ("Yusuf gaat op woensdag naar de koranschool.", "koranschool"),
    ],
)
def test_a_discharge_an_anxiety_or_religious_lessons_of_a_named_person_are_health(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("health", text))


def test_a_feast_greeting_states_no_ones_religion() -> None:
    assert found("health", "Ramadan mubarak, familie Amrani!") == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Ayla kreeg een dikke 8 voor rekenen.", "een dikke 8 voor rekenen"),
        ("Sem haalde een 8+ voor spelling.", "een 8+ voor spelling"),
        ("Het advies van Tim: vmbo-t.", "vmbo-t"),
        ("Milan is van school gestuurd.", "van school gestuurd"),
    ],
)
def test_a_grade_with_a_qualifier_an_advice_after_a_colon_or_an_expulsion_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    ("kind", "text", "term"),
    [
        ("birthdate", "Sem trakteert omdat hij 6 is geworden.", "hij 6 is geworden"),
        ("birthdate", "Sem wordt 7 op zaterdag.", "wordt 7"),
        ("birthdate", "Mila is geboren in 2019.", "geboren in 2019"),
        ("health", "Mila heeft vorig jaar haar opa verloren.", "haar opa verloren"),
        ("health", "Sem verloor in de zomer zijn vader.", "zijn vader"),
        ("health", "Sem is aangereden door een auto.", "aangereden"),
        ("other", "Mila mag naar het gymnasium.", "gymnasium"),
        ("other", "De moeder van Sem is alleenstaand.", "alleenstaand"),
        ("other", "Sem zit sinds deze week in de nieuwkomersklas.", "nieuwkomersklas"),
    ],
)
def test_more_ways_of_saying_a_special_fact_of_a_named_person(
    kind: str, text: str, term: str
) -> None:
    assert any(term in value for value in found(kind, text))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("health", "Sem verloor de finale van het dammen."),
        ("health", "Mila heeft haar tas verloren."),
        ("other", "Sem mag naar het toilet."),
        ("other", "Meester Kees schreef een nieuw arrangement voor de musical."),
        ("health", "Sem en Mila hebben de beker thuisgehaald."),
    ],
)
def test_losing_a_match_or_a_song_arrangement_is_no_special_fact(kind: str, text: str) -> None:
    assert found(kind, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Op 3 mei kwam Jules ter wereld, de zoon van juf Ilona.", "3 mei"),
        ("Op 9 januari kreeg meester Wout een dochter: Pien.", "9 januari"),
        ("Juf Carla kreeg een zoon, Ties, die ter wereld kwam op 21 juni.", "21 juni"),
        ("Juf Noor is op 2 april bevallen van Lieve.", "2 april"),
    ],
)
def test_a_date_in_a_birth_announcement_is_a_birthdate(text: str, value: str) -> None:
    assert any(value in shown for shown in found("birthdate", text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jens en Mik worden vandaag allebei 6!", "worden vandaag allebei 6"),
        ("Fenne werd afgelopen zondag 10.", "werd afgelopen zondag 10"),
        ("De tweeling Bo en Floor werden zaterdag 5.", "werden zaterdag 5"),
    ],
)
def test_an_age_reached_by_two_or_on_a_named_day_is_a_birthdate(text: str, value: str) -> None:
    assert any(value in shown for shown in found("birthdate", text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Jarig deze maand:\n4 okt - Sarah (groep 3)\n12/10: meester Joost", "4 okt"),
        ("Jarig deze maand:\n4 okt - Sarah (groep 3)\n12/10: meester Joost", "12/10"),
        ("Wie is er jarig?\n• 7 mrt Daan\n• 19 mrt Yusuf", "19 mrt"),
    ],
)
def test_a_date_opening_a_name_line_in_a_birthday_list_is_a_birthdate(
    text: str, value: str
) -> None:
    assert value in found("birthdate", text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Vandaag is Timo 8 jaar oud geworden.", "8 jaar oud geworden"),
        ("Hoera Lisa, 9 jaar alweer!", "9 jaar alweer"),
        ("Pepijn verjaart zaterdag, hij trakteert maandag.", "verjaart"),
        ("Geboortedatum Joost: 14-06-2018.", "14-06-2018"),
    ],
)
def test_an_age_grown_to_already_reached_or_a_birthday_verb_is_a_birthdate(
    text: str, value: str
) -> None:
    assert any(value in shown for shown in found("birthdate", text))


@pytest.mark.parametrize(
    "text",
    [
        "Meester Henk werkt hier 12 jaar al!",  # years of work
        "Op 12 maart kreeg juf Anouk een prijs voor haar lessen.",  # no baby
        # a timeline, no birthday post
        "Tijdlijn groep 8:\n4 okt - Sarah speelt de hoofdrol\n12 okt - generale repetitie",
        "De twee bussen werden vrijdag 4 jaar oud.",  # no one named
    ],
)
def test_a_date_or_years_near_a_name_that_are_no_birthday_are_left_alone(text: str) -> None:
    assert found("birthdate", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Meester Koen gaat dinsdag onder het mes voor zijn knie.", "onder het mes"),
        ("Juf Petra is even thuis om tot rust te komen.", "tot rust te komen"),
        ("Juf Sanne is in blijde verwachting!", "blijde verwachting"),
        ("Wouter loopt een paar weken met een spalk.", "spalk"),
        ("Lisa ging gisteren met buikpijn naar huis.", "buikpijn"),
        ("Sven ligt sinds gisteren in het UMCG.", "UMCG"),
        ("Nadia kan soms een aanval krijgen; bel dan 112.", "aanval krijgen"),
    ],
)
def test_health_said_as_an_idiom_an_aid_a_pain_or_a_hospitals_initials_is_health(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Na de vechtpartij moet Joep twee dagen thuisblijven.", "twee dagen thuisblijven"),
        ("Tim mag na de ruzie een week niet naar school.", "niet naar school"),
        ("De vader van Ilyas zit sinds de zomer vast.", "vast"),
        ("Jordi krijgt bijles rekenen.", "bijles"),
        ("Eva krijgt twee keer per week leesbegeleiding.", "leesbegeleiding"),
        ("Na de zomer gaat Stijn naar de speciale basisschool.", "speciale basisschool"),
        ("Ravi praat elke week met de jeugdhulpverlener.", "jeugdhulpverlener"),
        ("Jop kreeg een vmbo-kader advies.", "kader advies"),
    ],
)
def test_a_suspension_detention_support_or_advice_said_another_way_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Daan met een 9,8 en Fenna met een 9,5!", "9,8"),
        ("Daan met een 9,8 en Fenna met een 9,5!", "9,5"),
        ("Dictee-uitslag:\nTess Wolters – 9,2\nMees Hofste – 8,7", "8,7"),
    ],
)
def test_a_grade_right_after_a_name_is_other_without_a_test_word(text: str, grade: str) -> None:
    assert grade in found("other", text)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("health", "Meester Bart fietst voor onderzoek naar kanker."),
        ("health", "Groep 7 bezocht met juf Anke het UMCG."),
        ("other", "Oud-juf Annemieke geeft bijles rekenen, bel haar gerust."),
        ("other", "De bus zat vast in de sneeuw, dus Sem kwam te laat."),
        ("other", "Mila blijft een week thuis met waterpokken."),
        ("other", "Sem rende 100 meter – 9,8 seconden!"),
    ],
)
def test_a_topic_a_venue_given_support_or_a_thing_stuck_is_no_special_fact(
    kind: str, text: str
) -> None:
    assert found(kind, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hoi Marieke, er is inderdaad hoofdluis gevonden in groep 6. Wil je ook even kammen?",
        "@mama_van_twee ja, er zijn neten gevonden in de klas. Kammen helpt!",
        "@papa_van_vier ziekmelden via de app. bij koorts blijft je kind thuis tot het koortsvrij"
        " is.",
        "Dag Ilse, als je kind waterpokken heeft, mag het gewoon naar school.",
    ],
)
def test_a_fact_said_of_a_group_or_of_anyone_is_not_the_answered_persons(text: str) -> None:
    assert found("health", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Hoi Marieke, bij Jelle zijn luizen gevonden in groep 6.", "luizen gevonden"),
        ("Als Fenne koorts heeft, mag ze niet naar de zwemles.", "koorts"),
        ("Er is bij Okke in groep 4 hoofdluis gevonden.", "hoofdluis"),
    ],
)
def test_a_fact_said_of_a_named_person_in_such_a_clause_stays_personal(
    text: str, term: str
) -> None:
    assert term in found("health", text)


@pytest.mark.parametrize(
    ("kind", "text", "term"),
    [
        ("other", "Adam woont sinds maart in het azc.", "azc"),
        ("health", "Bram ligt in het Wilhelmina Kinderziekenhuis.", "Kinderziekenhuis"),
        ("other", "De familie Haddad kreeg een verblijfsvergunning.", "verblijfsvergunning"),
        ("health", "Goed nieuws: Jesse mag weer gymmen. Bram loopt nog op krukken.", "krukken"),
        ("health", "Gisteren is Bram in het ziekenhuis opgenomen.", "opgenomen"),
    ],
)
def test_a_fact_said_of_a_first_name_opening_its_clause_or_a_family_is_found(
    kind: str, text: str, term: str
) -> None:
    assert any(term in value for value in found(kind, text))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Adam woont sinds maart in het azc.", "Adam"),
        ("De familie Haddad heeft een verblijfsvergunning gekregen.", "Haddad"),
    ],
)
def test_the_subject_of_a_fact_is_a_name_so_the_excerpt_hides_it(text: str, subject: str) -> None:
    assert subject in found("name", text)


def test_a_first_name_word_without_a_fact_in_its_sentence_is_no_name() -> None:
    assert "Adam" not in found("name", "Adam woont in Almelo. Veel kinderen zijn ziek.")


def test_an_allow_listed_subject_is_no_name() -> None:
    ctx = RuleContext(allow=dataclasses.replace(CTX.allow, names=("Adam",)))
    assert "Adam" not in found("name", "Adam woont sinds maart in het azc.", ctx)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De tekenwedstrijd is gewonnen door Lana (6) uit groep 3!", "(6)"),
        ("Sven (11) las zijn gedicht voor op het podium.", "(11)"),
    ],
)
def test_a_bare_number_after_a_name_that_cannot_be_a_group_is_an_age(text: str, value: str) -> None:
    assert value in found("birthdate", text)


def test_a_bare_number_after_a_name_that_may_be_a_group_is_no_age() -> None:
    assert found("birthdate", "In de leerlingenraad: Sem (8), Lisa (7) en Bo (6).") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Juf Anja is vandaag een jaartje ouder!", "een jaartje ouder"),
        ("Meester Rob heeft vandaag Abraham gezien.", "Abraham gezien"),
        ("Juf Kim is Sarah geworden!", "Sarah geworden"),
    ],
)
def test_a_birthday_said_as_a_year_older_or_seeing_abraham_is_a_birthdate(
    text: str, value: str
) -> None:
    assert any(value in shown for shown in found("birthdate", text))


def test_a_girl_named_sarah_is_no_fiftieth_birthday() -> None:
    assert found("birthdate", "Gisteren is Sarah met de bus naar huis gegaan.") == []


@pytest.mark.parametrize(
    ("kind", "text", "term"),
    [
        ("health", "We condoleren Femke met het verlies van haar vader.", "verlies van haar vader"),
        ("health", "Meester Frank zit thuis met rugklachten.", "rugklachten"),
        ("health", "Eva mist een paar weken school vanwege een operatie.", "operatie"),
        ("other", "Lotte heeft een kaderadvies.", "kaderadvies"),
        ("other", "Sem krijgt een extra jaar in groep 2.", "extra jaar in groep 2"),
    ],
)
def test_a_loss_complaints_a_missed_school_a_compound_advice_or_an_extra_year_are_found(
    kind: str, text: str, term: str
) -> None:
    assert any(term in value for value in found(kind, text))


@pytest.mark.parametrize(
    ("kind", "text", "term"),
    [
        ("health", "Mike slaapt slecht sinds het overlijden van zijn oom.", "overlijden"),
        ("health", "Jurgen neemt elke ochtend een pilletje.", "pilletje"),
        ("other", "De vader van Kenji is uitgezet naar Georgië.", "uitgezet naar"),
        ("other", "Ramon kreeg een onvoldoende voor rekenen.", "onvoldoende voor rekenen"),
    ],
)
def test_sleep_a_pill_a_deportation_or_a_mark_in_words_of_a_named_person_are_found(
    kind: str, text: str, term: str
) -> None:
    assert any(term in value for value in found(kind, text))


def test_a_mark_in_words_of_no_one_is_left_alone() -> None:
    assert found("other", "Alle kinderen kregen een voldoende voor rekenen.") == []


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("kuren", "kuur"),
        ("krukken", "kruk"),
        ("behandelingen", "behandeling"),
        ("hechtinkjes", "hechting"),
        ("pilletje", "pil"),
        ("hoorapparaatjes", "hoorapparaat"),
        ("ziekenhuizen", "ziekenhuis"),
        ("operaties", "operatie"),
        ("glutenvrije", "glutenvrij"),
    ],
)
def test_a_plural_diminutive_or_inflected_word_has_its_base_form(word: str, form: str) -> None:
    assert form in base_forms(word)


@pytest.mark.parametrize("word", ["blinde", "ics", "gips"])
def test_a_short_word_gets_no_base_form_that_could_be_another_word(word: str) -> None:
    assert base_forms(word) == ()


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Tess krijgt sinds de zomer kuren in het Isala.", "kuren"),
        ("Na twee behandelingen is meester Koen weer aan het werk.", "behandelingen"),
        ("Lars had drie hechtinkjes boven zijn oog.", "hechtinkjes"),
        ("Voor Yara staat er een glutenvrije taart klaar.", "glutenvrije"),
        ("Noor draagt sinds maandag hoorapparaatjes.", "hoorapparaatjes"),
    ],
)
def test_a_health_word_in_another_form_than_its_list_entry_is_health(text: str, term: str) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Sinds haar val op het ijs loopt Ilse wat moeilijk.", "haar val"),
        ("Jesse mag twee weken niet sporten van de dokter.", "niet sporten"),
        ("Donderdag wordt de oma van Roos begraven.", "begraven"),
        ("Ravi is er vandaag niet: morgen wordt zijn opa begraven.", "begraven"),
        ("Mila moest deze zomer afscheid nemen van haar opa.", "afscheid"),
        ("Meester Tom hoort erg slecht aan zijn linkeroor.", "hoort erg slecht"),
        ("Liam mag helemaal geen pinda eten.", "pinda"),
        ("Fleur kan geen koemelk verdragen.", "koemelk"),
        ("Juf Esra is met verlof tot de komst van haar baby.", "komst van haar baby"),
        ("Juf Lotte kreeg gisteren een migraineaanval.", "migraineaanval"),
        ("Bram zit tot vrijdag in quarantaine.", "quarantaine"),
        ("Op maandag gaat Jens naar de logo.", "logo"),
        ("Sem meet om 10 uur zelf zijn suiker.", "suiker"),
        ("Jip heeft al weken last van zijn rug.", "rug"),
        ("Na de botsing had Yvo een snee in zijn linkerhand.", "linkerhand"),
        ("Juf Anke is helaas langdurig uitgevallen.", "langdurig uitgevallen"),
        ("Sanne is met spoed naar de eerste hulp gebracht.", "eerste hulp"),
        ("Sven heeft rode hond en blijft thuis.", "rode hond"),
    ],
)
def test_an_injury_restriction_loss_or_need_said_without_an_illness_word_is_health(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("De mam vaan Loes ligk in 't ziekenhoes.", "ziekenhoes"),
        ("Ivo is vanmiddag weg, heer moot nao d'n dokter.", "dokter"),
    ],
)
def test_limburgish_health_of_a_named_person_is_health(text: str, term: str) -> None:
    assert any(term in value for value in found("health", text))


@pytest.mark.parametrize(
    "text",
    [
        "Wat een doorzetter is Jasmijn! Met een gebroken pols kwam ze toch naar school.",
        "We missen Wout. Door een zware griep blijft hij deze week thuis.",
    ],
)
def test_a_subject_pronoun_after_its_verb_refers_back_to_the_person_named_before(
    text: str,
) -> None:
    assert found("health", text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Sem ontwierp het nieuwe logo van de school.",
        "Daan vertelde over de val van Rome.",
        "De moestuin ziet er slecht uit, dus Sem en Anna gaan wieden.",
        "Sem mag geen snoep eten voor het slapen, zegt hij.",
        "Bij het strandfeest werd Sem tot zijn nek in het zand begraven.",
        "Sem nam op het vliegveld afscheid van zijn opa.",
        "Gelukkig is niemand gewond, maar ze zijn alles kwijt.",
        "Na de brand bij de familie Bakker is gelukkig niemand gewond geraakt.",
        "Sem heeft last van de wind op het veld.",
        "Sem had een snee in zijn broek.",
        "De gymles is helaas uitgevallen, meester Jo is op cursus.",
    ],
)
def test_a_fall_logo_goodbye_or_ban_that_is_no_ones_health_is_left_alone(text: str) -> None:
    assert found("health", text) == []


def test_a_birth_date_after_the_birth_is_a_birthdate() -> None:
    values = found("birthdate", "Juf Mara is bevallen van een zoon, op 12 maart.")
    assert any("12 maart" in value for value in values)


def test_an_unknown_name_opening_a_clause_before_uit_groep_is_a_pupil() -> None:
    text = "Voor de overblijf: Zdenka uit groep 3 heeft astma."
    assert "Zdenka" in found("name", text)
    assert found("health", text) != []


@pytest.mark.parametrize("text", ["Dierendag in groep 1/2!", "Waterpokken in groep 3."])
def test_a_topic_opening_a_sentence_before_in_groep_is_no_name(text: str) -> None:
    assert found("name", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vrijdag is Daan er niet: controle bij de kinderarts in Zwolle.",
        "Op dinsdag is Noor om 10 uur weg: fysiotherapie in het dorp.",
    ],
)
def test_the_reason_after_a_named_persons_absence_and_a_colon_is_theirs(text: str) -> None:
    assert found("health", text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Meester Jo is weg: op cursus over diabetes.",
        "Daan is er niet: bij koorts blijft iedereen thuis.",
        "Juf Anna is vrij: de hele dag een training over astma voor het team.",
    ],
)
def test_a_topic_or_rule_after_an_absence_and_a_colon_is_no_ones_health(text: str) -> None:
    assert found("health", text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Adviezen groep 8:\nLieke – havo\nJoris – vmbo-basis", "vmbo-basis"),
        ("Uitslag tafeltoets:\n1. Femke 38\n2. Ruben 35", "38"),
        ("Toets spelling groep 6:\nNoortje: niveau C\nBram: niveau A", "niveau C"),
        ("Onze schoolverlaters:\nJesse → Carmel College, mavo", "mavo"),
        ("Middentoets groep 5:\nSaskia: rekenen van een III naar een I", "van een III naar een I"),
    ],
)
def test_the_result_a_list_line_pairs_with_a_name_is_other(text: str, value: str) -> None:
    assert any(value in found_value for found_value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Hulpouders voor de schoolreis:\nLieke – bus 2\nJoris – bus 3",
        "Toetsweek groep 7:\njuf Anne – maandag\nmeester Bas – dinsdag",
        "De uitslag van de klassenverkiezing:\nSem 12 stemmen\nLina 9 stemmen",
        "Onze schoolverlaters en hun broertjes:\nSem – basisschool De Wilg\nLina – groep 3",
    ],
)
def test_a_list_line_of_a_name_without_a_result_is_left_alone(text: str) -> None:
    assert found("other", text) == []


def test_a_first_name_opening_a_result_line_is_a_name_so_the_excerpt_hides_it() -> None:
    text = "Onze schoolverlaters:\nEva → Stedelijk Gymnasium\nMilan → Olympus College, havo"
    assert "Eva" in found("name", text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Vader Kees is bij de reorganisatie zijn baan kwijtgeraakt.", "baan kwijtgeraakt"),
        ("Sinds ze geen werk meer heeft, helpt Ans in de bibliotheek.", "geen werk"),
        ("De moeder van Timo zit sinds kort in de bijstand.", "bijstand"),
        ("Het gezin van Lisa krijgt een pakket van de voedselbank.", "voedselbank"),
        ("Dankzij Leergeld kan Joep toch mee op schoolreis.", "Leergeld"),
    ],
)
def test_work_money_or_help_to_pay_of_a_named_person_is_other(text: str, term: str) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Dank aan Mirjam voor het inzamelen voor de voedselbank!",
        "Stichting Leergeld helpt als u de schoolreis niet kunt betalen.",
    ],
)
def test_a_collection_for_a_food_bank_or_help_for_anyone_is_no_ones_income(text: str) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("De familie Yilmaz wacht op een beslissing van de IND.", "IND"),
        ("Na drie jaar mag de familie Petrova in Nederland blijven.", "in Nederland blijven"),
        ("Voor Lucas is een gezinsvoogd aangesteld.", "gezinsvoogd"),
        ("De broer van Sven is door de politie aangehouden.", "door de politie"),
        ("Tijdens de pauze heeft Rik een klasgenoot geschopt.", "geschopt"),
        ("Meester Ruud is op non-actief gezet.", "non-actief"),
        ("Na de kerst mag Isa een groep overslaan.", "groep overslaan"),
        ("Goed nieuws voor Tygo uit groep 7: via Leergeld kan hij toch mee op kamp.", "Leergeld"),
    ],
)
def test_asylum_police_a_guardian_or_misbehaviour_of_a_named_person_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Sem haalde een tien voor rekenen!", "een tien voor rekenen"),
        ("Lotte haalde een 8 voor de tafeltoets.", "een 8 voor de tafeltoets"),
        ("Yara haalde een dikke 9!", "een dikke 9"),
        ("Het advies van Bram is bijgesteld naar havo.", "havo"),
        ("Noah haalde 2F voor lezen en 1S voor rekenen.", "2F"),
        ("Jens, je rekentoets was foutloos!", "foutloos"),
        ("Gefeliciteerd Julia: ze behaalde de hoogste score van groep 8.", "hoogste score"),
    ],
)
def test_a_mark_in_words_a_test_compound_or_a_test_level_of_a_named_pupil_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Meester Jan kreeg een 2e prijs bij de loterij.",
        "Groep 8 haalde gemiddeld 2F voor lezen, zegt juf Anne.",
        "De schoolvoetbalfinale werd gestaakt; scheidsrechter Orlando floot af.",
    ],
)
def test_a_prize_a_groups_level_or_a_match_is_no_ones_result(text: str) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Na de brand bij de familie Visser is gelukkig niemand gewond geraakt.",
        "De bus van meester Jansen gleed van de dijk, maar er raakte niemand gewond.",
    ],
)
def test_an_injury_said_of_nobody_after_a_named_person_is_left_alone(text: str) -> None:
    assert found("health", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Niemand was ziek deze week, behalve Sem met de griep.",
        "Sem is ziek, verder niemand.",
        "Sem is ziek en niemand anders.",
    ],
)
def test_a_person_named_after_nobody_or_before_no_one_else_is_still_meant(text: str) -> None:
    assert found("health", text) != []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "De vader van Pim en Fleur is in maart verhuisd. De kinderen wonen nu bij hun opa.",
            "bij hun opa",
        ),
        (
            "Sanne en haar broer Kas zijn er weer. Het gezin krijgt nu hulp van de voedselbank.",
            "voedselbank",
        ),
    ],
)
def test_a_definite_noun_for_people_refers_back_to_those_named_before(text: str, term: str) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Juf Ria las voor. De kinderen van groep 5 wonen bijna allemaal bij hun ouders.",
        "De kinderen wonen nu bij hun opa.",
    ],
)
def test_a_noun_for_a_group_or_for_nobody_named_refers_to_no_one(text: str) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Vader Ruud is in mei ontslagen bij de drukkerij.", "ontslagen"),
        ("Het bakkersbedrijf van moeder Ilse is failliet.", "failliet"),
        ("Sinds de winter heeft het gezin van Milan geen inkomen.", "geen inkomen"),
        ("Tess gaat mee: haar moeder kon het kampgeld niet opbrengen.", "niet opbrengen"),
        ("De politie heeft de oom van Noor gisteren meegenomen.", "meegenomen"),
        ("De moeder van Jurre zit een straf uit in Zwolle.", "een straf uit"),
        ("De oom van Ayla heeft een contactverbod.", "contactverbod"),
        ("De moeder van Dawit is via gezinshereniging naar Nederland gekomen.", "gezinshereniging"),
        ("Na de brand slaapt de familie Bakker in de noodopvang.", "noodopvang"),
    ],
)
def test_a_job_lost_money_short_police_prison_or_a_reunion_of_a_named_person_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


def test_a_death_said_in_a_christian_voice_is_no_typo_of_a_job_lost() -> None:
    assert found("other", "Meester Hofman is op hoge leeftijd ontslapen.") == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Stijn heeft vorige week een klasgenoot gepest.", "gepest"),
        ("In de pauze sloeg Vera een jongere leerling.", "sloeg"),
        ("Bram en Ties hebben snoep uit de kantine gestolen.", "gestolen"),
        ("Mats moest na schooltijd een uur nablijven.", "nablijven"),
    ],
)
def test_bullying_an_attack_a_theft_or_detention_by_a_named_pupil_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "In de finale schopte Lars de bal in het doel.",
        "Iemand heeft bij de ingang een fiets gestolen.",
        "Iemand heeft de fiets van Sem gestolen.",
        "In het kerstspel brengt herder Sjeng een lam naar de stal.",
        "Juf Mariska regelt de extra ondersteuning voor groep 4.",
        "Meneer Dirk werkt als vrijwilliger bij de voedselbank.",
    ],
)
def test_a_kick_at_a_ball_a_theft_by_nobody_or_support_given_is_no_special_fact(
    text: str,
) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Roos doet het jaar in groep 6 over.", "over"),
        ("Lina gaat groep 3 opnieuw doen.", "opnieuw doen"),
        ("Vanaf januari gaat Ilias naar een cluster 2-school.", "cluster 2"),
        ("Het advies van Amira werd bijgesteld tot vwo.", "vwo"),
        ("Voor Fenna was rekenen weer een C.", "een C"),
        ("Jaap heeft een achterstand met spelling.", "achterstand"),
        ("Uitslag topo:\n1. Mees – 44 punten\n2. Jip – 41 punten", "44 punten"),
        ("Na de zomer:\nSven - Greijdanus, havo\nNina - Pieter Zandt, vmbo-tl", "havo"),
    ],
)
def test_a_year_again_a_cluster_an_advice_a_level_or_a_delay_of_a_named_pupil_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Lisa zit nu op E5 met lezen.", "E5"),
        ("Milan heeft M6 gehaald.", "M6"),
        ("Bas heeft 1F gehaald voor rekenen.", "1F"),
        ("Eva scoorde een A op de Cito.", "een A op de Cito"),
        ("Daan heeft een dikke onvoldoende gehaald.", "onvoldoende"),
        ("Melle heeft de tafeltoets niet gehaald.", "tafeltoets niet gehaald"),
        ("Sem heeft een laag advies gekregen: vmbo-basis.", "vmbo-basis"),
    ],
)
def test_a_reading_level_a_reference_level_or_a_test_failed_of_a_named_pupil_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Tom is betrapt op diefstal.", "diefstal"),
        ("Dylan heeft een klasgenootje gebeten.", "gebeten"),
        ("De vader van Kees is opgepakt.", "opgepakt"),
        ("De vader van Bo is vorige maand vrijgekomen.", "vrijgekomen"),
        ("Jan zit sinds maart in de jeugdgevangenis.", "jeugdgevangenis"),
        ("Vader Ahmet verloor vorig jaar zijn baan.", "zijn baan"),
        ("Sinds de uithuisplaatsing woont Jelle in Assen.", "uithuisplaatsing"),
        ("Het gezin van Omar moet terug naar Irak.", "terug naar Irak"),
    ],
)
def test_a_theft_an_arrest_a_release_a_job_lost_or_a_return_of_a_named_person_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Bas stond met 2-0 achterstand maar won toch.",
        "Groep 8 haalde gemiddeld 1S voor rekenen.",
        "De leerplichtambtenaar komt op de ouderavond vertellen over verzuim.",
        "Juf Sanne haalde haar rijbewijs!",
    ],
)
def test_a_match_score_a_groups_level_or_a_licence_is_no_special_fact(text: str) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Noah heeft na het gevecht twee dagen niet op school mogen komen.", "mogen komen"),
        ("Kevin zit thuis omdat er geen passende plek voor hem is.", "geen passende plek"),
        ("Thijs werkt voor rekenen met een eigen programma.", "eigen programma"),
        ("Sem komt na de herfstvakantie in de plusklas.", "plusklas"),
        ("Na de zomer gaat Fien naar een SBO-school.", "SBO-school"),
        ("Nora leest op het niveau van groep 6.", "niveau van groep 6"),
        ("Timo doet voor taal mee met groep 4.", "voor taal mee met groep 4"),
        ("Daan zit in groep 6 maar rekent mee met groep 5.", "rekent mee met groep 5"),
        ("Bij de doorstroomtoets scoorde Mohamed ver boven het landelijk gemiddelde.", "boven"),
        ("Jasper heeft de Cito-toets gemaakt en scoorde 545.", "545"),
        ("Met een 9,5 was Sanne de beste van de klas.", "9,5"),
    ],
)
def test_a_place_a_programme_a_year_group_or_a_score_of_a_named_pupil_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Ella heeft een officiële waarschuwing gekregen.", "officiële waarschuwing"),
        ("Niels werd betrapt toen hij spullen meenam.", "werd betrapt"),
        ("Max heeft het schoolplein beklad.", "beklad"),
        ("Emma's vader heeft een enkelband.", "enkelband"),
        ("Het huis van de familie Bos is gisteren geveild.", "geveild"),
        ("De vader van Jelle zit in de WW.", "in de WW"),
        ("Pien gaat niet mee omdat er thuis geen geld is.", "thuis geen geld"),
        ("De vader van Mila woont niet meer thuis.", "woont niet meer thuis"),
        ("Eline ziet haar vader alleen in het weekend.", "haar vader alleen"),
        ("Olena kwam vorig jaar met haar moeder uit Kyiv naar Nederland.", "naar Nederland"),
        ("Ahmad en zijn zus zijn alleen naar Nederland gekomen.", "naar Nederland gekomen"),
    ],
)
def test_a_warning_a_tag_an_auction_a_parent_away_or_an_arrival_of_a_named_person_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Dankzij juf Anne scoorde groep 8 boven het landelijk gemiddelde.",
        "Xiomara zit in groep 6 en haar broertje Jaïro in groep 2.",
        "Juf Kim geeft de plusklas op dinsdag.",
        "Het oude schoolgebouw aan de Kerkstraat is geveild.",
        "Groep 6 leerde over de oorlog in Oekraïne en hoe kinderen naar Nederland komen.",
    ],
)
def test_a_groups_score_siblings_groups_a_teachers_class_or_a_building_is_no_special_fact(
    text: str,
) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Juf Tineke vertelde over haar reis. De kinderen wonen daar vaak bij hun oma.",
        "Juf Marieke is ontslagen uit het ziekenhuis.",
        "Meester Ali is in 1990 met zijn ouders uit Marokko naar Nederland gekomen.",
    ],
)
def test_their_after_one_teacher_a_discharge_or_a_teachers_own_story_is_no_other_fact(
    text: str,
) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("sem pest steeds kinderen uit gr 4", "pest steeds kinderen"),
        ("kevin haalde n 3 voor rekenen", "n 3 voor rekenen"),
        ("de mama van lina is haar werk kwijt", "werk kwijt"),
        ("Fatima heeft een status en mag blijven.", "heeft een status"),
        ("Milan heeft voor de tweede keer gespijbeld.", "gespijbeld"),
        ("Lars heeft zijn jas in brand gestoken.", "in brand gestoken"),
        ("Finn heeft geld uit de klassenpot gepakt.", "gepakt"),
        ("Jente scoorde bij de Citotoets 538.", "538"),
        ("Sem haalde 95 van de 100 punten.", "95 van de 100"),
        ("De schoolkeuze van Ruben: het Gymnasium Celeanum.", "Gymnasium"),
    ],
)
def test_a_deed_a_mark_in_haste_a_status_or_a_school_chosen_of_a_named_pupil_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Juf Anne heeft haar telefoon en snoep meegenomen voor de klas.",
        "Meester Jan heeft de spullen voor het kamp gepakt.",
        "Juf Fatima heeft een mooie status op Facebook.",
        "Het team van meester Jan scoorde 3 doelpunten.",
        "Sem schopt de bal over het hek.",
    ],
)
def test_things_taken_along_a_status_update_or_a_goal_is_no_special_fact(text: str) -> None:
    assert found("other", text) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Het advies voor Teun luidt vmbo-gt.", "vmbo-gt"),
        ("Thijs is aangenomen op het Stedelijk Gymnasium.", "Gymnasium"),
        ("Lotte stroomt door naar de havo.", "havo"),
        ("Bij begrijpend lezen scoorde Ayoub een IV.", "een IV"),
        ("Lina is gezakt voor haar rekentoets.", "gezakt"),
        ("De vader van Sven is veroordeeld.", "veroordeeld"),
    ],
)
def test_an_advice_a_school_a_level_a_test_failed_or_a_sentence_of_a_named_person_is_other(
    text: str, term: str
) -> None:
    assert any(term in value for value in found("other", text))


@pytest.mark.parametrize(
    "text",
    [
        "Juf Mieke gaat met groep 8 naar het Stedelijk Gymnasium voor een proefles.",
        "De dader is veroordeeld, vertelde wijkagent Bas in de klas.",
        "Juf Els is geslaagd voor haar rijexamen!",
        "Sem kreeg een A4'tje met huiswerk mee.",
    ],
)
def test_a_class_visit_a_strangers_sentence_or_a_drivers_test_is_no_special_fact(
    text: str,
) -> None:
    assert found("other", text) == []


def test_a_group_later_in_the_clause_leaves_the_named_persons_fact_theirs() -> None:
    text = "Juf Mirjam heeft haar duim gebroken, dus de kinderen van groep 8 schrijven zelf."
    assert any("duim gebroken" in value for value in found("health", text))
