"""Masking and fingerprinting: the auditor must never become a privacy leak itself.

Raw personal data lives only in memory during a run. What is stored, printed or mailed is a
masked form (`06-****-**78`, `S*** uit groep 5`) and a keyed hash (HMAC) that identifies the
finding across runs without being reversible by brute force.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable

from auditor.models import PDKind, Span

EXCERPT_CONTEXT = 40
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().-]{4,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def _mask_digits(value: str, keep_start: int, keep_end: int) -> str:
    positions = [i for i, ch in enumerate(value) if ch.isdigit()]
    keep = set(positions[:keep_start]) | set(positions[len(positions) - keep_end :])
    return "".join(ch if (not ch.isdigit() or i in keep) else "*" for i, ch in enumerate(value))


def _mask_words(value: str) -> str:
    """Keep each first letter, hide the length: "Daan van der Berg" -> "D*** v*** d*** B***"."""

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.isdigit():
            return "*" * len(word)
        return word[0] + "***"

    return _WORD.sub(one, value)


def mask(value: str, kind: str = "") -> str:
    """Mask a sensitive value so a reviewer sees what kind of thing it was, not the thing."""
    if not value:
        return value
    if kind == PDKind.PHONE:
        return _mask_digits(value, 2, 2)
    if kind == PDKind.IBAN:
        compact = value.replace(" ", "")
        return compact[:2] + "*" * max(len(compact) - 4, 0) + compact[-2:]
    if kind == PDKind.BSN:
        return _mask_digits(value, 0, 2)
    if kind == PDKind.EMAIL:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}" if domain else _mask_words(value)
    if kind == PDKind.SOCIAL_HANDLE:
        head = value[: value.index("@") + 2] if "@" in value else value[:1]
        return head + "***"
    if kind == PDKind.POSTCODE:
        return re.sub(r"[A-Za-z]", "*", _mask_digits(value, 2, 0))
    if kind == PDKind.BIRTHDATE:
        return _mask_digits(value, 0, 0)
    if kind == PDKind.PLATE:
        return value[:1] + re.sub(r"[A-Za-z0-9]", "*", value[1:])
    if kind == PDKind.ADDRESS:
        return _mask_digits(_mask_words(value), 0, 0)
    return _mask_words(value)


def scrub(text: str) -> str:
    """Defence in depth for excerpts: mask any long digit run or e-mail a rule did not claim."""
    text = _EMAIL.sub(lambda m: mask(m.group(0), PDKind.EMAIL), text)
    return _DIGIT_RUN.sub(lambda m: _mask_digits(m.group(0), 2, 2), text)


def excerpt(
    text: str,
    span: Span | None,
    masked_spans: Iterable[tuple[Span, str]],
    context: int = EXCERPT_CONTEXT,
) -> str:
    """A one-line window of `text` around `span`, with every sensitive span in it masked.

    `masked_spans` are (span, kind) pairs of all personal data found in the post, so the
    window never shows a neighbouring name or number in full either.
    """
    if span is None:
        start, end = 0, min(len(text), 2 * context)
    else:
        start, end = max(0, span.start - context), min(len(text), span.end + context)
        # snap to word boundaries so the excerpt does not start mid-word
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
    pieces: list[str] = []
    cursor = start
    for sp, kind in sorted(masked_spans, key=lambda item: item[0].start):
        if sp.end <= cursor or sp.start >= end:
            continue
        s, e = max(sp.start, cursor), min(sp.end, end)
        pieces.append(scrub(text[cursor:s]))
        pieces.append(mask(text[s:e], kind))
        cursor = e
    pieces.append(scrub(text[cursor:end]))
    body = " ".join("".join(pieces).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def identity_value(value: str) -> str:
    """What makes two hits the same finding within a post: the same written string.

    Case and spelling are kept on purpose: "Kees" and "#dankjewelopakees" are two mentions the
    account manager must both remove, so each is its own finding; a literal repeat is one.
    """
    return " ".join(unicodedata.normalize("NFC", value).split())


def fingerprint(key: bytes, *parts: str) -> str:
    """Keyed hash of a finding's identity (rule, post, normalised value): stable, not reversible."""
    message = "\x1f".join(parts).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()
