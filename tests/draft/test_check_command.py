"""`auditor check` (a contract): findings and a suggestion for a draft, nothing stored."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from auditor.cli import main
from tests.conftest import SHARED

CONFIG = """
[school]
name = "Basisschool De Linde"
[allow]
phones = ["0571-123456"]
emails = ["info@example.nl"]
"""
FACES = SHARED / "images" / "fr_two_people.jpg"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "auditor.toml"
    path.write_text(CONFIG + f'[database]\nurl = "sqlite:///{tmp_path}/a.db"\n')
    return path


def check(config: Path, *args: str, stdin: str | None = None, monkeypatch=None) -> int:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--config", str(config), "check", *args])


def test_json_has_the_contract_fields(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = check(config, "--format", "json", "Vragen? Bel meester Ruben op 06-41872963.")
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert set(out) >= {"findings", "suggestion"}
    phone = next(f for f in out["findings"] if f["rule"] == "personal-data.phone")
    assert set(phone) >= {"rule", "category", "article", "severity", "excerpt", "reason", "span"}
    assert phone["article"] == "1a" and phone["category"] == "personal_data"
    assert "41872963" not in json.dumps(out["findings"])  # masked
    assert out["suggestion"] == "Vragen? Bel de school op 0571-123456."


def test_clean_draft_exits_0_with_null_suggestion(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = check(config, "--format", "json", "Morgen is de sportdag. Neem een bidon mee!")
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out == {"findings": [], "suggestion": None, "notes": []}


def test_reads_standard_input_when_text_is_a_dash(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = check(config, "-", stdin="Sanne uit groep 5 won!", monkeypatch=monkeypatch)
    out = capsys.readouterr().out
    assert code == 1
    assert "Een leerling uit groep 5 won!" in out
    assert "Sanne" not in out


def test_twitter_platform_names_article_2a(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(config, "--platform", "twitter", "--format", "json", "Sanne uit groep 5 won!")
    out = json.loads(capsys.readouterr().out)
    assert {f["article"] for f in out["findings"]} == {"2a"}


def test_unknown_platform_is_bad_input(config: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        check(config, "--platform", "myspace", "tekst")
    assert exc.value.code == 2


def test_missing_image_is_a_one_line_error_exit_2(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = check(config, "--image", "geen.jpg", "Mooie dag!")
    assert code == 2
    assert capsys.readouterr().err.strip().endswith("geen.jpg: no such photo")


def test_stores_nothing(config: Path, tmp_path: Path) -> None:
    check(config, "Bel juf Anouk op 06-41872963.")
    assert not (tmp_path / "a.db").exists()


def test_image_with_faces_is_high_and_blurred_copy_passes(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "klas.jpg"
    shutil.copy(FACES, photo)
    out_dir = tmp_path / "veilig"
    code = check(
        config, "--image", str(photo), "--anonymise-to", str(out_dir), "--format", "json", "Leuk!"
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [f["rule"] for f in out["findings"]] == ["image.recognisable-faces"]
    copy = out_dir / "klas.jpg"
    assert copy.is_file()
    assert check(config, "--image", str(copy), "Leuk!") == 0


def test_summary_follows_mail_language(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config.write_text(config.read_text() + '[mail]\nlanguage = "en"\n')
    check(config, "Morgen is de sportdag.")
    assert "No findings" in capsys.readouterr().out
