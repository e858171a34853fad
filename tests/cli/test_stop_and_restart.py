"""Real processes stopped mid-audit (SIGTERM, SIGINT, kill -9): the next audit works at once.

Each test runs `python -m auditor audit` as a user's shell, systemd or `docker stop` would, on
SQLite and on PostgreSQL, and stops it while its import transaction is open.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from auditor.store.models import AuditRun, LockRow, PostRow
from tests.conftest import REPO

POSTS = 20_000  # an import of a few seconds at ~5,000 posts/s: a stop lands well inside it
SAMPLE = str(REPO / "examples" / "twitter-archive-sample.zip")


def _invented_corpus(path: Path) -> Path:
    texts = [
        "Vandaag hebben de kinderen van groep 5 een prachtige herfstwandeling gemaakt.",
        "Morgen is de school gesloten in verband met een studiedag van het team.",
        "De schoolfotograaf komt op dinsdag 14 oktober, de planning volgt in Social Schools.",
        "Wat een feest: de nieuwe speeltoestellen op het plein zijn geplaatst!",
        "Herinnering: de ouderavond begint om 19.30 uur in de aula.",
    ]
    rows = [
        {
            "id": f"x{i}",
            "platform": "twitter",
            "created_at": f"2025-0{1 + i % 9}-1{i % 9}T08:00:00+00:00",
            "kind": "post",
            "in_reply_to": None,
            "text": text,
        }
        for i, text in enumerate(texts * 20)  # 100 rows: the archive's dates stay in range
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    out = folder / "twitter-big.zip"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "make_archive.py")]
        + [str(_invented_corpus(folder / "c.jsonl")), str(out), "--count", str(POSTS)],
        check=True,
        capture_output=True,
    )
    return out


def _audit(database_url: str, cwd: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "AUDITOR_DATABASE_URL": database_url, "PYTHONPATH": str(REPO)}
    env.pop("AUDITOR_CONFIG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "auditor", "audit", "--no-images", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_running_import(database_url: str, process: subprocess.Popen[str]) -> None:
    """Until the audit's run row exists: its import transaction is then open."""
    engine = create_engine(database_url)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            try:
                with engine.connect() as conn:
                    running = conn.scalar(select(func.count()).where(AuditRun.status == "running"))
                if running:
                    time.sleep(0.3)  # well inside the import of 20,000 posts
                    return
            except Exception:
                pass  # schema not created yet
            time.sleep(0.05)
        pytest.fail("the audit did not start within 60 s")
    finally:
        engine.dispose()


def _state(database_url: str) -> tuple[int, list[tuple[str, str | None]], int]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            posts = conn.scalar(select(func.count()).select_from(PostRow)) or 0
            runs = [
                (r.status, r.error)
                for r in conn.execute(select(AuditRun.status, AuditRun.error).order_by(AuditRun.id))
            ]
            locks = conn.scalar(select(func.count()).select_from(LockRow)) or 0
        return posts, runs, locks
    finally:
        engine.dispose()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_audit_rolls_back_and_the_next_audit_works_at_once(
    database_url: str, big_archive: Path, tmp_path: Path, signum: int
) -> None:
    process = _audit(database_url, tmp_path, "--archive", str(big_archive))
    _wait_for_running_import(database_url, process)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    name = signal.Signals(signum).name
    assert process.returncode == 128 + signum, err
    assert err.strip().count("\n") == 0 and f"stopped by {name}" in err, err
    posts, runs, locks = _state(database_url)
    assert posts == 0 and locks == 0
    assert runs == [("failed", f"interrupted: stopped by {name}")]
    again = _audit(database_url, tmp_path, "--archive", SAMPLE)
    _, err = again.communicate(timeout=120)
    assert again.returncode in (0, 1), err
    assert [status for status, _ in _state(database_url)[1]] == ["failed", "done"]


def test_an_audit_after_kill_9_works_at_once_and_marks_the_dead_run_failed(
    database_url: str, big_archive: Path, tmp_path: Path
) -> None:
    process = _audit(database_url, tmp_path, "--archive", str(big_archive))
    _wait_for_running_import(database_url, process)
    process.kill()
    process.communicate(timeout=60)
    assert _state(database_url)[2] == 1  # the lock row of the dead process is still there
    again = _audit(database_url, tmp_path, "--archive", SAMPLE)
    _, err = again.communicate(timeout=120)
    assert again.returncode in (0, 1), err
    assert "another audit is running" not in err
    posts, runs, locks = _state(database_url)
    assert runs[0][0] == "failed" and "crash or kill" in (runs[0][1] or "")
    assert runs[1][0] == "done" and locks == 0


def test_two_first_audits_racing_on_an_empty_database_never_collide_on_the_schema(
    database_url: str, tmp_path: Path
) -> None:
    racers = [_audit(database_url, tmp_path, "--archive", SAMPLE) for _ in range(2)]
    results = [(p.wait(timeout=180), p.communicate()[1]) for p in racers]
    for code, err in results:
        assert "already exists" not in err and "Traceback" not in err, err
        assert code in (0, 1) or (code == 2 and "another audit is running" in err), err
    assert any(code in (0, 1) for code, _ in results)
