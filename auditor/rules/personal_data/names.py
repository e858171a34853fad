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
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter

from auditor.models import Hit, PDKind, Span
from auditor.nlp.lexicon import lexicon, lexicon_cache, package_list, package_patterns
from auditor.nlp.patterns import gated, tree_alternation
from auditor.nlp.tokens import WORD, may_contain, sentence_opening, starts_sentence
from auditor.rules.base import RuleContext
from auditor.rules.personal_data import roles
from auditor.rules.personal_data.hashtags import hashtag_names
from auditor.rules.personal_data.words import (
    AFTER_TITLE,
    ANIMAL,
    APOSTROPHE_T,
    BLOCK_CUES,
    CANDIDATE,
    CAP,
    COMMON,
    DETERMINER,
    EN,
    EN_OF,
    EXTRA_PARTICLES,
    FIRST,
    GREETING,
    HEALTH_TERM,
    INITIAL_CUE,
    INTERFIX,
    LIST_NAME,
    LONG,
    LOWER_LONG,
    LOWER_LONGER,
    LOWER_UNKNOWN,
    NAME_LIKE,
    NAME_WORD,
    NOT_NAME,
    ORG,
    ORG_TAIL,
    OTHER_TERM,
    PERSON_VERB,
    PLACE_HEAD,
    POSSESSIVE,
    PRONOUN,
    PUBLIC_ROLE,
    PUBLIC_START,
    STREET,
    STREET_HEAD,
    SURNAME,
    SURNAME_TITLE,
    TITLE,
    TLD,
    UPPER,
    URL,
    VENUE,
    WORK_CUE,
    Words,
    indices,
    is_surname,
    particle_pattern,
    scan_words,
    word_flags,
    word_lists,
)


@lexicon_cache
def _particles() -> tuple[frozenset[str], frozenset[str]]:
    """The particles of surnames ("van der", "in 't", "el") and the words that are one only
    as part of a longer one ("in" of "in 't", "uit" of "uit de", "op" of "op den")."""
    whole = lexicon().interfixes | EXTRA_PARTICLES
    return whole, frozenset(w for e in whole for w in e.split()) - whole


def _whole_particle(words: Sequence[str]) -> bool:
    """`words` may stand between a first name and a surname: not a word that is a particle only
    inside a longer one, alone or before another ("Samira in Tilburg", "Jannes in Elspeet")."""
    whole, partial = _particles()
    return words[0].lower() not in partial or " ".join(words).lower() in whole


# "de klassencavia heet Storm", "een hond genaamd Bolt": the name after these is the animal's.
PET_NAMING = frozenset("heet heten genaamd noemen noemden".split())
# Days named after a person ("vierden we Valentijn"): after a celebrating word, a day, no one.
HOLIDAY_NAMES = frozenset(("valentijn", "sint-jan", "sint-nicolaas"))
CELEBRATE_BEFORE = re.compile(r"(?:\bvier\w*|\bfijne|\bhappy|\bop)\s+(?:\w+\s+){0,2}$", re.I)


# Works of an author, artist or historical figure: a full name after "de verhalen van" is theirs.
# (work_words.txt, maker_words.txt)
@lexicon_cache
def public_work_before() -> re.Pattern[str]:
    lists = word_lists()
    return re.compile(
        r"\b(?:(?:" + "|".join(map(re.escape, sorted(lists.work_words))) + r")\s+van"
        # "het werk van Jan Altink en Jan Wiegers": the second maker of a pair too
        r"(?:\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:van|de|der|den|[A-ZÀ-Þ][\w'’-]*)){1,3}\s+en)?|"
        r"(?:" + "|".join(map(re.escape, sorted(lists.maker_words))) + r")(?:\s+en\s+\w+)?)\s+$",
        re.IGNORECASE,
    )


# "'Brabant' van Guus Meeuwis": a full name after a quoted title and "van" is its maker's.
QUOTED_WORK_BEFORE = re.compile(r"['’\"”]\s+(?:van|door|by)\s+$")
# "We lezen ... Dikkie Dik van Jet Boeke": a full name after a capitalised title and "van", in a
# sentence about reading (initials may stand in it: "Annie M.G. Schmidt"), is the author.
READ_TITLE_BEFORE = re.compile(
    r"\b(?:lees|leest|lezen|lazen|las|voorlezen|voorgelezen)\b(?:[^.!?\n]|(?<=\b[A-Z])\.)*"
    r"[A-ZÀ-Þ]\w*\s+van\s+$"
    # "zag Het meisje met de parel van Johannes Vermeer": a painting, a song seen or heard
    r"|\b(?:zag|zagen|bekeken|bewonderden|zongen|luisterden\s+naar|hoorden)\s+"
    r"(?:[^\W\d_]+\s+){0,2}?[A-ZÀ-Þ][^.!?\n]*\s+van\s+$"
)
# "De bovenbouw hoorde over Greta Thunberg en ...", "Groep 8 leerde over Johan de Witt": a full
# name a lesson is about is a historical or public figure's (the second of a pair too).
LESSON_TOPIC_BEFORE = re.compile(
    r"\b(?:leer|leert|leerde|leerden|leren|hoorde|hoorden)\s+"
    r"(?:[^\W\d]+\s+){0,3}?over\s+"
    r"(?:[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:van|de|der|den|[A-ZÀ-Þ][\w'’-]*)){1,3}\s+en\s+)?$"
)
SEEN_OR_HEARD = re.compile(r"\b(?:zag|zagen|bekeken|bewonderden|zongen|luisterden|hoorden)\b")
CAPITAL_AFTER = re.compile(r" [A-ZÀ-Þ][^\W\d_]+")
# "groep 5", "klas 2" (a Steiner or secondary school's class), hastily "gr. 6", "gr6", "groep5"
GROUP_WORD = r"(?:(?:groep|klas)(?:\b|(?=\d))|gr\.?\s?\d)"
PUPIL_OF_GROUP = re.compile(r",?\s*uit\s+" + GROUP_WORD, re.IGNORECASE)
GROUP_AFTER = re.compile(
    r"\s*(?:\(\s*" + GROUP_WORD + r"|,?\s*(?:uit|van|in)\s+" + GROUP_WORD + r"|\(\d)",
    re.IGNORECASE,
)


@lexicon_cache
def _initials() -> re.Pattern[str]:
    """Initials, the surname's particles and the surname: "M. Kowalski", "R. van Dam", "J. v.d.
    Berg", "A. El Khatib" (particles_pattern: every tussenvoegsel, any case)."""
    return re.compile(
        r"(?<![\w.])((?:[A-Z]\.\s?){1,3})((?:" + particle_pattern() + r")*)"
        r"([A-ZÀ-ÖØ-Þ][\w’'-]+)"
    )


@lexicon_cache
def _surname_tail() -> re.Pattern[str]:
    """What may follow a name's words as the rest of its surname: particles, then the surname's
    initial ("K.", "v.d. B.", "El K.") or a surname ("v.d. Berg", "El Khatib")."""
    return re.compile(
        r"[ \t]+(?P<particles>(?:" + particle_pattern() + r")*)"
        # a surname opens with a capital: "Storm V. won" is Storm's initial, no particle "v."
        r"(?:(?P<initial>[^\W\d_])\.(?![^\W\d_.])|(?P<surname>(?![a-zß-öø-ÿ])[^\W\d_][\w’'-]*))"
    )


# The full stop after an initial, and what follows it: a lower-case word, a number or a comma
# goes on with the sentence, so the full stop is the initial's own.
INITIAL_DOT = re.compile(r"\.[ \t]*(\S)")
# "onze noa uit groep 1": the school's own pupil, not "de mees" (a bird)
POSSESSIVES_OF_A_PUPIL = frozenset(("onze", "ons"))
PUPIL_GROUP_AFTER = re.compile(r"\s*(?:\(\s*|,?\s*uit\s+)" + GROUP_WORD, re.IGNORECASE)
RELATIVE_AFTER = re.compile(r", die\s")  # "Joep, die gisteren 7 werd": a person, said of
LIST_END = re.compile(r"[!?.]")  # the last of a list ends its sentence: "dag sanne en bas!"
NEWLINE = re.compile(r"\n")
CLAUSE_END = re.compile(r"\s*(?:[,.!?:;)]|$|\s(?:en|&|voor)\s)")  # "Bedankt X voor ..."
# In a lower-case sentence also before "met": "proficiat yazan met je diploma"
LOWER_CLAUSE_END = re.compile(r"\s*(?:[,.!?:;)]|$|\s(?:en|&|voor|met)\s)")
QUOTES = frozenset("'‘\"“")
TITLE_GAP = re.compile(r"^[ .:]{1,3}$")
# One lower-case initial, interfixes, then the surname's place: "w. van dijk", "j. bakker".
# Found by its full stop, the initial looked back at: `re` skips to a "." in C, where a pattern
# opening with a lookbehind is tried at every position (14.2 -> 0.5 us a text). A match starts
# at the stop: its initial is the letter before.
LOWER_INITIAL = re.compile(
    r"\.(?<=(?<![\w.])[a-z]\.) ?((?:(?:van|de|der|den|ter|ten|el)\s)*)(?=[a-z])"
)
CONJUNCTIONS = frozenset(("en", "maar", "want"))
KIN_APPOSITION = re.compile(r"\s*[(,]\s*([^\W\d_]+)\s+van\s")  # "senait (moeder van winta)"
AMOUNT_AFTER = re.compile(r"\.?\s?\d")  # "max 14", "max. 3", "max12"
KIN_REASON = "naam na 'moeder van', 'oma van'"
VOCATIVE_END = re.compile(r"\s*(?:[!?.]|$)")
SENTENCE_ENDS = frozenset(".!?\n")
ROYAL = frozenset(("koning", "koningin"))  # a carnival youth prince(ss) is a pupil; a king none
# Titles of a ruler in office, before a name and the numeral I ("Prins Sjef I", "Keizer Karel I").
RULER_TITLES = frozenset("prins prinses koning koningin keizer keizerin paus graaf hertog".split())
REGNAL_ONE = re.compile(r" I(?![\w'’])")
# Possessives that point back to the person just named ("Efua en haar team").
PERSON_POSSESSIVES = frozenset(("haar", "zijn", "z'n"))
GREETING_GAP = re.compile(r"^[ ,]{1,3}$")
# A line of a list: its bullet or number, the label before a colon, and what may follow its word.
LINE_BULLET = re.compile(r"[ \t]*(?:[-•*·▪–]|\d{1,2}[.)])[ \t]*")
LINE_LABEL = re.compile(r"[^:\n]*\w:[ \t]+")
LINE_ITEM_TAIL = re.compile(r"[ \t]*(?:\([^)\n]*\))?[ \t]*[!.,;]?[ \t]*")
LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+(?:en|and|&)\s+|\s*[,/&]\s*|\s*\)\s*,?\s*(?:en\s+)?)$")
# The labels of a list of places or groups, each before the name that holds it: a rank ("2e
# mila, 3e yaroslav", "1e plaats: ...", "🥇jurensley 🥈...") or a group ("groep 1/2 merhawit,
# groep 3 lujain", "groep 6 - ruthmila"). Two labels of one kind in a post make such a list.
# Each opens with the class of its first characters and looks back past that one character
# ("(?<![\w.,].)" is "(?<![\w.,])" before it): `re` then skips in C to where a label can start,
# where a look back first made it try every position (13.5 -> 7.2 us a post). As written plainly
# (the same matches, see tests/rules/test_slot_labels.py):
#   (?<![\w.,])(?:[1-9]\d?(?:e|ste|de)(?:\s+(?:plaats|plek|prijs))?\s*[:.–-]?\s*|[🥇🥈🥉]\s*)(?=\w)
#   (?i)(?<!\w)(?:groep|gr\.?|klas)\s?\d{1,2}(?:\s?/\s?\d{1,2})?(?:[a-z]\b)?\s*[:–-]?\s*(?=\w)
SLOT_LABELS = (
    re.compile(
        r"[1-9🥇🥈🥉](?<![\w.,].)"
        r"(?:(?<=[1-9])\d?(?:e|ste|de)(?:\s+(?:plaats|plek|prijs))?\s*[:.–-]?\s*|(?<=[🥇🥈🥉])\s*)"
        r"(?=\w)"
    ),
    # Case-insensitive after its first letter only: `re` skips by a leading class only when
    # the pattern is case-sensitive (the class holds the Kelvin sign, which matches k so).
    re.compile(
        r"[gGkK\u212a](?i:(?<!\w.)(?:(?<=[gG])(?:roep|r\.?)|(?<=[kK])las)"
        r"\s?\d{1,2}(?:\s?/\s?\d{1,2})?(?:[a-z]\b)?\s*[:–-]?\s*(?=\w))",
    ),
)
# In a sentence written in lower case an emoji between two names separates them as a comma does
# ("jurensley🔥 djenairo💪 xiomara"); with capitals it mostly ends a sentence.
EMOJI = "\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff"
LOWER_LIST_GAP = re.compile(LIST_GAP.pattern[:-2] + r"|\s*[" + EMOJI + r"]+\s*)$")


@functools.cache
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """Any of `phrases` as a whole word sequence (spaces: any white space), ignoring case: one
    prefix tree of them ("anton (?:pieck|...)"), so `re` reads one branch at each position
    rather than every phrase (126 public figures: 30 -> 7.5 us a post), the longer phrase
    first where one goes on in another ("max", "max verstappen")."""
    units = (_PHRASE_UNIT.findall(re.escape(phrase).replace(r"\ ", r"\s+")) for phrase in phrases)
    return re.compile(r"(?<!\w)" + tree_alternation(units, longer=True) + r"(?!\w)", re.I)


_PHRASE_UNIT = re.compile(r"\\s\+|\\.|.", re.DOTALL)  # a character of an escaped phrase


@functools.cache
def _phrase_keys(phrases: frozenset[str]) -> tuple[str, ...] | None:
    """Per phrase its longest ASCII run, one of which any match holds (None: no such run)."""
    keys = set()
    for phrase in phrases:
        runs = re.findall(r"[a-z0-9]+", phrase)
        if not runs:
            return None
        keys.add(max(runs, key=len))
    return tuple(sorted(keys))


def _phrase_finditer(phrases: frozenset[str], text: str) -> list[re.Match[str]]:
    keys = _phrase_keys(phrases)
    if keys is not None and not may_contain(text, keys):
        return []  # the cheap test: no phrase can match, so the slow regex need not run
    return list(_phrase_pattern(phrases).finditer(text))


@functools.cache
def _own_phrases(school_name: str, organisations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p.lower() for p in (school_name, *organisations) if p.strip())


def _phrase_matches(text: str, seen: int, ctx: RuleContext) -> list[re.Match[str]]:
    """Public figures' names and the school's own names (school, allow-listed organisations);
    `seen` holds the flags of the text's words."""
    matches: list[re.Match[str]] = []
    if seen & PUBLIC_START:
        matches += _phrase_pattern(lexicon().public_figures).finditer(text)
    own = _own_phrases(ctx.school_name, tuple(ctx.allow.organisations))
    if own:
        matches += _phrase_finditer(own, text)
    return matches


