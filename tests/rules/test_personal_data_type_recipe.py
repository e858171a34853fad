"""docs/extending.md, "A personal-data type": one module plus one line in TYPE_MODULES."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from auditor.engine import Engine
from auditor.models import Category, Platform, Post
from auditor.rules import all_rules, personal_data
from auditor.rules.base import REGISTRY, RuleContext

MODULE = "tests.rules.examples.student_number"
RULE_ID = "personal-data.student_number"


@pytest.fixture
def added_type(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(personal_data, "TYPE_MODULES", (*personal_data.TYPE_MODULES, MODULE))
    personal_data.load_types(personal_data.TYPE_MODULES)  # what the import does with the line
    yield
    REGISTRY.pop(RULE_ID, None)
    sys.modules.pop(MODULE, None)  # the next test registers it afresh


def test_an_added_type_is_a_personal_data_rule_of_article_a(added_type: None) -> None:
    rule = next(r for r in all_rules() if r.id == RULE_ID)
    assert rule.category == Category.PERSONAL_DATA
    assert rule.article(Platform.FACEBOOK) == "1a" and rule.article(Platform.TWITTER) == "2a"


def test_an_added_type_is_found_masked_and_masks_other_finders_excerpts(added_type: None) -> None:
    rules = [r for r in all_rules() if r.category == Category.PERSONAL_DATA]
    post = Post(
        platform=Platform.FACEBOOK,
        external_id="1",
        created_at=datetime(2025, 3, 1, tzinfo=UTC),
        text="Sanne uit groep 5 (leerlingnummer 482913) won de tekenwedstrijd.",
    )
    findings = Engine(rules, RuleContext(), key=b"k").audit(post).findings
    found = {f.rule: f for f in findings}
    assert found[RULE_ID].article == "1a"
    assert "482913" not in found[RULE_ID].excerpt
    assert "482913" not in found["personal-data.name"].excerpt
