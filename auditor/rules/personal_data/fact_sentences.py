"""A learned second opinion on special-category facts: a sentence classifier.

The phrase rules in special.py find a health, other or birthday fact by its wording; a school
that words it otherwise slips past them. This classifier reads a whole sentence instead: one
logistic regression per type over the sentence's words, word pairs and letter runs inside words
(which survive typos), with every name replaced by one placeholder (so "Ravi" and "Anouk" weigh
the same) and numbers by their shape, plus whether a person is named in the sentence or the one
before. It is trained offline on the labelled development corpora (bench/train_special.py) and
shipped as weights (auditor/data/special_sentences.msgpack, manifest beside it); scoring is a few
dictionary look-ups a sentence. A type whose threshold in the manifest is 1.0 is left to the
rules (birthdays: see RULES_ONLY in bench/train_special.py).

It speaks only where it can add something: a sentence with a person in reach (a name in it or
in the one before, or a word that points at a person: "hij", "haar", "zijn moeder") whose type
the rules did not already find in it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from auditor.models import Hit, PDKind, Span
from auditor.nlp.lexicon import lexicon_cache, package_list
from auditor.nlp.linear_model import LinearModel, load_models, logit_of

DATA = Path(__file__).resolve().parents[2] / "data"
MODEL_FILE = DATA / "special_sentences.msgpack"
MANIFEST_FILE = DATA / "special_sentences.json"
TYPES: tuple[PDKind, ...] = (PDKind.HEALTH, PDKind.OTHER, PDKind.BIRTHDATE)

NAME = "<naam>"
# a number with its inner separators and the letters after it is one token ("9,8", "17.30",
# "2e", "35ste"), kept as its shape ("0,0", "0e")
TOKEN = re.compile(r"\d+(?:[.,:/-]\d+)*[^\W\d_]*|\w+(?:['’]\w+)*")
DIGIT = re.compile(r"\d")
CHAR_GRAMS = (3, 4, 5)
WORD_CACHE_SIZE = 50_000  # words whose summed weights are kept, per type
REASONS: dict[str, str] = {
    PDKind.HEALTH: "zin over de gezondheid of het geloof van een persoon (zinsherkenning)",
    PDKind.OTHER: "zin met een persoonlijk feit over iemand (zinsherkenning)",
    PDKind.BIRTHDATE: "zin over de verjaardag of leeftijd van een persoon (zinsherkenning)",
}


class Classifier:
    """The shipped models with a threshold per type. A sentence's score is the bias, the weights
    of its words (each word's own and its letter runs', summed once per word for every type and
    kept: the same words come back post after post), of its word pairs and of where a person is
    named; equal to `LinearModel.logit(features(...))`, only faster."""

    def __init__(self, models: dict[str, LinearModel], thresholds: dict[str, float]) -> None:
        self.kinds = tuple(models)
        self.models = models
        self.thresholds = thresholds  # per type, as a logit
        self._word_weights: dict[str, tuple[float, ...]] = {}

    def logits(self, view: SentenceView) -> dict[str, float]:
        """The score of the sentence for every type."""
        models, known = [self.models[k] for k in self.kinds], self._word_weights
        if len(known) > WORD_CACHE_SIZE:
            known.clear()
        totals = [m.bias for m in models]
        rest = pair_features(view.tokens) + person_features(view)
        for t in view.tokens:
            w = known.get(t)
            if w is None:
                parts = word_features(t)
                w = known[t] = tuple(sum(m.weights.get(f, 0.0) for f in parts) for m in models)
            totals = [a + b for a, b in zip(totals, w, strict=True)]
        return {
            k: total + sum(m.weights.get(f, 0.0) for f in rest)
            for k, m, total in zip(self.kinds, models, totals, strict=True)
        }

    def firing(self, view: SentenceView, kinds: Sequence[str]) -> list[str]:
        """Those of `kinds` whose score reaches their threshold."""
        scores = self.logits(view)
        return [k for k in kinds if k in scores and scores[k] >= self.thresholds[k]]


@cache
def classifier() -> Classifier | None:
    """The shipped classifier, or None when no model file is shipped."""
    if not MODEL_FILE.exists() or not MANIFEST_FILE.exists():
        return None
    manifest = json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))
    # a threshold of 1.0 turns a type off: the rules alone speak for it
    thresholds = {kind: logit_of(p) for kind, p in manifest["thresholds"].items() if p < 1.0}
    models = {kind: m for kind, m in load_models(MODEL_FILE).items() if kind in thresholds}
    return Classifier(models, thresholds)


@lexicon_cache
def reference_words() -> frozenset[str]:
    """Words that point at a person in a sentence: pronouns and titles (person_pointers.txt)
    and kinship words (kin_words.txt: "zijn moeder", "haar opa")."""
    return package_list("person_pointers") | package_list("kin_words")


def sentence_tokens(text: str, sentence: Span, people: Sequence[Span]) -> list[str]:
    """The sentence's words in lower case, each name (a span of `people`) as one placeholder
    and each number as its shape ("9,8" -> "0,0")."""
    tokens: list[str] = []
    inside = [p for p in people if p.start < sentence.end and sentence.start < p.end]
    last_name: Span | None = None
    for m in TOKEN.finditer(text, sentence.start, sentence.end):
        person = next((p for p in inside if p.start < m.end() and m.start() < p.end), None)
        if person is not None:
            if person is not last_name:
                tokens.append(NAME)
            last_name = person
            continue
        last_name = None
        word = m.group().lower()
        tokens.append(DIGIT.sub("0", word) if DIGIT.search(word) else word)
    return tokens


def word_features(token: str) -> tuple[str, ...]:
    """The word itself and, for a word of three letters or more, its letter runs of 3-5 inside
    "<word>" (a typo leaves most of them as they were)."""
    if token == NAME or len(token) < 3 or DIGIT.search(token):
        return ("w:" + token,)
    padded = f"<{token}>"
    return ("w:" + token,) + tuple(
        "c:" + padded[i : i + n] for n in CHAR_GRAMS for i in range(len(padded) - n + 1)
    )


def pair_features(tokens: Sequence[str]) -> list[str]:
    return [f"b:{a}|{b}" for a, b in zip(("<s>", *tokens), tokens, strict=False)]


def person_features(view: SentenceView) -> list[str]:
    """Where a person is: named in the sentence, in the one before, or only pointed at."""
    found = []
    if view.named:
        found.append("p:name")
    if view.named_before:
        found.append("p:name_before")
    if not (view.named or view.named_before) and not reference_words().isdisjoint(view.tokens):
        found.append("p:reference")
    return found


def features(view: SentenceView) -> list[str]:
    """Every feature of a sentence, once for each time it occurs (the model weighs counts)."""
    found = [f for t in view.tokens for f in word_features(t)]
    return found + pair_features(view.tokens) + person_features(view)


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence as the classifier sees it."""

    span: Span
    tokens: list[str]
    named: bool  # a person named in it
    named_before: bool  # a person named in the sentence before

    @property
    def in_reach(self) -> bool:
        """A person named in it or the one before, or pointed at in it ("hij", "zijn moeder")."""
        return self.named or self.named_before or not reference_words().isdisjoint(self.tokens)

    def features(self) -> list[str]:
        return features(self)


