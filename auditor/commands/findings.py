"""`auditor findings`: list stored findings, filtered, or one finding's review trail, in a
format of the findings-format registry (`auditor/report/findings_formats.py`: table, JSON, CSV)."""

from __future__ import annotations

import argparse
import sys

from auditor.commands.options import parse_date
from auditor.report.findings_formats import FINDINGS_FORMATS
from auditor.store.queries import FindingFilter, finding_json, list_findings

NAME = "findings"
HELP = "List stored findings (filter by status, rule, article, date, platform)."


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
    formats = "; ".join(f"{f.name}: {f.help}" for f in FINDINGS_FORMATS.values())
    parser.add_argument(
        "--format",
        choices=list(FINDINGS_FORMATS),
        default="table",
        help=f"output format ({formats})",
    )
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


def run(args: argparse.Namespace, app) -> int:
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
    FINDINGS_FORMATS[args.format].write(rows, sys.stdout)
    return 0


def show_history(args: argparse.Namespace, app) -> int:
    from auditor.store.reviews import history

    with app.store.session() as session:
        actions = history(session, args.history)
    FINDINGS_FORMATS[args.format].write_history(args.history, actions, sys.stdout)
    return 0
