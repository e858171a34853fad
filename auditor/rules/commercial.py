"""Commercial use of the school account (articles 1f/2f): prices, shops, codes and sponsor plugs.

The protocol says the account is never used commercially. Three rules look at three kinds of
evidence; each yields at most one hit per post (the clearest piece of evidence), so a single
advert does not flood the review list:

- `commercial.price-offer`: a price or discount offered for sale;
- `commercial.order-channel`: a web shop, discount code or affiliate/partner link;
- `commercial.sponsor-plug`: a named business with a call to go and buy there.

Money is not commerce by itself. Prices in sentences about the ouderbijdrage, trip costs (the
bus, "wie meegaat betaalt"), a public service's charge (the library's lending), transfers to an
IBAN, sponsor money or proceeds, prizes to win in a raffle ("Prijzen: een Hema-cadeaubon"),
pretend prices in a classroom game and a national charity's own campaign (Kinderpostzegels),
never count; nor does a sentence that says what the thing
of such a sentence costs ("Het kost € 2,50 per week").
The word lists and phrase patterns are in auditor/lexicons/ (see its README).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from auditor.models import Category, Hit, Post, Severity, Span
from auditor.nlp.lexicon import (
    lexicon_cache,
    package_entries,
    package_patterns,
    school_extends,
)
from auditor.nlp.patterns import Alternatives, any_of, gated
from auditor.nlp.tokens import lowercase
from auditor.rules.base import RuleContext, rule

# A money amount: "€12,99", "€ 39,-", "€1.246,50", "12 euro", "50 cent"; in words ("vijf euro",
# "een tientje": number_words.txt, price_words.txt) it is added where the patterns are built.
_DIGIT_PRICE = r"€\s?\d[\d.]*(?:,(?:\d{1,2}|-{1,2}))?|\b\d+(?:,\d{2})?\s?(?:euro|cent)\b"
# What a price is for, said between "kost" and the price: "kost een jaar €120", "kost een
# bolletje 50 cent", "kost een bakje aardbeien een vijfje" (not a pupil's share: "kost per kind
# €8" is a contribution).
_PERIOD = r"(?:(?:een|per|het|elk|elke)\s+(?!(?:kind|leerling)\b)\w+\s+(?:(?!per\b)[a-z]\w*\s+)?)"

# The vocabulary (words, phrases, sales and discount patterns) is in auditor/lexicons/ (see its
# README); the grammar of prices, codes and web addresses is here.
# A discount code is written in capitals ("code SCHOOL25"); "code oranje" is a weather warning.
# This one pattern runs on the original text, all others on the lowercased text.
DISCOUNT_CODE = re.compile(r"\b(?:met (?:de )?code\s+[A-Z0-9]{4,}|code\s+[A-Z][A-Z0-9]{3,})\b")
# "Link in bio" only counts when the post is about buying something.
LINK_IN_BIO = re.compile(r"\b(?:link in (?:de |onze )?bio|via (?:de|onze) link)\b")
# A web address is a call to visit the business it follows.
# (The name's letters are possessive, "++": a dot cannot be among them, so giving them back one by
# one can never find it; a post's every word was tried that way.)
WEB_ADDRESS = r"\bwww\.\S+|(?<![@\w.-])[\w-]++\.(?:nl|com|be|shop)\b(?:/\S*)?"
# Searched apart from the calls to buy: any word may start one, so in one pattern with them it
# made re try every call at every letter. Each holds one of these (the quick look).
WEB_ADDRESS_RE = re.compile(WEB_ADDRESS)
WEB_ADDRESS_HINTS = ("www.", ".nl", ".com", ".be", ".shop")

# Cheap first looks (plain substring tests on the lowercased text, offer_hints.txt and
# channel_hints.txt): most posts hold none of them, and then the costlier patterns never run.
# When a school adds its own words to a list, the look is skipped (see `_patterns`).
OFFER_LISTS = (
    "fee_context_patterns", "pretend_money_patterns", "discount_patterns",
    "price_before_patterns", "price_units", "sales_word_patterns", "price_words",
    "number_words",
)  # fmt: skip
CHANNEL_LISTS = ("order_channel_patterns", "buying_patterns")


class Patterns(NamedTuple):
    """The rules' patterns, built from the lists in auditor/lexicons/ on first use."""

    price: re.Pattern[str]  # a money amount, in digits or words
    fee_context: re.Pattern[str]  # a school fee, a public service, proceeds: no sale
    back_reference: re.Pattern[str]  # "Het kost ...": what the sentence before named costs
    pretend_context: re.Pattern[str]  # pretend money in a lesson
    charity_campaign: re.Pattern[str]  # a national charity's own campaign: Kinderpostzegels
    prize_context: re.Pattern[str]  # prizes to win: "Prijzen:", "te winnen"
    discount: Alternatives  # enough on its own (outside fee sentences)
    price_frame: re.Pattern[str]  # a price in a sales frame: "voor maar €12,99", "€8,95 per uur"
    sales_word: re.Pattern[str]  # turns any (non-fee) price in the post into an offer
    order_channel: re.Pattern[str]  # a web shop, a code word, a partner link
    buying: re.Pattern[str]  # a "link in bio" is about buying
    business: re.Pattern[str]  # a kind of business or a chain
    call_to_buy: Alternatives
    own_channel: re.Pattern[str]  # the school's own website, Parro
    offer_hints: tuple[str, ...]  # () when a school's own list makes the quick look unsafe
    channel_hints: tuple[str, ...]
    business_hints: tuple[str, ...]


