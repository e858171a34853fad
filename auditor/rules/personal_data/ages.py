"""A person's age read from the structure of its clause, not from a fixed phrase.

A number is an age when it is the complement of an age verb or noun and the clause speaks of a
person:
- after a verb that takes an age (age_verbs.txt: "wordt", "werd", "is", regional "weurt"), with
  only fillers between (age_fillers.txt: "vandaag", "vorige week", "in de herfstvakantie",
  "allebei net") or the subject itself ("Vandaag wordt opa Henk 80");
- without a verb, right after a name ("hafsa 8 jaar vandaag", "Nassim – 7 jaar & trots", "Mees
  (bijna 7)") or opening a sentence after one ("Zeve jaor al!"), when a unit, a time word or a
  small adverb marks it as an age;
- an ordinal after a possessive that ends the phrase or names the birthday ("met je 10de!!",
  "Jorrits zevende verjaardag").
The number then ends its phrase: a unit (age_units.txt), a participle ("geworden", regional
"geworre"), a time word, a conjunction or the clause's end may follow it (age_after_words.txt),
nothing else: "8 uur", "8 euro", "8 leerlingen", "8 mei" and "groep 8" are no ages, nor are
decimals, times and scores ("12,5 jaar", "8.30", "3-1"). The clause's subject is a person: a
name (also in "de opa van Kerem"), a title or relative ("onze juf", "de baby") or a pronoun
with a person named in its sentence or the one before; a thing or an animal between them and
the verb ("de molen, die is 250 jaar oud") takes the age.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from auditor.models import Span
from auditor.nlp.lexicon import lexicon_cache, package_list
from auditor.nlp.tokens import WORD

MAX_AGE = 120
MAX_FILLERS = 5  # words between the verb and the age
# Words that open a noun phrase: one between the person and the verb makes another subject.
DETERMINERS = frozenset(("de", "het", "die", "dat", "deze", "dit"))
# Fillers that open a phrase of time ("in de zomervakantie", "op zondag"): right before a
# number they make it that phrase's ("op 8 mei", "de 8e"), no age.
OPENS_A_PHRASE = frozenset(
    ("in", "op", "tijdens", "sinds", "de", "dit", "deze", "vorige", "afgelopen", "komende")
)
# Words that may stand before a name between the verb and the age: "wordt onze kleine Noa 5".
BEFORE_NAME = frozenset(("onze", "ons", "de", "kleine", "lieve"))
POSSESSIVES = frozenset(("je", "jouw", "zijn", "haar", "z'n", "d'r", "mijn", "dien", "his", "her"))
# Not "ik": the writer, or a quoted child whose name follows the quote.
SUBJECT_PRONOUNS = frozenset(("hij", "zij", "ze", "jij", "je", "hy", "sy", "se", "he", "she"))
# Another subject than a third person: the scan for the subject stops at one.
OTHER_SUBJECTS = frozenset(("ik", "we", "wij", "jullie", "u", "men"))
# Before a birthday as a threshold, not a date: "welkom vanaf zijn vierde verjaardag".
THRESHOLD = frozenset(("vanaf", "tot", "na", "sinds", "rond"))
# Between a name and an age without a verb: "Nassim – 7 jaar", "Mees (bijna 7)", "Kyan, pas 6".
SEPARATORS = frozenset(("–", "—", "-", ":", ",", "("))
ADVERBS = frozenset(("al", "pas", "net", "bijna", "nu"))
# Words after an age that mark it so without a verb, kept in the age's span.
TIME_AFTER = frozenset(("vandaag", "morgen", "gisteren", "today", "al", "alweer"))
CLOSERS = frozenset(("!", ".", ",", ";", ")", "?", ":", "&", '"', "”"))
ORDINAL_ENDINGS = ("ste", "de", "e")

TOKEN = re.compile(
    r"(?P<keycap>\d\ufe0f?\u20e3)"
    r"|(?P<num>\d+(?:[.,:/]\d+)*)(?P<suffix>-?[^\W\d_]+|-\d+)?"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<mark>[^\w\s])"
)
KEYCAP = "\u20e3"
DIGIT = re.compile(r"\d")
# A number in digits with what is written onto it: "8", "10de", "12,5", "3-1", "4️⃣".
NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*(?:-?[^\W\d_]+|-\d+)?(?:\ufe0f?\u20e3)?")
GROUP_NAMED = re.compile(r"\bgroep(?:en)?\s*\d", re.IGNORECASE)
CLAUSE_STOP = re.compile(r"[.!?;:](?=\s|$)|\n")
CLAUSE_REACH = 300  # characters looked back for a clause's start
# The word after a number, or nothing when a mark or the end comes first.
NEXT_WORD = re.compile(r"[^\S\n]*([^\W\d_]+)?")


class Kind(Enum):
    NUMBER = "number"  # an age a number may be: "8", "acht", "4️⃣"
    ORDINAL = "ordinal"  # "10de", "zevende"
    OTHER_NUMBER = "other"  # "8.30", "3-1", "12,5", "8e plaats" read as no age
    WORD = "word"
    MARK = "mark"  # punctuation or an emoji


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str  # lower case
    start: int
    end: int


@dataclass(frozen=True)
class Words:
    """The lexicons the finder reads, lower case."""

    verbs: frozenset[str]
    participles: frozenset[str]
    units: frozenset[str]
    fillers: frozenset[str]
    after: frozenset[str]
    numbers: frozenset[str]
    ordinals: frozenset[str]  # "zevende", "zeventigste": read from the number words
    persons: frozenset[str]  # titles, relatives, pointers: "juf", "opa", "baby"
    birthday: frozenset[str]  # "verjaardag": an ordinal before it is an age


@lexicon_cache
def words() -> Words:
    return Words(
        verbs=package_list("age_verbs"),
        participles=package_list("age_participles"),
        units=package_list("age_units"),
        fillers=package_list("age_fillers"),
        after=package_list("age_after_words"),
        numbers=(numbers := package_list("age_number_words")),
        ordinals=frozenset(n + e for n in numbers for e in ("de", "ste")),
        persons=package_list("name_titles")
        | package_list("kin_words")
        | package_list("baby_words")
        | (package_list("person_pointers") - POSSESSIVES),
        birthday=frozenset(("verjaardag", "verjaordaag", "birthday")),
    )


def may_hold_an_age(text: str, lowered: Sequence[str]) -> bool:
    """Whether `text` holds a number an age may be (a digit, or a number word among its
    words, `lowered`): the quick look before the birthday finder runs on a post without a
    birthday cue word."""
    numbers = words().numbers
    return DIGIT.search(text) is not None or any(word in numbers for word in lowered)


def tokens_of(text: str, w: Words, lo: int = 0, hi: int | None = None) -> list[Token]:
    return [_token(m, w) for m in TOKEN.finditer(text, lo, len(text) if hi is None else hi)]


def _token(m: re.Match[str], w: Words) -> Token:
    start, end = m.span()
    group = m.lastgroup
    text = m.group()
    if group == "word":
        word = text.lower()
        if word in w.numbers:
            return Token(Kind.NUMBER, word, start, end)
        return Token(Kind.ORDINAL if word in w.ordinals else Kind.WORD, word, start, end)
    if group == "mark":
        return Token(Kind.MARK, text, start, end)
    if group == "keycap":
        return Token(Kind.NUMBER, text[0] + KEYCAP, start, end)  # "Lina 4️⃣": an age
    number = m.group("num")
    suffix = text[len(number) :].lower()
    if not number.isdigit() or not 0 < int(number) <= MAX_AGE:
        return Token(Kind.OTHER_NUMBER, text.lower(), start, end)
    if suffix in ORDINAL_ENDINGS:
        return Token(Kind.ORDINAL, text.lower(), start, end)
    return Token(Kind.NUMBER if not suffix else Kind.OTHER_NUMBER, text.lower(), start, end)


@dataclass(frozen=True)
class _Clause:
    tokens: list[Token]
    people: Sequence[Span]
    sentences: list[Span]
    w: Words
    names: frozenset[str]  # the people's names, lower case: "Jorrits" is Jorrit's
    birthday_post: bool
    groups_named: bool  # the text writes its groups out ("groep 1"): "(4)" is no group

    def person_at(self, i: int) -> Span | None:
        t = self.tokens[i]
        return next((p for p in self.people if p.start <= t.start < p.end), None)

    def genitive(self, i: int) -> bool:
        """Token `i` is a named person's genitive: "Jorrits", "Anika's"."""
        word = self.tokens[i].text
        return word.endswith("s") and word.removesuffix("s").removesuffix("'") in self.names

    def is_person(self, i: int) -> bool:
        t = self.tokens[i]
        return self.person_at(i) is not None or t.text in self.w.persons

    def named_near(self, i: int) -> bool:
        """A person is named in the sentence of token `i` or the one before."""
        pos = self.tokens[i].start
        idx = bisect_right(self.sentences, pos, key=lambda s: s.start) - 1
        if idx < 0:
            return False
        lo = self.sentences[max(0, idx - 1)].start
        return any(lo <= p.start < self.sentences[idx].end for p in self.people)


