"""Word and sentence helpers for the text rules (offsets always into the original text)."""

from __future__ import annotations

import re

from auditor.nlp.patterns import FOLD_EXCEPTIONS as FOLD_EXCEPTIONS
from auditor.nlp.patterns import any_of, folded

# Words may hold inner hyphens or apostrophes (Anne-Fleur, opa's); "'t" is a tussenvoegsel.
# Possessive (++, *+): a word never gives letters back, which spares the engine its bookkeeping.
WORD = re.compile(r"[^\W\d_]++(?:['’\-][^\W\d_]++)*+|['’]t\b")
SENTENCE_END = frozenset(".!?:\n…")
SKIP_BACK = frozenset(" \t'\"‘“(*-–—")
JOINERS = frozenset(",;&/)%€+#@")


def starts_sentence(text: str, start: int) -> bool:
    """True when the word at `start` opens a sentence, line or quote, or follows an emoji."""
    i = start - 1
    while i >= 0 and text[i] in SKIP_BACK:
        if text[i] in "-–—" and i > 0 and text[i - 1] not in " \n":
            return False
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    return ch in SENTENCE_END or not (ch.isalnum() or ch in JOINERS)


def sentence_opening(text: str, pos: int) -> str:
    """The first letter of the sentence that holds `pos` ("" when there is none). A full stop
    between digits ("om 17.30 uur", "€ 3.418") ends no sentence."""
    i = pos - 1
    while i >= 0 and (text[i] not in SENTENCE_END or _inside_number(text, i)):
        i -= 1
    for ch in text[i + 1 : pos + 1]:
        if ch.isalpha():
            return ch
    return ""


def lowercase(text: str) -> str:
    """The text in lower case with every offset kept (a few characters grow when lowered): the
    folded text when it is that (kept for the post, so the rules and quick looks share it)."""
    lowered = folded(text)
    if lowered is None:
        lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _inside_number(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def may_contain(text: str, keys: tuple[str, ...]) -> bool:
    """False only when no key (lower-case ASCII) occurs case-insensitively in `text`."""
    low = folded(text)
    return low is None or any_of(keys)(low)
