"""Specs for the quality report (`auditor eval`) and its scoring."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from auditor.commands import eval as eval_command
from auditor.errors import AuditorError
from auditor.evaluation import load_corpus, parse_line
from tests.conftest import require_shared

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "posts.jsonl"


def line(pid: str, text: str, labels: list[dict[str, str]], **flags: bool) -> str:
    return json.dumps(
        {
            "id": pid,
            "platform": "twitter",
            "created_at": "2025-01-06T10:00:00+01:00",
            "kind": "post",
            "in_reply_to": None,
            "text": text,
            "labels": {
                "personal_data": labels,
                "commercial": flags.get("commercial", False),
                "personal_title": False,
                "reply_to_parent": False,
                "hard": "",
            },
        },
        ensure_ascii=False,
    )


def run_eval(tmp_path: Path, lines: list[str]) -> dict:
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    eval_command.add_arguments(parser)
    args = parser.parse_args([str(path), "--format", "json"])
    report = eval_command.evaluate(eval_command.select_half(load_corpus(path), args.half))
    return report.as_dict()


def test_scores_a_found_name_as_true_positive_with_span_recall(tmp_path: Path) -> None:
    data = run_eval(
        tmp_path,
        [
            line(
                "t1",
                "Sanne uit groep 5 las voor.",
                [{"type": "name", "text": "Sanne", "role": "pupil"}],
            )
        ],
    )
    assert data["personal_data"]["per_type"]["name"]["tp"] == 1
    assert data["personal_data"]["name_span_recall"] == 1.0


def test_counts_a_clean_post_with_a_finding_as_false_alarm(tmp_path: Path) -> None:
    data = run_eval(tmp_path, [line("t1", "Bel Petra op 06-12345678.", [])])
    assert data["personal_data"]["clean_posts"] == [1, 1]
    assert data["personal_data"]["per_type"]["phone"]["fp"] == 1


def test_counts_a_missed_label_as_false_negative(tmp_path: Path) -> None:
    data = run_eval(
        tmp_path,
        [
            line(
                "t1",
                "Het wordt een mooie dag.",
                [{"type": "health", "text": "mooie", "role": "n/a"}],
            )
        ],
    )
    assert data["personal_data"]["per_type"]["health"]["fn"] == 1


def test_bad_json_names_the_file_and_line() -> None:
    with pytest.raises(AuditorError, match=r"corpus.jsonl: line 3: not valid JSON"):
        parse_line("{nope", "corpus.jsonl: line 3")


def test_missing_field_names_the_line() -> None:
    with pytest.raises(AuditorError, match="line 1: missing or malformed field"):
        parse_line(json.dumps({"id": "x"}), "c.jsonl: line 1")


def test_select_half_splits_on_the_numeric_id() -> None:
    items = load_corpus(require_shared(CORPUS))
    odd = eval_command.select_half(items, "odd")
    even = eval_command.select_half(items, "even")
    assert len(odd) + len(even) == len(items) and not {i.id for i in odd} & {i.id for i in even}


def test_development_corpus_meets_the_quality_targets() -> None:
    require_shared(CORPUS)
    report = eval_command.evaluate(load_corpus(CORPUS))
    assert report.overall.recall >= 0.95 and report.overall.precision >= 0.90
    assert report.name_span_recall >= 0.93
    assert report.clean_fp_rate <= 0.05