def _words(name: str) -> str:
    return "|".join(map(re.escape, package_entries(name)))


@lexicon_cache
def _patterns() -> Patterns:
    kinds, brands = package_entries("business_kinds"), package_entries("brands")
    before, units = package_patterns("price_before_patterns"), _words("price_units")
    numbers, money = _words("number_words"), _words("price_words")
    price = rf"(?:{_DIGIT_PRICE}|\b(?:een|één|{numbers})\s+(?:euro|{money})\b)"
    return Patterns(
        price=re.compile(price),
        fee_context=gated(rf"\b(?:{package_patterns('fee_context_patterns')})\b"),
        back_reference=re.compile(rf"\W*(?:{package_patterns('price_back_reference_patterns')})\b"),
        pretend_context=re.compile(rf"\b(?:{package_patterns('pretend_money_patterns')})\b"),
        charity_campaign=re.compile(rf"\b(?:{package_patterns('charity_campaign_patterns')})\b"),
        prize_context=re.compile(rf"\b(?:{package_patterns('prize_context_patterns')})"),
        discount=Alternatives(package_patterns("discount_patterns")),
        price_frame=gated(
            rf"\b(?:{before})\s?{price}"
            rf"|{price}\s?(?:per|p\.)\s?(?:{units})\b"
            rf"|\b(?:{units})\w{{0,3}}\s+(?:kost(?:en)?|voor)\s?{price}"
            # "Een middag opvang kost €42,50": what something costs is its price, unless it is
            # charged per pupil ("Materiaal kost € 8,- per kind": a contribution)
            rf"|\bkost\s+{_PERIOD}?(?:maar\s+|slechts\s+|nu\s+)?(?>{price})(?!\s?(?:per|p\.)\s?(?:kind|leerling))"
            rf"|\b\d+\s+\w+\s+voor\s?{price}|{price}\s?voor \d+\s+\w+"
            rf"|\bnu\b[^.!?\n]{{0,40}}?\bvoor\s?{price}",
        ),
        sales_word=re.compile(rf"\b(?:{package_patterns('sales_word_patterns')})\b"),
        order_channel=gated(package_patterns("order_channel_patterns")),
        buying=gated(rf"{price}|\b(?:{package_patterns('buying_patterns')})\b"),
        business=gated(rf"(?:{_words('business_kinds')})\w*|\b(?:{_words('brands')})\b"),
        call_to_buy=Alternatives(package_patterns("call_to_buy_patterns")),
        own_channel=gated(package_patterns("own_channel_patterns")),
        offer_hints=()
        if school_extends(OFFER_LISTS)
        else package_entries("offer_hints") + package_entries("price_words"),
        channel_hints=() if school_extends(CHANNEL_LISTS) else package_entries("channel_hints"),
        business_hints=kinds + brands,
    )


def _hinted(lowered: str, hints: tuple[str, ...]) -> bool:
    """Whether a quick look finds a hint; no hints (a school's own lists): always."""
    return not hints or any_of(hints)(lowered)


class _View(NamedTuple):
    """What the three rules read of one post: its lowered text and their quick looks."""

    text: str
    patterns: Patterns
    lowered: str
    offer: bool
    channel: bool
    business: bool


_last_view: _View | None = None


