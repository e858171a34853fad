"""Config: contract keys load, partial configs are valid, wrong settings name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import load, parse
from auditor.errors import ConfigError

CONTRACT = """
[school]
name = "Basisschool Martinus Twello"
[allow]
phones = ["0571-123456"]
emails = ["info@example.nl"]
names = ["Anouk de Vries"]
organisations = ["Gemeente Voorst", "@GemeenteVoorst"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "auditor.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_contract_keys_load_into_the_rule_context(tmp_path: Path) -> None:
    config = load(write(tmp_path, CONTRACT))
    ctx = config.rule_context()
    assert ctx.school_name == "Basisschool Martinus Twello"
    assert ctx.allow.phones == ("0571-123456",)
    assert ctx.allow.organisations == ("Gemeente Voorst", "@GemeenteVoorst")


@pytest.mark.parametrize(
    "text", ["", "[school]\n", "[allow]\nnames = []\n", "[school]\nname = 'X'\n"]
)
def test_a_config_with_only_some_keys_is_valid(tmp_path: Path, text: str) -> None:
    load(write(tmp_path, text))


def test_no_file_at_all_gives_defaults_with_a_sqlite_database_in_the_working_dir() -> None:
    config = load(None, env={})
    assert config.database.url == "sqlite:///auditor.db"


def test_database_url_from_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[database]\nurl = 'sqlite:///a.db'\n")
    config = load(path, env={"AUDITOR_DATABASE_URL": "sqlite:///b.db"})
    assert config.database.url == "sqlite:///b.db"


def test_config_path_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, CONTRACT)
    assert load(None, env={"AUDITOR_CONFIG": str(path)}).school.name.startswith("Basisschool")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[allow]\nphones = '0571-123456'\n", "[allow].phones"),
        ("[allow]\nphone = ['1']\n", "[allow].phone"),
        ("[schoool]\nname = 'x'\n", "[schoool]"),
        ("[rules.severity]\n'personal-data.phone' = 'urgent'\n", "personal-data.phone"),
        ("[mail]\nsecurity = 'tls'\n", "[mail].security"),
        ("[mail]\nport = '587'\n", "[mail].port"),
        ("[[accounts]]\nname = 'fb'\nplatform = 'facebook'\ntoken_env = 'T'\n", "page_id"),
        ("[[accounts]]\nname = 'x'\nplatform = 'myspace'\ntoken_env = 'T'\n", "platform"),
        ("[school\n", "not valid TOML"),
    ],
)
def test_a_wrong_setting_is_one_line_naming_the_key(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(ConfigError) as error:
        load(write(tmp_path, text))
    message = str(error.value)
    assert named in message
    assert "auditor.toml" in message
    assert "\n" not in message


def test_a_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.toml: config file not found"):
        load(tmp_path / "nope.toml")


def test_the_example_config_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "config" / "auditor.example.toml"
    config = load(example, env={})
    assert config.school.name
    assert {a.platform for a in config.accounts} == {"facebook", "twitter"}


def test_parse_accepts_accounts_contract() -> None:
    config = parse(
        {
            "accounts": [
                {
                    "name": "facebook",
                    "platform": "facebook",
                    "page_id": "104857600123456",
                    "token_env": "AUDITOR_FACEBOOK_TOKEN",
                    "api_base_url": "https://graph.facebook.com/v25.0",
                },
                {
                    "name": "twitter",
                    "platform": "twitter",
                    "user_id": "1187654321098765432",
                    "token_env": "AUDITOR_TWITTER_TOKEN",
                    "api_base_url": "https://api.x.com/2",
                },
            ]
        }
    )
    assert config.account("twitter").user_id == "1187654321098765432"
    with pytest.raises(ConfigError, match="instagram"):
        config.account("instagram")


def test_retention_contract_keys_and_their_defaults() -> None:
    assert (parse({}).retention.post_text_days, parse({}).retention.closed_findings_days) == (
        365,
        730,
    )
    config = parse({"retention": {"post_text_days": 30, "closed_findings_days": 60}})
    assert (config.retention.post_text_days, config.retention.closed_findings_days) == (30, 60)


@pytest.mark.parametrize("value", [0, -5, "365"])
def test_retention_days_must_be_a_positive_whole_number(value: object) -> None:
    with pytest.raises(ConfigError, match=r"\[retention\]"):
        parse({"retention": {"post_text_days": value}}, "auditor.toml")
