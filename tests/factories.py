"""Test factories with sensible, invented defaults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from auditor.engine import Engine
from auditor.models import Category, Hit, Platform, Post, PostKind, Severity, Span
from auditor.rules.base import Rule, RuleContext
from auditor.sources.base import AccountInfo

T0 = datetime(2025, 3, 12, 8, 15, tzinfo=UTC)
ACCOUNT = AccountInfo(Platform.TWITTER, "1400000000000000001", "OBS De Vlinder")


def post(n: int = 1, text: str = "Groep 5 gaat naar de kinderboerderij.", **kw) -> Post:  # type: ignore[no-untyped-def]
    values = {
        "platform": Platform.TWITTER,
        "external_id": str(1790000000000000000 + n),
        "created_at": T0 + timedelta(hours=n),
        "text": text,
        "kind": PostKind.POST,
        "account": ACCOUNT.handle,
        "url": f"https://x.com/obsdevlinder/status/{1790000000000000000 + n}",
    }
    values.update(kw)
    return Post(**values)


def _word_rule(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Flags the word "Sanne" (a stand-in for the real name rule)."""
    start = post.text.find("Sanne")
    while start >= 0:
        yield Hit(Span(start, start + 5), "Sanne", "voornaam", kind="name")
        start = post.text.find("Sanne", start + 1)


def _price_rule(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Flags a euro sign."""
    if "€" in post.text:
        i = post.text.index("€")
        yield Hit(Span(i, i + 1), "€", "prijs", kind="commercial")


NAME_RULE = Rule(
    "personal-data.name",
    Category.PERSONAL_DATA,
    "a",
    Severity.HIGH,
    _word_rule,
    _word_rule.__doc__ or "",
)
PRICE_RULE = Rule(
    "commercial.price",
    Category.COMMERCIAL,
    "f",
    Severity.MEDIUM,
    _price_rule,
    _price_rule.__doc__ or "",
)


def engine(key: bytes = b"test-key") -> Engine:
    return Engine([NAME_RULE, PRICE_RULE], RuleContext(), key)
