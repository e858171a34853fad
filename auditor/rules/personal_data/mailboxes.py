"""Who owns an e-mail mailbox, read from the words of its local part.

A person's mailbox is made of a name: initials and a surname ("m.bakker", "j.devries1984"), a
first name ("anouk.meijer", "sanne1988"), a first name and surname run together
("keesmulder72") or a family word ("fam.yilmaz", "mamavanjesse"). An organisation's is made of
words of the language, places, club letters and years, and no name: "jeugd.hsv",
"jeugdteam.hardenberg", "kinderboekenweek2026", "tcheemse1975". Many clubs, parents' councils
and projects keep such a mailbox on a free provider (gmail, outlook), so the provider alone does
not make it a person's.
"""

from __future__ import annotations

import enum
import re

from auditor.nlp.lexicon import deduce_places, dutch_words, lexicon, lexicon_cache, package_list
from auditor.rules.personal_data.words import is_organisation, word_lists

LETTERS = re.compile(r"[a-z]+")
MIN_WORD = 4  # a word that says what a mailbox is for has at least this many letters
MIN_HEAD = 4  # the first word of a compound ("jeugd" of "jeugdteam")
MAX_CLUB_LETTERS = 3  # "tc", "hsv": a club's letters before its place ("tcheemse")
MIN_PART = 3  # a part that tells something: "hsv", "bso"; not "de", "nl"
# A year of this era after a project's word ("kinderboekenweek2026"), not a birth year.
PROJECT_YEAR = re.compile(r"(?<!\d)20[2-3]\d(?!\d)")


class Shape(enum.Enum):
    PERSON = "person"  # a name, initials, a family word
    ORGANISATION = "organisation"  # words of the language, places, club letters; no name
    UNKNOWN = "unknown"  # neither: an unknown word ("cantilene", "oudersbaalder")


@lexicon_cache
def _personal_words() -> frozenset[str]:
    """Words that make a mailbox a private person's (personal_mailbox_words.txt: fam, mama)."""
    return package_list("personal_mailbox_words")


@lexicon_cache
def _role_words() -> frozenset[str]:
    return package_list("role_mailboxes")


def shape_of(local: str) -> Shape:
    """Whose a mailbox is by the words of its local part (`local` is what stands before @)."""
    low = local.lower()
    words = LETTERS.findall(low)
    if not words or starts_with_initials(low):
        return Shape.PERSON if words else Shape.UNKNOWN
    if names_a_function(low):
        return Shape.ORGANISATION
    if any(map(_a_persons_word, words)):
        return Shape.PERSON
    if any(len(w) >= MIN_PART and w in lexicon().first_names for w in words):
        return Shape.PERSON  # "boer.jan", "lieve2015": a first name that is also a word
    if _says_what_it_is_for(words, low):
        return Shape.ORGANISATION
    return Shape.UNKNOWN


def names_a_function(local: str) -> bool:
    """Whether a local part names a function or an organisation and no one ("info",
    "ouderraad.oktaaf", "secretaris-vvheeze", "scouting.tenboer", "kerstcommissie.bso"), on any
    domain: a role word, a compound ending in a long one, or an organisation word among its
    parts, and no first name ("mr.johanpeters": the council's chair by his own name)."""
    roles = _role_words()
    if local in roles:
        return True
    parts = [p for p in re.split(r"[._+-]+", local) if p]
    if names_a_first_name(parts) or any(map(full_name_run_together, parts)):
        return False
    return any(part in roles or is_organisation(part) or _role_compound(part) for part in parts)


def _role_compound(part: str) -> bool:
    """ "sinterklaascomite", "leesouderraad": a compound whose last word is a role mailbox's
    word of six letters or more (short ones end surnames too: "vannoord", "vanderpost")."""
    return any(
        len(role) >= 6 and len(part) >= len(role) + 3 and part.endswith(role)
        for role in _role_words()
    )


def names_a_first_name(words: list[str]) -> bool:
    """Whether the words of a handle or mailbox hold a first name that is no ordinary word
    ("marco")."""
    lex = lexicon()
    return any(len(w) >= 3 and w in lex.first_names and w not in lex.common_words for w in words)


