"""Masking and fingerprinting: the auditor must never become a privacy leak itself.

Raw personal data lives only in memory during a run. What is stored, printed or mailed is a
masked form (`06-****-**78`, `S*** uit groep 5`) and a keyed hash (HMAC) that identifies the
finding across runs without being reversible by brute force.
"""

from __future__ import annotations

import functools
import hmac
import re
import unicodedata
from collections.abc import Iterable

from auditor.models import PDKind, Span
from auditor.nlp.lexicon import package_list
from auditor.nlp.mailbox import holder_spans

EXCERPT_CONTEXT = 40
PERSON_KINDS = frozenset({PDKind.NAME, PDKind.SOCIAL_HANDLE})
# A sentence holding a special-category fact speaks about a person as much as one holding their
# name: the sentences beside it often go on about them ("... naar Rotterdam. Haar vader is nog in
# Oekraïne.") or name them where the name finder did not ("Nieuw in de klas: Sargon. Hij moet ...").
FACT_KINDS = frozenset({PDKind.HEALTH, PDKind.OTHER, PDKind.BIRTHDATE})
HIDDEN = "[…]"
# Words an excerpt keeps in a sentence about a person: they carry the sentence's shape, never a
# fact about the person (articles, prepositions, pronouns, auxiliaries, school words).
KEEP_WORDS = frozenset(
    """de het een en of van in op met voor naar bij uit aan om te tot als dat die dit deze ook
    maar niet wel er we wij jullie u uw ons onze zij ze hij hem haar zijn hun is was heeft
    hebben had wordt werd mag kan gaat juf meester groep gr klas school de't it in fan op mei
    foar nei by út oan om ta as dat dy dit ek mar net wol wy jim jo sy se hy him har syn is wie
    hat wurdt waard""".split()
)
# Where a sentence or line breaks: white space after . ! ? … before a capital, or line breaks.
# It opens with the white space and looks back past it, so `re` skips in C to white space (as
# "(?<=[.!?…])\s+(?=[^\W\d_a-z])|\n+", which tried every position: 13.6 -> 4.7 us a post).
_SENTENCE_BREAK = re.compile(r"\s(?:(?<=[.!?…]\s)\s*(?=[^\W\d_a-z])|(?<=\n)\n*)")
_TOKEN = re.compile(r"\w+(?:[.,'’/-]\w+)*", re.UNICODE)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_GROUP_WORD = re.compile(r"(?:groep|gr)\.?\s*$", re.I)
_DIGIT_RUN = re.compile(r"\+?\d[\d\s().-]{4,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# an e-mail address, or else an @-handle (Instagram's may hold dots)
_EMAIL_OR_HANDLE = re.compile(rf"(?P<email>{_EMAIL.pattern})|(?<![\w.@])@\w+(?:\.\w+)*")
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
_HAS_DIGIT = re.compile(r"\d").search
# A number shaped as an age, a grade, an ordinal or a day ("11", "35e", "8,5", "12 maart"), not an
# amount, a price, a time, a share or a measure ("€ 2,50", "3 voor € 5", "10:30", "10 uur", "50%",
# "5 km"), which say nothing of a person.
_PERSONAL_NUMBER = re.compile(
    r"(?<![€$\d.,:/-])(?<!€\s)\b\d{1,3}(?:,\d)?(?:e|ste|de)?\b"
    r"(?![.,:/-]?\d|\s*(?:%|€|euro|uur|u\b|min|km|kilo|kg|liter|meter|graden|voor\s*€))",
    re.IGNORECASE,
)


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
        return _mask_words(value)  # "wordt vandaag 8" -> "w*** v*** *"
    if kind == PDKind.PLATE:
        return value[:1] + re.sub(r"[A-Za-z0-9]", "*", value[1:])
    if kind == PDKind.ADDRESS:
        return _mask_digits(_mask_words(value), 0, 0)
    return _mask_words(value)


def scrub(text: str) -> str:
    """Defence in depth for excerpts: mask any long digit run, e-mail or @-handle a rule did not
    claim (a handle a rule let pass, an organisation's say, is still someone's account name)."""
    if "@" in text:
        text = _EMAIL_OR_HANDLE.sub(_mask_email_or_handle, text)
    if _HAS_DIGIT(text) is None:  # most of a post: nothing to look for
        return text
    return _DIGIT_RUN.sub(lambda m: _mask_digits(m.group(0), 2, 2), text)


def _mask_email_or_handle(match: re.Match[str]) -> str:
    kind = PDKind.EMAIL if match.group("email") else PDKind.SOCIAL_HANDLE
    return mask(match.group(0), kind)


def personal_sentences(text: str, spans: Iterable[tuple[Span, str]]) -> list[tuple[int, int]]:
    """The sentences (start, end) that speak about a person found in the text.

    A sentence (or list line) holding a name, a handle or a special-category fact speaks about a
    person, and so do its neighbours: the sentence after it goes on about them ("Hij ...",
    "Haar ..."), the one before often introduces them ("Mats moet om 10 uur zijn bloedsuiker
    laten prikken. Juf Esther helpt hem"), and a list line sits among other lines of names. What
    these sentences say (a grade, an age, an illness, a move to foster care) is what makes a name
    personal data.
    """
    anchors = PERSON_KINDS | FACT_KINDS
    persons = sorted(sp.start for sp, kind in spans if kind in anchors)
    if not persons:
        return []
    sentences = _sentences(text)
    hits = [any(s <= p < e for p in persons) for s, e in sentences]
    return [
        sentence
        for i, sentence in enumerate(sentences)
        if hits[i] or (i > 0 and hits[i - 1]) or (i + 1 < len(hits) and hits[i + 1])
    ]


def _sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence or list line of `text`, end to end."""
    sentences, start = [], 0
    for stop in [m.start() for m in _SENTENCE_BREAK.finditer(text)] + [len(text)]:
        sentences.append((start, stop))
        start = stop
    return sentences


def pronoun_sentences(text: str, about_persons: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, other than `about_persons`, that speak of a person by a pronoun ("dat hij
    al 11 is", "voor mijn 35e verjaardag"): no name makes them personal, but a number in them is
    an age, a grade or a date of that person as much as beside a name."""
    if _HAS_DIGIT(text) is None:
        return []
    pronoun = _pronoun_word().search
    if pronoun(text) is None:
        return []
    taken = set(about_persons)
    return [
        (s, e)
        for s, e in _sentences(text)
        if (s, e) not in taken and _HAS_DIGIT(text, s, e) and pronoun(text, s, e)
    ]


@functools.cache
def _pronoun_word() -> re.Pattern[str]:
    """A word that speaks of a person without naming them (excerpt_pronouns.txt)."""
    words = package_list("excerpt_pronouns")
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b", re.I)


def hide_numbers(text: str, before: str = "") -> str:
    """Hide the numbers of `text` shaped as an age, a grade or a date ("al ** is", "**e
    verjaardag"), but a group number ("groep 5"); amounts and times stay (`_PERSONAL_NUMBER`)."""

    def one(match: re.Match[str]) -> str:
        if _after_group_word(text, before, match.start()):
            return match.group(0)
        return re.sub(r"\d", "*", match.group(0))

    return _PERSONAL_NUMBER.sub(one, text)


def hide_context(text: str, before: str = "") -> str:
    """Hide every word of a sentence about a person but its shape words; runs become "[…]".

    Numbers go too (a grade, an age, a birthday), except a group number ("groep 5").
    `before` is the text preceding `text`, to see a "groep" just before a number.
    """
    parts = _TOKEN_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    out: list[str] = []
    hidden = False
    at = len(parts[0])
    for k in range(1, len(parts), 2):
        word, gap = parts[k], parts[k - 1]
        if word.lower() in KEEP_WORDS or (word.isdigit() and _after_group_word(text, before, at)):
            out.append(gap + word)
            hidden = False
        elif hidden and not gap.strip():
            pass  # one "[…]" for a run of hidden words
        else:
            out.append(gap + HIDDEN)
            hidden = True
        at += len(word) + len(parts[k + 1])
    out.append(parts[-1])
    return "".join(out)


def _after_group_word(text: str, before: str, at: int) -> bool:
    """Whether `before + text[:at]` ends in "groep"/"gr" (a dot and spaces may follow), as
    `_GROUP_WORD` says, looking at the end only: the regex tried every position of the prefix
    for every number of a sentence about a person."""
    head = (before + text[:at]).rstrip()
    if head.endswith("."):
        head = head[:-1]
    return head[-5:].lower().endswith(("groep", "gr"))


def excerpt(
    text: str,
    span: Span | None,
    masked_spans: Iterable[tuple[Span, str]],
    context: int = EXCERPT_CONTEXT,
) -> str:
    """A one-line window of `text` around `span`, with every sensitive span in it masked.

    `masked_spans` are (span, kind) pairs of all personal data found in the post, so the
    window never shows a neighbouring name or number in full either; in a sentence about a
    person only its shape words stay readable (`personal_sentences`, `hide_context`).
    """
    return PostText(text, masked_spans).excerpt(span, context)


class PostText:
    """A post's text prepared once for the excerpts of all its findings: the sensitive spans
    sorted and the sentences about persons found (both the same for every finding)."""

    def __init__(self, text: str, masked_spans: Iterable[tuple[Span, str]]) -> None:
        self.text = text
        spans = list(masked_spans)
        spans += _mailbox_holders(text, spans)
        self.spans = sorted(spans, key=lambda item: item[0].start)
        self.about_persons = personal_sentences(text, self.spans)
        self.hidden_sentences = sorted(
            [(s, e, hide_context) for s, e in self.about_persons]
            + [(s, e, hide_numbers) for s, e in pronoun_sentences(text, self.about_persons)],
            key=lambda sentence: sentence[0],
        )
        self._pieces: dict[tuple[int, int], str] = {}
        self._masks: dict[tuple[int, int, str], str] = {}

    def excerpt(self, span: Span | None, context: int = EXCERPT_CONTEXT) -> str:
        """`excerpt()` of this text around `span`."""
        text = self.text
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
        for sp, kind in self.spans:
            if sp.end <= cursor or sp.start >= end:
                continue
            s, e = max(sp.start, cursor), min(sp.end, end)
            pieces.append(self._plain(cursor, s))
            pieces.append(self._masked(s, e, kind))
            cursor = e
        pieces.append(self._plain(cursor, end))
        body = " ".join("".join(pieces).split())
        return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")

    def _plain(self, a: int, b: int) -> str:
        """Unclaimed text from a to b: scrubbed, and hidden where it speaks about a person.
        Kept per (a, b): the windows of a post's findings overlap and share most pieces."""
        key = (a, b)
        done = self._pieces.get(key)
        if done is None:
            done = self._pieces[key] = self._render(a, b)
        return done

    def _render(self, a: int, b: int) -> str:
        text, parts, cursor = self.text, [], a
        for s, e, hide in self.hidden_sentences:
            if e <= cursor or s >= b:
                continue
            s, e = max(s, cursor), min(e, b)
            parts.append(scrub(text[cursor:s]))
            parts.append(hide(scrub(text[s:e]), text[max(0, s - 10) : s]))
            cursor = e
        parts.append(scrub(text[cursor:b]))
        return "".join(parts)

    def _masked(self, s: int, e: int, kind: str) -> str:
        key = (s, e, kind)
        done = self._masks.get(key)
        if done is None:
            done = self._masks[key] = mask(self.text[s:e], kind)
        return done


def identity_value(value: str) -> str:
    """What makes two hits the same finding within a post: the same written string.

    Case and spelling are kept on purpose: "Kees" and "#dankjewelopakees" are two mentions the
    account manager must both remove, so each is its own finding; a literal repeat is one.
    """
    return " ".join(unicodedata.normalize("NFC", value).split())


def fingerprint(key: bytes, *parts: str) -> str:
    """Keyed hash of a finding's identity (rule, post, normalised value): stable, not reversible."""
    mac = _keyed(key).copy()
    mac.update("\x1f".join(parts).encode("utf-8"))
    return mac.hexdigest()


@functools.lru_cache(maxsize=8)
def _keyed(key: bytes) -> hmac.HMAC:
    """HMAC-SHA256 with `key` taken in once: each fingerprint copies it rather than hashing the
    padded key again (`hmac.digest` did: 4.0 -> 2.3 us a fingerprint). Never updated itself."""
    return hmac.new(key, digestmod="sha256")


def _mailbox_holders(text: str, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """The words that spell a masked personal e-mail address, hidden like a name wherever no
    masked span covers them already (`auditor.nlp.mailbox`)."""
    holders: list[tuple[Span, str]] = []
    for span, kind in spans:
        if kind != PDKind.EMAIL:
            continue
        for found in holder_spans(text, span):
            taken = sorted((s for s, _ in spans + holders), key=lambda s: s.start)
            holders += [(piece, PDKind.NAME) for piece in _uncovered(text, found, taken)]
    return holders


def _uncovered(text: str, span: Span, taken: list[Span]) -> list[Span]:
    """The words of `span` that no span of `taken` (sorted) covers: "van Bussel" when only
    "Riet" of "Riet van Bussel" was masked already."""
    pieces, cursor = [], span.start
    for t in taken:
        if t.end <= cursor or t.start >= span.end:
            continue
        pieces.append(Span(cursor, max(cursor, t.start)))
        cursor = max(cursor, t.end)
    pieces.append(Span(cursor, span.end))
    return [trimmed for p in pieces if (trimmed := _strip(text, p)) is not None]


def _strip(text: str, span: Span) -> Span | None:
    piece = text[span.start : span.end]
    if not piece.strip():
        return None
    start = span.start + len(piece) - len(piece.lstrip())
    return Span(start, span.end - (len(piece) - len(piece.rstrip())))
