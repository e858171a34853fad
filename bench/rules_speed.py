"""Speed of the text rules through the engine, beside a floor and a previous version, with a
golden check that the findings did not change.

Loads ../shared/corpus/posts.jsonl, repeats its posts to `--count` (default 20,000) and runs
every text rule (all but `image.*`; `--pd-only`: the twelve `personal-data.*` rules) through
`Engine.audit`, as `auditor eval` does (the corpus context and allow-lists). Issue 17's target:
>= 10,000 posts/s on one core; run it as `taskset -c 0 python bench/rules_speed.py`.

The machine is shared and noisy, so a round is timed in the CPU time of its process (time spent
waiting for a core does not count), and one run prints its figures as ratios to work done in the
same run, round by round, each figure the best of `--rounds`:

- the floor: the five regexes of `bench/floor.py` over the same posts (plain CPython, no rules);
- `--against REF` (a git ref, default `main`): the same bench on that commit's `auditor/`,
  checked out with `git archive` into a temporary folder and run in its own process, its rounds
  interleaved with this tree's. It is skipped when REF's `auditor/` is this tree's.

The golden check (with `--against`) compares what both versions find on every labelled corpus,
the shared corpus and each bench corpus folder with its auditor.toml: (rule id, span, masked
excerpt) per post. Held-out corpora (a README saying "Held out") are compared by digest only:
neither their posts nor their findings are printed. `--profile` prints a cProfile of one run of
this tree instead (top functions by own time).

    .venv/bin/python bench/rules_speed.py [--count 20000] [--rounds 5] [--against main]
    .venv/bin/python bench/rules_speed.py --against f5fd29c --pd-only
    .venv/bin/python bench/rules_speed.py --profile
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT / ".." / "shared" / "corpus" / "posts.jsonl"
CORPUS_FILES = ("posts.jsonl", "independent.jsonl")
HELD_OUT = re.compile(r"held[ -]out", re.IGNORECASE)


# --- the worker: one version of `auditor`, driven over stdin/stdout ------------------------------


def worker(root: Path, pd_only: bool, count: int, corpus_path: Path) -> int:
    """Import `auditor` from `root`, then answer commands, one JSON line each: `round` (audit
    the posts once, time it), `floor` (the floor's work on the same posts), `golden` (the
    findings of every labelled corpus), `quit`."""
    sys.path.insert(0, str(root))
    from auditor.engine import Engine
    from auditor.evaluation import CORPUS_CONTEXT, load_corpus

    corpus = [labelled.post for labelled in load_corpus(corpus_path)]
    posts = [corpus[i % len(corpus)] for i in range(count)]
    rules = text_rules(pd_only)
    engine = Engine(rules, CORPUS_CONTEXT, b"bench-key")
    audit_all(engine, corpus)  # warm every cache once
    floor_patterns = _floor_patterns()
    import auditor

    print(json.dumps({"ready": True, "rules": len(rules), "from": auditor.__file__}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "round":
            start = time.process_time()
            findings = audit_all(engine, posts)
            elapsed = time.process_time() - start
            print(json.dumps({"seconds": elapsed, "findings": findings}), flush=True)
        elif command == "floor":
            start = time.process_time()
            matches = floor(floor_patterns, posts)
            elapsed = time.process_time() - start
            print(json.dumps({"seconds": elapsed, "findings": matches}), flush=True)
        elif command == "golden":
            print(json.dumps(golden(pd_only)), flush=True)
        else:
            break
    return 0


def text_rules(pd_only: bool) -> list[Any]:
    from auditor.engine import select_rules
    from auditor.rules import all_rules

    rules = select_rules(all_rules(), ("personal-data.*",) if pd_only else ("*",), ("image.*",))
    return rules


def audit_all(engine: Any, posts: list[Any]) -> int:
    """Audit every post; the number of findings (so the work cannot be skipped)."""
    return sum(len(engine.audit(post).findings) for post in posts)


def _floor_patterns() -> list[re.Pattern[str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from floor import PATTERNS  # type: ignore[import-not-found]

    return list(PATTERNS)


def floor(patterns: list[re.Pattern[str]], posts: list[Any]) -> int:
    """The least work over the same posts: the five regexes of bench/floor.py on each text."""
    return sum(len(p.findall(post.text)) for post in posts for p in patterns)


def corpora() -> list[tuple[str, Path, Path | None, bool]]:
    """(name, corpus file, config or None, held out) of every labelled corpus on disk."""
    found: list[tuple[str, Path, Path | None, bool]] = []
    if SHARED_CORPUS.exists():
        found.append(("shared", SHARED_CORPUS, None, False))
    for folder in sorted((ROOT / "bench").glob("*/")):
        corpus = next((folder / f for f in CORPUS_FILES if (folder / f).exists()), None)
        config = folder / "auditor.toml"
        if corpus is None or not config.exists():
            continue
        readme = folder / "README.md"
        held_out = readme.exists() and HELD_OUT.search(readme.read_text("utf-8")) is not None
        found.append((folder.name, corpus, config, held_out))
    return found


def golden(pd_only: bool) -> dict[str, list[list[Any]]]:
    """Per corpus: [post id, rule id, span, excerpt] of every finding, in the engine's order."""
    from auditor import config as config_module
    from auditor.engine import Engine
    from auditor.evaluation import CORPUS_CONTEXT, load_corpus

    out: dict[str, list[list[Any]]] = {}
    rules = text_rules(pd_only)
    for name, path, config, _ in corpora():
        ctx = config_module.load(config, env={}).rule_context() if config else CORPUS_CONTEXT
        engine = Engine(rules, ctx, b"golden")
        out[name] = [
            [item.post.external_id, f.rule, [f.span.start, f.span.end] if f.span else None,
             f.excerpt]
            for item in load_corpus(path)
            for f in engine.audit(item.post).findings
        ]  # fmt: skip
    return out


