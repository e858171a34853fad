"""`[lexicons] dir`: a school adds its own words to the shipped lists without touching them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.config import Config, load
from auditor.errors import ConfigError
from auditor.models import AuthorRole, ChatContext, PDKind, Platform, Post, PostKind
from auditor.nlp.lexicon import (
    DEFAULT_ORGANISATION_MODES,
    organisation_modes,
    shipped_files,
    use_school_lexicons,
)
from auditor.rules import commercial, replies, whatsapp
from auditor.rules.base import RuleContext
from auditor.rules.personal_data.analysis import analyse_text

# Her office is not named, so only the school's own list tells she is a public figure.
ALDERMAN = "Vandaag opende Marieke Smit onze nieuwe speelplaats."


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
    for name in shipped_files():
        assert f"`{name}`" in readme


def handle_hits(text: str, ctx: RuleContext) -> list[str]:
    return [h.value for h in analyse_text(text, ctx).hits if h.kind is PDKind.SOCIAL_HANDLE]


def reply_targets(text: str, ctx: RuleContext) -> list[str]:
    post = Post(
        Platform.TWITTER,
        "r1",
        datetime(2025, 3, 1, tzinfo=UTC),
        text,
        kind=PostKind.REPLY,
        author_is_account=True,
    )
    return [h.value for h in replies.to_parent(post, ctx)]


KRINGLOOP = "Dank aan Kringloop Esther Visser voor de boeken."


def test_a_schools_organisation_word_reaches_every_organisation_matcher(tmp_path: Path) -> None:
    shipped = RuleContext()
    assert names_in(KRINGLOOP, shipped) == ["Esther Visser"]
    assert handle_hits("Meer boeken bij @kringlooptwello!", shipped) == ["@kringlooptwello"]
    assert reply_targets("@kringloopheerde Dank je wel!", shipped) == ["@kringloopheerde"]
    config = school_config(tmp_path, {"organisation_words.txt": "kringloop\n"})
    ctx = load(config, env={}).rule_context()
    assert names_in(KRINGLOOP, ctx) == []  # a business name, no person (whole word)
    assert handle_hits("Meer boeken bij @kringlooptwello!", ctx) == []  # inside a handle
    assert reply_targets("@kringloopheerde Dank je wel!", ctx) == []  # a reply's target


def test_a_schools_street_ending_makes_an_address(tmp_path: Path) -> None:
    text = "Het nieuwe adres van de opvang: Bloemgaarde 12."
    assert names_in(text, RuleContext()) == []
    config = school_config(tmp_path, {"street_suffixes.txt": "gaarde\n"})
    assert names_in(text, load(config, env={}).rule_context()) == ["Bloemgaarde 12"]


def test_a_schools_label_pattern_keeps_a_number_from_being_a_bsn(tmp_path: Path) -> None:
    text = "Pasnummer 111222333 staat op de pas."
    assert names_in(text, RuleContext()) == ["111222333"]
    config = school_config(tmp_path, {"not_bsn_label_patterns.txt": r"pas\w*" + "\n"})
    assert names_in(text, load(config, env={}).rule_context()) == []


def test_a_pattern_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    config = school_config(tmp_path, {"not_bsn_label_patterns.txt": "lid(nummer\n"})
    with pytest.raises(ConfigError, match=r"not_bsn_label_patterns\.txt: 'lid\(nummer' is no"):
        load(config, env={})


def test_an_unknown_organisation_mode_is_refused(tmp_path: Path) -> None:
    config = school_config(tmp_path, {"organisation_words.txt": "kringloop [handels]\n"})
    with pytest.raises(ConfigError, match=r"unknown mode 'handels'"):
        load(config, env={})


@pytest.mark.parametrize(
    ("line", "word", "modes"),
    [
        ("kringloop", "kringloop", DEFAULT_ORGANISATION_MODES),
        ("erij                    [ending, handle]", "erij", ("ending", "handle")),
        ("ggd [handle reply reply-start]", "ggd", ("handle", "reply", "reply-start")),
        ("secretariaat [mention]", "secretariaat", ("mention",)),
    ],
)
def test_organisation_lines_name_their_matching_modes(
    line: str, word: str, modes: tuple[str, ...]
) -> None:
    assert organisation_modes(line) == (word, modes)


def commercial_hits(text: str, ctx: RuleContext) -> list[tuple[str, str]]:
    post = Post(Platform.FACEBOOK, "p1", datetime(2025, 3, 1, tzinfo=UTC), text)
    rules = (commercial.price_offer, commercial.sponsor_plug)
    return [(r.__name__, h.value) for r in rules for h in r(post, ctx)]


def test_a_schools_discount_word_makes_an_offer(tmp_path: Path) -> None:
    text = "Stuntprijsje: schoolshirts in alle maten, zolang de voorraad strekt!"
    assert commercial_hits(text, RuleContext()) == []
    config = school_config(tmp_path, {"discount_patterns.txt": r"\bstuntprijs\w*" + "\n"})
    ctx = load(config, env={}).rule_context()
    assert commercial_hits(text, ctx) == [("price_offer", "Stuntprijsje")]


def test_a_schools_kind_of_business_makes_a_plug(tmp_path: Path) -> None:
    text = "Mooie boeken voor de klas van kringloop De Ruil. Kijk op deruil.nl voor meer!"
    assert commercial_hits(text, RuleContext()) == []
    config = school_config(tmp_path, {"business_kinds.txt": "kringloop\n"})
    ctx = load(config, env={}).rule_context()
    assert commercial_hits(text, ctx) == [("sponsor_plug", "kringloop")]


def staff_message(text: str) -> Post:
    return Post(
        Platform.WHATSAPP,
        "wa-1",
        datetime(2025, 3, 12, 8, 15, tzinfo=UTC),
        text,
        account="Groep 5b",
        chat=ChatContext("Groep 5b", author=AuthorRole.STAFF),
    )


PHOTOGRAPHER = "Morgen komt de schoolfotograaf: trek iets moois aan!"
OWN_TOPICS = """
[topics]
"schoolfotograaf" = ['\\bschoolfoto\\w*']
"hoofdluis" = ['\\bkriebelbeestjes\\b']

