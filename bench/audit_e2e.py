"""End-to-end audit benchmark: a 100,000-post Twitter archive through `auditor audit`.

Builds the archive from a JSONL corpus (default ../shared/corpus/posts.jsonl), then runs
`auditor audit --archive ... --no-images` in a child process on a fresh SQLite database (or
--database URL) and reports posts/s and the child's peak RSS. Targets: >= 2,000 posts/s,
peak RSS < 400 MB. A re-run on the same archive is timed too (idempotent: nothing new) and
printed as a ratio of the first audit: an incremental re-audit skips posts whose content and
rule set are unchanged (issue 17 target: <= 0.25).

    python bench/audit_e2e.py --count 100000
    python bench/audit_e2e.py --count 20000     # shorter
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "posts.jsonl"
REAUDIT_TARGET = 0.25  # re-audit of an unchanged archive, as a share of the first audit


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_audit(archive: Path, database: str, workdir: Path) -> tuple[float, float, float, str]:
    """Wall time, CPU time (user + system: steadier than wall time on a loaded machine),
    peak RSS in MB and the summary line of one `auditor audit` in a child process."""
    env = {**os.environ, "AUDITOR_DATABASE_URL": database}
    env.pop("AUDITOR_CONFIG", None)
    script = (
        "import resource, sys; from auditor.cli import main; code = main(sys.argv[1:]); "
        "print('RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
        "sys.exit(code)"
    )
    start, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run(
        [sys.executable, "-c", script, "audit", "--archive", str(archive), "--no-images"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu
    if proc.returncode not in (0, 1):
        sys.exit(f"audit failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    rss_kb = next(
        int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("RSS_KB")
    )
    return elapsed, cpu, rss_kb / 1024, proc.stdout.splitlines()[1].strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--database", help="SQLAlchemy URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        archive = workdir / "archive.zip"
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                str(REPO / "bench" / "make_archive.py"),
                str(args.corpus),
                str(archive),
                "--count",
                str(args.count),
            ],
            check=True,
            capture_output=True,
        )
        print(
            f"built {args.count} tweets ({archive.stat().st_size / 1e6:.0f} MB zip) "
            f"in {time.perf_counter() - t0:.1f}s"
        )
        database = args.database or f"sqlite:///{workdir / 'bench.db'}"
        times, cpus = [], []
        for label in ("first audit", "re-run"):
            elapsed, cpu, rss_mb, line = run_audit(archive, database, workdir)
            times.append(elapsed)
            cpus.append(cpu)
            print(
                f"{label}: {args.count / elapsed:,.0f} posts/s ({elapsed:.1f}s, CPU {cpu:.1f}s), "
                f"peak RSS {rss_mb:.0f} MB | {line}"
            )
        ratio, cpu_ratio = times[1] / times[0], cpus[1] / cpus[0]
        verdict = "ok" if ratio <= REAUDIT_TARGET else "above target"
        print(
            f"re-audit / first audit: {ratio:.2f} wall, {cpu_ratio:.2f} CPU "
            f"(target <= {REAUDIT_TARGET}: {verdict}; load average {os.getloadavg()[0]:.1f})"
        )
    print(
        f"(peak RSS of this process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
