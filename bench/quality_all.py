"""One table of the text rules' quality over every labelled corpus, beside the issue-16 goals.

    python bench/quality_all.py                      # the shared dev corpus and every
                                                     # development bench/corpus*/
    python bench/quality_all.py --held-out           # only the held-out corpora
    python bench/quality_all.py --held-out --pooled  # also per type and category rule, pooled
                                                     # over the held-out corpora
    python bench/quality_all.py --all                # both

A corpus is a bench/corpus*/ folder with `posts.jsonl` (or `independent.jsonl`) and the school's
`auditor.toml`; the shared development corpus (../shared/corpus/posts.jsonl) is scored with the
dev corpus's own allow-list when it is there. A corpus whose README says "**Held out.**" is marked
`held out`: its numbers may be read, its posts and errors are not tuned on, and it is left out
unless asked for, so that tuning on the development corpora never watches it by accident. The
measures are those of `auditor eval`: personal data precision and recall on (post, type) pairs,
name span recall, the share of clean posts with a personal-data finding, and F1 of the
commercial, personal-title and reply-to-parent rules. A `*` marks a figure short of its goal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor import config as config_module  # noqa: E402
from auditor.commands.eval import evaluate  # noqa: E402
from auditor.evaluation import CORPUS_CONTEXT, QualityReport, Score, load_corpus  # noqa: E402
from auditor.rules.base import RuleContext  # noqa: E402

CORPUS_FILES = ("posts.jsonl", "independent.jsonl")
HELD_OUT_MARK = "**Held out.**"
SHARED = ROOT / ".." / "shared" / "corpus" / "posts.jsonl"


@dataclass(frozen=True)
class Corpus:
    name: str
    path: Path
    config: Path | None
    held_out: bool


def f1(score: Score | None) -> float | None:
    if score is None:
        return None
    p, r = score.precision, score.recall
    return 2 * p * r / (p + r) if p + r else 0.0


# column: (header, goal text, value of a report, meets the goal)
Column = tuple[str, str, Callable[[QualityReport], float | None], Callable[[float], bool]]
COLUMNS: list[Column] = [
    ("PD P", ">=0.95", lambda r: r.overall.precision, lambda v: v >= 0.95),
    ("PD R", ">=0.97", lambda r: r.overall.recall, lambda v: v >= 0.97),
    ("names", ">=0.95", lambda r: r.name_span_recall, lambda v: v >= 0.95),
    ("clean fl", "<=3%", lambda r: r.clean_fp_rate, lambda v: v <= 0.03),
    ("comm F1", ">=0.92", lambda r: f1(r.categories.get("commercial")), lambda v: v >= 0.92),
    ("title F1", ">=0.92", lambda r: f1(r.categories.get("personal_title")), lambda v: v >= 0.92),
    ("reply F1", ">=0.92", lambda r: f1(r.categories.get("reply_to_parent")), lambda v: v >= 0.92),
]


def discover(bench: Path = ROOT / "bench", shared: Path = SHARED) -> list[Corpus]:
    """The shared dev corpus (when present) and every bench/corpus*/ folder with a corpus file
    and an auditor.toml, in folder order."""
    found = [Corpus("shared", shared, None, False)] if shared.exists() else []
    for folder in sorted(bench.glob("corpus*/")):
        corpus = next((folder / f for f in CORPUS_FILES if (folder / f).exists()), None)
        config = folder / "auditor.toml"
        if corpus is None or not config.exists():
            continue
        readme = folder / "README.md"
        held_out = readme.exists() and HELD_OUT_MARK in readme.read_text(encoding="utf-8")
        found.append(Corpus(folder.name, corpus, config, held_out))
    return found


def report_of(corpus: Corpus) -> QualityReport:
    ctx: RuleContext = (
        config_module.load(corpus.config).rule_context() if corpus.config else CORPUS_CONTEXT
    )
    return evaluate(load_corpus(corpus.path), ctx)


def cell(value: float | None, header: str, meets: Callable[[float], bool]) -> str:
    if value is None:
        return "-"
    text = f"{value:.1%}" if header == "clean fl" else f"{value:.3f}"
    return text + ("" if meets(value) else "*")


def table(rows: list[tuple[Corpus, QualityReport]]) -> str:
    headers = ["corpus", "posts", *(c[0] for c in COLUMNS), "note"]
    lines = [headers, ["goal", "", *(c[1] for c in COLUMNS), "issue 16"]]
    for corpus, report in rows:
        cells = [cell(get(report), head, meets) for head, _, get, meets in COLUMNS]
        note = "held out" if corpus.held_out else ""
        lines.append([corpus.name, str(report.posts), *cells, note])
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers))]
    return "\n".join(
        "  ".join(
            text.ljust(width) if i in (0, len(headers) - 1) else text.rjust(width)
            for i, (text, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    )


def pooled(scores: list[dict[str, Score]]) -> str:
    """Per key (a personal-data type, or a category rule), the scores of `scores` added up:
    aggregate lines only, so held-out corpora can be compared before and after without reading
    a post."""
    lines = [f"{'type':<16} {'P':>6} {'R':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for kind in scores[0] if scores else ():
        total = Score(
            tp=sum(s[kind].tp for s in scores if kind in s),
            fp=sum(s[kind].fp for s in scores if kind in s),
            fn=sum(s[kind].fn for s in scores if kind in s),
        )
        lines.append(
            f"{kind:<16} {total.precision:>6.3f} {total.recall:>6.3f}"
            f" {total.tp:>5} {total.fp:>5} {total.fn:>5}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--held-out", action="store_true", help="only the held-out corpora")
    which.add_argument("--all", action="store_true", help="development and held-out corpora")
    parser.add_argument(
        "--pooled",
        action="store_true",
        help="also per type and per category rule, pooled over the held-out corpora",
    )
    args = parser.parse_args(argv)
    corpora = [c for c in discover() if args.all or c.held_out == args.held_out]
    if not corpora:
        raise SystemExit("no labelled corpus found under bench/corpus*/")
    rows = [(c, report_of(c)) for c in corpora]
    print(table(rows))
    print("* short of the goal; clean fl = clean posts with a personal-data finding")
    if args.pooled:
        held_out = [r for c, r in rows if c.held_out]
        print(f"\nheld out, pooled over {len(held_out)} corpora, (post, type) pairs:")
        print(pooled([r.per_type for r in held_out]))
        print(f"\nheld out, pooled over {len(held_out)} corpora, posts per category rule:")
        print(pooled([r.categories for r in held_out]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
