"""WhatsApp (article 3): what the school and its staff do in WhatsApp groups.

The protocol, clause by clause, and the rule for each:

- 3a the school never has a WhatsApp group made, except small work groups whose members all
  agreed: `whatsapp.group-created` (a group made by staff that is not in `[whatsapp] work_groups`);
- 3b groups made by parents are not the school's responsibility: no rule ever looks at a
  parent's message (the source does not even keep them);
- 3c staff take no part in groups made by parents, except registered work groups:
  `whatsapp.staff-in-parents-group`, one finding per group;
- 3d quick information through a class parent is fine: no rule;
- 3e staff share no photos of pupils: `whatsapp.pupil-photo` (recognisable faces, high) and
  `whatsapp.photo-unchecked` (a staff photo or video the export left out: check by hand);
- 3f essential information never goes only through WhatsApp, it goes through Social Schools:
  `whatsapp.essential-info`.

Personal data in staff messages is reported by the personal-data rules, as on Facebook and X,
under article 3 and naming the AVG. The WhatsApp source yields staff messages (`chat.author`
STAFF) and one record per group (`PostKind.GROUP`, whose `chat` says who made it and how many
messages staff and parents wrote); these rules read only that, the text and `media.analysis`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from auditor.models import (
    AuthorRole,
    Category,
    Hit,
    Media,
    MediaKind,
    Platform,
    Post,
    PostKind,
    Severity,
    Span,
)
from auditor.nlp.lexicon import lexicon_cache, package_table
from auditor.rules.base import RuleContext, rule
from auditor.rules.images import face_hits

CLAUSE_GROUPS = "a"
CLAUSE_PARENTS_GROUPS = "c"
CLAUSE_PHOTOS = "e"
CLAUSE_ESSENTIAL = "f"

GROUP_CREATED = "whatsapp.group-created"
STAFF_IN_PARENTS_GROUP = "whatsapp.staff-in-parents-group"
PUPIL_PHOTO = "whatsapp.pupil-photo"
PHOTO_UNCHECKED = "whatsapp.photo-unchecked"
ESSENTIAL_INFO = "whatsapp.essential-info"

GROUP = (PostKind.GROUP.value,)
MESSAGE = (PostKind.POST.value,)


def _staff_message(post: Post) -> bool:
    return post.chat is None or post.chat.author == AuthorRole.STAFF


# Topics of essential information for parents (3f) and the official channels: regexes in
# auditor/lexicons/whatsapp_topics.toml (see its header), compiled on first use.
# fmt: off
# Attachment markers of documents and voice notes stay in the text; a file name is not a topic.
ATTACHMENT = re.compile(
    r"(?:^|\n)[^\n<>]*?(?:•[^\n<>]*)?<(?:bijgevoegd|attached):[^<>\n]+>"
    r"|^[^\n]+\.\w{2,5}\s\((?:bestand bijgevoegd|file attached)\)",
    re.IGNORECASE,
)
# fmt: on


@cache
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for all `patterns`: one scan of the text instead of many."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


@lexicon_cache
def default_topics() -> dict[str, tuple[str, ...]]:
    """Topic label -> its patterns, `{subject}` and `{days}` filled in (whatsapp_topics.toml)."""
    table = package_table("whatsapp_topics")
    parts = table["parts"]

    def filled(pattern: str) -> str:
        return pattern.replace("{subject}", parts["subject"]).replace("{days}", parts["days"])

    return {
        label: tuple(filled(p) for p in patterns) for label, patterns in table["topics"].items()
    }


@lexicon_cache
def default_channels() -> tuple[str, ...]:
    """Naming one of these channels is fine: the chat points to where the information is."""
    return tuple(package_table("whatsapp_topics")["channels"]["patterns"])


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
    kinds=GROUP,
)
def group_created(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A WhatsApp group made by staff that is not a registered work group.

    Why: the school never has a WhatsApp group made (3a). The one exception is a small work
    group whose members all agreed; those are listed in `[whatsapp] work_groups`.

    Flagged: a group whose system line says a staff member made it ("Juf Marloes heeft groep
    ... aangemaakt"), or the person who exported it ("U hebt / Je hebt / You created the group":
    exports reach the auditor from staff phones, so the exporter counts as staff), and whose
    name is not in `work_groups`. One finding per group.

    Fine: registered work groups; groups made by parents (3b: not the school's responsibility);
    groups whose export does not say who made them.
    """
    chat = post.chat
    if chat is None or chat.created_by != AuthorRole.STAFF or chat.work_group:
        return
    who = "door u (de exporteur)" if chat.created_by_exporter else "door een medewerker"
    yield Hit(
        span=None,
        value=chat.group,
        reason=f"WhatsApp-groep '{chat.group}' is aangemaakt {who} en is geen geregistreerde "
        "werkgroep: de school maakt geen groepen, behalve werkgroepen waarvan alle leden "
        "instemden ([whatsapp] work_groups)",
        kind="whatsapp",
    )


