"""The shared ground of the personal-data finders: word flags and the patterns several use.

Every word of a post is looked up once in a table of bit flags (`word_flags`): is it a first
name, a surname, an ordinary word, a title, a street by its ending, a cue of a special-category
finder ... The name scanner (names.py), the hashtag splitter (hashtags.py), the contact finders
(contact.py) and the analysis (analysis.py) read these flags instead of asking the lexicon again.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Collection
from itertools import compress
from typing import NamedTuple, cast

from auditor.nlp.lexicon import (
    Lexicon,
    dutch_words,
    lexicon,
    lexicon_cache,
    on_change,
    organisations,
    package_entries,
    package_list,
)
from auditor.nlp.tokens import FOLD_EXCEPTIONS, WORD
from auditor.rules.personal_data import roles, special

# Web addresses and their endings, and street-name endings: read by the contact finders and
# by the name scanner (a name inside a link or a street is no person's).
URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@.])[\w-]++(?:\.[\w-]++)*\.(?:nl|com|org|net|be|eu|nu|info|frl|de)"
    r"(?:/[^\s)]*)?",
    re.IGNORECASE,
)
# A web address's ending or start: ".nl", "www.", "://" in any case. It opens with one of its
# first characters, case-sensitively, so that `re` skips to one of them in C rather than trying
# the three at every position (2.5 -> 0.6 us a post); each branch looks back at its own.
TLD = re.compile(
    r"[.wW:](?:(?<=\.)(?i:nl|com|org|net|be|eu|nu|info|frl|de)\b|(?<=[wW])(?i:ww\.)|(?<=:)//)"
)


class WordLists(NamedTuple):
    """The word lists of the flags (auditor/lexicons/, with a school's own words merged in)."""

    street_suffixes: tuple[str, ...]  # street_suffixes.txt: Molenweg, Hegedyk
    street_end: re.Pattern[str]  # a street name by its ending (three letters before it)
    org_endings: tuple[str, ...]  # organisation_words.txt [ending]: Autobedrijf, Kwekerij
    mentions: frozenset[str]  # organisation_words.txt [mention]: secretariaat, vv, buurtcoach
    mention_endings: tuple[str, ...]  # organisation_words.txt [mention-ending]: Voedselbank
    person_verbs: frozenset[str]
    state_verbs: frozenset[str]  # "Adam woont ...": a fact's subject (analysis._fact_subjects)
    animals: tuple[str, ...]  # also at the end of a compound ("klassenkonijn Daan")
    work_words: frozenset[str]  # the works of someone (see names.PUBLIC_WORK_BEFORE)
    maker_words: frozenset[str]
    surname_titles: frozenset[str]  # "familie van Dijk" is a name, "vader van Daan" is not
    pronouns: frozenset[str]


@lexicon_cache
def word_lists() -> WordLists:
    """The lists, read once (and again when a school's own lists change)."""
    suffixes = package_entries("street_suffixes")
    orgs = organisations()
    return WordLists(
        street_suffixes=suffixes,
        street_end=re.compile(r"...(?:" + "|".join(map(re.escape, suffixes)) + r")$"),
        org_endings=orgs.ending,
        mentions=frozenset(orgs.mention),
        mention_endings=orgs.mention_ending,
        person_verbs=package_list("person_verbs"),
        state_verbs=package_list("state_verbs"),
        animals=package_entries("animal_words"),
        work_words=package_list("work_words"),
        maker_words=package_list("maker_words"),
        surname_titles=package_list("surname_titles"),
        pronouns=package_list("pronouns"),
    )


# One bit per fact about a word, so a token costs one dict look-up (see `word_flags`).
CAP = 1 << 0  # first letter upper-case
UPPER = 1 << 1  # all upper-case ("MR", "GGD")
LONG = 1 << 2  # more than one character
FIRST = 1 << 3  # a first name (or hyphenated first names)
SURNAME = 1 << 4
COMMON = 1 << 5  # an ordinary Dutch word
NAME_WORD = 1 << 6  # a first name that is also a word (Roos, Storm)
NOT_NAME = 1 << 7
INTERFIX = 1 << 8  # van, de, ter, 't ...
ORG = 1 << 9  # a business word (bakkerij, autobedrijf)
STREET = 1 << 10  # a street name by its ending
TITLE = 1 << 11  # juf, meester, opa, familie
GREETING = 1 << 12
DETERMINER = 1 << 13
PUBLIC_START = 1 << 14  # first word of a public figure's name
SURNAME_TITLE = 1 << 15
PRONOUN = 1 << 16
PERSON_VERB = 1 << 17
NAME_LIKE = 1 << 18  # see `names._Scanner.name_like`
VENUE = 1 << 19  # "De" or "Het" as written
ORG_TAIL = 1 << 20  # van, der, den, de, het, 't: may go on a business name
STREET_HEAD = 1 << 21  # van, de, der, den: may start a street name
EN = 1 << 22
EN_OF = 1 << 23
APOSTROPHE_T = 1 << 24  # "'t" (straight apostrophe)
LOWER_LONG = 1 << 25  # lower-case form longer than one character
LOWER_LONGER = 1 << 26  # lower-case form longer than two characters
LISTED_FIRST = 1 << 27  # in the first-name list as it is (no hyphen splitting)
# Cue words of the special-category finders (special.py), so they can skip their regexes.
BIRTHDATE_CUE = 1 << 28
POSSESSIVE = 1 << 29  # a first name with a possessive "'s" ("Malik's dad", "Emre's moeder")
DAY_CUE = 1 << 30
# May start a name: capitalised, a listed first name or an interfix, and not an ordinary word
# that is no name (for such a word `_Scanner.decide` says no at once). An interfix that is also
# such a word (de, van, in) may start one only after a title ("mevrouw de Vries").
CANDIDATE = 1 << 33
AFTER_TITLE = 1 << 34
LIST_NAME = 1 << 35  # capitalised first name or name-like word: may join a list of names
INITIAL_CUE = 1 << 36  # ends in a lone capital A-Z ("M", "Jan-M"): may be an initial ("M.")
STREET_SUFFIX_END = 1 << 37  # ends in a street suffix as written: an address may end here
JAAR = 1 << 38  # holds "jaar": with a day word, an age may follow ("vandaag 9 jaar")
ANIMAL = 1 << 39  # an animal or toy (klassenkonijn, cavia): the name after it is a pet's
WORK_CUE = 1 << 40  # the works of someone (verhalen, schilderijen): see `PUBLIC_WORK_BEFORE`
ADDRESS_CUE = 1 << 41  # adres, woont, familie: an address may follow (contact.CONTEXT_ADDRESS)
PUBLIC_ROLE = 1 << 42  # first word of a public office (burgemeester): see roles.public_roles
# A health or `other` term of special.py may start here (`Vocabulary.may_start`).
HEALTH_TERM = 1 << 43
OTHER_TERM = 1 << 44
# A building, institution or prize word ("Fabriek", "kingschool"): the name words before it are
# the place's (roles.named_place_word).
PLACE_HEAD = 1 << 45
# A lower-case word no name or word list knows ("ecrin", "shudaina"): in a sentence written in
# lower case it may be a name where the part it plays says so (`names._Scanner.lower_unknown`).
LOWER_UNKNOWN = 1 << 46
# Its length: longer lower-case words no list knows are compounds far more often than names
# ("luizenpluizers"); shorter ones abbreviations ("thx", "mvg").
LOWER_UNKNOWN_LENGTHS = (4, 11)
BLOCK_CUES = ORG | VENUE | STREET


def is_first(lex: Lexicon, word: str) -> bool:
    if word in lex.first_names:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in lex.first_names for p in parts)


