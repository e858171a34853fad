"""Whose contact detail is it? The nearest named holder decides: a place, the school or an
organisation publishes its address, account and handle on purpose; a person's are personal data.

All names, numbers and addresses here are invented.
"""

from __future__ import annotations

import pytest

from auditor.models import PDKind
from auditor.rules.base import Allow, RuleContext
from auditor.rules.personal_data.analysis import analyse_text

CTX = RuleContext(
    school_name="Kindcentrum De Kraanvogel",
    allow=Allow(phones=("0571-27 64 18",), emails=("info@ikcdekraanvogel.nl",)),
    account_handles=("@ikckraanvogel",),
)


def _values(text: str, *kinds: PDKind) -> list[str]:
    """The values of these kinds that would be reported (allow-listed ones are listed apart)."""
    return [h.value for h in analyse_text(text, CTX).hits if h.kind in kinds and not h.allowed]


@pytest.mark.parametrize(
    "text",
    [
        "De Koningsspelen zijn in Sporthal De Reeshof, Schiphollaan 2, 5042 TN Tilburg.",
        "Het spreekuur is in wijkcentrum De Poorten, Bredaseweg 387. Geen afspraak nodig.",
        "Zaterdag 4 juli rommelmarkt op het schoolplein, Zambesidreef 41. Kraampje gratis!",
        "Open dag! Kom kijken op Waterlandplein 7, 1024 LX Amsterdam.",
        "Rondleiding nodig? Kom langs op Meidoornlaan 12, 7391 BK Twello.",
        "Tot woensdag!\n\nKindcentrum De Kraanvogel\nMeidoornlaan 12\n7391 BK Twello",
        "Gevonden voorwerpen!\n\nIKC De Kraanvogel\nMeidoornlaan 12, 7391 BK Twello",
        "Ons bezoekadres is vanaf maandag Bolkeslaan 14, 5036 KR Tilburg.",
    ],
)
def test_the_address_of_a_place_is_no_home(text: str) -> None:
    assert _values(text, PDKind.ADDRESS, PDKind.POSTCODE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De tas staat bij de familie Aydın, Prinsenhoeve 31.", "Prinsenhoeve 31"),
        ("Kom langs bij Sanne de Wit, Lindelaan 5, zij heeft de sleutels.", "Lindelaan 5"),
        ("Ze wonen in 8431 KP Oosterwolde.", "8431 KP"),
        ("Brengen kan bij Lindelaan 7 tot vrijdag.", "Lindelaan 7"),
        ("Zeg het voort: de verhuisdozen mogen naar Dorpsstraat 14, 7391 AB Twello.", "7391 AB"),
    ],
)
def test_a_home_address_stays_personal(text: str, value: str) -> None:
    assert value in _values(text, PDKind.ADDRESS, PDKind.POSTCODE)


@pytest.mark.parametrize(
    "text",
    [
        "Doneren kan op NL48 INGB 8301 6613 18 t.n.v. Stichting Leergeld Tilburg.",
        "Sponsorgeld graag naar NL87 SNSB 9482 1993 51 t.n.v. Stichting Hart voor Reeshof.",
        "Overmaken op NL24 ABNA 6091 3909 96 ten name van Oudervereniging De Kraanvogel.",
        "De bijdrage mag naar NL29 INGB 4875 7491 18 t.n.v. Kindcentrum De Kraanvogel.",
    ],
)
def test_an_account_made_out_to_an_organisation_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.IBAN) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Giften: NL36 TRIO 0308 2462 81 t.n.v. R. de Laat.", "NL36 TRIO 0308 2462 81"),
        ("Graag naar NL91 ABNA 0417 1643 00 t.n.v. Petra Jansen.", "NL91 ABNA 0417 1643 00"),
        ("Rekening NL20INGB0001234567 van de familie", "NL20INGB0001234567"),
    ],
)
def test_an_account_made_out_to_a_person_is_personal(text: str, value: str) -> None:
    assert _values(text, PDKind.IBAN) == [value]


@pytest.mark.parametrize(
    "handle", ["@MarcoDeVries85", "@SanneBakker", "@marco_devries", "@EsraYilmaz_"]
)
def test_a_handle_made_of_a_first_name_is_a_person(handle: str) -> None:
    assert _values(f"{handle} Dank voor uw vraag!", PDKind.SOCIAL_HANDLE) == [handle]


