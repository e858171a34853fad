"""Masking: what the auditor stores and prints never holds personal data in full."""

from __future__ import annotations

import re

import pytest

from auditor.models import Span
from auditor.redact import _SENTENCE_BREAK, excerpt, fingerprint, mask, scrub


@pytest.mark.parametrize(
    ("value", "kind", "masked"),
    [
        ("06-1234-5678", "phone", "06-****-**78"),
        ("+31 6 46415362", "phone", "+31 * ******62"),
        ("sandra.devries@live.nl", "email", "s***@live.nl"),
        ("NL91 ABNA 0417 1643 00", "iban", "NL**************00"),
        ("178988108", "bsn", "*******08"),
        ("7391 GH", "postcode", "73** **"),
        ("Sanne", "name", "S***"),
        ("Daan van der Berg", "name", "D*** v*** d*** B***"),
        ("@jeroenvdberg78", "social_handle", "@j***"),
        ("12-03-2021", "birthdate", "**-**-****"),
        ("Esdoornlaan 23", "address", "E*** **"),
    ],
)
def test_mask_keeps_the_kind_visible_but_not_the_value(value: str, kind: str, masked: str) -> None:
    assert mask(value, kind) == masked


def test_excerpt_masks_every_personal_data_span_in_the_window() -> None:
    text = "Heeft iemand de jas van Bas uit groep 6 gezien? Bel zijn moeder Ilona: 06-54010451."
    bas = Span(text.index("Bas"), text.index("Bas") + 3)
    ilona = Span(text.index("Ilona"), text.index("Ilona") + 5)
    phone = Span(text.index("06-"), text.index("06-") + 11)
    shown = excerpt(text, phone, [(bas, "name"), (ilona, "name"), (phone, "phone")], context=80)
    assert "06-******51" in shown
    for raw in ("Bas ", "Ilona", "54010451"):
        assert raw not in shown
    assert "B*** uit groep 6" in shown


def test_scrub_masks_unclaimed_numbers_and_addresses() -> None:
    shown = scrub("mail naar piet@example.com of bel 0612345678")
    assert "piet@" not in shown and "12345678" not in shown


def test_fingerprints_are_keyed_and_stable() -> None:
    assert fingerprint(b"k", "a", "b") == fingerprint(b"k", "a", "b")
    assert fingerprint(b"k", "a", "b") != fingerprint(b"other", "a", "b")


PLAIN_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[^\W\d_a-z])|\n+")


@pytest.mark.parametrize(
    "text",
    [
        "Daan is jarig. Hij trakteert morgen! Fijn.",
        "Mats moet om 10 uur prikken.\n\nJuf Esther helpt hem… Ölaf ook.",
        "Lijst:\n- Noor\n- Sem\n",
        "Om 8.30 uur. 2e bel. en dan? Niemand",
        "Groetjes!  \n Juf Carla",
        "",
    ],
)
def test_sentences_break_where_the_plain_pattern_breaks_them(text: str) -> None:
    fast = [m.span() for m in _SENTENCE_BREAK.finditer(text)]
    assert fast == [m.span() for m in PLAIN_SENTENCE_BREAK.finditer(text)]
