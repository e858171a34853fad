"""Health said without its usual words or written in haste (issue 16, bench/corpus_health3): a
word two letters off a long entry or with a letter doubled, what is worn on or broken at a part
of the body, values checked, a separable verb, sleep and hearing said with the verb last or on
one side, a stay for weeks in a hospital known only by its name, a term owned by the name after
it, a wish that does not say whom it is for, dialect and organ words from the lexicon. Beside
each: the same words about nobody or no such fact. All names and sentences are invented."""

from __future__ import annotations

from functools import partial

import pytest

from auditor.models import PDKind
from auditor.rules.base import RuleContext
from auditor.rules.personal_data import special
from auditor.rules.personal_data.analysis import analyse_text
from tests.rules.helpers import analysed

CTX = RuleContext()


health = partial(analysed, PDKind.HEALTH, ctx=CTX)


@pytest.fixture(scope="module")
def vocab() -> special.Vocabulary:
    return special.vocabulary(special.HEALTH_FIELDS, "health_not")


@pytest.mark.parametrize(
    ("typo", "entry"),
    [
        ("ziekhuis", "ziekenhuis"),  # two neighbouring letters left out of a long entry
        ("hersenschding", "hersenschudding"),
        ("zwnager", "zwanger"),  # two neighbours swapped
    ],
)
def test_a_word_two_letters_off_a_long_entry_is_read_as_that_entry(
    vocab: special.Vocabulary, typo: str, entry: str
) -> None:
    assert vocab.respelled(typo) == entry


@pytest.mark.parametrize("word", ["heengaan", "omkomen", "geanimeerd", "melanine", "inslapen"])
def test_a_rare_word_of_the_language_two_letters_off_an_entry_is_no_typo(
    vocab: special.Vocabulary, word: str
) -> None:
    assert vocab.respelled(word) is None


@pytest.mark.parametrize(("typo", "entry"), [("hypoo", "hypo"), ("ziekk", "ziek")])
def test_a_doubled_letter_is_read_as_the_entry_written_once(
    vocab: special.Vocabulary, typo: str, entry: str
) -> None:
    assert vocab.undoubled(typo) == entry


@pytest.mark.parametrize("word", ["schoolreis", "voorleeswedstrijd", "ziekkk"])
def test_a_word_that_is_no_typo_of_an_entry_needs_no_look_in_the_large_dutch_list(
    vocab: special.Vocabulary, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    """Start-up: `auditor check` reads the large list only for a word a typo table holds."""
    special._typo_tables.cache_clear()
    monkeypatch.setattr(special, "dutch_words_among", lambda _: pytest.fail("read the list"))
    assert vocab.respelled(word) is None and vocab.undoubled(word) is None
    special._typo_tables.cache_clear()


@pytest.mark.parametrize("word", ["comma", "wassen", "ziek", "hypo"])
def test_a_word_of_the_language_or_the_entry_itself_is_not_undoubled(
    vocab: special.Vocabulary, word: str
) -> None:
    assert vocab.undoubled(word) is None


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("sahra ligt in t ziekhuis met haar been 😢", "ziekhuis"),
        ("ahmed had even een hypoo op de boerderij", "hypoo"),
        ("Anjali draagt een sensor op haar bovenarm 📱", "sensor op haar bovenarm"),
        ("Mirte draagt een paar uur per dag een pleister op haar oog.", "pleister op haar oog"),
        ("Milan heeft een stukje van zijn voortand afgebroken.", "zijn voortand afgebroken"),
        ("hooyo van hamza zegt dat zijn arm kapot is.", "zijn arm kapot"),
        ("Juf Kim zit naast Ikram en checkt elk uur haar waardes.", "haar waardes"),
        ("Angelique viel tijdens de generale repetitie flauw.", "flauw"),
        ("Farah hoort aan haar linkeroor niks, zet haar rechts.", "hoort aan haar linkeroor niks"),
        ("Fijn dat u vertelt dat Thijs zo slecht slaapt.", "slecht slaapt"),
        ("Meester Wouter zit thuis, het werd hem even te veel.", "werd hem even te veel"),
        ("Jesse vertelde dat zijn oma hem niet meer herkent.", "niet meer herkent"),
        ("De ooievaar komt in mei langs bij juf Lotte!", "ooievaar komt in mei langs"),
        ("Voor Shivani kookt hij alles zonder gluten.", "zonder gluten"),
        ("De vrouw van meester Ruud ligt al drie weken in het Elisabeth.", "in het Elisabeth"),
        ("Vanaf maandag gaat het geluid naar het hoortoestel van Ayaan.", "hoortoestel"),
        ("Dag Asha, dank voor het bericht. Sterkte bij de controle in het ziekenhuis.", "zieken"),
        ("Mahad heeft na een bezoek aan de oogarts een bril.", "oogarts"),
        ("Zijn vader heeft vorige week een nieuwe nier gekregen, zegt Merhawi.", "nieuwe nier"),
        ("Juf Shanaya is in positieve omstandigheden!", "positieve omstandigheden"),
        ("Gisteren is Maria gedoopt en Abdirahman gaat naar de madrassa.", "madrassa"),
        ("De pake fan Jelmer wurdt sneon begroeven.", "begroeven"),
        ("sjoerd syn beppe wennet no yn it fersoargingshûs", "fersoargingshûs"),
    ],
)
def test_health_said_otherwise_of_a_named_person_is_health(text: str, part: str) -> None:
    assert any(part in value for value in health(text))