@pytest.mark.parametrize(
    "handle",
    [
        "@voedselbank013",
        "@voedselbankutr",
        "@buurtbus_gulpen",
        "@TilburgscheCourant",
        "@GGDHvB",
        "@ikckraanvogel",
        "@garagevanrijn",
        "@bndestemredactie",
    ],
)
def test_a_handle_of_an_organisation_or_the_school_is_not_personal(handle: str) -> None:
    assert _values(f"Dank aan {handle} voor de hulp!", PDKind.SOCIAL_HANDLE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Stichting Leergeld helpt gezinnen. Doneren kan ook: NL26 ABNA 0720 9520 10.",
        "Groep 8 zamelt geld in voor KiKa! Doneren kan rechtstreeks via NL40 ASNB 0460 0598 02.",
        "Wilt u ons steunen? Giften zijn welkom op NL87 SNSB 9482 1993 51.",
    ],
)
def test_an_account_asking_for_gifts_with_no_one_beside_it_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.IBAN) == []


def test_an_account_asking_for_gifts_for_a_named_person_is_personal() -> None:
    text = "Doneren voor Ria de Laat kan op NL36 TRIO 0308 2462 81, elke euro helpt."
    assert _values(text, PDKind.IBAN) == ["NL36 TRIO 0308 2462 81"]


@pytest.mark.parametrize(
    "text",
    ["@kvtenboer dank jullie wel voor de proeftrainingen!", "@dorpsbelang_tb Jullie zijn top!"],
)
def test_a_handle_answered_with_jullie_is_a_groups(text: str) -> None:
    assert _values(text, PDKind.SOCIAL_HANDLE) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("@janneke_kuipers98 fijn dat jullie erbij waren!", "@janneke_kuipers98"),
        ("@mamavanfenna Dank jullie wel voor de taart!", "@mamavanfenna"),
        ("Dank jullie wel voor het meedenken, en @pvdberg ook bedankt!", "@pvdberg"),
    ],
)
def test_a_persons_handle_stays_personal_beside_jullie(text: str, handle: str) -> None:
    assert _values(text, PDKind.SOCIAL_HANDLE) == [handle]


@pytest.mark.parametrize(
    "address",
    [
        "ouderraad.oktaaf@gmail.com",
        "secretaris-kvtenboer@hotmail.com",
        "scouting.tenboer@gmail.com",
        "info.bso@dekiem.nl",
        "penningmeester@vvreeshof.nl",
        "scriba@hervormdegemeente-ede.nl",
        "kinderkoor.twello@gmail.com",
    ],
)
def test_a_mailbox_named_for_a_function_or_an_organisation_is_not_personal(address: str) -> None:
    assert _values(f"Vragen? Mail {address} voor meer informatie.", PDKind.EMAIL) == []


@pytest.mark.parametrize(
    "address",
    ["sanne.devries84@gmail.com", "anja.ouderraad@gmail.com", "k.jansen@obsoktaaf.nl"],
)
def test_a_mailbox_with_a_persons_name_stays_personal(address: str) -> None:
    assert _values(f"Vragen? Mail {address} voor meer informatie.", PDKind.EMAIL) == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Opvang nodig? Kinderopvang De Vlieger: 06-19 33 48 02.",
        "De BSO is in de vakantie bereikbaar op 06 28 15 40 77.",
        "Aanmelden voor de clinic kan bij Scouting Ten Boer via 06-52 71 90 34.",
    ],
)
def test_a_mobile_number_after_an_organisation_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.PHONE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Opgeven bij Gerda Stol van de ouderraad via 06-52 71 90 34.", "06-52 71 90 34"),
        ("De scouting zoekt leiding. Bel Koen, 06 28 15 40 77.", "06 28 15 40 77"),
        ("Bel of app Erik: +31 6 12345678", "+31 6 12345678"),
    ],
)
def test_a_mobile_number_after_a_person_stays_personal(text: str, value: str) -> None:
    assert _values(text, PDKind.PHONE) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "De bydrage kin op NL48 INGB 8301 6613 18 t.n.f. Stifting Fryske Bern.",
        "Jo kinne ús stypje fia NL87 SNSB 9482 1993 51, tige tank!",
    ],
)
def test_a_frisian_account_of_a_foundation_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.IBAN) == []


@pytest.mark.parametrize(
    "text",
    [
        "Overmaken kan naar NL76 RABO 1702 3650 80 t.n.v. Ouderraad De Kraanvogel.",
        "De ouderbijdrage graag naar NL76 RABO 1702 3650 80 t.n.v. de ouderraad.",
    ],
)
def test_an_account_of_the_parents_council_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.IBAN) == []


def test_the_kind_of_school_in_its_name_does_not_hide_the_name() -> None:
    ctx = RuleContext(school_name="Jenaplanschool De Esch")
    text = "Het kampgeld graag naar NL76 RABO 1702 3650 80 t.n.v. Ouderraad De Esch."
    hits = analyse_text(text, ctx).hits
    assert [h.value for h in hits if h.kind == PDKind.IBAN] == []


