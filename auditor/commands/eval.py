"""`auditor eval CORPUS.jsonl`: score the rules against a labelled corpus."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from pathlib import Path

from auditor.engine import Engine
from auditor.evaluation import (
    CORPUS_CONTEXT,
    LabelledPost,
    Prediction,
    QualityReport,
    format_text,
    load_corpus,
    score,
)
from auditor.models import Category, Hit
from auditor.rules import all_rules
from auditor.rules.base import RuleContext

NAME = "eval"
HELP = "Score the rules against a labelled corpus (JSONL, format of shared/corpus/posts.jsonl)."
TEXT_CATEGORIES = (Category.COMMERCIAL, Category.PERSONAL_TITLE, Category.REPLY_TO_PARENT)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", type=Path, metavar="CORPUS.jsonl", help="labelled posts")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--errors", action="store_true", help="also list missed and false labels (prints post text)"
    )
    parser.add_argument(
        "--half",
        choices=("all", "odd", "even"),
        default="all",
        help="score only posts with odd or even numeric ids (hold-out checks)",
    )
    parser.epilog = (
        "examples:\n  auditor eval ../shared/corpus/posts.jsonl\n"
        "  auditor eval posts.jsonl --format json --half even\n"
        "  auditor --config bench/corpus/auditor.toml eval bench/corpus/independent.jsonl\n"
        "Without --config the dev corpus's school contact details form the allow-list; with\n"
        "--config (or $AUDITOR_CONFIG) its [school] and [allow] sections do."
    )


def select_half(items: Sequence[LabelledPost], half: str) -> list[LabelledPost]:
    """Posts whose id ends in an odd or even number (`half` "all" keeps every post)."""
    if half == "all":
        return list(items)
    want = 1 if half == "odd" else 0
    return [i for i in items if int("".join(c for c in i.id if c.isdigit()) or 0) % 2 == want]


def predict(items: Sequence[LabelledPost], ctx: RuleContext) -> tuple[list[Prediction], set[str]]:
    """Run every registered text rule through the engine; returns predictions and the
    non-personal-data categories that have rules."""
    rules = [r for r in all_rules() if r.category != Category.IMAGE]
    engine = Engine(rules, ctx, key=b"auditor-eval")
    by_id = {r.id: r for r in rules}
    categories = {r.category.value for r in rules if r.category in TEXT_CATEGORIES}
    predictions = []
    for item in items:
        result = engine.audit(item.post)
        pd_hits: list[Hit] = []
        cats: set[str] = set()
        for finding in result.findings:
            rule = by_id[finding.rule]
            if rule.category == Category.PERSONAL_DATA:
                span = finding.span
                value = item.post.text[span.start : span.end] if span else ""
                kind = finding.rule.split(".", 1)[1]  # a PDKind value, or an added type's
                pd_hits.append(Hit(span=span, value=value, reason=finding.reason, kind=kind))
            elif rule.category in TEXT_CATEGORIES:
                cats.add(rule.category.value)
        predictions.append(Prediction(tuple(pd_hits), frozenset(cats)))
    return predictions, categories


def evaluate(items: Sequence[LabelledPost], ctx: RuleContext = CORPUS_CONTEXT) -> QualityReport:
    predictions, categories = predict(items, ctx)
    return score(items, predictions, sorted(categories))


def run(args: argparse.Namespace, app) -> int:
    items = select_half(load_corpus(args.corpus), args.half)
    # a config given on purpose supplies the corpus school's allow-list and name
    chosen = getattr(args, "config", None) or os.environ.get("AUDITOR_CONFIG")
    report = evaluate(items, app.rule_context() if chosen else CORPUS_CONTEXT)
    if args.format == "json":
        data = report.as_dict()
        if args.errors:
            data["errors"] = [e.__dict__ for e in report.errors]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(format_text(report, f"{args.corpus} ({args.half})"))
    if args.errors:
        for e in report.errors:
            print(f"{e.post_id} {e.kind:<6} {e.type:<13} {e.text!r}  | {e.post_text[:160]!r}")
    return 0
