"""Spec for the commercial rules: what a post asks the reader to do with money.

Buying from a business is commerce; paying the school's own contribution for an outing and
winning a prize in a raffle are not (issue 16, invented sentences, none from a corpus).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.models import Platform, Post
from auditor.rules import commercial
from auditor.rules.base import RuleContext

CTX = RuleContext(school_name="OBS De Vlinderhof")
RULES = (commercial.price_offer, commercial.order_channel, commercial.sponsor_plug)


def commercial_post(text: str) -> bool:
    post = Post(Platform.FACEBOOK, "c1", datetime(2025, 3, 1, tzinfo=UTC), text)
    return any(list(rule(post, CTX)) for rule in RULES)


@pytest.mark.parametrize(
    "text",
    [
        "Lid worden van Judoclub De Mat kost een jaar €120. Geef je op via de trainer!",
        "Een abonnement op het kindertijdschrift kost per jaar € 39,95.",
        "Zwemles bij Zwembad De Golf kost een maand €45,-.",
        "Een lidmaatschap van de hockeyclub kost per seizoen €150.",
        "Bij de ijscokar kost een bolletje 50 cent! 🍦",
        "Een kopje koffie kost 75 cent en een plak cake €0,50.",
        "Op de rommelmarkt: boeken 50 cent, puzzels €1,-.",
        "De kinderen verkopen zelfgemaakte kaarten voor 80 cent per stuk.",
        "Muziekschool Do-Re-Mi: een proefles kost maar 5 euro, een jaar kost € 240.",
    ],
)
def test_a_price_for_what_a_reader_buys_is_commercial(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Voor de bus naar het Dolfinarium vragen we € 6 per persoon.",
        "Wie meegaat naar de dierentuin betaalt € 7,50 per persoon voor de bus.",
        "De bus naar Walibi kost € 5 per kind, graag overmaken t.n.v. OBS De Vlinderhof.",
        "Opa's en oma's die meegaan met de excursie betalen €4 per persoon voor de entree.",
        "Wie meerijdt met de touringcar betaalt € 3 per persoon aan de ouderraad.",
        "Voor het schoolreisje vragen we een bijdrage van € 12 per leerling.",
        "Ouders die met de busreis meegaan betalen €8 p.p., t.n.v. Stichting Vrienden.",
        "Meegaan met de bus naar het museum kost € 2,50 per persoon.",
    ],
)
def test_the_schools_own_contribution_for_an_outing_is_no_sale(text: str) -> None:
    assert not commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "🎁 Tombola! Prijzen: een Lego-doos, een Hema-cadeaubon en een taart van de bakker.",
        "Verloting op de kerstmarkt. Te winnen: een Bol.com-bon en een dagje Efteling.",
        "De hoofdprijs is een fiets van Gazelle! Verder prijzen van de Jumbo en de Action.",
        "Prijzen bij de bingo: een Intertoys-cadeaubon en een pakket van Tony's Chocolonely.",
        "Bij de sponsorloop zijn er prijzen voor de snelste groep: een cadeaubon!",
        "Wie de quiz wint, krijgt een Hema-cadeaubon. Andere prijzen: Lego en een Kinepolis-bon.",
        "Onze tombola heeft mooie prijzen: een Playmobil-ridderburcht en een Decathlon-bon.",
    ],
)
def test_prizes_to_win_are_not_prices(text: str) -> None:
    assert not commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Het overblijven kost dit jaar €2,75 per keer, te betalen met de overblijfkaart.",
        "Een strippenkaart voor het overblijven kost €25 voor tien keer.",
        "De tussenschoolse opvang kost €1,90 per middag; u betaalt via de schoolapp.",
        "Overblijven op woensdag kost voortaan €2,- per kind.",
    ],
)
def test_the_schools_own_lunch_supervision_fee_is_no_sale(text: str) -> None:
    assert not commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bij Slagerij Nijhof krijgt u deze week een gratis rookworst bij elk pakket gehakt.",
        "Met deze flyer krijgt u een croissant gratis bij elk brood.",
        "Ijssalon Venezia: een gratis toefje slagroom bij ieder bekertje ijs!",
    ],
)
def test_something_free_with_every_purchase_is_an_offer(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Koop een lot voor €1 en maak kans op een kinderfiets! De opbrengst is voor het klimrek.",
        "Verloting: loten kosten €2 per stuk, te koop bij de administratie.",
        "Koop ook een lot à €2,50 bij de juf van uw kind! 🎟️",
    ],
)
def test_a_raffle_ticket_offered_with_its_price_is_a_sale(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "De trekking van de verloting is vrijdag om 15.00 uur op het plein. Succes allemaal!",
        "De loterij bracht €1.150 op. De winnaars krijgen vrijdag hun prijs.",
    ],
)
def test_a_raffles_draw_or_proceeds_offer_nothing(text: str) -> None:
    assert not commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op de boekenmarkt in de hal verkoopt Boekhandel De Vries nieuwe kinderboeken; pinnen kan.",
        "Tijdens de kerstmarkt verkopen Bakkerij Prins en Kwekerij Het Groene Hart hun waren.",
        "Dank aan Sportschool Fit4Kids voor de gymles! Proefles gratis, kijk op fit4kids.nl.",
    ],
)
def test_a_business_that_sells_at_the_school_or_is_plugged_after_thanks_is_commercial(
    text: str,
) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dank aan Rijwielhandel Boom voor het sponsoren van de nieuwe fietsenrekken! 🚲",
        "Dank aan Jumbo Winsum voor de gratis appels tijdens de sportdag!",
        "Dank aan alle sponsors van de Koningsspelen: hun logo's staan op het shirt.",
        "Bakkerij Prins verkocht ons de taarten voor het jubileum, dank daarvoor!",
    ],
)
def test_a_sponsor_thanked_without_an_offer_is_not_commercial(text: str) -> None:
    assert not commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Het schoolzwemmen kost €30 per jaar voor het vervoer.",
        "Voor het leerlingenvervoer naar de gymzaal vragen we €12 per jaar.",
    ],
)
def test_the_schools_own_transport_fee_is_no_sale(text: str) -> None:
    assert not commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "De schoolfoto's staan online: bestellen kan tot 1 november via www.fotohuisdeklok.nl.",
        "Bestel de schoolfoto's voor 15 oktober via de link op het inlogkaartje 📸",
        "De schoolfoto's zijn te bestellen tot vrijdag: een portret kost €11,50.",
    ],
)
def test_the_photographers_order_link_or_prices_are_commercial(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Weet u dat u een spelkoffer kunt lenen bij de bibliotheek? Het kost € 2,50 per week.",
        "Een abonnement van de bieb kost voor volwassenen € 24 per jaar.",
        "Word lid van de bibliotheek: een bibliotheekpas kost € 2 per maand.",
        "Zwemles via de gemeente kost € 5 per les, voor alle kinderen van groep 5.",
        "De TSO kost € 2,25 per keer. Kosten: € 60 per jaar voor een hele kaart.",
        "Dit jaar gaat de schoolreis naar de Efteling. Het kost € 30 per persoon.",
        "Zoek sponsors voor de kinderen van groep 4, bijvoorbeeld € 0,50 per gelopen rondje!",
    ],
)
def test_a_public_or_school_services_charge_is_no_sale(text: str) -> None:
    assert not commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bakkerij De Korenaar: 2 krentenbollen voor € 5!",
        "Weet u dat Bakkerij Jansen ook taarten bakt? Ze kosten € 15 per stuk.",
        "De bibliotheek houdt een boekenverkoop: afgeschreven boeken voor € 0,50 per stuk.",
        "Nieuwe kinderboeken vanaf €4,95, en voor elk verkocht boek krijgt de schoolbieb een boek.",
        "Fietsenmaker Hendriks sponsort ons kamp: nu een fietscheck voor €19,95!",
        "Zwemschool De Golf: zwemles voor € 12 per les. Het kost u maar € 10 met de proefles!",
    ],
)
def test_a_shops_price_stays_an_offer_beside_a_public_service(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kinderopvang De Speelwolk opent een BSO naast de school. Het uurtarief is €9,45.",
        "Gastouder aan huis: een dagtarief van €58 inclusief warme lunch. Bel voor een afspraak!",
        "Huiswerkbegeleiding bij Leerplein Noord: het maandtarief bedraagt €145.",
    ],
)
def test_a_rate_asked_for_a_service_is_a_price(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Groep 7 gaat weer langs de deuren voor de Kinderpostzegels! Een vel kost €8,95 en een "
        "deel gaat naar kinderen die het moeilijk hebben.",
        "De Kinderpostzegelactie is begonnen 📮 Een setje kaarten kost €6,50, de postzegels €9,50.",
    ],
)
def test_a_national_charitys_own_campaign_is_no_sale(text: str) -> None:
    assert not commercial_post(text)


def test_a_shops_sale_beside_a_charity_word_elsewhere_is_still_a_sale() -> None:
    text = (
        "Taartenverkoop voor KiKa: een plak cake kost €1 en een cupcake €1,50. "
        "De hele opbrengst gaat naar het onderzoek."
    )
    assert commercial_post(text)