@rule(
    STAFF_IN_PARENTS_GROUP,
    category=Category.WHATSAPP,
    clause=CLAUSE_PARENTS_GROUPS,
    severity=Severity.MEDIUM,
    platforms=(Platform.WHATSAPP,),
    kinds=GROUP,
)
def staff_in_parents_group(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Staff write in a group that is not the school's: a parents' group or one of unknown origin.

    Why: staff do not take part, in their professional capacity, in groups made by parents (3c);
    the exception is a registered work group.

    Flagged: a group in which at least one staff member wrote, that was not made by staff and is
    not in `[whatsapp] work_groups`. A group whose creation the export does not show counts as
    a parents' group. One finding per group, however many messages staff wrote; the reason gives
    the number and the date of the first.

    Fine: registered work groups; groups where staff only read; groups made by staff (those are
    `whatsapp.group-created`).
    """
    chat = post.chat
    if chat is None or chat.work_group or chat.staff_messages == 0:
        return
    if chat.created_by == AuthorRole.STAFF:
        return
    made = "door een ouder" if chat.created_by == AuthorRole.PARENT else "niet door de school"
    count = chat.staff_messages
    noun = "bericht" if count == 1 else "berichten"
    yield Hit(
        span=None,
        value=chat.group,
        reason=f"medewerkers schreven {count} {noun} (eerste op {chat.first_staff_at}) in "
        f"WhatsApp-groep '{chat.group}', die {made} is aangemaakt en geen geregistreerde "
        "werkgroep is: medewerkers nemen niet deel aan groepen van ouders",
        kind="whatsapp",
    )


@rule(
    PUPIL_PHOTO,
    category=Category.WHATSAPP,
    clause=CLAUSE_PHOTOS,
    severity=Severity.HIGH,
    platforms=(Platform.WHATSAPP,),
    kinds=MESSAGE,
)
def pupil_photo(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Photos or videos with recognisable faces shared by staff in a WhatsApp group.

    Why: staff share no photos of pupils in WhatsApp groups (3e). The image pipeline finds faces
    and judges whether they can be recognised; this rule reads that verdict (`media.analysis`).

    Flagged: each photo, video or GIF in a staff message with at least one recognisable face,
    with the number of faces and their boxes.

    Fine: media without recognisable faces (blurred, pixelated, no people); parents' photos
    (never kept); media that were not analysed (`whatsapp.photo-unchecked` reports those).
    """
    if not _staff_message(post):
        return iter(())

    def reason(media: Media, index: int, faces: str) -> str:
        what = {MediaKind.VIDEO: "video", MediaKind.GIF: "GIF"}.get(media.kind, "foto")
        return f"{what} {index + 1} met {faces} gedeeld door een medewerker in WhatsApp"

    return face_hits(post, reason)


@rule(
    PHOTO_UNCHECKED,
    category=Category.WHATSAPP,
    clause=CLAUSE_PHOTOS,
    severity=Severity.MEDIUM,
    platforms=(Platform.WHATSAPP,),
    kinds=MESSAGE,
)
def photo_unchecked(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A staff photo or video that could not be checked for faces: check it by hand.

    Why: staff share no photos of pupils (3e). A photo the export left out ("exported without
    media", `<Media weggelaten>`, `image omitted`) or that cannot be read may still show pupils.

    Flagged: each photo, video, GIF or unknown media item of a staff message that is missing
    from the export or whose analysis failed; the reason says which.

    Fine: analysed media (with or without faces); voice notes, documents and stickers; every
    file when image analysis is switched off and the file is in the export.
    """
    if not _staff_message(post):
        return
    for index, media in enumerate(post.media):
        if media.missing:
            why = "ontbreekt in de export"
        elif media.analysis is None or media.analysis.status == "analysed":
            continue
        else:
            why = f"kon niet gecontroleerd worden ({media.analysis.error or 'onbekende fout'})"
        what = {MediaKind.VIDEO: "video", MediaKind.GIF: "GIF", MediaKind.PHOTO: "foto"}.get(
            media.kind, "bijlage"
        )
        yield Hit(
            span=None,
            value="",
            reason=f"{what} {index + 1} van een medewerker {why}: controleer met de hand of er "
            "leerlingen herkenbaar op staan",
            kind="image",
            media_index=index,
        )


@rule(
    ESSENTIAL_INFO,
    category=Category.WHATSAPP,
    clause=CLAUSE_ESSENTIAL,
    severity=Severity.MEDIUM,
    platforms=(Platform.WHATSAPP,),
    kinds=MESSAGE,
    options={"topics": dict[str, tuple[str, ...]], "channels": tuple[str, ...]},
)
def essential_info(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Essential information shared by staff in WhatsApp without pointing to Social Schools.

    Why: information parents must get (a closure, a studiedag, a schedule change, a strike, a
    sick teacher and no class, a payment deadline, head lice, report meetings, permission forms)
    never goes only through WhatsApp (3f): not every parent is in the group, and messages get
    lost. It goes through Social Schools.

    Flagged: a staff message, Dutch or English, about one of those topics that does not mention
    Social Schools, Parro, the website, mail or the newsletter. A changed schedule counts for
    what pupils take part in (lessons, gym, trips, school), not for a meeting of adults. One hit
    per message, on the first topic word; the reason names every topic found.

    Fine: the same message with "zie Social Schools" or "staat op de website"; quick
    information (3d: a forgotten lunch box, drivers for a trip, "we are back at 15:30");
    questions; a document's file name; anything a parent writes.

    Options: `topics` (label -> list of regexes) and `channels` (list of regexes).
    """
    if not _staff_message(post):
        return
    text = ATTACHMENT.sub(lambda m: " " * len(m.group(0)), post.text)
    channels = tuple(ctx.option(ESSENTIAL_INFO, "channels", default_channels()))
    if _any_of(channels).search(text):
        return
    topics: dict[str, tuple[str, ...]] = ctx.option(ESSENTIAL_INFO, "topics", default_topics())
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