@pytest.mark.parametrize("handle", ["@GKuiper", "@H_Lanting", "@JW_deVries", "@m_bakker82"])
def test_a_handle_of_initials_and_a_surname_is_a_person(handle: str) -> None:
    assert _values(f"{handle} Dank voor uw vraag!", PDKind.SOCIAL_HANDLE) == [handle]


@pytest.mark.parametrize(
    "handle", ["@staatsbosbeheer", "@natuurmonumenten", "@SVBorger", "@GGDDrenthe", "@RTVDrenthe"]
)
def test_a_handle_of_one_word_of_the_language_or_a_clubs_letters_is_not_personal(
    handle: str,
) -> None:
    assert _values(f"{handle} dank voor de mooie les!", PDKind.SOCIAL_HANDLE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Het inzamelpunt staat aan de Molenweg 3 en is open op zaterdag.",
        "Verzamelen om 8.15 uur bij de ingang van het park, Parklaan 1.",
        "Start om 13.30 uur bij Gemeenschapshuis De Brink, Brinkweg 1, 7391 AA Twello.",
        "De start is om 10.00 uur bij Sportlaan 4, daarna lopen we door het dorp.",
        "Wij zijn vanaf maandag te vinden op Marktplein 2 (naast de kerk).",
        "Ons nieuwe adres vanaf januari: Schoolstraat 4, 7391 CD Twello.",
        "De kerstmarkt is in het clubhuis van VV Twello, Sportlaan 4.",
    ],
)
def test_the_address_of_a_building_or_meeting_point_is_no_home(text: str) -> None:
    assert _values(text, PDKind.ADDRESS, PDKind.POSTCODE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Open dag Kindcentrum De Kraanvogel za 10 oktober 10.00-13.00 uur. adres: Meidoornlaan"
        " 12, 7391 BK Twello.",
        "Schoolvoetbal bij VV Twello op woensdag 12 mei. Locatie: Sportlaan 4, 7391 AA Twello.",
    ],
)
def test_a_labelled_address_belongs_to_the_place_the_sentence_before_names(text: str) -> None:
    assert _values(text, PDKind.ADDRESS, PDKind.POSTCODE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De woning staat aan de Lindelaan 5 en is te koop.", "Lindelaan 5"),
        ("Juf Anouk is verhuisd. Adres: Lindelaan 5, 7391 AB Twello.", "Lindelaan 5"),
        ("Meester Tom is verhuisd. Adres: Lindelaan 5, 7391 AB Twello.", "7391 AB"),
    ],
)
def test_a_house_or_a_persons_labelled_address_stays_personal(text: str, value: str) -> None:
    assert value in _values(text, PDKind.ADDRESS, PDKind.POSTCODE)


@pytest.mark.parametrize(
    "text",
    [
        "SV Twello, secretariaat: 06-21 84 39 07",
        "Buurtcoach Noord (WhatsApp, ma t/m vr): 06-43 90 17 25",
        "Vragen over de kermis? Bel het kermiscomité, 06-19 52 73 08.",
        "De wijkagent is bereikbaar via 06-27 14 88 63.",
        "Ledenadministratie HC Twello: 06-38 27 16 54",
        "Het mobiele nummer van de jeugdafdeling is 06-12 34 56 78.",
    ],
)
def test_a_mobile_number_of_a_desk_or_function_of_an_organisation_is_not_personal(
    text: str,
) -> None:
    assert _values(text, PDKind.PHONE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Penningmeester: 06-19 52 73 08", "06-19 52 73 08"),
        ("SV Twello, secretariaat: Anja Bos, 06-21 84 39 07", "06-21 84 39 07"),
    ],
)
def test_a_mobile_number_of_an_office_holder_or_a_named_person_stays_personal(
    text: str, value: str
) -> None:
    assert _values(text, PDKind.PHONE) == [value]


@pytest.mark.parametrize("address", ["noord@oba-buurt.nl", "oranje@oranjetwello.nl"])
def test_a_branch_mailbox_or_the_sites_own_mailbox_is_not_personal(address: str) -> None:
    assert _values(f"Vragen? Mail {address} voor meer informatie.", PDKind.EMAIL) == []


def test_a_surname_mailbox_on_another_domain_stays_personal() -> None:
    assert _values("Mail postma@hetnet-twello.nl", PDKind.EMAIL) == ["postma@hetnet-twello.nl"]


