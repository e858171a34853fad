"""What the rules found in each development corpus when it was new: for the CV of the sentence
classifier on rules that had not yet been tuned on a corpus (bench/train_special.py).

    .venv/bin/python bench/first_rules.py OUT_DIR     # writes OUT_DIR/<corpus>.json

For each development bench/corpus*/ folder (never a held-out one), the tree of the commit that
added its corpus file (its first score is taken on those rules, before any rule change for it)
is unpacked with `git archive` into OUT_DIR/trees/<commit>/ and the rules of that tree score the
corpus: OUT_DIR/<corpus>.json maps each post id to the personal-data types found. A corpus whose
old tree cannot read its configuration is skipped (reported). The shared corpus has no such
commit (the rules were written on it) and is left out.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from train_special import development_corpora  # noqa: E402

# Run inside the old tree (its own auditor package first on the path).
RUNNER = """
import json, sys
from pathlib import Path
from auditor import config
from auditor.commands.eval import predict
from auditor.evaluation import load_corpus
corpus, out = Path(sys.argv[1]), Path(sys.argv[2])
items = load_corpus(corpus)
found = predict(items, config.load(corpus.parent / "auditor.toml").rule_context())
found = found[0] if isinstance(found, tuple) else found
types = {i.id: sorted(str(k) for k in p.pd_types) for i, p in zip(items, found, strict=True)}
out.write_text(json.dumps(types))
"""


def added_in(path: Path) -> str:
    log = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%H", "--", str(path.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return log.stdout.split()[-1]


def unpack(commit: str, trees: Path) -> Path:
    tree = trees / commit[:12]
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "archive", commit, "auditor", "bench"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the <corpus>.json files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for corpus in development_corpora():
        if corpus.config is None:
            continue  # the shared corpus
        out = args.out / f"{corpus.name}.json"
        if out.exists():
            continue
        tree = unpack(added_in(corpus.path), args.out / "trees")
        old = tree / corpus.path.relative_to(ROOT)
        run = subprocess.run(
            [sys.executable, "-c", RUNNER, str(old), str(out.resolve())],
            cwd=tree,
            env={**os.environ, "PYTHONPATH": str(tree)},
            capture_output=True,
            text=True,
        )
        last = (run.stderr.strip().splitlines() or [""])[-1]
        print(f"{corpus.name}: {'ok' if run.returncode == 0 else 'skipped: ' + last}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
