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

from auditor.models import Category, Hit, Post, Severity, Span
from auditor.rules.base import RuleContext, rule

# First-person singular (Dutch, plus Frisian "myn"/"my"); "ik-boekje" is a thing, not a voice.
FIRST_PERSON = re.compile(r"\b(?:ik|mij|me|mijn|m'n|mezelf|mijzelf|ikzelf|myn|mysels)\b(?!-)")

# Opinion and feeling markers: they name the reason and the span when present.
OPINION = re.compile(
    r"\b(?:ik\s+vind|vind\s+ik|ik\s+vond|ik\s+fyn|mijn\s+(?:persoonlijke\s+)?mening|myn\s+miening"
    r"|persoonlijk(?:e\s+noot)?|eerlijk\s+gezegd|ik\s+(?:denk|snap|begrijp|erger|schaam|hoop"
    r"|maak\s+me\s+(?:eerlijk\s+gezegd\s+)?zorgen|word\s+er|ben\s+het\s+(?:totaal\s+|helemaal\s+)?"
    r"(?:niet\s+)?eens|ben\s+(?:eerlijk\s+gezegd\s+)?geen\s+fan|ben\s+(?:echt\s+|zó\s+|zo\s+)?"
    r"(?:super)?(?:trots|blij|boos|verdrietig|teleurgesteld)|heb\s+er\s+\w+\s+genoeg\s+van"
    r"|wil\s+(?:toch\s+)?even\s+iets\s+kwijt|staak)"
    r"|wat\s+(?:ben|heb)\s+ik|voor\s+mij\s+(?:een|is)|mijn\s+tip)\b",
)

# A private political judgement without "ik": a political target and a strong verdict.
POLITICAL_TARGET = re.compile(
    r"\b(?:kabinet|den\s+haag|minister\w*|regering|politici|politiek|gemeenteraad|wethouder)\b",
)
VERDICT = re.compile(
    r"\b(?:schandalig|belachelijk|onverantwoord|een\s+schande|walgelijk|absurd|bizar"
    r"|te\s+gek\s+voor\s+woorden|breekt\s+het\s+onderwijs\s+af)\b",
)

# Quoted speech: "…", “…”, „…”, «…», ‘…’ and '…' (not the 's of "'s avonds" or a 't).
QUOTED = re.compile(
    r"\"[^\"\n]*\"|“[^”\n]*”|„[^”“\n]*[”“]|«[^»\n]*»|‘[^’\n]*’"
    r"|(?<![\w'])'(?!s\b|t\b)[^'\n]{2,}?'(?![\w])"
)
# Someone else's words after a colon: "Sem (groep 4) schreef: ik ...", "Thema: ik en de ander".
REPORTED = re.compile(
    r"\b(?:schreef|schrijft|schreven|zei|zegt|zeiden|vertelde|vertelt|riep|roept|vroeg|vraagt"
    r"|zong|zingt|thema|gedicht|groep\s+\d[\d/]*\)?)\b[^.!?\n:]{0,40}:[^\n]*",
)
# A first-person letter by a holiday figure.
FIGURE_LETTER = re.compile(
    r"\b(?:brief|briefje|bericht|boodschap|mail|filmpje)\s+van\s+(?:sinterklaas|de\s+sint|sint"
    r"|piet|de\s+pieten|de\s+kerstman|de\s+paashaas)\b|\b(?:groet(?:en|jes)?|liefs)[,\s]+"
    r"(?:sinterklaas|de\s+sint|sint|piet|de\s+pieten|de\s+kerstman|de\s+paashaas)\b",
)
# Lesson content in question form: "we praten over wat vind ik fijn", "het spel wie ben ik".
LESSON_BEFORE = re.compile(
    r"\b(?:over|thema|les|lessen|spel|spelletje|liedje|boekje|vraag)\s+(?:\w+\s+){0,2}"
    r"(?:wat|wie|waar|hoe|waarom)\s+\w+\s*$",
)


def _lowercase(text: str) -> str:
    """The text in lower case with every offset kept (a few characters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _ignored_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of text that are someone else's words: quotes and reported speech."""
    spans = [m.span() for m in QUOTED.finditer(text)]
    spans.extend(m.span() for m in REPORTED.finditer(text))
    return spans


