"""The protocol's articles, loaded from `auditor/data/protocol.toml` (data, not code)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def _data() -> dict[str, Any]:
    text = resources.files("auditor").joinpath("data/protocol.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def title(article: str, language: str = "nl") -> str:
    """Short title of an article such as "1a" (Facebook, clause a) or "4"."""
    data = _data()
    section, clause = article[:1], article[1:]
    if not clause:
        return data["sections"].get(section, {}).get(language, article)
    own = data.get("section_clauses", {}).get(section, {})
    if clause in own:  # WhatsApp's clauses are its own, not those of Facebook and X
        return f"{own[clause].get(language, '')} (WhatsApp)"
    text = data["clauses"].get(clause, {}).get(language, "")
    where = data["sections"].get(section, {}).get(language, "")
    return f"{text} ({where})" if where else text


def label(article: str, language: str = "nl") -> str:
    word = "Artikel" if language == "nl" else "Article"
    return f"{word} {article}"


@cache
def _rule_titles() -> dict[str, Any]:
    text = resources.files("auditor").joinpath("data/rule_titles.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def rule_title(rule_id: str, language: str = "nl") -> str:
    """The human title of a rule ("Privé telefoonnummer" for personal-data.phone), from
    `auditor/data/rule_titles.toml`; a rule without one gets its concern's title."""
    data = _rule_titles()
    entry = data["rules"].get(rule_id) or data["concerns"].get(rule_id.partition(".")[0])
    if not entry:
        return rule_id
    return str(entry.get(language) or entry["nl"])