def is_surname(lex: Lexicon, word: str) -> bool:
    if word in lex.surnames:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in lex.surnames or p in lex.first_names for p in parts)


def _word_part(lex: Lexicon, low: str) -> bool:
    """A hyphenated word with an ordinary word among its parts that is no name: "Cito-toetsen",
    "PSV-fans" (not "Anne-Fleur", "Brouwer-Dijkhuizen")."""
    if "-" not in low or is_first(lex, low) or is_surname(lex, low):
        return False
    return any(
        p in lex.common_words
        and p not in lex.first_names
        and p not in lex.surnames
        and p not in _interfix_words(lex)
        for p in low.split("-")
    )


def is_organisation(word: str) -> bool:
    """Whether a word names an organisation or makes a name one ("Stichting", "Voedselbank",
    "Jeugdfonds", "Judoclub"), or names one of its desks or functions ("secretariaat",
    "buurtcoach")."""
    low = word.lower()
    lists = word_lists()
    return (
        _is_org_word(lexicon(), low)
        or low in lists.mentions
        or (len(low) > 6 and low.endswith(lists.mention_endings))
    )


def _is_org_word(lex: Lexicon, word: str) -> bool:
    return word in lex.organisation_words or (
        len(word) > 6 and word.endswith(word_lists().org_endings)
    )