def find_ages(
    text: str,
    people: Sequence[Span],
    sentences: list[Span],
    birthday_post: bool = False,
    text_words: TextWords | None = None,
) -> list[Span]:
    """The ages said of a person in `text` (see the module's doc), as spans from the verb or
    name's separator to the end of the age; in a post about birthdays (`birthday_post`) a bare
    number after a name and a dash is one too ("🎂 Ilyas – 8"). Only the clauses of numbers
    that may end an age are read word by word; `text_words`: the text's words (WORD), when the
    caller has them."""
    if not people:
        return []
    w = words()
    names = frozenset(text[p.start : p.end].lower() for p in people)
    found: list[Span] = []
    read_to = -1
    for start, end in _numbers(text, w, text_words or TextWords.of(text)):
        if start < read_to or not _may_end_an_age(text, end, w):
            continue
        lo, read_to = _clause_around(text, start)
        tokens = tokens_of(text, w, lo, read_to)
        groups = GROUP_NAMED.search(text) is not None
        found += _ages_in(_Clause(tokens, people, sentences, w, names, birthday_post, groups))
    return found


@dataclass(frozen=True)
class TextWords:
    """A text's words (WORD) in lower case, with their offsets."""

    lowered: Sequence[str]
    starts: Sequence[int]
    ends: Sequence[int]

    @classmethod
    def of(cls, text: str) -> TextWords:
        matches = list(WORD.finditer(text))
        return cls(
            [m.group().lower() for m in matches],
            [m.start() for m in matches],
            [m.end() for m in matches],
        )


