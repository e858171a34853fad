"""Personal-data rules (articles 1a/2a): one rule per type of personal data.

All rules read one shared pass over the post (`analysis.analyse`), so the finders can respect
each other (an IBAN is no phone number, a diagnosis needs a named person) and a post is scanned
once however many of these rules run. Each rule returns its kind's hits as they are (a tuple).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from auditor.models import Category, Hit, PDKind, Post, Severity
from auditor.rules.base import RuleContext, rule
from auditor.rules.personal_data.analysis import analyse

KINDS: tuple[PDKind, ...] = tuple(PDKind)  # one rule each, below


@rule("personal-data.email", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH)
def email(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Personal e-mail addresses (a parent's, or a teacher's own school address that names them).

    Why: An e-mail address leads straight to one person; the protocol allows none in a post.

    Flagged: sandravanwijk@live.nl, g.smitbakker@school.nl, also spelled out ("anouk (at) gmail
    (dot) com", "kris at telenet.be").

    Fine: Function mailboxes such as info@ or mr@, and addresses on the allow-list.
    """
    return analyse(post, ctx).of(PDKind.EMAIL)


@rule("personal-data.phone", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH)
def phone(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Private phone numbers: Dutch mobiles and landlines, and foreign ones with a country code.

    Why: A parent's or teacher's own number invites calls outside school and cannot be taken back.

    Flagged: 06-12345678, +31 (0)6 1234 5678, 0521-123456, (0521) 12 34 56, +32 478 21 63 90,
    0049 (0)241 9187 334 (validated with phonenumbers).

    Fine: The school's own numbers (allow-list), an organisation's, also a mobile said to be an
    organisation's desk or function ("SV Twello, secretariaat: 06-..."), times such as 8.30-9.30,
    and the digits of an IBAN.
    """
    return analyse(post, ctx).of(PDKind.PHONE)


@rule("personal-data.iban", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH)
def iban(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Bank account numbers (IBAN, mod-97 checked) of private persons.

    Why: A private account number identifies a person and invites fraud.

    Flagged: IBANs (NL, BE, DE, ...) that pass the mod-97 check, with or without spaces, in
    lower case, with dots or dashes, or broken over a line.

    Fine: The school's and the foundation's accounts on the allow-list.
    """
    return analyse(post, ctx).of(PDKind.IBAN)


@rule("personal-data.bsn", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH)
def bsn(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Citizen service numbers (BSN): nine digits that pass the 11-test.

    Why: A BSN is a legal identifier that must never be published.

    Flagged: A nine-digit number that passes the 11-test, with or without the word BSN.

    Fine: A foundation's RSIN next to RSIN/ANBI/KvK, order, shipment, customer, contract or case
    numbers after their label, phone numbers.
    """
    return analyse(post, ctx).of(PDKind.BSN)


@rule("personal-data.postcode", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH)
def postcode(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Dutch postcodes (1234 AB) of homes.

    Why: A postcode with a name or house number locates a family's home.

    Flagged: 1234 AB and 1234AB; 1234ab between a house number and a town.

    Fine: Other lower-case look-alikes (2000km), the letter pairs SA, SD and SS that postcodes
    never use, and the school's own postcode (after its name or "bezoekadres").
    """
    return analyse(post, ctx).of(PDKind.POSTCODE)


@rule("personal-data.address", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH)
def address(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Home addresses: a street name followed by a house number.

    Why: A home address tells everyone where a pupil or teacher lives.

    Flagged: Kastanjelaan 18, Hegedyk 12, Jan Steenstraat 5a; a street without a street ending
    where the text shows an address ("haar adres is Kievit 7", "bij de familie Smit, Kievit 7,")
    or a postcode follows ("Kievit 7, 1234 AB").

    Fine: Street names without a number (an event route, a playground at the Dorpsstraat), the
    school's own address (after its name, "bezoekadres" or "de school staat aan"), and the
    address of an organisation, a building or a meeting point ("Sporthal De Kreek, ...",
    "het uitgiftepunt staat aan de ...", "verzamelen bij ...").
    """
    return analyse(post, ctx).of(PDKind.ADDRESS)


@rule("personal-data.plate", category=Category.PERSONAL_DATA, clause="a", severity=Severity.MEDIUM)
def plate(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Dutch licence plates in any sidecode (4-HZB-72, KR-482-T).

    Why: A plate ties a car, and so its owner, to the school. Medium: it needs a registry look-
    up to name someone.

    Flagged: Plates written with dashes in one of the Dutch sidecodes.

    Fine: Group codes and time ranges (groep 1-4, 9.00-10.30), product codes after their label
    ("bestelcode PL-175-W", "art.nr. KB-240-S").
    """
    return analyse(post, ctx).of(PDKind.PLATE)


@rule(
    "personal-data.social_handle",
    category=Category.PERSONAL_DATA,
    clause="a",
    severity=Severity.HIGH,
)
def social_handle(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """@handles and profile links of private persons.

    Why: A private profile opens a pupil's, parent's or teacher's life to everyone reading the post.

    Flagged: @marieke_bosma, @juf_esra, facebook.com/some.person, youtube.com/@someone.

    Fine: The school's own handles and organisations' handles (@BiebOosterwolde, @GGD...).
    """
    return analyse(post, ctx).of(PDKind.SOCIAL_HANDLE)


@rule(
    "personal-data.birthdate", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH
)
def birthdate(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Dates of birth and birthday or age announcements tied to a named person.

    Why: A birthday with a name is a date of birth, a key to identity theft and not the school's
    to share.

    Flagged: "Sanne wordt vandaag 7 jaar", "Sanne vandaag 7 jaar!", "ze is vandaag 11 geworden",
    "juf X viert vandaag haar verjaardag", "geboren op 20 juni 1960".

    Fine: Work anniversaries (25 jaar in dienst), the school's own anniversary, ages not tied to
    anyone.
    """
    return analyse(post, ctx).of(PDKind.BIRTHDATE)


@rule("personal-data.health", category=Category.PERSONAL_DATA, clause="a", severity=Severity.HIGH)
def health(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Health and other special-category data (religion) about an identifiable person.

    Why: Illness, diagnosis, pregnancy or religion of a named person is special-category data
    under the GDPR.

    Flagged: "Noor heeft een notenallergie", "meester Johan is geopereerd", "bij Sem zijn levende
    luizen gevonden", "zijn vrouw beviel van een dochter", a named child's ADHD, Ramadan or
    Suikerfeest ("Amira en Yusuf vieren het Suikerfeest"), and the same in Frisian ("har pols
    brutsen", "siik"). Also a sentence about a named person in wording no phrase knows that the
    shipped sentence classifier reads as health (auditor/data/special_sentences.*).

    Fine: Health news about nobody in particular: flu going round, an unnamed child's allergy, a
    theme day, head lice found in a group, a rule for any child ("bij koorts blijft je kind
    thuis"), also in a reply to a parent.
    """
    return analyse(post, ctx).of(PDKind.HEALTH)


@rule("personal-data.other", category=Category.PERSONAL_DATA, clause="a", severity=Severity.MEDIUM)
def other(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Other personal facts about a named person: school advice, grades, divorce, refugee status.

    Why: Such facts are private to the family even when they are good news. Medium: less harmful
    than contact or health data, yet still not the school's to publish.

    Flagged: "Mehmet kreeg een vwo-advies", "Daan met een 9,8", "zijn ouders gaan scheiden",
    "omdat de ouders uit elkaar zijn", "uit Oekraïne gevlucht", "als vluchteling gekomen"; a
    sentence about a named person that the sentence classifier reads as such a fact.

    Fine: The same topics without a named person ("de adviezen zijn binnen").
    """
    return analyse(post, ctx).of(PDKind.OTHER)


@rule(
    "personal-data.name",
    category=Category.PERSONAL_DATA,
    clause="a",
    severity=Severity.HIGH,
    version=3,
)
def name(post: Post, ctx: RuleContext) -> Sequence[Hit]:
    """Names of private persons: pupils, parents, staff, volunteers, also first names alone.

    Why: A name (with a group, a photo or a story) identifies a child; the protocol allows no
    personal data.

    Flagged: "Sanne uit groep 5", "juf Anouk", "Daan van der Berg", #jufInge, #welkomsemhar,
    #teamsemenlina, lower-case names in sloppy tweets ("ikram en mewael"), a name no list knows
    before a verb ("Luwam mocht vandaag ...").

    Fine: Words that are also names when used as words (de roos, storm), saints and holidays
    (the Three Kings), public figures and office holders ("burgemeester Kees Ruiter"), the
    author or artist after "de verhalen van" or "werk van", pets (klassenkonijn Daan), business
    names (Bakkerij Dijkstra), venues (dorpshuis De Roos, het NEMO), clubs and kings (Willem
    II), streets without a number, the school's name, ordinary words in English sentences ("Can
    anyone ...").
    """
    return analyse(post, ctx).of(PDKind.NAME)


# More personal-data types, one module each: the module registers its rule with
# `@rule("personal-data.<type>", category=Category.PERSONAL_DATA, clause="a", ...)` and yields
# hits whose `kind` is "<type>". Adding a type is that module plus one line here.
TYPE_MODULES: tuple[str, ...] = ()


def load_types(modules: Sequence[str] = TYPE_MODULES) -> None:
    """Import the modules of the added types (their rules register themselves)."""
    for module in modules:
        importlib.import_module(module)


load_types()