def is_street(word: str) -> bool:
    """A street name by its ending (Molenweg, Hegedyk), but not a surname such as Bakker."""
    lex = lexicon()
    return (
        word_lists().street_end.search(word) is not None
        and "-" not in word
        and not is_surname(lex, word)
        and word not in lex.first_names
    )


@functools.cache
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(re.split(r"[\s.-]", p, maxsplit=1)[0] for p in phrases)


# Particles of Arabic and Hebrew surnames (El Khatib, Ben Ali) and the curly "’t", which the
# Meertens list of tussenvoegsels leaves out.
EXTRA_PARTICLES = frozenset(("'t", "’t", "el", "al", "ben", "bin"))


def _interfix_words(lex: Lexicon) -> frozenset[str]:
    return _interfix_single(lex.interfixes)


@functools.cache
def _interfix_single(interfixes: frozenset[str]) -> frozenset[str]:
    words = {w for entry in interfixes for w in entry.split()}
    return frozenset(words | EXTRA_PARTICLES)


@lexicon_cache
def particle_pattern() -> str:
    """A surname's particle as a regex (one of several, each whole: "van der", "v.d.", "v/d",
    "el", "in 't"), any case, with the white space after it (none needed after "v.d.", "d'")."""
    entries = sorted(lexicon().interfixes | EXTRA_PARTICLES, key=len, reverse=True)
    return (
        "(?i:"
        + "|".join(
            re.escape(e).replace(r"\ ", r"\s+") + (r"\s*" if e[-1] in ".'’/" else r"\s+")
            for e in entries
        )
        + ")"
    )


_FLAGS: dict[str, int] = {}
on_change(_FLAGS.clear)  # a school's own word lists change the flags
_FLAGS_LIMIT = 50_000  # distinct spellings kept; a real archive's vocabulary stays far below


def word_flags(word: str) -> int:
    """The bit flags of `word` as written (case matters), computed once and then looked up."""
    flags = _FLAGS.get(word)
    if flags is None:
        if len(_FLAGS) >= _FLAGS_LIMIT:
            _FLAGS.clear()
        flags = _FLAGS[word] = _compute_flags(word)
    return flags


def _role_start(low: str) -> bool:
    roles = package_list("public_roles")
    last = low.rsplit("-", 1)[-1]  # "PSV-legende", "oud-wethouder", "Ajax-speler"
    return (
        low in roles
        or low in _first_words(roles)
        or last in roles
        or ("-" in low and "-" + last in roles)
    )


# A letter written three times or more in haste: "gefeliciteeerd", "hoiii", "welkommm".
DRAWN_OUT = re.compile(r"(.)\1{2,}")


def _is_drawn_out(low: str, words: Collection[str]) -> bool:
    """Whether `low` is one of `words` with a letter drawn out ("gefeliciteeerd", "hoiii")."""
    if DRAWN_OUT.search(low) is None:
        return False
    return DRAWN_OUT.sub(r"\1\1", low) in words or DRAWN_OUT.sub(r"\1", low) in words