def _own_first_person(text: str) -> Iterator[re.Match[str]]:
    """First-person pronouns the account's writer speaks in (not quotes or lesson content)."""
    if FIGURE_LETTER.search(text):
        return
    ignored = _ignored_spans(text)
    for match in FIRST_PERSON.finditer(text):
        if any(start <= match.start() < end for start, end in ignored):
            continue
        if LESSON_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        if _plural_subject(text, match):
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
    Pieten; lesson content such as "we praten over wat vind ik fijn"; an "ik-boekje".
    """
    text = _lowercase(post.text)
    pronouns = list(_own_first_person(text)) if FIRST_PERSON.search(text) else []
    if pronouns:
        first = pronouns[0]
        marker = next(
            (
                m
                for m in OPINION.finditer(text)
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
    if POLITICAL_TARGET.search(text):
        verdict = VERDICT.search(text)
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
# After a title the first name may be lowercase ("juf lisa"); a surname may follow.
TITLED_NAME = rf"{TITLE}[ \t]*[\wÀ-ÖØ-öø-ÿ'’-]+(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_CAP}){{0,2}}"
ROLE = (
    r"(?:,?\s*(?:\(|-\s*)?(?i:directeur|directrice|adjunct-directeur|locatieleider|leerkracht"
    r"|intern\s+begeleider|ib'er|conciërge|juf|meester)(?:\s+(?:groep\s*)?[\d/]+)?\)?)?"
)
CLOSING = (
    r"(?i:(?:met\s+)?(?:vriendelijke|hartelijke|lieve|warme|zonnige|sportieve|fijne)\s+"
    r"groet(?:en|jes)?|groet(?:en|jes)?|gr\.|liefs|xx+|x|(?:dikke\s+)?knuffel(?:s)?|kusjes)"
)
# What may trail a signature: punctuation, emoji, hashtags.
TAIL = r"[\s\W_]*(?:#\w+[\s\W_]*)*\Z"
SIGNATURE = re.compile(
    rf"(?<![\w])(?:{CLOSING}\s*[,:!.]?\s*(?P<a>{TITLED_NAME}|{NAME}){ROLE}"
    rf"|[-–—]\s*(?P<b>{TITLED_NAME}|{NAME}){ROLE}"
    rf"|(?:^|(?<=\n))[ \t]*(?P<c>{TITLED_NAME}){ROLE})"
    rf"(?={TAIL})",
    re.MULTILINE,
)
SIGNATURE_WINDOW = 160  # characters from the end; the longest signature is far shorter
TITLE_LINE = re.compile(rf"^\s*{TITLED_NAME}[\s\W]*$")

# First words that make a "signature" the school's, a group's or a figure's, not one person's.
# fmt: off
NOT_A_PERSON = frozenset(
    {
        "team", "het", "de", "een", "school", "basisschool", "obs", "cbs", "pcbs", "rkbs", "kbs",
        "ikc", "ouderraad", "or", "mr", "medezeggenschapsraad", "directie", "administratie",
        "bestuur", "stichting", "groep", "allemaal", "iedereen", "jullie", "namens", "van", "uit",
        "sinterklaas", "sint", "piet", "pieten", "kerstman", "paashaas", "juffen", "meesters",
        "leerkrachten", "kinderen", "leerlingen", "ons", "onze", "alle", "en",
    }
)
# fmt: on


def _signer_is_person(signer: str, ctx: RuleContext) -> bool:
    """Whether a signature names one person (not the team, a group, the school or a figure)."""
    words = signer.split()
    if re.fullmatch(TITLE, words[0]):
        return len(words) > 1 and words[1].lower() not in NOT_A_PERSON
    # Title-less signers must start like a name ("Anton Kuipers", not "Groep 7" or "het team").
    if words[0].lower().strip(".,'’\"") in NOT_A_PERSON or not words[0][:1].isupper():
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
    Kuipers"), a dash signature ("- juf Linda", "-mr. Koen"), and a last line that is only a
    title and a name ("Juf Petra").

    Fine: "Groet, team De Zonnewijzer", "Groetjes van het team", "namens het team", "de
    administratie", "Groetjes!", two people signing together, a list of new colleagues, a letter
    signed by Sinterklaas, and names in the middle of a post ("Welkom, juf Daphne!").
    """
    text = post.text
    # A signature closes the post: only its last stretch needs the (costly) pattern.
    window = max(0, len(text) - SIGNATURE_WINDOW)
    while 0 < window < len(text) and not text[window - 1].isspace():
        window += 1
    for match in SIGNATURE.finditer(text, window):
        signer = match.group("a") or match.group("b") or match.group("c") or ""
        # Drop trailing role words the name pattern swallowed ("Ellen Boersma, directeur").
        signer = signer.strip()
        if " en " in f" {signer.lower()} " or not _signer_is_person(signer, ctx):
            continue
        if match.group("c"):
            lines = text[: match.start()].rstrip().splitlines()
            if lines and TITLE_LINE.match(lines[-1]):
                continue  # a list of names, not a signature
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        yield Hit(
            Span(start, match.end()),
            match.group().strip(),
            "ondertekend door één medewerker",
            "personal_title",
        )
        return
