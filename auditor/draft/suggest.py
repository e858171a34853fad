"""Rewrite a draft so that it complies: what is personal becomes what the school can say.

Pure: text and findings in, a rewritten text and notes out. It works on the findings' personal-
data type and the words around each one, never on particular sentences:

- a pupil's name becomes "een leerling" (a list of names "twee leerlingen"; after "onze" just
  "leerling"); a name spoken to ("Beterschap Noah!") is left out; a name in a hashtag drops the
  hashtag;
- a titled name keeps its title without the name: "juf Anouk" -> "de juf", "opa Gerrit" -> "een
  opa"; a person given as a contact (a sentence with a phone number or e-mail address) becomes
  "de school", and the number or address the school's own one from `[allow]`;
- a birthday keeps the day and the group but loses the name and the age ("is vandaag jarig");
  a date of birth is left out;
- a sentence with health, religion or another private fact about a named person is left out,
  with a note;
- addresses, postcodes, IBANs, plates, handles and BSNs become the school's own or are dropped;
- everything else (and every finding of another kind, which gets a hint) is left untouched.

The caller checks the result again (`auditor.draft.check_draft`) and calls this once more on
what is left, so the suggestion passes its own check.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from auditor.models import Category, Finding, Span

# A sentence runs to . ! ? ; or a line break, but not to the full stop of an initial that the
# sentence goes on after ("Roos K. uit groep 7", "Fenna v.d. Berg"): a one-letter word's stop
# before another initial or a lower-case word.
SENTENCE = re.compile(
    r"(?:[^.!?;\n]|(?<!\w\w)(?<=[^\W\d_])\.(?=[^\W\d_]\.|\s+[^\W\d_A-ZÀ-Þ]))*(?:[.!?;]+|\n|$)"
)
WORD_BEFORE = re.compile(r"([#@]?[\w'.’-]+)[ \t]*$")
# Lists of names: "Milan, Saar, Jayden en Evi".
LIST_GLUE = re.compile(r"^\s*(?:,|en|&|\+|of)\s*$", re.IGNORECASE)
# Ages inside a birthday phrase: "5 jaar", "haar 50e", "wordt 8".
AGE_YEARS = re.compile(r"\b\d{1,3}\s*jaar(?:\s+oud)?\b")
AGE_TH = re.compile(r"\b\d{1,3}(?:e|ste|de)\b\s*")
AGE_BARE = re.compile(r"\b(wordt|werd|is|wordt\s+vandaag|werd\s+vandaag)\s+\d{1,3}\b")
BORN = re.compile(r"geboren|geb\.", re.IGNORECASE)
DROP_SENTENCE_KINDS = {"health": "note_health", "other": "note_other"}
CONTACT_KINDS = {"phone", "email", "address"}
# The account holder after an IBAN: "t.n.v. R. Bakker" goes with the account.
ACCOUNT_HOLDER = re.compile(
    r"\s*(?:t\.\s?n\.\s?v\.?|tnv|ten\s+name\s+van)\s+(?:[A-Z]\.\s?)*[^.!?\n,;]*", re.IGNORECASE
)
# Ages said about a person: "wordt 8", "wordt vandaag 5 jaar", "9 jaar geworden", "haar 50e".
AGE_PHRASE = re.compile(
    r"\b(?:(?:wordt|werd)\s+(?:vandaag\s+|morgen\s+|zaterdag\s+|zondag\s+)?\d{1,3}(?:\s*jaar)?"
    r"|\d{1,3}\s*jaar(?:\s+oud)?(?:\s+geworden)?|\d{1,3}(?:e|ste|de)(?=\s+verjaardag))\b"
)
BIRTHDAY_CUE = re.compile(r"\b(?:jarig\w*|verjaardag\w*|geworden|wordt\s+\d|trakteer\w*)", re.I)
HINTS = {
    Category.PERSONAL_TITLE: "hint_personal_title",
    Category.COMMERCIAL: "hint_commercial",
    Category.REPLY_TO_PARENT: "hint_reply",
    Category.OTHER_PLATFORM: "hint_other_platform",
    Category.WHATSAPP: "hint_whatsapp",
}


@dataclass(frozen=True)
class SchoolContact:
    """What the school itself may be named by in a suggestion (from `[allow]`)."""

    name: str = ""
    phone: str = ""
    email: str = ""
    iban: str = ""


@dataclass(frozen=True)
class Suggestion:
    text: str
    notes: tuple[str, ...] = ()
    changed: bool = False


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    kind: str


@cache
def _lexicon() -> dict[str, Any]:
    data = resources.files("auditor").joinpath("data/suggestion.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _words(key: str) -> frozenset[str]:
    return frozenset(_lexicon()[key])


def word(key: str) -> str:
    return str(_lexicon()["words"][key])


def note(key: str, language: str) -> str:
    notes = _lexicon()["notes"]
    return str(notes.get(language, notes["nl"])[key])


def pd_kind(finding: Finding) -> str | None:
    """The personal-data type of a finding ("name", "phone", ...), None for other categories."""
    if finding.category != Category.PERSONAL_DATA or finding.span is None:
        return None
    return finding.rule.partition(".")[2]


def sentences(text: str) -> list[Span]:
    """Sentence spans (up to and including . ! ? ; or a line break), empty ones left out."""
    return [
        Span(m.start(), m.end())
        for m in SENTENCE.finditer(text)
        if m.end() > m.start() and text[m.start() : m.end()].strip()
    ]


def suggest(
    text: str,
    findings: Sequence[Finding],
    school: SchoolContact = SchoolContact(),
    language: str = "nl",
) -> Suggestion:
    """The draft rewritten without the personal data the findings point at (see module doc)."""
    notes: list[str] = []
    for finding in findings:
        key = HINTS.get(finding.category)
        if finding.category == Category.IMAGE:
            key = "hint_image" if finding.rule.endswith("faces") else "hint_unanalysed"
        if key and note(key, language) not in notes:
            notes.append(note(key, language))
    pieces = _pieces(text, findings)
    if not pieces:
        return Suggestion(text, tuple(notes), changed=False)
    edits: list[tuple[int, int, str]] = []
    for sentence in sentences(text):
        inside = [p for p in pieces if sentence.start <= p.start < sentence.end]
        if not inside:
            continue
        drop = _drop_reason(text, inside)
        if drop:
            edits.append((sentence.start, _after_space(text, sentence.end), ""))
            if note(drop, language) not in notes:
                notes.insert(0, note(drop, language))
            continue
        edits.extend(_sentence_edits(text, sentence, inside, school))
    rewritten = tidy(_apply(text, edits))
    return Suggestion(rewritten, tuple(notes), changed=rewritten != text)


def drop_sentences(text: str, spans: Sequence[Span], language: str = "nl") -> Suggestion:
    """Leave out every sentence that overlaps one of `spans` (the last resort)."""
    edits = [
        (s.start, _after_space(text, s.end), "")
        for s in sentences(text)
        if any(sp.start < s.end and sp.end > s.start for sp in spans)
    ]
    return Suggestion(tidy(_apply(text, edits)), (note("note_left", language),), changed=True)


def _pieces(text: str, findings: Sequence[Finding]) -> list[_Piece]:
    """Every personal-data span, with each further literal occurrence of a name or number."""
    pieces: dict[tuple[int, int], _Piece] = {}
    for finding in findings:
        kind = pd_kind(finding)
        if kind is None or finding.span is None:
            continue
        start, end = finding.span.start, finding.span.end
        pieces[(start, end)] = _Piece(start, end, kind)
        value = text[start:end]
        if kind in {"name", "phone", "email", "social_handle", "iban"} and value.strip():
            for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text):
                pieces.setdefault((m.start(), m.end()), _Piece(m.start(), m.end(), kind))
    ordered = sorted(pieces.values(), key=lambda p: (p.start, -p.end))
    result: list[_Piece] = []
    for piece in ordered:  # nested spans: the outer one wins
        if result and piece.start < result[-1].end:
            continue
        result.append(piece)
    return result


def _drop_reason(text: str, inside: list[_Piece]) -> str | None:
    for piece in inside:
        if piece.kind in DROP_SENTENCE_KINDS:
            return DROP_SENTENCE_KINDS[piece.kind]
        if piece.kind == "birthdate" and BORN.search(text[piece.start : piece.end]):
            return "note_birthdate"
    return None


def _sentence_edits(
    text: str, sentence: Span, inside: list[_Piece], school: SchoolContact
) -> list[tuple[int, int, str]]:
    contact = any(p.kind in CONTACT_KINDS for p in inside)
    names = [p for p in inside if p.kind == "name"]
    edits = [_name_edit(text, sentence, group, contact) for group in _name_groups(text, names)]
    for piece in inside:
        if piece.kind == "name":
            continue
        edits.append(_other_edit(text, piece, school, contact))
    if names and BIRTHDAY_CUE.search(text, sentence.start, sentence.end):
        edits.extend(_age_edits(text, sentence, edits))
    return edits


def _age_edits(
    text: str, sentence: Span, edits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A birthday without the age: "wordt 8" -> "is jarig"; when the sentence already says
    "jarig", the age phrase goes ("is jarig en wordt 6 jaar" -> "is jarig")."""
    already = re.search(r"\bjarig", text[sentence.start : sentence.end], re.I)
    found = []
    for m in AGE_PHRASE.finditer(text, sentence.start, sentence.end):
        if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in edits):
            continue
        if already:
            glue = re.search(r"\s*(?:en|,)\s*$", text[sentence.start : m.start()])
            start = sentence.start + glue.start() if glue else _before_space(text, m.start())
            found.append((start, m.end(), ""))
        else:
            found.append((m.start(), m.end(), _without_age(m.group(0))))
    return found