[channels]
patterns = ['\\bklasbord\\b']
"""


def test_a_schools_topic_table_extends_the_shipped_topics(tmp_path: Path) -> None:
    def reasons(text: str, ctx: RuleContext) -> list[str]:
        hits = whatsapp.essential_info(staff_message(text), ctx)
        return [h.reason.split(" alleen")[0] for h in hits]

    assert reasons(PHOTOGRAPHER, RuleContext()) == []
    assert reasons("Er zijn weer kriebelbeestjes in groep 5.", RuleContext()) == []
    config = school_config(tmp_path, {"whatsapp_topics.toml": OWN_TOPICS})
    ctx = load(config, env={}).rule_context()
    assert reasons(PHOTOGRAPHER, ctx) == ["schoolfotograaf"]  # a topic of its own
    assert reasons("Er zijn weer kriebelbeestjes in groep 5.", ctx) == ["hoofdluis"]  # added
    assert reasons("Er is hoofdluis in groep 5.", ctx) == ["hoofdluis"]  # the shipped ones stay
    assert reasons("Er is hoofdluis in groep 5, zie Klasbord.", ctx) == []  # its own channel


def test_a_topic_table_that_is_no_toml_is_refused(tmp_path: Path) -> None:
    config = school_config(tmp_path, {"whatsapp_topics.toml": "[topics\n"})
    with pytest.raises(ConfigError, match=r"whatsapp_topics\.toml: cannot be read"):
        load(config, env={})


def test_a_topic_pattern_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    own = '[topics]\n"schoolfotograaf" = ["schoolfoto(graaf"]\n'
    config = school_config(tmp_path, {"whatsapp_topics.toml": own})
    with pytest.raises(ConfigError, match=r"whatsapp_topics\.toml: 'schoolfoto\(graaf' is no"):
        load(config, env={})
