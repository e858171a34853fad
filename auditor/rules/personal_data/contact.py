"""Finders for contact and identity data: pure functions from text to `Hit`s, validated.

Every finder takes the text and the allow-lists and returns hits in text order. Validation
(phonenumbers, stdnum's IBAN mod-97, the BSN 11-test) keeps look-alikes out; spans already taken
by a stronger finder (an IBAN's digits are no phone) are passed in as `taken`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from auditor.models import Hit, PDKind, Span
from auditor.nlp.lexicon import (
    deduce_places,
    dutch_words,
    lexicon,
    lexicon_cache,
    on_change,
    organisations,
    package_entries,
    package_list,
    package_patterns,
)
from auditor.nlp.tokens import may_contain
from auditor.rules.base import RuleContext
from auditor.rules.personal_data import mailboxes
from auditor.rules.personal_data.mailboxes import names_a_first_name
from auditor.rules.personal_data.words import TLD, URL, is_organisation, is_street, word_lists

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# An address written to fool harvesters: "anouk (at) gmail (dot) com", "kris at telenet.be",
# "r.jongen(at)school.nl", "naam[at]ziggo[punt]nl". It reads as the address with @ and dots.
_AT = r"(?:\s?[(\[]\s?(?:at|a|apenstaartje)\s?[)\]]\s?|\s(?:at|AT)\s)"
_DOT = r"(?:\.|\s?[(\[]\s?(?:dot|punt)\s?[)\]]\s?|\s(?:dot|punt)\s)"
SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]*\w{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}[A-Za-z]{{2,}}(?![\w@])"
)
SPELLED_EMAIL_HINT = re.compile(r"[(\[]\s?(?:at|a|apenstaartje)\s?[)\]]|\sat\s", re.IGNORECASE)
_SPELLED_DOT = re.compile(_DOT)
PROFILE = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(?:facebook|instagram|tiktok|twitter|x|youtube|linkedin)\.com"
    r"/(?:in/)?@?[\w.\-]+",
    re.IGNORECASE,
)
COM_SLASH = re.compile(r"\.com/", re.IGNORECASE)
HANDLE = re.compile(r"(?<![\w@./])@(\w{2,30})")
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s\-]?(?:\(0\)[\s\-]?)?|0)(?:\d[\s\-./]?){8}\d(?![\d\w])"
    # or the area code or 06 set off by a spaced dash: "06 - 12 34 56 78", "0599 – 23 61 48"
    r"|(?<![\w+.,:])0\d{1,3}\s[\-–]\s(?:\d[\s\-.]?){5,7}\d(?![\d\w])"
    # or a mobile written in haste, a space or a spaced dash or slash anywhere: "0 6 - 12 98 44
    # 70", "06 / 27 43 95 16"
    r"|(?<![\w+.,:/])0[^\S\n]?6(?:[^\S\n]?[\-–/.]?[^\S\n]?\d){8}(?![\d\w])"
)
# A foreign number with its country code (a family across the border): "+32 478 21 63 90",
# "0032 (0)475 88 12 40", "+49 (0)241 9187 334"; libphonenumber decides.
FOREIGN_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)(?!31)[1-9]\d[\s\-]?(?:\(0\)[\s\-]?)?(?:\d[\s\-.]?){6,11}\d(?![\d\w])"
)
# An area code or 06 in brackets: "(0512) 51 27 63", "(020) 123 45 67", "(06) 1234 5678"
# (ten digits in all).
PHONE_BRACKETS = re.compile(
    r"(?<![\w+])\((?:06\)\s?(?:\d[\s\-.]?){7}|0\d\d\)\s?(?:\d[\s\-.]?){6}"
    r"|0\d\d\d\)\s?(?:\d[\s\-.]?){5})\d(?![\d\w])"
)
# Written in any case, grouped by spaces, dots or dashes, perhaps broken over a line
# ("nl38 ingb 6233 3699 77", "NL68.RABO.2122.5441.01", "NL57 ASNB\n6612 1872 05", "NL 20 INGB
# 3125 0545 77": a space after the country code when a bank's letters follow); mod-97 decides.
IBAN = re.compile(
    r"\b(?:[A-Za-z]{2}\d{2}|[A-Za-z]{2} \d{2}(?=[ .\-]?[A-Za-z]{4}))"
    r"(?:(?:[ .\-]|\s*\n\s*)?[A-Za-z0-9]{4}){2,7}"
    r"(?:(?:[ .\-]|\s*\n\s*)?[A-Za-z0-9]{1,3})?\b"
)
_IBAN_GAP = re.compile(r"[\s.\-]+")
NINE_DIGITS = re.compile(
    r"(?<![\d\w.,\-/])(\d{9}|\d{4}([ .])\d{2}\2\d{3}|\d{3}([ .])\d{3}\3\d{3}"
    r"|\d{2}\.\d{2}\.\d{2}\.\d{3})(?![\d\w]|[.,]\d)"
)


@lexicon_cache
def not_bsn_context() -> re.Pattern[str]:
    """A label before a nine-digit number that makes it no BSN (not_bsn_label_patterns.txt)."""
    labels = package_patterns("not_bsn_label_patterns")
    return re.compile(rf"(?:{labels})\W{{0,20}}(?:\w+\W{{1,3}}){{0,3}}$", re.IGNORECASE)


POSTCODE = re.compile(r"(?<![\w-])([1-9]\d{3}) ?(?!SA|SD|SS)([A-Z]{2})(?![\w-])")
# Written in lower case, run together or not ("6461ab", "2803 ab"): a postcode only where an
# address or a town stands beside it (see find_postcodes); never a unit ("2000km", "250 ml").
POSTCODE_LOWER = re.compile(
    r"(?<![\w-])([1-9]\d{3}) ?"
    r"(?!sa|sd|ss|km|cm|mm|kg|gr|ml|cl|dl|mb|gb|kb|st|pk)([a-z]{2})(?![\w-])"
)
# In capitals, or written in haste all in lower case ("vgk-21-b").
PLATE = re.compile(r"(?<![\w-])[A-Za-z\d]{1,3}-[A-Za-z\d]{2,3}-[A-Za-z\d]{1,3}(?![\w-])")
# The Dutch sidecodes, written with L for a letter and 9 for a digit.
SIDECODES = frozenset(
    "LL-99-99 99-99-LL 99-LL-99 LL-99-LL LL-LL-99 99-LL-LL 99-LLL-9 9-LLL-99 LL-999-L "
    "L-999-LL LLL-99-L L-99-LLL 9-LL-999 999-LL-9".split()
)
# A Belgian box number may follow ("Kirchstraße 88 bus 3").
HOUSE_NUMBER = (
    r"(?!(?:19|20)\d\d\b)\d{1,4}(?:\s?[a-zA-Z](?![\w]))?(?:-\d{1,3})?(?:\s(?:bus|bte)\s\d{1,3})?"
)


@lexicon_cache
def address_pattern() -> re.Pattern[str]:
    """A capitalised street name with a street-name ending (street_suffixes.txt) and a number."""
    suffixes = "|".join(map(re.escape, word_lists().street_suffixes))
    return re.compile(
        r"(?<![\w-])((?:[A-Z][\w'’-]*\s){0,3}[A-Z][\w'’-]*(?:" + suffixes + r")"
        # written in haste: in lower case ("lupinestraat 14 a") or in capitals ("KASTANJELAAN")
        r"|[a-zà-ÿ][a-zà-ÿ'’]{3,}(?:"
        + suffixes
        + r")|[A-Z][A-ZÀ-Þ'’]{3,}(?:"
        + suffixes.upper()
        + r"))"
        r"\s(" + HOUSE_NUMBER + r")(?![\d:.,]\d|\w|\s?(?:uur|jaar|km|meter|min))"
    )


# A house number after a one-word street name without a street suffix (Grutto 41, Fonteinkruid
# 22): an address only where the text says so ("adres is", "woont op", "bij de familie X,") or
# where a postcode follows.
_ONE_WORD_STREET = r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s(" + HOUSE_NUMBER + r")"
_NOT_AN_AMOUNT = r"(?![\d:.,]\d|\w|\s?(?:uur|jaar|km|meter|min))"
CONTEXT_ADDRESS = re.compile(
    r"\b(?:adres\s+is|adres\s*:|woon\w*\s+(?:nu\s+)?(?:op|aan)|bij\s+(?:de\s+)?fam(?:ilie|\.)"
    r"\s+[^,.\n]{2,30},)\s+" + _ONE_WORD_STREET + _NOT_AN_AMOUNT
)
ADDRESS_BEFORE_POSTCODE = re.compile(
    r"(?<![\w-])" + _ONE_WORD_STREET + _NOT_AN_AMOUNT + r"(?=,?\s+[1-9]\d{3}\s?[A-Z]{2}\b)"
)
CONTEXT_ADDRESS_CUES = ("adres", "woon", "familie", "fam.")


# Where the school gives its own address: it is public contact data, no home.
@lexicon_cache
def school_address_before() -> re.Pattern[str]:
    return re.compile(package_patterns("school_address_patterns"), re.IGNORECASE)


@lexicon_cache
def contact_lists() -> ContactLists:
    """The word lists of the contact finders (auditor/lexicons/, a school's own merged in)."""
    return ContactLists(
        school_name_words=package_list("school_name_words"),
        organisation_hints=organisations().handle,
        personal_handle_words=package_entries("personal_handle_words"),
        personal_mail_domains=package_list("personal_mail_domains"),
    )


class ContactLists(NamedTuple):
    school_name_words: frozenset[str]  # "ikc", "de": no part of what names a school
    organisation_hints: tuple[str, ...]  # organisation_words.txt [handle]: @bieb_twello
    personal_handle_words: tuple[str, ...]  # juf, mama, buurman: a private person's handle
    personal_mail_domains: frozenset[str]  # gmail, ziggo: a private person's address


# Quick tests that every match of the finder's regex passes (cheap patterns that the regex
# engine scans for fast, as they start with a character class or a dash): when a test
# fails the regex need not run. Keep them in step with the regexes above.
DIGIT = re.compile(r"\d")
PHONE_HINT = re.compile(r"\d(?:[\s\-./]?\d){8}|\d\s[\-–/]\s\d")
# Two digits after a word's two first letters (not "#kbw2025"); digits first: scanned fast.
IBAN_HINT = re.compile(
    r"\d\d(?:(?<=\b[A-Za-z]{2}\d\d)|(?<=\b[A-Za-z]{2} \d\d)(?=[ .\-]?[A-Za-z]{4}))"
)
BSN_HINT = re.compile(r"\d\d\d[ .]?\d")
POSTCODE_HINT = re.compile(r"[1-9]\d{3} ?[A-Za-z]{2}")
PLATE_HINT = re.compile(r"-(?<=[A-Za-z\d]-)[A-Za-z\d]{2,3}-[A-Za-z\d]")  # a dash first: fast
SPACE_DIGIT = re.compile(r"\s\d")  # an address: a street name ending, a space, a house number


def spans_overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _free(span: Span, taken: Iterable[Span]) -> bool:
    return not any(spans_overlap(span, t) for t in taken)


@functools.lru_cache(maxsize=1)
def _has_digit(text: str) -> bool:
    """Whether `text` holds a digit (kept for the last text: every number finder asks)."""
    return DIGIT.search(text) is not None


def _street_then_number(text: str) -> bool:
    """True when a street name ending is followed by a space and a digit somewhere."""
    suffixes = word_lists().street_suffixes
    low = text.lower()  # "KASTANJELAAN 22"
    return any(low.endswith(suffixes, 0, m.start()) for m in SPACE_DIGIT.finditer(text))


@functools.lru_cache(maxsize=4096)  # a school's own numbers come back in post after post
def phone_key(raw: str) -> str | None:
    """The national digits of a Dutch phone number ("0612345678"), a foreign number in E.164
    ("+32478216390", written +32, 0032 or +49 (0)241 ...), or None if not valid."""
    try:
        number = phonenumbers.parse(raw.replace("(0)", ""), "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if number.country_code != 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return "0" + str(number.national_number)


def is_mobile(raw: str) -> bool:
    """A mobile number: Dutch (06..., +31 6...) or foreign (+32 478 ..., +49 171 ...)."""
    key = phone_key(raw)
    if key is None:
        return False
    if key.startswith("+"):
        kind = phonenumbers.number_type(phonenumbers.parse(key))
        return kind == phonenumbers.PhoneNumberType.MOBILE
    return key.startswith("06")


def iban_key(raw: str) -> str:
    return _IBAN_GAP.sub("", raw).upper()


def valid_iban(raw: str) -> str | None:
    """The longest head of an IBAN-like match that passes mod-97 ("BE33 2416 8697 0046" of
    "BE33 2416 8697 0046 voor"), or None: the regex may take a following word as a group."""
    cuts = [m.start() for m in _IBAN_GAP.finditer(raw)]
    for end in (len(raw), *reversed(cuts)):
        head = raw[:end]
        if len(iban_key(head)) >= 15 and stdnum_iban.is_valid(iban_key(head)):
            return head
    return None


@functools.cache
def _allowed_phones(phones: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for p in phones if (k := phone_key(p)))


@functools.cache
def _allowed_lower(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.lower().lstrip("@") for v in values)


@functools.cache
def _allowed_ibans(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(iban_key(v) for v in values)


_INITIAL_LOCAL = re.compile(r"^[a-z]{1,2}[._-]")


def names_a_person(address: str) -> bool:
    """Whether an e-mail address is a person's: a private provider's, or one whose local part
    is made of a name ("t.vliegen@", "sander.dehaan@", "joy@"). An organisation's mailbox on
    its own domain names a function ("jgz@", "zomerschool@", "sport.noord@") and no one."""
    local, _, domain = address.lower().partition("@")
    provider = domain.split(".")[-2] if domain.count(".") >= 1 else domain
    if provider in contact_lists().personal_mail_domains:
        return True
    if _INITIAL_LOCAL.match(local):
        return True
    lex = lexicon()
    parts = [p for p in re.split(r"[._+-]+", local) if p]
    if any(p in lex.first_names and p not in lex.common_words for p in parts):
        return True  # "joy@", "sander.dehaan@"
    # "postma@"; not "sport.noord@", nor "oranje@oranjeyerseke.nl" (the site's own mailbox)
    return len(parts) == 1 and parts[0] in lex.surnames and parts[0] not in domain


def is_schools_mailbox(local: str, ctx: RuleContext) -> bool:
    """Whether an e-mail local part holds the distinctive words of the school's name and no
    first name: "luizenteam.klimop@gmail.com", "avond4daagse.deklimop@" of OBS De Klimop (not
    "anouk.klimop@")."""
    parts = [p for p in re.split(r"[._+-]+", local) if p]
    if names_a_first_name(parts):
        return False
    keys = [key.replace(" ", "") for key in _school_keys(ctx.school_name)]
    return any(len(key) >= 4 and key in part for key in keys for part in parts)


SPELLED_AT = (" at", "at)", "at]", "AT", "(a)")  # what every spelled-out @ holds


@functools.lru_cache(maxsize=1)  # asked twice per post: the finder and the e-mail spans
def spelled_emails(text: str) -> tuple[re.Match[str], ...]:
    """E-mail addresses written with (at), [at] or " at " instead of @."""
    if not any(map(text.__contains__, SPELLED_AT)) or not SPELLED_EMAIL_HINT.search(text):
        return ()
    return tuple(SPELLED_EMAIL.finditer(text))


def read_spelled(value: str) -> str:
    """ "anouk (at) gmail (dot) com" -> "anouk@gmail.com"."""
    local, domain = re.split(_AT, value, maxsplit=1)
    return f"{local}@{_SPELLED_DOT.sub('.', domain)}"


def email_spans(text: str) -> list[Span]:
    """Where every e-mail address stands, personal or not, written with @ or spelled out."""
    found = list(EMAIL.finditer(text)) if "@" in text else []
    return [Span(m.start(), m.end()) for m in (*found, *spelled_emails(text))]


def find_emails(text: str, ctx: RuleContext) -> list[Hit]:
    spelled = spelled_emails(text)
    if "@" not in text and not spelled:
        return []
    allowed = _allowed_lower(ctx.allow.emails)
    hits = []
    matches = [(m, m.group().rstrip(".")) for m in EMAIL.finditer(text)] if "@" in text else []
    matches += [(m, read_spelled(m.group().rstrip("."))) for m in spelled]
    for m, address in matches:
        value = m.group().rstrip(".")
        local = address.split("@", 1)[0].lower()
        if address.lower() not in allowed and not _a_persons_mailbox(local, address, text, ctx):
            continue  # a function mailbox (info@, mr@, jgz@ggd...) names no one
        hits.append(
            Hit(
                span=Span(m.start(), m.start() + len(value)),
                value=value,
                reason="persoonlijk e-mailadres",
                kind=PDKind.EMAIL,
                allowed=address.lower() in allowed,
            )
        )
    hits.sort(key=lambda hit: hit.span.start if hit.span else 0)
    return hits


def _a_persons_mailbox(local: str, address: str, text: str, ctx: RuleContext) -> bool:
    """Whether a mailbox is a person's: initials first ("m.bakker@", even where the surname is a
    trade), else no function, school's or organisation's words in it and a person's address."""
    if mailboxes.starts_with_initials(local) and not is_schools_mailbox(local, ctx):
        return True
    if is_schools_mailbox(local, ctx) or named_in_post(local, text):
        return False
    return mailboxes.shape_of(local) is not mailboxes.Shape.ORGANISATION and names_a_person(address)


def find_ibans(text: str, ctx: RuleContext) -> list[Hit]:
    if not _has_digit(text) or not IBAN_HINT.search(text):
        return []
    allowed = _allowed_ibans(ctx.allow.ibans)
    hits = []
    for m in IBAN.finditer(text):
        value = valid_iban(m.group().strip())
        if value is None:
            continue
        hits.append(
            Hit(
                span=Span(m.start(), m.start() + len(value)),
                value=value,
                reason="bankrekeningnummer (IBAN) van een persoon",
                kind=PDKind.IBAN,
                allowed=iban_key(value) in allowed,
            )
        )
    return hits


def find_phones(text: str, ctx: RuleContext, taken: list[Span]) -> list[Hit]:
    if not _has_digit(text):
        return []
    brackets = "(0" in text
    if not brackets and not PHONE_HINT.search(text):
        return []
    allowed = _allowed_phones(ctx.allow.phones)
    hits = []
    matches = list(PHONE.finditer(text))
    if "+" in text or "00" in text:
        matches += FOREIGN_PHONE.finditer(text)
        matches.sort(key=re.Match.start)
    if brackets:
        matches += PHONE_BRACKETS.finditer(text)
        matches.sort(key=re.Match.start)
    for m in matches:
        value = m.group().rstrip(" -.")
        span = Span(m.start(), m.start() + len(value))
        key = phone_key(value)
        if key is None or not _free(span, taken):
            continue
        if not_bsn_context().search(text[max(0, span.start - 60) : span.start]):
            continue  # "ordernummer 0612004711": the label says what the number is
        mobile = is_mobile(value)
        hits.append(
            Hit(
                span=span,
                value=value,
                reason="mobiel nummer" if mobile else "privé telefoonnummer",
                kind=PDKind.PHONE,
                allowed=key in allowed,
            )
        )
    return hits


def find_bsns(text: str, taken: list[Span]) -> list[Hit]:
    if not _has_digit(text) or not BSN_HINT.search(text):
        return []
    hits = []
    for m in NINE_DIGITS.finditer(text):
        span = Span(m.start(1), m.end(1))
        value = m.group(1)
        if not _free(span, taken) or not stdnum_bsn.is_valid(re.sub(r"\D", "", value)):
            continue
        if not_bsn_context().search(text[max(0, span.start - 60) : span.start]):
            continue  # a foundation's RSIN or an order number also passes the 11-test
        hits.append(
            Hit(span=span, value=value, reason="burgerservicenummer (BSN)", kind=PDKind.BSN)
        )
    return hits


POSTCODE_CONTEXT_AFTER = re.compile(r"\s*,?\s*[A-Z][a-z]")
POSTCODE_CONTEXT_BEFORE = re.compile(
    r"(?:postcode|\d\s?[a-z]?(?:-(?:\d{1,3}|[IVX]{1,4}|hg|bis))?,?)\s*$", re.IGNORECASE
)
# A town in lower case ("2803 ab gouda"): the house number before has said it is an address.
TOWN_AFTER = re.compile(r"\s*,?\s*[a-z]{2}")
# Or the clause ends there right after a street and its number, the address said in full
# ("naar dorpsweg 112, 3083 ac 📦"; not "groep 7 en 8, 1500 ok!").
CLAUSE_END_AFTER = re.compile(r"\s*(?:[.,;!?)]|$|[\U0001F300-\U0001FAFF\u2600-\u27BF])")


def _street_address_before(text: str, start: int) -> bool:
    """A street name and house number end right before `start` (a comma may come between)."""
    return any(
        not text[m.end() : start].strip(" ,")
        for m in address_pattern().finditer(text, max(0, start - 60), start)
    )


def find_postcodes(text: str, taken: list[Span]) -> list[Hit]:
    if not _has_digit(text) or not POSTCODE_HINT.search(text):
        return []
    hits = []
    for m in POSTCODE.finditer(text):
        span = Span(m.start(), m.end())
        year_like = m.group(1).startswith(("19", "20"))
        if year_like and not (
            POSTCODE_CONTEXT_AFTER.match(text, m.end())
            or POSTCODE_CONTEXT_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        ):
            continue  # "in 2024 ZO veel": a year, not a postcode
        if _free(span, taken):
            hits.append(Hit(span=span, value=m.group(), reason="postcode", kind=PDKind.POSTCODE))
    for m in POSTCODE_LOWER.finditer(text):
        span = Span(m.start(), m.end())
        if _free(span, taken) and (
            (
                POSTCODE_CONTEXT_AFTER.match(text, m.end())
                or TOWN_AFTER.match(text, m.end())
                or CLAUSE_END_AFTER.match(text, m.end())
                and _street_address_before(text, m.start())
            )
            and POSTCODE_CONTEXT_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        ):
            hits.append(Hit(span=span, value=m.group(), reason="postcode", kind=PDKind.POSTCODE))
    hits.sort(key=lambda hit: hit.span.start if hit.span else 0)
    return hits


def sidecode(plate: str) -> str:
    return "".join("L" if ch.isalpha() else "9" if ch.isdigit() else ch for ch in plate)


def find_plates(text: str) -> list[Hit]:
    """Licence plates in a Dutch sidecode, but not a code its label calls a product's or an
    order's ("bestelcode PL-175-W", "art.nr. KB-240-S")."""
    if not _has_digit(text) or not PLATE_HINT.search(text):
        return []  # a plate with no digit matches no sidecode
    return [
        Hit(span=Span(m.start(), m.end()), value=m.group(), reason="kenteken", kind=PDKind.PLATE)
        for m in PLATE.finditer(text)
        if m.group() in (m.group().upper(), m.group().lower())  # not "Ab-12-Cd"
        and sidecode(m.group()) in SIDECODES
        and not not_bsn_context().search(text[max(0, m.start() - 60) : m.start()])
    ]


def find_urls(text: str) -> list[Span]:
    if not TLD.search(text):
        return []
    return [Span(m.start(), m.end()) for m in URL.finditer(text)]


def find_addresses(text: str, taken: list[Span]) -> list[Hit]:
    if not _has_digit(text) or not _street_then_number(text):
        return []
    hits = []
    for m in address_pattern().finditer(text):
        street = m.group(1)
        words = street.split()
        # Keep only the street itself: drop leading capitalised words that are no street part.
        while len(words) > 1 and words[0].lower() in {
            "de",
            "het",
            "in",
            "op",
            "aan",
            "naar",
            "bij",
        }:
            words = words[1:]
        start = m.start(1) + street.index(words[0])
        span = Span(start, m.end())
        if not _free(span, taken) or not is_street(words[-1].lower()):
            continue
        if not street[0].isupper() and street.lower() in dutch_words():
            continue  # "op het schoolplein 4 tafels", "onderweg 2 kinderen": an ordinary word
        hits.append(
            Hit(
                span=span,
                value=text[start : m.end()],
                reason="straat met huisnummer",
                kind=PDKind.ADDRESS,
            )
        )
    return hits


def find_context_addresses(text: str, taken: list[Span], postcodes: list[Hit]) -> list[Hit]:
    """Addresses whose street has no street suffix, known by their context (see
    CONTEXT_ADDRESS); `postcodes` are the postcodes found, one of which may follow."""
    cued = may_contain(text, CONTEXT_ADDRESS_CUES)
    if not postcodes and not cued:
        return []
    hits = []
    matches = list(CONTEXT_ADDRESS.finditer(text)) if cued else []
    if postcodes:
        matches += ADDRESS_BEFORE_POSTCODE.finditer(text)
    for m in matches:
        street = m.group(1)
        if is_street(street.split()[-1].lower()):
            continue  # the suffix finder has it
        span = Span(m.start(1), m.end(2))
        if not _free(span, taken):
            continue
        taken = [*taken, span]  # found by both patterns: keep one
        hits.append(
            Hit(
                span=span,
                value=text[span.start : span.end],
                reason="straat met huisnummer",
                kind=PDKind.ADDRESS,
            )
        )
    hits.sort(key=lambda hit: hit.span.start if hit.span else 0)
    return hits


@functools.cache
def _school_keys(school_name: str) -> tuple[str, ...]:
    """The distinctive words of the school's name ("kraanvogel" of "IKC De Kraanvogel")."""
    common = contact_lists().school_name_words
    words = [w for w in re.findall(r"\w+", school_name.lower()) if w not in common]
    return (" ".join(words),) if words else ()


on_change(_school_keys.cache_clear)  # school_name_words.txt may hold a school's own words


def is_school_address(text: str, start: int, ctx: RuleContext) -> bool:
    """True when an address or postcode at `start` is the school's own: it follows the school's
    name or words such as "bezoekadres" or "de school staat aan" within the same sentence."""
    lo = max(0, start - 80)
    before = text[lo:start]
    cut = max(before.rfind(ch) for ch in ".!?\n")
    before = before[cut + 1 :] if cut >= 0 else before
    if school_address_before().search(before):
        return True
    low = before.lower()
    return any(key in low for key in _school_keys(ctx.school_name))


# Who a bank account is made out to: "NL.. t.n.v. Stichting Leergeld", "ten name van R. de
# Laat", Frisian "t.n.f." / "op namme fan", or whose it is: "NL.. van KiKa".
ACCOUNT_HOLDER = re.compile(
    r"\s*,?\s*\(?(?:t\.\s?n\.\s?[vf]\.?|tn[vf]|ten\s+name\s+[vf]an|op\s+naa?me?\s+[vf]an|van)"
    r"\s*:?\s*"
    r"(?P<holder>[^\n,;:!?()]{2,60})",
    re.IGNORECASE,
)


# Or the holder in brackets right after it: "DE66 ... (Förderverein GS Herzogenrath e.V.)".
BRACKETED_HOLDER = re.compile(r"\s*\((?P<holder>[^()\n]{2,60})\)")
# The account is said to be someone's: "naar zijn Belgische rekening BE..", "op haar rekening:".
OWN_ACCOUNT = re.compile(
    r"\b(?:zijn|haar|mijn|z'n|d'r)\s+(?:\w+\s+){0,2}(?:bank)?rekening(?:nummer)?\W{0,4}$",
    re.IGNORECASE,
)


# Where a holder's name ends: a sentence end, but not the full stop of an initial ("J. Mensah").
HOLDER_END = re.compile(r"(?<!\b[A-Za-z])[.!?](?=\s|$)")
# A holder written as a person: initials and a surname ("M. Verhulst", "J.P. de Vries", "M. De
# Smet"), and nothing after it.
INITIALS_AND_SURNAME = re.compile(
    r"(?:[A-Z]\.\s?){1,3}\s*(?:(?:van|de|der|den|ter|te|het|in\s+'t|v\.d\.)\s+){0,2}"
    r"[A-Z][\w'-]+(?:-[A-Z][\w'-]+)?\s*",
    re.IGNORECASE,
)


def account_holder(text: str, end: int) -> Span | None:
    """Where the holder named right after a bank account stands ("t.n.v. ...", or in brackets),
    if one is, up to the end of its sentence ("t.n.v. M. De Smet. Vertrek bij de kerk.")."""
    match = ACCOUNT_HOLDER.match(text, end) or BRACKETED_HOLDER.match(text, end)
    if match is None:
        return None
    start, stop = match.start("holder"), match.end("holder")
    cut = HOLDER_END.search(text, start, stop)
    return Span(start, cut.start() if cut else stop)


def holder_is_a_person(holder: str) -> bool:
    """Whether an account's holder is written as a person is: initials and a surname."""
    return (
        INITIALS_AND_SURNAME.fullmatch(holder.strip()) is not None and holder.strip()[:1].isupper()
    )


def someones_account(text: str, start: int) -> bool:
    """Whether the words just before an account say whose it is ("naar zijn rekening")."""
    return OWN_ACCOUNT.search(text[max(0, start - 60) : start]) is not None


def names_organisation(text: str, ctx: RuleContext) -> bool:
    """Whether a stretch of text names an organisation or the school: an organisation word
    ("Stichting", "Voedselbank", "Sporthal", "Oudervereniging"), the school's name or an
    allow-listed organisation."""
    low = re.sub(r"\W", "", text.lower())
    keys = _organisation_keys(tuple(ctx.allow.organisations), ctx.school_name)
    if any(key in low for key in keys):
        return True
    if any(key in text.lower() for key in _school_keys(ctx.school_name)):
        return True
    return any(is_organisation(word) for word in re.findall(r"\w+", text))


# The school speaking of its own number: its voice ("we", "ons"; art. 1b counts "we" as the
# school's; not "onze conciërge", one of its people) or a compound of "school" ("schoolmobiel",
# "schooltelefoon", "schoolreis").
SCHOOLS_OWN = re.compile(r"\b(?:wij|we|ons|school[^\W\d_]{3,})\b", re.IGNORECASE)


# A compound of a phone word: "clubnummer", "kamptelefoon", "bso-mobiel", "noodlijn".
NUMBER_COMPOUND = re.compile(
    r"\b([^\W\d_]{2,}?)-?(?:nummer|telefoon|mobiel|mobieltje|lijn)\b", re.IGNORECASE
)


@lexicon_cache
def _shared_number_heads() -> frozenset[str]:
    return package_list("shared_number_heads")


def says_a_shared_number(text: str) -> bool:
    """Whether the clause before a number calls it a group's or an event's number ("app het
    clubnummer:", "op het kampnummer", "de kamptelefoon"): a compound of a phone word whose
    first part is an organisation word or one of shared_number_heads.txt (kamp, club, nood)."""
    return any(
        head in _shared_number_heads() or is_organisation(head)
        for head in (m.group(1).lower() for m in NUMBER_COMPOUND.finditer(text))
    )


def the_schools_own(text: str) -> bool:
    """Whether the clause before a number says it is the school's: "Schoolmobiel groep 8:",
    "Tijdens het kamp zijn wij bereikbaar op", "Bel ons op"."""
    return SCHOOLS_OWN.search(text) is not None


@lexicon_cache
def _place_cues() -> frozenset[str]:
    return package_list("public_place_cues")


def has_phrase(text: str, phrases: frozenset[str]) -> bool:
    """Whether one of `phrases` (lower case, words separated by one space) stands in `text` as
    whole words, whatever the punctuation and case."""
    low = " " + " ".join(re.findall(r"[\w-]+", text.lower())) + " "
    return any(f" {phrase} " in low for phrase in phrases)


def _place_cue(text: str) -> bool:
    return has_phrase(text, _place_cues())


# Where a sentence ends: a full stop, ! or ? before a space or a line break ("10.00 uur" goes on).
SENTENCE_END = re.compile(r"[.!?](?=\s)")


def address_context(text: str, start: int) -> str:
    """What stands before an address or postcode: its sentence up to it, and when it starts a
    line of a block (a letterhead, a signature), the lines of the block just above it."""
    lo = max(0, start - 120)
    before = text[lo:start]
    ends = [m.end() for m in SENTENCE_END.finditer(before)]
    before = before[ends[-1] :] if ends else before
    lines = before.split("\n")
    kept = [lines[-1]]
    for line in reversed(lines[:-1]):  # climb the block until an empty line
        if not line.strip():
            break
        kept.insert(0, line)
    return "\n".join(kept[-3:])


@lexicon_cache
def _donation_cues() -> frozenset[str]:
    return package_list("donation_cues")


def asks_for_donations(sentence: str) -> bool:
    """Whether a sentence asks for gifts ("Doneren kan ook: NL..", "steun ons via"): such an
    account is a foundation's or a charity's, unless a person is named beside it."""
    return has_phrase(sentence, _donation_cues())


@lexicon_cache
def _place_before() -> re.Pattern[str]:
    return re.compile(package_patterns("place_address_patterns"), re.IGNORECASE)


@lexicon_cache
def _address_labels() -> frozenset[str]:
    return package_list("address_labels")


def _names_a_place(context: str, ctx: RuleContext) -> bool:
    """Whether the words before an address make it a place's: an organisation or venue named,
    a place the reader is asked to come to, or a building or meeting point said to be there."""
    return (
        names_organisation(context, ctx)
        or _place_cue(context)
        or _place_before().search(context) is not None
    )


@lexicon_cache
def _number_labels() -> frozenset[str]:
    return package_list("number_labels")


def only_a_number_label(clause: str) -> bool:
    """Whether a clause before a phone number only labels it ("tel.", "bel of app:")."""
    words = re.findall(r"\w+", clause.lower())
    return all(word in _number_labels() for word in words)


def _only_a_label(context: str) -> bool:
    """Whether the clause before an address is no more than a label ("adres:", "Locatie -")."""
    words = re.findall(r"\w+", context.lower())
    return bool(words) and all(word in _address_labels() for word in words)


def is_public_place(text: str, start: int, ctx: RuleContext, people: Iterable[Span]) -> bool:
    """True when an address or postcode at `start` is a place's, not a home: the school's,
    an organisation's or a venue's ("Sporthal De Reeshof, Schiphollaan 2", a letterhead under
    the school's name), a place readers are asked to come to ("kom kijken op ...", "open
    dag"), or a building or meeting point ("het uitgiftepunt staat aan de ...", "verzamelen
    bij ..."), with no person named between that holder and the address. After a bare label
    ("adres: ...") the holder is the one the sentence before names ("Open dag IKC De Pont ...
    adres: Zonnewijzerpad 14")."""
    context = address_context(text, start)
    lo = start - len(context)
    if any(lo <= p.start < start for p in people):
        return False  # "bij de familie Aydın, Prinsenhoeve 31": a person's home
    if _names_a_place(context, ctx):
        return True
    if not _only_a_label(context):
        return False
    end = len(text[:lo].rstrip(" \t.!?:"))
    earlier = address_context(text, end)
    if not earlier.strip() or any(end - len(earlier) <= p.start < lo for p in people):
        return False
    return _names_a_place(earlier, ctx)


def is_school_street(address: str, ctx: RuleContext) -> bool:
    """True when the street is named after the school ("Maasbrugplein 3" of "IKC De Maasbrug"):
    the school's distinctive name word (five letters or more) is part of the street's name."""
    low = address.lower()
    return any(len(key) >= 5 and key in low for key in _school_keys(ctx.school_name))


@functools.cache
def _organisation_keys(organisations: tuple[str, ...], school_name: str) -> tuple[str, ...]:
    """The allow-listed organisations and the school as bare lower-case letters and digits."""
    keys = (re.sub(r"\W", "", org.lower()) for org in (*organisations, school_name))
    return tuple(key for key in keys if key)


# The plural "you" (Dutch, Frisian): a text saying it to the handle it opens with answers a
# group or an organisation ("@kvtenboer dank jullie wel!").
PLURAL_YOU = re.compile(r"\b(?:jullie|jimme)\b", re.IGNORECASE)


def _answered_as_a_group(text: str, start: int, handle: str) -> bool:
    """A handle that opens the text, is answered with "jullie" and holds no first name and no
    personal word (mama, juf): a club's or an organisation's, not a person's."""
    if text[:start].strip() or not PLURAL_YOU.search(text):
        return False
    lowered = handle.lower()
    if any(word in lowered for word in contact_lists().personal_handle_words):
        return False
    return not names_a_first_name(handle_words(handle))


def is_organisation_handle(handle: str, ctx: RuleContext) -> bool:
    """True when a handle reads as an organisation's (a capitalised brand, a club, the GGD)."""
    lowered = handle.lower()
    lists = contact_lists()
    if any(hint in lowered for hint in lists.personal_handle_words):
        return False
    for key in _organisation_keys(tuple(ctx.allow.organisations), ctx.school_name):
        if key in lowered.replace("_", "") or lowered.replace("_", "") in key:
            return True
    if _initial_and_surname(handle):
        return False  # "@GKuiper", "@m_bakker82": a person signs so, no brand
    if any(hint in lowered for hint in lists.organisation_hints):
        return True
    if _place_or_country_branch(handle) or _club_of_a_place(handle):
        return True
    by_words = organisation_by_words(handle_words(handle))
    if by_words is not None:
        return by_words
    squashed = re.sub(r"[\W_\d]+", "", lowered)
    words = (*lexicon().organisation_words, *word_lists().mentions)
    if any(len(word) >= 7 and word in squashed for word in words):
        return True  # "@voedselbankutr", "@pzcredactie": an organisation word inside one run
    if _one_common_noun(handle):
        return True  # "@staatsbosbeheer": an institution's name is a word of the language
    return handle[:1].isupper() and not handle.isupper() or handle.isupper() and len(handle) > 3


# A surname after the initials, perhaps with a tussenvoegsel: "Kuiper", "deVries", "vd_berg".
_SURNAME_PART = re.compile(r"(?:(?:van|de|der|den|vd|ter|ten)[._-]?)*(?P<name>[a-z]{3,})\d*")


def _initial_and_surname(handle: str) -> bool:
    """Whether a handle is a person's initials and surname ("GKuiper", "H_Lanting",
    "JW_deVries", "m_bakker82"; not "GGDDrenthe"): one or two initials, set off by a
    separator or by the capital of the name, then a known surname."""
    for size in (1, 2):
        initials, rest = handle[:size], handle[size:]
        if not initials.isalpha() or not rest or initials.lower() in organisations().reply:
            continue  # "SVBorger": a club's letters
        separated = rest[0] in "._-"
        if separated:
            rest = rest[1:]
        elif not (initials.isupper() and rest[:1].isupper()):
            continue
        match = _SURNAME_PART.fullmatch(rest.lower())
        if match and match.group("name") in lexicon().surnames:
            return True
    return False


# A country's code after the name in a handle: a site's or an organisation's account.
COUNTRY_CODES = frozenset(("nl", "be"))
_LAST_PART = re.compile(r"(?P<head>.+)[._](?P<tail>[A-Za-z]+)")


def _place_or_country_branch(handle: str) -> bool:
    """Whether a handle is a name of no person, then a separator and a Dutch municipality or
    residence or a country code: an organisation's local branch or a news site ("@sanquin_
    apeldoorn", "@gem_reimerswaal", "@duic_nl"; not "@sanne_almere", "@devries_apeldoorn")."""
    match = _LAST_PART.fullmatch(handle)
    if not match:
        return False
    tail = match.group("tail").lower()
    if tail not in COUNTRY_CODES and (len(tail) < 4 or tail not in deduce_places()):
        return False
    lex = lexicon()
    if tail in lex.first_names:
        return False  # "@heit_van_wessel": a father of Wessel, not the village
    words = handle_words(match.group("head"))
    return bool(words) and not any(map(_names_a_person, words))


def _club_of_a_place(handle: str) -> bool:
    """Whether a handle is a club's letters (organisation_words.txt [mention], three letters at
    most: hv, kv, vv) run together with a Dutch place ("@hvwinsum", "@kv_dalfsen"): a sports
    club of that place, not a person."""
    squashed = re.sub(r"[\W_\d]+", "", handle.lower())
    return any(
        len(letters) <= 3
        and squashed.startswith(letters)
        and len(rest := squashed[len(letters) :]) >= 4
        and rest in deduce_places()
        for letters in word_lists().mentions
    )


def _names_a_person(word: str) -> bool:
    """Whether one word of a handle is, or runs together, a person's name: a first name, a
    surname, an interfix ("van"), a word after an interfix ("dewit", "vanderlinden") or a first
    name and a surname in one ("ozlemkaya")."""
    lex = lexicon()
    if word in lex.first_names or word in lex.surnames or word in lex.interfixes:
        return True
    return any(
        word[:cut] in lex.interfixes  # "dewit", "vanderlinden": the surname is often a word
        or word[:cut] in lex.first_names
        and word[cut:] in lex.surnames
        for cut in range(2, len(word) - 2)
    )


def _one_common_noun(handle: str) -> bool:
    """Whether a handle is one long lower-case word of the language that is no name
    ("staatsbosbeheer", "natuurmonumenten"): institutions are named so, people are not."""
    if not handle.isalpha() or not handle.islower() or len(handle) < 10:
        return False
    lex = lexicon()
    return (
        handle in lex.common_words and handle not in lex.first_names and handle not in lex.surnames
    )


_HANDLE_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")


def handle_words(handle: str) -> list[str]:
    """The words of a handle: "MarcoDeVries85" -> marco, de, vries; "buurtbus_gulpen" ->
    buurtbus, gulpen (camel case, underscores, dots and digits split it)."""
    return [w.lower() for w in _HANDLE_WORD.findall(handle.lstrip("@"))]


def organisation_by_words(words: list[str]) -> bool | None:
    """Whether words (of a handle or a name) name an organisation (True: "voedselbank013",
    "buurtbus gulpen") or a person (False: "marco de vries", "sanne bakker": a first name, and
    any trade word is a surname too); None when they say neither."""
    trades = [word for word in words if is_organisation(word)]
    if names_a_first_name(words):
        surnames = lexicon().surnames
        return bool(trades) and not all(word in surnames for word in trades)
    return True if trades else None


# A run of capitalised words, "'t" and "&" between them: "Hockeyclub 't Gooi", "Bureau Jeugd &
# Media", "Basketbal Almere Pioneers".
CAPITAL_RUN = re.compile(r"[A-ZÀ-Þ][^\W\d_]*(?:\s+(?:['’]t\s+|&\s+)?[A-ZÀ-Þ][^\W\d_]*)+")
RUN_WORD = re.compile(r"[^\W\d_]+")


def named_in_post(handle: str, text: str) -> bool:
    """Whether a handle holds no first name and ends like the name of a thing the post names in
    capitals, a name of no person: "@hctgooi_jeugd" beside "Hockeyclub 't Gooi",
    "@almerepioneers" beside "Basketbal Almere Pioneers", "@jeugdenmedia" beside "Bureau Jeugd
    & Media" (not "@sanne_almere" beside "Gemeente Almere", nor "@bakkerfam" beside "familie
    Bakker")."""
    if names_a_first_name(handle_words(handle)):
        return False
    letters = re.sub(r"[^a-z]", "", handle.lower())
    lex = lexicon()
    for m in CAPITAL_RUN.finditer(text):
        words = [w.lower() for w in RUN_WORD.findall(m.group())]
        if (
            names_a_first_name(words)
            or any(w in lex.strong_titles for w in words)
            or words[-1] in lex.surnames
            and not any(map(is_organisation, words))
        ):
            continue  # a person's name, or a family's
        squashed = "".join(words)
        if squashed[-max(5, len(words[-1])) :] in letters:
            return True
    return False


@lexicon_cache
def _party_ends() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The parties of political_parties.txt as written, and lower-cased after "_" or "-"."""
    parties = package_entries("political_parties", lower=False)
    return parties, tuple(f"{sep}{p.lower()}" for p in parties for sep in "_-")


def politicians_handle(handle: str) -> bool:
    """The handle ends in a political party ("HenkWikkerinkCDA", "anne_d66"): a politician's
    public account. A party written in lower case right after a name is no sign ("jansp")."""
    written, lowered = _party_ends()
    return handle.lower().endswith(lowered) or any(
        handle.endswith(party)
        and len(handle) > len(party) + 2
        and handle[-len(party) - 1].islower()  # "WikkerinkCDA", not "TEAMSP"
        for party in written
    )


def find_handles(text: str, ctx: RuleContext) -> list[Hit]:
    if "@" not in text and ".com/" not in text:
        return []
    own = _allowed_lower((*ctx.account_handles, *ctx.allow.handles))
    hits = []
    for m in PROFILE.finditer(text) if may_contain(text, (".com/",)) else ():
        value = m.group().rstrip("./")
        profile = COM_SLASH.split(value, maxsplit=1)[1].lstrip("@")  # ".COM/" as well
        path = profile.lower()
        if is_organisation_handle(profile, ctx):
            continue
        hits.append(
            Hit(
                span=Span(m.start(), m.start() + len(value)),
                value=value,
                reason="profiellink van een persoon",
                kind=PDKind.SOCIAL_HANDLE,
                allowed=path in own,
            )
        )
    for m in HANDLE.finditer(text):
        handle = m.group(1)
        span = Span(m.start(), m.end())
        if any(spans_overlap(span, h.span) for h in hits if h.span):
            continue
        if handle.lower() not in own and (
            is_organisation_handle(handle, ctx)
            or politicians_handle(handle)
            or _answered_as_a_group(text, m.start(), handle)
            or named_in_post(handle, text)
        ):
            continue
        hits.append(
            Hit(
                span=span,
                value=m.group(),
                reason="@-naam van een persoon",
                kind=PDKind.SOCIAL_HANDLE,
                allowed=handle.lower() in own,
            )
        )
    return hits
