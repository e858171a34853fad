"""Settings a container sets in its environment win over the config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import load
from auditor.errors import ConfigError

ENV = {
    "AUDITOR_MAIL_HOST": "mail",
    "AUDITOR_MAIL_PORT": "1025",
    "AUDITOR_MAIL_SECURITY": "none",
    "AUDITOR_MAIL_SENDER": "auditor@school.example",
    "AUDITOR_MAIL_TO": "a@school.example, b@school.example",
}


def test_mail_settings_from_the_environment_win_over_the_file(tmp_path: Path) -> None:
    config = tmp_path / "auditor.toml"
    config.write_text('[mail]\nhost = "smtp.example.nl"\nlanguage = "en"\n', encoding="utf-8")
    mail = load(config, env=ENV).mail
    assert (mail.host, mail.port, mail.security) == ("mail", 1025, "none")
    assert mail.to == ("a@school.example", "b@school.example") and mail.language == "en"


def test_environment_settings_work_without_a_config_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert load(None, env=ENV).mail.sender == "auditor@school.example"


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("AUDITOR_MAIL_PORT", "smtp", "$AUDITOR_MAIL_PORT"),
        ("AUDITOR_MAIL_SECURITY", "tls", "[mail].security"),
    ],
)
def test_a_wrong_environment_setting_is_named(
    tmp_path: Path, monkeypatch, variable, value, named
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=named.replace("$", r"\$").replace("[", r"\[")):
        load(None, env={**ENV, variable: value})
