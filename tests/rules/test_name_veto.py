"""The features of a name candidate for the learned veto, the veto's scoring (it only drops), and
the training loader's choice of corpora (never a held-out one). Every case is invented."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from auditor.nlp.linear_model import LinearModel
from auditor.rules.personal_data.words import TITLE, scan_words

REPO = Path(__file__).resolve().parents[2]
# The veto is an experiment of bench/ (measured, not shipped: see docs/quality.md)
sys.path.insert(0, str(REPO / "bench"))
from name_veto import Candidate, features, vetoed  # noqa: E402

TITLE_BIT = TITLE.bit_length() - 1
HELD_OUT = {"corpus5", "corpus7", "corpus8", "corpus9", "corpus10", "corpus11", "corpus12"}
HELD_OUT |= {"corpus13", "corpus_replies7"}


def candidate(text: str, value: str, reason: str = "voornaam") -> Candidate:
    start = text.index(value)
    return (start, start + len(value), reason)


def features_of(text: str, value: str, others: tuple[str, ...] = ()) -> list[str]:
    found = [candidate(text, v) for v in (value, *others)]
    return features(text, scan_words(text), found[0], found)


def test_the_features_of_a_candidate_are_the_same_on_every_call() -> None:
    text = "Groep 6 schreef een brief aan Xavi Simons. Noor uit groep 6 las hem voor."
    assert features_of(text, "Xavi Simons", ("Noor",)) == features_of(
        text, "Xavi Simons", ("Noor",)
    )


@pytest.mark.parametrize(
    ("text", "value", "feature"),
    [
        ("Groep 7 ging op excursie naar Zwolle en Kampen.", "Zwolle", "place"),
        ("De kleuters dansten met juf Anouk in de gymzaal.", "Anouk", f"near:{TITLE_BIT}"),
        ("Gefeliciteerd! #jarigeSem", "Sem", "hashtag"),
        ("Mario reed het snelst van iedereen.", "Mario", "sentence_start"),
        ("Wat een feest: Julia en Hamza hielpen mee.", "Julia", "in_list"),
        ("Groep 8 speelde Mario Kart bij AZ in het stadion.", "Mario", "acronym_near"),
    ],
)
def test_a_candidate_carries_what_text_and_lexicon_say_of_it(
    text: str, value: str, feature: str
) -> None:
    others = ("Hamza",) if "Hamza" in text else ()
    assert feature in features_of(text, value, others)


def test_the_other_names_beside_a_candidate_are_one_placeholder() -> None:
    text = "Wat een feest: Julia en Hamza hielpen mee."
    assert "right2:<name>" in features_of(text, "Julia", ("Hamza",))


MODEL = LinearModel(bias=-4.0, weights={"place": 8.0})


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Groep 7 fietste met Daan naar Zwolle.", ["Daan"], ["Zwolle"]),
        ("Sanne en Mila zongen het slotlied.", ["Sanne", "Mila"], []),
    ],
)
def test_the_veto_drops_candidates_above_the_threshold_and_adds_none(
    text: str, kept: list[str], dropped: list[str]
) -> None:
    found = [candidate(text, v) for v in (*kept, *dropped)]
    gone = vetoed(text, scan_words(text), found, MODEL, threshold=0.9)
    assert sorted(text[s:e] for s, e, _ in gone) == sorted(dropped)
    assert set(gone) <= set(found)


def _train_names() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_names", REPO / "bench" / "train_names.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_names"] = module
    spec.loader.exec_module(module)
    return module


def test_the_training_corpora_hold_no_held_out_corpus() -> None:
    names = {corpus.name for corpus in _train_names().development_corpora()}
    assert not names & HELD_OUT
