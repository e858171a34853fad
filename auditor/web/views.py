"""What the pages show, as plain data: the draft with its findings marked (masked), a stored
post in context with every personal-data span masked, and finding rows for the templates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from auditor import protocol, redact
from auditor.models import Finding, Span
from auditor.store.models import FindingRow


@dataclass(frozen=True)
class Segment:
    """A piece of the draft: plain text, or a marked finding shown masked."""

    text: str
    marked: bool = False
    reason: str = ""


def _kind(rule: str, category: str) -> str | None:
    return rule.partition(".")[2] if category == "personal_data" else None


def marked_draft(text: str, findings: Sequence[Finding]) -> list[Segment]:
    """The draft with each finding's span marked; personal data in it masked, everything else
    scrubbed of stray numbers, so the page never repeats the personal data in full."""
    spans = sorted(
        (f for f in findings if f.span is not None),
        key=lambda f: (f.span.start, -f.span.end) if f.span is not None else (0, 0),
    )
    segments: list[Segment] = []
    cursor = 0
    for finding in spans:
        span = finding.span
        assert span is not None
        if span.start < cursor:
            continue
        if span.start > cursor:
            segments.append(Segment(redact.scrub(text[cursor : span.start])))
        value = text[span.start : span.end]
        kind = _kind(finding.rule, finding.category.value)
        shown = redact.mask(value, kind) if kind else value
        segments.append(Segment(shown, marked=True, reason=finding.reason))
        cursor = span.end
    if cursor < len(text):
        segments.append(Segment(redact.scrub(text[cursor:])))
    return segments


def masked_post_text(text: str, rows: Iterable[FindingRow]) -> str:
    """A stored post's whole text with every personal-data span of its findings masked."""
    spans = [
        (Span(r.span_start, r.span_end), _kind(r.rule, r.category) or "name")
        for r in rows
        if r.category == "personal_data" and r.span_start is not None and r.span_end is not None
    ]
    return redact.excerpt(text, None, spans, context=len(text) // 2 + 1)


def post_context(post: Any, rows: Iterable[FindingRow], t: dict[str, str]) -> str:
    """What the review pages show of a post: its masked text, or that retention removed it."""
    if getattr(post, "text_purged_at", None) is not None:
        return t["text_purged"]
    return masked_post_text(post.text, rows)


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    what: str
    note: str = ""
    by: str = ""


def history(row: FindingRow, t: dict[str, str]) -> list[HistoryEntry]:
    """What happened to a finding, oldest first: found, then each action of its review trail."""
    from auditor.store.reviews import Action

    entries = [HistoryEntry(row.detected_at, t["detected"])]
    for action in row.actions:
        status = Action(action.action).status.value
        entries.append(
            HistoryEntry(action.at, t.get(status, status), action.note or "", action.reviewer)
        )
    return entries


def rule_title(rule: str, language: str) -> str:
    return protocol.rule_title(rule, language)