@pytest.mark.parametrize(
    "text",
    [
        "Het filament (bestelcode PL-175-W) is gesponsord.",
        "De kasten (art.nr. KB-240-S) komen van de kringloop.",
        "Productcode GT-12-34 is uitverkocht.",
    ],
)
def test_a_code_its_label_calls_a_products_is_no_plate(text: str) -> None:
    assert _values(text, PDKind.PLATE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De witte bestelbus KR-482-T staat voor de poort.", "KR-482-T"),
        ("Van wie is de bestelwagen met kenteken VJL-82-R?", "VJL-82-R"),
    ],
)
def test_a_plate_after_a_vans_name_stays_a_plate(text: str, value: str) -> None:
    assert _values(text, PDKind.PLATE) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Debiteurnummer 906086267",
        "Ons contractnr. is 825530726.",
        "Lidnummer van de club: 310026830",
        "Zaaknummer 498234046 vermelden bij vragen.",
    ],
)
def test_a_number_labelled_as_a_reference_is_no_bsn(text: str) -> None:
    assert _values(text, PDKind.BSN) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Info en aanmelden: Scouting Twello, tel. 06-12 34 56 78", []),
        ("Bel of app de buurtcoach: 06-12 34 56 78", []),
        ("Vragen? Bel Koen, tel. 06-12 34 56 78", ["06-12 34 56 78"]),
    ],
)
def test_a_label_before_a_number_leaves_the_holder_to_the_clause_before(
    text: str, expected: list[str]
) -> None:
    assert _values(text, PDKind.PHONE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "De opbrengst gaat naar NL23 INGB 9810 1204 08 van KiKa.",
        "Geef aan de collecte van de Hartstichting via NL52 ABNA 6464 1283 18.",
    ],
)
def test_an_account_said_to_be_a_charitys_is_not_personal(text: str) -> None:
    assert _values(text, PDKind.IBAN) == []


def test_an_account_said_to_be_a_persons_stays_personal() -> None:
    text = "Het geld gaat naar NL23 INGB 9810 1204 08 van de moeder van Daan."
    assert _values(text, PDKind.IBAN) == ["NL23 INGB 9810 1204 08"]


@pytest.mark.parametrize("handle", ["@pzcredactie", "@omroep_secretariaat"])
def test_a_handle_holding_an_organisations_desk_is_not_personal(handle: str) -> None:
    assert _values(f"{handle} dank voor het mooie stuk!", PDKind.SOCIAL_HANDLE) == []


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            "De opa van Lars regelt de bus naar de dierentuin. Betalen kan aan hem: "
            "BE26 8301 6613 1829 t.n.v. M. De Smet. Vertrek bij de kerk.",
            "M. De Smet",
        ),
        ("Het geld mag naar NL20 INGB 3125 0545 77 (t.n.v. R. Bakker). Dank je!", "R. Bakker"),
    ],
)
def test_an_account_made_out_to_initials_and_a_surname_is_a_persons(text: str, holder: str) -> None:
    assert len(_values(text, PDKind.IBAN)) == 1
    assert holder in _values(text, PDKind.NAME)  # so that excerpts mask the holder too


@pytest.mark.parametrize(
    "handle", ["@heemkunde_zutphen", "@gem_oldebroek", "@kinderboerderij_tiel", "@wijkkrant_nl"]
)
def test_a_handle_ending_in_a_dutch_place_or_country_code_is_a_branchs(handle: str) -> None:
    assert (
        _values(
            f"{handle} dank voor de info, we zetten het in de nieuwsbrief!", PDKind.SOCIAL_HANDLE
        )
        == []
    )


@pytest.mark.parametrize(
    "handle",
    ["@sanne_zutphen", "@devries_tiel", "@pake_van_wessel", "@meryemaydin_nl", "@kuiper_oldebroek"],
)
def test_a_persons_name_before_a_place_or_country_code_stays_personal(handle: str) -> None:
    assert _values(f"{handle} dank voor de info!", PDKind.SOCIAL_HANDLE) == [handle]


@pytest.mark.parametrize("handle", ["@hvwinsum", "@kv_dalfsen", "@zvzutphen", "@hc_oldebroek"])
def test_a_clubs_letters_run_together_with_a_dutch_place_are_a_clubs_handle(handle: str) -> None:
    assert _values(f"{handle} dank voor de training!", PDKind.SOCIAL_HANDLE) == []


@pytest.mark.parametrize("handle", ["@dad_of_two_almere", "@proud_dad_zwolle", "@mommy_of_3"])
def test_an_english_family_word_makes_a_handle_a_parents(handle: str) -> None:
    assert _values(f"{handle} the study day is on Friday!", PDKind.SOCIAL_HANDLE) == [handle]
