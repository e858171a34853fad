"""What the personal-data finders find in an invented text: the look-ups the rule specs share.

Each spec file keeps its own school (a `RuleContext`) and binds it to these, so its tests read
as before ("names(text)", "found('health', text)").
"""

from __future__ import annotations

from auditor.models import PDKind
from auditor.rules import REGISTRY
from auditor.rules.base import RuleContext
from auditor.rules.personal_data.analysis import analyse_text
from auditor.rules.personal_data.names import find_names
from tests.factories import post


def names_found(text: str, ctx: RuleContext) -> list[str]:
    """The names the name scanner finds in `text` (no e-mails or links to skip)."""
    return [h.value for h in find_names(text, ctx, [])]


def analysed(kind: PDKind, text: str, ctx: RuleContext) -> list[str]:
    """The values of `kind` that the personal-data analysis of `text` finds, in order."""
    return [h.value for h in analyse_text(text, ctx).of(kind)]


def rule_found(kind: str, text: str, ctx: RuleContext) -> list[str]:
    """The values the rule `personal-data.<kind>` flags in a post of `text`, those the school
    allows left out (the rules read a post's text only, not its platform or time)."""
    rule = REGISTRY[f"personal-data.{kind}"]
    return [h.value for h in rule.func(post(text=text), ctx) if not h.allowed]
