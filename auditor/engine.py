"""Pure core: run the enabled rules over a post and turn hits into masked, fingerprinted findings.

No I/O here. A rule that crashes becomes a `RuleError` on the result; the audit goes on.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from auditor import redact
from auditor.models import Category, Finding, Hit, PDKind, Platform, Post, PostKind, Severity
from auditor.rules.base import Rule, RuleContext


@dataclass(frozen=True)
class RuleError:
    rule: str
    post: str
    error: str


@dataclass
class AuditResult:
    post: Post
    findings: list[Finding] = field(default_factory=list)
    allowed: list[tuple[str, str]] = field(default_factory=list)  # (rule id, masked value)
    errors: list[RuleError] = field(default_factory=list)


def select_rules(
    rules: Iterable[Rule],
    enable: Sequence[str] = ("*",),
    disable: Sequence[str] = (),
) -> list[Rule]:
    """Rules whose id matches an `enable` pattern and no `disable` pattern (fnmatch)."""
    chosen = []
    for rule in rules:
        if not any(fnmatch.fnmatchcase(rule.id, pattern) for pattern in enable):
            continue
        if any(fnmatch.fnmatchcase(rule.id, pattern) for pattern in disable):
            continue
        chosen.append(rule)
    return sorted(chosen, key=lambda r: r.id)


def post_key(post: Post) -> str:
    """How messages name a post: platform, account and id (readable, not part of fingerprints)."""
    return f"{post.platform.value}:{post.account}:{post.external_id}"


def post_identity(post: Post, identity: str | None = None) -> str:
    """The post part of a fingerprint: platform and the post's stored identity.

    Not the account name (the config and the export may spell it differently) and not the path
    that read the post: X posts are their tweet id; a Facebook post keeps the id it was first
    stored under when a live read later gives it its Graph id (see `store.repository`).
    """
    return f"{post.platform.value}:{identity or post.external_id}"


def finding_fingerprint(key: bytes, rule_id: str, post_part: str, identity: str) -> str:
    """Keyed hash of (rule, post identity, normalised value): the same finding in every path."""
    return redact.fingerprint(key, rule_id, post_part, identity)


class Engine:
    """Runs rules on posts. `key` is the HMAC key for fingerprints (kept per database)."""

    def __init__(
        self,
        rules: Sequence[Rule],
        ctx: RuleContext,
        key: bytes,
        severities: dict[str, Severity] | None = None,
    ) -> None:
        self.rules = list(rules)
        self.ctx = ctx
        self.key = key
        self.severities = severities or {}
        self._applicable: dict[tuple[Platform, PostKind], list[Rule]] = {}

    def audit(self, post: Post, identity: str | None = None) -> AuditResult:
        """Run the rules on `post`; `identity` is its stored identity (default: its id)."""
        result = AuditResult(post)
        if not post.author_is_account:
            return result
        hits: list[tuple[Rule, Hit]] = []
        ctx = self.ctx
        for rule in self._rules_for(post):
            try:
                found = rule.func(post, ctx)
                if found:  # most find nothing (an empty tuple): no list is made for them
                    hits += [(rule, hit) for hit in found]
            except Exception as exc:  # a broken rule must not abort the audit
                result.errors.append(RuleError(rule.id, post_key(post), repr(exc)))
        sensitive = [
            (hit.span, hit.kind or PDKind.NAME)
            for rule, hit in hits
            if hit.span is not None and not hit.allowed and rule.category == Category.PERSONAL_DATA
        ]
        seen: set[str] = set()
        post_part = post_identity(post, identity)
        prepared: redact.PostText | None = None  # made for the first finding, shared by all
        for rule, hit in hits:
            if hit.allowed:
                result.allowed.append((rule.id, redact.mask(hit.value, hit.kind)))
                continue
            value = redact.identity_value(hit.value)
            if hit.media_index is not None:
                # the position, not the file's hash: an export's copy and the platform's CDN
                # copy of one photo differ in bytes but are the same attachment
                value = f"media:{hit.media_index}"
            fp = finding_fingerprint(self.key, rule.id, post_part, value)
            if fp in seen:
                continue  # the same string twice in one post is one finding
            seen.add(fp)
            if prepared is None:
                prepared = redact.PostText(post.text, sensitive)
            result.findings.append(
                Finding(
                    rule=rule.id,
                    category=rule.category,
                    article=rule.article(post.platform),
                    severity=self.severities.get(rule.id, rule.severity),
                    reason=rule.reason_on(post.platform, hit.reason),
                    excerpt=self._excerpt(post, hit, prepared),
                    fingerprint=fp,
                    span=hit.span,
                    media_index=hit.media_index,
                    details=dict(hit.details),
                )
            )
        return result

    def rules_for(self, post: Post) -> list[Rule]:
        """The enabled rules that apply to this post's platform and kind."""
        return self._rules_for(post)

    def _rules_for(self, post: Post) -> list[Rule]:
        key = (post.platform, post.kind)
        rules = self._applicable.get(key)
        if rules is None:
            rules = self._applicable[key] = [r for r in self.rules if r.applies_to(post)]
        return rules

    @staticmethod
    def _excerpt(post: Post, hit: Hit, text: redact.PostText) -> str:
        if post.kind == PostKind.GROUP:  # a WhatsApp group itself: its name, no message text
            return f"[WhatsApp-groep: {post.account}]"
        if hit.media_index is not None:
            media = post.media[hit.media_index]
            return f"[{media.kind.value} {hit.media_index + 1}: {media.name}] " + text.excerpt(
                None, context=30
            )
        return text.excerpt(hit.span)
