"""Posts in a staff member's own voice (articles 1b/2b): "ik vind ...", "Groetjes, juf Carla".

The school account speaks as the school: "we", "wij", "de school", "het team", "de
administratie". When one person writes as "ik", or signs with their own name, readers take a
private opinion or feeling for the school's. Two rules:

- `personal-title.opinion`: first-person singular text (ik, mijn, mij, me) from the account,
  with the opinion or feeling that gives it away when there is one, and private political
  judgements ("het kabinet ... Schandalig.");
- `personal-title.signature`: a closing signed by one staff member ("xx juf Mandy", "-mr. Koen",
  "Met vriendelijke groet, Ellen Boersma, directeur").

First-person text that is not a staff member speaking is left alone: quoted words ('ik vond het
kamp super!'), a letter from Sinterklaas, words after "schreef:" or "zei:", and lesson content
("we praten over wat vind ik fijn").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from auditor.models import Category, Hit, Post, Severity, Span
from auditor.nlp.lexicon import (
    lexicon,
    lexicon_cache,
    package_entries,
    package_list,
    package_patterns,
)
from auditor.nlp.patterns import first_characters, gated
from auditor.nlp.tokens import lowercase
from auditor.rules.base import RuleContext, rule

# First-person singular (Dutch, plus Frisian "myn"/"my"); "ik-boekje" is a thing, not a voice.
# ik, mij, me, mijn, m'n, mezelf, mijzelf, ikzelf, myn, mysels (lower-cased text): each branch
# opens with its letter and looks back for the word boundary, so that `re` skips to an "i" or
# "m" in C instead of trying the words at every position (3.5 -> 1.5 us a post).
FIRST_PERSON = re.compile(
    r"(?:i(?<!\w.)(?:k|kzelf)|m(?<!\w.)(?:ij|e|ijn|'n|ezelf|ijzelf|yn|ysels))\b(?!-)"
)

# Quoted speech: "…", “…”, „…”, «…», ‘…’ and '…' (not the 's of "'s avonds" or a 't).
# A quote may run over a few lines (a poem, a letter): "…\n…\n…".
QUOTED = gated(
    r"\"[^\"\n]*(?:\n[^\"\n]*){0,8}\"|“[^”\n]*(?:\n[^”\n]*){0,8}”|„[^”“\n]*[”“]|«[^»\n]*»"
    r"|‘[^’\n]*’"
    r"|(?<![\w'])'(?!s\b|t\b)[^'\n]{2,}?'(?![\w])"
)
# The vocabulary of the patterns below (opinion markers, political targets and verdicts, speech
# verbs, holiday figures, lesson words, closings and roles) is in auditor/lexicons/ (see its
# README); the patterns are built from it on first use.


def _words(name: str) -> str:
    return "|".join(map(re.escape, package_entries(name)))


class OpinionPatterns(NamedTuple):
    opinion: re.Pattern[str]  # opinion and feeling markers: the reason and the span
    political_target: re.Pattern[str]  # a political target and a strong verdict, without "ik"
    verdict: re.Pattern[str]
    reported: re.Pattern[str]  # someone else's words after a colon: "Sem schreef: ik ..."
    figure_letter: re.Pattern[str]  # a first-person letter by a holiday figure
    lesson_before: re.Pattern[str]  # lesson content in question form: "over wat vind ik fijn"


@lexicon_cache
def opinion_patterns() -> OpinionPatterns:
    figures = package_patterns("holiday_figure_patterns")
    return OpinionPatterns(
        opinion=re.compile(rf"\b(?:{package_patterns('opinion_patterns')})\b"),
        political_target=re.compile(rf"\b(?:{package_patterns('political_target_patterns')})\b"),
        verdict=re.compile(rf"\b(?:{package_patterns('verdict_patterns')})\b"),
        reported=re.compile(
            rf"\b(?:{package_patterns('reported_speech_patterns')})\b[^.!?\n:]{{0,40}}:"
            # the words after the colon: the rest of the line, or when the colon ends the line,
            # the lines below it up to a blank line ("Groep 4 schreef:\nIk zie een egel.")
            r"(?:[ \t]*\n(?:[^\n]*\S[^\n]*(?:\n|\Z))+|[^\n]*)"
        ),
        figure_letter=re.compile(
            rf"\b(?:{_words('letter_words')})\s+van\s+(?:{figures})\b"
            rf"|\b(?:groet(?:en|jes)?|liefs)[,\s]+(?:van\s+)?(?:{figures})\b"
        ),
        lesson_before=re.compile(
            rf"\b(?:{_words('lesson_words')})\s+(?:\w+\s+){{0,2}}"
            r"(?:wat|wie|waar|hoe|waarom)\s+\w+\s*$"
        ),
    )


def _ignored_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of text that are someone else's words: quotes, reported speech and a list
    of pupils' sentences."""
    spans = [m.span() for m in QUOTED.finditer(text)]
    spans.extend(m.span() for m in opinion_patterns().reported.finditer(text))
    spans.extend(_parallel_sentences(text))
    return spans


SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
PARALLEL_RUN = 3


def _parallel_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Runs of three or more sentences that open with the same "ik" and verb ("Ik kan tellen
    tot 100. Ik kan mijn veters strikken. Ik kan al lezen!"): pupils' sentences listed from a
    lesson or booklet, not the writer telling about herself, who does not repeat herself so."""
    sentences = list(SENTENCE.finditer(text))
    start = 0
    while start < len(sentences):
        key = _ik_opener(sentences[start].group())
        end = start + 1
        while key and end < len(sentences) and _ik_opener(sentences[end].group()) == key:
            end += 1
        if key and end - start >= PARALLEL_RUN:
            yield sentences[start].start(), sentences[end - 1].end()
        start = end


def _ik_opener(sentence: str) -> tuple[str, ...]:
    """The first two words of a sentence that opens with "ik" ("ik", "kan"), else ()."""
    words = tuple(sentence.lower().split()[:2])
    return words if len(words) == 2 and words[0] == "ik" else ()


def _own_first_person(text: str) -> Iterator[re.Match[str]]:
    """First-person pronouns the account's writer speaks in (not quotes or lesson content)."""
    patterns = opinion_patterns()
    if patterns.figure_letter.search(text):
        return
    ignored = _ignored_spans(text)
    for match in FIRST_PERSON.finditer(text):
        if any(start <= match.start() < end for start, end in ignored):
            continue
        if patterns.lesson_before.search(text, max(0, match.start() - 40), match.start()):
            continue
        if _plural_subject(text, match) or _the_noun_mine(text, match):
            continue
        yield match


# "Me" opening a sentence before a verb in -e/-en is "we" (Limburgish, spoken Dutch: "Me
# vertrekke um 9.30", "Me zien uch in september"); an object "me" follows its verb.
SUBJECT_ME = re.compile(r"me\s+\w+en?\b")


def _plural_subject(text: str, match: re.Match[str]) -> bool:
    """Whether a "me" is the plural subject "we": it opens a sentence and a plural verb follows."""
    if match.group() != "me":
        return False
    before = text[: match.start()].rstrip(" \t")
    opens = not before or before[-1] in ".!?\n"
    return opens and SUBJECT_ME.match(text, match.start()) is not None


# An article before "mijn" makes it the noun, a mine ("een beeldje van haar in de mijn").
ARTICLE_BEFORE = re.compile(r"\b(?:de|een|die|deze)\s+\Z")


def _the_noun_mine(text: str, match: re.Match[str]) -> bool:
    """Whether a "mijn" is the noun after an article, not the possessive."""
    return match.group() == "mijn" and bool(
        ARTICLE_BEFORE.search(text, max(0, match.start() - 8), match.start())
    )


@rule(
    "personal-title.opinion",
    category=Category.PERSONAL_TITLE,
    clause="b",
    severity=Severity.MEDIUM,
)
def opinion(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Text in one person's own voice: "ik vind", "mijn mening", private feelings or politics.

    Why: the account speaks for the school (1b/2b). A post in the "ik" form, such as an
    opinion, a feeling or a private plan, makes one employee's view read as the school's.

    Flagged: first-person singular words of the writer (ik, mijn, mij, me, Frisian "myn"),
    named by the opinion in them when there is one ("ik vind", "persoonlijk", "mijn mening",
    "eerlijk gezegd", "ik word er moedeloos van", "ik erger me", "wat ben ik trots"); and a
    political verdict without "ik" ("Wéér een bezuiniging van het kabinet. Schandalig.").

    Fine: "we", "wij", "de school", "het team"; quoted words of pupils ('ik vond het kamp
    super!'); text after "schreef:", "zei:" or "Thema:"; a letter from Sinterklaas or the
    Pieten; lesson content such as "we praten over wat vind ik fijn"; an "ik-boekje"; pupils'
    lines after a colon that ends a line ("Groep 4 schreef:\nIk zie een egel.\nIk hoor ...")
    and three or more sentences in a row that open alike ("Ik kan tellen. Ik kan fietsen. Ik
    kan lezen!").
    """
    text = lowercase(post.text)
    pronouns = list(_own_first_person(text)) if FIRST_PERSON.search(text) else []
    if pronouns:
        first = pronouns[0]
        marker = next(
            (
                m
                for m in opinion_patterns().opinion.finditer(text)
                if any(p.start() >= m.start() and p.end() <= m.end() for p in pronouns)
                or not FIRST_PERSON.search(m.group())
            ),
            None,
        )
        if marker is not None:
            yield Hit(
                Span(*marker.span()),
                post.text[marker.start() : marker.end()],
                "persoonlijke mening of gevoel van een medewerker",
                "personal_title",
            )
        else:
            yield Hit(
                Span(*first.span()),
                post.text[first.start() : first.end()],
                "geschreven in de ik-vorm van één medewerker",
                "personal_title",
            )
        return
    if opinion_patterns().political_target.search(text):
        verdict = opinion_patterns().verdict.search(text)
        if verdict:
            yield Hit(
                Span(*verdict.span()),
                post.text[verdict.start() : verdict.end()],
                "persoonlijk politiek oordeel",
                "personal_title",
            )


# --- signatures -----------------------------------------------------------------------------

TITLE = r"(?:(?i:juf|juffrouw|meester|master|meneer|mevrouw|mevr\.|dhr\.)|mr\.?|Mr\.)"
_CAP = r"[A-ZÀ-ÖØ-Þ][\wÀ-ÖØ-öø-ÿ'’-]*"
_PARTICLE = r"(?i:van|de|der|den|het|ter|ten|te|in\s+'t|el|al|la|le|du|da|dos|op)"
NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_CAP}){{0,3}}"
LOWER_NAME = r"[a-zà-ÿ][a-zà-ÿ'’-]+"
# After a title the first name may be lowercase ("juf lisa"); a surname may follow.
TITLED_NAME = rf"{TITLE}[ \t]*[\wÀ-ÖØ-öø-ÿ'’-]+(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_CAP}){{0,2}}"


def _role(*, required: bool = False) -> str:
    """A role or a class after the signer: ", directeur", "(groep 4)", "- groep 5/6"."""
    roles = package_patterns("signature_role_patterns")
    return (
        rf"(?:,?\s*(?:\(|-\s*)?(?:(?i:{roles})(?:\s+(?:groep\s*)?[\d/]+)?"
        rf"|(?i:groep)\s*[\d/]+[a-z]?)\)?)" + ("" if required else "?")
    )


def _closing() -> str:
    return f"(?i:{package_patterns('closing_patterns')})"


# What may trail a signature: punctuation, emoji, hashtags.
TAIL = r"[\s\W_]*(?:#\w+[\s\W_]*)*\Z"


@lexicon_cache
def signature_pattern() -> re.Pattern[str]:
    """A closing, a name or a titled name and a role at the end of a post (or after a dash, or a
    last line of a title and a name)."""
    closing, role = _closing(), _role()
    # Where a closing or a dash may begin, or a line: `re` tried the closings at every word and
    # mark of the post's last 160 characters; the gate passes over many (14.7 -> 12.1 us a post)
    starts = first_characters(rf"{closing}|[-–—^~]", re.MULTILINE)
    gate = rf"(?:(?={starts})|(?<![^\n]))" if starts else ""
    return re.compile(
        rf"(?<![\w]){gate}(?:{closing}\s*[,:!.]?\s*(?:van\s+)?(?P<a>{TITLED_NAME}|{NAME}){role}"
        rf"|[-–—^~]\s*(?P<b>{TITLED_NAME}|{NAME}){role}"
        rf"|(?:^|(?<=\n))[ \t]*(?P<c>{TITLED_NAME}){role}"
        rf"|(?<=\n)[ \t]*(?P<d>{NAME}){_role(required=True)}"
        # in haste, in lower case: a closing, a first name and a role ("gr henk, concierge")
        rf"|{closing}\s*[,:!.]?\s*(?P<e>{LOWER_NAME}){_role(required=True)})"
        rf"(?={TAIL})",
        re.MULTILINE,
    )


@lexicon_cache
def _role_line() -> re.Pattern[str]:
    """A line that is only a name and a role ("Esmee Rouwhorst, leerkracht"): one of a list."""
    return re.compile(rf"^\s*(?:{TITLED_NAME}|{NAME}){_role(required=True)}[\s\W]*$")


SIGNATURE_WINDOW = 160  # characters from the end; the longest signature is far shorter
TITLE_LINE = re.compile(rf"^\s*{TITLED_NAME}[\s\W]*$")


@lexicon_cache
def not_a_signer() -> frozenset[str]:
    """First words that make a "signature" the school's, a group's or a figure's, not one
    person's (not_a_signer.txt)."""
    return package_list("not_a_signer")


def _signer_is_person(signer: str, ctx: RuleContext) -> bool:
    """Whether a signature names one person (not the team, a group, the school or a figure)."""
    words = signer.split()
    if re.fullmatch(TITLE, words[0]):
        return len(words) > 1 and words[1].lower() not in not_a_signer()
    # Title-less signers must start like a name ("Anton Kuipers", not "Groep 7" or "het team"),
    # in lower case a first name the lists know ("henk").
    if words[0].lower().strip(".,'’\"") in not_a_signer():
        return False
    if not words[0][:1].isupper() and words[0] not in lexicon().first_names:
        return False
    school = ctx.school_name.strip().lower()
    return not (school and signer.lower() in school)


@rule(
    "personal-title.signature",
    category=Category.PERSONAL_TITLE,
    clause="b",
    severity=Severity.MEDIUM,
)
def signature(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A post signed by one staff member: "Groetjes, juf Carla", "-mr. Koen", "xx juf Mandy".

    Why: a one-person signature turns the school's post into that person's message (1b/2b),
    even for plain school news signed by the director.

    Flagged: a closing at the end of the post with one person's name ("Liefs, meester Henk van
    Dalen", "Met vriendelijke groet, Ellen Boersma, directeur", "Hartelijke groet,\\nAnton
    Kuipers", "Groetjes van juf Marit", "Groetjes, Marit (groep 4)"), a dash, tilde or caret
    signature ("- juf Linda", "-mr. Koen", "~Hylke", "^Marit"), and a last line that is only a
    title and a name ("Juf Petra") or a name and a role ("Gert-Jan Klein Gunnewiek, directeur").

    Fine: "Groet, team De Zonnewijzer", "Groetjes van het team", "namens het team", "de
    administratie", "Groetjes!", two people signing together, a list of new colleagues (also one
    "name, role" a line), a letter
    signed by Sinterklaas, and names in the middle of a post ("Welkom, juf Daphne!").
    """
    text = post.text
    # A signature closes the post: only its last stretch needs the (costly) pattern.
    window = max(0, len(text) - SIGNATURE_WINDOW)
    while 0 < window < len(text) and not text[window - 1].isspace():
        window += 1
    for match in signature_pattern().finditer(text, window):
        signer = next((match.group(g) for g in "abcde" if match.group(g)), "")
        # Drop trailing role words the name pattern swallowed ("Ellen Boersma, directeur").
        signer = signer.strip()
        if " en " in f" {signer.lower()} " or not _signer_is_person(signer, ctx):
            continue
        if match.group("c") or match.group("d"):
            lines = text[: match.start()].rstrip().splitlines()
            if lines and (TITLE_LINE.match(lines[-1]) or _role_line().match(lines[-1])):
                continue  # a list of names, not a signature
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        yield Hit(
            Span(start, match.end()),
            match.group().strip(),
            "ondertekend door één medewerker",
            "personal_title",
        )
        return
