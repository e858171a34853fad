"""One pass over a post that every personal-data rule reads from.

The finders depend on each other (an IBAN's digits are no phone, a name inside an e-mail is not
a second finding, a diagnosis counts only next to a name), so they run together once per post
and the rules pick their own kind. The last result is kept, so twelve rules cost one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.models import Hit, PDKind, Post, Span
from auditor.nlp.tokens import sentence_opening
from auditor.rules.base import RuleContext
from auditor.rules.personal_data import (
    ages,
    contact,
    fact_sentences,
    mailboxes,
    names,
    roles,
    special,
)
from auditor.rules.personal_data import words as flags


@dataclass(frozen=True)
class Analysis:
    hits: tuple[Hit, ...]
    by_kind: dict[str, tuple[Hit, ...]] = field(default_factory=dict, compare=False, repr=False)
    # the persons a fact may be said of: names found and fact subjects (the sentence classifier
    # reads them, in training too)
    persons: tuple[Span, ...] = field(default=(), compare=False, repr=False)

    def of(self, kind: PDKind) -> tuple[Hit, ...]:
        """The hits of one kind, in the order found."""
        if not self.by_kind and self.hits:  # built without the index
            return tuple(h for h in self.hits if h.kind == kind)
        return self.by_kind.get(kind, ())


_last: tuple[str, RuleContext, Analysis] | None = None


def analyse(post: Post, ctx: RuleContext) -> Analysis:
    """All personal-data hits of a post (cached for the most recent post and context)."""
    global _last
    if _last is not None and _last[0] == post.text and _last[1] is ctx:
        return _last[2]
    result = analyse_text(post.text, ctx)
    _last = (post.text, ctx, result)
    return result


def analyse_text(text: str, ctx: RuleContext) -> Analysis:
    words = flags.scan_words(text)
    emails = contact.find_emails(text, ctx)
    handles = contact.find_handles(text, ctx)
    urls = contact.find_urls(text)
    all_emails = contact.email_spans(text)
    ibans = contact.find_ibans(text, ctx)
    taken = [h.span for h in ibans if h.span] + all_emails + urls
    phones = contact.find_phones(text, ctx, taken)
    taken += [h.span for h in phones if h.span]
    bsns = contact.find_bsns(text, taken)
    postcodes = contact.find_postcodes(text, taken)
    plates = contact.find_plates(text)
    # A street name with a house number ends its last word in a street suffix (Kastanjelaan 18).
    addresses = contact.find_addresses(text, taken) if words.seen & flags.STREET_SUFFIX_END else []
    if postcodes or words.seen & flags.ADDRESS_CUE:
        addresses += contact.find_context_addresses(
            text, taken + [h.span for h in addresses if h.span], postcodes
        )
    handle_spans = (
        [Span(m.start(), m.end()) for m in contact.HANDLE.finditer(text)] if "@" in text else []
    )
    skip = all_emails + urls + handle_spans + [h.span for h in addresses if h.span]
    name_hits = names.find_names(text, ctx, skip, words)
    people = [h.span for h in name_hits if h.span] + [
        h.span for h in handles if h.span and not h.allowed
    ]
    if emails:
        emails = _not_an_organisations_mailbox(text, emails, people, ctx)
    if phones or ibans:
        phones, ibans = _of_a_person(text, people, phones, ibans, ctx)
        name_hits += _account_holders(text, ibans, people)
    if addresses or postcodes:
        places = [h for h in addresses if _school_place(text, h, ctx, people)]
        addresses = [h for h in addresses if h not in places]
        postcodes = [
            h
            for h in postcodes
            if not _right_after(text, h, places) and not _school_place(text, h, ctx, people)
        ]
    hits = (*emails, *handles, *ibans, *phones, *bsns, *postcodes, *plates, *addresses, *name_hits)
    result_list = special.may_hold_a_result_list(text)  # read thrice below: looked up once
    subjects = (
        _fact_subjects(text, words, people, result_list)
        if words.seen & FACT_TERMS or result_list
        else []
    )
    if people or subjects:  # facts about a person need a person
        sentences = special.sentences_of(text)  # split once for the finders below
        facts = _special_hits(text, sentences, people + subjects, words, result_list)
        # what the phrase rules missed, read by the sentence classifier
        facts += tuple(fact_sentences.classified_facts(text, sentences, people + subjects, facts))
        hits += facts
        hits += tuple(_subjects_of(text, sentences, subjects, facts, ctx))
    by_kind: dict[str, list[Hit]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit)
    return Analysis(
        hits=tuple(hits),
        by_kind={kind: tuple(found) for kind, found in by_kind.items()},
        persons=(*people, *subjects),
    )


# A fact may be said in the text: a health, other or birthday word.
FACT_TERMS = flags.HEALTH_TERM | flags.OTHER_TERM | flags.BIRTHDATE_CUE
NO_STATE_VERBS = frozenset(("en", "uit", "at"))  # in person_verbs.txt for lists of names
SUBJECT_REASON = "naam als onderwerp van een persoonlijk feit"
FAMILY_WORDS = frozenset(("familie", "fam", "gezin"))  # "fam..." is flagged ADDRESS_CUE
CLAUSE_OPENERS = frozenset(("en", "want", "omdat", "dat", "maar", "toen", "nu", "ook"))
NO_SUBJECT = flags.PRONOUN | flags.DETERMINER | flags.ORG | flags.NOT_NAME | flags.UPPER


def _fact_subjects(text: str, words: flags.Words, people: list[Span], lists: bool) -> list[Span]:
    """Persons a special-category fact may be said of whom the name finder leaves out for want
    of evidence: a first name opening a clause as the subject of a verb ("Dirk is geschorst",
    "Adam woont sinds maart in het azc"; a name that is also a word needs that; a capitalised
    word no list knows, shaped as a name: "Djamal zit na zijn operatie ...") or a list line
    of results ("Maarten: niveau A"; `lists`: the post may hold such lines, see
    `special.may_hold_a_result_list`), and a family by its surname ("De familie Haddad heeft een
    verblijfsvergunning", "het gezin Kamphuis")."""
    taken = {p.start for p in people}
    found: list[Span] = []
    ws, fl, starts, ends = words.words, words.flags, words.starts, words.ends
    # only the words that may be one (flags looked up in C): "fam..." words, first names
    family = flags.indices(fl, flags.ADDRESS_CUE) if words.seen & flags.ADDRESS_CUE else []
    if "gezin " in text:  # "het gezin Kamphuis" ("gezin" is no address cue)
        family = sorted({*family, *(i for i, w in enumerate(ws) if w == "gezin")})
    for i in family:
        if i + 1 == len(ws) or ws[i].lower() not in FAMILY_WORDS:
            continue
        if starts[i + 1] not in taken and fl[i + 1] & flags.CAP and not fl[i + 1] & NO_SUBJECT:
            found.append(Span(starts[i + 1], ends[i + 1]))  # "familie Haddad"
    for i in flags.indices(fl, flags.FIRST):
        f = fl[i]
        if starts[i] in taken or f & NO_SUBJECT:
            continue
        if not f & flags.CAP and (
            not sentence_opening(text, starts[i]).islower()
            or roles.season_word(ws[i])
            or text[: starts[i]].rstrip()[-1:] not in ("", *".!?\n")
        ):
            continue  # in lower case only opening a sentence all in lower case: "lieve wordt 6!!"
        if i + 1 < len(ws) and _is_verb(ws[i + 1], fl[i + 1]) and _opens_clause(text, words, i):
            found.append(Span(starts[i], ends[i]))  # "Adam woont ..."
        elif lists and special.list_value_after(text, starts[i], ends[i]):
            found.append(Span(starts[i], ends[i]))  # "Maarten: niveau A" in a list of results
        elif i >= 2 and _is_verb(ws[i - 1], fl[i - 1]) and _opens_clause(text, words, i - 2):
            found.append(Span(starts[i], ends[i]))  # "Gisteren is Bram geopereerd"
    if words.seen & flags.NAME_LIKE:
        found += (
            Span(starts[i], ends[i])
            for i in flags.indices(fl, flags.NAME_LIKE)
            if starts[i] not in taken and _unknown_subject(text, words, i)
        )
    return found


def _unknown_subject(text: str, words: flags.Words, i: int) -> bool:
    """Word `i`, capitalised and in no name list, opens a clause before a verb of a person and
    has the shape of a name ("Djamal zit na zijn operatie ...", "Tesfit is er niet: ..."): the
    subject of a fact in its sentence (reported only with one, see `_subjects_of`)."""
    ws, fl = words.words, words.flags
    return (
        not fl[i] & (NO_SUBJECT | flags.FIRST | FACT_TERMS)
        and i + 1 < len(ws)
        and _is_verb(ws[i + 1], fl[i + 1])
        and _opens_clause(text, words, i)
        and roles.unknown_subject_shape(ws[i])
        and roles.dutch_sentence(text, words.starts[i])
    )


def _is_verb(word: str, word_flags: int) -> bool:
    low = word.lower()
    if word_flags & flags.PERSON_VERB:
        return low not in NO_STATE_VERBS
    return low in flags.word_lists().state_verbs  # state_verbs.txt


def _opens_clause(text: str, words: flags.Words, i: int) -> bool:
    """Whether word `i` opens a sentence or clause (after ".", ":", a line break, "en", ...)."""
    before = text[: words.starts[i]].rstrip()
    return (
        not before
        or before[-1] in ".!?\n:;"
        or bool(i and words.words[i - 1].lower() in CLAUSE_OPENERS)
    )


def _subjects_of(
    text: str,
    sentences: list[Span],
    subjects: list[Span],
    facts: tuple[Hit, ...],
    ctx: RuleContext,
) -> list[Hit]:
    """The subjects of the facts found in their sentence (`sentences`: the text's), as names
    (so excerpts mask them; allow-listed as the name finder allows names)."""
    if not subjects or not facts:
        return []
    allowed = {tuple(n.lower().split()) for n in ctx.allow.names}
    hits = []
    for s in subjects:
        sentence = next((x for x in sentences if x.start <= s.start < x.end), s)
        if any(f.span and sentence.start <= f.span.start < sentence.end for f in facts):
            value = text[s.start : s.end]
            hits.append(
                Hit(
                    span=s,
                    value=value,
                    reason=SUBJECT_REASON,
                    kind=PDKind.NAME,
                    allowed=(value.lower(),) in allowed,
                )
            )
    return hits


def _of_a_person(
    text: str, people: list[Span], phones: list[Hit], ibans: list[Hit], ctx: RuleContext
) -> tuple[list[Hit], list[Hit]]:
    """Tell who a landline or bank account belongs to, from the sentences around it.

    A mobile number is always someone's. A landline is someone's when a person is named in its
    sentence or the two before ("Familie Van Dijk ... Bel hen op 0512-...") or its sentence
    speaks of someone ("Haar nummer is ...", "bel hem op ..."); with no one near,
    it is an organisation's (the library, the GGD, a helpdesk), published on purpose. A bank
    account is an organisation's when an organisation ("Stichting Voedselbank", "de rekening
    van de vereniging") is named in its sentence or the one before and no person is named in
    its own sentence; otherwise it is someone's (a parent collecting for a gift, a payer). The
    holder named right after the account ("t.n.v. Stichting Leergeld", "t.n.v. R. de Laat")
    decides before anything else; one written as initials and a surname is a person.
    Allow-listed values stay, so the audit can still list them."""
    sentences = special.sentences_of(text)
    kept_phones = [
        h
        for h in phones
        if h.allowed
        or h.span is None
        or contact.is_mobile(h.value)
        and not _organisations_channel(text, h.span, sentences, people, ctx)
        or special.identified(h.span, sentences, people, back=2)
        or _personal_pronoun_near(text, h.span, sentences)
    ]
    kept_ibans = [h for h in ibans if _iban_of_a_person(text, h, people, sentences, ctx)]
    return kept_phones, kept_ibans


def _not_an_organisations_mailbox(
    text: str, emails: list[Hit], people: list[Span], ctx: RuleContext
) -> list[Hit]:
    """Drop a mailbox that names no one (an unknown word on a free provider: "oudersbaalder@
    gmail.com") whose sentence gives it to an organisation ("mail de ouderraad via ...") with no
    person named beside it; a mailbox made of a name stays a person's whatever its sentence."""
    sentences = special.sentences_of(text)
    return [
        h
        for h in emails
        if h.allowed
        or h.span is None
        or "@" not in h.value  # spelled out: "anouk (at) gmail (dot) com"
        or mailboxes.shape_of(h.value.split("@", 1)[0]) is not mailboxes.Shape.UNKNOWN
        or not _organisations_channel(text, h.span, sentences, people, ctx)
    ]


HOLDER_REASON = "naam van de houder van een bankrekening"


def _account_holders(text: str, ibans: list[Hit], people: list[Span]) -> list[Hit]:
    """The holder written after a person's account as initials and a surname ("t.n.v. M. De
    Smet"), as a name where the name finder left it out, so that excerpts mask it too."""
    found = []
    for hit in ibans:
        if hit.span is None or hit.allowed:
            continue
        holder = contact.account_holder(text, hit.span.end)
        if holder is None or any(holder.start <= p.start < holder.end for p in people):
            continue
        value = text[holder.start : holder.end].strip()
        if contact.holder_is_a_person(value):
            start = holder.start + text[holder.start : holder.end].index(value)
            span = Span(start, start + len(value))
            found.append(Hit(span=span, value=value, reason=HOLDER_REASON, kind=PDKind.NAME))
    return found


BRACKETED = re.compile(r"\([^()]*\)")


def _organisations_channel(
    text: str, span: Span, sentences: list[Span], people: list[Span], ctx: RuleContext
) -> bool:
    """A mobile number or mailbox whose nearest holder is an organisation ("BSO De Vlieger:
    06-...", "mail de ouderraad via ..."), or a desk or function of one ("SV Yerseke,
    secretariaat: 06-...", "Buurtcoach (WhatsApp, ma t/m vr): 06-..."), or the school speaking
    of its own ("Schoolmobiel groep 8: 06-...", "zijn wij bereikbaar op 06-..."), or a number
    called a group's ("app het clubnummer:", shared_number_heads.txt): the clause just before
    it says so (what stands in brackets left out), and no person is named in its sentence or
    the one before."""
    if special.identified(span, sentences, people, back=1):
        return False
    idx = next((i for i, s in enumerate(sentences) if s.start <= span.start < s.end), None)
    start = sentences[idx].start if idx is not None else span.start
    if idx and contact.only_a_number_label(text[start : span.start]):
        start = sentences[idx - 1].start  # "Scouting Twello, tel. 06-...": "tel." ended it
    before = BRACKETED.sub(" ", text[start : span.start])
    tail = before[max(before.rfind(","), before.rfind(";")) + 1 :]
    if contact.only_a_number_label(tail):
        tail = ""  # "Scouting Twello, tel. 06-...": the clause before holds the holder
    holder = tail if tail.strip() else before
    return (
        contact.names_organisation(holder, ctx)
        or contact.the_schools_own(before)
        or contact.says_a_shared_number(holder)
    )


def _iban_of_a_person(
    text: str, hit: Hit, people: list[Span], sentences: list[Span], ctx: RuleContext
) -> bool:
    if hit.allowed or hit.span is None:
        return True
    holder = contact.account_holder(text, hit.span.end)
    if holder is not None:
        if any(holder.start <= p.start < holder.end for p in people):
            return True
        if contact.holder_is_a_person(text[holder.start : holder.end]):
            return True  # "t.n.v. M. De Smet", "t.n.v. R. Bakker" (a surname that is a trade)
        if contact.names_organisation(text[holder.start : holder.end], ctx):
            return False
    if special.identified(hit.span, sentences, people, back=0):
        return True
    if contact.someones_account(text, hit.span.start):
        return True
    sentence = next((s for s in sentences if s.start <= hit.span.start < s.end), hit.span)
    if contact.asks_for_donations(text[sentence.start : sentence.end]):
        return False  # "Doneren kan ook: NL..": a charity's account, no one is named by it
    return not _organisation_near(text, hit.span, sentences)


PERSONAL_PRONOUN = re.compile(
    r"\b(?:haar|hem|hen|hun|mijn|mij|me|zijn\s+(?:nummer|telefoon\w*|mobiel\w*))\b", re.I
)


def _personal_pronoun_near(text: str, span: Span, sentences: list[Span]) -> bool:
    """ "Haar nummer is 0522 ...", "bel hem op ...": the number is a person's."""
    sentence = next((s for s in sentences if s.start <= span.start < s.end), span)
    return PERSONAL_PRONOUN.search(text, sentence.start, sentence.end) is not None


def _organisation_near(text: str, span: Span, sentences: list[Span]) -> bool:
    idx = max((i for i, s in enumerate(sentences) if s.start <= span.start), default=0)
    lo = sentences[max(0, idx - 1)].start if sentences else 0
    hi = sentences[idx].end if sentences else len(text)
    return any(flags.is_organisation(w) for w in re.findall(r"\w+", text[lo:hi]))


_ADDRESS_TO_POSTCODE = re.compile(r"\s*,?\s*")


def _right_after(text: str, postcode: Hit, places: list[Hit]) -> bool:
    """Whether a postcode follows a place's address ("Zonnewijzerpad 14, 1033 KP"): it is that
    place's postcode too."""
    return postcode.span is not None and any(
        a.span is not None
        and a.span.end <= postcode.span.start
        and _ADDRESS_TO_POSTCODE.fullmatch(text, a.span.end, postcode.span.start) is not None
        for a in places
    )


def _school_place(text: str, hit: Hit, ctx: RuleContext, people: list[Span]) -> bool:
    return hit.span is not None and (
        contact.is_school_address(text, hit.span.start, ctx)
        or contact.is_public_place(text, hit.span.start, ctx, people)
        or hit.kind == PDKind.ADDRESS
        and contact.is_school_street(hit.value, ctx)
    )


def _special_hits(
    text: str, sentences: list[Span], people: list[Span], words: flags.Words, result_list: bool
) -> tuple[Hit, ...]:
    """Birthdays, health and other facts near a person. The flags of the text's words tell
    whether a birthday or age can be said (without those cue words the birthday finder is
    skipped) and which words may start a health or other term; the finders read the words
    tokenised once (`special.Tokens`)."""
    seen = words.seen
    birthdate = seen & (flags.BIRTHDATE_CUE | flags.DAY_CUE | flags.JAAR)
    tokens = special.Tokens(
        list(map(str.lower, words.words)),
        words.starts,
        words.ends,
        flags.indices(words.flags, flags.HEALTH_TERM) if seen & flags.HEALTH_TERM else [],
        flags.indices(words.flags, flags.OTHER_TERM) if seen & flags.OTHER_TERM else [],
    )
    # the birthday phrases need a cue word; ages read from sentence structure need a number
    phrases = bool(birthdate) or special.may_state_an_age(text)
    return (
        *(
            special.find_birthdates(text, people, sentences, tokens, phrases)
            if phrases or ages.may_hold_an_age(text, tokens.words)
            else ()
        ),
        *special.find_health(text, people, sentences, tokens),
        *special.find_other(text, people, sentences, tokens, result_list),
    )