def _blocked_tokens(
    text: str,
    starts: list[int],
    ends: list[int],
    flags: list[int],
    seen: int,
    ctx: RuleContext,
    skip: Sequence[Span],
) -> list[bool]:
    """Per token: True when it lies in a span that holds no private person's name (public
    figures, the school, businesses, venues, streets) or in `skip` (e-mails, links, handles)."""
    n = len(starts)
    blocked = [False] * n
    named: list[int] = []  # the last word of a public figure's or business's name
    matches = _phrase_matches(text, seen, ctx)
    spans = [(m.start(), m.end()) for m in matches]
    named += [bisect_left(starts, hi) - 1 for _, hi in spans]
    # "het dagboek van Anne Frank. Anne schreef ...": a figure's first name again is theirs
    named += [bisect_left(starts, m.start()) for m in matches if " " in m.group()]
    spans += [(s.start, s.end) for s in skip]
    for lo, hi in spans:  # tokens overlapping [lo, hi)
        for k in range(bisect_right(ends, lo), bisect_left(starts, hi)):
            blocked[k] = True
    # "burgemeester Kees de Ruiter", "Ajax-speler Brian ...": the office holder; "veerboot
    # Dokter Wagemaker": a ship. Their first and last words are theirs again later in the post.
    cue_ends = []
    role_starts: list[int] = []  # "Thea Beckman, schrijfster van ...": the role after a name
    if seen & PUBLIC_ROLE:
        role_matches = _phrase_finditer(roles.public_roles(), text)
        cue_ends += [m.end() for m in role_matches]
        role_starts += [bisect_left(starts, m.start()) for m in role_matches]
        compounds = [
            k for k in indices(flags, PUBLIC_ROLE) if roles.compound_role(text[starts[k] : ends[k]])
        ]
        cue_ends += [ends[k] for k in compounds]
        role_starts += compounds  # "Dennis Vreugdenhil, oud-spits van ADO"
    thing_ends = (
        [m.end() for m in _phrase_finditer(roles.named_things(), text)] if seen & CAP else []
    )
    figures: set[str] = set()
    for end in cue_ends + thing_ends:
        j = first = bisect_left(starts, end)
        while (
            j < n
            and text[ends[j - 1] if j > first else end : starts[j]] == " "
            and flags[j] & (CAP | INTERFIX)
            and (j > first or flags[j] & CAP)  # "het boek van Sanne": no title follows
        ):
            blocked[j] = True
            j += 1
            if end in thing_ends and _title_pair(text, starts, ends, flags, j):
                blocked[j] = True  # "de film Soof en Bram", "het boek Kikker en Pad"
                j += 1
        if j > first:
            figures |= {text[starts[k] : ends[k]] for k in (first, j - 1) if flags[k] & CAP}
    if seen & WORK_CUE:
        makers = word_lists().maker_words
        maker_tokens = [
            k for k in indices(flags, WORK_CUE) if _word_lower(text, starts, ends, k) in makers
        ]
        role_starts += maker_tokens
        cue_ends += [ends[k] for k in maker_tokens]
        for k in maker_tokens:  # "schrijver Tom Bakker ... Tom las voor": the maker again
            maker = _full_name_after(text, starts, ends, flags, k)
            for j in maker:
                blocked[j] = True
            figures |= {text[starts[j] : ends[j]] for j in maker[:1] + maker[-1:]}
    for end in cue_ends:  # "Onze burgemeester, Kees Ruiter, opende ...": the office holder
        named_after = _named_after_role(text, starts, ends, flags, end)
        for j in named_after:
            blocked[j] = True
        figures |= {text[starts[j] : ends[j]] for j in named_after if flags[j] & CAP}
    for k in role_starts:
        named_before = _named_before_role(text, starts, ends, flags, k)
        for j in named_before:
            blocked[j] = True
        # every word: a capitalised word may open the chain ("Clubicoon Dennis Vreugdenhil, ...")
        figures |= {text[starts[j] : ends[j]] for j in named_before if flags[j] & CAP}
    for end in roles.story_cue_ends(text) if seen & WORK_CUE or STORY.search(text) else ():
        # "het verhaal van Rama en Sita. Rama redt Sita ...": the story's figures
        cast = _story_cast(text, starts, ends, flags, bisect_left(starts, end))
        for k in cast:
            blocked[k] = True
        figures |= {text[starts[k] : ends[k]] for k in cast}
    if figures:  # "Zwemster Ranomi Kromowidjojo ... Ranomi liet zien"
        for k in range(n):
            if (
                flags[k] & CAP
                and text[starts[k] : ends[k]] in figures
                and not (k > 0 and flags[k - 1] & TITLE)
                and not GROUP_AFTER.match(text, ends[k])  # "Onze eigen Samuel uit groep 3"
            ):
                blocked[k] = True
    for i in indices(flags, BLOCK_CUES) if seen & BLOCK_CUES else ():
        f = flags[i]
        starts_org = f & ORG
        venue = f & VENUE and not (
            i > 0
            and flags[i - 1] & TITLE
            or i > 0
            and flags[i - 1] & (CAP | FIRST) == CAP | FIRST
            and text[ends[i - 1] : starts[i]] == " "
        )
        if (
            starts_org
            and f & FIRST
            and i > 0
            and flags[i - 1] & TITLE
            and text[ends[i - 1] : starts[i]] == " "
        ):
            continue  # "meester Dirk", "opa Albert": a person, not the shop Dirk
        if (
            starts_org
            and f & FIRST
            and i + 1 < n
            and text[ends[i] : starts[i + 1]] == " "
            and flags[i + 1] & (CAP | SURNAME | COMMON | ORG | FIRST) == CAP | SURNAME
            and not roles.brand(text[starts[i] : ends[i + 1]])  # "Albert Heijn": the chain
        ):
            continue  # "conciërge Dirk Zijm": a first name and a surname, not the shop Dirk
        if starts_org and f & SURNAME and _person_before(text, starts, ends, flags, i):
            continue  # "meneer Bakker", "dhr. J. Bakker", "Sanne Visser": a surname, no shop
        if starts_org and f & CAP:
            blocked[i] = True
        if starts_org or venue:
            j = i + 1
            while (
                j < n
                and text[ends[j - 1] : starts[j]] in (" ", " '", " ‘")
                and flags[j] & (CAP | ORG_TAIL)
                and not (  # "Kapsalon Knipoog van Sanne": the owner, a person
                    text[starts[j] : ends[j]] == "van"
                    and j + 1 < n
                    and flags[j + 1] & (FIRST | CAP | SURNAME) == FIRST | CAP
                )
            ):
                blocked[j] = True
                j += 1
            if starts_org and j > i + 1:
                named.append(j - 1)
        if f & STREET:  # set only on capitalised words
            blocked[i] = True
            j = i - 1
            while (  # "Hogeschool Rotterdam": an organisation's word makes no street's name
                j >= 0
                and (
                    text[ends[j] : starts[j + 1]] == " "
                    or text[ends[j] : starts[j + 1]] == ". "  # "Olivier B. Bommelstraat"
                    and ends[j] - starts[j] == 1
                )
                and flags[j] & (CAP | STREET_HEAD)
                and not flags[j] & ORG
            ):
                blocked[j] = True
                j -= 1
    for k in indices(flags, PLACE_HEAD) if seen & PLACE_HEAD else ():
        # "de Van Nelle Fabriek", "het Johan de Witt College", "de martin luther kingschool"
        j = k - 1
        while j >= 0 and k - j <= 4 and _in_place_name(text, starts, ends, flags, j, k):
            blocked[j] = True
            j -= 1
    for k in range(1, n - 1) if seen & CAP else ():
        if flags[k] & CAP and roles.place_before(text[starts[k - 1] : ends[k - 1]]):
            # "bij Anna Paulowna en Breezand": a village of several words, no person
            for j in range(k, k + roles.place_name_length(text, starts, ends, k)):
                blocked[j] = True
    again = {text[starts[k] : ends[k]] for k in named if k >= 0 and flags[k] & CAP}
    if again:  # "Bouwbedrijf Zuidema ... Zuidema geeft", "Maarten Luther ... van Luther tot"
        for k in range(n):
            if (
                not blocked[k]
                and flags[k] & CAP
                and text[starts[k] : ends[k]] in again
                and not (  # "eigenaar Sjaak Hoekema": a person bearing the business's name
                    k > 0
                    and flags[k - 1] & (FIRST | CAP) == FIRST | CAP
                    and starts[k] - ends[k - 1] == 1
                )
            ):
                blocked[k] = True
    return blocked


def _person_before(text: str, starts: list[int], ends: list[int], flags: list[int], i: int) -> bool:
    """Token i follows a person's title ("meneer", "familie"), an initial ("J.") or a
    capitalised first name ("Sanne"), so it is that person's surname."""
    if i == 0:
        return False
    gap = text[ends[i - 1] : starts[i]]
    if gap == ". ":
        return ends[i - 1] - starts[i - 1] == 1 and text[starts[i - 1]].isalpha()
    return gap == " " and (
        flags[i - 1] & TITLE != 0 or flags[i - 1] & (FIRST | CAP | ORG) == FIRST | CAP
    )


def _title_pair(text: str, starts: list[int], ends: list[int], flags: list[int], j: int) -> bool:
    """Token j is "en" joining a second capitalised word to a work's title ("de film Soof en
    Bram"), not a clause of its own ("de musical Annie en Daan speelde ...")."""
    return (
        j + 1 < len(starts)
        and text[starts[j] : ends[j]] == "en"
        and text[ends[j - 1] : starts[j]] == " "
        and text[ends[j] : starts[j + 1]] == " "
        and flags[j + 1] & CAP != 0
        and not (j + 2 < len(starts) and flags[j + 2] & PERSON_VERB)
    )


def _word_lower(text: str, starts: list[int], ends: list[int], k: int) -> str:
    return text[starts[k] : ends[k]].lower()


APPOSITION_ARTICLES = frozenset(("de", "het", "een", "onze"))


def _named_before_role(
    text: str, starts: list[int], ends: list[int], flags: list[int], k: int
) -> list[int]:
    """The tokens of a full name that a public role or maker's word at token k describes after
    a comma or "was" ("Thea Beckman, schrijfster van ...", "Kees Ruiter, de burgemeester",
    "George Maduro was een verzetsheld"): two or more capitalised name words (interfixes
    between), none when there are fewer."""
    j = k - 1
    if j >= 0 and _word_lower(text, starts, ends, j) in APPOSITION_ARTICLES:
        j -= 1
    if (
        j > 0
        and _word_lower(text, starts, ends, j) == "was"
        and text[ends[j - 1] : starts[j]] == " "
    ):
        j -= 1  # "George Maduro was een verzetsheld": a historical figure
    elif (
        j < 0
        or text[ends[j] : starts[j + 1]].strip() != ","
        or "\n" in text[ends[j] : starts[j + 1]]
    ):
        return []
    chain: list[int] = []
    while j >= 0 and (not chain or text[ends[j] : starts[j + 1]] == " "):
        name_word = flags[j] & CAP and flags[j] & (FIRST | SURNAME | NAME_LIKE)
        if name_word and not flags[j] & TITLE or flags[j] & INTERFIX and chain:
            chain.insert(0, j)
            j -= 1
        else:
            break
    while chain and not flags[chain[0]] & CAP:
        chain.pop(0)  # an interfix cannot open the name
    return chain if sum(1 for c in chain if flags[c] & CAP) >= 2 else []


def _full_name_after(
    text: str, starts: list[int], ends: list[int], flags: list[int], k: int
) -> list[int]:
    """The tokens of a full name (two capitalised words or more, interfixes between) right
    after token k, none when a group follows it ("kunstenaar Sanne Bakker uit groep 6")."""
    chain: list[int] = []
    j = k + 1
    while (
        j < len(starts)
        and text[ends[j - 1] : starts[j]] == " "
        and (flags[j] & CAP or flags[j] & INTERFIX and chain)
    ):
        chain.append(j)
        j += 1
    while chain and not flags[chain[-1]] & CAP:
        chain.pop()  # "schrijver Jan de": no interfix ends a name
    if sum(1 for c in chain if flags[c] & CAP) < 2 or GROUP_AFTER.match(text, ends[chain[-1]]):
        return []
    return chain


# After a public role: what it is of, then a comma ("De schrijfster van 'Het geheim', ...").
ROLE_APPOSITION = re.compile(r"(?:\s+van\s+[^,.!?\n]{1,40}?)?,\s+")
APPOSITION_CLOSE = re.compile(r"\s*[,)]")


def _named_after_role(
    text: str, starts: list[int], ends: list[int], flags: list[int], end: int
) -> list[int]:
    """The tokens of the full name (or title and surname) that stands in apposition after a
    public role ending at `end`, between commas: "Onze burgemeester, Kees Ruiter, opende ...",
    "De wethouder van onderwijs, mevrouw Jansen, ..."; none for a first name alone or a name
    that goes on in a list ("Dank aan de burgemeester, Sanne en Daan")."""
    m = ROLE_APPOSITION.match(text, end)
    if m is None:
        return []
    j = bisect_left(starts, m.end())
    chain: list[int] = []
    if j < len(starts) and starts[j] == m.end() and flags[j] & TITLE and not flags[j] & CAP:
        chain.append(j)  # "mevrouw Jansen"
        j += 1
    while (
        j < len(starts)
        and (not chain or text[ends[j - 1] : starts[j]] == " ")
        and (flags[j] & CAP or flags[j] & INTERFIX and chain)
        and (chain or starts[j] == m.end())
    ):
        chain.append(j)
        j += 1
    capitals = sum(1 for k in chain if flags[k] & CAP)
    if capitals < 1 or capitals + (1 if chain and flags[chain[0]] & TITLE else 0) < 2:
        return []
    return chain if APPOSITION_CLOSE.match(text, ends[chain[-1]]) else []


def _story_cast(
    text: str, starts: list[int], ends: list[int], flags: list[int], j: int
) -> list[int]:
    """The capitalised name words from token j on, several joined by "en", "&" or commas ("Rama
    en Sita", "Nasreddin Hodja"), that a story cue stands before; none when a group follows
    them ("het verhaal van Noor uit groep 5": a pupil's)."""
    cast: list[int] = []
    n = len(starts)
    while j < n and flags[j] & CAP and not flags[j] & TITLE:
        cast.append(j)
        gap = text[ends[j] : starts[j + 1]] if j + 1 < n else ""
        if j + 1 < n and gap == " " and flags[j + 1] & CAP:
            j += 1
        elif j + 1 < n and gap.strip() == "," and flags[j + 1] & CAP:
            j += 1
        elif (
            j + 2 < n
            and text[starts[j + 1] : ends[j + 1]] in ("en", "&")
            and gap == " "
            and text[ends[j + 1] : starts[j + 2]] == " "
        ):
            j += 2
        else:
            break
    if cast and GROUP_AFTER.match(text, ends[cast[-1]]):
        return []
    return cast


def _in_place_name(
    text: str, starts: list[int], ends: list[int], flags: list[int], j: int, k: int
) -> bool:
    """Token j belongs to the name of the place that token k (a place word) ends: a name word
    (capitalised, as the place word is, or in lower case as it is), or an interfix inside such
    a name ("Johan de Witt"); not a title, and not "van" ("Gerdien van de Gereformeerde Kerk":
    someone of the place)."""
    if (
        text[ends[j] : starts[j + 1]] != " "
        or flags[j] & TITLE
        or text[starts[j] : ends[j]] == "van"
    ):
        return False
    if flags[j] & INTERFIX and not flags[j] & CAP:
        return (
            j > 0
            and flags[j - 1] & (CAP | FIRST | SURNAME) != 0
            and (flags[j - 1] & CAP == flags[k] & CAP)
            and text[ends[j - 1] : starts[j]] == " "
        )
    if flags[k] & CAP:
        return bool(flags[j] & CAP)
    return bool(flags[j] & (FIRST | SURNAME)) and not flags[j] & CAP


