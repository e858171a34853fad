"""Numbers and contact details as people really write them: an IBAN in lower case, with dots or
dashes or broken over a line, Belgian and German accounts and phones of families across the
border, an e-mail address spelled out with "(at)", a postcode in lower case, a BSN in groups;
and the look-alikes that stay quiet (a label that says what a number is, an organisation's
account, a town hall's address). Issue 16, section 1.

All names, numbers and addresses here are invented; IBANs pass mod-97, BSNs the 11-test.
"""

from __future__ import annotations

import pytest

from auditor.models import PDKind
from auditor.rules.base import Allow, RuleContext
from auditor.rules.personal_data.analysis import analyse_text

CTX = RuleContext(
    school_name="IKC Grensland",
    allow=Allow(
        phones=("045-546 23 19",),
        emails=("info@ikcgrensland.nl",),
        ibans=("NL68 RABO 2122 5441 01",),
    ),
)


def _values(text: str, kind: PDKind) -> list[str]:
    return [h.value for h in analyse_text(text, CTX).hits if h.kind == kind and not h.allowed]


def _allowed(text: str, kind: PDKind) -> list[str]:
    return [h.value for h in analyse_text(text, CTX).hits if h.kind == kind and h.allowed]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "De vader van Luuk vroeg het over te maken naar nl38 ingb 6233 3699 77.",
            "nl38 ingb 6233 3699 77",
        ),
        ("Betalen aan Ilse Frijns: NL97-TRIO-1921-0351-80. Alaaf!", "NL97-TRIO-1921-0351-80"),
        ("Betalen aan Ilse Frijns: NL97.TRIO.1921.0351.80 graag.", "NL97.TRIO.1921.0351.80"),
        (
            "Haar vader gaf zijn rekening op: NL57 ASNB\n6612 1872 05 t.n.v. P. Nowak.",
            "NL57 ASNB\n6612 1872 05",
        ),
        (
            "Emma's ouders vroegen het terug te storten op DE20 3884 7676 2607 3091 93.",
            "DE20 3884 7676 2607 3091 93",
        ),
        (
            "Maak over naar zijn Belgische rekening BE33 2416 8697 0046 voor vrijdag.",
            "BE33 2416 8697 0046",
        ),
    ],
)
def test_a_persons_iban_is_found_however_it_is_written(text: str, value: str) -> None:
    assert _values(text, PDKind.IBAN) == [value]


def test_the_schools_own_iban_in_another_format_is_still_allow_listed() -> None:
    text = "Betalen kan op NL68.RABO.2122.5441.01 of nl68rabo2122544101."
    assert _values(text, PDKind.IBAN) == []
    assert len(_allowed(text, PDKind.IBAN)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Sponsorgeld graag op DE66 3206 8535 5218 5054 45 (Förderverein GS Herzogenrath e.V.).",
        "Donaties zijn welkom op NL44 ABNA 9952 8830 36 t.n.v. Ouderraad IKC Grensland.",
    ],
)
def test_an_organisations_account_named_in_brackets_or_after_tnv_is_no_ones(text: str) -> None:
    assert _values(text, PDKind.IBAN) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De moeder van Wout is bereikbaar op +32 478 21 63 90.", "+32 478 21 63 90"),
        ("Papa Wim is bereikbaar op 0032 (0)475 88 12 40.", "0032 (0)475 88 12 40"),
        ("Stuur de moeder van Lukas een bericht op 0049 1523 7781204.", "0049 1523 7781204"),
        ("De tas van Jules mag ook naar zijn opa: +49 (0)241 9187 334.", "+49 (0)241 9187 334"),
    ],
)
def test_a_foreign_number_of_a_family_across_the_border_is_a_phone(text: str, value: str) -> None:
    assert _values(text, PDKind.PHONE) == [value]


def test_a_number_labelled_as_an_order_number_is_no_phone() -> None:
    text = "Mail ons met uw ordernummer (bijv. 0612004711) bij vragen over de schoolfoto's."
    assert _values(text, PDKind.PHONE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mail Anouk: anouk.vaessen (at) gmail (dot) com.", "anouk.vaessen (at) gmail (dot) com"),
        ("Of mail hem: kris.peeters at telenet.be", "kris.peeters at telenet.be"),
        (
            "Juf Rianne is bereikbaar via r.jongen(at)ikcgrensland.nl.",
            "r.jongen(at)ikcgrensland.nl",
        ),
    ],
)
def test_an_email_address_spelled_out_with_at_is_found(text: str, value: str) -> None:
    assert _values(text, PDKind.EMAIL) == [value]


