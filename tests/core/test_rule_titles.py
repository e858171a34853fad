"""Every rule has a human title in Dutch and English (digest and review site show no ids)."""

from __future__ import annotations

import pytest

from auditor import protocol
from auditor.rules import all_rules


@pytest.mark.parametrize("rule", [r.id for r in all_rules()])
def test_every_rule_has_a_dutch_and_english_title(rule: str) -> None:
    data = protocol._rule_titles()
    assert rule in data["rules"], f"add {rule} to auditor/data/rule_titles.toml"
    assert data["rules"][rule]["nl"] and data["rules"][rule]["en"]


def test_unknown_rule_falls_back_to_its_concern() -> None:
    assert protocol.rule_title("personal-data.new-kind") == "Persoonsgegevens"
    assert protocol.rule_title("image.recognisable-faces", "en").startswith("Recognisable")
