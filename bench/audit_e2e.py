"""End-to-end audit benchmark: a 100,000-post Twitter archive through `auditor audit`.

Builds the archive from a JSONL corpus (default ../shared/corpus/posts.jsonl), then in one run:
- `bench/floor.py` on the archive (plain CPython: json parse, five regexes, sqlite inserts);
- `auditor audit --archive ... --no-images` in a child process on a fresh database (SQLite
  file, or a fresh database on the PostgreSQL server of `--database`): posts/s, CPU time, peak
  RSS of the audit process and of its rule workers, and the multiple of the floor;
- the same audit again (nothing new): its time as a share of the first audit;
- the golden check: a sequential audit (`AUDITOR_WORKERS=1`) into another fresh database must
  store exactly the findings of the first audit (rule, span, excerpt, reason, fingerprint...).
Issue 17 targets: >= 5,000 posts/s on SQLite (<= 5x the floor), >= 3,500 on PostgreSQL, peak
RSS < 300 MB, re-audit <= 0.25 of the first audit. On a loaded machine compare the CPU ratios.

    python bench/audit_e2e.py --count 100000
    python bench/audit_e2e.py --count 20000 --database postgresql://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "posts.jsonl"
REAUDIT_TARGET = 0.25  # re-audit of an unchanged archive, as a share of the first audit
FLOOR_TARGET = 5.0  # first audit, as a multiple of the floor
KEY = "bench-fingerprint-key"  # the same fingerprints in every database of the run
FINDINGS = (
    "SELECT p.external_id, f.rule, f.article, f.severity, f.span_start, f.span_end, f.excerpt,"
    " f.reason, f.fingerprint, f.status, f.media_id IS NULL"
    " FROM findings f JOIN posts p ON p.id = f.post_id"
)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str, str]:
    """Wall time, CPU time (user + system of the child and its workers: steadier than wall
    time on a loaded machine), stdout and stderr of one child process."""
    start, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu
    if proc.returncode not in (0, 1):
        sys.exit(f"{command[1]} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return elapsed, cpu, proc.stdout, proc.stderr


def run_audit(archive: Path, database: str, workdir: Path, workers: str) -> dict:
    env = {**os.environ, "AUDITOR_DATABASE_URL": database, "AUDITOR_SECRET_KEY": KEY}
    env.pop("AUDITOR_CONFIG", None)
    if workers != "auto":
        env["AUDITOR_WORKERS"] = workers
    script = (
        "import resource, sys; from auditor.cli import main; code = main(sys.argv[1:]); "
        "print('RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
        "sys.exit(code)"
    )
    command = [sys.executable, "-c", script, "audit", "--archive", str(archive), "--no-images"]
    elapsed, cpu, out, err = timed(command, env, workdir)
    rss = next(line.split()[1:] for line in err.splitlines() if line.startswith("RSS_KB"))
    return {
        "wall": elapsed,
        "cpu": cpu,
        "rss": int(rss[0]) / 1024,
        "workers_rss": int(rss[1]) / 1024,
        "line": out.splitlines()[1].strip(),
    }


def findings_digest(database: str) -> tuple[int, str]:
    engine = create_engine(database)
    with engine.connect() as conn:
        rows = sorted(tuple(row) for row in conn.execute(text(FINDINGS)))
    engine.dispose()
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


@contextmanager
def fresh_database(server: str | None, workdir: Path, name: str) -> Iterator[str]:
    """A new empty database: a SQLite file, or a database created on the PostgreSQL server."""
    if server is None:
        yield f"sqlite:///{workdir / (name + '.db')}"
        return
    url = make_url(server).set(drivername="postgresql+psycopg")
    database = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        yield url.set(database=database).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--database", help="PostgreSQL server URL (default: SQLite files)")
    parser.add_argument(
        "--workers",
        default=str(os.cpu_count() or 1),
        help="AUDITOR_WORKERS for the audits (default: one per core, even on a busy machine, "
        "so that the golden check compares workers with a sequential audit; 'auto': the "
        "auditor's own choice)",
    )
    parser.add_argument("--no-golden", action="store_true", help="skip the sequential run")
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
            f"in {time.perf_counter() - t0:.1f}s; load average {os.getloadavg()[0]:.1f}"
        )
        floor_wall, floor_cpu, _, _ = timed(
            [sys.executable, str(REPO / "bench" / "floor.py"), str(archive), str(workdir / "f.db")],
            dict(os.environ),
            workdir,
        )
        print(
            f"floor: {args.count / floor_wall:,.0f} posts/s ({floor_wall:.1f}s, "
            f"CPU {floor_cpu:.1f}s)"
        )
        with fresh_database(args.database, workdir, "e2e") as database:
            runs = {}
            for label in ("first audit", "re-run"):
                run = runs[label] = run_audit(archive, database, workdir, args.workers)
                print(
                    f"{label}: {args.count / run['wall']:,.0f} posts/s ({run['wall']:.1f}s, "
                    f"CPU {run['cpu']:.1f}s), peak RSS {run['rss']:.0f} MB "
                    f"(rule workers {run['workers_rss']:.0f} MB) | {run['line']}"
                )
            first = findings_digest(database)
        wall, cpu = runs["first audit"]["wall"], runs["first audit"]["cpu"]
        print(
            f"first audit / floor: {wall / floor_wall:.1f}x wall, {cpu / floor_cpu:.1f}x CPU "
            f"(target <= {FLOOR_TARGET:.0f}x)"
        )
        again = runs["re-run"]
        ratio, cpu_ratio = again["wall"] / wall, again["cpu"] / cpu
        verdict = "ok" if ratio <= REAUDIT_TARGET else "above target"
        print(
            f"re-audit / first audit: {ratio:.2f} wall, {cpu_ratio:.2f} CPU "
            f"(target <= {REAUDIT_TARGET}: {verdict}; load average {os.getloadavg()[0]:.1f})"
        )
        if not args.no_golden:
            with fresh_database(args.database, workdir, "golden") as database:
                run_audit(archive, database, workdir, "1")
                sequential = findings_digest(database)
            same = "identical" if first == sequential else "DIFFERENT"
            print(
                f"golden: {first[0]} findings, {same} to a sequential audit "
                f"({first[1]} / {sequential[1]})"
            )
            if first != sequential:
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