def _view(text: str) -> _View:
    """The post's `_View`, made once: the engine runs the three rules one after the other on
    the same post (the same text object), so the second and third take the first's. One look
    for the hints of all three first: most posts hold none, and then no rule looks again."""
    global _last_view
    patterns = _patterns()
    view = _last_view
    if view is not None and view.text is text and view.patterns is patterns:
        return view
    lowered = lowercase(text)
    offer, channel, business = patterns.offer_hints, patterns.channel_hints, patterns.business_hints
    some = _hinted(lowered, offer + channel + business)
    view = _last_view = _View(
        text,
        patterns,
        lowered,
        not offer or some and _hinted(lowered, offer),
        not channel or some and _hinted(lowered, channel),
        not business or some and _hinted(lowered, business),
    )
    return view


# A full stop between digits ("€ 3.412") or before a letter ("t.n.v.", "bol.com") ends no
# sentence.
SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d)|\.(?=[^\W\d_]))+(?:[.!?]+|\n|$)")
# Posts end sentences with an emoji as often as with a full stop: an emoji (or a run of them)
# before a capital ends one ("... drie voor € 2,50 🍪 De opbrengst gaat naar ...").
EMOJI_BREAK = re.compile(
    r"[\u2600-\u27bf\U0001f000-\U0001faff][\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]*(?=\s+[A-ZÀ-Þ])"
)


def _sentences(view: _View) -> Iterator[tuple[int, str]]:
    """The post's sentences, lowered, with their start offsets: split on . ! ? and newlines,
    and after an emoji that a capital follows (read in the original text)."""
    lowered, plain = view.lowered, view.text.isascii()
    for match in SENTENCE.finditer(lowered):
        start, end = match.span()
        if not match.group().strip():
            continue
        if not plain:
            for emoji in EMOJI_BREAK.finditer(view.text, start, end):
                if any(map(str.isalnum, lowered[start : emoji.start()])):
                    yield start, lowered[start : emoji.end()]
                    start = emoji.end()  # (emoji alone after a full stop: kept with the next)
        if lowered[start:end].strip():
            yield start, lowered[start:end]


def _sells_nothing(view: _View) -> bool:
    """Whether the post is about a classroom game with pretend money ("we speelden winkeltje 🛒
    Een appel kostte € 0,50") or a national charity's own campaign ("langs de deuren voor de
    Kinderpostzegels! Een vel kost €8,95"): its prices, in any sentence, sell nothing."""
    patterns = view.patterns
    return bool(
        patterns.pretend_context.search(view.lowered)
        or patterns.charity_campaign.search(view.lowered)
    )


def _sale_sentence(sentence: str) -> bool:
    """A sentence whose money can be a sale: no fee, transfer, proceeds or classroom game."""
    patterns = _patterns()
    return not patterns.fee_context.search(sentence) and not patterns.pretend_context.search(
        sentence
    )


def _sale_sentences(sentences: list[tuple[int, str]]) -> list[bool]:
    """Per sentence whether its money can be a sale (`_sale_sentence`), where a sentence that
    says what the thing of the sentence before costs takes that sentence's purpose: "Weet u dat
    u een verjaardagspakket kunt lenen bij de bibliotheek? Het kost € 2,50 per week." (a public
    service's cost), but "Bakkerij Jansen bakt krentenbollen. Ze kosten 2 voor € 5." (a sale)."""
    back_reference = _patterns().back_reference
    sale: list[bool] = []
    for _, sentence in sentences:
        refers_to_a_fee = bool(sale) and not sale[-1] and back_reference.match(sentence)
        sale.append(_sale_sentence(sentence) and not refers_to_a_fee)
    return sale


def _read_sentences(view: _View) -> tuple[list[tuple[int, str]], list[bool]]:
    """The post's sentences but those about prizes to win, and per sentence whether its money
    can be a sale (`_sale_sentences`, read on all sentences: a prize sentence between is one)."""
    every = list(_sentences(view))
    sale = _sale_sentences(every)
    kept = [k for k, (_, sentence) in enumerate(every) if not _prize_sentence(sentence)]
    return [every[k] for k in kept], [sale[k] for k in kept]


def _prize_sentence(sentence: str) -> bool:
    """A sentence about prizes to win ("Prijzen: een Lego-doos en een Hema-cadeaubon"): its
    brands, vouchers and amounts are won, not bought."""
    return _patterns().prize_context.search(sentence) is not None


