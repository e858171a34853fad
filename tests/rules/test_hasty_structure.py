"""Posts written in haste (issue 16), second pass: lower-case names that the sentence structure
places, typos of lexicon words, loose numbers. Every sentence is invented; none is taken from a
corpus."""

from __future__ import annotations

import pytest

from auditor.rules import personal_title
from tests.factories import post
from tests.rules.test_hasty_posts import CTX, found
from tests.rules.test_replies import hits, reply


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dank aan familie wisniewski voor de soep 🍲", "wisniewski"),
        ("vandaag haalt fam visser de kinderen op", "visser"),
        ("de sleutel ligt bij meneer hoekstra", "hoekstra"),
        ("haalt fam. de vries ook sanne op om 5 uur", "de vries"),
        ("de sleutels liggen bij mevrouw van dijk van de administratie", "van dijk"),
        ("the familie van den berg is hosting the bbq", "van den berg"),
        ("we leven mee met de familie el khatib 🕯️", "el khatib"),
    ],
)
def test_a_lower_case_surname_after_a_title_that_takes_one_is_a_name(text: str, name: str) -> None:
    assert name in found("name", text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("de fam. de jong was er ook bij", "de jong"),
        ("fijn dat familie de wit kwam helpen!", "de wit"),
        ("dank aan meneer de groot voor de appels", "de groot"),
    ],
)
def test_a_lower_case_surname_ending_in_an_ordinary_word_after_a_title_is_a_name(
    text: str, name: str
) -> None:
    assert name in found("name", text)


def test_an_ordinary_word_after_a_family_title_and_de_is_no_surname() -> None:
    assert found("name", "geef de familie de tijd om te rouwen") == []


@pytest.mark.parametrize(
    "text",
    [
        "we wensen de familie heel veel sterkte",
        "een kaartje voor de familie van de kinderen uit groep 3",
        "de familie meer dan welkom op het feest",
    ],
)
def test_a_frequent_word_after_a_family_title_goes_on_with_the_sentence(text: str) -> None:
    assert found("name", text) == []


def test_after_familie_van_a_word_no_list_knows_stays_the_childs_name() -> None:
    assert found("name", "een kaart voor de familie van tesfalem") == ["tesfalem"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("uitslag dammen: 1e tesfaldet, 2e wiktoria, 3e bohdana 🏆", ["tesfaldet", "bohdana"]),
        ("sprint gr 6 🥇shurenza 🥈kayro 🥉milou", ["shurenza", "kayro", "milou"]),
        ("klassenouders: groep 1/2 yordanos, groep 3 rahwa en groep 4 ilse", ["yordanos", "rahwa"]),
        ("talentenshow: groep 5 - jeanella, groep 6 - ruthsela 🎭", ["jeanella", "ruthsela"]),
    ],
)
def test_a_lower_case_word_in_the_place_of_a_rank_or_group_in_a_list_is_a_name(
    text: str, names: list[str]
) -> None:
    assert set(names) <= set(found("name", text))


def test_a_first_name_that_is_a_word_holds_a_place_only_beside_another_name() -> None:
    assert "fleur" in found("name", "voorleeswedstrijd: 1e fleur, 2e yaroslav 📚")


@pytest.mark.parametrize(
    "text",
    [
        "groep 5 bakt koekjes en groep 6 schildert de ramen",
        "uitslag touwtrekken: 1e groep 7, 2e groep 8, 3e de juffen",
        "in groep 3 zingen we en in groep 4 lezen we voor",
        "op de 1e dag en de 2e week van het schooljaar is er gym",
    ],
)
def test_words_after_ranks_or_groups_that_are_no_names_stay_words(text: str) -> None:
    assert found("name", text) == []