def _compute_flags(word: str) -> int:
    if len(word) > 4 and word[-2] in "'’" and word[-1] == "s":
        stem = word_flags(word[:-2])
        if stem & (FIRST | CAP) == FIRST | CAP and not stem & NOT_NAME:
            return stem | POSSESSIVE  # "Malik's", "Emre's": the name, not "opa's" or "Cito's"
    lex = lexicon()
    lists = word_lists()
    low = word.lower()
    facts = (
        (CAP, word[0].isupper()),
        (UPPER, word.isupper()),
        (LONG, len(word) > 1),
        (FIRST, is_first(lex, low)),
        (LISTED_FIRST, low in lex.first_names),
        (SURNAME, is_surname(lex, low)),
        (COMMON, low in lex.common_words),
        (NAME_WORD, low in lex.name_words),
        (NOT_NAME, low in lex.not_names),
        (INTERFIX, low in _interfix_words(lex)),
        (ORG, _is_org_word(lex, low)),
        (STREET, word[0].isupper() and is_street(low)),
        (TITLE, low in lex.strong_titles),
        (GREETING, low in lex.greetings or _is_drawn_out(low, lex.greetings)),
        (DETERMINER, low in lex.determiners),
        (PUBLIC_START, low in _first_words(lex.public_figures)),
        (PUBLIC_ROLE, _role_start(low)),
        (SURNAME_TITLE, low in lists.surname_titles),
        (PRONOUN, low in lists.pronouns),
        (PERSON_VERB, low in lists.person_verbs),
        (VENUE, word in ("De", "Het")),
        (ORG_TAIL, low in ("van", "der", "den", "de", "het", "'t", "&")),
        (STREET_HEAD, low in ("van", "de", "der", "den")),
        (EN, low == "en"),
        (EN_OF, low in ("en", "of", "and")),
        (APOSTROPHE_T, low == "'t"),
        (LOWER_LONG, len(low) > 1),
        (LOWER_LONGER, len(low) > 2),
    )
    flags = _cue_flags(word, low)
    for bit, fact in facts:
        if fact:
            flags |= bit
    name_like = (
        flags & CAP
        and flags & LONG
        and flags & (SURNAME | FIRST | COMMON) != COMMON
        and not flags & (NOT_NAME | UPPER)
        and not _word_part(lex, low)
    )
    if name_like:
        flags |= NAME_LIKE
    if flags & (CAP | LISTED_FIRST | INTERFIX):
        if flags & (COMMON | FIRST | SURNAME) != COMMON:
            flags |= CANDIDATE
        elif flags & INTERFIX:
            flags |= AFTER_TITLE
    if flags & NAME_LIKE or flags & (CAP | FIRST) == CAP | FIRST:
        flags |= LIST_NAME
    if word[-1].isupper() and (len(word) == 1 or word[-2] in "'’-"):
        flags |= INITIAL_CUE
    if low.endswith(lists.street_suffixes):  # also "KASTANJELAAN"
        flags |= STREET_SUFFIX_END
    if low.endswith(lists.animals):
        flags |= ANIMAL
    if low.startswith(("adres", "woon", "fam")) or low.endswith("adres"):
        flags |= ADDRESS_CUE
    if low in lists.work_words or low in lists.maker_words:
        flags |= WORK_CUE
    if roles.named_place_word(word):
        flags |= PLACE_HEAD
    if special.vocabulary(special.HEALTH_FIELDS, "health_not").may_start(low):
        flags |= HEALTH_TERM
    if special.vocabulary(special.OTHER_FIELDS).may_start(low):
        flags |= OTHER_TERM
    if (
        not flags
        & (CAP | FIRST | SURNAME | COMMON | NOT_NAME | INTERFIX | HEALTH_TERM | OTHER_TERM)
        and LOWER_UNKNOWN_LENGTHS[0] <= len(low) <= LOWER_UNKNOWN_LENGTHS[1]
        and roles.unknown_lower_name(low)
        and roles.unknown_name_shape(low.capitalize())  # no compound: "schoolreisje"
        and low not in dutch_words()  # a rare word: "kerstmusical"
        and not roles.dutch_typo(low)  # "vandaaag", "morgn"
        and not special.birthday_typo(low)  # "jarug"
    ):
        flags |= LOWER_UNKNOWN
    return flags


def indices(flags: list[int], mask: int) -> list[int]:
    """Indices of the words having any flag in `mask` (looped over in C, not in Python)."""
    return list(compress(range(len(flags)), map(mask.__and__, flags)))


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, cues)))


CUE_PATTERNS = (
    (BIRTHDATE_CUE, _cue_pattern(special.BIRTHDATE_CUES)),
    (DAY_CUE, _cue_pattern(special.DAY_CUES)),
    (JAAR, _cue_pattern(("jaar",))),
)


def _cue_flags(word: str, low: str) -> int:
    if any(ch in word for ch in FOLD_EXCEPTIONS):  # a regex may read it as i or s: assume all
        return BIRTHDATE_CUE | DAY_CUE | JAAR
    flags = 0
    for bit, pattern in CUE_PATTERNS:
        if pattern.search(low):
            flags |= bit
    if special.birthday_typo(low):  # "verjaadag", "jarug"
        flags |= BIRTHDATE_CUE
    return flags


class Words(NamedTuple):
    """The word tokens of one text as parallel lists, with their flags (see `word_flags`)."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    flags: list[int]
    seen: int  # every flag of every word, or-ed together


def scan_words(text: str) -> Words:
    """Tokenise `text` (see auditor.nlp.tokens.WORD) and look up each word's flags."""
    matches = list(WORD.finditer(text))
    words = list(map(re.Match.group, matches))
    cached = list(map(_FLAGS.get, words))
    if None in cached:  # a word not seen before
        flags = [word_flags(w) if f is None else f for w, f in zip(words, cached, strict=True)]
    else:
        flags = cast(list[int], cached)  # every word was in the cache
    return Words(
        words,
        list(map(re.Match.start, matches)),
        list(map(re.Match.end, matches)),
        flags,
        functools.reduce(operator.or_, flags, 0),
    )
