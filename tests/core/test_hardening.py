"""Hardening: private files whatever the umask, config files no one else may change, passwords
that do not sit in readable files, spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import text

from auditor.cli import main
from auditor.media_store import MediaStore
from auditor.report.spreadsheet import write_rows
from auditor.store import open_store


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_database_and_its_journal_are_0600_whatever_the_umask(
    tmp_path: Path, open_umask: None
) -> None:
    database = tmp_path / "auditor.db"
    store = open_store(f"sqlite:///{database}")
    assert _mode(database) == 0o600
    with store.engine.connect() as conn:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('x', 'y')"))
        journal = tmp_path / "auditor.db-journal"
        assert journal.exists() and _mode(journal) == 0o600
        conn.rollback()
    store.engine.dispose()


def test_an_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    database = tmp_path / "auditor.db"
    open_store(f"sqlite:///{database}").engine.dispose()
    database.chmod(0o644)
    open_store(f"sqlite:///{database}").engine.dispose()
    assert _mode(database) == 0o600


def test_the_media_folder_is_0700_whatever_the_umask(tmp_path: Path, open_umask: None) -> None:
    root = tmp_path / "auditor-data" / "media"
    _, stored = MediaStore(root).put(BytesIO(b"\x89PNG fake"), ".png")
    assert _mode(root) == 0o700 and _mode(root.parent) == 0o700
    assert _mode(stored.parent) == 0o700 and _mode(stored) == 0o600


def _config(folder: Path, url: str, mode: int) -> Path:
    config = folder / "auditor.toml"
    config.write_text(f'[school]\nname = "OBS De Vlinder"\n[database]\nurl = "{url}"\n')
    config.chmod(mode)
    return config


def test_a_world_writable_config_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = _config(tmp_path, f"sqlite:///{tmp_path}/a.db", 0o666)
    assert main(["--config", str(config), "findings"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "writable by everyone" in err and str(config) in err


def test_a_password_in_a_world_readable_config_is_warned_about_without_repeating_it(
    tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    config = _config(tmp_path, f"sqlite:///{tmp_path}/a.db", 0o644)
    assert main(["--config", str(config), "rules"]) == 0
    assert "password" not in capsys.readouterr().err  # no password: nothing to say
    _config(tmp_path, "postgresql+psycopg://auditor:Geheim-42@127.0.0.1:1/auditor", 0o644)
    main(["--config", str(config), "rules"])
    err = capsys.readouterr().err
    assert "[database].url holds a password" in err and "AUDITOR_DATABASE_URL" in err
    assert "Geheim-42" not in err
    config.chmod(0o600)
    main(["--config", str(config), "rules"])
    assert "holds a password" not in capsys.readouterr().err


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_as_a_formula_get_a_quote(start: str) -> None:
    out = io.StringIO()
    value = f'{start}HYPERLINK("http://x.example","klik")'
    write_rows(out, ("excerpt", "reason"), [{"excerpt": value, "reason": "gewoon"}])
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["excerpt"] == "'" + value and row["reason"] == "gewoon"


def test_findings_csv_is_spreadsheet_safe(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'auditor.db'}"
    monkeypatch.setenv("AUDITOR_DATABASE_URL", url)
    sample = Path(__file__).resolve().parents[2] / "examples" / "twitter-archive-sample.zip"
    main(["audit", "--archive", str(sample), "--no-images"])
    store = open_store(url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE findings SET excerpt = '=1+1', reason = '@SUM(A1)'"))
    store.engine.dispose()
    capsys.readouterr()
    assert main(["findings", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["excerpt"] == "'=1+1" and r["reason"] == "'@SUM(A1)" for r in rows)
