"""Finding one person in the stored posts (`auditor subject NAME`): pure functions, no I/O.

A post names the person when the name stands in its text as a whole word (case-insensitive),
or as a part of a hashtag or @handle written in CamelCase or with separators (`#welkomjufLieke`,
`@lieke_jansen`), or when a personal-data finding of the post covers the name (the rules split
lower-case hashtags such as `#sterreendaan`). A post whose text retention removed is matched by
what its findings keep: keyed hashes of the words of each personal-data span (`subject_keys`),
never the words themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from auditor import redact
from auditor.models import Span

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
TAG = re.compile(r"(?<![\w/])[#@]([\w.]+)", re.UNICODE)
# CamelCase parts: "welkomjufLieke" -> welkomjuf, Lieke; "JUFinge" -> JUF, inge
CAMEL = re.compile(r"[A-ZÀ-Þ]?[a-zß-ÿ]+|[A-ZÀ-Þ]+(?![a-zß-ÿ])")


def fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def name_words(name: str) -> list[str]:
    """The words of a searched name, folded: "Lieke  de Vries" -> ["lieke", "de", "vries"]."""
    return [fold(w) for w in WORD.findall(name)]


def words_of(text: str) -> list[str]:
    """Every word of a text, folded, with hashtags and handles also split into their parts."""
    words = [fold(w) for w in WORD.findall(text)]
    for tag in TAG.finditer(text):
        words.extend(fold(part) for part in CAMEL.findall(tag.group(1)))
    return words


def mentions(text: str, name: str) -> list[Span]:
    """Where `text` names `name`: whole words (all words of the name in order, any spacing),
    and hashtag/handle parts. Case-insensitive."""
    wanted = name_words(name)
    if not wanted:
        return []
    spans: list[Span] = []
    tokens = [(fold(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]
    spans += _runs(tokens, wanted)
    for tag in TAG.finditer(text):
        base = tag.start(1)
        parts = [
            (fold(p.group()), base + p.start(), base + p.end())
            for p in CAMEL.finditer(tag.group(1))
        ]
        spans += [s for s in _runs(parts, wanted) if not _inside_any(s, spans)]
    return sorted(spans, key=lambda s: s.start)


def _runs(tokens: list[tuple[str, int, int]], wanted: list[str]) -> list[Span]:
    n = len(wanted)
    return [
        Span(tokens[i][1], tokens[i + n - 1][2])
        for i in range(len(tokens) - n + 1)
        if [t[0] for t in tokens[i : i + n]] == wanted
    ]


def _inside_any(span: Span, spans: Iterable[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def covered_by(text: str, spans: Iterable[Span], name: str) -> list[Span]:
    """The finding spans whose words hold every word of `name` (for names the rules found
    inside lower-case hashtags, where no word boundary shows them)."""
    wanted = set(name_words(name))
    if not wanted:
        return []
    return [s for s in spans if wanted <= set(words_of(text[s.start : s.end]))]


def subject_key(key: bytes, word: str) -> str:
    """Keyed hash of one folded word: lets `subject` match a purged post without its text."""
    return redact.fingerprint(key, "subject", fold(word))[:32]


def subject_keys(key: bytes, value: str) -> list[str]:
    """The keys of every word (and hashtag part) of a finding's span text."""
    return sorted({subject_key(key, w) for w in words_of(value)})


def names_key_set(key: bytes, name: str) -> set[str]:
    return {subject_key(key, w) for w in name_words(name)}
