"""Spec for `other-platform.post` (article 4): the school posts nothing on other platforms."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.engine import Engine
from auditor.models import Category, Platform, Post, Severity
from auditor.rules import other_platforms
from auditor.rules.base import REGISTRY, RuleContext

CTX = RuleContext()
RULE = REGISTRY["other-platform.post"]


def own_post(platform: Platform, text: str = "Groep 5 op de kinderboerderij", **kw) -> Post:
    created = kw.pop("created_at", datetime(2024, 3, 12, 8, 15, tzinfo=UTC))
    return Post(platform, "ig-1", created, text, account="obsdevlinder", **kw)


def test_rule_is_registered_as_article_4_high():
    assert RULE.category == Category.OTHER_PLATFORM
    assert (RULE.clause, RULE.severity, RULE.articles) == ("", Severity.HIGH, "4")
    assert RULE.platforms == (Platform.INSTAGRAM, Platform.LINKEDIN, Platform.TIKTOK)


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        (Platform.INSTAGRAM, "post als school op Instagram (12-03-2024)"),
        (Platform.LINKEDIN, "post als school op LinkedIn (12-03-2024)"),
        (Platform.TIKTOK, "post als school op TikTok (12-03-2024)"),
    ],
)
def test_every_own_post_is_a_finding_with_its_date(platform, expected):
    [hit] = other_platforms.post_on_other_platform(own_post(platform), CTX)
    assert hit.reason == expected


def test_date_is_the_dutch_calendar_day():
    late = own_post(Platform.INSTAGRAM, created_at=datetime(2024, 3, 12, 23, 30, tzinfo=UTC))
    [hit] = other_platforms.post_on_other_platform(late, CTX)
    assert hit.reason.endswith("(13-03-2024)")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Kort", (0, 4)),
        ("  Een lang onderschrift dat veel meer dan veertig tekens telt", (2, 42)),
        ("", None),
        ("   ", None),
    ],
)
def test_span_is_the_start_of_the_caption(text, span):
    [hit] = other_platforms.post_on_other_platform(own_post(Platform.INSTAGRAM, text), CTX)
    assert (hit.span.start, hit.span.end) == span if span else hit.span is None


@pytest.mark.parametrize("platform", [Platform.FACEBOOK, Platform.TWITTER, Platform.WHATSAPP])
def test_rule_does_not_apply_to_the_allowed_platforms(platform):
    assert not RULE.applies_to(own_post(platform))


def test_engine_reports_article_4():
    engine = Engine([RULE], CTX, b"test-key")
    [finding] = engine.audit(own_post(Platform.INSTAGRAM)).findings
    assert (finding.article, finding.severity) == ("4", Severity.HIGH)
    assert finding.excerpt.startswith("Groep 5 op de kinderboerderij")


def test_docstring_has_summary_why_flagged_fine():
    assert all(s in RULE.doc for s in ("Why:", "Flagged:", "Fine:"))
