"""Logs never hold personal data or a token, at any level: the labelled corpus is audited at
DEBUG and the captured log is searched for every labelled value."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus" / "posts.jsonl"


def _labelled_values() -> set[str]:
    values = set()
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        for label in json.loads(line)["labels"]["personal_data"]:
            values.add(label["text"])
    return values


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repo")
    folder = tmp_path_factory.mktemp("corpus-archives")
    built = []
    for fmt in ("twitter", "facebook"):
        out = folder / f"{fmt}.zip"
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "make_archive.py"), str(CORPUS), str(out)]
            + ["--format", fmt],
            check=True,
            capture_output=True,
        )
        built.append(out)
    return built


def test_an_audit_of_the_labelled_corpus_at_debug_logs_no_labelled_value(
    archives: list[Path], database_url: str, tmp_path: Path
) -> None:
    env = {**os.environ, "AUDITOR_DATABASE_URL": database_url, "PYTHONPATH": str(REPO)}
    args = [arg for path in archives for arg in ("--archive", str(path))]
    done = subprocess.run(
        [sys.executable, "-m", "auditor", "--log-level", "debug", "audit", "--no-images", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    log = done.stderr
    assert "DEBUG auditor.audit: run 1, batch 1:" in log  # the DEBUG lines are there
    assert "INFO sqlalchemy.engine" in log  # with the SQL statements, parameters hidden
    leaked = sorted(
        value for value in _labelled_values() if re.search(rf"(?<!\w){re.escape(value)}(?!\w)", log)
    )
    assert leaked == []
    parameters = [line for line in log.splitlines() if "sqlalchemy.engine.Engine: [" in line]
    assert parameters and all("hide_parameters=True" in line for line in parameters)
    assert "Row (" not in log  # result rows (SQLAlchemy's DEBUG) are never logged
