"""Replies from the school account to parents (articles 1d/2d).

Employees do not answer parents' messages through the school account: that conversation
belongs in Parro, e-mail or at the school gate. The rule `reply.to-parent` looks at every reply
or comment the account itself wrote and works out who it answers:

1. `post.reply_to` and `post.reply_to_name` (what the source knows); when that is the account
   itself (its own thread, or a Facebook comment under its own post), the text's target below;
2. otherwise the leading @handles of the text ("@jeroenvdberg78 Goede vraag!");
3. otherwise a greeting ("Hoi Marloes,", "Beste Fatima,", "Dag meneer Jansen,"), the name a
   Facebook comment reply opens with as a tag ("Marieke Hofstee dank je wel!", "VV Borger
   bedankt"), or a name addressed in a thank-you ("dank jullie wel, Scouting Wapenveld,").

The target is *not* a parent when it is the account itself (a thread), an allow-listed
organisation, handle or staff member, or when it looks like an organisation or a staff member
(see `organisation_words.txt` and `staff_words.txt` in auditor/lexicons/), a grandparent or
neighbour by handle ("@omavantess"), or when the text says the person is a former pupil or
colleague ("oud-leerling", "je havo-examen", "je eerste jaar op het ... College"), an intern
("je laatste stagejaar"), a pupil ("in de kring") or the press ("interview", "je artikel"), or
when it opens by thanking someone for a deed or a gift for the school ("voor het sponsoren",
"voor al die ochtenden", "voor de vlaai"), not for a message ("voor het melden"), and speaks
of no child of theirs, by name or not, nor of a parent's task ("luizenouders"), or when it
praises a pupil's work by the pupil's name ("Wat een mooie tekening, Sietske!") or what the
pupil won or performed ("Top gedaan, Esther! De eerste plaats bij de voorleeswedstrijd") and
says no "u", no child of the reader and no parent's task, or when it speaks of a pupil's own
things ("Vergeet je kostuum niet!", "vraag het aan je juf"), of where a former pupil sat years
ago ("twintig jaar geleden zat je hier in groep 8") or of a neighbour's garden or the school's
noise ("uw tuin", "over de schutting", "herrie"). Regional thanks and function words read as
Dutch ("Tige tank, Baukje, foar de foto's"; "Danke wel, opa Jup, veur ..."). Anyone else,
including an unknown target, is taken to be a parent: the protocol forbids answering parents
at all, so this rule prefers recall.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from auditor.models import Category, Hit, Platform, Post, PostKind, Severity, Span
from auditor.nlp.lexicon import (
    lexicon,
    lexicon_cache,
    organisations,
    package_entries,
    package_list,
    package_patterns,
)
from auditor.nlp.patterns import Alternatives
from auditor.rules.base import RuleContext, rule
from auditor.rules.personal_data.contact import PLURAL_YOU, is_organisation_handle
from auditor.rules.personal_data.mailboxes import names_a_first_name
from auditor.rules.personal_data.words import is_organisation, word_lists


class ReplyWords(NamedTuple):
    """Who a reply's target is, by the words of its name or handle (auditor/lexicons/)."""

    organisation: tuple[str, ...]  # organisation_words.txt [reply]: gemeente, ggd, vv
    organisation_prefixes: tuple[str, ...]  # organisation_words.txt [reply-start]: GGDIJssel
    staff: tuple[str, ...]  # staff_words.txt: juf, collega
    staff_prefixes: tuple[str, ...]  # staff_prefixes.txt: "jufanja"
    family_parts: tuple[str, ...]  # family_handle_parts.txt: anywhere ("schoolmama_anja")
    family_words: tuple[str, ...]  # family_handle_words.txt: whole word ("oma", not "thomas")


@lexicon_cache
def reply_words() -> ReplyWords:
    orgs = organisations()
    return ReplyWords(
        organisation=orgs.reply,
        organisation_prefixes=orgs.reply_start,
        staff=package_entries("staff_words"),
        staff_prefixes=package_entries("staff_prefixes"),
        family_parts=package_entries("family_handle_parts"),
        family_words=package_entries("family_handle_words"),
    )


LEADING_HANDLES = re.compile(r"\A\s*((?:@\w+[\s,]*)+)")
HANDLE = re.compile(r"@\w+")
# A handle called out after the reply's first word, a comma or "!" after it ("Klopt @x!")
CALLED_HANDLE = re.compile(r"\A\s*[^\W\d_]+[,!]?\s+(?P<target>@\w+)\s*[,!]")
_NAMEWORD = r"[A-ZÀ-ÖØ-Þ][\wÀ-ÖØ-öø-ÿ'’-]*"
_PARTICLE = r"(?:van|de|der|den|het|ter|ten|te|el|al)"
_NAME = rf"{_NAMEWORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAMEWORD}){{0,3}}"
# Where a person thanked works, in lower case after the name ("Miranda van de bieb"): the
# target's own words then say an organisation (`_not_a_parent`).
_OF_A_BODY = r"(?:\s+van\s+(?:de|het|'t)\s+[a-zà-ÿ][\w'’-]*)?"