def _name_groups(text: str, names: list[_Piece]) -> list[list[_Piece]]:
    """Names joined into lists ("Tim en Lars", "Milan, Saar en Evi") form one group."""
    groups: list[list[_Piece]] = []
    for piece in names:
        if groups and LIST_GLUE.match(text[groups[-1][-1].end : piece.start]):
            glue = text[groups[-1][-1].end : piece.start]
            if "\n" not in glue:
                groups[-1].append(piece)
                continue
        groups.append([piece])
    return groups


def _name_edit(
    text: str, sentence: Span, group: list[_Piece], contact: bool
) -> tuple[int, int, str]:
    start, end = group[0].start, group[-1].end
    # a name inside a hashtag: drop the hashtag
    tag_start = start
    while tag_start > sentence.start and (
        text[tag_start - 1].isalnum() or text[tag_start - 1] == "_"
    ):
        tag_start -= 1
    if tag_start > 0 and text[tag_start - 1] == "#":
        tag_end = end
        while tag_end < len(text) and (text[tag_end].isalnum() or text[tag_end] == "_"):
            tag_end += 1
        return (_before_space(text, tag_start - 1), tag_end, "")
    title_start, title = _word_before(text, start)
    title_key = title.lower()
    if title_key in _words("staff_titles") or title_key in _words("family_titles"):
        det_start, det = _word_before(text, title_start)
        has_det = det.lower() in _words("determiners")
        head = det_start if has_det and contact else title_start
        if contact:
            return (head, end, word("school"))
        if _spoken_to(text, sentence, head, end):
            return (_vocative_start(text, sentence, title_start), end, "")
        article = ""
        if not has_det:
            article = word("the") if title_key in _words("staff_titles") else word("a")
            title = title_key
        return (title_start, end, f"{article} {title}".strip() if article else title)
    if contact:
        return (start, end, word("school"))
    if _spoken_to(text, sentence, start, end):
        return (_vocative_start(text, sentence, start), end, "")
    det_start, det = _word_before(text, start)
    if det.lower() in _words("person_nouns"):  # "onze nieuwe leerlingen Ayla en Bo"
        return (_before_space(text, start), end, "")
    count = len(group)
    if count == 1:
        noun = word("pupil")
        return (start, end, noun if det.lower() in _words("determiners") else f"{word('a')} {noun}")
    numbers = _lexicon()["numbers"]
    amount = numbers[count] if count < len(numbers) else word("some")
    return (start, end, f"{amount} {word('pupils')}")


