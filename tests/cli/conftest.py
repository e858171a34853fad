"""The `cli` fixture: `auditor ...` in-process against the test database, with the sample config."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.cli import main

SAMPLE_CONFIG = Path(__file__).resolve().parents[2] / "examples" / "auditor.toml"


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `auditor ...` against the test database; return (exit code, stdout, stderr)."""
    monkeypatch.setenv("AUDITOR_DATABASE_URL", database_url)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--config", str(SAMPLE_CONFIG), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run
