"""The special-category sentence classifier: a shipped model that reads a whole sentence about a
person for health, other and birthday facts the phrase rules do not know the wording of."""

from __future__ import annotations

import json

import pytest

from auditor.engine import Engine
from auditor.evaluation import CORPUS_CONTEXT
from auditor.models import Category, Hit, PDKind, Span
from auditor.nlp.linear_model import load_models
from auditor.rules import all_rules
from auditor.rules.personal_data import fact_sentences
from auditor.rules.personal_data.analysis import analyse_text
from tests.factories import post as make_post

HELD_OUT = {
    "corpus5",
    "corpus7",
    "corpus8",
    "corpus9",
    "corpus10",
    "corpus11",
    "corpus12",
    "corpus13",
}


def manifest() -> dict:
    return json.loads(fact_sentences.MANIFEST_FILE.read_text(encoding="utf-8"))


def classified(text: str) -> set[str]:
    """The types the classifier adds to what the rules found in `text`."""
    return {h.kind for h in analyse_text(text, CORPUS_CONTEXT).hits if h.reason in REASON_KINDS}


REASON_KINDS = {reason: kind for kind, reason in fact_sentences.REASONS.items()}


def test_the_shipped_model_scores_a_sentence_the_same_each_time_it_is_loaded():
    first = load_models(fact_sentences.MODEL_FILE)
    second = load_models(fact_sentences.MODEL_FILE)
    text = "Fenna ligt sinds gisteren met een longontsteking in bed."
    views = list(fact_sentences.sentence_views(text, [Span(0, 5)], [Span(0, 5)]))
    feats = views[0].features()
    assert set(first) == {str(t) for t in fact_sentences.TYPES}
    for kind in first:
        assert first[kind].logit(feats) == second[kind].logit(feats)


def test_the_manifest_lists_no_held_out_corpus():
    names = {c["name"] for c in manifest()["corpora"]}
    assert names and not names & HELD_OUT


def test_the_manifest_gives_a_threshold_per_type_and_how_to_retrain():
    data = manifest()
    assert set(data["thresholds"]) == {str(t) for t in fact_sentences.TYPES}
    assert all(0.0 < p <= 1.0 for p in data["thresholds"].values())
    assert "bench/train_special.py" in data["command"]


def test_birthdays_are_left_to_the_rules():
    model = fact_sentences.classifier()
    assert model is not None and PDKind.BIRTHDATE not in model.thresholds
    assert classified("In de leerlingenraad: Sem (8), Lisa (7) en Bo (6).") == set()


def test_a_name_and_a_number_become_placeholders():
    text = "Ravi haalde een 9,8 voor rekenen."
    tokens = fact_sentences.sentence_tokens(text, Span(0, len(text)), [Span(0, 4)])
    assert tokens == ["<naam>", "haalde", "een", "0,0", "voor", "rekenen"]


@pytest.mark.parametrize(
    "text",
    [
        "Ravi haalde een 9,8 voor rekenen.",
        "Anouk haalde een 9,8 voor rekenen.",
    ],
)
def test_two_names_weigh_the_same(text):
    name = Span(0, text.index(" "))
    view = next(fact_sentences.sentence_views(text, [Span(0, len(text))], [name]))
    other = "Ravi haalde een 9,8 voor rekenen."
    same = next(fact_sentences.sentence_views(other, [Span(0, len(other))], [Span(0, 4)]))
    assert view.features() == same.features()


@pytest.mark.parametrize(
    "text",
    [
        "Een sick klassenkonijn: Snuffel is naar de dierenarts en krijgt antibiotica.",
        "Er gaat een griepgolf rond in het team, dus kijk goed of er vervanging is.",
        "Juf Marloes en meester Tom hebben hun EHBO-diploma gehaald, bravo!",
        "Sanne en Bram hebben de voorleeswedstrijd gewonnen.",
    ],
)
def test_a_clean_near_miss_is_left_alone(text):
    assert classified(text) == set()


# Wordings the phrase rules do not know (invented): the classifier reads them.
NEW_PHRASINGS = [
    ("Roos moet deze maand een paar keer naar het ziekenhuis voor controles.", PDKind.HEALTH),
    ("Tim heeft voor de eindtoets 540 punten gehaald.", PDKind.OTHER),
]


@pytest.mark.parametrize(("text", "kind"), NEW_PHRASINGS)
def test_a_fact_in_a_new_phrasing_is_read(text, kind):
    assert kind in classified(text)


@pytest.mark.parametrize(("text", "kind"), NEW_PHRASINGS)
def test_the_fast_score_equals_the_models_score_of_the_features(text, kind):
    model = fact_sentences.classifier()
    assert model is not None
    persons = analyse_text(text, CORPUS_CONTEXT).persons
    view = next(fact_sentences.sentence_views(text, [Span(0, len(text))], persons))
    expected = model.models[kind].logit(fact_sentences.features(view))
    assert model.logits(view)[kind] == pytest.approx(expected)


@pytest.mark.parametrize(("text", "kind"), NEW_PHRASINGS)
def test_a_classified_fact_is_a_finding_with_its_article_and_why(text, kind):
    rules = [r for r in all_rules() if r.category != Category.IMAGE]
    findings = Engine(rules, CORPUS_CONTEXT, key=b"k").audit(make_post(text=text)).findings
    found = [f for f in findings if f.rule == f"personal-data.{kind}"]
    assert found and all(f.article and f.reason == fact_sentences.REASONS[kind] for f in found)


@pytest.mark.parametrize(("text", "kind"), NEW_PHRASINGS)
def test_a_classified_sentence_is_masked_in_every_excerpt(text, kind):
    rules = [r for r in all_rules() if r.category != Category.IMAGE]
    findings = Engine(rules, CORPUS_CONTEXT, key=b"k").audit(make_post(text=text)).findings
    fact_words = [w for w in text.rstrip(".").split()[1:] if len(w) > 3]
    assert findings
    for finding in findings:
        assert not any(word in finding.excerpt for word in fact_words), finding.excerpt


def test_a_sentence_with_no_person_in_reach_is_not_read():
    text = "Er is een kind naar het ziekenhuis gebracht voor controles."
    assert classified(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Fenna heeft een gebroken arm en woont sinds de scheiding bij haar vader.",
        "Milan ligt met een longontsteking in het ziekenhuis en krijgt een havo-advies.",
    ],
)
def test_a_sentence_whose_every_read_type_the_rules_found_is_not_cut_into_words(text, monkeypatch):
    whole = Span(0, len(text))
    found = [
        Hit(span=whole, value=text, reason="rule", kind=kind)
        for kind in (PDKind.HEALTH, PDKind.OTHER)
    ]
    cut: list[Span] = []
    tokens = fact_sentences.sentence_tokens
    monkeypatch.setattr(
        fact_sentences,
        "sentence_tokens",
        lambda t, s, p: cut.append(s) or tokens(t, s, p),
    )
    assert fact_sentences.classified_facts(text, [whole], [Span(0, 5)], found) == []
    assert cut == []
