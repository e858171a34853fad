"""`auditor findings`: list stored findings, filtered, as a table, JSON or CSV."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from auditor.commands.options import parse_date
from auditor.report.spreadsheet import write_rows
from auditor.store.queries import FindingFilter, finding_json, list_findings

NAME = "findings"
HELP = "List stored findings (filter by status, rule, article, date, platform)."
FORMATS = ("table", "json", "csv")
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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--status",
        action="append",
        choices=("open", "dismissed", "resolved"),
        help="only findings with this status (repeatable)",
    )
    parser.add_argument(
        "--rule",
        action="append",
        metavar="ID",
        help="rule id, or a prefix ending in * such as 'personal-data.*'",
    )
    parser.add_argument(
        "--article", action="append", metavar="ART", help="protocol article, e.g. 1a"
    )
    parser.add_argument(
        "--since",
        type=parse_date,
        metavar="DATE",
        help="only posts published on or after this date (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--platform",
        action="append",
        choices=("twitter", "facebook", "whatsapp", "instagram", "linkedin"),
        help="only this platform (repeatable)",
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N findings")
    parser.add_argument(
        "--history",
        type=int,
        metavar="ID",
        help="the review trail of one finding: every action with who, when and note",
    )
    parser.epilog = (
        "examples:\n"
        "  auditor findings --status open\n"
        "  auditor findings --rule 'personal-data.*' --since 2025-01-01 --format csv > open.csv\n"
        "  auditor findings --format json | jq '.[] | select(.severity == \"high\")'\n"
        "  auditor findings --history 12 --format json\n\n"
        "JSON fields (stable): id, rule, category, article, severity, status, excerpt (masked),\n"
        "reason, span {start, end} or null, media null or {path|url, faces}, post {platform,\n"
        "external_id, created_at (UTC), url, kind}, detected_at, review_note, reviewed_at.\n"
        "--history JSON (stable): a list of {action, by, at (ISO-8601 UTC), note}, oldest first."
    )


def run(args: argparse.Namespace, app) -> int:  # type: ignore[no-untyped-def]
    if args.history is not None:
        return show_history(args, app)
    flt = FindingFilter(
        status=args.status or (),
        rule=args.rule or (),
        article=args.article or (),
        platform=args.platform or (),
        since=args.since,
        limit=args.limit,
    )
    with app.store.session() as session:
        rows = [finding_json(row) for row in list_findings(session, flt)]
    render(rows, args.format, sys.stdout)
    return 0


def render(rows: list[dict[str, Any]], fmt: str, out) -> None:  # type: ignore[no-untyped-def]
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        write_rows(out, CSV_FIELDS, ({**row, **row["post"]} for row in rows))
    else:
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


def show_history(args: argparse.Namespace, app) -> int:  # type: ignore[no-untyped-def]
    from auditor.store.reviews import history

    with app.store.session() as session:
        actions = history(session, args.history)
    out = sys.stdout
    if args.format == "json":
        json.dump(actions, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        write_rows(out, ("action", "by", "at", "note"), actions)
    elif not actions:
        out.write(f"finding {args.history}: no review actions yet (open since it was found)\n")
    else:
        for action in actions:
            note = f"  {action['note']}" if action["note"] else ""
            out.write(f"{action['at']}  {action['action']:<8} by {action['by']}{note}\n")
    return 0
