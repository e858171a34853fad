"""Post-level quality of the commercial, personal-title and reply-to-parent rules on a corpus.

Usage:
    .venv/bin/python bench/category_quality.py [CORPUS.jsonl] [--half even|odd] [--errors]

Reads a JSONL corpus in the development-corpus format (../shared/corpus/posts.jsonl by default),
turns each line into a `Post` the way a source would (the gold `in_reply_to` role is never
given to the rules: a reply's target is only the leading @handle or greeting of its text), runs
every registered rule of the three categories, and prints per category: precision, recall and
the share of clean posts that got a false alarm. `--half even` keeps only even ids (d0002,
d0004, ...), `--half odd` the odd ones: tune on one half, report the other. `--errors` lists the
posts each category gets wrong. Also prints the throughput of the three categories' rules.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.models import Category, Platform, Post, PostKind  # noqa: E402
from auditor.rules import commercial, personal_title, replies  # noqa: E402, F401
from auditor.rules.base import REGISTRY, RuleContext  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "posts.jsonl"
CATEGORIES = {
    Category.COMMERCIAL: "commercial",
    Category.PERSONAL_TITLE: "personal_title",
    Category.REPLY_TO_PARENT: "reply_to_parent",
}
LEADING_HANDLE = re.compile(r"^\s*@(\w+)")
LEADING_GREETING = re.compile(
    r"^\s*(?:hoi|hallo|hey|beste|dag|goedemorgen|goedemiddag|goedenavond|geachte|lieve)\s+"
    r"([^,!.\n]{1,40})[,!]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Example:
    id: str
    post: Post
    gold: dict[str, bool]
    clean: bool


def reply_target(text: str) -> str | None:
    """What a source could know about a reply's target: a leading @handle or greeting name."""
    handle = LEADING_HANDLE.match(text)
    if handle:
        return "@" + handle.group(1)
    greeting = LEADING_GREETING.match(text)
    return greeting.group(1).strip() if greeting else None


def load(path: Path) -> Iterator[Example]:
    """Read the corpus into examples; a bad line stops with a one-line message."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                row = json.loads(line)
                labels = row["labels"]
                is_reply = row["kind"] == "reply"
                post = Post(
                    platform=Platform(row["platform"]),
                    external_id=row["id"],
                    created_at=datetime.fromisoformat(row["created_at"]),
                    text=row["text"],
                    kind=PostKind.REPLY if is_reply else PostKind.POST,
                    reply_to=reply_target(row["text"]) if is_reply else None,
                )
            except (ValueError, KeyError, TypeError) as error:
                raise SystemExit(f"{path}:{number}: not a corpus line ({error})") from error
            gold = {name: bool(labels[name]) for name in CATEGORIES.values()}
            clean = not labels["personal_data"] and not any(gold.values())
            yield Example(row["id"], post, gold, clean)


def predict(post: Post, ctx: RuleContext) -> dict[str, list[str]]:
    """Rule ids that fired on a post, per category name."""
    fired: dict[str, list[str]] = {name: [] for name in CATEGORIES.values()}
    for rule in REGISTRY.values():
        if rule.category in CATEGORIES and rule.applies_to(post):
            if any(True for _ in rule.func(post, ctx)):
                fired[CATEGORIES[rule.category]].append(rule.id)
    return fired


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--half", choices=("even", "odd"))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus}: corpus not found")

    examples = list(load(args.corpus))
    if args.half:
        parity = 0 if args.half == "even" else 1
        examples = [e for e in examples if int(re.sub(r"\D", "", e.id) or 0) % 2 == parity]
    ctx = RuleContext()

    started = time.perf_counter()
    predictions = [predict(e.post, ctx) for e in examples]
    elapsed = time.perf_counter() - started

    print(
        f"{args.corpus} ({args.half or 'all'}): {len(examples)} posts, "
        f"{sum(e.clean for e in examples)} clean"
    )
    print(
        f"{'category':<16} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>6} {'recall':>6} {'clean FA':>9}"
    )
    for name in CATEGORIES.values():
        tp = fp = fn = clean_fa = 0
        errors: list[str] = []
        for example, fired in zip(examples, predictions, strict=True):
            predicted, gold = bool(fired[name]), example.gold[name]
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
            clean_fa += predicted and example.clean
            if predicted != gold:
                tag = "FP " + ",".join(fired[name]) if predicted else "FN"
                errors.append(f"  {example.id} {tag}: {example.post.text[:110]!r}")
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        clean_total = sum(e.clean for e in examples) or 1
        print(
            f"{name:<16} {tp:>3} {fp:>3} {fn:>3} {precision:>6.2f} {recall:>6.2f} "
            f"{clean_fa / clean_total:>8.1%}"
        )
        if args.errors:
            print("\n".join(errors))
    print(f"throughput of these rules: {len(examples) / elapsed:,.0f} posts/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
