"""The holder's name that a personal e-mail address spells, found in the text around it.

A personal address is mostly made of its holder's name: `rietvanbussel@…`, `a.rutjes@…`,
`gj.voskuil@…`. Masking the address alone would leave that name readable beside it ("onze
administratie, Riet van Bussel: r***@gmail.com") even where no rule took the words for a name,
so the excerpts hide the words that spell the address too (`redact.PostText`). Generous on
purpose: hiding a club's name that spells its own mailbox costs an excerpt a few words, showing
a person's name would make the auditor the leak.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from auditor.models import Span
from auditor.nlp.lexicon import lexicon

TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
WORD = re.compile(r"[^\W\d_]+")
REACH_BEFORE = 160  # how far from the address its holder's name is looked for, in characters
REACH_AFTER = 60
MIN_FULL = 3  # the longest word the address spells in full has at least this many letters
MAX_PARTS = 6  # words of a run looked at (3**6 ways to read them)
LEFT_OUT, INITIAL, IN_FULL = 0, 1, 2


def holder_spans(text: str, address: Span) -> list[Span]:
    """Spans near the e-mail address at `address` whose words, each in full, as an initial or
    left out, spell the letters of its local part ("Riet van Bussel" for rietvanbussel@,
    "Gerrit-Jan Voskuil" for gj.voskuil@)."""
    local = text[address.start : address.end].split("@", 1)[0].lower()
    letters = "".join(WORD.findall(local))
    if len(letters) < MIN_FULL:
        return []
    return list(_spelled_out(text, address, letters))


def _spelled_out(text: str, address: Span, letters: str) -> Iterator[Span]:
    lo = max(0, address.start - REACH_BEFORE)
    hi = min(len(text), address.end + REACH_AFTER)
    for run in _name_runs(text, lo, hi):
        if run[0][0] < address.end and address.start < run[-1][1]:
            continue  # the address itself
        parts = [
            (run_start + m.start(), run_start + m.end(), m.group())
            for run_start, _, token in run
            for m in WORD.finditer(token)
        ][-MAX_PARTS:]
        reading = _reading(parts, letters)
        if reading is not None:
            yield reading


def _name_runs(text: str, lo: int, hi: int) -> Iterator[list[tuple[int, int, str]]]:
    """Runs of capitalised words, only spaces between them, with the lower-case particles of
    Dutch surnames (the lexicon's interfixes: van, de, ter, ...) allowed inside."""
    particles = _particles()
    run: list[tuple[int, int, str]] = []
    for m in TOKEN.finditer(text, lo, hi):
        token = m.group()
        joined = not run or not text[run[-1][1] : m.start()].strip(" \t")
        if not joined:
            yield from _trimmed(run, particles)
            run = []
        if token[0].isupper() or run and token in particles:
            run.append((m.start(), m.end(), token))
        else:
            yield from _trimmed(run, particles)
            run = []
    yield from _trimmed(run, particles)


def _trimmed(
    run: list[tuple[int, int, str]], particles: frozenset[str]
) -> Iterator[list[tuple[int, int, str]]]:
    while run and run[-1][2] in particles:
        run = run[:-1]
    if run:
        yield run


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(w for entry in lexicon().interfixes for w in entry.split() if w.isalpha())


def _reading(parts: list[tuple[int, int, str]], letters: str) -> Span | None:
    """The widest span of `parts` whose words spell `letters`: at least one word in full (the
    longest of them >= MIN_FULL letters), the first and last word used capitalised, and no
    capitalised word left out between them (a particle may be: rietbussel@ is Riet van Bussel)."""
    best: Span | None = None
    capital = [word[0].isupper() for _, _, word in parts]
    lower = [word.lower() for _, _, word in parts]
    for ways in itertools.product((LEFT_OUT, INITIAL, IN_FULL), repeat=len(parts)):
        full = [w for w, way in zip(lower, ways, strict=True) if way == IN_FULL]
        if not full or max(map(len, full)) < MIN_FULL:
            continue
        spelled = "".join(
            w if way == IN_FULL else w[0] if way == INITIAL else ""
            for w, way in zip(lower, ways, strict=True)
        )
        if spelled != letters:
            continue
        used = [i for i, way in enumerate(ways) if way != LEFT_OUT]
        first, last = used[0], used[-1]
        if not (capital[first] and capital[last]):
            continue
        if any(capital[i] and ways[i] == LEFT_OUT for i in range(first, last + 1)):
            continue
        span = Span(parts[first][0], parts[last][1])
        if best is None or span.end - span.start > best.end - best.start:
            best = span
    return best