@pytest.mark.parametrize(
    ("text", "birthday"),
    [
        ("op de bso vierden we de verjaadag van oksana 🎈", "verjaadag"),
        ("juf mirjam vierde gisteren haar verjaardg 🎂", "verjaardg"),
        ("sanne is morgen jarug 🎂 ze trakteert op fruit", "jarug"),
        ("happy birtday jurgen!! 🎉", "birtday"),
    ],
)
def test_a_birthday_word_one_letter_off_said_of_a_person_is_a_birthday(
    text: str, birthday: str
) -> None:
    assert any(birthday in value for value in found("birthdate", text))


@pytest.mark.parametrize(
    "text",
    ["de harige rups van groep 3 is een vlinder geworden", "de jarigen van deze maand: kom op"],
)
def test_a_dutch_word_near_a_birthday_word_is_no_birthday(text: str) -> None:
    assert found("birthdate", text) == []


def test_an_age_after_a_hasty_wordt_is_a_birthday() -> None:
    assert found("birthdate", "tim uit groep 5 wort vandaag 9!! 🎉") == ["wort vandaag 9"]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("nieuw nummer van de moeder van ilse: 06/41 27 88 30", "06/41 27 88 30"),
        ("bel de oppas op 0 6 - 18 45 27 93 voor info", "0 6 - 18 45 27 93"),
        ("app naar 06 / 53 08 21 47 aub", "06 / 53 08 21 47"),
    ],
)
def test_a_mobile_number_written_with_a_slash_or_loose_spaces_is_a_phone(
    text: str, phone: str
) -> None:
    assert found("phone", text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "uitslag trefbal: 0 - 6, 12 - 8 en 4 - 4 in de finale",
        "de sportdag is op 06/07/2026 om 9 uur",
        "lotnummers 0 6 1 2 en 3 4 5 6 hebben gewonnen",
    ],
)
def test_scores_dates_and_short_numbers_are_no_phone(text: str) -> None:
    assert found("phone", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "het pakketje moet naar dorpsweg 112, 3083 ac 📦 ligt bij de concierge",
        "ze wonen nu op de lindelaan 4 b 6461 ab.",
    ],
)
def test_a_lower_case_postcode_ending_its_clause_after_a_street_and_number_is_found(
    text: str,
) -> None:
    assert len(found("postcode", text)) == 1


def test_a_number_and_two_letters_after_no_street_stay_no_postcode() -> None:
    assert found("postcode", "groep 7 en 8, 1500 ok! dat was de score") == []


@pytest.mark.parametrize(
    "text",
    [
        "de bso gaat met max 14 kinderen per groep naar buiten",
        "inschrijven kan tot max. 3 kinderen per gezin",
        "iedereen in een voetbalshirt: ajax, ac milan of fc emmen, alles mag!",
        "filmmiddag: de kids zongen mee met elsa en anna, daarna maja de bij",
    ],
)
def test_an_amount_a_club_or_a_film_character_in_lower_case_is_no_name(text: str) -> None:
    assert found("name", text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("max heeft 3 goals gemaakt bij het schoolvoetbal", "max"),
        ("gefeliciteerd milan met je zwemdiploma!", "milan"),
    ],
)
def test_the_same_first_names_elsewhere_stay_names(text: str, name: str) -> None:
    assert name in found("name", text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("selam derya, ja elif kan mee met de carpool", ["derya", "elif"]),
        ("Selam Derya, ja Elif kan mee", ["Derya", "Elif"]),
    ],
)
def test_a_greeting_that_is_a_first_name_too_opening_a_greeting_is_the_greeting(
    text: str, names: list[str]
) -> None:
    assert found("name", text) == names


def test_a_reply_opening_with_a_greeting_of_another_language_answers_whom_it_greets() -> None:
    post = reply("merhaba derya, ja elif kan mee, we halen haar op bij jullie")
    assert [h.value for h in hits(post)] == ["derya"]


def signed(text: str) -> bool:
    return list(personal_title.signature(post(text=text), CTX)) != []


@pytest.mark.parametrize(
    "text",
    [
        "pas op bij de ingang, het is glad. gr henk, concierge",
        "de gymzaal is dicht ivm lekkage. groetjes ellen, directeur",
    ],
)
def test_a_hasty_closing_a_lower_case_first_name_and_a_role_is_a_signature(text: str) -> None:
    assert signed(text)


