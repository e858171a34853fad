"""A small word tokeniser that keeps character offsets into the original text."""

from __future__ import annotations

import re
from typing import NamedTuple

# Words may hold inner hyphens or apostrophes (Anne-Fleur, opa's); "'t" is a tussenvoegsel.
WORD = re.compile(r"['’]t\b|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
SENTENCE_END = frozenset(".!?:\n…")
SKIP_BACK = frozenset(" \t'\"‘“(*-–—")
JOINERS = frozenset(",;&/)%€+#@")


class Token(NamedTuple):
    """One word: its text, offsets, lower-case form and where it stands in its sentence."""

    text: str
    start: int
    end: int
    lower: str
    sentence_start: bool  # capitalised and first in a sentence, line, quote or after an emoji
    capitalised: bool


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in SKIP_BACK:
        if text[i] in "-–—" and i > 0 and text[i - 1] not in " \n":
            return False
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    return ch in SENTENCE_END or not (ch.isalnum() or ch in JOINERS)


def tokenize(text: str) -> list[Token]:
    """Split `text` into word tokens with offsets (numbers and punctuation are skipped)."""
    tokens = []
    for m in WORD.finditer(text):
        word = m.group()
        start = m.start()
        cap = word[0].isupper()
        # Only a capital needs explaining, so only capitalised words get the look back.
        first = cap and _starts_sentence(text, start)
        tokens.append(Token(word, start, m.end(), word.lower(), first, cap))
    return tokens


def sentence_opening(text: str, pos: int) -> str:
    """The first letter of the sentence that holds `pos` ("" when there is none)."""
    i = pos - 1
    while i >= 0 and text[i] not in SENTENCE_END:
        i -= 1
    for ch in text[i + 1 : pos + 1]:
        if ch.isalpha():
            return ch
    return ""