def _says_what_it_is_for(words: list[str], local: str) -> bool:
    """An organisation's mailbox says what it is for and whose: two words, one of them a word of
    no one ("jeugd.hsv", "welpen.ottergroep"), one organisation, role or club word on its own
    ("tcheemse1975"), or a project with this decade's year ("sponsorloop2027"). One ordinary
    word alone is a nickname as often ("zonnetje85", "voetbalgek@live.nl")."""
    particles = lexicon().interfixes  # "de", "van", "het": they tell nothing
    telling = [w for w in words if len(w) >= MIN_PART and w not in particles]
    if not any(map(_a_word_of_no_one, telling)):
        return False
    if len(set(telling)) >= 2:
        return True
    word = telling[0]
    return (
        word in _role_words()
        or is_organisation(word)
        or _club_of_a_place(word)
        or PROJECT_YEAR.search(local) is not None
    )


def starts_with_initials(local: str) -> bool:
    """Whether a local part opens with one or two initials and a separator, then more ("m.bakker",
    "dj.oosterhof"; not "or.zandloper" nor "tc.heemse": a role's or a club's letters)."""
    match = re.match(r"([a-z]{1,2})[._-](?=[a-z])", local.lower())
    if match is None:
        return False
    letters = match.group(1)
    return letters not in _role_words() and letters not in word_lists().mentions


def _a_persons_word(word: str) -> bool:
    """A first name, a surname that is no word of the language, a word opening with a surname's
    particle ("devries", "vanderveen"), a first name and surname run together ("keesmulder") or
    a family word ("fam", "mama")."""
    lex = lexicon()
    if _personal_word_first(word):
        return True
    if word in lex.common_words or word in deduce_places() and word not in lex.first_names:
        return False  # "hardenberg": a surname too, but the town in a mailbox
    if word in lex.first_names or word in lex.surnames:
        return True
    return _particle_surname(word) or full_name_run_together(word)


def _particle_surname(word: str) -> bool:
    """A surname after its particle, run together: "devries", "vanderveen"."""
    lex = lexicon()
    return any(
        word[:cut] in lex.interfixes and word[cut:] in lex.surnames
        for cut in range(2, len(word) - 2)
    )


def full_name_run_together(word: str) -> bool:
    """A first name and a surname written as one word, particle or not: "keesmulder",
    "johanpeters", "sannedevries"; a first name of three letters or more, and no word of the
    language after it ("ottergroep")."""
    lex = lexicon()
    return any(
        word[:cut] in lex.first_names and _surname_no_word(word[cut:])
        for cut in range(MIN_PART, len(word) - 2)
    )


def _surname_no_word(rest: str) -> bool:
    """A surname that is no word of the language, its particle before it or not: "mulder",
    "devries"; not "groep", "tergroep"."""
    lex = lexicon()
    cuts = [0, *(cut for cut in range(2, len(rest) - 2) if rest[:cut] in lex.interfixes)]
    return any(rest[cut:] in lex.surnames and rest[cut:] not in lex.common_words for cut in cuts)


def _personal_word_first(word: str) -> bool:
    """The word is a family word, ends in a long one ("voetbalmama"), or opens with one before
    "van..." or a name ("mamavanjesse", "familiebakker"; not "moederdag")."""
    lex = lexicon()
    for personal in _personal_words():
        if word == personal or len(personal) >= MIN_WORD and word.endswith(personal):
            return True  # "voetbalmama", "trotsemoeder"
        rest = word[len(personal) :]
        if len(personal) >= MIN_WORD and word.startswith(personal) and rest:
            if rest.startswith("van") or rest in lex.first_names or rest in lex.surnames:
                return True
    return False


def _a_word_of_no_one(word: str) -> bool:
    """A word that says what a mailbox is for: a word of the language (no first name), a role
    or organisation word, a place, a compound of known words ("jeugdteam", "sponsorloop") or a
    club's letters before a place ("tcheemse")."""
    if len(word) < MIN_WORD or word in lexicon().first_names:
        return False
    return _known_word(word) or _compound(word) or _club_of_a_place(word)


def _known_word(word: str) -> bool:
    return (
        word in lexicon().common_words
        or word in _role_words()
        or is_organisation(word)
        or word in deduce_places()
    )


def _compound(word: str) -> bool:
    """A word of the language, then a known word or a place: "kinderboekenweek", "jeugdteam",
    "kindernevendienst" (not "boerrigter": the second part is no word)."""
    common = lexicon().common_words
    return any(
        word[:cut] in common and (_known_word(word[cut:]) or word[cut:] in dutch_words())
        for cut in range(MIN_HEAD, len(word) - 2)
    )


def _club_of_a_place(word: str) -> bool:
    """A club's letters run together with a place: "tcheemse", "vvdenoord" is no such word."""
    places = deduce_places()
    return any(word[cut:] in places for cut in range(2, MAX_CLUB_LETTERS + 1))
