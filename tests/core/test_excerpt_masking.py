"""Excerpts never show personal data: not the values found, nor what the post says about them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor import config as config_module
from auditor.engine import Engine
from auditor.evaluation import CORPUS_CONTEXT, load_corpus
from auditor.models import Category, PDKind, Span
from auditor.redact import excerpt, personal_sentences
from auditor.rules import all_rules
from auditor.rules.base import RuleContext
from auditor.rules.personal_data.analysis import analyse_text

REPO = Path(__file__).resolve().parents[2]
CORPUS_FILES = ("posts.jsonl", "independent.jsonl")


def bench_corpora() -> list[tuple[str, Path, Path | None]]:
    """Every bench/corpus*/ folder with a labelled corpus and its school's auditor.toml: a new
    corpus is covered without editing this list."""
    found = []
    for folder in sorted((REPO / "bench").glob("corpus*/")):
        config = folder / "auditor.toml"
        corpus = next((folder / f for f in CORPUS_FILES if (folder / f).exists()), None)
        if corpus is not None and config.exists():
            found.append((folder.name, corpus, config))
    return found


# every labelled corpus there is, with the configuration of its school
CORPORA = [("shared", Path("corpus/posts.jsonl"), None), *bench_corpora()]

# Held-out corpora whose first score found a labelled value in an excerpt. Their posts and
# errors may not be read here (README "**Held out.**"), so the leak is recorded, not fixed by
# looking: strict, so the mark must go once a general change masks it.
HELD_OUT_LEAKS: dict[str, str] = {}


def corpus_cases() -> list[object]:
    return [
        pytest.param(
            *case,
            id=case[0],
            marks=[pytest.mark.xfail(strict=True, reason=HELD_OUT_LEAKS[case[0]])]
            if case[0] in HELD_OUT_LEAKS
            else [],
        )
        for case in CORPORA
    ]


def e_mail(text: str) -> Span:
    found = re.search(r"[\w.]+@[\w.]+\w", text)
    assert found is not None
    return Span(found.start(), found.end())


def name(text: str, value: str) -> tuple[Span, str]:
    start = text.index(value)
    return Span(start, start + len(value)), "name"


@pytest.mark.parametrize(("label", "corpus", "config"), corpus_cases())
def test_no_excerpt_shows_a_labelled_value(
    shared: Path, label: str, corpus: Path, config: Path | None
) -> None:
    path = corpus if corpus.is_absolute() else shared / corpus
    if not path.exists():
        pytest.skip(f"{path} is not there")
    ctx: RuleContext = (
        config_module.load(config).rule_context() if config is not None else CORPUS_CONTEXT
    )
    engine = Engine([r for r in all_rules() if r.category != Category.IMAGE], ctx, key=b"t")
    leaks = []
    for item in load_corpus(path):
        excerpts = [f.excerpt for f in engine.audit(item.post).findings]
        leaks += [
            f"{item.id} {lb.type} {lb.text!r}"
            for lb in item.labels
            if any(lb.text in shown for shown in excerpts)
        ]
    assert leaks == []


def test_a_grade_beside_a_name_is_hidden() -> None:
    text = "Bij de rekenquiz haalde Daan een 9,8 en Fenna een 9,5. De hele groep 8 scoorde goed!"
    spans = [name(text, "Daan"), name(text, "Fenna")]

    shown = excerpt(text, spans[0][0], spans, context=100)

    assert "9,8" not in shown and "9,5" not in shown and "rekenquiz" not in shown
    assert "D*** een […] en F*** een […]." in shown
    assert "De hele groep 8 scoorde goed!" not in shown  # the neighbour sentence is hidden too


@pytest.mark.parametrize(
    "text",
    [
        "Hiep hiep hoera, Yara is vandaag jarig!",
        "Noud wordt vandaag 8 en trakteerde op vlaai.",
        "Opa Harrie is afgelopen weekend overleden.",
        "Luuk woont sinds deze week bij zijn opa en oma.",
    ],
)
def test_what_a_sentence_says_about_a_person_is_hidden(text: str) -> None:
    first = text.split()[0] if text.split()[0] != "Hiep" else "Yara"
    first = "Harrie" if first == "Opa" else first
    spans = [name(text, first)]

    shown = excerpt(text, spans[0][0], spans, context=100)

    assert all(word not in shown for word in ("jarig", "8", "overleden", "opa en oma"))
    assert f"{first[0]}***" in shown


def test_a_group_number_stays_readable() -> None:
    text = "Welkom Sem in groep 3!"
    spans = [name(text, "Sem")]

    assert excerpt(text, spans[0][0], spans) == "[…] S*** in groep 3!"


def test_sentences_far_from_any_person_stay_readable() -> None:
    text = "Juf Inge is jarig. Morgen is er gym. Neem een handdoek mee. Om 8.30 uur begint de les."
    spans = [name(text, "Inge")]

    assert personal_sentences(text, spans) == [(0, 18), (18, 36)]
    shown = excerpt(text, None, spans, context=200)
    assert "Neem een handdoek mee. Om 8.30 uur begint de les." in shown


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Vragen? Onze administratie, Riet van Bussel: rietvanbussel@gmail.com", "Bussel"),
        ("Aanmelden bij Tineke Hoebergen, tineke.hoebergen@gmail.com", "Hoebergen"),
        ("Contact: Gerrit-Jan Voskuil (gj.voskuil@kpnmail.nl)", "Voskuil"),
        ("Groet,\nAnnemiek Rutjes\ngroepsleerkracht groep 6\na.rutjes@live.nl", "Rutjes"),
        ("Mail naar h.spreeuwers@outlook.com (meester Hennie Spreeuwers)", "Spreeuwers"),
    ],
)
def test_the_name_a_masked_e_mail_address_spells_is_hidden_too(text: str, holder: str) -> None:
    address = e_mail(text)

    shown = excerpt(text, address, [(address, PDKind.EMAIL)], context=200)

    assert holder not in shown
    assert "@" in shown and text[address.start : address.end] not in shown


def test_words_that_do_not_spell_the_address_stay_readable() -> None:
    text = "Vragen over de Kinderboekenweek? Mail Petra: p.devries@hotmail.com"
    address = e_mail(text)

    shown = excerpt(text, address, [(address, PDKind.EMAIL)], context=200)

    assert "Kinderboekenweek" in shown and "Petra" in shown


@pytest.mark.parametrize(
    "text",
    [
        "Volg ons kamp ook via @meester_ruud_kamp!",
        "Dank aan @fam.deVries en @Oma_Ans voor de taarten.",
        "@bjorn2015 heeft de tekenwedstrijd gewonnen.",
    ],
)
def test_an_unclaimed_handle_is_masked(text: str) -> None:
    shown = excerpt(text, None, [], context=200)

    handles = re.findall(r"@\w+", text)
    assert all(handle not in shown for handle in handles)
    assert all(f"@{handle[1]}***" in shown for handle in handles)


def test_an_e_mail_is_not_read_as_a_handle() -> None:
    shown = excerpt("Mail naar info@obs-dekim.nl voor vragen.", None, [], context=200)

    assert "i***@obs-dekim.nl" in shown


@pytest.mark.parametrize(
    ("text", "shown_not"),
    [
        ("Hoera! Vandaag wordt Daan 8 jaar!", "8"),
        ("Lokkige jierdei, juf Baukje!", "jierdei"),
        ("Jarig in november:\n3 nov | Fenna | groep 3", "3 nov"),
        ("Na 38 jaar gaat juf Hanneke (61) met pensioen.", "61"),
        ("Het geld mag naar NL20 INGB 3125 0545 77 (t.n.v. R. Bakker). Dank je!", "Bakker"),
    ],
)
def test_a_birthday_phrase_or_account_holder_is_hidden_in_every_excerpt(
    text: str, shown_not: str
) -> None:
    hits = [h for h in analyse_text(text, CORPUS_CONTEXT).hits if h.span is not None]
    spans = [(h.span, h.kind) for h in hits if h.span is not None]

    shown = [excerpt(text, h.span, spans, context=100) for h in hits]

    assert hits and all(shown_not not in one for one in shown)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Gisteren won Mirre K. de voorleeswedstrijd. Bel 06-12345678 voor foto's.", "M*** K***"),
        ("Storm V. liep 40 rondjes voor de sponsorloop. Mail info@obs-dekim.nl.", "S*** V***"),
        ("Juf Oksana K. is terug van verlof. Welkom terug!", "O*** K***"),
        ("Elif Ş. en Nour A. wonnen de tekenwedstrijd.", "E*** Ş***"),
        ("Hulde aan Jildou v.d. W., moeder van Sietse, voor het opruimen!", "J*** v***.d***. W***"),
        ("Ilyas El K. uit groep 8 won de tekenwedstrijd.", "I*** E*** K***"),
        ("Vragen? Mail meester A. El Khatib via de schoolapp.", "A***. E*** K***"),
    ],
)
def test_a_surnames_initial_or_particle_is_masked_with_the_name(text: str, masked: str) -> None:
    hits = [h for h in analyse_text(text, CORPUS_CONTEXT).hits if h.span is not None]
    spans = [(h.span, h.kind) for h in hits if h.span is not None]

    shown = [excerpt(text, h.span, spans, context=100) for h in hits]

    assert hits and all(masked in one for one in shown)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Dank voor de foto! Ongelooflijk dat hij al 11 is. Fijne dag nog!", "11"),
        ("Bedankt voor alle kaartjes voor mijn 35e verjaardag! Ik heb genoten.", "35e"),
        ("Wat knap: zij haalde een 8,5 voor de Cito-toets.", "8,5"),
        ("Sinds gisteren is hy 6, wat in feest!", "6"),
    ],
)
def test_a_number_in_a_sentence_about_a_person_named_by_a_pronoun_is_hidden(
    text: str, number: str
) -> None:
    shown = excerpt(text, None, [], context=200)
    assert number not in shown
    assert "*" in shown


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Er zijn oliebollen, 3 voor € 2,50, en hij staat er om 10:30 uur.", "3 voor € 2,50"),
        ("Hij komt om 10:30 uur naar groep 5.", "10:30 uur naar groep 5"),
        ("Zij fietst 12 km voor het goede doel.", "12 km"),
        ("Zij zegt: morgen wordt het 30 graden.", "30 graden"),
    ],
)
def test_amounts_times_measures_and_groups_stay_readable_beside_a_pronoun(
    text: str, kept: str
) -> None:
    assert kept in excerpt(text, None, [], context=200)


@pytest.mark.parametrize(
    ("text", "shown_not"),
    [
        (
            "Roos moet deze maand een paar keer naar het ziekenhuis voor controles.",
            ("ziekenhuis", "controles", "maand"),
        ),
        ("Tim heeft voor de eindtoets 540 punten gehaald.", ("eindtoets", "540", "punten")),
    ],
)
def test_a_sentence_the_classifier_reads_is_hidden_in_every_excerpt(
    text: str, shown_not: tuple[str, ...]
) -> None:
    hits = [h for h in analyse_text(text, CORPUS_CONTEXT).hits if h.span is not None]
    spans = [(h.span, h.kind) for h in hits if h.span is not None]

    shown = [excerpt(text, h.span, spans, context=100) for h in hits]

    assert any(h.span == Span(0, len(text)) for h in hits)  # the whole sentence is a finding
    assert all(word not in one for one in shown for word in shown_not)
