"""Train, cross-validate and ship the learned name veto (bench/name_veto.py).

    pip install -e ".[train]"                          # scikit-learn, for training only
    python bench/train_names.py --cv                   # leave-one-corpus-out report
    python bench/train_names.py --threshold 0.7 --out /tmp/veto
                                                       # train on every development corpus and
                                                       # write name_veto.msgpack + .json there

Examples are the name finder's candidates on the development corpora only (the shared corpus and
every bench/corpus*/ folder whose README does not say "**Held out.**"; held-out folders are never
opened). A candidate is positive for the model's class `not_a_name` when it overlaps no labelled
name or social handle of its post. The finder runs with the veto off, so the examples do not
depend on the model being trained.

`--cv` trains once per development corpus on all the others, scores that corpus's candidates and,
per threshold, drops the name findings whose probability of being no name is above it; the pooled
figures (names P/R, name span recall, clean posts flagged, personal data P/R) are printed beside
the rules alone. The figures drop only name findings: a health or birthday finding that leaned on
a vetoed name stays in them.

No model is shipped (see docs/rules.md, "Learned name veto"): with these features and these
corpora the veto drops about as many real names as false ones at every threshold.

Deterministic: the corpora in folder order, lbfgs from zero, weights rounded into the file.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import name_veto  # noqa: E402
from quality_all import HELD_OUT_MARK, Corpus, discover  # noqa: E402

from auditor import config as config_module  # noqa: E402
from auditor.commands.eval import predict  # noqa: E402
from auditor.evaluation import (  # noqa: E402
    CORPUS_CONTEXT,
    LabelledPost,
    Prediction,
    Score,
    _occurrences,
    load_corpus,
    score,
)
from auditor.models import PDKind, Span  # noqa: E402
from auditor.nlp.linear_model import LinearModel, dump_models, pruned  # noqa: E402
from auditor.rules.base import RuleContext  # noqa: E402
from auditor.rules.personal_data.analysis import (  # noqa: E402
    HOLDER_REASON,
    SUBJECT_REASON,
    analyse_text,
)
from auditor.rules.personal_data.words import scan_words  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99)
C = 1.0  # inverse L2 strength (0.25 to 8 tried in CV: no better separation)
MIN_COUNT = 2  # a feature seen fewer times in training gets no weight
SMALLEST_WEIGHT = 0.005
NAME_TYPES = frozenset((PDKind.NAME, PDKind.SOCIAL_HANDLE))
NOT_CANDIDATES = frozenset((SUBJECT_REASON, HOLDER_REASON))  # added after the finder
MODEL_FILE = "name_veto.msgpack"
MANIFEST_FILE = "name_veto.json"


@dataclass(frozen=True)
class Example:
    corpus: str
    post: int  # index in the corpus
    span: tuple[int, int]
    features: tuple[str, ...]
    not_a_name: bool


@dataclass
class Fold:
    corpus: Corpus
    items: list[LabelledPost]
    predictions: list[Prediction]
    categories: set[str]
    examples: list[Example]


# The held-out corpora by name as well as by the README mark: corpus_replies7's README says
# "Held out, read once at the end" without the bold mark quality_all.py looks for.
HELD_OUT = frozenset(
    ("corpus5", "corpus7", "corpus8", "corpus9", "corpus10", "corpus11", "corpus12", "corpus13")
    + ("corpus_replies7",)
)


def development_corpora() -> list[Corpus]:
    """The development corpora; a held-out folder (marked, or named above) is never opened."""
    corpora = []
    for corpus in discover():
        readme = corpus.path.parent / "README.md"
        marked = readme.exists() and HELD_OUT_MARK in readme.read_text(encoding="utf-8")
        if corpus.held_out or corpus.name in HELD_OUT or (corpus.name != "shared" and marked):
            continue
        corpora.append(corpus)
    return corpora


def _gold_spans(item: LabelledPost) -> list[Span]:
    return [
        span
        for label in item.labels
        if label.type in NAME_TYPES
        for span in _occurrences(item.post.text, label.text)
    ]


def examples_of(corpus: Corpus, index: int, item: LabelledPost, ctx: RuleContext) -> list[Example]:
    text = item.post.text
    hits = [
        h
        for h in analyse_text(text, ctx).of(PDKind.NAME)
        if h.span and h.reason not in NOT_CANDIDATES
    ]
    if not hits:
        return []
    words = scan_words(text)
    found = [(h.span.start, h.span.end, h.reason) for h in hits if h.span]
    gold = _gold_spans(item)
    return [
        Example(
            corpus.name,
            index,
            (start, end),
            tuple(name_veto.features(text, words, (start, end, reason), found)),
            not any(g.start < end and start < g.end for g in gold),
        )
        for (start, end, reason), hit in zip(found, hits, strict=True)
        if not hit.allowed
    ]


def load_fold(corpus: Corpus) -> Fold:
    ctx = config_module.load(corpus.config).rule_context() if corpus.config else CORPUS_CONTEXT
    items = load_corpus(corpus.path)
    predictions, categories = predict(items, ctx)
    examples = [ex for i, item in enumerate(items) for ex in examples_of(corpus, i, item, ctx)]
    return Fold(corpus, items, predictions, categories, examples)


def train(examples: Sequence[Example], c: float = C) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for ex in examples:
        for f in set(ex.features):
            counts[f] = counts.get(f, 0) + 1
    rows = [{f: 1.0 for f in ex.features if counts[f] >= MIN_COUNT} for ex in examples]
    vectoriser = DictVectorizer(sort=True)
    x = vectoriser.fit_transform(rows)
    y = [ex.not_a_name for ex in examples]
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000)
    model.fit(x, y)
    weights = dict(zip(vectoriser.get_feature_names_out(), model.coef_[0], strict=True))
    return LinearModel(
        round(float(model.intercept_[0]), 4),
        {f: round(float(v), 4) for f, v in pruned(weights, SMALLEST_WEIGHT).items()},
    )


def vetoed_predictions(
    fold: Fold, probabilities: dict[Example, float], threshold: float
) -> list[Prediction]:
    dropped: dict[int, set[tuple[int, int]]] = {}
    for ex, p in probabilities.items():
        if p > threshold:
            dropped.setdefault(ex.post, set()).add(ex.span)
    out = []
    for i, pred in enumerate(fold.predictions):
        gone = dropped.get(i)
        if not gone:
            out.append(pred)
            continue
        hits = tuple(
            h
            for h in pred.pd_hits
            if not (h.kind == PDKind.NAME and h.span and (h.span.start, h.span.end) in gone)
        )
        out.append(Prediction(hits, pred.categories))
    return out


@dataclass
class Pooled:
    names: Score = dataclasses.field(default_factory=Score)
    overall: Score = dataclasses.field(default_factory=Score)
    spans: tuple[int, int] = (0, 0)
    clean: tuple[int, int] = (0, 0)
    candidates_dropped: tuple[int, int] = (0, 0)  # (names, not names) vetoed

    def add(self, fold: Fold, predictions: list[Prediction]) -> None:
        report = score(fold.items, predictions, fold.categories)
        n, o = report.per_type[PDKind.NAME], report.overall
        self.names = Score(self.names.tp + n.tp, self.names.fp + n.fp, self.names.fn + n.fn)
        self.overall = Score(self.overall.tp + o.tp, self.overall.fp + o.fp, self.overall.fn + o.fn)
        self.spans = (
            self.spans[0] + report.name_spans_found,
            self.spans[1] + report.name_spans_total,
        )
        self.clean = (self.clean[0] + report.clean_with_pd, self.clean[1] + report.clean_posts)

    def row(self, label: str) -> str:
        n, o = self.names, self.overall
        return (
            f"{label:<10} {n.precision:6.3f} {n.recall:6.3f} {n.tp:4} {n.fp:4} {n.fn:4}"
            f" {self.spans[0] / self.spans[1]:7.4f} {self.clean[0] / self.clean[1]:7.2%}"
            f" ({self.clean[0]}/{self.clean[1]}) {o.precision:6.3f} {o.recall:6.3f}"
            f"  vetoed {self.candidates_dropped[1]} not-names, {self.candidates_dropped[0]} names"
        )


HEADER = (
    f"{'threshold':<10} {'nameP':>6} {'nameR':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    f" {'spanR':>7} {'clean fl':>7}         {'PD P':>6} {'PD R':>6}"
)


def cross_validate(folds: list[Fold], c: float) -> str:
    probabilities: dict[str, dict[Example, float]] = {}
    for fold in folds:
        rest = [ex for other in folds if other is not fold for ex in other.examples]
        model = train(rest, c)
        probabilities[fold.corpus.name] = {
            ex: model.probability(ex.features) for ex in fold.examples
        }
    lines = [HEADER]
    base = Pooled()
    for fold in folds:
        base.add(fold, fold.predictions)
    lines.append(base.row("rules"))
    for threshold in THRESHOLDS:
        pooled = Pooled()
        names_dropped = not_names_dropped = 0
        for fold in folds:
            probs = probabilities[fold.corpus.name]
            pooled.add(fold, vetoed_predictions(fold, probs, threshold))
            dropped = [ex for ex, p in probs.items() if p > threshold]
            not_names_dropped += sum(ex.not_a_name for ex in dropped)
            names_dropped += sum(not ex.not_a_name for ex in dropped)
        pooled.candidates_dropped = (names_dropped, not_names_dropped)
        lines.append(pooled.row(f"{threshold:.2f}"))
    return "\n".join(lines)


def digest(corpora: list[Corpus]) -> str:
    sha = hashlib.sha256()
    for corpus in corpora:
        sha.update(corpus.name.encode() + b"\0" + corpus.path.read_bytes())
    return sha.hexdigest()


def ship(folds: list[Fold], threshold: float, c: float, out: Path, command: str) -> None:
    """Train on every development corpus; write the model and its manifest (the corpora and
    their digest, the threshold, the command) to `out`."""
    examples = [ex for fold in folds for ex in fold.examples]
    model = train(examples, c)
    out.mkdir(parents=True, exist_ok=True)
    dump_models({name_veto.LABEL: model}, out / MODEL_FILE)
    manifest = {
        "model": MODEL_FILE,
        "label": name_veto.LABEL,
        "threshold": threshold,
        "features": len(model.weights),
        "examples": len(examples),
        "not_names": sum(ex.not_a_name for ex in examples),
        "corpora": [fold.corpus.name for fold in folds],
        "corpora_sha256": digest([fold.corpus for fold in folds]),
        "training": {"C": c, "min_count": MIN_COUNT, "smallest_weight": SMALLEST_WEIGHT},
        "command": command,
    }
    (out / MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {out / MODEL_FILE} ({len(model.weights)} weights) and {out / MANIFEST_FILE}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="leave-one-corpus-out report only")
    parser.add_argument("--threshold", type=float, default=0.9, help="P(no name) to veto above")
    parser.add_argument("--c", type=float, default=C, help="inverse L2 regularisation strength")
    parser.add_argument("--out", type=Path, help="train on every corpus, write the model here")
    args = parser.parse_args(argv)
    folds = [load_fold(corpus) for corpus in development_corpora()]
    examples = [ex for fold in folds for ex in fold.examples]
    print(
        f"{len(folds)} development corpora, {len(examples)} candidates,"
        f" {sum(ex.not_a_name for ex in examples)} not names"
    )
    if args.cv:
        print(cross_validate(folds, args.c))
    if args.out:
        command = f"python bench/train_names.py --threshold {args.threshold} --c {args.c} --out DIR"
        ship(folds, args.threshold, args.c, args.out, command)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
