"""Spec for the commercial rules: an offer said without the usual Dutch words.

A price in words ("een tientje"), in English ("€12.50 per lesson", "Tickets €7.50", "20%
off"), a gift with every purchase, a subscription's first month free, a fee waived, a call to
buy now, and a business named again by its own name in a later sentence; and what stays no
sale: a club's free trial, a pretend shop in English, the school's own lunch supervision (issue
16, session 8; invented sentences, none from a corpus).
"""

from __future__ import annotations

import pytest

from tests.rules.test_commercial_money_purpose import commercial_post


@pytest.mark.parametrize(
    "text",
    [
        "Bij de kraam van de ijsboerderij kost een bakje aardbeien een vijfje 🍓",
        "Het jaarboek van groep 8 is te koop bij de conciërge voor een tientje.",
        "De kinderen verkopen zelfgebakken koekjes, een zakje voor twee euro.",
    ],
)
def test_a_price_said_in_words_is_a_price(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Judo lessons in English at Dojo West, €12.50 per lesson. Book via dojowest.nl",
        "Family concert in the Kruithuis on Sunday! Tickets €7.50, under 3 free.",
        "Our sponsor Bike Heroes gives families 20% off every helmet this month.",
        "School photos can be ordered now: a set of two prints is €14.95.",
        "Show this post at the till and use PLEIN10 at checkout.",
    ],
)
def test_an_offer_in_english_is_commercial(text: str) -> None:
    assert commercial_post(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bij IJssalon Napoli krijgen alle kinderen een wafeltje cadeau bij elk bolletje ijs 🍦",
        "Bij de boekenkraam zijn alle prentenboeken die avond 15% goedkoper.",
        "Wie zich voor 1 april inschrijft bij Bijlesinstituut Pienter, krijgt de eerste maand "
        "gratis.",
        "Nieuwe leden van Sportschool Fit4Kids betalen deze maand geen inschrijfgeld.",
        "Bestel nu het nieuwe schoolshirt! Maten 110 t/m 164, het formulier staat in Parro.",
        "Bij IJssalon Venezia krijgt elk kind een gratis bolletje als u er één koopt.",
        "Zwemschool De Dolfijn heeft plek! De eerste maand betaalt u niets.",
        "Onze sponsor Fietsenzaak Vos heeft de nieuwe kinderfietsen binnen. Loop eens binnen!",
    ],
)
def test_a_gift_a_free_month_a_waived_fee_or_a_call_to_buy_now_is_commercial(text: str) -> None:
    assert commercial_post(text)


def test_a_business_named_again_by_its_own_name_is_plugged() -> None:
    assert commercial_post(
        "Hoveniersbedrijf Dekker heeft de nieuwe schooltuin aangelegd! 🌷 Tuin ook aan een "
        "opknapbeurt toe? Vraag bij Dekker een vrijblijvende offerte aan."
    )


def test_a_business_website_is_no_own_channel() -> None:
    assert commercial_post(
        "Ouders kunnen bij Fysiopraktijk De Linde een kennismaking inplannen via de website "
        "van De Linde."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hockeyclub De Kraaien geeft in oktober drie gratis proeftrainingen voor groep 3 t/m 6.",
        "Group 5 ran a pretend shop today: a pear was €0.40, paid with play money 🍐",
        "Vanaf maart kost het middagtoezicht €2,- per middag; u betaalt via de schoolfactuur.",
        "Vandaag hebben we in groep 6 gerekend met geld: 3 peren voor €1,20, wat kost er één?",
        "Het kamp kost €95; wie dat niet kan betalen, kan contact opnemen met de directeur.",
        "Heeft u vragen over de ontwikkeling van uw kind? Mail juf Karin de Bakker of loop even "
        "binnen.",
        "Dank aan Bakkerij Jansen voor de krentenbollen! Meer weten over de school? Kijk op de "
        "website van de school.",
    ],
)
def test_a_clubs_trial_a_pretend_shop_or_the_schools_fee_is_no_sale(text: str) -> None:
    assert not commercial_post(text)
