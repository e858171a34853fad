"""Finding names of private persons in Dutch school posts.

Lexicons say what could be a name (Meertens first names and surnames, plus names of newer Dutch
communities); context decides whether it is one here: a title or relation before it ("juf",
"opa", "familie"), a greeting, a group after it ("uit groep 5"), its capital letter away from
the start of a sentence, a neighbouring name in a list. First names that are also Dutch words
(Roos, Storm, Mees) need such context; words after a business word (Bakkerij Dijkstra), a venue
article (dorpshuis De Roos), a street (Jan Steenstraat), public figures and saints never count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.models import Hit, Span
from auditor.nlp.lexicon import Lexicon, lexicon
from auditor.nlp.tokens import Token, sentence_opening, tokenize
from auditor.rules.base import RuleContext
from auditor.rules.personal_data.contact import STREET_SUFFIX, spans_overlap

ORG_SUFFIXES = (
    "bedrijf",
    "winkel",
    "shop",
    "studio",
    "school",
    "praktijk",
    "restaurant",
    "erij",
    "handel",
    "centrum",
    "opvang",
    "vereniging",
    "club",
    "zaak",
)
PERSON_VERBS = frozenset(
    "heeft had wordt werd mag mocht kreeg krijgt viert vierde zit zat won wint las leest vertelde "
    "vertelt speelde speelt maakte maakt deed doet ging gaat kwam komt en uit hield houdt is was "
    "staat stond liep loopt zong zingt danste tekende schreef".split()
)
STREET_END = re.compile(r"...(?:" + "|".join(STREET_SUFFIX) + r")$")
# Titles that take a surname, so "familie van Dijk" is a name but "vader van Daan" is not.
SURNAME_TITLES = frozenset("familie fam mevrouw mevr mw meneer dhr heer".split())
PRONOUNS = frozenset("u je jij we wij ze zij hij het er jullie ik men".split())
GROUP_AFTER = re.compile(r"\s*(?:\(\s*groep|,?\s*(?:uit|van|in)\s+groep|\(\d)", re.IGNORECASE)
HASHTAG = re.compile(r"#(\w+)")
CAMEL = re.compile(r"[A-ZÀ-Þ]?[a-zß-ÿ]+|[A-ZÀ-Þ]+(?![a-zß-ÿ])|\d+")
INITIALS = re.compile(
    r"(?<![\w.])((?:[A-Z]\.\s?){1,3})((?:(?:van|de|der|den|ter|ten|el|'t|van 't)\s)*)"
    r"([A-Z][\w’'-]+)"
)
TITLE_GAP = re.compile(r"^[ .:]{1,3}$")
GREETING_GAP = re.compile(r"^[ ,]{1,3}$")
LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+(?:en|&)\s+|\s*[,/&]\s*|\s*\)\s*,?\s*(?:en\s+)?)$")


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    reason: str


def _is_first(lex: Lexicon, word: str) -> bool:
    if word in lex.first_names:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in lex.first_names for p in parts)


def _is_surname(lex: Lexicon, word: str) -> bool:
    if word in lex.surnames:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in lex.surnames or p in lex.first_names for p in parts)


def _is_org_word(lex: Lexicon, word: str) -> bool:
    return word in lex.organisation_words or (len(word) > 6 and word.endswith(ORG_SUFFIXES))


def is_street(word: str) -> bool:
    """A street name by its ending (Molenweg, Hegedyk), but not a surname such as Bakker."""
    lex = lexicon()
    return (
        STREET_END.search(word) is not None
        and "-" not in word
        and not _is_surname(lex, word)
        and word not in lex.first_names
    )


@functools.cache
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    parts = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@functools.cache
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(re.split(r"[\s.-]", p, maxsplit=1)[0] for p in phrases)


def _interfix_words(lex: Lexicon) -> frozenset[str]:
    return _interfix_single(lex.interfixes)


@functools.cache
def _interfix_single(interfixes: frozenset[str]) -> frozenset[str]:
    words = {w for entry in interfixes for w in entry.split()}
    return frozenset(words | {"'t", "’t", "el", "al", "ben", "bin"})


def blocked_spans(text: str, tokens: Sequence[Token], ctx: RuleContext) -> list[Span]:
    """Spans that hold no private person's name: public figures, schools, businesses, venues,
    streets."""
    lex = lexicon()
    spans = []
    if any(t.lower in _first_words(lex.public_figures) for t in tokens):
        pattern = _phrase_pattern(lex.public_figures)
        spans += [Span(m.start(), m.end()) for m in pattern.finditer(text)]
    own = frozenset(p.lower() for p in (ctx.school_name, *ctx.allow.organisations) if p.strip())
    if own:
        spans += [Span(m.start(), m.end()) for m in _phrase_pattern(own).finditer(text)]
    n = len(tokens)
    for i, tok in enumerate(tokens):
        starts_org = _is_org_word(lex, tok.lower)
        venue = tok.text in {"De", "Het"} and not (
            i > 0
            and tokens[i - 1].lower in lex.strong_titles
            or i > 0
            and tokens[i - 1].capitalised
            and _is_first(lex, tokens[i - 1].lower)
            and text[tokens[i - 1].end : tok.start] == " "
        )
        if starts_org and tok.capitalised:
            spans.append(Span(tok.start, tok.end))
        if starts_org or venue:
            j = i + 1
            while (
                j < n
                and text[tokens[j - 1].end : tokens[j].start] in (" ", " '", " ‘")
                and (
                    tokens[j].capitalised
                    or tokens[j].lower in {"van", "der", "den", "de", "het", "'t", "&"}
                )
            ):
                spans.append(Span(tokens[j].start, tokens[j].end))
                j += 1
        if tok.capitalised and is_street(tok.lower):
            spans.append(Span(tok.start, tok.end))
            j = i - 1
            while (
                j >= 0
                and text[tokens[j].end : tokens[j + 1].start] == " "
                and (tokens[j].capitalised or tokens[j].lower in {"van", "de", "der", "den"})
            ):
                spans.append(Span(tokens[j].start, tokens[j].end))
                j -= 1
    return spans


class _Scanner:
    """One pass over one text: decides per token whether it starts a name, then extends it."""

    def __init__(self, text: str, tokens: list[Token], blocked: list[Span]) -> None:
        self.text = text
        self.toks = tokens
        self.lex = lexicon()
        self.interfix = _interfix_words(self.lex)
        self.blocked = (
            [any(t.start < b.end and b.start < t.end for b in blocked) for t in tokens]
            if blocked
            else [False] * len(tokens)
        )
        self.taken = [False] * len(tokens)
        self.hits: list[NameHit] = []

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start] if i > 0 else ""

    def usable(self, i: int) -> bool:
        tok = self.toks[i]
        return not (
            self.blocked[i]
            or self.taken[i]
            or tok.lower in self.lex.not_names
            or self.text[tok.start - 1 : tok.start] in ("#", "@")
        )

    def common(self, word: str) -> bool:
        return word in self.lex.common_words

    def group_after(self, i: int) -> bool:
        return bool(GROUP_AFTER.match(self.text, self.toks[i].end))

    def title_before(self, i: int) -> bool:
        prev = self.toks[i - 1] if i > 0 else None
        return (
            prev is not None
            and prev.lower in self.lex.strong_titles
            and not prev.text.isupper()  # "de MR" is the school council, not "mr." Koen
            and bool(TITLE_GAP.match(self.gap(i)))
        )

    def greeting_before(self, i: int) -> bool:
        return (
            i > 0
            and self.toks[i - 1].lower in self.lex.greetings
            and bool(GREETING_GAP.match(self.gap(i)))
        )

    def name_like(self, tok: Token) -> bool:
        """Capitalised, not an ordinary word: a plausible surname or unknown name."""
        return (
            tok.capitalised
            and len(tok.text) > 1
            and (
                _is_surname(self.lex, tok.lower)
                or _is_first(self.lex, tok.lower)
                or not self.common(tok.lower)
            )
            and tok.lower not in self.lex.not_names
            and not tok.text.isupper()
        )

    def decide(self, i: int) -> str | None:
        """The reason token i is (the start of) a name, or None."""
        tok = self.toks[i]
        lex = self.lex
        word = tok.lower
        first = _is_first(lex, word)
        ambiguous = word in lex.name_words
        if (
            self.title_before(i)
            and word in self.interfix
            and (tok.capitalised or self.toks[i - 1].lower in SURNAME_TITLES)
            and self.surname_after_interfix(i) is not None
        ):
            return f"naam na '{self.toks[i - 1].text.lower()}'"
        if word in lex.common_words and not first and not _is_surname(lex, word):
            return None
        if self.title_before(i):
            if tok.capitalised and (first or self.name_like(tok)):
                return f"naam na '{self.toks[i - 1].text.lower()}'"
            if not tok.capitalised and first and len(word) > 1:
                return f"naam na '{self.toks[i - 1].text.lower()}'"
            return None
        if tok.capitalised and first and self.greeting_before(i):
            return "naam na een aanhef"
        if tok.capitalised and first:
            nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
            if tok.sentence_start and nxt and nxt.lower in PRONOUNS and self.gap(i + 1) == " ":
                return None  # "Kent u ...": a verb opening a question
            if not ambiguous:
                return "voornaam"
            if self.group_after(i):
                return "voornaam gevolgd door een groep"
            prev = self.toks[i - 1] if i > 0 else None
            if tok.sentence_start:
                nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
                after = self.toks[i + 2] if i + 2 < len(self.toks) else None
                if (
                    nxt
                    and nxt.lower in PERSON_VERBS
                    and self.gap(i + 1) == " "
                    and (
                        nxt.lower
                        != "en"  # "Storm en regen": only "Roos en Daan" is a pair of names
                        or after is not None
                        and after.capitalised
                        and _is_first(self.lex, after.lower)
                    )
                ):
                    return "voornaam (ook een woord) als onderwerp"
                return None
            if prev and prev.lower in lex.determiners:
                return None
            return "voornaam (ook een woord) met hoofdletter"
        if (
            tok.capitalised
            and self.name_like(tok)
            and not first
            and not tok.sentence_start
            and self.group_after(i)
        ):
            return "naam gevolgd door een groep"
        if not tok.capitalised and first and not ambiguous and len(word) > 2:
            if self.group_after(i) or self.greeting_before(i):
                return "naam in kleine letters"
            if sentence_opening(self.text, tok.start).islower():
                return "naam in kleine letters"  # a sloppy all-lower-case sentence
        return None

    def extend(self, i: int) -> int:
        """Index of the last token of the full name that starts at token i."""
        j = i
        n = len(self.toks)
        while j + 1 < n:
            k = j + 1
            while (
                k < n
                and self.toks[k].lower in self.interfix
                and self.gap(k) == " "
                and (
                    not self.toks[k].capitalised
                    or k == i + 1
                    and self.title_before(i)
                    or self.toks[k].lower == "'t"
                )
            ):
                k += 1
            if k >= n or self.gap(k) != " " or not self.usable(k):
                break
            nxt = self.toks[k]
            after_interfix = k > j + 1
            if not nxt.capitalised or nxt.lower in self.lex.not_names:
                break
            if (
                after_interfix
                or _is_surname(self.lex, nxt.lower)
                or (self.name_like(nxt) and not _is_first(self.lex, nxt.lower))
            ):
                j = k
                continue
            break
        return j

    def surname_after_interfix(self, i: int) -> int | None:
        """Index of the capitalised surname after an interfix chain starting at token i."""
        k = i
        while k < len(self.toks) and self.toks[k].lower in self.interfix:
            if k > i and self.gap(k) != " ":
                return None
            k += 1
        if k < len(self.toks) and self.gap(k) == " " and self.usable(k):
            surname = self.toks[k]
            # After "familie de" any capitalised word is a surname (de Jong, van Dijk).
            if surname.capitalised and not surname.text.isupper() and len(surname.text) > 1:
                return k
        return None

    def add(self, i: int, reason: str) -> None:
        start_surname = (
            self.surname_after_interfix(i) if self.toks[i].lower in self.interfix else None
        )
        j = self.extend(start_surname if start_surname is not None else i)
        for k in range(i, j + 1):
            self.taken[k] = True
        start = self.toks[i].start
        # A title before a surname phrase ("mevrouw Van den Broek") may start with an interfix.
        self.hits.append(NameHit(start, self.toks[j].end, reason))

    def run(self) -> list[NameHit]:
        first_names, interfix = self.lex.first_names, self.interfix
        for i, tok in enumerate(self.toks):
            if not tok.capitalised and tok.lower not in first_names and tok.lower not in interfix:
                continue  # the common case: an ordinary lower-case word
            if self.usable(i) and (reason := self.decide(i)):
                self.add(i, reason)
        self.lists()
        self.initials()
        return self.hits

    def lists(self) -> None:
        """Names in a list with a found name ("Luuk en Jade") are names too."""
        changed = True
        while changed:
            changed = False
            for i, tok in enumerate(self.toks):
                if not tok.capitalised or not self.usable(i):
                    continue
                near = [
                    k
                    for k in (i - 1, i + 1)
                    if 0 <= k < len(self.toks)
                    and self.taken[k]
                    and LIST_GAP.match(self.gap(max(i, k)))
                ] + [
                    k
                    for k, mid in ((i - 2, i - 1), (i + 2, i + 1))
                    if 0 <= k < len(self.toks)
                    and self.taken[k]
                    and self.toks[mid].lower in {"en", "of"}
                    and self.gap(mid) == " "
                    and self.gap(mid + 1) == " "
                ]
                first = _is_first(self.lex, tok.lower)
                if near and (first or self.name_like(tok) and not tok.sentence_start):
                    self.add(i, "naam in een opsomming van namen")
                    changed = True

    def initials(self) -> None:
        """Initials and a surname: "M. Kowalski", "R. van Dam"."""
        for m in INITIALS.finditer(self.text):
            surname = m.group(3)
            low = surname.lower()
            if low in self.lex.not_names or (self.common(low) and not _is_surname(self.lex, low)):
                continue
            span = Span(m.start(), m.end())
            idx = [i for i, t in enumerate(self.toks) if spans_overlap(Span(t.start, t.end), span)]
            if any(self.blocked[i] for i in idx) or any(
                spans_overlap(span, Span(h.start, h.end)) for h in self.hits
            ):
                continue
            self.hits.append(NameHit(m.start(), m.end(), "voorletter en achternaam"))


def _hashtag_names(text: str) -> list[NameHit]:
    lex = lexicon()
    hits: list[NameHit] = []
    for m in HASHTAG.finditer(text):
        body, base = m.group(1), m.start(1)
        segments = [(s.group(), base + s.start()) for s in CAMEL.finditer(body)]
        if len(segments) > 1:
            for k, (seg, pos) in enumerate(segments[1:], start=1):
                low = seg.lower()
                before = segments[k - 1][0].lower()
                cue = before in lex.strong_titles or before in lex.greetings
                if (
                    seg[:1].isupper()
                    and _is_first(lex, low)
                    and (cue or low not in lex.name_words)
                    and low not in lex.not_names
                ):
                    hits.append(NameHit(pos, pos + len(seg), "naam in een hashtag"))
            continue
        low = body.lower()
        for cue in (*lex.strong_titles, *lex.greetings):
            if low.startswith(cue) and _is_first(lex, low[len(cue) :]) and len(low) - len(cue) > 2:
                hits.append(NameHit(base + len(cue), m.end(), "naam in een hashtag"))
                break
        else:
            pair = _name_pair(lex, low)
            if pair:
                a, b = pair
                hits.append(NameHit(base, base + a, "naam in een hashtag"))
                hits.append(NameHit(base + a + 2, m.end(), "naam in een hashtag"))
            elif (
                _is_first(lex, low)
                and low not in lex.name_words
                and len(low) > 3
                and low not in lex.common_words
                and low not in lex.not_names
            ):
                hits.append(NameHit(base, m.end(), "naam in een hashtag"))
    return hits


def _name_pair(lex: Lexicon, tag: str) -> tuple[int, int] | None:
    """Split "sterreendaan" into two first names joined by "en": lengths of the two names."""
    for cut in range(3, len(tag) - 4):
        if tag[cut : cut + 2] == "en":
            a, b = tag[:cut], tag[cut + 2 :]
            if (
                _is_first(lex, a)
                and _is_first(lex, b)
                and len(b) > 2
                and a not in lex.name_words
                and b not in lex.name_words
            ):
                return len(a), len(b)
    return None


@functools.cache
def _allowed_names(names: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(n.lower().split()) for n in names if n.strip())


def find_names(text: str, ctx: RuleContext, skip: Sequence[Span]) -> list[Hit]:
    """Every name of a private person in `text`; `skip` holds e-mails, links and handles."""
    tokens = tokenize(text)
    blocked = [*blocked_spans(text, tokens, ctx), *skip]
    found = _Scanner(text, tokens, blocked).run()
    found += [
        h
        for h in _hashtag_names(text)
        if not any(spans_overlap(Span(h.start, h.end), b) for b in skip)
    ]
    allowed = _allowed_names(ctx.allow.names)
    hits = []
    for h in sorted(found, key=lambda h: h.start):
        value = text[h.start : h.end]
        hits.append(
            Hit(
                span=Span(h.start, h.end),
                value=value,
                reason=h.reason,
                kind="name",
                allowed=tuple(value.lower().split()) in allowed,
            )
        )
    return hits
