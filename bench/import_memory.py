"""Peak memory and speed of importing a 100,000-post X archive (the source alone, no rules).

Builds the archive in a temporary folder with bench/make_archive.py (in a child process, so the
build does not count), then iterates `open_archive_source(...).collect()` and prints posts/s and
the peak RSS of this process (resource.getrusage). Target: peak RSS well under 400 MB.

    .venv/bin/python bench/import_memory.py [--count 100000] [--corpus ../shared/corpus/posts.jsonl]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.sources import open_archive_source  # noqa: E402


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument(
        "--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus" / "posts.jsonl"
    )
    parser.add_argument("--format", choices=("twitter", "facebook"), default="twitter")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: corpus not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / f"{args.format}-{args.count}.zip"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_archive.py"), str(args.corpus),
             str(archive), "--count", str(args.count), "--format", args.format,
             "--all-platforms"],
            check=True,
        )  # fmt: skip
        print(f"built in {time.perf_counter() - started:.1f} s")
        rss_before = peak_rss_mb()
        started = time.perf_counter()
        source = open_archive_source(archive, None)
        n = chars = 0
        for post in source.collect():
            n += 1
            chars += len(post.text)
        elapsed = time.perf_counter() - started
        print(f"source: {source.kind}, estimated_total: {source.estimated_total()}")
        print(f"posts: {n}  skipped: {len(source.skipped)}  warnings: {source.warnings}")
        print(f"time: {elapsed:.2f} s  ->  {n / elapsed:,.0f} posts/s")
        print(f"peak RSS: {peak_rss_mb():.1f} MB (before import: {rss_before:.1f} MB)")
        with zipfile.ZipFile(archive) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
        print(f"archive: {archive.stat().st_size / 1e6:.1f} MB zip, {unpacked / 1e6:.1f} MB data")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
