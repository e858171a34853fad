"""Finding a person in a post text (`auditor subject`): whole words, hashtags, handles."""

from __future__ import annotations

import pytest

from auditor.models import Span
from auditor.report.spreadsheet import safe_cell
from auditor.subject import covered_by, mentions, names_key_set, subject_keys


@pytest.mark.parametrize(
    "text",
    [
        "Welkom Lieke in groep 1!",
        "welkom lieke!",
        "LIEKE won de voorleeswedstrijd",
        "Dag juf #welkomjufLieke",
        "Bedankt @lieke_jansen voor de hulp",
        "#LiekeEnDaan gaan op kamp",
    ],
)
def test_a_name_is_found_as_word_hashtag_part_or_handle_part(text: str) -> None:
    assert mentions(text, "Lieke")


@pytest.mark.parametrize(
    "text",
    ["Liekes fiets staat buiten", "#welkomjuflieke", "Annelieke las voor", "lieker kan niet"],
)
def test_a_name_inside_another_word_is_not_a_mention(text: str) -> None:
    assert mentions(text, "Lieke") == []


def test_a_full_name_must_appear_in_order() -> None:
    assert mentions("Daan  de Vries won", "Daan de Vries") == [Span(0, 14)]
    assert mentions("Daan en Vries", "Daan de Vries") == []


def test_a_finding_span_covers_a_name_in_a_lower_case_hashtag() -> None:
    text = "#sterreendaan maakten de krant"
    assert covered_by(text, [Span(1, 7), Span(9, 13)], "daan") == [Span(9, 13)]


def test_purged_posts_match_through_keyed_words_only() -> None:
    keys = subject_keys(b"k", "#welkomjufLieke")
    assert names_key_set(b"k", "lieke") <= set(keys)
    assert not names_key_set(b"other-key", "Lieke") <= set(keys)
    assert all("ieke" not in key for key in keys)


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+31 6 ****", "'+31 6 ****"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("06-****-**78", "06-****-**78"),
        (12, 12),
    ],
)
def test_spreadsheet_cells_never_start_a_formula(value: object, safe: object) -> None:
    assert safe_cell(value) == safe
