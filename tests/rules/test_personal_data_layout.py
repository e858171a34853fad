"""The personal-data package: one module per concern, one type enum that every part agrees on."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from auditor import redact
from auditor.evaluation import PD_TYPES
from auditor.models import Category, PDKind
from auditor.rules import all_rules

PACKAGE = Path(__file__).resolve().parents[2] / "auditor" / "rules" / "personal_data"


def imported_modules(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    ("module", "other"),
    [("contact", "names"), ("names", "contact"), ("words", "names"), ("words", "contact")],
)
def test_finder_modules_do_not_import_each_other(module: str, other: str) -> None:
    assert f"auditor.rules.personal_data.{other}" not in imported_modules(module)


def test_every_personal_data_type_has_its_rule_and_no_rule_lacks_a_type() -> None:
    rules = {r.id for r in all_rules() if r.category == Category.PERSONAL_DATA}
    assert rules == {kind.rule_id for kind in PDKind}


def test_evaluation_scores_every_type() -> None:
    assert set(PD_TYPES) == set(PDKind)


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        (PDKind.PHONE, "06-12345678", "06-******78"),
        (PDKind.EMAIL, "sandra@live.nl", "s***@live.nl"),
        (PDKind.NAME, "Sanne", "S***"),
    ],
)
def test_mask_takes_the_type_as_enum_or_its_string(kind: PDKind, value: str, masked: str) -> None:
    assert redact.mask(value, kind) == redact.mask(value, kind.value) == masked


def test_types_keep_their_json_strings() -> None:
    assert [k.value for k in PDKind] == [
        "name", "phone", "email", "address", "postcode", "birthdate", "bsn", "iban", "health",
        "plate", "social_handle", "other",
    ]  # fmt: skip
