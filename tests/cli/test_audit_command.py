"""`auditor audit` end to end as a user runs it: sample archives, re-runs, exit codes, bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from auditor.cli import main

REPO = Path(__file__).resolve().parents[2]
TWITTER = REPO / "examples" / "twitter-archive-sample.zip"
FACEBOOK = REPO / "examples" / "facebook-export-sample.zip"
SAMPLE_CONFIG = REPO / "examples" / "auditor.toml"


def findings(cli) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, _ = cli("findings", "--format", "json")
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("archive", [TWITTER, FACEBOOK], ids=["twitter", "facebook"])
def test_audit_of_a_sample_archive_prints_a_summary_and_exits_1(cli, archive: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("audit", "--archive", str(archive), "--no-images")
    assert code == 1, err
    assert "Bevindingen per artikel van het protocol" in out  # [mail] language: nl (default)
    assert "Nieuwe bevindingen" in out
    assert findings(cli)


def test_audit_summary_speaks_english_with_mail_language_en(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AUDITOR_DATABASE_URL", f"sqlite:///{tmp_path}/en.db")
    config = tmp_path / "en.toml"
    config.write_text(SAMPLE_CONFIG.read_text() + '\n[mail]\nlanguage = "en"\n')
    main(["--config", str(config), "audit", "--archive", str(TWITTER), "--no-images"])
    out = capsys.readouterr().out
    assert "Findings per protocol article" in out and "New findings" in out


def test_rerun_on_the_same_archive_adds_nothing(cli) -> None:  # type: ignore[no-untyped-def]
    cli("audit", "--archive", str(TWITTER), "--no-images")
    before = findings(cli)
    code, out, _ = cli("audit", "--archive", str(TWITTER), "--no-images")
    assert "bevindingen: 0 nieuw" in out.splitlines()[1]
    assert findings(cli) == before


def test_sample_findings_name_articles_and_hide_personal_data(cli) -> None:  # type: ignore[no-untyped-def]
    cli("audit", "--archive", str(TWITTER), "--no-images")
    rows = findings(cli)
    assert {r["article"] for r in rows} >= {"2a", "2b", "2d", "2f"}
    text = json.dumps(rows, ensure_ascii=False)
    assert "0546-58 31 20" not in text  # the school's own number: allowed, never a finding
    for row in rows:
        assert row["post"]["platform"] == "twitter"
        assert row["post"]["created_at"].endswith("Z")


def test_dismissed_finding_stays_dismissed_after_a_new_audit(cli) -> None:  # type: ignore[no-untyped-def]
    cli("audit", "--archive", str(TWITTER), "--no-images")
    target = findings(cli)[0]
    code, out, _ = cli("review", str(target["id"]), "--dismiss", "--note", "toestemming")
    assert code == 0 and "dismissed" in out
    cli("audit", "--archive", str(TWITTER), "--no-images")
    after = {r["id"]: r for r in findings(cli)}
    assert after[target["id"]]["status"] == "dismissed"
    assert after[target["id"]]["review_note"] == "toestemming"
    assert len(after) == len(findings(cli))


def test_findings_filters_and_formats(cli) -> None:  # type: ignore[no-untyped-def]
    cli("audit", "--archive", str(TWITTER), "--no-images")
    code, out, _ = cli("findings", "--rule", "personal-data.*", "--format", "csv")
    lines = out.strip().splitlines()
    assert lines[0].startswith("id,rule,category,article")
    assert all(",personal-data." in line for line in lines[1:])
    code, out, _ = cli("findings", "--article", "2f")
    assert "commercial." in out and "personal-data." not in out
    code, out, _ = cli("findings", "--platform", "facebook")
    assert "No findings match" in out


def test_rules_lists_every_rule_with_article_and_severity(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("rules")
    assert code == 0
    for rule_id in (
        "personal-data.phone",
        "personal-data.name",
        "reply.to-parent",
        "image.recognisable-faces",
    ):
        assert rule_id in out
    assert "1a/2a" in out


def test_db_upgrade_is_idempotent(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("db", "upgrade")[0] == 0
    code, out, _ = cli("db", "upgrade")
    assert code == 0 and "already at" in out


def _truncated(tmp: Path) -> Path:
    data = TWITTER.read_bytes()
    path = tmp / "truncated.zip"
    path.write_bytes(data[: len(data) // 2])
    return path


def _not_a_zip(tmp: Path) -> Path:
    path = tmp / "export.zip"
    path.write_text("dit is geen zip", encoding="utf-8")
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.zip"
    path.write_bytes(b"")
    return path


def _zip_slip(tmp: Path) -> Path:
    path = tmp / "slip.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("../../evil.js", "window.YTD.tweets.part0 = []")
    return path


def _no_tweets(tmp: Path) -> Path:
    path = tmp / "no-tweets.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = {}")
    return path


@pytest.mark.parametrize("make", [_truncated, _not_a_zip, _empty, _zip_slip, _no_tweets])
def test_bad_archive_is_one_line_exit_2_and_stores_nothing(cli, tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    cli("audit", "--archive", str(FACEBOOK), "--no-images")
    before = findings(cli)
    bad = make(tmp_path)
    code, out, err = cli("audit", "--archive", str(bad), "--no-images")
    assert code == 2
    assert err.count("\n") == 1 and bad.name in err
    assert "Traceback" not in err
    assert findings(cli) == before


def test_missing_archive_path_is_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("audit", "--archive", str(tmp_path / "nergens.zip"))
    assert code == 2 and "nergens.zip" in err


def test_unreadable_database_is_one_line_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"this is not a sqlite database at all" * 100)
    monkeypatch.setenv("AUDITOR_DATABASE_URL", f"sqlite:///{bad}")
    code = main(["audit", "--archive", str(TWITTER), "--no-images"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "broken.db" in err


def test_wrong_config_is_one_line_naming_the_key(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "auditor.toml"
    config.write_text("[allow]\nphones = '0571-123456'\n", encoding="utf-8")
    code = main(["--config", str(config), "audit", "--archive", str(TWITTER)])
    err = capsys.readouterr().err
    assert code == 2 and "[allow].phones" in err and err.count("\n") == 1


def test_new_sqlite_database_is_created_and_migrated_on_first_use(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(["audit", "--archive", str(FACEBOOK), "--no-images"]) == 1
    assert (tmp_path / "auditor.db").exists()


def test_every_command_has_help_with_an_example(capsys) -> None:  # type: ignore[no-untyped-def]
    from auditor.cli import COMMANDS

    for name in COMMANDS:
        with pytest.raises(SystemExit) as done:
            main([name, "--help"])
        assert done.value.code == 0
        assert "example" in capsys.readouterr().out.lower(), name


def test_several_archives_in_one_command(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli(
        "audit", "--archive", str(TWITTER), "--archive", str(FACEBOOK), "--no-images"
    )
    assert code == 1
    assert "twitter" in out and "facebook" in out
    platforms = {row["post"]["platform"] for row in findings(cli)}
    assert platforms == {"twitter", "facebook"}


def test_eval_takes_the_allow_list_from_a_given_config(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    line = {
        "id": "t0001",
        "platform": "twitter",
        "created_at": "2025-03-12T09:15:00+01:00",
        "kind": "post",
        "in_reply_to": None,
        "text": "Ziekmelden kan via 06-41 23 87 65 (de mobiele telefoon van de administratie).",
        "labels": {
            "personal_data": [],
            "commercial": False,
            "personal_title": False,
            "reply_to_parent": False,
            "hard": "the school's own mobile number",
        },
    }
    corpus = tmp_path / "mini.jsonl"
    corpus.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    config = tmp_path / "school.toml"
    config.write_text('[allow]\nphones = ["06-41 23 87 65"]\n', encoding="utf-8")
    assert main(["eval", str(corpus)]) == 0
    assert "100.0% (1/1)" in capsys.readouterr().out  # not allowed: a false alarm
    assert main(["--config", str(config), "eval", str(corpus)]) == 0
    assert "0.0% (0/1)" in capsys.readouterr().out
