"""`[rules]` in the config: every pattern names a rule, and `[rules.options."<id>"]` reaches the
rule with the types the rule declares."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.config import load
from auditor.engine import Engine
from auditor.errors import ConfigError
from auditor.models import Platform, Post, PostKind, Severity
from auditor.rules import all_rules


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "auditor.toml"
    path.write_text(text, encoding="utf-8")
    return path


def whatsapp(text: str) -> Post:
    return Post(
        platform=Platform.WHATSAPP,
        external_id="wa-1",
        created_at=datetime(2025, 9, 3, 8, 12, tzinfo=UTC),
        text=text,
        kind=PostKind.POST,
    )


def essential_info_findings(config_file: Path | None, text: str) -> list[str]:
    config = load(config_file, env={})
    rules = [r for r in all_rules() if r.id == "whatsapp.essential-info"]
    engine = Engine(rules, config.rule_context(), key=b"k")
    return [f.rule for f in engine.audit(whatsapp(text)).findings]


STUDY_DAY = "Vrijdag is er een studiedag, zie Klasbord."


def test_channels_option_changes_what_essential_info_lets_through(tmp_path: Path) -> None:
    assert essential_info_findings(None, STUDY_DAY) == ["whatsapp.essential-info"]
    config = write(
        tmp_path,
        '[rules.options."whatsapp.essential-info"]\n'
        'channels = ["\\\\bklasbord\\\\b", "\\\\bsocial\\\\s*schools\\\\b"]\n',
    )
    assert essential_info_findings(config, STUDY_DAY) == []


def test_topics_option_replaces_the_topics(tmp_path: Path) -> None:
    config = write(
        tmp_path,
        '[rules.options."whatsapp.essential-info"]\n'
        'topics = { "luizencontrole" = ["\\\\bluizen\\\\w*"] }\n',
    )
    assert essential_info_findings(config, STUDY_DAY) == []
    assert essential_info_findings(config, "Woensdag is de luizencontrole.") == [
        "whatsapp.essential-info"
    ]


def test_group_created_takes_no_phrases_any_more(tmp_path: Path) -> None:
    # the wording of "... created the group" is read by the WhatsApp source (ChatPhrases); the
    # rule reads who made the group from the group record (issue 11)
    text = '[rules.options."whatsapp.group-created"]\nphrases = ["\\\\bstartte de groep\\\\b"]\n'
    with pytest.raises(ConfigError, match="phrases: unknown option"):
        load(write(tmp_path, text), env={})


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[rules]\ndisable = ["personal-data.plates"]\n', "'personal-data.plates' matches no rule"),
        ('[rules]\nenable = ["personaldata.*"]\n', "[rules] enable: 'personaldata.*'"),
        ('[rules.severity]\n"personal-data.plates" = "low"\n', "[rules] severity:"),
        (
            '[rules.options."whatsapp.essential-infos"]\nchannels = []\n',
            '[rules.options."whatsapp.essential-infos"]: no such rule',
        ),
        (
            '[rules.options."whatsapp.essential-info"]\nchanels = []\n',
            '[rules.options."whatsapp.essential-info"].chanels: unknown option',
        ),
        (
            '[rules.options."whatsapp.essential-info"]\nchannels = "website"\n',
            '[rules.options."whatsapp.essential-info"].channels: expected a list',
        ),
        (
            '[rules.options."whatsapp.essential-info"]\ntopics = ["ziek"]\n',
            '[rules.options."whatsapp.essential-info"].topics: expected a table',
        ),
        (
            '[rules.options."personal-data.phone"]\nstrict = true\n',
            "strict: unknown option (options: none)",
        ),
    ],
)
def test_unknown_rules_and_options_are_one_line_errors(
    tmp_path: Path, text: str, named: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load(path, env={})
    message = str(info.value)
    assert named in message and str(path) in message and "\n" not in message


def test_cli_refuses_an_unknown_rule_id_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, '[rules]\ndisable = ["personal-data.plates"]\n')
    assert main(["--config", str(path), "findings"]) == 2
    err = capsys.readouterr().err.strip()
    assert "personal-data.plates" in err and str(path) in err and len(err.splitlines()) == 1


def test_severity_keys_may_be_patterns(tmp_path: Path) -> None:
    config = load(write(tmp_path, '[rules.severity]\n"personal-data.*" = "low"\n'), env={})
    severities = config.severities()
    assert severities["personal-data.phone"] == Severity.LOW
    assert "commercial.price-offer" not in severities


def test_every_declared_option_has_a_type_the_config_can_check() -> None:
    supported = {str, int, float, bool, tuple[str, ...], dict[str, tuple[str, ...]]}
    for rule in all_rules():
        for name, annotation in rule.options.items():
            assert annotation in supported, (rule.id, name)
            assert f"`{name}`" in rule.doc, f"{rule.id} documents option {name}"