def _spoken_to(text: str, sentence: Span, start: int, end: int) -> bool:
    """A name addressed rather than talked about: it ends its sentence or clause, and comes
    after a greeting or a comma ("Beterschap Noah!", "Welkom op school, Liam!")."""
    after = text[end : sentence.end]
    if after.strip(" \t") and not re.match(r"^[\s]*[!?.,;:)\U0001F300-\U0001FAFF❤️💪👏🎉]+", after):
        return False
    if after.lstrip().startswith(",") and not re.match(r"^\s*,\s*$", after):
        # "Gefeliciteerd meester Bas, vandaag ..." is spoken to only after a greeting
        _, before = _word_before(text, start)
        return before.lower() in _words("greetings")
    _, before = _word_before(text, start)
    before_text = text[sentence.start : start].rstrip()
    if before.lower() in _words("prepositions"):
        return False
    return (
        before.lower() in _words("greetings")
        or before_text.endswith(",")
        or not before_text
        or len(before_text.split()) <= 2
    )


def _vocative_start(text: str, sentence: Span, start: int) -> int:
    """Where to cut a name spoken to: with the comma or space before it."""
    cut = start
    while cut > sentence.start and text[cut - 1] in " \t":
        cut -= 1
    if cut > sentence.start and text[cut - 1] == ",":
        cut -= 1
    return cut


