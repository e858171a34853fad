"""WhatsApp (article 3): what the school and its staff do in WhatsApp groups.

The protocol allows no WhatsApp groups made by the school except work groups whose members agreed,
no photos of pupils in them, and no essential information that goes only through WhatsApp (it
belongs in Social Schools). The WhatsApp source turns every message of an exported chat into a
post and keeps the "... created the group" system line as a post of its own; these rules read
only the post's text and `media.analysis`.

Clause letters (the article shown is "3" + letter). `protocol.toml` shares the letters a-f
between sections, so the two WhatsApp-only points use letters no other section uses:

- `g` groups: no groups created by the school or staff, except consenting work groups;
- `c` photos: no (recognisable) pupils on photos, the same clause as on Facebook and X;
- `h` essential information never only through WhatsApp, always (also) through Social Schools.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from auditor.models import Category, Hit, Media, MediaKind, Platform, Post, Severity, Span
from auditor.rules.base import RuleContext, rule
from auditor.rules.images import face_hits
from auditor.sources.whatsapp_export import DEFAULT_PHRASES

CLAUSE_GROUPS = "g"
CLAUSE_PHOTOS = "c"
CLAUSE_ESSENTIAL = "h"

GROUP_CREATED = "whatsapp.group-created"
PUPIL_PHOTO = "whatsapp.pupil-photo"
ESSENTIAL_INFO = "whatsapp.essential-info"

# "U hebt / Je hebt / You created": the person who exported the chat created the group.
CREATED_BY_EXPORTER = re.compile(r"^\s*(?:u|je|jij|you)\s+(?:hebt\b|created\b)", re.IGNORECASE)

# Topics that are essential information for parents. Patterns are case-insensitive and searched
# per post; `[^.!?\n]{0,N}` keeps the two halves of a pattern inside one sentence.
# fmt: off
TOPICS: dict[str, tuple[str, ...]] = {
    "roosterwijziging": (
        r"\b(?:les)?rooster(?:wijziging(?:en)?)?\b", r"\bcontinurooster\b",
        r"\b(?:gaat|gaan)\s+(?:\w+\s+){0,3}niet\s+door\b", r"\bverplaatst\s+naar\b",
        r"\bafgelast\b", r"\b(?:les)?uitval\b", r"\bvalt\s+(?:\w+\s+){0,2}uit\b",
        r"\b(?:eerder|later)\s+(?:uit|vrij|beginnen|begint)\b", r"\bstudiedag\w*",
        r"\bmargedag\w*", r"\bvrije\s+(?:dag|middag|ochtend)\b",
        r"\bkinderen\s+(?:zijn\s+)?(?:\w+\s+){0,2}vrij\b",
    ),
    "schoolsluiting": (
        r"\bschool\s+(?:is|blijft|gaat)\s+(?:\w+\s+){0,2}(?:dicht|gesloten)\b",
        r"\b(?:is|blijft|gaat)\s+de\s+school\s+(?:\w+\s+){0,2}(?:dicht|gesloten)\b",
        r"\b(?:school)?sluiting\b", r"\bstaking\b", r"\bcode\s+(?:rood|oranje)\b",
        r"\bnoodweer\b", r"\bthuisonderwijs\b", r"\blockdown\b",
    ),
    "zieke leerkracht of geen les": (
        r"\b(?:juf|meester|leerkracht|docent|leraar|lerares)\b[^.!?\n]{0,40}\b(?:is|zijn)\s+ziek\b",
        r"\bziek\s*gemeld\b", r"\bgeen\s+vervang(?:ing|er)\b", r"\bgeen\s+(?:les|school)\b",
        r"\b(?:klas|groep\s*\d+\w?)\s+(?:moet|blijft|mag)\s+(?:\w+\s+){0,2}thuis\b",
        r"\bnaar\s+huis\s+gestuurd\b", r"\bthuis\s*blijven\b",
    ),
    "toestemming of uitje": (
        r"\btoestemming\w*", r"\bhandtekening\b",
        r"\b(?:formulier|strookje|briefje)\w*\b[^.!?\n]{0,40}\b(?:inleveren|ondertekenen|tekenen)\b",
        r"\b(?:schoolreis\w*|excursie\w*|schoolkamp|kamp|uitstapje)\b[^.!?\n]{0,60}"
        r"\b(?:vertrek\w*|terug|ophalen|meenemen|aanmelden|opgeven|inschrijven|verzamelen)\b",
    ),
    "betaling": (
        r"\bouderbijdrage\b", r"\b(?:kamp|schoolreis|excursie)geld\b", r"\bbetaalverzoek\w*",
        r"\btikkie\b",
        r"\b(?:betalen|overmaken|betaling)\b[^.!?\n]{0,60}"
        r"(?:\buiterlijk\b|\bvóór\b|\bvoor\s+\d|\bdeadline\b|€|\beuro\b)",
        r"(?:€\s?\d|\b\d+[,.]\d{2}\s?euro\b)[^.!?\n]{0,60}\b(?:betalen|overmaken)\b",
    ),
}
# Naming the official channel is fine: the chat only points to where the information is.
CHANNELS: tuple[str, ...] = (
    r"\bsocial\s*-?\s*schools?\b", r"\bparro\b", r"\bwebsite\b", r"\bsite\b",
    r"\b(?:e-?)?mail\w*", r"\bge-?maild\b", r"\bnieuwsbrief\w*", r"\bouderportaal\b",
    r"\bschoolapp\b",
)
# fmt: on


@cache
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for all `patterns`: one scan of the text instead of many."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


SENTENCE_END = re.compile(r"[.!?\n]")
# "Wilt u ... tekenen?" is a request from the school, not a parent's question.
POLITE_REQUEST = re.compile(
    r"^\W*(?:wilt|wil|willen|kunt|kun|kunnen|zou|zouden|denkt|denken)\s+(?:u|je|jij|jullie)\b",
    re.IGNORECASE,
)


def _is_question(text: str, start: int, end: int) -> bool:
    """True when the sentence holding text[start:end] is a question, not a polite request."""
    m = SENTENCE_END.search(text, end)
    if m is None or m.group(0) != "?":
        return False
    begin = max((text.rfind(c, 0, start) for c in ".!?\n"), default=-1) + 1
    return not POLITE_REQUEST.match(text, begin)


@rule(
    GROUP_CREATED,
    category=Category.WHATSAPP,
    clause=CLAUSE_GROUPS,
    severity=Severity.MEDIUM,
    platforms=(Platform.WHATSAPP,),
    options={"phrases": tuple[str, ...]},
)
def group_created(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A WhatsApp group was created: check it is a work group whose members all agreed.

    Why: the school creates no WhatsApp groups, except work groups of staff (or volunteers) who
    agreed to take part. The export holds the system line that says who made the group.

    Flagged: the system line "<naam> heeft de groep aangemaakt" (also "U hebt/Je hebt ...",
    English "created group"). The reason says when the person who exported the chat made it.

    Fine: chats without that line (the group is older than the export, or a one-to-one chat).

    Options: `phrases`, a list of regexes for the system line (default: the WhatsApp source's).
    """
    if "\n" in post.text.strip():
        return  # system lines are one line; a longer message merely quotes one
    patterns = tuple(ctx.option(GROUP_CREATED, "phrases", DEFAULT_PHRASES.system["created"]))
    m = _any_of(patterns).search(post.text)
    if m is not None:
        who = " door de exporteur (u)" if CREATED_BY_EXPORTER.match(post.text) else ""
        yield Hit(
            span=Span(m.start(), m.end()),
            value=m.group(0),
            reason=f"WhatsApp-groep aangemaakt{who}: alleen toegestaan als werkgroep "
            "waarvan alle deelnemers toestemming gaven",
            kind="whatsapp",
        )