def _numbers(text: str, w: Words, tw: TextWords) -> list[tuple[int, int]]:
    """Where the numbers an age may be stand, in text order: digits, keycaps, number words and
    their ordinals, "een" before a unit."""
    found = [(m.start(), m.end()) for m in NUMBER.finditer(text)]
    lowered = tw.lowered
    spelled = [
        (tw.starts[k], tw.ends[k])
        for k, word in enumerate(lowered)
        if word in w.numbers
        or word in w.ordinals
        or word == "een"
        and k + 1 < len(lowered)
        and lowered[k + 1] in w.units
    ]
    return sorted(found + spelled) if spelled else found


def _ages_in(clause: _Clause) -> list[Span]:
    found = []
    tokens = clause.tokens
    last_end = -1  # the last token of the last age found
    for i, t in enumerate(tokens):
        if t.kind is Kind.NUMBER or _one_before_a_unit(clause, i):
            end = _age_end(clause, i)
            if end is None:
                continue
            start = _verb_before(clause, i)
            if start is None:
                start = _verbless(clause, i, end)
            if start is None:
                start = _gapped(clause, i, last_end)
            if start is not None:
                found.append(Span(tokens[start].start, tokens[end].end))
                last_end = end
        elif t.kind is Kind.ORDINAL and _birthday_ordinal(clause, i):
            named = i + 1 < len(tokens) and tokens[i + 1].text in clause.w.birthday
            found.append(Span(t.start, tokens[i + 1 if named else i].end))
    return found


