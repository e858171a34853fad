"""`[lexicons] dir`: a school adds its own words to the shipped lists without touching them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor.config import Config, load
from auditor.errors import ConfigError
from auditor.nlp.lexicon import shipped_lists, use_school_lexicons
from auditor.rules.base import RuleContext
from auditor.rules.personal_data.analysis import analyse_text

ALDERMAN = "Wethouder Marieke Smit opende vandaag onze nieuwe speelplaats."


@pytest.fixture(autouse=True)
def shipped_lexicons_after() -> Iterator[None]:
    yield
    use_school_lexicons(None)  # later tests see the shipped lists only


def school_config(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "onze-woorden"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    config = tmp_path / "auditor.toml"
    config.write_text('[lexicons]\ndir = "onze-woorden"\n', encoding="utf-8")
    return config


def names_in(text: str, ctx: RuleContext) -> list[str]:
    return [h.value for h in analyse_text(text, ctx).hits]


def test_a_schools_public_figure_is_merged_with_the_shipped_list(tmp_path: Path) -> None:
    assert names_in(ALDERMAN, RuleContext()) == ["Marieke Smit"]
    config = school_config(tmp_path, {"public_figures.txt": "# onze wethouder\nmarieke smit\n"})
    ctx = load(config, env={}).rule_context()
    assert names_in(ALDERMAN, ctx) == []
    assert names_in("Sanne uit groep 5 won de tekenwedstrijd.", ctx) == ["Sanne"]  # still there


def test_back_to_the_shipped_lists_without_the_folder(tmp_path: Path) -> None:
    config = school_config(tmp_path, {"public_figures.txt": "marieke smit\n"})
    load(config, env={}).rule_context()
    assert names_in(ALDERMAN, Config().rule_context()) == ["Marieke Smit"]


def test_a_file_that_is_no_shipped_list_is_refused(tmp_path: Path) -> None:
    config = school_config(tmp_path, {"organisatie_woorden.txt": "manege\n"})
    with pytest.raises(ConfigError, match=r"\[lexicons\]\.dir: organisatie_woorden\.txt is no"):
        load(config, env={})


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    config = tmp_path / "auditor.toml"
    config.write_text('[lexicons]\ndir = "bestaat-niet"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="bestaat-niet is not a folder"):
        load(config, env={})


def test_every_shipped_list_is_documented() -> None:
    readme = (Path(__file__).resolve().parents[2] / "auditor" / "lexicons" / "README.md").read_text(
        encoding="utf-8"
    )
    for name in shipped_lists():
        assert f"`{name}.txt`" in readme
