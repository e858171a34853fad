"""Capitalised words in the place of a place, a title or a figure, no person's name (session 10,
issue 16: clean posts flagged). Every case is invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.rules.base import RuleContext
from auditor.rules.personal_data.contact import find_handles
from tests.rules.helpers import names_found

CTX = RuleContext(school_name="OBS De Vechtbrug")


names = partial(names_found, ctx=CTX)


@pytest.mark.parametrize(
    "text",
    [
        "Groep 6 schreef brieven aan een school in Sofia.",
        "Haar familie woont nog in Asmara.",
        "De moeder van een leerling vertelde over de feesten in Mindelo en Praia.",
        "Onze nieuwe buurvrouw komt uit Victoria, in Canada.",
        "De vlucht vertrekt vanuit Addis Abeba.",
        "Het kamp was dit jaar te Lisse.",
    ],
)
def test_a_first_name_where_only_a_place_can_stand_is_no_name(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Welkom in Nederland, Oleksandr!", "Oleksandr"),
        ("Nieuw in de klas: Mila uit Polen en Dmytro uit Oekraïne.", "Dmytro"),
        ("Fijne vakantie in Spanje, Sofia.", "Sofia"),
        ("Groep 5 speelde in Utrecht. Sofia scoorde twee keer.", "Sofia"),
        ("Op de foto staat juf Samira in Tilburg.", "Samira"),
    ],
)
def test_a_name_beside_a_place_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Groep 7 leest Het Geheim van de Smokkelaar. Mattias moet de schat vinden.", "Mattias"),
        ("We kijken vanmiddag Moana! Aukai woont op een eiland.", "Aukai"),
        ("De kleuters keken naar Bluey. Ingrid en Bingo spelen buiten.", "Ingrid"),
        ("Groep 6 en 7 speelden Mario Kart. Wie won er: Mario, Daisy of Luigi?", "Daisy"),
        ("Filmmiddag! We kijken Coco in de aula.", "Coco"),
    ],
)
def test_a_name_opening_the_sentence_after_a_class_reads_or_watches_a_work_is_its_figure(
    text: str, figure: str
) -> None:
    assert figure not in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Groep 5 las 'De Gruffalo'. Lina mocht de muis voorlezen.", "Lina"),
        ("Groep 4 speelt 'Annie' voor de ouders. Noor speelt de rol van Annie.", "Noor"),
        ("Groep 8 leest Koning van Katoren. Juf Ilse leest elke dag voor.", "Ilse"),
        ("We kijken Nijntje. Bram uit groep 1 vond het prachtig.", "Bram"),
        ("Bij de opening las Hanna uit groep 7 een gedicht voor.", "Hanna"),
        ("Groep 3 las Kikker is verliefd. Daarna vertelde Sem over zijn konijn.", "Sem"),
        ("Groep 5 las 'De Gruffalo'. Noor vond de muis het slimst.", "Noor"),
        ("We keken Moana. Daan en Fleur tekenden daarna de zee.", "Fleur"),
    ],
)
def test_a_pupil_beside_a_work_a_class_reads_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Groep 5 leest 'De Toverfluit'. De heksen gehoorzamen juffrouw Grimpelsnoet.",
        "Het boek gaat over meneer Fladderbol, juffrouw Snipsnap en Ilse.",
        "In het verhaal is directrice Knarsetand de baas van de school.",
    ],
)
def test_a_title_before_a_word_no_list_knows_in_a_story_is_a_figure(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We lezen elke dag voor. Juf Giënella leest deze week 'Matilda'.", "Giënella"),
        ("Mevrouw Kaya las voor uit haar lievelingsboek.", "Kaya"),
        ("Mevrouw Bouzerda las voor uit haar lievelingsboek.", "Bouzerda"),
        ("Meester Xandro vertelde het verhaal van Sint-Maarten.", "Xandro"),
    ],
)
def test_a_teacher_or_known_surname_after_a_title_in_a_story_stays_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Groep 7 schreef een brief aan Frenkie de Jong. Frenkie schreef zelfs terug!",
        "Femke Bol won goud en groep 8 keek live mee.",
        "Na de les tekenden we trappen zoals M.C. Escher.",
        "De koffie voor de ouders kwam van Douwe Egberts.",
    ],
)
def test_a_well_known_public_figure_or_brand_named_after_one_is_no_name(text: str) -> None:
    assert names(text) == []


def test_a_pupil_sharing_a_public_figures_first_name_stays_a_name() -> None:
    assert names("Femke uit groep 5 won de voorleeswedstrijd.") == ["Femke"]


@pytest.mark.parametrize(
    "text",
    [
        "Groep 8 fietste vandaag naar Anna Paulowna.",
        "Daarna gingen we naar Neeltje Jans en keken we naar de kering.",
        "Op schoolreisje naar Sint Jansklooster! 🚌",
    ],
)
def test_a_name_where_a_class_travels_to_is_a_place(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("De wisselbeker ging naar Noor.", "Noor"),
        ("De kleuters gingen naar Fatima's huis om te knutselen.", "Fatima"),
        ("Na de les gingen we naar oma Trijntje.", "Trijntje"),
    ],
)
def test_someone_a_thing_goes_to_or_a_class_visits_at_home_stays_a_name(
    text: str, name: str
) -> None:
    assert name in names(text)


def test_a_relative_with_an_unlisted_name_in_a_post_about_reading_stays_a_name() -> None:
    assert names("Hoi oma Trien, fijn dat u weer komt voorlezen!") == ["Trien"]


@pytest.mark.parametrize(
    "text",
    [
        "De peuters keken naar Peppa Big en haar broertje George.",
        "Oom Dagobert zou trots zijn op onze spaarpot!",
        "In de Efteling zwaaiden Pardoes en Pardijn naar ons.",
        "Wie is sneller in de race: Yoshi of Bowser?",
    ],
)
def test_figures_of_childrens_series_and_games_are_no_names(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dank voor uw uitleg over de gemeenteraad, mevrouw Oudshoorn!",
        "Meneer Brinkhorst, bedankt voor het werkbezoek aan groep 8.",
    ],
)
def test_an_official_addressed_by_title_about_their_office_is_no_private_person(
    text: str,
) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Meneer Brinkhorst, dank voor uw bericht over de luizencontrole.", "Brinkhorst"),
        ("De familie Oudshoorn sprak in bij de gemeenteraad.", "Oudshoorn"),
    ],
)
def test_a_parent_or_family_by_title_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize("handle", ["@JorisVermeulenCDA", "@femke_groenlinks", "@PietBakkerVVD"])
def test_a_handle_ending_in_a_political_party_is_a_politicians_account(handle: str) -> None:
    assert find_handles(f"{handle} dank voor uw bezoek aan groep 8!", CTX) == []


@pytest.mark.parametrize("handle", ["@jansp", "@sannevdberg", "@mama_van_noor"])
def test_a_private_handle_stays_one(handle: str) -> None:
    assert [h.value for h in find_handles(f"{handle} dank je wel!", CTX)] == [handle]


@pytest.mark.parametrize(
    "text",
    [
        "Groep 3 las een boek over mummies. Groep 3 verkleedde zich daarna als mummie.",
        "Groep 5 kump verkleid as piraten en groep 6 kump as indianen.",
    ],
)
def test_a_verb_after_a_groups_label_is_no_name_in_a_slot(text: str) -> None:
    assert names(text) == []


def test_lower_case_names_in_the_slots_of_groups_stay_names() -> None:
    text = "winnaars: groep 3 lujain en sem, groep 4 merhawit"
    assert names(text) == ["lujain", "sem", "merhawit"]


@pytest.mark.parametrize(
    "text",
    [
        "De bus was een nieuwe Mercedes met gordels.",
        "In de verkleedkist zat geen echte Barbie maar wel een Ken.",
    ],
)
def test_a_name_counted_by_an_article_is_a_thing_so_named(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wat een dag voor Rama uit groep 4!", "Rama"),
        ("Een felicitatie voor Gerrit-Jan: zijn rekentoets was top.", "Gerrit-Jan"),
    ],
)
def test_a_name_after_a_phrase_with_an_article_stays_a_name(text: str, name: str) -> None:
    assert name in names(text)


def test_a_prophet_of_a_story_said_again_is_no_name() -> None:
    text = "Groep 5 hoorde over de profeet Musa en de farao. Musa sloeg met zijn staf op de zee."
    assert names(text) == []


def test_a_pupil_named_after_a_prophet_stays_a_name() -> None:
    assert names("Musa uit groep 5 vertelde over de profeet Musa.") == ["Musa"]
