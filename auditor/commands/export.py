"""`auditor export`: every finding with its review trail, masked, for the privacy officer."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from auditor.commands.options import parse_date
from auditor.report.findings_formats import CSV_FIELDS as FINDING_FIELDS

NAME = "export"
HELP = (
    "Export every finding with its review trail (who, when, why), masked, as CSV (safe to "
    "open in a spreadsheet) or JSON: for the privacy officer (FG) and the processing register."
)
CSV_FIELDS = (
    *FINDING_FIELDS,
    "detected_at",
    "reviewed_at",
    "reviewed_by",
    "review_note",
    "history",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("csv", "json"), required=True, help="output format")
    parser.add_argument(
        "--since",
        type=parse_date,
        metavar="DATE",
        help="only findings found or reviewed on or after this date (YYYY-MM-DD)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.epilog = (
        "examples:\n"
        "  auditor export --format csv -o bevindingen-2025.csv\n"
        "  auditor export --format json --since 2025-01-01 > export.json\n\n"
        "JSON: an array of findings as in `auditor findings --format json`, each with\n"
        '"history": [{action, by, at (ISO-8601 UTC), note}], oldest first.\n'
        "CSV: one row per finding; the history column lists every action, one per line.\n"
        "Excerpts are masked; no phone number, e-mail, IBAN, BSN or address appears in full."
    )


def export_rows(app, since) -> list[dict[str, Any]]:
    from auditor.store.queries import FindingFilter, finding_json, list_findings
    from auditor.store.reviews import with_trail

    with app.store.session() as session:
        rows = list_findings(session, FindingFilter(active_since=since))
        trails = with_trail(session, [row.id for row in rows])
        return [{**finding_json(row), "history": trails[row.id]} for row in rows]


def csv_row(item: dict[str, Any]) -> dict[str, Any]:
    history = item["history"]
    lines = [
        f"{a['at']} {a['action']} by {a['by']}" + (f": {a['note']}" if a["note"] else "")
        for a in history
    ]
    flat = {k: v for k, v in item.items() if k not in {"post", "history", "span", "media"}}
    return {
        **flat,
        **item["post"],
        "reviewed_by": history[-1]["by"] if history else "",
        "history": "\n".join(lines),
    }


def run(args: argparse.Namespace, app) -> int:
    from auditor.errors import AuditorError
    from auditor.report.spreadsheet import write_rows

    items = export_rows(app, args.since)
    try:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise AuditorError(f"{args.output}: cannot write the export ({exc.strerror})") from None
    try:
        if args.format == "json":
            json.dump(items, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            write_rows(out, CSV_FIELDS, (csv_row(item) for item in items))
    finally:
        if args.output:
            out.close()
    if args.output:
        print(f"{len(items)} finding(s) written to {args.output}", file=sys.stderr)
    return 0
