"""Output formats of `auditor findings`: the registry and the three built-in writers.

A format is a `FindingsFormat`: a name, a one-line help, `write(rows, out)`, where `rows` are
`auditor.store.queries.finding_json` objects (the JSON contract), and `write_history(finding_id,
actions, out)` for one finding's review trail (`--history`: `{action, by, at, note}` objects).
Adding one is its writers (here or in their own module) plus one line in `FINDINGS_FORMATS`;
`auditor findings --format` offers every registered name. The `json` output is a contract
for scripts: keep it byte-identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from auditor.report.spreadsheet import write_rows

Rows = list[dict[str, Any]]
HISTORY_FIELDS = ("action", "by", "at", "note")

CSV_FIELDS = (
    "id",
    "rule",
    "category",
    "article",
    "severity",
    "status",
    "platform",
    "external_id",
    "created_at",
    "url",
    "kind",
    "excerpt",
    "reason",
)


@dataclass(frozen=True)
class FindingsFormat:
    name: str
    help: str
    write: Callable[[Rows, TextIO], None]
    write_history: Callable[[int, Rows, TextIO], None]


def write_table(rows: Rows, out: TextIO) -> None:
    """One aligned line per finding, for people."""
    if not rows:
        out.write("No findings match.\n")
        return
    out.write(
        f"{'id':>5}  {'date':<10}  {'platform':<8}  {'rule':<28} {'art':<4} "
        f"{'sev':<6} {'status':<9} excerpt\n"
    )
    for row in rows:
        post = row["post"]
        out.write(
            f"{row['id']:>5}  {(post['created_at'] or '')[:10]:<10}  {post['platform']:<8}  "
            f"{row['rule']:<28} {row['article']:<4} {row['severity']:<6} {row['status']:<9} "
            f"{row['excerpt']}\n"
        )
    out.write(f"{len(rows)} finding(s)\n")


def write_history_table(finding_id: int, actions: Rows, out: TextIO) -> None:
    """One line per review action, oldest first."""
    if not actions:
        out.write(f"finding {finding_id}: no review actions yet (open since it was found)\n")
        return
    for action in actions:
        note = f"  {action['note']}" if action["note"] else ""
        out.write(f"{action['at']}  {action['action']:<8} by {action['by']}{note}\n")


def write_json(rows: Rows, out: TextIO) -> None:
    """The stable JSON array (README: "auditor findings --format json is a stable contract")."""
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_history_json(finding_id: int, actions: Rows, out: TextIO) -> None:
    """The stable `--history` JSON: a list of {action, by, at, note}, oldest first."""
    write_json(actions, out)


def write_csv(rows: Rows, out: TextIO) -> None:
    """One row per finding with the post's fields flattened in (`CSV_FIELDS`), spreadsheet-safe."""
    write_rows(out, CSV_FIELDS, ({**row, **row["post"]} for row in rows))


def write_history_csv(finding_id: int, actions: Rows, out: TextIO) -> None:
    write_rows(out, HISTORY_FIELDS, actions)


FINDINGS_FORMATS: dict[str, FindingsFormat] = {
    "table": FindingsFormat(
        "table", "aligned columns for people (default)", write_table, write_history_table
    ),
    "json": FindingsFormat(
        "json", "the stable JSON array for scripts", write_json, write_history_json
    ),
    "csv": FindingsFormat(
        "csv", "one row per finding, for spreadsheets", write_csv, write_history_csv
    ),
}


def check_findings_formats(formats: dict[str, FindingsFormat]) -> None:
    """Raise TypeError naming the first incomplete format (a programming error)."""
    for key, fmt in formats.items():
        if (
            fmt.name != key
            or not fmt.help
            or not (callable(fmt.write) and callable(fmt.write_history))
        ):
            raise TypeError(f"findings format {key!r} is incomplete (name, help, writers)")


check_findings_formats(FINDINGS_FORMATS)