class _Scanner:
    """One pass over one text: decides per token whether it starts a name, then extends it.

    Tokens are kept as parallel lists (text, offsets, word flags) rather than objects: this is
    the hot loop of the personal-data rules.
    """

    def __init__(
        self,
        text: str,
        words: list[str],
        starts: list[int],
        ends: list[int],
        flags: list[int],
        blocked: list[bool],
        seen: int,
    ) -> None:
        self.text = text
        self.seen = seen
        self.words = words
        self.starts = starts
        self.ends = ends
        self.flags = flags
        self.n = len(words)
        self.blocked = blocked
        self.taken = [False] * self.n
        self._sentence_start: dict[int, bool] = {}
        self.hits: list[tuple[int, int, str]] = []
        self.pets: set[str] = set()  # names given to an animal or toy: the same later on
        self._about_a_work: bool | None = None

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        return self.text[self.ends[i - 1] : self.starts[i]] if i > 0 else ""

    def spaced(self, i: int) -> bool:
        """True when a single space separates token i-1 and token i."""
        start = self.starts[i]
        return i > 0 and start - self.ends[i - 1] == 1 and self.text[start - 1] == " "

    def sentence_start(self, i: int) -> bool:
        """Capitalised and first in a sentence, line, quote or after an emoji."""
        known = self._sentence_start.get(i)
        if known is None:
            known = self._sentence_start[i] = bool(
                self.flags[i] & CAP and starts_sentence(self.text, self.starts[i])
            )
        return known

    def usable(self, i: int) -> bool:
        start = self.starts[i]
        return not (
            self.blocked[i]
            or self.taken[i]
            or self.pets
            and self.words[i] in self.pets  # "Schoolhond Max ... Max mag ...": the dog again
            or self.flags[i] & NOT_NAME
            or start > 0
            and self.text[start - 1] in "#@._"
            and self.in_handle(start)
        )

    def in_handle(self, start: int) -> bool:
        """The word at `start` is part of a hashtag or handle ("@juf.sanne.beweegt")."""
        text = self.text
        if text[start - 1] in "#@":
            return True
        run = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        return "@" in text[run:start]

    def group_after(self, i: int) -> bool:
        return bool(GROUP_AFTER.match(self.text, self.ends[i]))

    def pupil_of_a_group(self, i: int) -> bool:
        """An unknown word opening a sentence is a pupil's name when "uit groep" follows it
        ("Voor de overblijf: Wiktoria uit groep 4 heeft ..."); "in groep" follows a topic
        ("Dierendag in groep 1/2!", "Waterpokken in groep 3")."""
        return (
            not self.flags[i] & COMMON
            and self.words[i].isalpha()
            and PUPIL_OF_GROUP.match(self.text, self.ends[i]) is not None
        )

    def title_before(self, i: int) -> bool:
        if not (i > 0 and self.flags[i - 1] & (TITLE | UPPER) == TITLE):
            return False  # "de MR" is the council, not "mr."
        gap = self.gap(i)
        # Only an abbreviation ("mr.", "dhr.") ends in a full stop before its name: "bij zijn
        # vader. Wilt u ..." ends a sentence.
        return bool(TITLE_GAP.match(gap)) and (
            "." not in gap or roles.abbreviation(self.words[i - 1])
        )

    def greeting_before(self, i: int) -> bool:
        if not (i > 0 and GREETING_GAP.match(self.gap(i))):
            return False
        if self.flags[i - 1] & GREETING:
            return True
        # "dank je wel Pratibha", "dank u wel", "dank jullie wel": thanks in three words
        words = self.words
        return (
            i > 2
            and words[i - 1].lower() == "wel"
            and words[i - 3].lower() == "dank"
            and self.spaced(i - 1)
            and self.spaced(i - 2)
        )

    def greeting_itself(self, i: int) -> bool:
        """Token i, a greeting word, is the greeting: a comma or exclamation mark follows, or
        "en" and another greeting ("Selam en welkom aan alle ouders"), or, opening its
        sentence, the name of the one it greets and a comma ("selam derya, ja ...")."""
        end = self.ends[i]
        if self.text[end : end + 1] in (",", "!"):
            return True
        if (
            i + 1 < self.n
            and self.spaced(i + 1)
            and self.flags[i + 1] & (FIRST | NAME_LIKE | LOWER_UNKNOWN)
            and self.text[self.ends[i + 1] : self.ends[i + 1] + 1] in (",", "!")
            and (self.sentence_start(i) or self.lower_clause_start(i))
        ):
            return True
        return (
            i + 2 < self.n
            and self.words[i + 1] == "en"
            and bool(self.flags[i + 2] & GREETING)
            and self.spaced(i + 1)
            and self.spaced(i + 2)
        )

    def animal_before(self, i: int) -> bool:
        """True when an animal word comes before token i within its sentence (8 words back)."""
        for k in range(i - 1, max(-1, i - 9), -1):
            gap = self.text[self.ends[k] : self.starts[k + 1]]
            if any(ch in "!?\n" for ch in gap) or "." in gap and len(self.words[k]) > 3:
                return False  # a sentence ends here (a full stop after "gr." ends none)
            if self.flags[k] & ANIMAL:
                return True
        return False

    def person_after(self, i: int) -> bool:
        """A group or a verb of a person after token i ("uit groep 5", "heeft")."""
        return self.group_after(i) or self.verb_after(i)

    def verb_after(self, i: int, plural: bool = False) -> bool:
        """A verb of a person right after token i ("heeft", "mocht", "moet"); a plural one
        ("hielpen", "waren") only when `plural` (after a single word it makes that word a
        group: "Kleuters waren ...")."""
        return (
            i + 1 < self.n
            and self.flags[i + 1] & (PERSON_VERB | EN) == PERSON_VERB
            and self.spaced(i + 1)
            and self.words[i + 1] != "uit"  # "Daan uit groep 5" is a group, not a verb
            and (plural or not self.words[i + 1].endswith("en"))
        )

    def pair_verb_after(self, i: int) -> bool:
        """Token i and a name joined by "en" before a verb of a person: "Xinyi en Haoran
        hielpen", "Nahom en Ilona wonnen"."""
        flags = self.flags
        return (
            i + 3 < self.n
            and bool(flags[i + 1] & EN)
            and self.spaced(i + 1)
            and self.spaced(i + 2)
            and bool(flags[i + 2] & CAP)
            and bool(flags[i + 2] & (NAME_LIKE | FIRST))
            and self.verb_after(i + 2, plural=True)
        )

    def lower_subject(self, i: int) -> bool:
        """Token i, a lower-case first name that is also a word, opens a sentence without an
        article, before a verb of a person, and the clause goes on about "zijn" or "haar" (a
        noun would need "de": "mees heeft vandaag zijn zwemdiploma")."""
        if not (self.verb_after(i) and self.lower_clause_start(i)):
            return False
        for k in range(i + 2, min(self.n, i + 8)):
            if any(ch in SENTENCE_ENDS for ch in self.gap(k)):
                return False
            if self.words[k] in PERSON_POSSESSIVES:
                return True
        return False

    def lower_clause_start(self, i: int) -> bool:
        """Token i opens a sentence (or a clause after a comma or colon) written in lower case."""
        before = self.text[: self.starts[i]].rstrip()
        return (not before or before[-1] in ".!?:,\n") and sentence_opening(
            self.text, self.starts[i]
        ).islower()

    def lower_pair(self, i: int) -> bool:
        """Tokens i and i+2, two first names in lower case joined by "en", open a clause of a
        sentence written in lower case and are the subject of a verb: "sky en bo hadden ..."."""
        flags = self.flags
        if not (
            i + 3 < self.n
            and flags[i] & (FIRST | CAP) == FIRST
            and flags[i + 1] & EN
            and flags[i + 2] & (FIRST | CAP) == FIRST
            and self.spaced(i + 1)
            and self.spaced(i + 2)
            and self.verb_after(i + 2, plural=True)
        ):
            return False
        return self.lower_clause_start(i)

    def listed_with_things(self, i: int) -> bool:
        """Token i stands in a list beside a capitalised ordinary word that is no name: "Appel,
        Peer en Banaan", "Tulp, Roos en Narcis"."""
        flags = self.flags
        for side in (-1, 1):
            k = i + side
            if 0 <= k < self.n and flags[k] & EN_OF:
                k += side  # "Peer en Banaan"
            elif not (0 <= k < self.n and LIST_GAP.match(self.gap(max(i, k)))):
                continue
            if (
                0 <= k < self.n
                and flags[k] & (CAP | COMMON | FIRST | SURNAME | NAME_LIKE) == CAP | COMMON
                and not self.sentence_start(k)  # its capital is the list's, not the sentence's
                and not roles.english_word(self.words[k])  # "Will en Storm": an English name
            ):
                return True
        return False

    def coordination(self, i: int) -> list[int]:
        """The capitalised tokens listed with token i ("Joy, Hope and Peace"), i excluded."""
        members = []
        for side in (-1, 1):
            k = i
            while True:
                nxt = k + side
                if 0 <= nxt < self.n and self.flags[nxt] & EN_OF:
                    nxt += side  # "Hope and Peace"
                elif not (0 <= nxt < self.n and LIST_GAP.match(self.gap(max(k, nxt)))):
                    break
                if not (0 <= nxt < self.n and self.flags[nxt] & CAP):
                    break
                members.append(nxt)
                k = nxt
        return members

    def listed_with_english_things(self, i: int) -> bool:
        """Token i is joined by English "and" to capitalised English words that are no name:
        "Grace and Courtesy", "Joy, Hope and Peace to all our families" (not "Will en Storm":
        a Dutch "en" may join an English given name to a name)."""
        if not self.seen & EN_OF:
            return False
        members = self.coordination(i)
        low = min([i, *members])
        high = max([i, *members])
        if "and" not in self.words[low:high]:
            return False
        return any(
            self.flags[k] & (FIRST | SURNAME | TITLE) == 0
            and roles.english_word(self.words[k])
            and not self.sentence_start(k)
            for k in members
        )

    def in_headline(self, i: int) -> bool:
        """Token i, in capitals, stands beside another word in capitals that is an ordinary
        word: a headline ("OPEN DAY", "KONINGSSPELEN 2026 ... SPORT DAG"), not a name shouted."""
        for k in (i - 1, i + 1):
            if (
                0 <= k < self.n
                and self.spaced(max(i, k))
                and self.flags[k] & UPPER
                and self.flags[k] & (FIRST | SURNAME | TITLE | GREETING) == 0
            ):
                return True
        return False

    def points_back_after(self, i: int) -> bool:
        """ "Efua en haar team", "Abeba met haar zus": a possessive after token i points back to
        a person."""
        return (
            i + 2 < self.n
            and self.words[i + 1].lower() in ("en", "met")
            and self.words[i + 2].lower() in PERSON_POSSESSIVES
            and self.spaced(i + 1)
            and self.spaced(i + 2)
        )

    def kin_before(self, i: int) -> bool:
        """ "de moeder van Zuzia", "de oma van Kacper", "vader geworden van Ama": a relative's
        word (and "geworden") and "van" before it."""
        if not (i > 1 and self.words[i - 1] == "van" and self.spaced(i) and self.spaced(i - 1)):
            return False
        if roles.kin_word(self.words[i - 2]):
            return True
        return (
            i > 2
            and self.words[i - 2] == "geworden"
            and self.spaced(i - 2)
            and roles.kin_word(self.words[i - 3])
        )

    def spoken_to(self, i: int) -> bool:
        """Token i (and a second name-like word) after a comma ends a sentence that opens with a
        greeting: "Welkom bij ons team, Dilnoza Karimova!"."""
        if not (i > 1 and self.gap(i).strip() == ","):
            return False
        j = i + 1 if i + 1 < self.n and self.flags[i + 1] & NAME_LIKE and self.spaced(i + 1) else i
        if not VOCATIVE_END.match(self.text, self.ends[j]):
            return False
        for k in range(i - 1, -1, -1):
            if self.flags[k] & GREETING:
                return True
            if k and any(ch in SENTENCE_ENDS for ch in self.gap(k)):
                return False
        return False

    def english_verb(self, i: int) -> bool:
        """ "And Mark the date", "Mark your calendars": in an English sentence a first name right
        before a determiner and a lower-case word is a verb."""
        flags = self.flags
        return (
            i + 2 < self.n
            and self.spaced(i + 1)
            and flags[i + 1] & (DETERMINER | CAP) == DETERMINER
            and not flags[i + 2] & CAP
            and roles.english_sentence(self.text, self.starts[i])
        )

    def english_title_word(self, k: int) -> bool:
        """Token k is a capitalised English word inside a sentence, no title or greeting: the
        name after it is part of a title ("Finding Nemo", "Happy Feet")."""
        return (
            self.flags[k] & (CAP | TITLE | GREETING | FIRST) == CAP
            and roles.english_word(self.words[k])
            and not self.sentence_start(k)
        )

    def in_proper_noun(self, i: int) -> bool:
        """A first name that is also a word inside the capitalised name of a thing: "Team
        Storm", "Koning Winter" (a capitalised word before it that is no title, greeting or
        name), "Sky Radio" (a capitalised ordinary word after it)."""
        flags = self.flags
        if i > 0 and self.spaced(i):
            before = flags[i - 1]
            if before & CAP and not before & (TITLE | GREETING | FIRST | UPPER | NAME_LIKE):
                if before & NOT_NAME or before & COMMON and not self.sentence_start(i - 1):
                    return True
        if i + 1 < self.n and self.spaced(i + 1):
            after = flags[i + 1]
            return bool(
                after & (CAP | COMMON) == CAP | COMMON
                and not after & (FIRST | SURNAME | UPPER | TITLE | NOT_NAME)
            )
        return False

    def epithet_before(self, i: int) -> bool:
        """Token i follows an ordinary word written with a capital inside a sentence, as a
        figure's fixed name is ("Boer Harm", "Vrouw Trijntje", "Kapitein Klaas", "Visser Jelle"):
        no title of a person ("Juf Anouk", "Opa Henk"), greeting, first name or prince ("Prins
        Luuk": a pupil carnival prince), and no surname after it ("Kringloop Esther Visser").
        Only in a post about a work, a story or a play: elsewhere the word praises or names a
        pupil's part of the day ("Knap gedaan, Kanjer Noor!", "speelde Keeper Sem")."""
        if not (i > 0 and self.spaced(i)):
            return False
        before = self.flags[i - 1]
        word = self.words[i - 1]
        return (
            before & (CAP | UPPER) == CAP
            and not before & (TITLE | GREETING | FIRST | DETERMINER | PRONOUN)
            # a surname that is a word too ("Boer", "Visser"), unless an interfix makes it one
            and (
                before & COMMON != 0
                or roles.dutch_word(word)
                and not (i > 1 and self.flags[i - 2] & INTERFIX and self.spaced(i - 1))
            )
            and word.lower() not in RULER_TITLES
            and not self.sentence_start(i - 1)
            # a first name and surname after it are a person's ("Kringloop Esther Visser")
            and not self.surname_after(i)
            and (self.about_a_work() or self.played_by_several(i - 1))
        )

    def played_by_several(self, i: int) -> bool:
        """Token i follows a plural 'spelen' ("De kleuters spelen Kapitein Rob"): what several
        play is a part, while one pupil after a singular verb is its subject ("Vanmiddag speelde
        Keeper Sem de sterren van de hemel")."""
        return i > 0 and self.spaced(i) and self.words[i - 1].lower() in PLURAL_PLAY

    def about_a_work(self) -> bool:
        """The post speaks of a work, a story or a play (a work's word, reading, a stage)."""
        if self._about_a_work is None:
            self._about_a_work = bool(
                self.seen & WORK_CUE or STORY.search(self.text) or STAGE.search(self.text)
            )
        return self._about_a_work

    def surname_after(self, i: int) -> bool:
        """A capitalised surname follows token i, interfixes between or not."""
        if not (i + 1 < self.n and self.spaced(i + 1)):
            return False
        if self.flags[i + 1] & INTERFIX:
            return self.surname_after_interfix(i + 1) is not None
        return bool(self.flags[i + 1] & CAP)

    def quoted_title(self, i: int) -> bool:
        """Token i lies in a quoted title of a few capitalised-first words, no sentence inside:
        "de musical 'Polderkoning Pim'", "het thema 'Lente op de boerderij'" ('yara' alone, or
        'juf Annemiek', is still a name)."""
        text, start = self.text, self.starts[i]
        line = text.rfind("\n", 0, start) + 1
        opening = max(text.rfind(q, line, start) for q in "'‘\"“")
        if opening < 0 or opening > 0 and text[opening - 1].isalnum():
            return False
        closing = [c for c in (text.find(q, self.ends[i]) for q in "'’\"”") if c >= 0]
        if not closing:
            return False
        inner = text[opening + 1 : min(closing)]
        return (
            inner[:1].isupper()
            and "\n" not in inner
            and 2 <= len(inner.split()) <= 6
            and not any(ch in ",.!?:;" for ch in inner)
        )

    def english(self, i: int, reason: str) -> bool:
        """Token i is an ordinary English word in an English sentence ("Can anyone ...",
        "International Day"): no name, unless a title or greeting stands before it."""
        return (
            not reason.startswith("naam na")
            and roles.english_word(self.words[i])
            and roles.english_sentence(self.text, self.starts[i])
        )

    def pet_named(self, i: int) -> bool:
        """Token i is the name an animal is called by, or listed after it: "de cavia heet
        Storm", "de kippen heten Henny, Bertha en Truus" (not "... heet Storm en Daan heeft")."""
        flags, k = self.flags, i
        if (
            i > 1
            and i + 1 < self.n
            and self.words[i - 1] == "die"
            and self.words[i + 1].lower() in PET_NAMING
            and self.spaced(i)
            and self.spaced(i + 1)
        ):
            return self.animal_before(i - 1)  # "een cavia die Bert heet"
        while i - k < 10:
            if k > 0 and self.words[k - 1].lower() in PET_NAMING:
                return (k == i or not self.verb_after(i)) and self.animal_before(k - 1)
            if k > 1 and flags[k - 1] & EN_OF and flags[k - 2] & CAP and self.spaced(k - 1):
                k -= 2
            elif k > 0 and flags[k - 1] & CAP and self.gap(k).strip() == ",":
                k -= 1
            else:
                return False
        return False

    def season_named(self, i: int) -> bool:
        """Token i, a season word, is the season: greeted ("Welkom Lente!", "Hallo Herfst!") or
        arriving ("Winter komt eraan"), with no title before it, group after it or birthday in
        the post ("Lente wordt vandaag 6!", "Zomer uit groep 1", "juf Lente": pupils and
        teachers named so)."""
        text, end = self.text, self.ends[i]
        if self.title_before(i) or self.group_after(i) or roles.birthday_post(text):
            return False
        if self.sentence_start(i) and roles.SEASON_ARRIVES.match(text, end):
            return True
        return self.greeting_before(i) and VOCATIVE_END.match(text, end) is not None

    def regnal_first(self, i: int) -> bool:
        """Token i is a name between a capitalised ruler's title and the numeral I: "Prins
        Sjef I", "Keizer Karel I" (a pupil carnival prince keeps his own title: "Jeugdprins Luuk
        I", and a group after him: "Prins Luuk I uit groep 8")."""
        return (
            i > 0
            and self.spaced(i)
            and self.words[i - 1][:1].isupper()
            and self.words[i - 1].lower() in RULER_TITLES
            and REGNAL_ONE.match(self.text, self.ends[i]) is not None
            and not self.group_after(i + 1 if i + 1 < self.n else i)
        )

    def title_reason(self, i: int) -> str:
        return f"naam na '{self.words[i - 1].lower()}'"

    def decide(self, i: int) -> str | None:
        """The reason token i is (the start of) a name, or None."""
        flags = self.flags
        f = flags[i]
        first = f & FIRST
        ambiguous = f & NAME_WORD
        cap = f & CAP
        if cap and roles.season_word(self.words[i]) and self.season_named(i):
            return None  # "Welkom Lente!", "Winter komt eraan": a season, not "juf Lente"
        if self.seen & ANIMAL and i > 0 and flags[i - 1] & ANIMAL and self.spaced(i):
            self.pets.add(self.words[i])
            return None  # "klassenkonijn Daan": a pet's name
        if (
            f & ANIMAL
            and i + 1 < self.n
            and flags[i + 1] & (NAME_LIKE | SURNAME) == NAME_LIKE
            and self.spaced(i + 1)
        ):
            return None  # "Storm Eunice", "Beertje Paddington": the storm or toy so named
        if (
            self.seen & ANIMAL
            and i + 2 < self.n
            and (
                self.words[i + 1] == "de"
                and self.spaced(i + 1)
                or self.words[i + 1].lower() in ("de", "het", "onze", "ons")
                and self.gap(i + 1).strip() == ","  # "Nemo, de goudvis van groep 3, ..."
            )
            and flags[i + 2] & (ANIMAL | CAP) == ANIMAL  # not "Tamara de Haan"
        ):
            self.pets.add(self.words[i])
            return None  # "Anansi de spin", "Bolle de beer": an animal of a story
        if self.seen & ANIMAL and i > 1 and self.pet_named(i):
            self.pets.add(self.words[i])
            return None  # "onze klassencavia heet Storm", "de kippen heten Henny en Bertha"
        if self.words[i].lower() in HOLIDAY_NAMES and CELEBRATE_BEFORE.search(
            self.text, max(0, self.starts[i] - 40), self.starts[i]
        ):
            return None  # "vierden we alvast Valentijn": the day
        if f & GREETING and not self.greeting_before(i) and self.greeting_itself(i):
            return None  # "Hoi, de kammen zijn ...", "Selam en welkom": the greeting itself
        if roles.amount_word(self.words[i]) and AMOUNT_AFTER.match(self.text, self.ends[i]):
            return None  # "met max 14 kinderen": how many, no person
        if i > 0 and self.spaced(i):
            before = self.words[i - 1]
            if roles.number_word(before) or (
                before == "keer"
                and i > 1
                and self.spaced(i - 1)
                and roles.number_word(self.words[i - 2])
            ):
                return None  # "zeven Elsa's", "twee keer Elsa": counted, so kinds, not persons
            if roles.club_letters(before):
                return None  # "ac milan", "fc emmen": a club
            if before[:1].isupper() and roles.saint_title(before):
                return None  # "Sviatyi Mykolai", "Sankt Martin": the saint
            if before[:1].isupper() and roles.feast_word(before):
                return None  # "Ramadan Kareem", "Eid Mubarak": the feast's greeting
        if cap and roles.roman_after(self.text, self.ends[i]):
            return None  # "Willem II", "Karel V": a king or a club
        if cap and self.regnal_first(i):
            return None  # "Prins Sjef I": the carnival association's prince in his office
        if (
            not f & FIRST
            and i > 0
            and flags[i - 1] & (NOT_NAME | CAP | FIRST) == NOT_NAME | CAP
            and self.spaced(i)
        ):
            return None  # "Prins Amadeiro": a carnival or story title (a pupil: "Prins Luuk")
        if i > 0 and self.words[i - 1].lower() in ROYAL and self.spaced(i):
            return None  # "Koningin Esther", "koning David": a royal or a story's
        titled = self.title_before(i)
        if (
            titled
            and f & INTERFIX
            and self.words[i] != "het"  # "met hun familie het Suikerfeest": no surname
            and not (  # "haar familie in Kenia" (a surname: "in 't Veld", "in de Braekt")
                self.words[i] == "in" and i + 1 < self.n and not flags[i + 1] & INTERFIX
            )
            and (cap or flags[i - 1] & SURNAME_TITLE)
            and self.surname_after_interfix(i) is not None
        ):
            return self.title_reason(i)
        if f & COMMON and not first and not f & SURNAME:
            if titled and cap and f & LOWER_LONGER and roles.english_word(self.words[i]):
                return self.title_reason(i)  # "meester Will", "juf Joy": an English given name
            if (
                titled
                and cap
                and f & LOWER_LONGER
                and flags[i - 1] & SURNAME_TITLE
                and not flags[i - 1] & CAP  # "Familie Fun Day": a title of its own
                and not roles.english_word(self.words[i])
            ):
                return self.title_reason(i)  # "familie Haddad": a surname no list knows
            return None
        if titled:
            if cap and (first or f & NAME_LIKE):
                return self.title_reason(i)
            if not cap and (first and f & LOWER_LONG or f & LOWER_UNKNOWN):
                return self.title_reason(i)  # "juf anouk", "meester anwar"
            if flags[i - 1] & SURNAME_TITLE and self.lower_surname(i):
                return self.title_reason(i)  # "familie kowalski", "meneer hoekstra"
            return None
        if cap and first and self.greeting_before(i):
            return "naam na een aanhef"
        n = self.n
        if (
            f & NAME_LIKE
            and i + 1 < n
            and flags[i + 1] & NAME_LIKE
            and self.spaced(i + 1)
            and self.greeting_before(i)
        ):
            return "naam na een aanhef"  # an unknown first name with a surname: "Hoi Semra Aydın"
        if (
            f & NAME_LIKE
            and not f & (FIRST | COMMON)
            and (
                self.greeting_before(i)
                or i > 1
                and roles.greeting_link(self.words[i - 1])
                and self.spaced(i)
                and self.greeting_before(i - 1)
            )
            and CLAUSE_END.match(self.text, self.ends[i])
            and roles.unknown_name_shape(self.words[i])
        ):
            return "naam na een aanhef"  # "Beterschap voor Haben, ...", "Welkom Tsegay!"
        if cap and first:
            if f & UPPER and i > 0 and roles.place_before(self.words[i - 1]):
                return None  # "naar NEMO": a museum, a venue in capitals
            if f & POSSESSIVE and i + 1 < self.n and flags[i + 1] & CAP and self.spaced(i + 1):
                return None  # "Tony's Chocolonely", "Ben's Bakery": a business's name
            if self.english_verb(i):
                return None  # "And Mark the date": an imperative
            if i > 0 and self.spaced(i) and self.english_title_word(i - 1):
                return None  # "de film Finding Nemo": an English title
            if (
                i + 1 < n
                and self.spaced(i + 1)
                and flags[i + 1] & (SURNAME | LOWER_LONGER) == LOWER_LONGER  # not "Luuk I"
                and self.english_title_word(i + 1)
            ):
                return None  # "de groep Ashanti Rhythms", "Lucky Stars": a band's or title's name
            if ambiguous and not self.sentence_start(i) and self.in_proper_noun(i):
                return None  # "Team Storm", "Sky Radio": the name of a thing
            if self.epithet_before(i):
                return None  # "Boer Harm", "Kapitein Klaas": a figure of a story or play
            if (
                i + 1 < n
                and self.spaced(i + 1)
                and self.sentence_start(i)
                and not f & POSSESSIVE  # "Kiran's haar groeit weer": no verb has an "'s"
                and (
                    flags[i + 1] & PRONOUN
                    or flags[i + 1] & (DETERMINER | CAP) == DETERMINER
                    and i + 2 < n
                    and not flags[i + 2] & CAP
                )
            ):
                return None  # "Kent u ...", "Mark uw agenda": a verb opening the sentence
            if not ambiguous:
                if (
                    i > 0
                    and (self.words[i - 1].lower() in roles.ARTICLES or self.words[i - 1] == "de")
                    and self.spaced(i)
                    and not self.person_after(i)
                ):
                    return None  # "naar het NEMO", "in de Joris en de Draak": a place or a thing
                if i > 0 and self.words[i - 1] == "the" and self.spaced(i):
                    return None  # "Little Bear and the Moon": English gives no person "the"
                if self.listed_with_english_things(i):
                    return None  # "Joy, Hope and Peace to all", "Grace and Courtesy"
                return "voornaam"
            if self.group_after(i):
                return "voornaam gevolgd door een groep"
            if self.sentence_start(i):
                if RELATIVE_AFTER.match(self.text, self.ends[i]):
                    return "voornaam (ook een woord) met 'die'"  # "Joep, die gisteren ..."
                if (
                    i + 1 < n
                    and flags[i + 1] & PERSON_VERB
                    and self.spaced(i + 1)
                    and (
                        not flags[i + 1] & EN  # "Storm en regen": only "Roos en Daan" is a pair
                        and not self.words[i + 1].endswith("en")  # one word, a plural verb
                        or i + 2 < n
                        and flags[i + 2] & (CAP | FIRST) == CAP | FIRST
                    )
                ):
                    return "voornaam (ook een woord) als onderwerp"
                if (
                    i + 1 < n
                    and self.spaced(i + 1)
                    and (
                        flags[i + 1] & (CAP | SURNAME | COMMON | NOT_NAME) == CAP | SURNAME
                        or flags[i + 1] & (INTERFIX | CAP) == INTERFIX  # "Fleur de Groot"
                        and self.surname_after_interfix(i + 1) is not None
                    )
                ):
                    return "voornaam (ook een woord) met achternaam"
                return None
            if i > 0 and flags[i - 1] & DETERMINER:
                return None
            if self.listed_with_things(i) or self.listed_with_english_things(i):
                return None  # "Appel, Peer en Banaan", "Grace and Courtesy": a list of things
            if f & UPPER and self.in_headline(i):
                return None  # "OPEN DAY", "GROTE ROOS-ACTIE": a word of a headline
            return "voornaam (ook een woord) met hoofdletter"
        if (
            f & NAME_LIKE  # implies capitalised
            and not first
            and not self.words[i].endswith(("'s", "’s"))  # "lezen we Anansitori's in groep 5"
            and self.group_after(i)
            and (not self.sentence_start(i) or self.pupil_of_a_group(i))
        ):
            return "naam gevolgd door een groep"
        if (
            f & NAME_LIKE
            and not f & (FIRST | COMMON)
            and (reason := self.unknown_name_role(i))
            and not (i > 0 and roles.place_before(self.words[i - 1]))
            and not self.epithet_before(i)  # "Professor Barabas bouwt ..."
            and roles.unknown_name_shape(self.words[i])
            and (reason is KIN_REASON or roles.dutch_sentence(self.text, self.starts[i]))
        ):
            return reason  # "Luwam mocht vandaag ...": a name not in the lists
        if not cap and f & (FIRST | LOWER_UNKNOWN) and self.kin_apposition(i):
            return KIN_REASON  # "zijn senait (moeder van winta) en ..."
        if not cap and ambiguous and self.lower_subject(i):
            return "naam in kleine letters als onderwerp"  # "mees heeft zijn diploma gehaald"
        if not cap and first and (self.lower_pair(i) or i > 1 and self.lower_pair(i - 2)):
            return "naam in kleine letters als onderwerp"  # "sky en bo hadden ...", in lower case
        if (
            not cap
            and first
            and f & LOWER_LONGER
            and self.determiner_before(i)
            and self.words[i - 1].lower() in POSSESSIVES_OF_A_PUPIL
            and self.pupil_of_group_after(i)
        ):
            return "naam in kleine letters"  # "morgen wordt onze noa uit groep 1 5!"
        if not cap and first and f & LOWER_LONGER and not self.determiner_before(i):
            if self.group_after(i) if not ambiguous else self.pupil_of_group_after(i):
                return "naam in kleine letters"  # "trots op mees uit gr. 6" (not "de mees")
            if self.greeting_before(i) and (
                not ambiguous
                or not f & GREETING  # "hoi hoi!": the greeting twice
                and not roles.season_word(self.words[i])  # "hallo lente!", "dag zomer,"
                and LOWER_CLAUSE_END.match(self.text, self.ends[i])
            ):
                return "naam in kleine letters"  # "gefeliciteerd storm met je ..."
            if (
                not ambiguous
                and sentence_opening(self.text, self.starts[i]).islower()
                and not _cited_words(self.text, self.starts[i])
            ):
                return "naam in kleine letters"  # a sloppy all-lower-case sentence
        if f & LOWER_UNKNOWN:
            return self.lower_unknown(i)
        return None

    def pupil_of_group_after(self, i: int) -> bool:
        """ "uit groep 4" or "(gr. 6)" after token i: a pupil of that group; "in groep 1" may
        follow a topic ("thema lente in groep 1/2")."""
        return bool(PUPIL_GROUP_AFTER.match(self.text, self.ends[i]))

    def surname_title_before(self, i: int) -> bool:
        """A title that takes a surname and one or more interfixes before token i ("familie
        van", "fam. el"): whether "van awet" is the surname or "awet" the child whose family it
        is, a word no list knows there is a name."""
        k = i - 1
        while k > 0 and self.flags[k] & (INTERFIX | CAP) == INTERFIX and self.spaced(k + 1):
            k -= 1
        return (
            k < i - 1
            and bool(self.flags[k] & SURNAME_TITLE)
            and bool(TITLE_GAP.match(self.gap(k + 1)))
        )

    def after_conjunction(self, i: int) -> bool:
        """Token i follows a conjunction that opens a clause ("en", "maar", "want") in a
        sentence written in lower case: with a singular verb after it, it is that clause's
        subject ("dewi is jarig en shurandy trakteert"; two subjects would take a plural)."""
        return (
            i > 0
            and self.words[i - 1] in CONJUNCTIONS
            and self.spaced(i)
            and sentence_opening(self.text, self.starts[i]).islower()
        )

    def kin_apposition(self, i: int) -> bool:
        """A relative's word and "van" after token i, in brackets or after a comma: "senait
        (moeder van winta)", "mehari, vader van filmon": token i is that relative."""
        m = KIN_APPOSITION.match(self.text, self.ends[i])
        return m is not None and roles.kin_word(m.group(1))

    def determiner_before(self, i: int) -> bool:
        """ "een noor", "de mees": an article or determiner makes the word after it a noun."""
        return i > 0 and bool(self.flags[i - 1] & DETERMINER) and self.spaced(i)

    def lower_unknown(self, i: int) -> str | None:
        """The part a lower-case word no list knows plays in a sentence written in lower case
        that only a person plays: subject before a verb of a person at the start of a clause
        ("ecrin heeft ..."), after a greeting ("dank aan shudaina voor ..."), a relative's
        "van" ("de familie van awet") or a group after it ("kerem uit gr. 5")."""
        if self.surname_title_before(i):
            return "naam in kleine letters na een titel"  # "de familie van awet", "fam. el amrani"
        if self.determiner_before(i) or not sentence_opening(self.text, self.starts[i]).islower():
            return None  # in a sentence with capitals a lower-case word is a word, or a typo
        if not roles.dutch_sentence(self.text, self.starts[i]):
            return None
        if self.lower_clause_start(i) and (self.verb_after(i) or self.pair_verb_after(i)):
            return "naam in kleine letters als onderwerp"
        if self.after_conjunction(i) and self.verb_after(i):
            return "naam in kleine letters als onderwerp"  # "... en shurandy trakteert vrijdag"
        if self.group_after(i) or self.kin_before(i):
            return "naam in kleine letters"
        greeted = self.greeting_before(i) or (
            i > 1
            and roles.greeting_link(self.words[i - 1])
            and self.spaced(i)
            and self.greeting_before(i - 1)
        )
        if greeted and LOWER_CLAUSE_END.match(self.text, self.ends[i]):
            return "naam in kleine letters na een aanhef"
        return None

    def unknown_name_role(self, i: int) -> str | None:
        """The part a word no list knows plays that only a person plays, or None."""
        if self.verb_after(i) or self.pair_verb_after(i) or i > 1 and self.pair_verb_after(i - 2):
            return "naam als onderwerp"
        if self.points_back_after(i):
            return "naam met 'en haar', 'en zijn'"
        if self.kin_before(i):
            return KIN_REASON  # Dutch grammar, whatever the other words: "de moeder van Zuzia"
        if self.spoken_to(i):
            return "naam als aanspreekvorm"
        return None

    def extend(self, i: int) -> int:
        """Index of the last token of the full name that starts at token i."""
        flags = self.flags
        j = i
        n = self.n
        while j + 1 < n and not flags[j] & POSSESSIVE:
            k = j + 1
            while (
                k < n
                and flags[k] & INTERFIX
                and self.spaced(k)
                and (
                    not flags[k] & CAP
                    or k == i + 1
                    and self.title_before(i)
                    or flags[k] & APOSTROPHE_T
                )
            ):
                k += 1
            if k >= n or not self.spaced(k) or not self.usable(k):
                break
            if k > j + 1 and not _whole_particle(self.words[j + 1 : k]):
                break  # "Samira in Tilburg": a place after her ("in 't Veld" is a surname)
            nxt = flags[k]
            lower_surname = (  # "lisa van 't hof": a lower-case name keeps its surname
                k > j + 1
                and flags[i] & (CAP | FIRST) == FIRST  # not "fam visser de kinderen"
                and nxt & SURNAME
                and not nxt & CAP
                and all(flags[m] & (STREET_HEAD | APOSTROPHE_T) for m in range(j + 1, k))
            )
            if not (nxt & CAP or lower_surname) or nxt & NOT_NAME:
                break
            if k > j + 1 and nxt & (COMMON | SURNAME | NAME_LIKE) == COMMON and j > i:
                break  # "Bas van Dam van de Brandweer": his organisation, after his surname
            if k > j + 1 and self.maker_after(k):
                break  # "Soof en Bram van Kim van Kooten": the maker's name, not Bram's surname
            if k > j + 1 or nxt & SURNAME or nxt & (NAME_LIKE | FIRST) == NAME_LIKE:
                j = k
                continue
            break
        return j

    def maker_after(self, k: int) -> bool:
        """Token k, after "van", opens a full name of its own: a first name, then an interfix
        or a capitalised word ("van Kim van Kooten", "van Annie M.G. Schmidt")."""
        flags = self.flags
        return (
            self.words[k - 1] == "van"
            and flags[k] & FIRST != 0
            and k + 1 < self.n
            and self.spaced(k + 1)
            and flags[k + 1] & (INTERFIX | CAP) != 0
        )

    def surname_after_interfix(self, i: int) -> int | None:
        """Index of the capitalised surname after an interfix chain starting at token i; in
        lower case, after a title that takes a surname, a surname a list knows ("fam. de boer",
        "mevrouw van leeuwen", "familie van der meer") or, after a chain that is more than
        "van", a word no list knows ("familie el ouali"; "de familie van awet" is awet's)."""
        flags = self.flags
        k = i
        while k < self.n and flags[k] & INTERFIX:
            if k > i and not self.spaced(k):
                return None
            k += 1
        if k < self.n and self.spaced(k) and self.usable(k):
            # After "familie de" any capitalised word is a surname (de Jong, van Dijk).
            if flags[k] & (CAP | UPPER | LONG) == CAP | LONG:
                return k
            if (
                not flags[i] & CAP
                and i > 0
                and flags[i - 1] & SURNAME_TITLE
                and (
                    self.lower_surname(k)
                    or flags[k] & LOWER_UNKNOWN
                    and self.words[i:k] != ["van"]
                    # "van der meer": after two interfixes a surname that is also a frequent
                    # word ("meer"), unless the word lists know it as an ordinary one
                    or k - i > 1
                    and flags[k] & (SURNAME | COMMON | FIRST | CAP) == SURNAME
                    # "fam. de jong": a surname whose last word is an ordinary word
                    or " ".join(self.words[i : k + 1]).lower() in _particle_surnames()
                )
            ):
                return k
        return None

    def lower_surname(self, k: int) -> bool:
        """Token k is a surname a list knows, in lower case, no first name and none of the
        most frequent Dutch words ("kowalski", "bakker", "boer"; not "heel", "meer")."""
        known = self.flags[k] & (CAP | SURNAME | FIRST | LOWER_LONGER) == SURNAME | LOWER_LONGER
        return known and not roles.frequent_dutch(self.words[k])

    def add(self, i: int, reason: str) -> None:
        start_surname = self.surname_after_interfix(i) if self.flags[i] & INTERFIX else None
        j = self.extend(start_surname if start_surname is not None else i)
        if self.flags[j] & POSSESSIVE:
            end = self.ends[j] - 2  # "Malik's"
        else:
            j, end = self.tail(i, j)
        for k in range(i, j + 1):
            self.taken[k] = True
        # A title before a surname phrase ("mevrouw Van den Broek") may start with an interfix.
        self.hits.append((self.starts[i], end, reason))

    def tail(self, i: int, j: int) -> tuple[int, int]:
        """(last token, end) of the name of tokens i to j with what follows that the scan word
        by word does not read: a surname's initial ("Roos K.", "Fenna v.d. B.", "Ilyas El K."),
        or a surname after a particle written with dots or a capital ("Fenna v.d. Berg",
        "Ilyas El Khatib"). An initial's full stop is its own where the sentence goes on."""
        found = self.tail_after(j)
        last, end = found if found is not None else (j, self.ends[j])
        if last > i and self.initial(last):
            end += self.initial_dot(end)
        return last, end

    def tail_after(self, j: int) -> tuple[int, int] | None:
        """(last token, end) of the rest of a surname after token j (see `tail`), or None."""
        m = _surname_tail().match(self.text, self.ends[j])
        if m is None:
            return None
        particles, surname = m["particles"], m["surname"]
        dotted = "." in particles or "/" in particles  # "v.d.", "v/d": no word, a particle
        if surname is not None and not (
            particles and surname[0].isupper() and (dotted or particles[0].isupper())
        ):
            return None  # no particle, or one the scan reads itself ("van Dam")
        k = bisect_left(self.starts, m.start("initial" if surname is None else "surname"))
        if (
            k >= self.n
            or not self.usable(k)
            or any(self.blocked[t] for t in range(j + 1, k))
            or surname is None
            and not self.initial(k)
            or surname is not None
            and not dotted
            and not self.flags[k] & (SURNAME | NAME_LIKE)
        ):
            return None
        return k, self.ends[k]

    def initial(self, k: int) -> bool:
        """Token k is one capital letter, followed by a full stop: an initial."""
        word = self.words[k]
        return (
            len(word) == 1 and word.isupper() and self.text[self.ends[k] : self.ends[k] + 1] == "."
        )

    def initial_dot(self, end: int) -> int:
        """1 when the full stop at `end`, after an initial, is the initial's only: the sentence
        goes on after it ("Roos K. uit groep 7", "Roos K., Daan"); 0 when it may end one."""
        m = INITIAL_DOT.match(self.text, end)
        if m is None:
            return 0
        after = m[1]
        return int(after.islower() or after.isdigit() or after in ",;:)!?&-–")

    def initial_names(self) -> None:
        """A first name, or a capitalised word shaped like one that no word list knows, before
        a surname's initial is a name wherever it stands: "Storm V. won de sponsorloop", "de
        prijs ging naar Yaroslavna K." (not "Vitamine D.", "Plan B.": ordinary words)."""
        flags = self.flags
        for i in indices(flags, CAP):
            f = flags[i]
            if (
                self.taken[i]
                or not f & LONG
                or f & (TITLE | GREETING | UPPER | NOT_NAME | POSSESSIVE)
                or not (
                    f & FIRST
                    or f & (NAME_LIKE | COMMON) == NAME_LIKE
                    and roles.unknown_name_shape(self.words[i])  # not "Speellokaal C."
                )
            ):
                continue
            found = self.tail_after(i)
            if found is None or not self.initial(found[0]) or not self.usable(i):
                continue
            if roles.roman_after(self.text, self.ends[i]) and not self.initial_dot(found[1]):
                continue  # "keizer Karel V.": a numeral at the end of a sentence
            reason = "voornaam en initiaal van de achternaam"
            if not self.english(i, reason):
                self.add(i, reason)

    def run(self) -> list[tuple[int, int, str]]:
        flags = self.flags
        starts = indices(flags, CANDIDATE)  # most words cannot start a name
        if self.seen & LOWER_UNKNOWN:
            starts = sorted(starts + indices(flags, LOWER_UNKNOWN))
        titled = [
            i + 1
            for i in (indices(flags, TITLE) if self.seen & TITLE else ())
            if i + 1 < self.n
            and (
                flags[i + 1] & AFTER_TITLE
                or flags[i + 1] & (CAP | COMMON | CANDIDATE | LOWER_LONGER)
                == CAP | COMMON | LOWER_LONGER
                and (
                    roles.english_word(self.words[i + 1])
                    or flags[i] & (SURNAME_TITLE | CAP) == SURNAME_TITLE  # "familie Haddad"
                )
                or flags[i] & SURNAME_TITLE
                and self.lower_surname(i + 1)  # "familie kowalski"
            )
            and self.title_before(i + 1)
        ]
        for i in sorted(starts + titled) if titled else starts:
            if (
                self.usable(i)
                and (reason := self.decide(i))
                and not self.english(i, reason)
                and not (reason.startswith(("voornaam", "naam als")) and self.quoted_title(i))
            ):
                self.add(i, reason)
        if self.seen & INITIAL_CUE:
            self.initial_names()
        if self.seen & EN and self.seen & (CAP | COMMON):
            self.english_pairs()
        if self.seen & LOWER_LONGER:
            self.slot_lists()
        if self.hits:
            self.lists()
            if "\n" in self.text:
                self.line_lists()
        self.initials()
        if ". " in self.text and self.seen & SURNAME:
            self.lower_initials()
        return self.hits

    def english_pairs(self) -> None:
        """An English word that is a given name too, paired with a first name before a plural
        verb of persons in a Dutch sentence, is a name: "Will en Noor wonnen", "Hope en Sara
        hielpen" (not "Will you ...", an English sentence)."""
        flags = self.flags
        for i in indices(flags, EN):
            k = i - 1
            if (
                k >= 0
                and flags[k] & (CAP | COMMON | FIRST) == CAP | COMMON
                and not self.taken[k]
                and self.usable(k)
                and i + 1 < self.n
                and flags[i + 1] & (CAP | FIRST) == CAP | FIRST
                and self.spaced(i)
                and self.spaced(i + 1)
                and self.verb_after(i + 1, plural=True)
                and roles.english_word(self.words[k])
                and not roles.english_sentence(self.text, self.starts[k])
            ):
                self.add(k, "Engelse voornaam in een paar met een naam")

    def lists(self) -> None:
        """Names in a list with a found name ("Luuk en Jade") are names too."""
        flags, taken, n = self.flags, self.taken, self.n
        capitals = indices(flags, LIST_NAME)  # only these can join a list
        lower = [  # "..., Georgi Petrov en lisa van 't hof": a lower-case first name
            i
            for i in indices(flags, FIRST)
            if flags[i] & (CAP | LOWER_LONGER | NAME_WORD | COMMON) == LOWER_LONGER
        ]
        if lower:
            capitals = sorted(capitals + lower)
        if self.seen & LOWER_LONGER:
            self.lower_lists()
        changed = True
        while changed:
            changed = False
            for i in capitals:
                if True not in taken[max(0, i - 2) : i + 3] or not self.usable(i):
                    continue  # no found name within two tokens: nothing to join
                if self.seen & ANIMAL and self.pet_named(i):
                    continue  # "de cavia heet Storm en Daan heeft ...": Storm is the pet
                if i > 0 and roles.place_before(self.words[i - 1]) and self.spaced(i):
                    continue  # "naar het vwo in Ede, Anne gaat ...": a place
                near = [
                    k
                    for k in (i - 1, i + 1)
                    if 0 <= k < n and taken[k] and LIST_GAP.match(self.gap(max(i, k)))
                ] + [
                    k
                    for k, mid in ((i - 2, i - 1), (i + 2, i + 1))
                    if 0 <= k < n
                    and taken[k]
                    and flags[mid] & EN_OF
                    and self.spaced(mid)
                    and self.spaced(mid + 1)
                ]
                if near and (
                    flags[i] & FIRST
                    or flags[i] & NAME_LIKE
                    and (
                        not self.sentence_start(i)
                        and (flags[i] & SURNAME or roles.unknown_name_shape(self.words[i]))
                        # "Op de foto: Kalkidan, Mustafa en ...": it opens a list of names
                        or not flags[i] & SURNAME
                        and roles.unknown_name_shape(self.words[i])
                        and roles.dutch_sentence(self.text, self.starts[i])
                    )
                ):
                    self.add(i, "naam in een opsomming van namen")
                    changed = True

    def clause_goes_on(self, k: int) -> bool:
        """Token k, after a group's label, goes on in lower-case words as a clause does ("Groep
        4 verkleedde zich", "Groep 3 kump verkleid"): a verb, not the name holding the place
        ("groep 5 noor en sem", "groep 3 lujain, groep 4 ...")."""
        if k + 1 >= self.n or self.text[self.ends[k] : self.starts[k + 1]] != " ":
            return False
        word = self.words[k + 1]
        return word.isalpha() and word.islower() and not self.flags[k + 1] & EN_OF

    def slot_lists(self) -> None:
        """Lower-case words in the places of a list of ranks or groups, two labels or more of
        one kind in the post ("2e mila, 3e yaroslav", "groep 1/2 merhawit, groep 3 lujain"): a
        word no list knows of a name's shape, or a first name, is the name that holds the
        place; a first name that is also a word ("roos") only beside another name so placed."""
        for label in SLOT_LABELS:
            slots = [
                k
                for m in label.finditer(self.text)
                if (k := bisect_left(self.starts, m.end())) < self.n
                and self.starts[k] == m.end()
                and not self.flags[k] & CAP
                and not self.clause_goes_on(k)
            ]
            if len(slots) < 2:
                continue
            for k in slots:
                f = self.flags[k]
                if not self.taken[k] and self.usable(k) and f & LOWER_LONGER:
                    if f & (FIRST | NAME_WORD | COMMON) == FIRST or (
                        not f & (FIRST | SURNAME | COMMON | INTERFIX | HEALTH_TERM | OTHER_TERM)
                        and roles.lower_name_in_a_slot(self.words[k])
                    ):
                        self.add(k, "naam op een plaats in een lijst")
            if any(self.taken[k] for k in slots):
                for k in slots:
                    f = self.flags[k]
                    if (
                        not self.taken[k]
                        and self.usable(k)
                        and f & (FIRST | LOWER_LONGER) == (FIRST | LOWER_LONGER)
                    ):
                        self.add(k, "naam op een plaats in een lijst")

    def line_item(self, i: int) -> str | None:
        """The place token i holds in a line of a bulleted or numbered list, when it is the
        line's one word ("1. Abraham", "- Zofia (groep 5)": "item") or its one word after a
        label and a colon ("- juffrouw Honing: Shanice": "value"); None otherwise."""
        text, start, end = self.text, self.starts[i], self.ends[i]
        head = text[text.rfind("\n", 0, start) + 1 : start]
        line_end = text.find("\n", end)
        if not LINE_ITEM_TAIL.fullmatch(text, end, len(text) if line_end < 0 else line_end):
            return None
        bullet = LINE_BULLET.match(head)
        if bullet is None:  # "De herder Sjeng: Bas": a label and its colon open the line
            return "value" if LINE_LABEL.fullmatch(head) else None
        rest = head[bullet.end() :]
        if not rest:
            return "item"
        return "value" if LINE_LABEL.fullmatch(rest) else None

    def line_item_candidates(self, newlines: list[int]) -> list[int]:
        """The tokens `line_item` may place, in order: per line its first token and the first
        after the line's first colon (a list item's word follows only a bullet, or a bullet, a
        label and its colon); no other token of a line can be its one word."""
        text, starts, n = self.text, self.starts, self.n
        found: list[int] = []
        line_start = 0
        for line_end in [*newlines, len(text)]:
            k = bisect_left(starts, line_start)
            if k < n and starts[k] < line_end:
                found.append(k)
                colon = text.find(":", line_start, line_end)
                if colon >= 0:
                    j = bisect_left(starts, colon)
                    if j < n and starts[j] < line_end and j != k:
                        found.append(j)
            line_start = line_end + 1
        return found

    def line_lists(self) -> None:
        """Names in the lines of a list hold the same place in each line: a word in the place
        of a name found in the line before or after it is a name too ("1. Abraham" above "2.
        Filmon"; "- Matilda: Ecrin" above "- juffrouw Honing: Shanice"); a first name that is
        also a word needs two names found in that place ("1. Roos")."""
        flags, taken = self.flags, self.taken
        newlines = [m.start() for m in NEWLINE.finditer(self.text)]
        items = {}  # line number -> (token, place): the lines are as they are, read once
        for i in self.line_item_candidates(newlines):
            if (place := self.line_item(i)) is not None:
                items[bisect_left(newlines, self.starts[i])] = (i, place)
        changed = True
        while changed:  # a name found in one line may make the next line's word one
            changed = False
            for line, (i, place) in items.items():
                if taken[i] or not self.usable(i) or not flags[i] & LIST_NAME:
                    continue
                if flags[i] & NAME_WORD:  # "1. Roos": a word too, so two names listed with it
                    if sum(taken[k] and p == place for k, p in items.values()) < 2:
                        continue
                elif not (
                    flags[i] & FIRST
                    or flags[i] & NAME_LIKE
                    and roles.unknown_name_shape(self.words[i])
                ):
                    continue
                if any(
                    (k := items.get(line + side)) is not None and k[1] == place and taken[k[0]]
                    for side in (-1, 1)
                ):
                    self.add(i, "naam in een opsomming van namen")
                    changed = True

    def lower_lists(self) -> None:
        """Lower-case words in a list with a lower-case name found: "ilse, bram, maud" (a name
        that is also a word, with names on both sides), "ikram en mewael" (a word no list knows,
        in a sentence written all in lower case)."""
        flags, taken, n = self.flags, self.taken, self.n
        found = [k for k in range(n) if taken[k] and not flags[k] & CAP]
        for k in found:  # a name added here is looked beside in turn: "a🔥 b💪 c⭐"
            for j in (k + 1, k + 2, k - 1, k - 2):  # the list's end first: its verb
                if not 0 <= j < n or taken[j] or not self.usable(j) or flags[j] & CAP:
                    continue
                sides = self.list_sides(j)
                if not sides:
                    continue
                f = flags[j]
                if f & (FIRST | NAME_WORD | LOWER_LONGER) == FIRST | NAME_WORD | LOWER_LONGER:
                    if (
                        len(sides) == 2
                        or sides == {-1}
                        and LIST_END.match(self.text, self.ends[j])
                        or self.list_subject(j, sides)
                    ):
                        self.add(j, "naam in een opsomming van namen")  # "dag sanne en bas!!"
                elif (
                    not f & (FIRST | SURNAME | COMMON | INTERFIX | NOT_NAME)
                    and f & LOWER_LONGER
                    and roles.unknown_lower_name(self.words[j])
                    and sentence_opening(self.text, self.starts[j]).islower()
                ):
                    self.add(j, "naam in een opsomming van namen")
                if taken[j]:
                    found.append(j)

    def list_subject(self, i: int, sides: set[int]) -> bool:
        """Token i ends or opens a list of names that is the subject of a plural verb of a
        person: "yusuf en mees hebben ...", "schoolzwemmen: bram, yusuf en ilias hebben ..."."""
        if sides == {-1}:
            return self.verb_after(i, plural=True)
        if sides != {1} or not self.lower_clause_start(i):
            return False
        k = i
        while True:  # to the list's last name
            nxt = next(
                (
                    j
                    for j in (k + 1, k + 2)
                    if j < self.n and self.taken[j] and j in self.members(k)
                ),
                None,
            )
            if nxt is None:
                return k > i and self.verb_after(k, plural=True)
            k = nxt

    def members(self, k: int) -> set[int]:
        """The tokens right after token k that stand in a list with it (a list gap or "en")."""
        found = set()
        if k + 1 < self.n and LOWER_LIST_GAP.match(self.gap(k + 1)):
            found.add(k + 1)
        if k + 2 < self.n and self.joins(k + 1) and self.spaced(k + 1) and self.spaced(k + 2):
            found.add(k + 2)
        return found

    def joins(self, mid: int) -> bool:
        """Token mid joins two list items: "en", "of", "and", or in haste "n" ("yusuf n mees")."""
        return bool(self.flags[mid] & EN_OF) or self.words[mid] == "n"

    def list_sides(self, i: int) -> set[int]:
        """The sides (-1, +1) of token i on which a found name stands in a list with it."""
        sides = set()
        for side in (-1, 1):
            k = i + side
            if 0 <= k < self.n and self.taken[k] and LOWER_LIST_GAP.match(self.gap(max(i, k))):
                sides.add(side)
            k, mid = i + 2 * side, i + side
            if (
                0 <= k < self.n
                and self.taken[k]
                and self.joins(mid)
                and self.spaced(mid)
                and self.spaced(mid + 1)
            ):
                sides.add(side)
        return sides

    def lower_initials(self) -> None:
        """An initial and a surname written in lower case: "tnv w. van dijk", "mr. j. bakker" (a
        surname the lists know that is none of the most frequent Dutch words, or after an
        interfix any surname no word list calls ordinary; one letter alone, so no "o.a.")."""
        for m in LOWER_INITIAL.finditer(self.text):
            initial = m.start() - 1
            k = bisect_left(self.starts, m.end())
            if k >= self.n or self.starts[k] != m.end() or self.taken[k] or not self.usable(k):
                continue
            known = self.lower_surname(k) or (
                m.group(1) and self.flags[k] & (SURNAME | COMMON | FIRST | CAP) == SURNAME
            )
            if not known or (
                k + 1 < self.n and self.flags[k + 1] & INTERFIX and self.spaced(k + 1)
            ):
                continue
            for j in range(bisect_left(self.starts, initial), k + 1):
                self.taken[j] = True
            self.hits.append((initial, self.ends[k], "voorletter en achternaam"))

    def initials(self) -> None:
        """Initials and a surname: "M. Kowalski", "R. van Dam"."""
        if not self.seen & INITIAL_CUE:
            return  # no capital letter stands alone, so no "M." either
        lex = lexicon()
        for m in _initials().finditer(self.text):
            surname = m.group(3)
            low = surname.lower()
            if low in lex.not_names or (low in lex.common_words and not is_surname(lex, low)):
                continue
            lo, hi = m.start(), m.end()
            overlapping = range(bisect_right(self.ends, lo), bisect_left(self.starts, hi))
            if any(self.blocked[i] for i in overlapping):
                continue
            inside = [h for h in self.hits if lo < h[1] and h[0] < hi]
            for h in inside:  # "t.n.v. V. Nguyen": the surname alone was found, keep the whole
                self.hits.remove(h)
            before = [h for h in inside if h[0] < m.start(3)]
            if before:  # "Tineke A. Bakker": a name found holds the initial, the surname joins it
                first = min(before)
                self.hits.append((first[0], max(hi, *(h[1] for h in inside)), first[2]))
            else:
                self.hits.append((lo, hi, "voorletter en achternaam"))