def _web_address(lowered: str) -> bool:
    """Whether a lowercased text holds a web address (a call to visit the business)."""
    return any(map(lowered.__contains__, WEB_ADDRESS_HINTS)) and bool(
        WEB_ADDRESS_RE.search(lowered)
    )


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a match to whole words ("korting" inside "vroegboekkorting")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _first(
    pattern: re.Pattern[str] | Alternatives, lowered: str, offset: int = 0
) -> tuple[int, int] | None:
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
    prijs van 1", "2 halen, 1 betalen", gratis verzending, cadeaubon, "in plaats van €12,-",
    "gratis bij elk brood");
    a price in a sales frame ("voor maar €12,99", "nu €39,-", "vanaf €1,-", "€8,95 per uur",
    "3 bollen voor €4,-", "vijf lessen kosten €55,-", "een middag opvang kost €42,50", "kost
    een jaar €120", "kost een bolletje 50 cent"); and
    any price in a post that also orders, sells or names a web shop (bestellen, verkopen,
    prijzen, pinnen, verzendkosten), such as the Christmas market with priced stalls; a price
    in words ("te koop voor een tientje", "kost een bakje aardbeien een vijfje"); in English
    ("€14.50 per lesson", "Tickets €9.50", "15% off", "order ... €19.95"); a gift with every
    purchase ("een ijsje cadeau bij elke kinderportie"), a subscription's first month free, a
    fee waived ("geen inschrijfgeld", "no registration fee").

    Fine: the ouderbijdrage, trip or camp costs, the overblijven ("kost €2,50 per keer"), the
    bus and the share of those who come along ("Wie meegaat betaalt € 6 per persoon"), costs
    per pupil ("Materiaal kost € 8,- per kind"),
    prizes to win ("Prijzen: een Lego-doos, een Hema-cadeaubon"), transfers to an IBAN,
    sponsor money, the proceeds of an event, a salary or an allowance ("€3.100 bruto per
    maand", "een vrijwilligersvergoeding van €5,- per middag"), a price limit for a surprise,
    the lunch supervision ("het middagtoezicht kost €1,75 per middag"), a club's free trial
    lessons, and pretend prices in a classroom game ("winkeltje", "gerekend met geld", "a
    pretend shop"), even with amounts; a national charity's own campaign (Kinderpostzegels, its
    stamps' price); a public service's charge (lending from the library,
    "zwemles via de gemeente", a sponsored run's "€ 1 per rondje"), also said in the next
    sentence ("... lenen bij de bibliotheek? Het kost € 2,50 per week.").
    """
    view = _view(post.text)
    if not view.offer:
        return
    patterns = view.patterns
    if _sells_nothing(view):
        return
    sentences, sale = _read_sentences(view)
    sales_word = any(patterns.sales_word.search(sentence) for _, sentence in sentences)
    price_at: tuple[int, int] | None = None
    prices: list[tuple[int, int]] = []
    for (start, sentence), may_sell in zip(sentences, sale, strict=True):
        if not may_sell:
            continue
        found = _first(patterns.discount, sentence, start)
        if found:
            yield _hit(post.text, found, "korting of aanbieding in een bericht")
            return
        found = _first(patterns.price_frame, sentence, start)
        if found:
            yield _hit(post.text, found, "prijs in een verkoopaanbod")
            return
        if price_at is None and sales_word:
            price_at = _first(patterns.price, sentence, start)
        prices += [(start + m.start(), start + m.end()) for m in patterns.price.finditer(sentence)]
    if price_at:
        yield _hit(post.text, price_at, "prijs bij iets dat te koop of te bestellen is")
    elif len(prices) >= 2:
        # A price list ("kerststukjes € 7,50, glühwein € 2,50"): things for sale, even when no
        # word says "verkopen"; a fee, a transfer or a classroom game was left out above.
        yield _hit(post.text, prices[0], "prijzen van wat te koop is")


def _in_own_channel(lowered: str, where: int) -> bool:
    """Whether the rest of the sentence from `where` puts a link in the school's own channel
    ("via de link in Parro", "via de link op onze website")."""
    rest = next(SENTENCE.finditer(lowered, where), None)
    return rest is not None and _patterns().own_channel.search(rest.group()) is not None


CHANNEL_REASON = "webshop, kortingscode of partnerlink"
# A call to buy now ("Bestel nu de nieuwe schoolhoodie!", order_channel_patterns.txt): its own
# reason, it names no channel.
BUY_NOW = re.compile(r"(?:bestel|koop|order|shop)\s+(?:nu|now)")


@rule(
    "commercial.order-channel", category=Category.COMMERCIAL, clause="f", severity=Severity.MEDIUM
)
def order_channel(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A way to buy: a web shop, a discount code, or an affiliate or partner link.

    Why: pointing followers to a shop, handing out a discount code or earning a percentage on
    their purchases is commercial use of the account (1f/2f), also when the school profits.

    Flagged: "webshop", "kortingscode", "met de code SCHOOL25", "partnerlink", "5% van het
    aankoopbedrag", ordering via a web address ("bestellen kan tot 1 november via
    www.fotohuisdeklok.nl"), a code at a web shop's till ("use PLEIN10 at checkout"), a call to
    buy now ("Bestel nu de nieuwe schoolhoodie!", "order now"), and "link in bio" when the post
    is about buying (a price, bestellen, korting, an abonnement).

    Fine: a link in bio to a programme or a photo album, the school's own website, Parro, and
    words like "code oranje" (a weather warning).
    """
    view = _view(post.text)
    if not view.channel:
        return
    lowered, patterns = view.lowered, view.patterns
    found = _first(patterns.order_channel, lowered)
    code = DISCOUNT_CODE.search(post.text)
    if code and (found is None or code.start() < found[0]):
        found = code.span()
    if found:
        now = BUY_NOW.fullmatch(lowered, *found) is not None
        yield _hit(post.text, found, "oproep om nu te kopen" if now else CHANNEL_REASON)
        return
    link = LINK_IN_BIO.search(lowered)
    if link and patterns.buying.search(lowered) and not _in_own_channel(lowered, link.end()):
        yield _hit(post.text, link.span(), "bestellink in de bio")


# The proper name after a kind of business: "Installatiebedrijf Hofsteenge uit Westerbork".
OWN_NAME = re.compile(r"\s+(?:'t\s+|de\s+|het\s+)?([A-Z][\w'’-]{3,})")


def _own_name(text: str, end: int) -> str:
    """The business's own name right after its kind, lowered ("hofsteenge"), or ""."""
    match = OWN_NAME.match(text, end)
    return match.group(1).lower() if match else ""


def _says(sentence: str, name: str) -> bool:
    """Whether a lowered sentence holds `name` as a whole word."""
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", sentence) is not None


@rule("commercial.sponsor-plug", category=Category.COMMERCIAL, clause="f", severity=Severity.MEDIUM)
def sponsor_plug(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A named business promoted with a call to buy, book or visit: "kijk op fietsenhendriks.nl".

    Why: a sponsor or a friendly shop may be thanked, but the account may not advertise for it
    (1f/2f). A plug is the business's name plus an invitation to go and spend money there.

    Flagged: a shop, studio, restaurant, course or chain (Bakkerij ..., Fotostudio ..., IJssalon
    ..., Bruna, bol.com) in the same or next sentence as a call to action: its web address,
    "reserveren", "bestellen", "kom langs", "nu in de winkel", "laat dit bericht zien", "noem
    bij de kassa", "aan het juiste adres", "trakteert"; or selling at the school's market
    ("Op de boekenmarkt verkoopt Boekhandel De Vries nieuwe kinderboeken"); the business's own
    name said again later counts as the business ("Installatiebedrijf Hofsteenge ... Vraag bij
    Hofsteenge een vrijblijvende offerte aan").

    Fine: a thank-you to a shop without a price or a call to buy ("Dank aan Jumbo voor de
    paaseitjes"), trips to a named park or museum, links to the school's own website or Parro
    (not "de website van Kinderfysio Vathorst"),
    an order already placed ("vragen over uw bestelling", "besteld"), a classroom game.
    """
    view = _view(post.text)
    if not view.business:
        return
    patterns = view.patterns
    if _sells_nothing(view):
        return
    sentences, sale = _read_sentences(view)
    named: tuple[tuple[int, int], str] | None = None  # the first business and its own name
    for index, (start, sentence) in enumerate(sentences):
        business = _first(patterns.business, sentence, start)
        if business is not None and named is None:
            named = business, _own_name(post.text, business[1])
        elif business is None and named is not None and _says(sentence, named[1]):
            business = named[0]  # "Vraag bij Hofsteenge een offerte aan": the business again
        if business is None:
            continue
        for (_, nearby), may_sell in zip(
            sentences[index : index + 2], sale[index : index + 2], strict=True
        ):
            if patterns.own_channel.search(nearby):
                continue
            discount = patterns.discount
            if (
                patterns.call_to_buy.search(nearby)
                or _web_address(nearby)
                or (may_sell and (patterns.price.search(nearby) or discount.search(nearby)))
            ):
                yield _hit(post.text, business, "reclame voor een bedrijf")
                return