# --- the driver ------------------------------------------------------------------------------


class Worker:
    def __init__(self, root: Path, args: argparse.Namespace) -> None:
        command = [sys.executable, __file__, "--worker", str(root), "--count", str(args.count)]
        command += ["--corpus", str(args.corpus)] + (["--pd-only"] if args.pd_only else [])
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        ready = self.ask("")
        self.rules, self.source = ready["rules"], ready["from"]

    def ask(self, command: str) -> Any:
        assert self.process.stdin and self.process.stdout
        if command:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the worker stopped (exit {self.process.wait()})")
        return json.loads(line)

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait()


def reference_tree(ref: str, into: Path) -> Path | None:
    """`ref`'s auditor/ (and pyproject) unpacked into `into`; None when it is this tree's."""
    same = subprocess.run(
        ["git", "-C", str(ROOT), "diff", "--quiet", ref, "--", "auditor"], check=False
    )
    if same.returncode == 0:
        return None
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "auditor"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def compare_golden(mine: dict[str, Any], theirs: dict[str, Any], held_out: set[str]) -> bool:
    """Print one line per corpus; True when every corpus has the same findings."""
    same_all = True
    for name in mine:
        a, b = mine[name], theirs.get(name)
        if a == b:
            print(f"  {name}: identical ({len(a)} findings)")
            continue
        same_all = False
        if name in held_out or b is None:
            digest = hashlib.sha256(json.dumps(a).encode()).hexdigest()[:12]
            print(f"  {name}: DIFFERS (held out: digest {digest}, nothing shown)")
            continue
        only_mine = [f for f in a if f not in b]
        only_theirs = [f for f in b if f not in a]
        print(f"  {name}: DIFFERS: {len(only_mine)} new, {len(only_theirs)} gone")
        for f in only_mine[:5]:
            print(f"    + {f}")
        for f in only_theirs[:5]:
            print(f"    - {f}")
    return same_all


def rate_line(label: str, seconds: list[float], count: int) -> float:
    best = min(seconds)
    rounds = " ".join(f"{count / s:,.0f}" for s in seconds)
    print(f"{label}: best {count / best:,.0f} posts/s ({best:.2f}s; rounds {rounds})")
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pd-only", action="store_true", help="only personal-data.* rules")
    parser.add_argument("--against", default="main", help="git ref to compare with ('' = none)")
    parser.add_argument("--profile", action="store_true", help="cProfile one run of this tree")
    parser.add_argument("--corpus", type=Path, default=SHARED_CORPUS)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.pd_only, args.count, args.corpus)
    if args.profile:
        return profile(args)

    with tempfile.TemporaryDirectory(prefix="rules-speed-") as tmp:
        ref_root = reference_tree(args.against, Path(tmp)) if args.against else None
        mine = Worker(ROOT, args)
        theirs = Worker(ref_root, args) if ref_root else None
        print(
            f"{args.count:,} posts, {mine.rules} rules"
            + (" (personal data only)" if args.pd_only else "")
        )
        if args.against and theirs is None:
            print(f"--against {args.against}: its auditor/ is this tree's; no reference")
        times: dict[str, list[float]] = {"floor": [], "this": [], "ref": []}
        for _ in range(args.rounds):  # interleaved, so both see the same noise
            times["floor"].append(mine.ask("floor")["seconds"])
            times["this"].append(mine.ask("round")["seconds"])
            if theirs:
                times["ref"].append(theirs.ask("round")["seconds"])
        floor_best = rate_line("floor (5 regexes)", times["floor"], args.count)
        this_best = rate_line("this tree", times["this"], args.count)
        print(f"  = {this_best / floor_best:.1f}x the floor's time")
        same = True
        if theirs:
            ref_best = rate_line(f"{args.against}", times["ref"], args.count)
            print(f"  = {ref_best / floor_best:.1f}x the floor's time")
            print(f"speed-up of this tree over {args.against}: {ref_best / this_best:.2f}x")
            print("golden check (rule, span, excerpt per post):")
            held_out = {name for name, _, _, held in corpora() if held}
            same = compare_golden(mine.ask("golden"), theirs.ask("golden"), held_out)
            print("findings identical" if same else "FINDINGS DIFFER")
            theirs.close()
        mine.close()
    return 0 if same else 1


def profile(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    from auditor.engine import Engine
    from auditor.evaluation import CORPUS_CONTEXT, load_corpus

    corpus = [labelled.post for labelled in load_corpus(args.corpus)]
    posts = [corpus[i % len(corpus)] for i in range(args.count)]
    engine = Engine(text_rules(args.pd_only), CORPUS_CONTEXT, b"bench-key")
    audit_all(engine, corpus)  # warm every cache once
    profiler = cProfile.Profile()
    profiler.runcall(audit_all, engine, posts)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