def _public_work(text: str, start: int, end: int, reason: str) -> bool:
    """A full name ("Anton de Kom", "M.C. Escher") right after "de verhalen van" or "schrijver":
    a public figure's work, unless a group follows (a pupil's drawings)."""
    value = text[start:end]
    if GROUP_AFTER.match(text, end) or _ends_in_initial(value):
        return False  # "de tekeningen van Roos K.": a maker so written is no public one
    if QUOTED_WORK_BEFORE.search(text, max(0, start - 10), start) is not None:
        # "'Zij gelooft in mij' van André Hazes": a surname the lists do not know may follow
        return " " in value or "." in value or CAPITAL_AFTER.match(text, end) is not None
    return (" " in value or "." in value) and (
        public_work_before().search(text, max(0, start - 60), start) is not None
        or READ_TITLE_BEFORE.search(text, max(0, start - 120), start) is not None
        or LESSON_TOPIC_BEFORE.search(text, max(0, start - 120), start) is not None
    )


def _drop_said_again(
    text: str, found: list[tuple[int, int, str]], figures: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Drop a one-word name that is the first or last word of a full name found to be a public
    figure's ("het standbeeld van Jan Pieter Minckelers ... Minckelers heeft een vlam in zijn
    hand"); a title, greeting or group keeps a person."""
    said: set[str] = set()
    for start, end, _ in figures:
        parts = text[slice(*_name_run(text, start, end))].split()
        if len(parts) >= 2:
            said.update((parts[0], parts[-1]))
    return [
        (start, end, reason)
        for start, end, reason in found
        if text[start:end] not in said
        or reason.startswith(PERSON_REASONS)
        or GROUP_AFTER.match(text, end)
    ]


def _ends_in_initial(value: str) -> bool:
    """The name's last word is its surname's initial: "Roos K.", "Fenna v.d. B"."""
    words = value.rstrip(".").split()
    return len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper()


RUN_BEFORE = re.compile(r"(?:[A-ZÀ-Þ]\w*(?:['’-]\w+)* )+$")
RUN_AFTER = re.compile(r"(?: [A-ZÀ-Þ]\w*(?:['’-]\w+)*)+")


def _name_run(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the capitalised words that a one-word name found at [start, end) stands
    among, single spaces between: two first names found one by one are one person's full name
    ("het standbeeld van Frederik Hendrik")."""
    if " " in text[start:end]:
        return start, end
    before = RUN_BEFORE.search(text, max(0, start - 60), start)
    after = RUN_AFTER.match(text, end)
    return (before.start() if before else start, after.end() if after else end)


# A line of a list of works: "🔹 Mees Kees op kamp – Mirjam Oldenhave", "1. Oorlogswinter - Jan
# Terlouw": a title, a dash, and the maker's full name (initials may stand in it) ending the line.
WORK_LINE = re.compile(
    r"^[^\w\n]*(?:\d{1,2}[.)]\s*)?(?P<title>[^\n–—]*?[A-ZÀ-Þ'‘\"“][^\n–—]*?)\s[–—-]\s"
    r"(?P<maker>(?:[A-ZÀ-Þ][\w'’.-]*|(?:[A-Z]\.)+|van|de|der|den|ten|ter|'t)"
    r"(?:\s(?:[A-ZÀ-Þ][\w'’.-]*|van|vanden|de|der|den|ten|ter|'t)){1,3})[ \t]*[.,;!]?[ \t]*$",
    re.MULTILINE,
)
NOT_A_TITLE = re.compile(r"\d|\b(?:groep|klas|plaats|prijs|winnaar\w*)\b", re.IGNORECASE)


def _listed_makers(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Where the makers stand in the lines of a list of works, in a post about books or
    reading ("Kinderboekenweek", "Leesclub"): two or more lines of a title, a dash and a full
    name. A line whose left side is a group, a place, a number or a name found ("Groep 5 – Daan
    de Vries", "1e plaats – ...", "Sanne – Daan de Vries") lists pupils."""
    if not STORY.search(text):
        return []
    spans = [
        m.span("maker")
        for m in WORK_LINE.finditer(text)
        if not NOT_A_TITLE.search(m.group("title"))
        and not any(m.start("title") <= h[0] < m.end("title") for h in found)
    ]
    return spans if len(spans) >= 2 else []


# Reasons that tie a name to the school's own people: a title (not a relative's: "zijn broer
# Aäron" is a story's), a greeting, a group.
PERSON_REASONS = ("naam na '", "naam na een aanhef", "voornaam gevolgd door", "naam gevolgd door")
PLAYS_PART = re.compile(r"\s+(?:was|speelde|speelt|is)\s+(?:de\s+)?[A-ZÀ-Þ]")  # "Thomas was David"
BIBLE_REFERENCE = re.compile(r"\s+\d{1,3}\s*:\s*\d")  # "Marcus 10:14"


CAPITALISED_WORD = re.compile(r"(?<![\w@#])[A-ZÀ-Þ][^\W\d_]+")


def _cited_words(text: str, pos: int) -> bool:
    """The word at `pos` is quoted, and so is the lower-case letter its sentence opens with:
    words cited in a capitalised sentence ("leerden woorden: 'mooi weer' is ..., een 'poppe'
    is een meisje"), not a sloppy lower-case one ("er staat 'yara' op")."""
    if pos == 0 or text[pos - 1] not in QUOTES:
        return False
    k = pos - 1
    while k >= 0 and text[k] not in CITED_SENTENCE_END:
        k -= 1
    k += 1
    while k < pos and not text[k].isalpha():
        k += 1
    return k > 0 and text[k - 1] in QUOTES


CITED_SENTENCE_END = frozenset(".!?:\n")


def _bible_cast(text: str, found: list[tuple[int, int, str]]) -> bool:
    """Every name found is a figure of the Bible, the post names two or more of them (found or
    known otherwise: "David versloeg Goliath"), none with a title (a relative's may: "zijn
    vader Jakob"), greeting or group: the post tells their story ("Ruth zei tegen Naomi: ...",
    "Jozef kreeg een jas van zijn vader Jakob")."""
    named = {m.group() for m in CAPITALISED_WORD.finditer(text) if roles.bible_figure(m.group())}
    return len(named | {text[start:end] for start, end, _ in found}) >= 2 and all(
        roles.bible_figure(text[start:end])
        and not (reason.startswith(PERSON_REASONS) and not roles.kin_word(reason[9:-1]))
        and not GROUP_AFTER.match(text, end)
        for start, end, reason in found
    )


def _drop_bible_figures(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop Biblical names in a post about a Bible story, and names before a chapter and verse
    (see roles.bible_story)."""
    kept = []
    figures: list[tuple[int, int]] = []  # the Biblical names dropped
    story: bool | None = None  # asked only when a Biblical name was found
    for start, end, reason in found:
        if BIBLE_REFERENCE.match(text, end):
            continue  # "(Marcus 10:14)": a book of the Bible
        if (
            roles.bible_figure(text[start:end])
            and not (reason.startswith(PERSON_REASONS) and not roles.kin_word(reason[9:-1]))
            and not GROUP_AFTER.match(text, end)  # "Onze eigen Samuel uit groep 3"
            and not PLAYS_PART.match(text, end)
        ):
            if story is None:
                story = roles.bible_story(text) or _bible_cast(text, found)
            if story:
                if not PART_BEFORE_FIGURE.search(text, max(0, start - 30), start):
                    figures.append((start, end))
                continue  # "Deze week vertellen we over Abraham en Sara"
        kept.append((start, end, reason))
    return _drop_listed_with(text, kept, figures) if figures else kept


# "Thomas was David en Ruben de reus": a part a pupil plays, and the next pupil after it.
PART_BEFORE_FIGURE = re.compile(
    r"\b(?:was|is|speelde|speelt|als)\s+(?:(?:de|een)\s+)?(?:[a-zà-ÿ]+\s+)?$"
)


def _drop_listed_with(
    text: str, found: list[tuple[int, int, str]], figures: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Drop names listed right beside the figures of a Bible story the post tells ("Sem, Cham
    en Jafeth hielpen hun vader": Sem is Noach's son); a title, greeting, group or a group's
    slot keeps a pupil."""
    kept = sorted(found)
    changed = True
    while changed:
        changed = False
        for hit in kept:
            if (
                not hit[2].startswith(PERSON_REASONS)
                and not GROUP_AFTER.match(text, hit[1])
                and not PLAYS_PART.match(text, hit[1])  # "en Kenzo speelde Jozef"
                and not _in_group_slot(text, hit[0])
                and any(
                    LIST_GAP.match(text[end : hit[0]]) or LIST_GAP.match(text[hit[1] : start])
                    for start, end in figures
                )
            ):
                kept.remove(hit)
                figures.append((hit[0], hit[1]))
                changed = True
                break
    return kept


# A story's hero ("Tiuri is de held van het verhaal", "Dolf is een echte held") in a post about
# a book or story: the name is the character's.
HERO = re.compile(
    r"\b(?:held|heldin|helden|hoofdpersoon|hoofdpersonage|hoofdfiguur)\b", re.IGNORECASE
)
# "de held van de dag": praise of someone, not a story's hero
PRAISE_HERO = re.compile(r"\bheld\w*\s+van\s+(?:de|het)\s+(?:dag|week|maand|jaar)\b", re.I)
STORY = gated(r"\b(?:boek\w*|verha\w+|lees\w*|lez\w+|las|lazen|voorle\w+)\b", re.I)
SENTENCE_SPAN = re.compile(r"[^.!?\n]+")
# The capitalised words a sentence opens with, listed by commas, "en" or "&", before a name.
LEADING_LIST = r"\s*(?:[A-ZÀ-Þ][\w'’-]*(?:\s*,\s*|\s+(?:en|&)\s+))*"


def _drop_heroes(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop single names that a sentence of a post about a book calls its hero ("We lezen 'De
    Brief voor de Koning'. Tiuri is de held van het verhaal"), there and elsewhere in the post;
    a title, greeting or group keeps a pupil ("Onze Daan uit groep 4 is de held van de dag")."""
    heroes = set()
    for start, end, reason in found:
        value = text[start:end]
        if " " in value or reason.startswith(PERSON_REASONS) or GROUP_AFTER.match(text, end):
            continue
        sentence = next(m for m in SENTENCE_SPAN.finditer(text) if m.start() <= start < m.end())
        if (
            HERO.search(sentence.group())
            and not PRAISE_HERO.search(sentence.group())
            and (
                re.match(rf"{re.escape(value)}\s+is\b", text[start:])
                # "Kruimeltje en zijn hond zijn ...", "Tiuri en Piak zijn de helden"
                or re.match(LEADING_LIST + re.escape(value) + r"\b", sentence.group())
            )
        ):
            heroes.add(value)
    if not heroes or not STORY.search(text):
        return found
    return [h for h in found if text[h[0] : h[1]] not in heroes]


# "Groep 8 leest Koning van Katoren.", "we kijken Coco!", "De kleuters keken naar Paw Patrol":
# a class, "we" or "ze" reading, watching or playing a work named right after the verb.
_READER = (
    r"\b(?i:groep\s*\d[\d/-]*(?:\s+en\s+\d+)?|klas|we|wij|ze|zij"
    r"|de\s+(?:kinderen|kleuters|leerlingen|peuters|onderbouw|middenbouw|bovenbouw))"
)
_WORK_AFTER_VERB = (  # a few words of time between, no preposition ("speelde in Utrecht")
    r"(?:\s+(?:we|ze|vandaag|vanmiddag|samen|nog|weer|ook|alvast|(?:dit|deze)\s+(?:jaar|week)))"
    r"{0,3}?\s+(?:naar\s+)?['‘\"“]?[A-ZÀ-Þ]"
)
STORY_OPENER_NO_PUPIL = re.compile(
    r"\b(?:groep|klas|juf|meester|onze?|rol|rollen|gespeeld)\b", re.IGNORECASE
)
LIST_REST = re.compile(r"(?:\s*(?:,|\s(?:en|of|&)\s)\s*[A-ZÀ-Þ][\w'’-]*)*")  # "..., Sem en Lotte"
LIST_AFTER_COLON = r"[^:]*:"
# the names that open a sentence, joined as in a question too: "Mario, Luigi of Yoshi?"
OPENING_LIST = r"\s*(?:[A-ZÀ-Þ][\w'’-]*(?:\s*,\s*|\s+(?:en|of|&)\s+))*"


def _list_end(text: str, end: int) -> int:
    """Where the list of names that goes on after `end` ends ("Daan, Sem en Lotte")."""
    rest = LIST_REST.match(text, end)
    return rest.end() if rest else end


@lexicon_cache
def _pupil_turn() -> re.Pattern[str]:
    """A verb of a pupil's own turn, part or opinion (pupil_turn_verbs.txt) next."""
    verbs = "|".join(map(re.escape, sorted(package_list("pupil_turn_verbs"))))
    return re.compile(rf"\s+(?:{verbs})\b")


@lexicon_cache
def _work_sentence() -> re.Pattern[str]:
    """A class or "we" reading, watching or playing a work named right after the verb
    (work_verbs.txt)."""
    verbs = "|".join(map(re.escape, sorted(work_verbs())))
    return re.compile(rf"{_READER}\s+(?i:{verbs})\b{_WORK_AFTER_VERB}")


def _drop_story_openers(
    text: str, found: list[tuple[int, int, str]]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Drop names that open the sentence right after one where a class reads, watches or plays
    a work ("Groep 8 leest Koning van Katoren. Stach moet ...", "we kijken Coco! Miguel wil
    ...", "speelden Mario Kart. Wie was er sneller: Mario, Luigi of Yoshi?"): its figures,
    there and where said again (also where they stand, so that names listed with them are
    figures too). A title, greeting, group or part keeps a person, and so does a
    sentence that names a class, a teacher or a part, and a name followed by what a pupil may do
    or plays ("Lina mocht ...", "Noor speelt de rol van Pluk")."""
    sentences = list(SENTENCE_SPAN.finditer(text))
    following: list[re.Match[str] | None] = [*sentences[1:], None]
    figures: set[str] = set()
    for before, sentence in zip(sentences, following, strict=True):
        work = _work_sentence().search(before.group())
        if work is None:
            continue
        if "naar" not in work.group() and work.group()[-2] not in QUOTES:  # "we kijken Coco!"
            title = before.start() + work.end() - 1
            figures.update(
                text[lo:hi]
                for lo, hi, why in found
                if lo == title
                and not why.startswith(PERSON_REASONS)
                and not GROUP_AFTER.match(text, hi)
            )
        if sentence is None:
            continue
        words = sentence.group()
        if STORY_OPENER_NO_PUPIL.search(words) or PRAISE_HERO.search(words):
            continue  # "Daan en zijn vader zijn de helden van de dag": a pupil praised
        for start, end, reason in found:
            if not sentence.start() <= start < sentence.end():
                continue
            if (
                reason.startswith(PERSON_REASONS)
                or GROUP_AFTER.match(text, end)
                or PLAYS_PART.match(text, end)
                or _pupil_turn().match(text, _list_end(text, end))
            ):
                continue
            head = text[sentence.start() : start]
            if re.fullmatch(r"[\W_]*" + OPENING_LIST, head) or re.fullmatch(
                r"\s*Wie\b" + LIST_AFTER_COLON + OPENING_LIST, head
            ):
                figures.add(text[start:end])
    if not figures:
        return found, []
    dropped = [
        (start, end, reason)
        for start, end, reason in found
        if text[start:end] in figures
        and not reason.startswith(PERSON_REASONS)
        and not GROUP_AFTER.match(text, end)
    ]
    return [h for h in found if h not in dropped], [(lo, hi) for lo, hi, _ in dropped]


@lexicon_cache
def _story_titles() -> frozenset[str]:
    """Titles the figures of children's books go by (story_titles.txt: juffrouw, meneer)."""
    return package_list("story_titles")


def _titled_figures(
    text: str, found: list[tuple[int, int, str]]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """In a post about a story, a storybook title before a word no name list knows is a
    figure of the story ("juffrouw Klaproos, meneer Tump en Laura", "directrice Bulstronk"):
    dropped, and given as a figure so that names listed with it are figures too. Only the
    titles of story_titles.txt count: a name after a staff title, a relative or "mevrouw"
    stays a person's ("juf Giënella", "oma Trien"), and so does a name the lists know."""
    figures = [
        (start, end, reason)
        for start, end, reason in found
        if reason.startswith("naam na '")
        and reason[len("naam na '") : -1] in _story_titles()
        and " " not in text[start:end]
        and not word_flags(text[start:end]) & (FIRST | SURNAME)
        and not GROUP_AFTER.match(text, end)
    ]
    if not figures:
        return found, []
    return [h for h in found if h not in figures], [(lo, hi) for lo, hi, _ in figures]


@lexicon_cache
def _public_office() -> re.Pattern[str]:
    """A word of a public office at work (public_office_cues.txt: gemeenteraad, werkbezoek)."""
    words = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in package_list("public_office_cues")
    )
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _official(text: str, start: int, reason: str) -> bool:
    """A surname after a formal title (surname_titles.txt: meneer, mevrouw, dhr.; not
    "familie") in a sentence about a public office at work: an official in their public role
    ("Bedankt voor de uitleg over de gemeenteraad, meneer Wikkerink!")."""
    if not reason.startswith("naam na '"):
        return False
    title = reason[len("naam na '") : -1]
    if title not in word_lists().surname_titles or title.startswith("fam"):
        return False
    sentence = next(m for m in SENTENCE_SPAN.finditer(text) if m.start() <= start < m.end())
    return _public_office().search(sentence.group()) is not None


# "een nieuwe Mercedes", "geen echte Barbie": a name counted by an article is a thing so named.
THING_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?i:een|geen)\s+(?:[a-zà-ÿ]+e\s+){0,2}$")


# "Mario en Luigi waren het thema", "verkleed als Elsa": a theme or a costume, no person.
THEME_AFTER = re.compile(
    r"(?:\s*(?:,|en|&)\s*[A-ZÀ-Þ][\w-]*)*\s+(?:is|was|waren|zijn|wordt|werden)\s+"
    r"(?:dit\s+jaar\s+)?(?:het|ons|jullie)\s+thema\b"
)
COSTUME_BEFORE = re.compile(r"\bverklee\w*\b[^.!?\n]{0,30}\bals\s+(?:(?:een|de)\s+)?$", re.I)


def _theme_or_costume(text: str, start: int, end: int) -> bool:
    """The name is a theme ("Mario en Luigi waren het thema van de disco") or a costume
    ("verkleed als Elsa"), no person."""
    return (
        THEME_AFTER.match(text, end) is not None
        or COSTUME_BEFORE.search(text, max(0, start - 50), start) is not None
    )


_CAPITAL_WORD = r"[A-ZÀ-Þ][\w'’-]*"
# After the preposition: up to two words of the place before the name ("in Addis Abeba"), then
# the names of a list joined by "en" or commas ("in Mindelo en Praia").
PLACE_LIST_BEFORE = (
    rf"\s+(?:{_CAPITAL_WORD}\s+){{0,2}}"
    rf"(?:{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD})?(?:\s*,\s*|\s+en\s+))*$"
)
LIST_GOES_ON = re.compile(r"\s*,|\s+en\s")


@lexicon_cache
def _locatives() -> str:
    """An alternation of the prepositions only a place follows (locative_prepositions.txt)."""
    return "|".join(map(re.escape, sorted(package_list("locative_prepositions"))))


@lexicon_cache
def _place_before() -> re.Pattern[str]:
    """A preposition only a place follows, then what may stand between it and a place's name."""
    # gated by the prepositions' first letters, as `_trip_before` by its cues' (3.8 -> 2.9 us
    # a name, the same matches)
    return gated(rf"(?:^|(?<=[\s(]))(?i:{_locatives()}){PLACE_LIST_BEFORE}")


@lexicon_cache
def _place_after() -> re.Pattern[str]:
    """Such a preposition right after a name: where the one named comes from or lives."""
    return re.compile(rf"\s+(?i:{_locatives()})\s")


# "naar Fatima's huis", "naar Sem thuis": someone's home, a person.
PERSON_AT_PLACE_AFTER = re.compile(r"(?:['’]s\b|s\s+(?:huis|tuin)\b|\s+thuis\b)")


@lexicon_cache
def _trip_before() -> re.Pattern[str]:
    """A class or "we" travelling to a place (trip_cue_patterns.txt), then the place's name (or
    a list of them)."""
    cues = package_patterns("trip_cue_patterns")
    return gated(rf"\b(?i:{cues}){PLACE_LIST_BEFORE}")  # 6.1 -> 3.3 us a name


def _in_place_of_a_place(text: str, start: int, end: int, reason: str) -> bool:
    """The name stands where only a place can ("een school in Sofia", "in Mindelo en Praia"):
    no person, unless a title or relation says so, a place of its own follows it ("Hiba uit
    Syrië en Oleksandr uit Oekraïne"), or it ends a list after a comma ("Welkom in Nederland,
    Oleksandr!": the one spoken to)."""
    if reason.startswith(PERSON_REASONS):
        return False
    before = _place_before().search(text, max(0, start - 120), start)
    if before is None:
        trip = _trip_before().search(text, max(0, start - 160), start)
        return trip is not None and not PERSON_AT_PLACE_AFTER.match(text, end)
    gap = text[before.start() : start].rstrip()
    if gap.endswith((",", " en")) and _place_after().search(text, start, end + 8) is not None:
        return False
    return not gap.endswith(",") or LIST_GOES_ON.match(text, end) is not None


FEAST_HINT = re.compile(r"\w(?:feest|dag|viering)\b")


def _feast_named(text: str, value: str) -> bool:
    """`value` names the feast of the post ("Michaëlsfeest ... hoe Michaël de draak verslaat",
    "Sint-Jorisdag ... Joris"): its figure, no private person."""
    return (
        " " not in value
        and value[:1].isupper()
        and re.search(rf"{re.escape(value)}s?-?(?:feest|dag|viering)\b", text) is not None
    )


def _drop_brands(
    text: str, found: list[tuple[int, int, str]], starts: list[int], flags: list[int]
) -> list[tuple[int, int, str]]:
    """Drop names that are part of a business name spelled out in a web address of the post:
    "Yoga met Yvonne ... yogametyvonne.nl", "Studio Lotte ... studiolotte.nl"."""
    domains = " ".join(m.group().lower() for m in URL.finditer(text))
    if not domains:
        return found
    kept = []
    for start, end, reason in found:
        first = bisect_left(starts, start)
        name = re.sub(r"\W", "", text[start:end].lower())
        brand = any(
            len(phrase := re.sub(r"\W", "", text[starts[k] : end].lower())) > len(name)
            and phrase in domains
            for k in range(max(0, first - 3), first)
            if "\n" not in text[starts[k] : start]
            and not any(map(TITLE.__and__, flags[k:first]))  # "meester Quincy": no brand
        )
        if not brand:
            kept.append((start, end, reason))
    return kept


# The plural forms of 'spelen': the children play a part, they are not a pupil the verb is of.
PLURAL_PLAY = frozenset({"spelen", "speelden"})

# A play's words: the post is about a musical, a play or its parts (a word holding "toneel",
# ending in "spel" or "musical", opening with "musical", "voorstelling" or "auditie", or one of
# rol, rollen, hoofdrol, gespeeld, première). Only asked whether it occurs: written without
# "\w*" around the key parts, so `re` does not read every word to its end and back at each
# word's start (as "\b(?:\w*toneel\w*|\w*spel|...)\b" did: 30 -> 8 us a post).
STAGE = gated(
    r"toneel|spel\b|musical\b|\b(?:musical|voorstelling|auditie)"
    r"|\b(?:rol|rollen|hoofdrol|gespeeld|premi[eè]re)\b",
    re.I,
)
_PART = r"(?P<part>[A-ZÀ-Þ][\w'’-]*(?:\s+(?:van\s+de\s+|de\s+)?[A-ZÀ-Þ][\w'’-]*)?)"
# After a name: the part it plays ("Noor speelt de rol van Pluk", "Kenzo speelde Jozef",
# "Precious was een stralende Maria", "Kwame als Mufasa").
PART_AFTER = re.compile(
    r"\s+(?:(?:speelt|speelde|is|was|wordt|werd)\s+(?:de\s+(?:hoofd)?rol\s+van\s+"
    r"|(?:de|een)\s+(?:[a-zà-ÿ]+\s+)?)?|als\s+)" + _PART
)
# Before a name: the part it plays ("Meneer Penning wordt gespeeld door Thijs").
PART_BEFORE = re.compile(_PART + r",?\s+(?:wordt|werd)\s+(?:\w+\s+)?gespeeld\s+door\s+$")
# "in de rol van Pluk": a part wherever it stands.
ROLE_OF = re.compile(r"\b(?:hoofd)?rol\s+van\s+" + _PART)


def _drop_parts(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop the parts of a play that pupils play, there and elsewhere in the post: "Noor speelt
    de rol van Pluk", "Kenzo speelde Jozef", "Kwame als Mufasa", "Meneer Penning wordt gespeeld
    door Thijs" (Pluk, Jozef, Mufasa and Penning are parts; Noor, Kenzo, Kwame and Thijs
    pupils; so is a part with a title: "Meneer Penning"). A group keeps a pupil."""
    parts: set[str] = set()
    for m in ROLE_OF.finditer(text):
        parts.update(WORD.findall(m.group("part")))
    for start, end, _ in found:
        plays = (PART_AFTER.match(text, end), PART_BEFORE.search(text, max(0, start - 80), start))
        for play in plays:
            if play is not None:
                parts.update(w for w in WORD.findall(play.group("part")) if w[:1].isupper())
    if not parts:
        return found
    return [
        (start, end, reason)
        for start, end, reason in found
        if not (
            all(w in parts for w in WORD.findall(text[start:end]))
            and not GROUP_AFTER.match(text, end)
        )
    ]


MEANS = gated(r"\bbeteken(?:t|en|de|den)\b", re.I)
_GLOSS = r"(?:\s*\([^)\n]{1,20}\))?"  # "Umut (Turks)": the language it is a word of
# A name before what it means: a word, not a person ("Umut (Turks) en Amal betekenen hoop").
MEANING_AFTER = re.compile(
    _GLOSS
    + r"(?:(?:\s*,\s*|\s+(?:en|&)\s+)[A-ZÀ-Þ][\w'’-]*"
    + _GLOSS
    + r")*\s+beteken(?:t|en|de|den)\b"
)
# In a post about words and what they mean: "Deniz is de zee", "Su is water".
GLOSSED_AS = re.compile(_GLOSS + r"\s+is\s+(?:de\s+|het\s+|een\s+)?[a-zà-ÿ]+(?=[.,!?;]|\s+en\s)")
WORD_TALK = gated(r"\bwoord", re.I)


def _drop_words_explained(
    text: str, found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Drop names that are words whose meaning the post gives ("Umut (Turks) en Amal
    (Arabisch) betekenen allebei hoop"; in a post about words also "Deniz is de zee"); a title,
    greeting or group keeps a person."""
    about_words = WORD_TALK.search(text) is not None
    return [
        (start, end, reason)
        for start, end, reason in found
        if reason.startswith(PERSON_REASONS)
        or GROUP_AFTER.match(text, end)
        or not (
            MEANING_AFTER.match(text, end)
            or about_words
            and " " not in text[start:end]
            and GLOSSED_AS.match(text, end)
        )
    ]


# A quoted title: its opening quote after no letter, its closing quote before none.
QUOTED = re.compile(r"(?<!\w)['‘\"“]([A-ZÀ-Þ][^'‘’\"“”\n]{0,80}?)['’\"”](?!\w)")


@lexicon_cache
def _particle_surnames() -> frozenset[str]:
    """Surnames ending in an ordinary word, with their particle ("de jong", "de wit")."""
    return package_list("particle_surnames")


@lexicon_cache
def work_verbs() -> frozenset[str]:
    """Verbs that take a work as object ("we lazen 'Matilda'"): work_verbs.txt."""
    return package_list("work_verbs")


VENUE_AFTER = re.compile(r"\s+in\s+(?:het|de)\s+([A-ZÀ-Þ][\w'’-]*)")
MAKER_AFTER = re.compile(r"\s+(?:van|door)\s+[A-ZÀ-Þ]")
TITLE_WORDS_MAX = 6
NAMED_TITLE_WORDS_MAX = 9  # after a work word or verb: "leest 'Sjeng en de schat van de ...'"
WORK_CONTEXT_WORDS = 4  # a work word or verb this many words before the quote names it


_CAPITALISED = r"[A-ZÀ-Þ][\w'’-]*"
# Names listed right after a work's title, ending their clause with no verb of their own: the
# work's figures ("'De Leeuwenkoning'! Simba, Nala, Mufasa en Scar: wie wordt wie?").
CAST_AFTER_TITLE = re.compile(
    r"[!.:]?\s+("
    + _CAPITALISED
    + r"(?:(?:\s*,\s*|\s+(?:en|of|&)\s+)"
    + _CAPITALISED
    + r")+)\s*[:?!;]"
)


def _work_titles(text: str) -> list[tuple[int, int]]:
    """The quoted titles of works in `text`: a few capitalised-first words with no sentence
    inside ("'Ciske de Rat'"), commas too after a work word ("de voorstelling 'Ernst, Bobbie en
    de rest'"), one word only after a work word or verb ("lazen we 'Matilda'") or before its
    maker ("'Rikki' van Guido van Genechten"): 'Yara' alone may be a pupil quoted."""
    works = word_lists().work_words
    spans = []
    for m in QUOTED.finditer(text):
        inner = m.group(1)
        before = text[max(0, m.start() - 50) : m.start()].lower().split()[-WORK_CONTEXT_WORDS:]
        named = any(w.strip(",.!?:()") in works or w in work_verbs() for w in before)
        count = len(inner.split())
        if count == 1:
            venue = VENUE_AFTER.match(text, m.end())
            ok = (
                named
                or MAKER_AFTER.match(text, m.end()) is not None
                # "naar 'Annie' in het Zuiderstrandtheater": a show where it is played
                or venue is not None
                and word_flags(venue.group(1)) & PLACE_HEAD != 0
            )
        else:
            ok = (
                count <= (NAMED_TITLE_WORDS_MAX if named else TITLE_WORDS_MAX)
                and not any(ch in ".!?:;" for ch in inner)
                and ("," not in inner or named)
            )
        if ok:
            spans.append(m.span(1))
    return spans


def _title_figures(
    text: str, found: list[tuple[int, int, str]], words: Words
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Drop names that stand in the quoted title of a work the post names, there and elsewhere
    in the post: the work's figures ("de musical 'Ciske de Rat'. Ciske en ...", "'Rikki' van
    Guido van Genechten. Rikki is een konijn"); a title, greeting or group keeps a person, and
    so does a part played ("Pluk was Daan"). Also gives where the figures stand, so that names
    listed with them are figures too (`_drop_characters`)."""
    spans = _work_titles(text)
    figures = {w for lo, hi in spans for w in WORD.findall(text[lo:hi]) if w[:1].isupper()}
    for _, hi in spans:  # "'De Leeuwenkoning'! Simba, Nala en Scar: wie wordt wie?"
        cast = CAST_AFTER_TITLE.match(text, hi + 1)
        if cast is not None:
            figures.update(w for w in WORD.findall(cast.group(1)) if w[:1].isupper())
    if not figures:
        return found, []
    kept = [
        (start, end, reason)
        for start, end, reason in found
        if not (
            all(w in figures for w in WORD.findall(text[start:end]))
            and not reason.startswith(PERSON_REASONS)
            and not GROUP_AFTER.match(text, end)
            and not PLAYS_PART.match(text, end)
        )
    ]
    seeds = [
        (lo, hi)
        for lo, hi, word in zip(words.starts, words.ends, words.words, strict=True)
        if word in figures
    ]
    return kept, seeds


def _drop_characters(
    text: str,
    found: list[tuple[int, int, str]],
    words: Words,
    figures: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, str]]:
    """Drop names listed with a public figure or fictional character (`figures`: where other
    figures stand): "Pippi, Tommy en Annika", "Jip en Janneke" are characters of a story, not
    pupils. A name with its own verb opens a clause of its own ("Nour speelde Pluk en Tobias
    was meneer Pen")."""
    public = [m.span() for m in _phrase_pattern(lexicon().public_figures).finditer(text)]
    public += figures
    # a story's figures whose company is the story's: a work's title or a figure of two words
    story = [(lo, hi) for lo, hi in public if " " in text[lo:hi]] + list(figures)
    in_story = bool(story) and STORY.search(text) is not None
    kept = sorted(found)
    changed = bool(public)
    while changed:
        changed = False
        for hit in kept:
            if _kin_of_last_named(text, hit, public, kept) or (
                in_story and _in_company_of(text, hit, story)
            ):
                kept.remove(hit)
                public.append((hit[0], hit[1]))
                changed = True
                break
            after = bisect_left(words.starts, hit[1])
            if (
                after < len(words.flags)
                and words.flags[after] & (PERSON_VERB | EN) == PERSON_VERB
                and not words.words[after].endswith("en")  # "..., Tommy en Annika speelden"
            ):
                continue
            if _in_group_slot(text, hit[0]):
                continue  # "Uit groep 7: Hanna en Mozes": pupils, whoever else is named
            if any(
                LIST_GAP.match(text[end : hit[0]])
                or LIST_GAP.match(text[hit[1] : start])
                or 0 <= hit[0] - end < KIN_GAP_MAX
                and _kin_of_figure(text[end : hit[0]])
                for start, end in public
            ):
                kept.remove(hit)
                public.append((hit[0], hit[1]))
                changed = True
                break
    return kept


# "koningin Máxima en hun dochters Amalia ...": a figure's relatives, named after a possessive.
KIN_GAP = re.compile(r"\s+en\s+(?:zijn|haar|hun)\s+(\w+)\s+")
KIN_GAP_MAX = 30


def _kin_of_figure(gap: str) -> bool:
    """`gap` names a relative or companion of the figure before it ("en hun dochters")."""
    m = KIN_GAP.fullmatch(gap)
    return m is not None and _kin_or_friend(m.group(1))


def _kin_or_friend(word: str) -> bool:
    """`word` names a relative or a friend ("dochters", "broertje", "vriendin")."""
    return word.lower().startswith("vriend") or any(
        word_flags(w) & TITLE for w in (word, word.removesuffix("s"))
    )


# After a figure: a verb or two and "bij" or "met", then the names it is with.
COMPANY_GAP = re.compile(
    r"\s+(?:[a-zà-ÿ]+\s+){1,3}?(?:bij|met)\s+"
    r"(?:[A-ZÀ-Þ][\w'’-]*(?:\s*,\s*|\s+(?:en|&)\s+))*"
)


def _in_company_of(
    text: str, hit: tuple[int, int, str], figures: Sequence[tuple[int, int]]
) -> bool:
    """In a post about a story, the name is the company a figure of it keeps, right after its
    verb ("Dikkie Dik woont bij Jet en Jan"); a title, greeting or group keeps a person ("...
    logeert bij juf Anouk")."""
    if hit[2].startswith(PERSON_REASONS) or GROUP_AFTER.match(text, hit[1]):
        return False
    return any(
        0 <= hit[0] - hi <= COMPANY_GAP_MAX and COMPANY_GAP.fullmatch(text, hi, hit[0])
        for _, hi in figures
    )


COMPANY_GAP_MAX = 60

# "Zijn broer Theo", "alleen zijn broer Timmie": a relative of whoever was named last.
POSSESSIVE_KIN_BEFORE = re.compile(r"\b(?:zijn|haar|hun|z'n)\s+(\w+)\s+$", re.IGNORECASE)
REFERENT_MAX = 200  # characters back to the one a possessive points to


def _kin_of_last_named(
    text: str,
    hit: tuple[int, int, str],
    figures: Sequence[tuple[int, int]],
    persons: Sequence[tuple[int, int, str]],
) -> bool:
    """The name follows a possessive and a relative or friend ("Zijn broer Theo", "zijn
    vriendin Noura"), and the last one named before it is a figure, not a person found: the
    figure's relative ("Vincent schilderde de Zonnebloemen. Zijn broer Theo ..."; "De moeder van
    Daan ... Haar zoon Sem" stays a name)."""
    m = POSSESSIVE_KIN_BEFORE.search(text, max(0, hit[0] - 40), hit[0])
    if m is None or not _kin_or_friend(m.group(1)):
        return False
    lo = max(0, m.start() - REFERENT_MAX)
    before = m.start()
    last_figure = max((f[0] for f in figures if lo <= f[0] and f[1] <= before), default=-1)
    last_person = max((p[0] for p in persons if lo <= p[0] and p[1] <= before), default=-1)
    return last_figure > last_person


# A slot of a group in a list: "Uit groep 7: Hanna en Mozes", "Groep 5-6: Simeon en Anna".
GROUP_SLOT_BEFORE = re.compile(
    r"\b(?:groep|klas)\s*\d[\d/-]*\s*:\s*(?:[A-ZÀ-Þ][\w'’-]*(?:\s*,\s*|\s+(?:en|&)\s+))*$",
    re.IGNORECASE,
)


def _in_group_slot(text: str, start: int) -> bool:
    """The name stands in a group's slot of a list ("Uit groep 7: Hanna en Mozes")."""
    return GROUP_SLOT_BEFORE.search(text, max(0, start - 80), start) is not None


@functools.cache
def _allowed_names(names: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(n.lower().split()) for n in names if n.strip())


def _named_again(
    text: str,
    found: list[tuple[int, int, str]],
    starts: list[int],
    ends: list[int],
    flags: list[int],
    blocked: list[bool],
) -> list[tuple[int, int, str]]:
    """Further occurrences of a capitalised one-word name found once ("De moeder van Wout ...
    Wout en zijn familie"): a name known from its context in one sentence is the same person's
    name in the next, where no cue stands (every occurrence is a finding, and is masked)."""
    names = {text[start:end]: reason for start, end, reason in found}
    # "Roos K. ... Roos kreeg": the first name of a name with a surname's initial, said again
    names |= {
        value.split()[0]: reason
        for value, reason in list(names.items())
        if _ends_in_initial(value) and value.split()[0] not in names
    }
    if all(text.count(name) < 2 for name in names):
        return []
    taken = [(start, end) for start, end, _ in found]
    again = []
    for k, start in enumerate(starts):
        if not flags[k] & CAP or blocked[k]:
            continue
        first = names.get(text[start : ends[k]])
        if first is not None and not any(s < ends[k] and start < e for s, e in taken):
            again.append((start, ends[k], first))
    return again


def find_names(
    text: str, ctx: RuleContext, skip: Sequence[Span], words: Words | None = None
) -> list[Hit]:
    """Every name of a private person in `text`; `skip` holds e-mails, links and handles.

    `words` is `scan_words(text)` when the caller has it already.
    """
    if words is None:
        words = scan_words(text)
    starts, ends, flags = words.starts, words.ends, words.flags
    blocked = _blocked_tokens(text, starts, ends, flags, words.seen, ctx, skip)
    found = _Scanner(text, words.words, starts, ends, flags, blocked, words.seen).run()
    if found:  # before the filters below: each occurrence is judged on its own
        found += _named_again(text, found, starts, ends, flags, blocked)
    found += [
        h for h in hashtag_names(text) if not any(h[0] < b.end and b.start < h[1] for b in skip)
    ]
    if found and ("–" in text or " - " in text or "—" in text) and "\n" in text:
        makers = _listed_makers(text, found)
        found = [h for h in found if not any(lo <= h[0] < hi for lo, hi in makers)]
    if found and (
        words.seen & WORK_CUE
        or "' van " in text
        or "’ van " in text
        or '" van ' in text
        or " van " in text
        and (STORY.search(text) or SEEN_OR_HEARD.search(text))
        or " over " in text
    ):
        works = [h for h in found if _public_work(text, *_name_run(text, h[0], h[1]), h[2])]
        if works:
            found = _drop_said_again(text, [h for h in found if h not in works], works)
    if words.seen & CAP and TLD.search(text):
        found = _drop_brands(text, found, starts, flags)
    if found:
        found = _drop_bible_figures(text, found)
    story: list[tuple[int, int]] = []
    if found and _work_sentence().search(text):
        found, story = _drop_story_openers(text, found)
    if found and HERO.search(text):
        found = _drop_heroes(text, found)
    if found and ("thema" in text or "verklee" in text):
        found = [h for h in found if not _theme_or_costume(text, h[0], h[1])]
    if found:
        found = [h for h in found if not _in_place_of_a_place(text, *h)]
    if found and _public_office().search(text):
        found = [h for h in found if not _official(text, h[0], h[2])]
    if found and ("een " in text or "Een " in text):
        found = [
            h
            for h in found
            if h[2].startswith(PERSON_REASONS)
            or not THING_ARTICLE_BEFORE.search(text, max(0, h[0] - 40), h[0])
        ]
    if found and FEAST_HINT.search(text):
        found = [h for h in found if not _feast_named(text, text[h[0] : h[1]])]
    if found and MEANS.search(text):
        found = _drop_words_explained(text, found)
    if found and STAGE.search(text):
        found = _drop_parts(text, found)
    figures: list[tuple[int, int]] = []
    if found and ("'" in text or '"' in text or "‘" in text or "“" in text):
        found, figures = _title_figures(text, found, words)
    figures += story
    if found and STORY.search(text):
        found, titled = _titled_figures(text, found)
        figures += titled
    if found and (words.seen & PUBLIC_START or figures):
        found = _drop_characters(text, found, words, figures)
    allowed = _allowed_names(tuple(ctx.allow.names))
    hits = []
    for start, end, reason in sorted(found, key=itemgetter(0)):
        value = text[start:end]
        hits.append(
            Hit(
                span=Span(start, end),
                value=value,
                reason=reason,
                kind=PDKind.NAME,
                allowed=bool(allowed) and tuple(value.lower().split()) in allowed,
            )
        )
    return hits