@pytest.mark.parametrize(
    "text",
    [
        "Sem won de quiz. Beterschap aan iedereen die griep heeft!",  # the wish names its own
        "Piratenweek: alle kleuters dragen een pleister op hun knie en een hoed.",
        "Groep 5 zag bij de boerderij van opa Henk een ooievaar op het nest.",
        "Het dorpshuis ligt in het centrum van Hoogkerk, zegt meester Tom.",
        "Sem en Mila hebben de beker thuisgehaald.",
        "De moeder van Imane werkt als röntgenlaborant in het HMC.",
        "Groep 3 bakte met oma Tineke koekjes.",
        "Het was een geanimeerd gesprek met juf Anna.",
    ],
)
def test_the_same_words_about_nobody_or_no_illness_are_no_health(text: str) -> None:
    assert health(text) == []


@pytest.mark.parametrize(
    ("text", "name", "part"),
    [
        ("Djamal zit na zijn operatie een paar weken in een rolstoel.", "Djamal", "operatie"),
        ("Tesfit is er maandag niet: hij krijgt een kleine ingreep.", "Tesfit", "ingreep"),
        ("Gurpreet draagt sinds deze week een tulband.", "Gurpreet", "tulband"),
    ],
)
def test_an_unknown_name_opening_a_clause_before_a_verb_is_the_subject_of_the_fact(
    text: str, name: str, part: str
) -> None:
    found = analyse_text(text, CTX)
    assert name in [h.value for h in found.of(PDKind.NAME)]
    assert any(part in value for value in health(text))


@pytest.mark.parametrize(
    "text",
    [
        "Luizenpluizen is op woensdag: er zijn luizen gevonden in groep 3.",
        "Piratenweek is begonnen: alle kleuters hebben een ooglapje.",
    ],
)
def test_a_compound_opening_a_clause_is_no_subject(text: str) -> None:
    assert analyse_text(text, CTX).of(PDKind.NAME) == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Kiran's haar groeit weer na de behandelingen.", "behandelingen"),  # a possessive name
        ("Lina heeft veel angst voor water.", "angst voor"),
        ("De opa van Daniël en Ruben is afgelopen zaterdag thuisgehaald.", "thuisgehaald"),
    ],
)
def test_a_possessive_name_a_fear_or_a_relative_taken_home_is_health(text: str, part: str) -> None:
    assert any(part in value for value in health(text))


def test_no_fear_is_no_health() -> None:
    assert health("Sem had geen angst voor de hoge glijbaan.") == []


def test_an_animal_named_in_apposition_is_no_person() -> None:
    text = "Helaas is Nemo, de goudvis van groep 3, deze week doodgegaan."
    found = analyse_text(text, CTX)
    assert found.of(PDKind.NAME) == () and found.of(PDKind.HEALTH) == ()


@pytest.mark.parametrize(
    ("word", "field"), [("adhd-medicatie", "medication"), ("kinder-ziekenhuis", "care_places")]
)
def test_a_compound_with_a_hyphen_is_read_by_its_last_part(
    vocab: special.Vocabulary, word: str, field: str
) -> None:
    assert field in vocab.fields_of(word)


@pytest.mark.parametrize("word", ["ehbo-doos", "ziekte-vervanging", "anti-pestprotocol"])
def test_a_hyphenated_word_whose_last_part_is_no_entry_stays_none(
    vocab: special.Vocabulary, word: str
) -> None:
    assert vocab.fields_of(word) == ()
