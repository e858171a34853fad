"""Facts about a person: birthdays and ages, health and other special-category data, school
advice, grades, divorce, refugee status. Each counts only when a person in the post is
identifiable: a name (or private @handle) in the same or the previous sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from auditor.models import Hit, PDKind, Span
from auditor.nlp.tokens import may_contain

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATE = rf"\d{{1,2}}(?:e|ste)?\s+(?:{MONTHS})(?:\s+\d{{4}})?|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}"
DAY = (
    r"(?:vandaag|morgen|gisteren|hjoed|moarn|juster"  # Frisian: today, tomorrow, yesterday
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
)

AGE_TODAY_PATTERN = (
    rf"\b{DAY}\s+\d{{1,2}}\s+jaar\b(?!\s+(?:geleden|getrouwd|samen|in\s+dienst|oud))"
)
BIRTHDATE = re.compile(
    "|".join(
        [
            rf"\b(?:geboren|berne)\s+(?:op\s+)?(?:{DATE})",
            rf"\bgeboortedatum\s*:?\s*(?:{DATE})",
            rf"\b(?:wordt|wurt|wurdt)\s+{DAY}\s+\d{{1,3}}(?:\s+(?:jaar|jier))?(?!\s*(?:jaar\s+)?(?:in\s+dienst|juf|meester))",
            rf"\bwerd\s+{DAY}\s+\d{{1,3}}\b(?!\s*(?:uur|keer|meter|km|e\b|ste\b|%|euro|punten))",
            rf"\b{DAY}\s+\d{{1,3}}\s+(?:jaar\s+)?is\s+geworden\b",
            r"\b\d{1,3}\s+jaar\s+(?:is\s+)?geworden\b",
            rf"\b{DAY}\s+wordt\s+(?:hij|ze|zij)\s+\d{{1,3}}\b",
            r"\b(?:hij|ze|zij)\s+werd\s+\d{1,3}\b(?!\s*(?:uur|keer|meter|km|e\b|ste\b|%|euro))",
            r"\bwerd\s+\d{1,3}\b(?!\s*(?:uur|keer|meter|km|e\b|ste\b|%|euro|punten|minuten))",
            rf"\b(?:is|was|wordt)\s+(?:{DAY}\s+)?jarig\b",
            rf"\bviert\s+(?:{DAY}\s+)?(?:zijn|haar)\s+(?:\d+(?:ste|e)\s+)?verjaardag",
            rf"\b(?:{DAY}\s+)?(?:zijn|haar)\s+\d+(?:ste|e)\s+verjaardag",
            rf"\b(?:zijn|haar)\s+verjaardag\s+(?:op\s+)?(?:{DATE})",
            rf"\b(?:is|werd)\s+(?:{DAY}\s+)?\d{{1,3}}(?:\s+jaar)?\s+geworden\b",
            AGE_TODAY_PATTERN,
        ]
    ),
    re.IGNORECASE,
)
# "vandaag 9 jaar": run alone when the post has a day word and "jaar" but no other birthday cue.
AGE_TODAY = re.compile(AGE_TODAY_PATTERN, re.IGNORECASE)
NOT_BIRTHDAY = re.compile(
    r"jaar\s+in\s+dienst|jubileum|jarig\s+bestaan|getrouwd|bestaa?t\b", re.IGNORECASE
)
# Just before "vandaag 50 jaar": the age of a school, a marriage or a job ("bestaat ...").
NOT_BIRTHDAY_BEFORE = re.compile(
    r"\b(?:bestaa?t|bestonden|getrouwd|werkt|werken|samen)\b[^.!?\n]{0,12}$", re.IGNORECASE
)
# Cues: lower-case letters that every match of the regex above holds inside one word, so a post
# without them needs no regex run (see analysis.py). Keep them in step with the regex: a match
# holds one of BIRTHDATE_CUES, or a DAY_CUES word together with "wordt" or "jaar".
BIRTHDATE_CUES = (
    "geboren", "geboortedatum", "werd", "jarig", "verjaardag", "geworden", "berne", "wurt",
    "wurdt",
)  # fmt: skip
DAY_CUES = (
    "dag",
    "vandaag",
    "morgen",
    "gisteren",
    "hjoed",
    "moarn",
    "juster",
)  # maandag.. hold "dag"

FEASTS = r"(?:het\s+)?(?:suiker|offer)feest|divali|diwali|chanoeka|pesach|vesak"
HEALTH = re.compile(
    r"\b(?:"
    r"ziek\w*|griep\w*|koorts\w*|verkouden|longontsteking|\w*ontsteking|gebroken|breuk|"
    r"verzwik\w*|verstuik\w*|hersenschudding|geopereerd|\w*operatie|ziekenhuis|opgenomen|"
    r"\w*allergie|allergisch|diabetes|suikerziekte|epilepsie|astma|adhd|add|autis\w*|"
    r"dyslexie|dyscalculie|diagnose|kanker|leukemie|chemo\w*|burn-?out|depressie\w*|"
    r"depressief|overspannen|zwanger\w*|in\s+verwachting|bevallen|bevalling|miskraam|"
    r"hoofdluis|neten|gehoorapparaat|doof|slechthorend|blind|slechtziend|rolstoel|krukken|"
    r"gips|wagenziek|misselijk|overgegeven|hartoperatie|downsyndroom|syndroom|"
    r"ramadan|hindoe\w*|moslim\w*|islamitisch\w*|joods\w*|katholiek\w*|boeddhist\w*|"
    r"gedoopt|communie|vasten|"
    r"beviel|brutsen|siik|sikehûs"  # Frisian: broken, ill, hospital
    r")\b",
    re.IGNORECASE,
)
# Phrases, run only when the text holds one of HEALTH_PHRASE_KEYS: live head lice, and a
# religious feast that someone celebrates (the religion of a named child).
HEALTH_PHRASES = re.compile(
    r"\b(?:levende\s+luizen|(?:hoofd)?luizen\s+(?:gevonden|aangetroffen)|"
    r"(?:heeft|hebben|had|hadden)\s+(?:hoofd)?luizen|"
    rf"vier\w*\s+(?:\S+\s+){{0,3}}?(?:{FEASTS})|(?:{FEASTS})\s+(?:\S+\s+){{0,3}}?vier\w*"
    r")\b",
    re.IGNORECASE,
)
HEALTH_PHRASE_KEYS = ("luizen", "feest", "divali", "diwali", "chanoeka", "pesach", "vesak")
HEALTH_CUES = (  # every HEALTH match holds one of these inside one word: keep in step
    "ziek", "griep", "koorts", "verkouden", "ontsteking", "gebroken", "breuk", "verzwik",
    "verstuik", "hersenschudding", "geopereerd", "operatie", "opgenomen", "allergi", "diabetes",
    "epilepsie", "astma", "adhd", "add", "autis", "dyslexie", "dyscalculie", "diagnose", "kanker",
    "leukemie", "chemo", "burn", "depressie", "overspannen", "zwanger", "verwachting", "beval",
    "miskraam", "hoofdluis", "neten", "gehoorapparaat", "doof", "slechthorend", "blind",
    "slechtziend", "rolstoel", "krukken", "gips", "misselijk", "overgegeven", "syndroom",
    "ramadan", "hindoe", "moslim", "islamitisch", "joods", "katholiek", "boeddhist", "gedoopt",
    "communie", "vasten", "beviel", "luizen", "brutsen", "siik", "sikeh", "suikerfeest",
    "offerfeest", "divali", "diwali", "chanoeka", "pesach", "vesak",
)  # fmt: skip
# A post signed by one staff member ("Tot snel, juf Ewa") whose health words follow "mijn":
# the signer's own health, so an identifiable person's.
STAFF_SIGNATURE = re.compile(
    r"(?:^|[\n,.!-])\s*(?:juf|meester|mr\.?|mevrouw|directeur)\s+[A-Z][\w'-]+[^\w\n]*$",
    re.IGNORECASE,
)
FIRST_PERSON_BEFORE = re.compile(r"\bmijn\s+$", re.IGNORECASE)
NOT_HEALTH = re.compile(
    r"^(?:ziekmelding\w*|ziekmelden|ziekte\w*verzuim|luizenpluizen|ziekenboeg)$", re.IGNORECASE
)

OTHER = re.compile(
    r"\b(?:"
    r"(?:voorlopig\s+)?(?:vwo|havo|vmbo(?:-[a-z]+)?|kader|basis|pro)(?:/(?:vwo|havo))?-advies|"
    r"(?:school)?advies\s+(?:vwo|havo|vmbo\S*|praktijkonderwijs)|"
    r"van\s+(?:vwo|havo|vmbo)\S*\s+naar\s+(?:vwo|havo|vmbo)\S*|"
    r"(?:gaan|zijn|gaat)\s+(?:uit\s+elkaar|scheiden)|gescheiden|(?:echt)?scheiding|"
    r"uit\s+elkaar\s+(?:zijn|gaan|gegaan)|"
    r"gevlucht|vluchteling\w*|asielzoeker\w*|statushouder\w*|azc|uit\s+huis\s+geplaatst|"
    r"pleeggezin|pleegkind|"
    r"(?<![\d.,])(?:10|[1-9]),\d(?![\d,])"
    r")",
    re.IGNORECASE,
)
# A pupil-tracking (Cito/LVS) level with its subject: "een I+ op rekenen", "van een IV naar een
# II op begrijpend lezen". The level is matched case-sensitively: "een V" is a level, "een v" not.
LVS_LEVEL = r"(?:I{1,3}|IV|V|[A-E])[+-]?(?![\w+-])"
LVS_SUBJECT = (
    r"(?:begrijpend\s+|technisch\s+)?lezen|rekenen(?:-wiskunde)?|spelling|taal|woordenschat"
)
LVS = re.compile(
    rf"\b(?:van\s+een\s+{LVS_LEVEL}\s+naar\s+)?een\s+{LVS_LEVEL}\s+(?:op|voor|bij)\s+"
    rf"(?:{LVS_SUBJECT})\b"
)
LVS_CUES = ("lezen", "rekenen", "spelling", "taal", "woordenschat")
# Every OTHER or LVS match holds one of these inside one word, or is a grade (GRADE_HINT): keep
# in step.
OTHER_CUES = (
    "advies", "vwo", "havo", "vmbo", "elkaar", "scheid", "vlucht", "asielzoeker", "statushouder",
    "azc", "geplaatst", "pleeg", *LVS_CUES,
)  # fmt: skip
GRADE_HINT = re.compile(r"\d,\d")
GRADE = re.compile(r"^(?:10|[1-9]),\d$")
GRADE_CONTEXT = re.compile(r"toets|cijfer|rapport|score|gehaald|haalde|punten", re.IGNORECASE)
# A sentence holds a letter or digit: an emoji on a line of its own joins the sentence before.
SENTENCE = re.compile(r"[^.!?\n]*\w[^.!?\n]*[.!?\n]*(?:[^\w.!?\n]*(?:[.!?\n]+|$))*")


# A full stop after these abbreviations ends no sentence ("Senait in gr. 4 en gr. 6").
ABBREVIATION_END = re.compile(r"\b(?:gr|nr|bijv|o\.a|mevr|dhr|mw|ca|t\.n\.v|z\.s\.m)\.\s*$", re.I)


def sentences_of(text: str) -> list[Span]:
    """The sentences of `text` (runs up to and including . ! ? or a line break), in order; a
    full stop after an abbreviation such as "gr." ends no sentence."""
    spans = [Span(m.start(), m.end()) for m in SENTENCE.finditer(text)]
    if "." not in text or len(spans) < 2:
        return spans
    merged = [spans[0]]
    for span in spans[1:]:
        last = merged[-1]
        if ABBREVIATION_END.search(text, last.start, last.end):
            merged[-1] = Span(last.start, span.end)
        else:
            merged.append(span)
    return merged


def identified(span: Span, sentences: list[Span], people: Sequence[Span], back: int = 1) -> bool:
    """True when a person is named in the sentence of `span` or the `back` ones before it."""
    idx = bisect_right(sentences, span.start, key=_start) - 1  # the last sentence starting here
    if idx < 0 or span.start >= sentences[idx].end:
        return False
    sentence = sentences[idx]
    lo = sentences[max(0, idx - back)].start
    return any(lo <= p.start < sentence.end for p in people)


def _start(span: Span) -> int:
    return span.start


def find_birthdates(
    text: str,
    people: Sequence[Span],
    sentences: list[Span] | None = None,
    ages_only: bool = False,
) -> list[Hit]:
    """Birthdays and ages near a named person; `sentences` as `sentences_of(text)` if known.

    `ages_only`: the text holds none of BIRTHDATE_CUES, so only "vandaag 9 jaar" can match."""
    if sentences is None:
        sentences = sentences_of(text)
    hits = []
    for m in (AGE_TODAY if ages_only else BIRTHDATE).finditer(text):
        span = Span(m.start(), m.end())
        if NOT_BIRTHDAY.search(text[m.start() : m.end() + 30]):
            continue
        if AGE_TODAY.match(m.group()) and NOT_BIRTHDAY_BEFORE.search(
            text[max(0, m.start() - 30) : m.start()]
        ):
            continue  # "bestaat vandaag 50 jaar": no one's age
        if identified(span, sentences, people):
            hits.append(
                Hit(
                    span=span,
                    value=m.group(),
                    reason="verjaardag of leeftijd van een persoon",
                    kind=PDKind.BIRTHDATE,
                )
            )
    return hits


def find_health(
    text: str, people: Sequence[Span], sentences: list[Span] | None = None
) -> list[Hit]:
    """Health and religion near a named person; `sentences` as `sentences_of(text)` if known."""
    if sentences is None:
        sentences = sentences_of(text)
    hits = []
    matches = list(HEALTH.finditer(text))
    if may_contain(text, HEALTH_PHRASE_KEYS):
        matches += HEALTH_PHRASES.finditer(text)
        matches.sort(key=re.Match.start)
    signed = STAFF_SIGNATURE.search(text, max(0, len(text) - 60)) is not None
    for m in matches:
        if NOT_HEALTH.match(m.group()):
            continue
        span = Span(m.start(), m.end())
        own = signed and FIRST_PERSON_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if own:  # "na mijn operatie ... Tot snel, juf Ewa": the signer's own health
            span = Span(own.start(), m.end())
        if own or identified(span, sentences, people):
            hits.append(
                Hit(
                    span=span,
                    value=text[span.start : span.end],
                    reason="gezondheid of geloof van een persoon",
                    kind=PDKind.HEALTH,
                )
            )
    return hits


def find_other(text: str, people: Sequence[Span], sentences: list[Span] | None = None) -> list[Hit]:
    """School advice, grades, family matters near a named person (`sentences` as above)."""
    if sentences is None:
        sentences = sentences_of(text)
    hits = []
    matches = list(OTHER.finditer(text))
    if may_contain(text, LVS_CUES):
        matches += LVS.finditer(text)
        matches.sort(key=re.Match.start)
    for m in matches:
        span = Span(m.start(), m.end())
        if GRADE.match(m.group()):
            sentence = next((s for s in sentences if s.start <= span.start < s.end), span)
            if not GRADE_CONTEXT.search(text[max(0, sentence.start - 200) : sentence.end]):
                continue
        if identified(span, sentences, people):
            hits.append(
                Hit(
                    span=span,
                    value=m.group(),
                    reason="persoonlijk gegeven (advies, cijfer, gezinssituatie) van een persoon",
                    kind=PDKind.OTHER,
                )
            )
    return hits
