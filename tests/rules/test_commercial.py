"""Spec for the commercial rules (articles 1f/2f): offers, shops and plugs, and what is fine."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.models import Category, Platform, Post, Severity
from auditor.rules import commercial
from auditor.rules.base import REGISTRY, RuleContext

CTX = RuleContext(school_name="OBS De Vlinderhof")
RULES = {
    "commercial.price-offer": commercial.price_offer,
    "commercial.order-channel": commercial.order_channel,
    "commercial.sponsor-plug": commercial.sponsor_plug,
}


def post(text: str) -> Post:
    return Post(Platform.FACEBOOK, "t1", datetime(2025, 3, 1, tzinfo=UTC), text)


def fired(text: str) -> set[str]:
    return {rule_id for rule_id, func in RULES.items() if list(func(post(text), CTX))}


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        (
            "Bij Schoenenwinkel De Hak krijgen onze leerlingen 10% korting op gymschoenen!",
            "commercial.price-offer",
        ),
        (
            "Schaatsles bij IJsclub Noord: nu een actietarief van €9,50 per les.",
            "commercial.price-offer",
        ),
        (
            "Kinderfeestje bij Trampolinepark Sprong: entree €8,- in plaats van €11,-.",
            "commercial.price-offer",
        ),
        (
            "Paaseieren van de ouderraad: 6 eitjes voor €3,-. Bestellen kan tot donderdag.",
            "commercial.price-offer",
        ),
        (
            "Op de voorjaarsmarkt verkopen de kinderen plantjes (€2,50) en jam (€4,-).",
            "commercial.price-offer",
        ),
        ("Typecursus TikTak: 12 lessen voor €99,-. Meld je snel aan!", "commercial.price-offer"),
        (
            "Deze week bij Friettent De Puntzak: 2 zakjes friet voor de prijs van 1!",
            "commercial.price-offer",
        ),
        (
            "Ons sportontbijt is gesponsord door Bakkerij Kramer: daar nu 3 halen, 2 betalen!",
            "commercial.price-offer",
        ),
        (
            "Bestel de schooltrui in onze webshop, nu verkrijgbaar in alle maten.",
            "commercial.order-channel",
        ),
        ("Met de code VLINDER10 krijgt u korting op kinderboeken.", "commercial.order-channel"),
        (
            "Shop via onze partnerlink, de school krijgt 4% van het aankoopbedrag.",
            "commercial.order-channel",
        ),
        (
            "De dansvoorstelling wordt gesponsord door Dansschool Pirouette. "
            "Kijk op dansschoolpirouette.nl voor het lesrooster!",
            "commercial.sponsor-plug",
        ),
        (
            "Dank aan Slagerij Mulder voor de worstenbroodjes! Kom langs voor hun weekaanbieding.",
            "commercial.sponsor-plug",
        ),
        (
            "Lunchroom Het Theelichtje trakteert: reserveer een tafel via theelichtje.nl.",
            "commercial.sponsor-plug",
        ),
        (
            "Zwembad De Golf geeft een zwemcursus. Vijf lessen kosten € 55,-. Boek nu!",
            "commercial.price-offer",
        ),
        (
            "De shirts zijn gesponsord door Installatiebedrijf Hulshof! Nieuwe cv-ketel nodig?",
            "commercial.sponsor-plug",
        ),
        (
            "Dank aan Schildersbedrijf Kamp. Bel gerust voor een vrijblijvende offerte.",
            "commercial.sponsor-plug",
        ),
    ],
)
def test_offers_shops_and_plugs_are_flagged(text: str, rule_id: str) -> None:
    assert rule_id in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "De vrijwillige ouderbijdrage is €42,50 per kind. Overmaken op NL09 RABO 0343 8487 91.",
        "De schoolreis kost €29,- per kind en wordt betaald uit de ouderbijdrage.",
        "De Kinderpostzegelactie is weer begonnen! De opbrengst gaat naar kinderen in nood.",
        "Onze Schoenmaatjes-actie: lever uw gevulde schoenendoos in bij de conciërge.",
        "De sponsorloop bracht maar liefst €3.418,- op! Dank aan alle lopers.",
        "In groep 3 speelden we winkeltje: een banaan voor €0,40 en een ijsje voor €1,-.",
        "Het surprisecadeau kost maximaal €5. Veel knutselplezier!",
        "Dank aan Bakkerij Van Dijk voor de heerlijke taart op de juffendag!",
        "@Jumbo_Dorpsplein Bedankt voor de appels voor het schoolontbijt!",
        "De Kinderboekenweek start maandag met een gratis voorstelling in de aula.",
        "Wie helpt er mee met de kerstmarkt? Vrijwilligers kunnen zich melden bij de ouderraad.",
        "Code oranje voor morgen: de school sluit om 12.00 uur.",
        "Maak €6 over voor het afscheidscadeau van juf Tine op NL47 INGB 0001 3608 60.",
        "Het programma van de sportdag vindt u via de link in bio.",
        "Groep 8 gaat op schoolreis naar de Efteling en Dierenpark Amersfoort.",
        "Dank aan Hoveniersbedrijf Tiemens voor het snoeien van de wilgen op het plein!",
        "Het kamp kost € 65,- per kind. Graag overmaken op de rekening van de school.",
    ],
)
def test_money_that_is_not_commerce_is_fine(text: str) -> None:
    assert fired(text) == set()


def test_hit_span_points_at_the_evidence() -> None:
    text = "Nieuw: een fotoboek van alle schoolfoto's voor maar €24,95!"
    [hit] = commercial.price_offer(post(text), CTX)
    assert hit.span is not None
    assert text[hit.span.start : hit.span.end] == hit.value == "voor maar €24,95"
    assert hit.kind == "commercial"


def test_discount_hit_covers_the_whole_word() -> None:
    text = "Boek voor 1 mei en krijg vroegboekkorting!"
    [hit] = commercial.price_offer(post(text), CTX)
    assert hit.value == "vroegboekkorting"


def test_one_hit_per_rule_per_post() -> None:
    text = "10% korting op schriften en 20% korting op rugzakken bij Boekhandel Lees!"
    assert len(list(commercial.price_offer(post(text), CTX))) == 1


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rules_are_registered_as_commercial_clause_f(rule_id: str) -> None:
    registered = REGISTRY[rule_id]
    assert registered.category is Category.COMMERCIAL
    assert registered.clause == "f"
    assert registered.severity is Severity.MEDIUM
    assert registered.articles == "1f/2f"
    assert "Flagged:" in registered.doc and "Fine:" in registered.doc


@pytest.mark.parametrize(
    "text",
    [
        "Kerstmarkt! Zelfgemaakte kerststukjes € 7,50, glühwein € 2,50, chocolademelk € 1,50.",
        "Koekjes voor de kerstmarkt! Zakje van 5 voor € 2,- , taart per stuk € 1,50.",
        "Kinderkleding-beurs in de gymzaal 👕 Alles €1 tot €3, zaterdag van 10-13u.",
    ],
)
def test_a_list_of_prices_is_a_sale(text: str) -> None:
    assert "commercial.price-offer" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "De ouderbijdrage is € 40 per kind (€ 30 voor het derde kind).",
        "In groep 3 speelden we winkeltje: een appel € 0,50, melk € 1,-.",
        "De sponsorloop bracht € 3.412 op, vorig jaar was de opbrengst € 2.980.",
        "Vorig jaar haalden we € 3.412 op, dit jaar hopen we op € 4.000!",
        "Doneren kan met € 5 of € 10 via de QR-code op de poster.",
        "Het schoolreisje kost € 27,50. Graag overmaken op onze rekening.",
    ],
)
def test_fees_proceeds_and_classroom_prices_are_no_price_list(text: str) -> None:
    assert "commercial.price-offer" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op de kerstmarkt verkoopt groep 7 zelfgemaakte kaarsjes: € 2 per stuk 🕯️ De opbrengst "
        "gaat naar het Ronald McDonald Huis.",
        "Zelfgebakken cake van groep 5: € 3 per plak, twee voor € 5 🍰 Alles gaat naar KiKa.",
    ],
)
def test_an_emoji_before_a_capital_ends_the_sentence_of_a_sale(text: str) -> None:
    assert "commercial.price-offer" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "In groep 4 speelden we winkeltje 🛒 Een brood kostte € 1,- en een ei € 0,20.",
        "Winkeltje in de kleutergroep! 🍎 Een appel € 0,50, een peer € 0,40.",
    ],
)
def test_a_classroom_game_makes_every_price_of_the_post_pretend(text: str) -> None:
    assert fired(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "De schoolfoto's kunt u nog tot 10 oktober bestellen via de link in Parro.",
        "Bestellen kan via de link op onze website, de foto's komen voor de kerst.",
    ],
)
def test_a_link_in_the_schools_own_channel_is_no_order_link(text: str) -> None:
    assert "commercial.order-channel" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Heeft u de schoolfoto's besteld? Bij vragen over uw bestelling kunt u mailen naar "
        "klantenservice@fotostudiozonneveld.nl.",
        "Is je bestelling bij Fotostudio Lens nog niet binnen? De foto's zijn besteld en komen "
        "volgende week.",
    ],
)
def test_an_order_already_placed_is_no_call_to_buy(text: str) -> None:
    assert "commercial.sponsor-plug" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Heerlijke vlaaien voor het goede doel! Bestellen via haar Insta @anja_bakt_limburg.",
        "Oma Truus breit sjaals voor de bieb. Bestel bij haar via de app!",
    ],
)
def test_ordering_through_a_persons_own_channel_is_an_order_channel(text: str) -> None:
    assert "commercial.order-channel" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Onze partner BSO De Boot heeft plekken vrij! 🧒 Een middag opvang kost €42,50.",
        "Een kaartje voor de musical kost €2,50, te koop bij de ingang.",
        "Vanaf maart judoles in de gymzaal: het eerste blok kost maar €30,-.",
    ],
)
def test_what_something_costs_is_its_price(text: str) -> None:
    assert "commercial.price-offer" in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "De naaimoeders maken de pakjes. Materiaal kost € 8,- per kind. Betalen aan de ouderraad.",
        "Het kamp kost dit jaar €65 per kind, te betalen via Parro.",
        "Hoeveel kost €1 aan snoep? In de rekenles rekenden we met geld.",
    ],
)
def test_a_cost_per_pupil_is_no_price_of_a_sale(text: str) -> None:
    assert fired(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Vacature: conciërge, 24 uur per week. Salaris schaal 5, tussen €2.400 en €3.100 bruto "
        "per maand.",
        "Wij zoeken overblijfkrachten! U krijgt een vrijwilligersvergoeding van €5,- per middag.",
        "We zoeken een invalkracht, het uurloon is €18,50 per uur.",
    ],
)
def test_money_paid_to_the_reader_is_no_offer(text: str) -> None:
    assert fired(text) == set()
