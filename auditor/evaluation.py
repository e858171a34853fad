"""Scoring rules against a labelled corpus (the format of shared/corpus/posts.jsonl). Pure code.

A corpus line holds a post and its gold labels. `load_corpus` turns lines into `LabelledPost`s;
`score` takes what the rules predicted per post and returns a `QualityReport`: post-level
precision and recall on (post, type) pairs per personal-data type and overall, name span recall,
the share of clean posts with a personal-data finding, and post-level scores for the other
text categories when their rules ran.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from auditor.errors import AuditorError
from auditor.models import Hit, PDKind, Platform, Post, PostKind, Span
from auditor.rules.base import Allow, RuleContext

PD_TYPES: tuple[PDKind, ...] = tuple(PDKind)
OTHER_CATEGORIES = ("commercial", "personal_title", "reply_to_parent")

# The school contact details and school names of the development corpus (see its README).
CORPUS_ALLOW = Allow(
    phones=("0571-27 64 18", "0529-48 22 07", "0172-61 53 20"),
    emails=(
        "administratie@cbsdewegwijzer.nl",
        "info@klavertje-nieuwleusen.nl",
        "mr@obsdezonnewijzer.nl",
    ),
    ibans=("NL09 RABO 0343 8487 91", "NL14 ABNA 0789 3059 92", "NL87 INGB 0002 7440 39"),
    organisations=(
        "De Regenboog",
        "CBS De Wegwijzer",
        "OBS De Zonnewijzer",
        "Basisschool Martinus",
        "Klavertje",
        "De Kameleon",
        "De Sterrenboog",
        "Sterrenboog",
        "De Wiekslag",
        "De Zonnebloem",
        "Zonnewijzer",
        "Wegwijzer",
    ),
)
CORPUS_CONTEXT = RuleContext(school_name="De Regenboog", allow=CORPUS_ALLOW)


@dataclass(frozen=True)
class Label:
    type: str
    text: str
    role: str


@dataclass(frozen=True)
class LabelledPost:
    id: str
    post: Post
    labels: tuple[Label, ...]
    categories: frozenset[str]  # the other categories labelled true

    @property
    def pd_types(self) -> frozenset[str]:
        return frozenset(label.type for label in self.labels)

    @property
    def clean(self) -> bool:
        return not self.labels and not self.categories


@dataclass(frozen=True)
class Prediction:
    """What the rules reported for one post: non-allowed hits by personal-data kind, and the
    other categories that had a non-allowed hit."""

    pd_hits: tuple[Hit, ...]
    categories: frozenset[str] = frozenset()

    @property
    def pd_types(self) -> frozenset[str]:
        return frozenset(h.kind for h in self.pd_hits)


@dataclass(frozen=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class ErrorItem:
    post_id: str
    kind: str  # "missed" | "false"
    type: str
    text: str
    post_text: str


@dataclass(frozen=True)
class QualityReport:
    posts: int
    per_type: dict[str, Score]
    overall: Score  # micro-average over (post, type) pairs
    any_pd: Score  # post level: any personal data at all
    name_spans_found: int
    name_spans_total: int
    clean_posts: int
    clean_with_pd: int
    no_pd_posts: int
    no_pd_with_pd: int
    categories: dict[str, Score] = field(default_factory=dict)
    errors: tuple[ErrorItem, ...] = ()

    @property
    def name_span_recall(self) -> float:
        return self.name_spans_found / self.name_spans_total if self.name_spans_total else 1.0

    @property
    def clean_fp_rate(self) -> float:
        return self.clean_with_pd / self.clean_posts if self.clean_posts else 0.0

    @property
    def no_pd_fp_rate(self) -> float:
        return self.no_pd_with_pd / self.no_pd_posts if self.no_pd_posts else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "posts": self.posts,
            "personal_data": {
                "overall": self.overall.as_dict(),
                "any": self.any_pd.as_dict(),
                "per_type": {t: s.as_dict() for t, s in self.per_type.items()},
                "name_span_recall": round(self.name_span_recall, 4),
                "name_spans": [self.name_spans_found, self.name_spans_total],
                "clean_posts_with_finding": round(self.clean_fp_rate, 4),
                "clean_posts": [self.clean_with_pd, self.clean_posts],
                "posts_without_pd_with_finding": round(self.no_pd_fp_rate, 4),
            },
            "categories": {c: s.as_dict() for c, s in self.categories.items()},
        }


def parse_line(line: str, where: str) -> LabelledPost:
    """One corpus line as a `LabelledPost`; raises AuditorError naming `where` when malformed."""
    try:
        data = json.loads(line)
        labels = data["labels"]
        kind = PostKind(data.get("kind") or "post")
        # what a source knows of a reply's target: the leading @handle (never the gold role)
        handle = re.match(r"\s*@(\w+)", str(data["text"])) if kind == PostKind.REPLY else None
        reply_to = handle.group(1) if handle else None
        post = Post(
            platform=Platform(data["platform"]),
            external_id=str(data["id"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            text=str(data["text"]),
            kind=kind,
            reply_to=reply_to,
        )
        pd = tuple(
            Label(str(item["type"]), str(item["text"]), str(item.get("role", "n/a")))
            for item in labels.get("personal_data", [])
        )
        categories = frozenset(c for c in OTHER_CATEGORIES if labels.get(c))
    except json.JSONDecodeError as exc:
        raise AuditorError(f"{where}: not valid JSON ({exc.msg})") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise AuditorError(f"{where}: missing or malformed field {exc}") from exc
    except ValueError as exc:
        raise AuditorError(f"{where}: {exc}") from exc
    return LabelledPost(str(data["id"]), post, pd, categories)


def load_corpus(path: Path) -> list[LabelledPost]:
    """Every post of a JSONL corpus file (blank lines are skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AuditorError(f"{path}: cannot read ({exc.strerror})") from exc
    return [
        parse_line(line, f"{path}: line {n}") for n, line in enumerate(lines, 1) if line.strip()
    ]


def _occurrences(text: str, needle: str) -> Iterator[Span]:
    """Where a label occurs: as a whole word, or inside a word (#jufInge) when never whole."""
    whole = list(re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text))
    for m in whole or re.finditer(re.escape(needle), text):
        yield Span(m.start(), m.end())