def named_sentences(
    sentences: Sequence[Span], people: Sequence[Span]
) -> Iterator[tuple[Span, bool, bool]]:
    """Every sentence with whether a person is named in it and in the one before."""
    starts = [p.start for p in people]
    named_before = False
    for sentence in sentences:
        named = any(sentence.start <= s < sentence.end for s in starts)
        yield sentence, named, named_before
        named_before = named


def sentence_views(
    text: str, sentences: Sequence[Span], people: Sequence[Span]
) -> Iterator[SentenceView]:
    """Every sentence of the text as the classifier sees it, in order."""
    for sentence, named, named_before in named_sentences(sentences, people):
        yield SentenceView(sentence, sentence_tokens(text, sentence, people), named, named_before)


def classified_facts(
    text: str, sentences: Sequence[Span], people: Sequence[Span], found: Sequence[Hit]
) -> list[Hit]:
    """Facts the classifier reads in sentences with a person in reach where the rules found no
    fact of that type: one hit per sentence and type, spanning the sentence (so its excerpt
    masks what it says)."""
    model = classifier()
    if model is None or not people:
        return []
    # a sentence is read only for a type the model speaks for (birthdays are off) that the rules
    # did not find in it; a sentence with none such is not even cut into words
    kinds = [kind for kind in TYPES if kind in model.thresholds]
    facts = [h for h in found if h.span is not None and h.kind in kinds]
    hits = []
    for span, named, named_before in named_sentences(sentences, people):
        missing = [
            kind
            for kind in kinds
            if not any(
                h.kind == kind and h.span and h.span.start < span.end and span.start < h.span.end
                for h in facts
            )
        ]
        if not missing:
            continue
        view = SentenceView(span, sentence_tokens(text, span, people), named, named_before)
        if not view.in_reach:
            continue
        span = _trimmed(text, span)
        hits += [
            Hit(span=span, value=text[span.start : span.end], reason=REASONS[kind], kind=kind)
            for kind in model.firing(view, missing)
        ]
    return hits


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