@lexicon_cache
def greetings() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The opening greeting of a reply with a name ("Hoi Marloes,", "Bêste Sjoukje,")
    and with a group or role in lower case ("Beste medewerkers van het museum,", "Hoi
    collega,"), from auditor/lexicons/reply_greetings.txt (longest first)."""
    words = "|".join(
        re.escape(word)
        for word in sorted(package_entries("reply_greetings"), key=len, reverse=True)
    )
    titles = "|".join(map(re.escape, package_entries("reply_titles")))
    named = re.compile(
        rf"\A\s*(?i:{words})\s+"
        rf"(?P<target>(?i:(?:{titles})\s*)?"
        rf"(?:{_NAME})?)\s*[,!:]",
    )
    loose = re.compile(rf"\A\s*(?i:{words})\s+(?P<target>[a-zà-ÿ][^,!:\n]{{2,60}}?)\s*[,!:]")
    return named, loose


@lexicon_cache
def vocative_pattern() -> re.Pattern[str]:
    """A name after thanks ("dank jullie wel, Scouting Wapenveld,", "Dank u wel, opa Mustafa,":
    reply_thanks_patterns.txt, a title or kin word allowed before it; at the opening also
    without a comma: "dankjewel Lotte voor ...") or called out at the end
    ("..., Sanne!", "..., opa Gerrit!", "..., wethouder Van Damme!": a title, kin word or public
    role may stand before it, reply_titles.txt, reply_not_parent_words.txt, public_roles.txt;
    a first name also before a full stop: "..., Ingrid."; and a name that ends the reply, an
    emoji allowed after it: "Zie je DM, meester Pieter 📩")."""
    kin = _kin_or_title()
    thanks = package_patterns("reply_thanks_patterns")
    return re.compile(
        rf"\b(?i:{thanks})\s*,\s*"
        rf"(?P<target>(?:(?:{kin})\s+)?{_NAME})\s*[,!.]"
        rf"|\A\s*(?i:{thanks})\s+(?P<thanked>{_NAME}{_OF_A_BODY})\s+(?i:voor|dat)\b"
        # thanks said of someone in the third person: "Dank aan de gemeente Enschede voor ...",
        # "Thanks to the fire brigade for ..."
        rf"|\A\s*(?i:{thanks})\s+(?i:aan|to)\s+(?P<given>[^.!?\n]{{3,80}}?)\s+(?i:voor|for)\b"
        rf"|,\s*(?P<tail>(?:(?:{kin})\s+)?{_NAME})\s*!"
        rf"|,\s*(?P<end>{_NAMEWORD})\.(?:\s|\Z)"
        rf"|,\s*(?P<last>(?:(?:{kin})\s+)?{_NAME})[^\w,.;:!?]*\Z",
    )


@lexicon_cache
def _kin_or_title() -> str:
    """The words that may stand before a name called out (reply_titles.txt: "juf", "mevrouw";
    reply_not_parent_words.txt: "opa", "buurman"; public_roles.txt), as alternatives."""
    words = package_list("reply_titles") | _not_parent_words()
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lexicon_cache
def _dialect() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Regional function words and their Dutch ones ("veur", "foar": "voor"), dialect_words.txt."""
    pairs = {
        parts[0]: parts[1]
        for entry in package_entries("dialect_words")
        if len(parts := entry.split()) == 2
    }
    if not pairs:
        return None, pairs
    words = "|".join(map(re.escape, sorted(pairs, key=len, reverse=True)))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE), pairs


def in_dutch(text: str) -> str:
    """The text with regional function words read as Dutch ("Danke wel, Ruud, veur de
    sponsoring" -> "... voor de sponsoring"), for reading a reply's cues (no spans)."""
    pattern, pairs = _dialect()
    if pattern is None:
        return text
    return pattern.sub(lambda match: pairs[match.group().lower()], text)


@lexicon_cache
def not_a_parent_cue() -> Alternatives:
    """The text says who the person is: a former pupil or colleague, not a parent
    (reply_not_parent_patterns.txt). Each pattern is searched only in replies holding its
    words: searched as one, the list cost 275 us a reply, as Alternatives 72 us."""
    return Alternatives(package_patterns("reply_not_parent_patterns"), re.IGNORECASE)


# A Facebook comment reply opens with the commenter's name, tagged, and no greeting:
# "Marieke Hofstee dank je wel!", "VV Borger bedankt voor ...", "BSO 't Hunnekeshuus fijn dat".
# A word ending in a hyphen goes on after "en"/"of" ("GGD Noord- en Oost-Gelderland").
_TAG_WORD = rf"{_NAMEWORD}(?:(?<=-)\s+(?:en|of)\s+{_NAMEWORD})?"
# A firm's "& Zn." or "& Co." may close it ("Mosselhandel Padmos & Zn., bedankt").
TAGGED_NAME = re.compile(
    rf"\A\s*(?P<titled>(?P<target>{_TAG_WORD}(?:\s+(?:(?:{_PARTICLE}|'t)\s+)*{_TAG_WORD}){{0,3}}"
    r"(?:\s*&\s*[A-Z][\w.]*)?)"
    r"[\s,]+(?P<next>[a-zà-ÿ][\w'’-]*))"
)


def _tagged_name(post: Post) -> Target | None:
    """The name a Facebook comment reply opens with, when it reads as a tag: a first name, an
    organisation word, a title or an acronym first ("Marieke", "Kinderopvang", "Juf", "VV"),
    and no verb after it (then the name is the sentence's subject: "Juf Anja heeft ...")."""
    if post.platform == Platform.TWITTER:
        return None
    match = TAGGED_NAME.match(post.text)
    if match is None or match.group("next") in word_lists().person_verbs:
        return None
    if match.group("next") in _not_parent_words():
        return _target_from(match, "titled")  # a title after the name: "Fatma teyze, ..."
    if match.group("next") in ("en", "of"):
        return None  # "Juf Anja en ik ...": a subject of two, no tag
    words = match.group("target").split()
    first = words[0]
    acronym = first.isupper() and 2 <= len(first) <= 5
    titled = len(words) > 1 and first.lower() in package_list("reply_titles")  # "Juf Annelies"
    colleagues = len(words) > 1 and _has_word(first, reply_words().staff)  # "Collega's van ..."
    role = first.lower() in _not_parent_words()  # "Trainer Johan, wat mooi", "Hocam, dank"
    body = len(words) > 1 and any(_a_body_word(word) for word in words[1:])  # "Saxion Pabo,"
    if not (
        acronym
        or titled
        or colleagues
        or role
        or body
        or names_a_first_name([first.lower()])
        or is_organisation(first.lower())
    ):
        return None
    if len(words) == 1 and not (role or names_a_first_name([first.lower()])):
        return None  # "Kinderopvang dank ..." is no tag; "Bauke dank je!" and "Opa, dank" are
    return _target_from(match, "target")


def _a_body_word(word: str) -> bool:
    """An organisation word that is no surname ("Pabo", "Bibliotheek"; not "Bakker")."""
    low = word.lower()
    return is_organisation(low) and low not in lexicon().surnames


_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


@dataclass(frozen=True)
class Target:
    """Who a reply addresses: the name or handle, and where the text shows it (if it does)."""

    value: str
    span: Span | None


_NOT_LETTERS = re.compile(r"[\W_]+")


def _squash(value: str) -> str:
    return _NOT_LETTERS.sub("", value.lower())


def _words(value: str) -> list[str]:
    """Words of a handle or name: "GGDIJsselland" -> ggdi, jsselland; "mama_van_drie" -> 3."""
    return [w.lower() for w in _CAMEL.findall(value.lstrip("@"))]


def _has_word(value: str, vocabulary: tuple[str, ...], prefixes: tuple[str, ...] = ()) -> bool:
    """A word of `vocabulary` is a word of `value`, or (five letters or more) inside it, or it
    starts with one of `prefixes`."""
    squashed, words = _squash(value), _words(value)
    long_words, all_words = _indexed(vocabulary)
    return (
        any(map(squashed.__contains__, long_words))
        or not all_words.isdisjoint(words)
        or squashed.startswith(prefixes)
    )


# A vocabulary (a lexicon's tuple, made once) by its id: its long words and its set.
_INDEXED: dict[int, tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]] = {}


def _indexed(vocabulary: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    entry = _INDEXED.get(id(vocabulary))
    if entry is None or entry[0] is not vocabulary:  # kept with it: its id is not reused
        if len(_INDEXED) > 100:  # lexicons reloaded many times
            _INDEXED.clear()
        long_words = tuple(w for w in vocabulary if len(w) >= 5)
        entry = _INDEXED[id(vocabulary)] = (vocabulary, long_words, frozenset(vocabulary))
    return entry[1], entry[2]


def _matches_any(value: str, names: tuple[str, ...]) -> bool:
    """Whether a target is one of the listed names or handles (case, @ and spacing ignored)."""
    squashed, words = _squash(value), set(_words(value))
    for wanted, name_words in _listed(names):
        if wanted == squashed:
            return True
        if name_words and name_words <= words:
            return True
        if len(wanted) >= 5 and wanted in squashed:
            return True
    return False


@functools.lru_cache(maxsize=64)
def _listed(names: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each listed name or handle squashed and as its words, made once per list (a config's
    handles and allow-lists), not again for every target of every reply."""
    return tuple((wanted, frozenset(_words(name))) for name in names if (wanted := _squash(name)))


def _not_a_parent(value: str, ctx: RuleContext) -> bool:
    """The school itself, an allow-listed or recognisable organisation, or a staff member."""
    if _matches_any(value, ctx.account_handles):
        return True
    if ctx.school_name and _squash(ctx.school_name) == _squash(value):
        return True
    if _matches_any(value, ctx.allow.organisations + ctx.allow.handles + ctx.allow.names):
        return True
    if _a_listed_colleague(value):
        return True
    words = reply_words()
    if any(part in _squash(value) for part in words.family_parts) or _has_word(
        value, words.family_words
    ):
        return False
    if _courtesy_surname(value, words.staff):
        return False  # "meneer Koster", "mevrouw Bakker": a surname, not a role or a trade
    if _has_word(_given_part(value), words.organisation, words.organisation_prefixes) or _has_word(
        value, words.staff, words.staff_prefixes
    ):
        return True
    if any(word in _not_parent_words() for word in _words(value)):
        return True  # "Beste buurman,", "@opa_sietse"
    if _kin_of_someone().match(_squash(value)):
        return True  # "@omavantess": a grandmother names herself after the child
    if value.startswith("@"):
        return is_organisation_handle(value[1:], ctx)  # as the personal-data rule reads it
    first = value.split()[0]
    if first.isalpha() and first.isupper() and len(first) >= 3:
        return True  # "HFC Haarlem", "BSO De Vlieger": a name opening with letters of a body
    # a name: a trade word that is no surname ("Sportbedrijf Noord"; not "Kees Bakker")
    return any(map(_a_body_word, _words(value)))


def _courtesy_surname(value: str, staff: tuple[str, ...]) -> bool:
    """Whether a target is a courtesy title (reply_titles.txt; not a staff one: "juf") and a
    capitalised name: "meneer Koster" is Mr Koster, whatever else "koster" means."""
    words = value.split()
    return (
        len(words) >= 2
        and words[0].lower() in package_list("reply_titles")
        and words[0].lower() not in staff
        and words[1][:1].isupper()
    )


PARTICLE_WORD = re.compile(rf"\s(?:{_PARTICLE})\s")


def _given_part(value: str) -> str:
    """A person's name up to its tussenvoegsel: after "van", "te", "de" comes a surname, which
    may be a trade word ("Annemiek te Winkel", "Joke van Bakel"); a body's name is kept whole
    ("Bakkerij te Winkel")."""
    first = value.split()[0] if value.split() else ""
    particle = PARTICLE_WORD.search(value)
    if particle is None or not names_a_first_name([first.lower()]):
        return value
    return value[: particle.start()]


@lexicon_cache
def _staff_names() -> tuple[tuple[str, str], ...]:
    """The school's own staff (staff_names.txt, empty as shipped): each (full name, first
    name), squashed, a title before the name dropped ("juf Esmee Rouwhorst")."""
    titles = package_list("reply_titles") | frozenset(reply_words().staff)
    names = []
    for entry in package_entries("staff_names"):
        words = [w for w in entry.split() if w.strip(".") not in titles]
        if words:
            names.append((_squash(" ".join(words)), _squash(words[0])))
    return tuple(names)


def _a_listed_colleague(value: str) -> bool:
    """Whether a target is one of the school's listed staff: the full name (also inside a
    handle: "@esmeerouwhorst") or the first name alone, a title allowed ("Esmee", "juf Esmee")."""
    names = _staff_names()
    if not names:
        return False
    titles = package_list("reply_titles") | frozenset(reply_words().staff)
    words = [w for w in value.lstrip("@").split() if w.lower().strip(".") not in titles]
    squashed = _squash(" ".join(words))
    if not squashed:
        return False
    for full, first in names:
        if squashed == full or (len(full) >= 8 and full in squashed):
            return True
        if len(words) == 1 and squashed == first:
            return True
    return False


@lexicon_cache
def _not_parent_words() -> frozenset[str]:
    """Words that name whom a reply addresses as no parent: a neighbour, a grandparent, a
    colleague, a former pupil (auditor/lexicons/reply_not_parent_words.txt), and a public
    office said as one word (public_roles.txt: "wethouder", "burgemeester")."""
    offices = {role for role in package_list("public_roles") if role.isalpha() and " " not in role}
    return package_list("reply_not_parent_words") | offices


@lexicon_cache
def _kin_of_someone() -> re.Pattern[str]:
    """A squashed handle that opens with a no-parent word and "van" ("omavantess",
    "buurmanvanmilan")."""
    words = sorted(_not_parent_words(), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(_squash(w)) for w in words) + r")van")


@lexicon_cache
def _other_cues() -> Alternatives:
    """Phrases that show the reply answers no parent ("overlast", "vroeger zelf bij ons op
    school"): auditor/lexicons/reply_not_parent_cues.txt, matched as whole words."""
    # read in Dutch, as the reply is ("welcome to the team": "welcome to de team")
    phrases = sorted(
        {in_dutch(phrase) for phrase in package_list("reply_not_parent_cues")},
        key=len,
        reverse=True,
    )
    return Alternatives(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)


def _a_family(value: str) -> bool:
    """Whether a target names a parent by a family word ("Familie Bruggink", "@mama_van_drie")."""
    family = reply_words()
    return any(part in _squash(value) for part in family.family_parts) or _has_word(
        value, family.family_words
    )


# A primary-school pupil's age range: a birth year in a handle this many years back
PUPIL_AGES = range(4, 14)
GROUP_WORDS = ("gr", "groep")


def _a_pupils_handle(value: str, year: int) -> bool:
    """Whether a handle carries a pupil's birth year or school group ("@jayden_2014_" in 2026,
    "@lisa_gr7", "@groep8sem"), and no family word ("@mama_van_2015" is a parent)."""
    if not value.startswith("@") or _a_family(value):
        return False
    words = _words(value)
    if any(w.isdigit() and len(w) == 4 and year - int(w) in PUPIL_AGES for w in words):
        return True
    return any(
        word in GROUP_WORDS and after.isdigit() and 1 <= int(after) <= 8
        for word, after in zip(words, words[1:], strict=False)
    )


def _a_person(value: str) -> bool:
    """Whether a target reads as one person: a first name or a family word in it."""
    return names_a_first_name(_words(value)) or _a_family(value)


@lexicon_cache
def _their_child() -> re.Pattern[str]:
    """A child of those answered ("jullie dochter", "je zoontje", "uw kind"): then they are
    parents, not a club or a helper (reply_child_words.txt)."""
    words = "|".join(
        map(re.escape, sorted(package_list("reply_child_words"), key=len, reverse=True))
    )
    return re.compile(rf"\b(?:jullie|jimme|je|jouw|uw)\s+(?:{words})\b", re.IGNORECASE)


@lexicon_cache
def _deed_thanks() -> re.Pattern[str]:
    """The opening sentence thanks someone, perhaps by name, for a deed or a gift for the
    school ("Dank je wel Johan voor het sponsoren", "Dank je, Kim, voor de prachtige foto's"):
    reply_thanks_patterns.txt, then reply_deed_patterns.txt."""
    return re.compile(
        rf"\A[^.!?\n]*?\b(?i:{package_patterns('reply_thanks_patterns')})"
        rf"(?:\s*,?\s+(?:(?:{_kin_or_title()})\s+)?{_NAME}\s*,?)?"
        rf"\s+(?P<deed>(?i:{package_patterns('reply_deed_patterns')}))"
    )


@lexicon_cache
def _parent_role() -> re.Pattern[str]:
    """A parent's task at school as a compound ("hulpouders", "luizenouders"):
    reply_parent_role_patterns.txt."""
    return re.compile(package_patterns("reply_parent_role_patterns"), re.IGNORECASE)


@lexicon_cache
def _parent_of_a_child() -> re.Pattern[str]:
    """A parent called by their child ("mama van Jip", "vader van Sem"): family_handle_parts.txt
    before "van"."""
    words = "|".join(map(re.escape, reply_words().family_parts))
    return re.compile(rf"\b(?:{words})\s+van\b", re.IGNORECASE)


def _thanked_for_a_deed(text: str, targets: list[Target]) -> bool:
    """The reply opens by thanking someone for what they did or gave for the school, and says
    nothing of their child nor calls them by it or by a parent's task ("luizenouders"), nor
    speaks of a child by name ("Wat gaat de tijd snel, Aylin al 8"): a helper, guest, sponsor
    or photographer is answered."""
    thanks = _deed_thanks().search(text)
    return (
        thanks is not None
        and _their_child().search(text) is None
        and _parent_of_a_child().search(text) is None
        and _parent_role().search(text) is None
        # the deed itself may name the child it was done with ("dat je met Fenne de moestuin
        # hebt gewied")
        and not _speaks_of_someone_named(text, thanks.start("deed"), targets)
    )


# A capitalised word, and the word before it (a title or kin word makes it no child's name).
CAPITALISED = re.compile(rf"(?:(?P<before>[\w'’-]+)\s+)?(?P<word>{_NAMEWORD})")


def _speaks_of_someone_named(text: str, start: int, targets: list[Target]) -> bool:
    """Whether the text after its opening thanks names a person by first name who is not the
    one answered and has no title or kin word before it ("juf Anja", "opa Piet"): a child of
    the reader, whom a helper or guest would not be told about. A first name that is also a
    word counts inside a sentence only ("Wat gaat de tijd snel, Mila al 9")."""
    answered = {word for t in targets for word in _words(t.value)}
    first_names = lexicon().first_names
    for match in CAPITALISED.finditer(text, start):
        word = match.group("word").lower()
        before = (match.group("before") or "").lower()
        if word in answered or before in _titles_and_kin() or word not in first_names:
            continue
        inside = text[: match.start("word")].rstrip()[-1:]
        if names_a_first_name([word]) or (inside.isalnum() or inside == ","):
            return True
        if _a_verb_after(text, match.end("word")):
            return True  # "Wout mocht ze zelf ronddelen": a sentence's subject, a person
    return False


NEXT_WORD = re.compile(r"\s+([a-zà-ÿ]+)")


def _a_verb_after(text: str, end: int) -> bool:
    """Whether the word after `end` is a verb said of a person ("mocht", "heeft")."""
    after = NEXT_WORD.match(text, end)
    return after is not None and after.group(1) in word_lists().person_verbs


@lexicon_cache
def _titles_and_kin() -> frozenset[str]:
    """Words before a name that make it an adult's: reply_titles.txt, staff_words.txt and the
    no-parent words (opa, buurman, wethouder)."""
    return package_list("reply_titles") | frozenset(reply_words().staff) | _not_parent_words()


@lexicon_cache
def _roles() -> str:
    """Staff and no-parent words (staff_words.txt, reply_not_parent_words.txt: "conciërge",
    "opa", "buurman") as alternatives, longest first."""
    words = frozenset(reply_words().staff) | _not_parent_words()
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _called_by_a_role(value: str, text: str) -> bool:
    """Whether the text calls the person answered, by the same name, by a role or kin word
    before it ("Onze conciërge Gerard heeft de sneeuw geruimd! Dank je wel, Gerard"): a
    colleague, a grandparent or a neighbour, not a parent."""
    if value.startswith("@") or not value[:1].isupper():
        return False
    pattern = rf"\b(?i:{_roles()})\s+{re.escape(value)}(?!\w)"
    return re.search(pattern, text) is not None


@lexicon_cache
def _pupil_work() -> re.Pattern[str]:
    """A pupil's work or school skill (reply_pupil_work_patterns.txt: tekening, gelezen)."""
    return re.compile(rf"\b(?:{package_patterns('reply_pupil_work_patterns')})\b", re.IGNORECASE)


@lexicon_cache
def _pupil_feat() -> re.Pattern[str]:
    """What a pupil wins or performs (reply_pupil_feat_patterns.txt: de eerste plaats,
    de hoofdrol, "zong je")."""
    return re.compile(rf"\b(?:{package_patterns('reply_pupil_feat_patterns')})\b", re.IGNORECASE)


# The clause before a name called out at its end, and the sentence after it: "Wat een mooie
# tekening, Sietske!", "Top gedaan, Esther! De eerste plaats bij de voorleeswedstrijd."
PRAISE_CLAUSE = re.compile(rf"(?P<clause>[^.!?\n,]+),\s*{_NAMEWORD}\s*!(?P<after>[^.!?\n]*)")
# The reader addressed politely: an adult ("Wat een mooie foto, Yasmina! Heeft u die gemaakt?")
POLITE_YOU = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
# A child of the reader by name: "Jullie Ties was een prachtige koning", "je Fenna"
READERS_NAMED = re.compile(rf"\b(?:jullie|jouw|je|uw)\s+(?P<name>{_NAMEWORD})")


def _their_named_child(text: str) -> bool:
    """Whether the reply calls a child by name as the reader's own ("Jullie Ties")."""
    return any(
        names_a_first_name([match.group("name").lower()]) for match in READERS_NAMED.finditer(text)
    )


def _pupil_praised(text: str) -> bool:
    """Whether the reply praises a pupil by name for their work or a school skill ("Wat een
    mooie tekening, Sietske!", "Super gelezen, Daan!") or for what they won or performed
    ("Top gedaan, Esther! De eerste plaats bij de voorleeswedstrijd"), without "u"/"uw", a
    child of the reader ("uw zoon", "jullie Ties") or a parent's task ("klassenouder"): it
    speaks to the pupil, not a parent."""
    if (
        POLITE_YOU.search(text)
        or _their_child().search(text)
        or _their_named_child(text)
        or _parent_role().search(text)
    ):
        return False
    for match in PRAISE_CLAUSE.finditer(text):
        clause, after = match.group("clause"), match.group("after")
        if _pupil_work().search(clause) or _pupil_feat().search(f"{clause} {after}"):
            return True
    return False


# A word called out to in lower case: "Dank jullie wel, bibliotheek!", "Dank voor alles, collega!"
# ("Dank u wel, meneer de burgemeester, voor uw bezoek": the office after "meneer de")
LOWER_VOCATIVE = re.compile(
    r",\s*(?:(?:meneer|mijnheer|mevrouw)\s+de\s+)?(?P<word>[a-zà-ÿ][\w'-]{2,30})\s*[!,.]"
)


@lexicon_cache
def _role_as() -> re.Pattern[str]:
    """A role after "als" ("als jeugdconsulent", "Als wijkagent"): the no-parent words
    (reply_not_parent_words.txt, public_roles.txt) and staff_words.txt."""
    words = _not_parent_words() | frozenset(reply_words().staff)
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"\bals\s+(?:{alternatives})\b", re.IGNORECASE)


# The reader spoken to, in the sentence that says their role ("Als wijkagent weet jij ...")
READER = re.compile(r"\b(?:je|jij|jou|jouw|u|uw)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?\n]+")


def _role_said_to_the_reader(text: str) -> bool:
    """Whether a sentence that speaks to the reader says their role with "als" ("fijn dat je
    als jeugdconsulent van de gemeente aanschuift", "Als wijkagent weet jij er alles van"): the
    reader is there for their work, not a child."""
    return any(
        _role_as().search(sentence.group()) and READER.search(sentence.group())
        for sentence in SENTENCE.finditer(text)
    )


def _addressed_as_no_parent(text: str, ctx: RuleContext) -> bool:
    """The text calls the person something no parent is (", collega!", ", bibliotheek!"),
    says their role ("als wijkagent weet jij") or says what no parent would be told ("vroeger
    zelf bij ons op school", "overlast")."""
    if _role_said_to_the_reader(text):
        return True
    for match in LOWER_VOCATIVE.finditer(text):
        word = match.group("word")
        if (
            word in _not_parent_words()
            or _has_word(word, reply_words().staff)
            or is_organisation(word)
        ):
            return True
    return _other_cues().search(text) is not None or _speaks_for_a_body(text)


# The reader's own thing, an adjective allowed: "jullie volleybalclub", "uw nieuwe bedrijf"
READERS_THING = re.compile(
    r"\b(?:je|jouw|uw|jullie)\s+(?:[a-zà-ÿ]+e\s+)?(?P<word>[a-zà-ÿ][\w-]{2,})"
)


def _speaks_for_a_body(text: str) -> bool:
    """Whether the reply calls an organisation the reader's own ("de gymzaal is vrij voor
    jullie volleybalclub", "bedankt dat jullie school de tafels uitleende"): the reader speaks
    for it. Not one a family has (reply_family_bodies.txt: "uw huisarts", "jullie BSO")."""
    family = package_list("reply_family_bodies")
    return any(
        (word := match.group("word").lower()) not in family
        and not any(word.endswith(body) for body in family if len(body) >= 5)
        and is_organisation(word)
        for match in READERS_THING.finditer(text)
    )


def _target_from(match: re.Match[str], group: str) -> Target:
    value = match.group(group).strip()
    return Target(value, Span(match.start(group), match.start(group) + len(value)))


def _known_target(post: Post, target: str, *, is_handle: bool) -> Target:
    """A target the source named, written one way whatever the source: an X handle is
    `@handle` (archives say `handle`, the API `@handle`) and its span covers the `@` in the
    text, so both paths give the same finding."""
    lowered = post.text.lower()
    bare = target.lstrip("@")
    # a Facebook source's target written as an @handle in the text is that handle too
    shown = is_handle and f"@{bare.lower()}" in (
        m.group().lower() for m in HANDLE.finditer(post.text)
    )
    if target.startswith("@") or (is_handle and post.platform == Platform.TWITTER) or shown:
        handle = "@" + bare
        for match in HANDLE.finditer(post.text):
            if match.group().lower() == handle.lower():
                return Target(handle, Span(match.start(), match.end()))
        return Target(handle, None)
    where = lowered.find(target.lower())
    return Target(target, Span(where, where + len(target)) if where >= 0 else None)


def _targets(post: Post) -> list[Target]:
    """Who the reply goes to, from the source's fields or else from the opening of the text."""
    known = [t for t in (post.reply_to, post.reply_to_name) if t and t.strip()]
    if known:
        return [_known_target(post, t.strip(), is_handle=t is post.reply_to) for t in known]
    return _text_targets(post)


# The message answered, quoted before the reply: a "> " line, or a quoted sentence that asks
# ('"Zijn de rapporten al mee?" Ja, ...', '> is er gym? ja, ...').
QUOTED_MESSAGE = re.compile(r"\A\s*(?:>[^\n?]*(?:\?|\n)|[\"“„][^\"”\n]{3,200}[\"”])\s*(?=\S)")


def _text_targets(post: Post) -> list[Target]:
    """Whom the opening of the text addresses, after the message it may quote: a greeting in
    the quote ('"Hoi juf, mag Sem ..."') is the asker's, not the reply's."""
    quoted = QUOTED_MESSAGE.match(post.text)
    if quoted is None:
        return _opening_targets(post)
    shift = quoted.end()
    return [
        Target(t.value, Span(t.span.start + shift, t.span.end + shift) if t.span else None)
        for t in _opening_targets(dataclasses.replace(post, text=post.text[shift:]))
    ]


def _opening_targets(post: Post) -> list[Target]:
    """Whom the opening of the text addresses: handles (also called out after a first word:
    "Jazeker @bieb_oldenzaal, we komen"), a greeting, a tag or a name called out."""
    leading = LEADING_HANDLES.match(post.text)
    if leading:
        return [
            Target(m.group(), Span(leading.start(1) + m.start(), leading.start(1) + m.end()))
            for m in HANDLE.finditer(leading.group(1))
        ]
    called = CALLED_HANDLE.match(post.text)
    if called:
        return [_target_from(called, "target")]
    named, loose_greeting = greetings()
    greeting = named.match(post.text)
    if greeting and greeting.group("target").strip():
        return [_target_from(greeting, "target")]
    loose = loose_greeting.match(post.text)
    if loose:
        return [_target_from(loose, "target")]
    tagged = _tagged_name(post)
    if tagged:
        return [tagged]
    for vocative in vocative_pattern().finditer(post.text):
        group = next(
            g for g in ("target", "thanked", "given", "tail", "end", "last") if vocative.group(g)
        )
        if group == "last" and _closing().search(post.text, 0, vocative.start()):
            continue  # "Groetjes, Ilona": the writer signs, no one is called out
        if group != "end" or names_a_first_name([vocative.group(group).lower()]):
            return [_target_from(vocative, group)]
    return []


@lexicon_cache
def _closing() -> re.Pattern[str]:
    """A closing greeting right before a comma ("Groetjes,", "Met vriendelijke groet,"):
    closing_patterns.txt; the name after it signs the reply."""
    return re.compile(rf"\b(?i:{package_patterns('closing_patterns')})\s*\Z")


@rule("reply.to-parent", category=Category.REPLY_TO_PARENT, clause="d", severity=Severity.HIGH)
def to_parent(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """The account answers a parent: a reply or comment to a private person, not an organisation.

    Why: employees do not reply to parents' messages through the school account (1d/2d); such
    questions are answered in Parro, by e-mail or in person.

    Flagged: a reply or comment written by the account to a private person: a handle
    ("@jeroenvdberg78", "@mama_van_drie"), a greeting ("Hoi Marloes,", "Beste mevrouw Van den
    Broek,", "Dag mevrouw,"), a tagged name opening a Facebook comment reply ("Marieke
    Hofstee dank je wel!"), or nobody named at all ("Goed dat u het meldt"): then it is taken
    to be a parent, because the protocol bans these replies outright.

    Fine: posts and shares; replies in the account's own thread; replies to allow-listed
    organisations, handles and staff; targets whose handle or name shows an organisation
    (gemeente, bibliotheek, GGD, JGZ, brandweer, politie, scouting, vv, a sports centre,
    kinderopvang, a shop or chain) or a member of staff (juf, meester, collega); greetings of an
    organisation's staff ("Beste medewerkers van het museum,"); a Facebook comment reply that
    opens with an organisation's or a colleague's tagged name ("VV Borger bedankt ...");
    grandparents and neighbours ("@omavantess"); replies that call the person a former pupil or
    colleague ("oud-leerling", "toen jij hier voor de klas stond", "je havo-examen", "succes op
    het mbo"), speak to a pupil ("Morgen mag je het in de kring vertellen", "tot na de zomer in
    groep 6", "Jouw spreekbeurt over paarden was super") or to the press ("interview", "je
    artikel", "Mooi stuk geworden"), or turn to the
    parents halfway ("... voor de fietscontrole! Ouders: met de bon ..."); replies that open by
    thanking someone for a deed, a gift or an invitation for the school ("Dank je wel Johan voor
    het sponsoren", "Dank voor de uitnodiging! We komen graag met groep 8",
    "Dank je, Kim, voor de prachtige foto's", "Bedankt voor uw bezoek, wethouder ...", also in
    dialect: "Tige tank, Baukje, foar de foto's", "Danke wel, Ruud, veur de sponsoring"; a
    guest's lesson or show: "Dank voor je gastles over de bijen, Hennie!"; a gift: "Merci veur
    de vlaai, Ton!") and say nothing of their child, by name or not ("Wat gaat de tijd snel,
    Aylin al 8" and "Wout mocht ze zelf ronddelen" are said to a parent), nor of a parent's
    task ("Zonder luizenouders ...");
    a pupil praised by name for their work or a school skill, or for what they won or
    performed, without "u", the reader's child or a parent's task ("Wat een mooie tekening,
    Sietske!", "Super gelezen, Daan!", "Top gedaan, Esther! De eerste plaats bij de
    voorleeswedstrijd", "Bravo, Daan! Je eerste solo op het podium"); a pupil told of their own
    things ("Vergeet je kostuum niet!", "Als je je tekst maar kent", "wel je gymspullen mee")
    or as a player in the school's show ("de musical is op 8 juli, jij speelt toch de
    kapitein?");
    a former pupil told where they sat years ago ("Vijf jaar geleden stond je zelf nog op dit
    podium"); a neighbour told of their garden or the school's noise ("de ballen in uw tuin",
    "excuses voor de herrie"); a club thanked for a training or clinic; a pupil rewarded ("Jij
    krijgt een sticker!") or a class called out ("Bravo, team van groep 8!"); colleagues of
    another school tagged first ("Collega's van OBS De Kiezel, dank ..."); a public office
    after "meneer de" ("Dank u wel, meneer de burgemeester, ..."); a name that ends the
    reply, unless it signs it ("Zie je DM, meester Pieter" is no parent; "Groetjes, juf Anja"
    is the writer); a grandparent,
    neighbour or colleague thanked by that word ("Dank u wel, opa Mustafa, voor ...");
    an intern ("Succes met je laatste stagejaar"); a public office before the name ("...,
    wethouder Van Damme!"); replies to the school's own staff when it lists them
    (staff_names.txt in its `[lexicons] dir`: "Top gedaan, Esmee!"); someone called by their
    work or volunteering ("Trainer Johan, ...", "Chauffeur Gerrit, bedankt", "@leesoma_truus")
    or told it with "als" ("fijn dat je als jeugdconsulent aanschuift"); a pupil's own handle,
    with a birth year of primary-school age or a group ("@jayden_2014_", "@lisa_gr7"); an
    organisation named by a word after its name ("Saxion Pabo, dank ...") or a person by theirs
    ("Dank je wel Miranda van de bieb voor ..."); a handle called out after the first word
    ("Jazeker @bieb_oldenzaal, ..."); the opening after a quoted message ('"Is de zaal vrij?"
    Beste buurman, ...'); a former pupil's studies ("je tentamens", "je scriptie"), an intern's
    placement ("fijne eerste stageweek"), a guest's workshop ("jouw workshop schilderen"), a
    grandchild ("uw kleinzoon"), a resident's drive ("voor uw uitrit"), a politician's council
    ("uw vragen in de gemeenteraad", "werkbezoek"); English thanks for a deed ("Thank you, Mark,
    for the hockey clinic"); a title or kin word in Turkish or English, before or after the name
    or alone ("Dede Osman,", "Fatma teyze,", "Hocam,", "Grandma Jean"); thanks in Turkish
    ("Teşekkürler", "çok teşekkürler voor de rondleiding"); a deed with "om ... te" ("merci om de
    kindjes alles te leren"), a host ("dat groep 3 bij jou de kalfjes mocht voeren"), a lesson
    or a club ("voor de poetsles", "voor de robotica-club"), an English deed in -ing ("for
    organising the workshop"); a colleague welcomed or standing in ("Welcome to the team",
    "invallen", "je vervanging", "je postvak"), a job applicant ("solliciteren"), someone writing
    "on behalf of" a family, a supplier's "offerte", a researcher's "onderzoek", the press about
    to write ("een stuk wil maken"), a child told of their own brother ("jij mag je broertje
    ophalen"), a lender ("dat we jouw weiland mogen gebruiken"), a performer ("dat je op het
    talentenfeest speelde"), a reader who speaks for an organisation ("jullie volleybalclub";
    not one a family has: "uw huisarts", reply_family_bodies.txt). "Jullie" to no named person
    answers a group, unless it speaks of their child ("jullie dochter"): then it answers parents.
    """
    if post.kind not in (PostKind.REPLY, PostKind.COMMENT) or not post.author_is_account:
        return
    if post.account and post.account not in ctx.account_handles:
        # a reply to the account itself is a thread, whichever path read it: the archive knows
        # its own handle, a live read only the post's account (not the config's [school] list)
        ctx = dataclasses.replace(ctx, account_handles=(*ctx.account_handles, post.account))
    targets = _targets(post)
    if targets and all(_matches_any(t.value, ctx.account_handles) for t in targets):
        # Under its own post or tweet the account still answers whom its text addresses: a
        # Facebook export calls a Page's comment under its own post "on its own post", and an X
        # reply to the account's own tweet may open with a parent's handle ("@ouder123 ook nog:").
        targets = _text_targets(post) or targets
    if targets and all(
        _not_a_parent(t.value, ctx)
        or _a_pupils_handle(t.value, post.created_at.year)
        or _called_by_a_role(t.value, post.text)
        for t in targets
    ):
        return
    text = in_dutch(post.text)  # the cues below are read in Dutch; no span comes from them
    if not_a_parent_cue().search(text) or _addressed_as_no_parent(text, ctx):
        return
    if _pupil_praised(text):
        return
    if _thanked_for_a_deed(text, targets) and not any(_a_family(t.value) for t in targets):
        return
    if (
        PLURAL_YOU.search(text)
        and not any(_a_person(t.value) for t in targets)
        and not _their_child().search(text)
    ):
        return  # "@natuurmonumenten Dank jullie wel!": a group or an organisation is answered
    private = next((t for t in targets if not _not_a_parent(t.value, ctx)), None)
    if private is None:
        yield Hit(None, "", "antwoord op een bericht van (vermoedelijk) een ouder", "reply")
        return
    yield Hit(private.span, private.value, "antwoord aan een ouder of andere privépersoon", "reply")
