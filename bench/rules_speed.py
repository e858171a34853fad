"""Speed of the personal-data rules through the engine, on the corpus repeated to N posts.

Loads ../shared/corpus/posts.jsonl, repeats its posts to `--count` (default 100,000), and runs
the twelve `personal-data.*` rules through `Engine.audit` (the corpus context and allow-lists).
Prints the lexicon load time and its memory, then posts/s for each of `--rounds` runs and the
best of them. Target: >= 6,000 posts/s on a 2-core machine. `--profile` prints a cProfile of
one run instead (top functions by own time).

    .venv/bin/python bench/rules_speed.py [--count 100000] [--rounds 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.engine import Engine  # noqa: E402
from auditor.evaluation import CORPUS_CONTEXT, load_corpus  # noqa: E402
from auditor.models import Post  # noqa: E402
from auditor.nlp.lexicon import lexicon  # noqa: E402
from auditor.rules import all_rules  # noqa: E402


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def audit_all(engine: Engine, posts: list[Post]) -> int:
    """Audit every post; the number of findings (so the work cannot be skipped)."""
    return sum(len(engine.audit(post).findings) for post in posts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one run")
    parser.add_argument(
        "--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus" / "posts.jsonl"
    )
    args = parser.parse_args(argv)

    corpus = [labelled.post for labelled in load_corpus(args.corpus)]
    posts = [corpus[i % len(corpus)] for i in range(args.count)]
    before = peak_rss_mb()
    start = time.perf_counter()
    lexicon()
    print(f"lexicon: {time.perf_counter() - start:.2f}s, +{peak_rss_mb() - before:.0f} MB peak RSS")

    rules = [r for r in all_rules() if r.id.startswith("personal-data.")]
    engine = Engine(rules, CORPUS_CONTEXT, b"bench-key")
    audit_all(engine, corpus)  # warm every cache once

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(audit_all, engine, posts)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0

    rates = []
    for round_no in range(1, args.rounds + 1):
        start = time.perf_counter()
        findings = audit_all(engine, posts)
        elapsed = time.perf_counter() - start
        rates.append(len(posts) / elapsed)
        print(f"round {round_no}: {rates[-1]:,.0f} posts/s ({elapsed:.1f}s, {findings} findings)")
    print(f"best of {len(rates)}: {max(rates):,.0f} posts/s with {len(rules)} rules")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
