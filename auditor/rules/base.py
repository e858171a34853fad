"""The rule seam: a rule is a pure function from a post (plus context) to hits.

Write a rule as a function in the module of its protocol concern and register it with `@rule`:

    @rule("personal-data.phone", category=Category.PERSONAL_DATA, clause="a", severity=HIGH)
    def phone(post: Post, ctx: RuleContext) -> Iterator[Hit]:
        \"\"\"Private phone numbers (mobile or landline) ...\"\"\"

The docstring's first line is the one-line description `auditor rules` shows. Rules never touch
the store, the network or the file system; everything they may know comes in `RuleContext`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from auditor.models import Category, Hit, Platform, Post, Severity

RULE_ID = re.compile(r"^[a-z][a-z-]*\.[a-z][a-z0-9_-]*$")

# Protocol sections per platform: 1 Facebook, 2 Twitter/X, 3 WhatsApp, 4 other platforms.
SECTION_BY_PLATFORM = {
    Platform.FACEBOOK: "1",
    Platform.TWITTER: "2",
    Platform.WHATSAPP: "3",
    Platform.INSTAGRAM: "4",
    Platform.LINKEDIN: "4",
    Platform.TIKTOK: "4",
}


def article_for(platform: Platform, clause: str) -> str:
    """The protocol article a clause breaks on a platform: clause "a" on Facebook is "1a".

    Section 4 (other platforms) has no clauses: any post there breaks article 4 itself.
    """
    section = SECTION_BY_PLATFORM[platform]
    return section if section == "4" else f"{section}{clause}"


STAFF_TITLES = re.compile(
    r"^(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|mr\.?|mrs\.?|ms\.?|miss|teacher|docent)\s+",
    re.IGNORECASE,
)


def staff_names(entries: tuple[str, ...]) -> tuple[str, ...]:
    """Staff display names as allow-list names: each as written and without its title
    ("Juf Marloes" also gives "Marloes"); phone numbers are left out."""
    names: list[str] = []
    for entry in entries:
        clean = entry.strip().lstrip("~").strip()
        if not clean or re.fullmatch(r"[+\d\s().-]+", clean):
            continue
        names.append(clean)
        bare = STAFF_TITLES.sub("", clean)
        if bare and bare != clean:
            names.append(bare)
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class Allow:
    """Allow-lists (`[allow]` in config): published on purpose, so never a finding.

    phones / emails / ibans: the school's own public contact details; names: staff who
    consented to being named; organisations and handles: public bodies and businesses that are
    not private persons (also as reply targets).
    """

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    ibans: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may know besides the post itself."""

    school_name: str = ""
    allow: Allow = field(default_factory=Allow)
    account_handles: tuple[str, ...] = ()  # the school's own handles/page names
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per rule id

    def option(self, rule_id: str, key: str, default: Any) -> Any:
        return self.options.get(rule_id, {}).get(key, default)


RuleFunc = Callable[[Post, RuleContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: identity, protocol article, default severity and user docs."""

    id: str
    category: Category
    clause: str  # protocol clause letter: a..f (articles 1x/2x/3x), "" for article 4
    severity: Severity
    func: RuleFunc
    doc: str
    platforms: tuple[Platform, ...] = ()  # empty: every platform
    kinds: tuple[str, ...] = ()  # post kinds it applies to; empty: every kind
    # What `[rules.options."<id>"]` may set: option name -> its type (str, int, bool, float,
    # tuple[str, ...], dict[str, tuple[str, ...]]); the config refuses other names and types.
    options: dict[str, Any] = field(default_factory=dict)
    # Raise when the rule finds something else on the same post: stored audits made with an
    # older version are redone on the next audit (see `auditor.audit_key`).
    version: int = 1

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.id

    @property
    def articles(self) -> str:
        """Articles this rule can break, e.g. "1a/2a" (for `auditor rules`)."""
        if self.category == Category.OTHER_PLATFORM:
            return "4"
        if self.category == Category.WHATSAPP:
            return f"3{self.clause}"
        sections = (Platform.FACEBOOK, Platform.TWITTER, Platform.WHATSAPP)
        return "/".join(dict.fromkeys(self.article(p) for p in sections if p in self.platforms))

    def applies_to(self, post: Post) -> bool:
        if self.platforms and post.platform not in self.platforms:
            return False
        return not self.kinds or post.kind.value in self.kinds

    def article(self, platform: Platform) -> str:
        if platform == Platform.WHATSAPP and self.category != Category.WHATSAPP:
            return "3"  # article 3 has no clause of its own for personal data
        return article_for(platform, self.clause)

    def reason_on(self, platform: Platform, reason: str) -> str:
        """The finding's reason on a platform: personal data in WhatsApp also names the AVG."""
        if platform == Platform.WHATSAPP and self.category == Category.PERSONAL_DATA:
            return f"{reason} (in een WhatsApp-bericht van een medewerker; AVG)"
        return reason


REGISTRY: dict[str, Rule] = {}

# Where a concern's clauses exist: articles 1 and 2 (Facebook, Twitter/X) share clauses a-f,
# WhatsApp (3) and other platforms (4) have their own rules. A rule may widen this explicitly.
DEFAULT_PLATFORMS: dict[Category, tuple[Platform, ...]] = {
    Category.WHATSAPP: (Platform.WHATSAPP,),
    # staff messages in WhatsApp are checked for personal data too (article 3, AVG)
    Category.PERSONAL_DATA: (Platform.FACEBOOK, Platform.TWITTER, Platform.WHATSAPP),
    Category.OTHER_PLATFORM: (Platform.INSTAGRAM, Platform.LINKEDIN, Platform.TIKTOK),
}
SCHOOL_ACCOUNTS = (Platform.FACEBOOK, Platform.TWITTER)


def rule(
    rule_id: str,
    *,
    category: Category,
    clause: str,
    severity: Severity,
    platforms: tuple[Platform, ...] = (),
    kinds: tuple[str, ...] = (),
    options: dict[str, Any] | None = None,
    version: int = 1,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function; the id must be unique and look like `concern.name`.

    `options` declares the settings a school may give the rule in `[rules.options."<id>"]`,
    each with its type (e.g. `{"channels": tuple[str, ...]}`); the rule reads them with
    `ctx.option(rule_id, name, default)`. `version`: raise it when the rule's findings change.
    """

    def register(func: RuleFunc) -> RuleFunc:
        if not RULE_ID.match(rule_id):
            raise ValueError(f"rule id {rule_id!r} must look like 'concern.name'")
        if rule_id in REGISTRY:
            raise ValueError(f"rule id {rule_id!r} is registered twice")
        if not (func.__doc__ or "").strip():
            raise ValueError(f"rule {rule_id!r} needs a docstring")
        REGISTRY[rule_id] = Rule(
            id=rule_id,
            category=category,
            clause=clause,
            severity=severity,
            func=func,
            doc=func.__doc__ or "",
            platforms=platforms or DEFAULT_PLATFORMS.get(category, SCHOOL_ACCOUNTS),
            kinds=kinds,
            options=dict(options or {}),
            version=version,
        )
        return func

    return register