def score(
    items: Sequence[LabelledPost],
    predictions: Sequence[Prediction],
    categories_run: Iterable[str] = (),
) -> QualityReport:
    """Compare predictions with gold labels (items and predictions in the same order)."""
    counts = {t: [0, 0, 0] for t in PD_TYPES}
    any_counts = [0, 0, 0]
    cat_counts = {c: [0, 0, 0] for c in categories_run}
    found = total = clean = clean_fp = no_pd = no_pd_fp = 0
    errors: list[ErrorItem] = []
    for item, pred in zip(items, predictions, strict=True):
        gold, got = item.pd_types, pred.pd_types
        for t in PD_TYPES:
            if t in gold and t in got:
                counts[t][0] += 1
            elif t in got:
                counts[t][1] += 1
                errors += [
                    ErrorItem(item.id, "false", t, h.value, item.post.text)
                    for h in pred.pd_hits
                    if h.kind == t
                ]
            elif t in gold:
                counts[t][2] += 1
                errors += [
                    ErrorItem(item.id, "missed", t, lb.text, item.post.text)
                    for lb in item.labels
                    if lb.type == t
                ]
        _tally(any_counts, bool(gold), bool(got))
        for c in cat_counts:
            _tally(cat_counts[c], c in item.categories, c in pred.categories)
        name_spans = [h.span for h in pred.pd_hits if h.kind == PDKind.NAME and h.span]
        for label in item.labels:
            if label.type != PDKind.NAME:
                continue
            total += 1
            if any(
                s.start < n.end and n.start < s.end
                for s in _occurrences(item.post.text, label.text)
                for n in name_spans
            ):
                found += 1
            elif PDKind.NAME in got:
                errors.append(ErrorItem(item.id, "missed", PDKind.NAME, label.text, item.post.text))
        if item.clean:
            clean += 1
            clean_fp += bool(got)
        if not gold:
            no_pd += 1
            no_pd_fp += bool(got)
    per_type: dict[str, Score] = {t: Score(*c) for t, c in counts.items()}
    overall = Score(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return QualityReport(
        posts=len(items),
        per_type=per_type,
        overall=overall,
        any_pd=Score(*any_counts),
        name_spans_found=found,
        name_spans_total=total,
        clean_posts=clean,
        clean_with_pd=clean_fp,
        no_pd_posts=no_pd,
        no_pd_with_pd=no_pd_fp,
        categories={c: Score(*v) for c, v in cat_counts.items()},
        errors=tuple(errors),
    )


def _tally(counts: list[int], gold: bool, got: bool) -> None:
    if gold and got:
        counts[0] += 1
    elif got:
        counts[1] += 1
    elif gold:
        counts[2] += 1


def format_text(report: QualityReport, title: str = "") -> str:
    """A plain-text table of the report."""
    lines = [title] if title else []
    lines.append(f"posts: {report.posts}")
    lines.append(f"{'type':<15}{'P':>7}{'R':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name, s in [
        *report.per_type.items(),
        ("OVERALL pairs", report.overall),
        ("ANY pd (post)", report.any_pd),
    ]:
        lines.append(f"{name:<15}{s.precision:>7.3f}{s.recall:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    lines.append(
        f"name span recall: {report.name_span_recall:.3f} "
        f"({report.name_spans_found}/{report.name_spans_total})"
    )
    lines.append(
        f"clean posts with a personal-data finding: {report.clean_fp_rate:.1%} "
        f"({report.clean_with_pd}/{report.clean_posts}); posts without personal data "
        f"with one: {report.no_pd_fp_rate:.1%} ({report.no_pd_with_pd}/{report.no_pd_posts})"
    )
    for c, s in report.categories.items():
        lines.append(f"{c:<15}{s.precision:>7.3f}{s.recall:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    return "\n".join(lines)