def _other_edit(
    text: str, piece: _Piece, school: SchoolContact, contact: bool
) -> tuple[int, int, str]:
    value = text[piece.start : piece.end]
    if piece.kind == "phone":
        return (piece.start, piece.end, school.phone or word("school_phone"))
    if piece.kind == "email":
        return (piece.start, piece.end, school.email or word("school_email"))
    if piece.kind == "iban":
        holder = ACCOUNT_HOLDER.match(text, piece.end)
        if school.iban and holder and school.name:
            return (piece.start, holder.end(), f"{school.iban} t.n.v. {school.name}")
        end = holder.end() if holder else piece.end
        return (piece.start, end, school.iban or word("school_iban"))
    if piece.kind == "address":
        if contact:  # "bij Bram Hendriks, Molenweg 22": the person became "de school"
            return (_before_space(text, piece.start), piece.end, "")
        return (piece.start, piece.end, word("school_address"))
    if piece.kind == "birthdate":
        end = piece.end
        tail = re.match(r"\s+geworden\b", text[end:])
        if tail:
            value, end = value + tail.group(0), end + tail.end()
        return (piece.start, end, _without_age(value))
    start = piece.start
    if piece.kind == "plate":  # "met kenteken 68-KTP-3": the whole phrase goes
        m = re.search(r"(?:\bmet\s+)?(?:het\s+)?kenteken\s*:?\s*$", text[: piece.start], re.I)
        if m:
            start = m.start()
    return (_before_space(text, start), piece.end, "")


def _without_age(phrase: str) -> str:
    """ "wordt vandaag 5 jaar" -> "is vandaag jarig"; "haar 50e verjaardag" -> "haar
    verjaardag"; "9 jaar geworden" -> "jarig geweest"."""
    out = re.sub(r"\b\d{1,3}\s*jaar(?:\s+oud)?\s+geworden\b", word("birthday_was"), phrase)
    out = AGE_YEARS.sub(word("birthday_age"), out)
    out = AGE_TH.sub("", out)
    out = AGE_BARE.sub(lambda m: f"{m.group(1)} {word('birthday_age')}", out)
    out = re.sub(r"\bwordt\b(?=.*\bjarig\b)", word("birthday_is"), out)
    out = re.sub(r"\b\d{1,3}\b", "", out)
    return " ".join(out.split())


def _word_before(text: str, pos: int) -> tuple[int, str]:
    m = WORD_BEFORE.search(text, 0, pos)
    if not m or m.end() != pos and text[m.end() : pos].strip():
        return pos, ""
    return m.start(1), m.group(1)


def _before_space(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _after_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out = text
    last = len(text) + 1
    for start, end, replacement in sorted(edits, key=lambda e: e[0], reverse=True):
        if end > last:  # overlaps an edit already made
            continue
        out = out[:start] + replacement + out[end:]
        last = start
    return out


def tidy(text: str) -> str:
    """Repair what cutting leaves behind: doubled spaces, space before punctuation, empty
    brackets, a lower-case sentence start, a dangling colon."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"[ \t]+([,.!?;:)])", r"\1", text)
    text = re.sub(r",\s*([.!?])", r"\1", text)
    text = re.sub(r"([.!?])\s*,", r"\1", text)
    text = re.sub(r"^[ \t,;:]+", "", text, flags=re.MULTILINE)
    text = re.sub(r":\s*$", ".", text, flags=re.MULTILINE)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    text = re.sub(r"(^|[.!?]\s+)([a-zà-ÿ])", lambda m: m.group(1) + m.group(2).upper(), text)
    return text.strip()
