"""The engine: rules to masked, fingerprinted findings; broken rules do not stop an audit."""

from __future__ import annotations

from auditor.engine import Engine, select_rules
from auditor.models import Category, Platform, Severity
from auditor.rules.base import Rule, RuleContext
from tests.factories import NAME_RULE, PRICE_RULE, engine, post


def test_finding_names_the_article_of_the_posts_platform() -> None:
    tweet = engine().audit(post(text="Sanne uit groep 5 won!")).findings[0]
    fb = engine().audit(post(text="Sanne uit groep 5 won!", platform=Platform.FACEBOOK)).findings[0]
    assert (tweet.article, fb.article) == ("2a", "1a")


def test_excerpt_never_holds_the_value_in_full() -> None:
    finding = engine().audit(post(text="Sanne uit groep 5 won de voorleeswedstrijd")).findings[0]
    assert "Sanne" not in finding.excerpt
    assert finding.excerpt.startswith("S*** uit groep 5")


def test_commercial_excerpt_masks_a_name_next_to_it() -> None:
    result = engine().audit(post(text="Sanne verkoopt lootjes voor €2"))
    commercial = next(f for f in result.findings if f.category == Category.COMMERCIAL)
    assert "Sanne" not in commercial.excerpt


def test_the_same_value_twice_in_a_post_is_one_finding() -> None:
    assert len(engine().audit(post(text="Sanne en nog eens Sanne")).findings) == 1


def test_fingerprint_is_stable_across_runs_and_differs_per_post() -> None:
    a1 = engine().audit(post(1, text="Sanne")).findings[0].fingerprint
    a2 = engine().audit(post(1, text="Sanne!")).findings[0].fingerprint
    b = engine().audit(post(2, text="Sanne")).findings[0].fingerprint
    assert a1 == a2 != b


def test_a_crashing_rule_becomes_a_rule_error() -> None:
    def broken(p, ctx):  # type: ignore[no-untyped-def]
        """Always fails."""
        raise RuntimeError("boom")

    bad = Rule("personal-data.broken", Category.PERSONAL_DATA, "a", Severity.LOW, broken, "x")
    result = Engine([bad, NAME_RULE], RuleContext(), b"k").audit(post(text="Sanne"))
    assert [e.rule for e in result.errors] == ["personal-data.broken"]
    assert len(result.findings) == 1


def test_severity_override_from_config() -> None:
    e = Engine([NAME_RULE], RuleContext(), b"k", {"personal-data.name": Severity.LOW})
    assert e.audit(post(text="Sanne")).findings[0].severity == Severity.LOW


def test_others_comments_are_not_audited_as_the_schools_words() -> None:
    assert engine().audit(post(text="Sanne", author_is_account=False)).findings == []


def test_select_rules_by_patterns() -> None:
    rules = [NAME_RULE, PRICE_RULE]
    assert select_rules(rules, ["*"], ["commercial.*"]) == [NAME_RULE]
    assert select_rules(rules, ["commercial.*"]) == [PRICE_RULE]
