"""Done-when of issue 14 on the shared corpus with 30-day retention: review trail, export,
subject, bulk review + purge leave no raw contact or identity value in the database files, and
auditing the same exports again adds nothing and brings nothing back."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.cli import main
from tests.cli.test_corpus_archives import build
from tests.conftest import require_shared

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "posts.jsonl"
RAW_TYPES = ("phone", "email", "iban", "bsn", "address", "postcode")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def cli(config: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--config", str(config), *args])
    return code, out.getvalue()


def minute(value: str) -> str:
    return (
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        .astimezone(UTC)
        .strftime("%Y-%m-%dT%H:%M")
    )


def write_config(folder: Path) -> Path:
    config = folder / "auditor.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{folder / "auditor.db"}"\n'
        "[retention]\npost_text_days = 30\nclosed_findings_days = 30\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    require_shared(CORPUS)
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def audited(corpus, tmp_path_factory) -> dict:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("privacy")
    config = write_config(folder)
    archives = [build(CORPUS, folder / f"{fmt}.zip", fmt) for fmt in ("twitter", "facebook")]
    args = [a for archive in archives for a in ("--archive", str(archive))]
    code, _ = cli(config, "audit", *args, "--no-images")
    assert code == 1
    return {"folder": folder, "config": config, "archive_args": args}


@pytest.fixture(scope="module")
def reviewed(audited) -> dict:  # type: ignore[no-untyped-def]
    config = audited["config"]
    findings = json.loads(cli(config, "findings", "--format", "json")[1])
    target = next(f for f in findings if f["rule"] == "personal-data.phone")["id"]
    cli(
        config,
        "review",
        str(target),
        "--dismiss",
        "--note",
        "ouders gaven toestemming",
        "--by",
        "juf Anouk",
    )
    cli(
        config, "review", str(target), "--resolve", "--note", "nummer toch verwijderd", "--by", "FG"
    )
    return {**audited, "finding": target}


def raw_values(corpus: list[dict]) -> set[str]:
    return {
        p["text"] for r in corpus for p in r["labels"]["personal_data"] if p["type"] in RAW_TYPES
    }


def test_two_reviews_of_one_finding_both_show_in_its_history(reviewed) -> None:  # type: ignore[no-untyped-def]
    code, out = cli(
        reviewed["config"], "findings", "--history", str(reviewed["finding"]), "--format", "json"
    )
    trail = json.loads(out)
    assert code == 0
    assert [(a["action"], a["by"], a["note"]) for a in trail] == [
        ("dismiss", "juf Anouk", "ouders gaven toestemming"),
        ("resolve", "FG", "nummer toch verwijderd"),
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", a["at"]) for a in trail)


def test_export_holds_the_trail_and_no_raw_contact_or_identity_value(reviewed, corpus) -> None:  # type: ignore[no-untyped-def]
    config = reviewed["config"]
    _, as_json = cli(config, "export", "--format", "json")
    _, as_csv = cli(config, "export", "--format", "csv")
    items = json.loads(as_json)
    mine = next(i for i in items if i["id"] == reviewed["finding"])
    assert [a["by"] for a in mine["history"]] == ["juf Anouk", "FG"]
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert len(rows) == len(items) > 100
    assert "juf Anouk" in next(r for r in rows if r["id"] == str(reviewed["finding"]))["history"]
    leaked = [v for v in raw_values(corpus) if v in as_json or v in as_csv]
    assert leaked == []
    assert not [r for r in rows for v in r.values() if v and v[0] in "=+-@\t\r"]


def test_subject_finds_every_post_naming_a_pupil_and_no_other(audited, corpus) -> None:  # type: ignore[no-untyped-def]
    check_subjects(audited["config"], corpus)


def check_subjects(config: Path, corpus: list[dict]) -> None:
    pupils = sorted(
        {
            p["text"]
            for r in corpus
            for p in r["labels"]["personal_data"]
            if p["type"] == "name" and p["role"] == "pupil"
        }
    )
    assert len(pupils) > 50
    wrong = {}
    for name in pupils:
        words = [w.casefold() for w in WORD.findall(name)]
        expected = {
            minute(r["created_at"])
            for r in corpus
            for p in r["labels"]["personal_data"]
            if p["type"] == "name"
            and all(w in [x.casefold() for x in WORD.findall(p["text"])] for w in words)
        }
        _, out = cli(config, "subject", name, "--format", "json")
        hits = json.loads(out)
        found = {minute(h["created_at"]) for h in hits}
        if found != expected:
            wrong[name] = (sorted(expected - found), sorted(found - expected))
        for hit in hits:
            assert set(hit) >= {"platform", "external_id", "created_at", "url", "excerpt"}
            assert not [v for v in raw_values(corpus) if v in hit["excerpt"]]
    assert wrong == {}


@pytest.fixture(scope="module")
def purged(reviewed) -> dict:  # type: ignore[no-untyped-def]
    folder = reviewed["folder"].parent / "privacy-purged"
    folder.mkdir()
    shutil.copy(reviewed["folder"] / "auditor.db", folder / "auditor.db")
    config = write_config(folder)
    before = json.loads(cli(config, "findings", "--format", "json")[1])
    _, dry = cli(config, "review", "--rule", "*", "--dismiss", "--note", "backlog eerste import")
    assert "would dismiss" in dry
    assert json.loads(cli(config, "findings", "--format", "json")[1]) == before
    code, _ = cli(
        config,
        "review",
        "--rule",
        "*",
        "--dismiss",
        "--note",
        "backlog eerste import",
        "--by",
        "FG",
        "--yes",
    )
    assert code == 0
    code, report = cli(config, "purge")
    assert code == 0
    return {
        **reviewed,
        "purged_config": config,
        "purged_folder": folder,
        "report": report,
        "before": before,
    }


def database_bytes(folder: Path) -> bytes:
    files = [p for p in folder.iterdir() if p.name.startswith("auditor.db")]  # incl. -wal, -journal
    return b"".join(p.read_bytes() for p in files)


def test_after_bulk_review_and_purge_no_raw_value_is_left_in_the_database_files(
    purged, corpus
) -> None:  # type: ignore[no-untyped-def]
    data = database_bytes(purged["purged_folder"])
    assert "post texts" in purged["report"]
    values = raw_values(corpus)
    assert len(values) > 30
    assert [v for v in values if v.encode("utf-8") in data] == []
    before = database_bytes(purged["folder"])
    assert any(v.encode("utf-8") in before for v in values)  # the check can see them


def test_purged_posts_are_still_found_by_subject(purged, corpus) -> None:  # type: ignore[no-untyped-def]
    check_subjects(purged["purged_config"], corpus)


def test_auditing_the_same_exports_again_adds_nothing_and_brings_no_text_back(purged) -> None:  # type: ignore[no-untyped-def]
    config = purged["purged_config"]
    closed = {
        f["id"]: f["status"] for f in json.loads(cli(config, "findings", "--format", "json")[1])
    }
    code, _ = cli(config, "audit", *purged["archive_args"], "--no-images")
    after = {
        f["id"]: f["status"] for f in json.loads(cli(config, "findings", "--format", "json")[1])
    }
    assert code == 0  # nothing open
    assert after == closed
    assert after[purged["finding"]] == "resolved"
    with sqlite3.connect(purged["purged_folder"] / "auditor.db") as db:
        assert db.execute("SELECT count(*) FROM posts WHERE text <> ''").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM posts").fetchone() == (300,)


def test_purge_dry_run_changes_nothing(audited, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(audited["folder"] / "auditor.db", tmp_path / "auditor.db")
    config = write_config(tmp_path)
    before = (tmp_path / "auditor.db").read_bytes()
    code, out = cli(config, "purge", "--dry-run")
    assert code == 0 and "nothing changed" in out
    with sqlite3.connect(tmp_path / "auditor.db") as db:
        kept = db.execute("SELECT count(*) FROM posts WHERE text <> ''").fetchone()[0]
    assert kept > 0 and len(before) > 0