def _gapped(c: _Clause, i: int, last_end: int) -> int | None:
    """The verb left out after an age: "Sem is 8 en Lotte 6", "werd Daan 7 en zijn zus Fien
    10": "en", a person (a title, relative or possessive before the name), then the number.
    Returns the first token of the person, else None."""
    toks = c.tokens
    k = i - 1
    named = False
    while k > 0 and (
        c.person_at(k) is not None
        or toks[k].text in c.w.persons
        or toks[k].text in POSSESSIVES
        or toks[k].text in BEFORE_NAME
    ):
        named = named or c.person_at(k) is not None
        k -= 1
    return k + 1 if named and toks[k].text == "en" and k - 1 == last_end else None


def _may_end_an_age(text: str, end: int, w: Words) -> bool:
    """The quick look: the word after the number (found up to `end`) may follow an age (not
    "8 uur", "8 euro", "8 mei", "groep 8a")."""
    m = NEXT_WORD.match(text, end)
    if m is None or not m.group(1):
        return True  # the end, a mark or an emoji
    word = m.group(1).lower()
    return (
        word in w.units
        or word in w.after
        or word in w.participles
        or word in w.verbs
        or (word in TIME_AFTER or word in w.birthday)
    )


def _clause_around(text: str, pos: int) -> tuple[int, int]:
    """The clause holding `pos`: from after the last stop (. ! ? ; : before white space, or a
    line break) to its own stop, included."""
    lo = 0
    for m in CLAUSE_STOP.finditer(text, max(0, pos - CLAUSE_REACH), pos):
        lo = m.end()
    stop = CLAUSE_STOP.search(text, pos)
    return lo, stop.end() if stop else len(text)


def _one_before_a_unit(c: _Clause, i: int) -> bool:
    """ "een" as a number: "is vandaag een maand oud"."""
    toks = c.tokens
    return (
        toks[i].text == "een"
        and i + 2 < len(toks)
        and toks[i + 1].text in c.w.units
        and toks[i + 2].text in ("oud", "old")
    )


def _age_end(c: _Clause, i: int) -> int | None:
    """The last token of the age that starts at number `i` (a unit, "oud", a participle after
    it), when what follows lets it be an age; else None."""
    toks, w = c.tokens, c.w
    j = i
    if j + 1 < len(toks) and toks[j + 1].text in w.units:
        j += 1
        if j + 1 < len(toks) and toks[j + 1].text in ("oud", "old", "jong"):
            j += 1
    if j + 1 < len(toks) and toks[j + 1].text in w.participles:
        j += 1
    if j + 1 >= len(toks):
        return j
    nxt = toks[j + 1]
    if nxt.kind is Kind.MARK:
        return j if _closes(nxt) else None
    if nxt.text in TIME_AFTER:
        return j + 1  # "hafsa 8 jaar vandaag": the time word belongs to the age
    if nxt.text in w.after or nxt.text in w.participles or nxt.text in w.verbs:
        return j
    return None


def _verb_before(c: _Clause, i: int) -> int | None:
    """The age verb before number `i`, with only fillers between (or the subject: "wordt opa
    Henk 80"), whose clause speaks of a person; its index, else None."""
    toks, w = c.tokens, c.w
    k = i - 1
    if k >= 0 and toks[k].text in OPENS_A_PHRASE:
        return None  # "is op 8 en 9 mei op kamp": the number is a date's
    fillers = 0
    subject_between = False
    while k >= 0 and fillers <= MAX_FILLERS:
        t = toks[k]
        if t.kind is Kind.WORD and t.text in w.verbs:
            if subject_between or _person_subject(c, k):
                return k
            return None
        if c.person_at(k) is not None:
            subject_between = True
        elif t.kind is not Kind.WORD or not _between_verb_and_age(t.text, w, subject_between):
            return None
        fillers += 1
        k -= 1
    return None


def _between_verb_and_age(word: str, w: Words, subject_between: bool) -> bool:
    """A filler, or (beside the subject that follows its verb) a title or "onze"."""
    return word in w.fillers or subject_between and (word in BEFORE_NAME or word in w.persons)


