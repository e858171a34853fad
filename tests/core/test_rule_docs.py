"""Every rule is documented, named and placed in the protocol; docs/rules.md is not stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import protocol
from auditor.commands.rules import markdown
from auditor.rules import all_rules
from auditor.rules.base import RULE_ID

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_an_id_a_summary_and_an_existing_article(rule) -> None:  # type: ignore[no-untyped-def]
    assert RULE_ID.match(rule.id)
    assert len(rule.summary) > 20
    for article in rule.articles.split("/"):
        assert protocol.title(article, "nl") and protocol.title(article, "en")


def test_every_protocol_concern_has_a_rule() -> None:
    categories = {r.category.value for r in RULES}
    assert categories == {
        "personal_data",
        "commercial",
        "personal_title",
        "reply_to_parent",
        "image",
        "other_platform",
        "whatsapp",
    }


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == markdown(RULES), (
        "docs/rules.md is stale: run `auditor rules --markdown > docs/rules.md`"
    )