@pytest.mark.parametrize(
    "text",
    ["het is glad bij de ingang. gr team, concierge", "morgen geen gym. mvg de ouderraad"],
)
def test_a_hasty_closing_of_a_team_or_a_council_is_no_signature(text: str) -> None:
    assert not signed(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("de leesouders zijn senait (moeder van winta) en mehari", ["senait", "winta"]),
        ("dank aan yordanos, moeder van tesfalem, voor de koffie", ["yordanos", "tesfalem"]),
    ],
)
def test_a_lower_case_word_before_a_relatives_word_and_van_is_that_relative(
    text: str, names: list[str]
) -> None:
    assert set(names) <= set(found("name", text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("awet lag in het ziekenhuis maar is weer thuis 🙏", "awet"),
        ("juf is ziek vandaag maar tesfalem trakteert toch op fruit", "tesfalem"),
    ],
)
def test_a_lower_case_word_no_list_knows_before_a_singular_verb_of_a_person_is_its_subject(
    text: str, name: str
) -> None:
    assert name in found("name", text)


def test_a_birthday_word_written_in_haste_is_no_name() -> None:
    assert found("name", "wie is er vandaag jarug? de hele klas zingt") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("overmaken naar de klassenouder tnv w. van dijk, voor vrijdag", "w. van dijk"),
        ("nieuw in het team: mr. j. bakker (gym) 🙌", "j. bakker"),
    ],
)
def test_a_lower_case_initial_and_a_known_surname_are_a_name(text: str, name: str) -> None:
    assert name in found("name", text)


@pytest.mark.parametrize(
    "text", ["we doen o.a. de kinderen een plezier", "plan b. de kinderen gaan naar binnen"]
)
def test_an_abbreviation_or_a_letter_before_ordinary_words_is_no_initial(text: str) -> None:
    assert found("name", text) == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("de witte bus met kenteken vgk-21-b staat voor de nooduitgang", "vgk-21-b"),
        ("wie staat er elke ochtend met de auto xl-234-k voor de poort?", "xl-234-k"),
    ],
)
def test_a_licence_plate_written_in_lower_case_is_a_plate(text: str, plate: str) -> None:
    assert found("plate", text) == [plate]


@pytest.mark.parametrize(
    "text", ["een co2-neutrale sportdag en de 3-daagse", "op 10-12-2025 om 9 uur: 1-2-3 zeg je"]
)
def test_lower_case_words_with_digits_and_dashes_are_no_plate(text: str) -> None:
    assert found("plate", text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("schoolzwemmen: bram, yusuf n mees hebben hun b diploma gehaald", ["bram", "mees"]),
        ("vandaag: roos, ilias en storm hebben de moestuin gewied", ["roos", "storm"]),
    ],
)
def test_first_names_that_are_words_in_a_list_of_names_before_a_plural_verb_are_names(
    text: str, names: list[str]
) -> None:
    assert set(names) <= set(found("name", text))


@pytest.mark.parametrize(
    "text", ["in de tuin: roos, tulp en lelie bloeien", "yusuf en de mees zijn buiten"]
)
def test_words_in_a_list_of_things_or_after_an_article_stay_words(text: str) -> None:
    assert set(found("name", text)) <= {"yusuf"}


def test_a_hashtag_no_list_knows_in_a_row_of_name_hashtags_is_a_name() -> None:
    text = "onze kanjers van groep 8: #jeandro #zeynep #oleksandr wonnen het debat 🏆"
    assert "jeandro" in found("name", text)


@pytest.mark.parametrize(
    "text", ["#sportdag #trots #groep8 #rotterdam", "#zeynep #kerstmusical #schoolreisje"]
)
def test_a_row_of_hashtags_without_two_names_adds_none(text: str) -> None:
    assert set(found("name", text)) <= {"zeynep"}