def _person_subject(c: _Clause, verb: int) -> bool:
    """Whether the clause before the verb at `verb` has a person as its subject: the last
    person, title or pronoun before it, with no other noun phrase opened between them ("de
    molen, die is ..."), and a pronoun or title with a person named near."""
    toks = c.tokens
    for k in range(verb - 1, -1, -1):
        t = toks[k]
        if t.text in OTHER_SUBJECTS:
            return False
        if t.kind is Kind.WORD and t.text in DETERMINERS:
            if k + 1 < verb and c.is_person(k + 1):
                return True  # "de baby is ..."
            return False
        if c.person_at(k) is not None:
            return not _owned_thing(c, k)
        if t.text in c.w.persons:
            return c.named_near(k) or bool(c.people)
        if t.text in SUBJECT_PRONOUNS:
            return c.named_near(k)
    return False


def _owned_thing(c: _Clause, k: int) -> bool:
    """A name after "van" whose head is no person: "de score van Sem", not "de opa van Sem"."""
    toks = c.tokens
    j = k - 1
    while j >= 0 and c.person_at(j) is not None:
        j -= 1
    while j >= 0 and toks[j].text in c.w.persons:
        j -= 1
    if j < 1 or toks[j].text != "van":
        return False
    return not c.is_person(j - 1)


def _verbless(c: _Clause, i: int, end: int) -> int | None:
    """An age without a verb, right after a name ("hafsa 8 jaar vandaag", "Lina 4️⃣") or after
    the name and a separator ("Nassim – 7 jaar & trots", "Mees (bijna 7)", "Kyan, pas 6"; a bare
    number so in a birthday post: "Ilyas – 8", a single digit in brackets in a post that
    writes its groups out: "Welkom in groep 1! Indy (4)"), or opening a clause after the
    name's clause ("Zeve jaor al!", "Juffie Femke: 25 vandaag!"). A unit, a time word or an
    adverb marks it, a time word or "al" the clause opener.
    Returns the first token of the age, else None."""
    toks, w = c.tokens, c.w
    k = i - 1
    adverb = k >= 0 and toks[k].text in ADVERBS
    if adverb:
        k -= 1
    first = k + 1
    tail = {toks[j].text for j in range(i + 1, end + 1)}
    timed = bool(tail & TIME_AFTER) or KEYCAP in toks[i].text
    if k >= 0 and toks[k].text in SEPARATORS:
        # a single digit in brackets where groups are written out: "Yasmina (5)", not "juf
        # Merel (24)", a class's size
        single = toks[i].text.isdigit() and len(toks[i].text) == 1
        closed = end + 1 < len(toks) and toks[end + 1].text == ")"
        bracketed = toks[k].text == "(" and single and closed and c.groups_named
        marked = adverb or timed or bool(tail & w.units) or c.birthday_post or bracketed
        return first if marked and k > 0 and c.person_at(k - 1) is not None else None
    if k >= 0 and c.person_at(k) is not None:
        return first if timed or adverb else None
    opens = all(t.kind is Kind.MARK for t in toks[: k + 1])
    return first if opens and tail & TIME_AFTER and c.named_near(i) else None


def _birthday_ordinal(c: _Clause, i: int) -> bool:
    """An ordinal after a possessive that names a birthday or ends the phrase ("met je
    10de!!", "haar 45e 🎂", "mijn 35e verjaardag"), or after a name's genitive that names it
    ("Jorrits zevende verjaardag"); not a threshold ("vanaf zijn vierde verjaardag")."""
    toks, w = c.tokens, c.w
    if i == 0 or i >= 2 and toks[i - 2].text in THRESHOLD:
        return False
    named = i + 1 < len(toks) and toks[i + 1].text in w.birthday
    if c.genitive(i - 1) or c.person_at(i - 1) is not None and toks[i - 1].text.endswith("s"):
        return named
    if toks[i - 1].text not in POSSESSIVES:
        return False
    if named:
        return True
    ends = i + 1 >= len(toks) or toks[i + 1].kind is Kind.MARK and _closes(toks[i + 1], {",", "&"})
    return ends and c.named_near(i)


def _closes(t: Token, but: frozenset[str] | set[str] = frozenset()) -> bool:
    """A mark that ends an age's phrase: punctuation (CLOSERS) or an emoji."""
    return t.text not in but and (t.text in CLOSERS or not t.text.isascii())