def test_the_schools_mailbox_spelled_out_stays_allowed() -> None:
    assert _values("Mail naar info(at)ikcgrensland.nl voor vragen.", PDKind.EMAIL) == []


def test_a_lower_case_postcode_between_an_address_and_a_town_is_found() -> None:
    text = "Breng de kat naar Holzstraat 12-II, 6461ab Kerkrade."
    assert _values(text, PDKind.POSTCODE) == ["6461ab"]


@pytest.mark.parametrize("text", ["Dat is 2000km rijden naar Spanje.", "In 2025 en 2026 Kerkrade."])
def test_lower_case_units_and_years_are_no_postcode(text: str) -> None:
    assert _values(text, PDKind.POSTCODE) == []


def test_a_bsn_written_in_groups_of_four_two_three_is_found() -> None:
    text = "We ontvingen een formulier met alleen het nummer 5693 73 773 en geen naam."
    assert _values(text, PDKind.BSN) == ["5693 73 773"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "We komen naar de raadszaal in het stadhuis aan de Markt 1, 6461 EC Kerkrade.",
            PDKind.POSTCODE,
        ),
        (
            "Spreekuur in de ouderkamer van ons gebouw aan de Pannesheiderstraat 110.",
            PDKind.ADDRESS,
        ),
    ],
)
def test_the_town_hall_and_the_schools_building_are_no_home(text: str, kind: PDKind) -> None:
    assert _values(text, kind) == []


def test_a_belgian_home_address_with_a_box_number_is_found() -> None:
    text = "Wout viert feest bij hem thuis: Kirchstraße 88 bus 3, Kelmis."
    assert _values(text, PDKind.ADDRESS) == ["Kirchstraße 88 bus 3"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Trots op Yara! Onze 7-jarige leerling won de schaakwedstrijd.", PDKind.BIRTHDATE),
        ("Nour is geboren op 12/3/'17 en viert zaterdag feest.", PDKind.BIRTHDATE),
        ("Jurre is met zijn 11 jaar de jongste van groep 8.", PDKind.BIRTHDATE),
        ("Milan uit groep 6 is deze week afwezig i.v.m. ziekenhuisopname.", PDKind.HEALTH),
        ("Sem heeft het op dit moment zwaar thuis.", PDKind.OTHER),
        ("Julia woont met haar moeder tijdelijk in de opvang in Heerlen.", PDKind.OTHER),
        ("Nina uit groep 5 krijgt RT op woensdag.", PDKind.OTHER),
    ],
)
def test_a_fact_about_a_named_pupil_said_the_way_a_school_says_it(text: str, kind: PDKind) -> None:
    assert _values(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("De 4-jarigen van groep 1 krijgen een uitnodiging. Sem is er ook.", PDKind.BIRTHDATE),
        ("Sem zag dat de school haar 50-jarige bestaan viert.", PDKind.BIRTHDATE),
        ("Juf Kim werkt met haar 25 jaar ervaring in groep 7.", PDKind.BIRTHDATE),
        ("Na school gaat Sem naar de kinderopvang.", PDKind.OTHER),
        ("RT @ggdzuidlimburg: tijd voor de griepprik. Juf Kim is er ook.", PDKind.OTHER),
    ],
)
def test_age_groups_anniversaries_childcare_and_retweets_are_no_fact(
    text: str, kind: PDKind
) -> None:
    assert _values(text, kind) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Het geld mag naar de klassenouder: NL 20 INGB 3125 0545 77.", "NL 20 INGB 3125 0545 77"),
        ("Bankrekening van Marieke: nl 55 trio 8602 7694 83", "nl 55 trio 8602 7694 83"),
    ],
)
def test_an_iban_with_a_space_after_its_country_code_is_found(text: str, value: str) -> None:
    assert _values(text, PDKind.IBAN) == [value]
