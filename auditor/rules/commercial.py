"""Commercial use of the school account (articles 1f/2f): prices, shops, codes and sponsor plugs.

The protocol says the account is never used commercially. Three rules look at three kinds of
evidence; each yields at most one hit per post (the clearest piece of evidence), so a single
advert does not flood the review list:

- `commercial.price-offer`: a price or discount offered for sale;
- `commercial.order-channel`: a web shop, discount code or affiliate/partner link;
- `commercial.sponsor-plug`: a named business with a call to go and buy there.

Money is not commerce by itself. Prices in sentences about the ouderbijdrage, trip costs,
transfers to an IBAN, sponsor money or proceeds, and pretend prices in a classroom game, never
count. The word lists are module constants so they are easy to read and extend.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.models import Category, Hit, Post, Severity, Span
from auditor.rules.base import RuleContext, rule

# A money amount: "€12,99", "€ 39,-", "€1.246,50", "12 euro".
_PRICE = r"(?:€\s?\d[\d.]*(?:,(?:\d{1,2}|-{1,2}))?|\b\d+(?:,\d{2})?\s?euro\b)"
PRICE = re.compile(_PRICE)

# Words that make a sentence about money a school fee, a transfer or a fundraiser result, not a
# sale (ouderbijdrage, trip costs, "maak €5 over op", "bracht €1.246 op", sponsor money).
FEE_CONTEXT = re.compile(
    r"\b(?:ouderbijdrage|vrijwillige bijdrage|schoolreis\w*|schoolkamp|kampgeld|kampbijdrage"
    r"|excursie\w*|uitstapje"
    r"|overmak\w*|overgemaakt|maak\b[^.!?\n]{0,30}\bover|t\.n\.v\.|ten name van|sponsorgeld"
    r"|opbrengst|opgebracht|bracht\b[^!?\n]{0,40}\bop|haal\w*\b[^!?\n]{0,40}\bop"
    r"|ingezameld|inzamel\w*|collecte|streefbedrag|doneren|donatie\w*"
    r"|goede doel|betaald uit|maximaal)\b",
)

# Pretend money in a lesson ("we speelden winkeltje: appels voor €0,50").
PRETEND_CONTEXT = re.compile(
    r"\b(?:winkeltje|speelgeld|nepgeld|wisselgeld|rekenles|rekenspel|marktje spelen)\b",
)

# Discount vocabulary: enough on its own (outside fee sentences).
DISCOUNT = re.compile(
    r"korting\w*|\bactie(?:tarief|prijs|prijzen)\b|\baanbieding(?:en)?\b|\buitverkoop\b"
    r"|\bhalve prijs\b|\bvoor de prijs van (?:één|een|1)\b|\b\d\s?\+\s?\d\s?gratis\b"
    r"|\b(?:\d|twee|drie|vier)\s+(?:halen|nemen|kopen)\s*,?\s*(?:\d|één|een|twee|drie)\s+betalen\b"
    r"|\bgratis (?:verzend\w*|bezorg\w*|aan huis bezorgd)|\bgeen verzendkosten\b"
    r"|\b(?:cadeau|waarde|tegoed|kado)bon\w*|\bin plaats van\s?€|\bnormaal\s?€"
    r"|\bvan\s?€[\d,.\-]+\s?voor\s?€"
    r"|\bgratis\b[^.!?\n]{0,40}\bbij (?:aankoop|besteding|een (?:volwassen )?\w*gerecht|elke"
    r"|iedere)\b",
)

# A price inside a sales frame: "voor maar €12,99", "nu €39,-", "vanaf €1,-", "€8,95 per uur",
# "3 bollen voor €4,-", "€179,- voor 5 dagen".
PRICE_FRAME = re.compile(
    rf"\b(?:voor (?:maar|slechts|nog maar|maar liefst geen)|nu(?: voor| maar| slechts)?|vanaf"
    rf"|slechts|kost(?:en)? (?:maar|slechts|nu))\s?{_PRICE}"
    rf"|{_PRICE}\s?(?:per|p\.)\s?(?:stuk|les|lesuur|uur|maand|week|set|pakket|bos|zak|persoon|kaart)\b"
    rf"|\b\d+\s+\w+\s+voor\s?{_PRICE}|{_PRICE}\s?voor \d+\s+\w+"
    rf"|\bnu\b[^.!?\n]{{0,40}}?\bvoor\s?{_PRICE}",
)

# Sales vocabulary that turns any (non-fee) price in the post into an offer.
SALES_WORD = re.compile(
    r"\b(?:bestel\w*|verko(?:op|opt|pen|cht)\w*|te koop|koop (?:nu|je|u)|webshop|web shop"
    r"|winkel\w*|prijs|prijzen|tarief|pinnen|contant|incl\.|inclusief|verzendkosten|aankoop\w*"
    r"|afrekenen|kassa|basispakket|pakket)\b",
)

# Ways to buy: a web shop, a discount code, an affiliate or partner link.
ORDER_CHANNEL = re.compile(
    r"\bweb ?shop\b|\bwebwinkel\b|\b(?:korting|actie|promo)s?code\b"
    r"|\bpartnerlink\b|\baffiliate\w*|\baankoopbedrag\b"
    r"|\bontvangt de school\s+\d+\s?%|\b\d+\s?%\s+van (?:het|elk|uw) (?:bedrag|aankoop\w*)\b",
)
# A discount code is written in capitals ("code SCHOOL25"); "code oranje" is a weather warning.
# This one pattern runs on the original text, all others on the lowercased text.
DISCOUNT_CODE = re.compile(r"\b(?:met (?:de )?code\s+[A-Z0-9]{4,}|code\s+[A-Z][A-Z0-9]{3,})\b")
# "Link in bio" only counts when the post is about buying something.
LINK_IN_BIO = re.compile(r"\b(?:link in (?:de |onze )?bio|via (?:de|onze) link)\b")
BUYING = re.compile(rf"{_PRICE}|\b(?:bestel\w*|koop\w*|aankoop\w*|korting\w*|abonnement\w*)\b")

# Kinds of business (also as the tail of a compound: "speelgoedwinkel", "kinderboekwinkel") and a
# few well-known chains. A mention alone is fine (a thank-you); a call to buy makes it a plug.
# fmt: off
BUSINESS_KINDS = (
    "winkel", "shop", "boekhandel", "kapsalon", "kapper", "salon", "bakkerij", "bakker",
    "slagerij", "slager", "kwekerij", "tuincentrum", "bloemist", "chocolaterie", "fotostudio",
    "fotograaf", "studio", "zwemschool", "muziekschool", "dansschool", "rijschool", "autobedrijf",
    "garage", "fietsenmaker", "fietsenzaak", "speelparadijs", "restaurant", "snackbar",
    "cafetaria", "ijssalon", "lunchroom", "leerhuis", "bijlesinstituut", "huiswerkinstituut",
    "sportkamp", "supermarkt", "drogist", "drogisterij", "opticien", "makelaar", "speelgoed",
)
# fmt: on
# fmt: off
BRANDS = (
    "bol.com", "bruna", "hema", "jumbo", "albert heijn", "rabobank", "kruidvat", "action",
    "intertoys", "primera", "etos", "blokker", "coolblue", "lidl", "aldi", "spar",
)
# fmt: on
BUSINESS = re.compile(
    r"(?:" + "|".join(BUSINESS_KINDS) + r")\w*|\b(?:" + "|".join(map(re.escape, BRANDS)) + r")\b",
)
# Calls to go and buy, book or visit a business.
CALL_TO_BUY = re.compile(
    r"\bkijk (?:dan )?(?:op|bij) (?!onze|de website van (?:de )?school)|\bwww\.\S+"
    r"|(?<![@\w.-])[\w-]+\.(?:nl|com|be|shop)\b(?:/\S*)?|\breserve(?:er|ren)\b|\bbestel\w*"
    r"|\bafspraak maken\b|\bkom (?:gerust )?langs\b|\bga (?:gerust )?langs\b|\bin de winkel\b"
    r"|\bbij de kassa\b|\blaat\b[^.!?\n]{0,25}\b(?:bericht|tweet|post) zien\b"
    r"|\bmet (?:dit bericht|deze tweet|deze post)\b|\bzeg (?:even )?dat je\b|\bnoem\b"
    r"|\baan het juiste adres\b|\bopen nu\b|\bontvang\b|\bschrijf (?:uw|je) kind in\b"
    r"|\binschrijven via\b|\btrakteert\b|\baanrader\b|\bprobeer (?:het|ze) (?:eens|uit)\b",
)
OWN_CHANNEL = re.compile(r"\b(?:onze|de) (?:website|site|schoolgids|nieuwsbrief)\b|\bparro\b")

# Cheap first looks (plain substring tests on the lowercased text): most posts hold none of
# these, and then the costlier patterns never run.
OFFER_HINTS = (
    "€", "euro", "korting", "prijs", "gratis", "bon", "aanbieding", "uitverkoop", "betalen",
)  # fmt: skip
CHANNEL_HINTS = ("shop", "winkel", "code", "partner", "affiliate", "aankoop", "%", "link")
BUSINESS_HINTS = BUSINESS_KINDS + BRANDS


def _hinted(lowered: str, hints: tuple[str, ...]) -> bool:
    return any(hint in lowered for hint in hints)


def lowercase(text: str) -> str:
    """The text in lower case with every offset kept (a few characters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


# A full stop between digits ("€ 3.412") ends no sentence.
SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+(?:[.!?]+|\n|$)")


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """Sentences (split on . ! ? and newlines) with their start offsets."""
    for match in SENTENCE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def _sale_sentence(sentence: str) -> bool:
    """A sentence whose money can be a sale: no fee, transfer, proceeds or classroom game."""
    return not FEE_CONTEXT.search(sentence) and not PRETEND_CONTEXT.search(sentence)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a match to whole words ("korting" inside "vroegboekkorting")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _first(pattern: re.Pattern[str], lowered: str, offset: int = 0) -> tuple[int, int] | None:
    """Offsets (widened to whole words) of the first match of `pattern` in a lowercased text."""
    match = pattern.search(lowered)
    if match is None:
        return None
    start, end = _widen(lowered, match.start(), match.end())
    return offset + start, offset + end


def _hit(text: str, where: tuple[int, int], reason: str) -> Hit:
    start, end = where
    return Hit(Span(start, end), text[start:end], reason, "commercial")


@rule("commercial.price-offer", category=Category.COMMERCIAL, clause="f", severity=Severity.MEDIUM)
def price_offer(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A price or discount offered for sale: korting, actietarief, "voor maar €12,99", "bestel".

    Why: the school account is never used commercially (1f/2f); a price or a discount in a
    post sells something, whether for a shop, a course, childcare or the school's own sale.

    Flagged: discount words (korting, vroegboekkorting, actietarief, halve prijs, "2 voor de
    prijs van 1", "2 halen, 1 betalen", gratis verzending, cadeaubon, "in plaats van €12,-");
    a price in a sales frame ("voor maar €12,99", "nu €39,-", "vanaf €1,-", "€8,95 per uur",
    "3 bollen voor €4,-"); and any price in a post that also orders, sells or names a web shop
    (bestellen, verkopen, prijzen, pinnen, verzendkosten), such as the Christmas market with
    priced stalls.

    Fine: the ouderbijdrage, trip or camp costs, transfers to an IBAN, sponsor money, the
    proceeds of an event, a price limit for a surprise, and pretend prices in a classroom game
    ("winkeltje"), even with amounts.
    """
    lowered = lowercase(post.text)
    if not _hinted(lowered, OFFER_HINTS):
        return
    sales_word = SALES_WORD.search(lowered) is not None
    price_at: tuple[int, int] | None = None
    prices: list[tuple[int, int]] = []
    for start, sentence in _sentences(lowered):
        if not _sale_sentence(sentence):
            continue
        found = _first(DISCOUNT, sentence, start)
        if found:
            yield _hit(post.text, found, "korting of aanbieding in een bericht")
            return
        found = _first(PRICE_FRAME, sentence, start)
        if found:
            yield _hit(post.text, found, "prijs in een verkoopaanbod")
            return
        if price_at is None and sales_word:
            price_at = _first(PRICE, sentence, start)
        prices += [(start + m.start(), start + m.end()) for m in PRICE.finditer(sentence)]
    if price_at:
        yield _hit(post.text, price_at, "prijs bij iets dat te koop of te bestellen is")
    elif len(prices) >= 2:
        # A price list ("kerststukjes € 7,50, glühwein € 2,50"): things for sale, even when no
        # word says "verkopen"; a fee, a transfer or a classroom game was left out above.
        yield _hit(post.text, prices[0], "prijzen van wat te koop is")


@rule(
    "commercial.order-channel", category=Category.COMMERCIAL, clause="f", severity=Severity.MEDIUM
)
def order_channel(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A way to buy: a web shop, a discount code, or an affiliate or partner link.

    Why: pointing followers to a shop, handing out a discount code or earning a percentage on
    their purchases is commercial use of the account (1f/2f), also when the school profits.

    Flagged: "webshop", "kortingscode", "met de code SCHOOL25", "partnerlink", "5% van het
    aankoopbedrag", and "link in bio" when the post is about buying (a price, bestellen,
    korting, an abonnement).

    Fine: a link in bio to a programme or a photo album, the school's own website, Parro, and
    words like "code oranje" (a weather warning).
    """
    lowered = lowercase(post.text)
    if not _hinted(lowered, CHANNEL_HINTS):
        return
    found = _first(ORDER_CHANNEL, lowered)
    code = DISCOUNT_CODE.search(post.text)
    if code and (found is None or code.start() < found[0]):
        found = code.span()
    if found:
        yield _hit(post.text, found, "webshop, kortingscode of partnerlink")
        return
    link = LINK_IN_BIO.search(lowered)
    if link and BUYING.search(lowered):
        yield _hit(post.text, link.span(), "bestellink in de bio")


@rule("commercial.sponsor-plug", category=Category.COMMERCIAL, clause="f", severity=Severity.MEDIUM)
def sponsor_plug(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A named business promoted with a call to buy, book or visit: "kijk op fietsenhendriks.nl".

    Why: a sponsor or a friendly shop may be thanked, but the account may not advertise for it
    (1f/2f). A plug is the business's name plus an invitation to go and spend money there.

    Flagged: a shop, studio, restaurant, course or chain (Bakkerij ..., Fotostudio ..., IJssalon
    ..., Bruna, bol.com) in the same or next sentence as a call to action: its web address,
    "reserveren", "bestellen", "kom langs", "nu in de winkel", "laat dit bericht zien", "noem
    bij de kassa", "aan het juiste adres", "trakteert".

    Fine: a thank-you to a shop without a price or a call to buy ("Dank aan Jumbo voor de
    paaseitjes"), trips to a named park or museum, and links to the school's own website or
    Parro.
    """
    lowered = lowercase(post.text)
    if not _hinted(lowered, BUSINESS_HINTS):
        return
    sentences = list(_sentences(lowered))
    for index, (start, sentence) in enumerate(sentences):
        business = _first(BUSINESS, sentence, start)
        if business is None:
            continue
        for _, nearby in sentences[index : index + 2]:
            if OWN_CHANNEL.search(nearby):
                continue
            if CALL_TO_BUY.search(nearby) or (
                _sale_sentence(nearby) and (PRICE.search(nearby) or DISCOUNT.search(nearby))
            ):
                yield _hit(post.text, business, "reclame voor een bedrijf")
                return
