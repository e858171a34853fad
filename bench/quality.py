"""Quality and speed of the text rules on a labelled corpus.

    python bench/quality.py [CORPUS.jsonl] [--repeat-to 100000]

Prints the quality report (full corpus, odd ids, even ids), then the speed of the full text
audit (engine + every registered text rule) over the corpus repeated to --repeat-to posts, and
the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.commands.eval import evaluate, select_half  # noqa: E402
from auditor.engine import Engine  # noqa: E402
from auditor.evaluation import CORPUS_CONTEXT, format_text, load_corpus  # noqa: E402
from auditor.models import Category  # noqa: E402
from auditor.rules import all_rules  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=ROOT / ".." / "shared" / "corpus" / "posts.jsonl"
    )
    parser.add_argument("--repeat-to", type=int, default=100_000)
    parser.add_argument("--only-personal-data", action="store_true")
    args = parser.parse_args()
    items = load_corpus(args.corpus)
    for half in ("all", "odd", "even"):
        print(format_text(evaluate(select_half(items, half)), f"== {half} =="), end="\n\n")

    rules = [r for r in all_rules() if r.category != Category.IMAGE]
    if args.only_personal_data:
        rules = [r for r in rules if r.category == Category.PERSONAL_DATA]
    engine = Engine(rules, CORPUS_CONTEXT, key=b"bench")
    posts = [i.post for i in items]
    n = args.repeat_to
    start = time.perf_counter()
    findings = 0
    for k in range(n):
        # A distinct text per post, so no cache can help.
        post = posts[k % len(posts)]
        post = replace(post, text=f"{post.text} {k}", external_id=str(k))
        findings += len(engine.audit(post).findings)
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(rules)} text rules, {n} posts in {elapsed:.1f} s: {n / elapsed:,.0f} posts/s, "
        f"{findings} findings, peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