@rule(
    PUPIL_PHOTO,
    category=Category.WHATSAPP,
    clause=CLAUSE_PHOTOS,
    severity=Severity.HIGH,
    platforms=(Platform.WHATSAPP,),
)
def pupil_photo(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Photos or videos with recognisable faces shared in a WhatsApp chat.

    Why: staff share no photos of pupils in WhatsApp groups. The image pipeline finds faces and
    judges whether they can be recognised; this rule reads that verdict (`media.analysis`).

    Flagged: each photo, video or GIF in a message with at least one recognisable face, with the
    number of faces and their boxes.

    Fine: media without recognisable faces; media that were not analysed (images switched off,
    or left out of the export: `image.unanalysed` reports those).
    """

    def reason(media: Media, index: int, faces: str) -> str:
        what = {MediaKind.VIDEO: "video", MediaKind.GIF: "GIF"}.get(media.kind, "foto")
        return f"{what} {index + 1} met {faces} gedeeld in WhatsApp"

    return face_hits(post, reason)


@rule(
    ESSENTIAL_INFO,
    category=Category.WHATSAPP,
    clause=CLAUSE_ESSENTIAL,
    severity=Severity.MEDIUM,
    platforms=(Platform.WHATSAPP,),
    options={"topics": dict[str, tuple[str, ...]], "channels": tuple[str, ...]},
)
def essential_info(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Essential information shared in WhatsApp without pointing to Social Schools.

    Why: information parents must get (schedule changes, school closure, a sick teacher and no
    class, permission for a trip, payments and their deadlines) never goes only through WhatsApp:
    not every parent is in the group, and messages get lost. It goes through Social Schools.

    Flagged: a message about one of those topics that does not mention Social Schools, Parro, the
    website, mail or the newsletter. One hit per message, on the first topic word; the reason
    names every topic found.

    Fine: the same message with "zie Social Schools" or "staat op de website"; questions ("Gaat
    de gym morgen door?"); chatter that names no such topic.

    Options: `topics` (label -> list of regexes) and `channels` (list of regexes).
    """
    text = post.text
    channels = tuple(ctx.option(ESSENTIAL_INFO, "channels", CHANNELS))
    if _any_of(channels).search(text):
        return
    topics: dict[str, tuple[str, ...]] = ctx.option(ESSENTIAL_INFO, "topics", TOPICS)
    found: list[tuple[re.Match[str], str]] = []
    for label, patterns in topics.items():
        # finditer goes left to right: the first match not in a question is the earliest
        matches = _any_of(tuple(patterns)).finditer(text)
        first = next((m for m in matches if not _is_question(text, m.start(), m.end())), None)
        if first is not None:
            found.append((first, label))
    if not found:
        return
    found.sort(key=lambda item: item[0].start())
    first = found[0][0]
    labels = ", ".join(dict.fromkeys(label for _, label in found))
    yield Hit(
        span=Span(first.start(), first.end()),
        value=first.group(0),
        reason=f"{labels} alleen via WhatsApp gedeeld: zulke informatie gaat via Social Schools",
        kind="whatsapp",
    )
