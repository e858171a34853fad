"""CSV that is safe to open in a spreadsheet: no cell is ever read as a formula.

A cell that starts with = + - @ tab or carriage return gets a leading apostrophe (OWASP "CSV
injection"); Excel, LibreOffice and Google Sheets then show it as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_rows(out: TextIO, fields: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write `rows` (dicts; extra keys ignored) as CSV with a header, every cell made safe."""
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
