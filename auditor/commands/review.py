"""`auditor review`: record a decision on findings, one by one or in bulk, with who and why."""

from __future__ import annotations

import argparse
from collections import Counter

from auditor.commands.options import parse_date
from auditor.errors import AuditorError
from auditor.store.reviews import (
    Action,
    BulkSelection,
    default_reviewer,
    review,
    review_many,
    select_open,
)

NAME = "review"
HELP = (
    "Dismiss, resolve or reopen findings (by id, or in bulk by rule); every action is kept in "
    "the finding's review trail with who and why. A dismissed finding never comes back."
)
PLATFORMS = ("twitter", "facebook", "whatsapp", "instagram", "linkedin", "tiktok")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", type=int, nargs="*", metavar="ID", help="finding id(s) from `auditor findings`"
    )
    decision = parser.add_mutually_exclusive_group(required=True)
    decision.add_argument(
        "--dismiss",
        action="store_const",
        dest="action",
        const=Action.DISMISS,
        help="not a problem (false alarm or accepted)",
    )
    decision.add_argument(
        "--resolve",
        action="store_const",
        dest="action",
        const=Action.RESOLVE,
        help="fixed (post edited or removed)",
    )
    decision.add_argument(
        "--reopen",
        action="store_const",
        dest="action",
        const=Action.REOPEN,
        help="undo an earlier decision (the earlier one stays in the trail)",
    )
    parser.add_argument("--note", metavar="TEXT", help="why (kept in the review trail)")
    parser.add_argument(
        "--by",
        metavar="NAME",
        help="who decides (kept in the review trail; default: the operating-system user)",
    )
    bulk = parser.add_argument_group(
        "bulk review (instead of IDs): every OPEN finding that matches all of these"
    )
    bulk.add_argument(
        "--rule", metavar="PATTERN", help="rule id or pattern, e.g. 'personal-data.*' or '*'"
    )
    bulk.add_argument(
        "--article", action="append", metavar="A", help="protocol article, e.g. 2a (repeatable)"
    )
    bulk.add_argument(
        "--platform", action="append", choices=PLATFORMS, help="only this platform (repeatable)"
    )
    bulk.add_argument(
        "--before",
        type=parse_date,
        metavar="DATE",
        help="only posts published before this date (YYYY-MM-DD)",
    )
    bulk.add_argument(
        "--yes",
        action="store_true",
        help="really change them (without --yes: only show how many would change)",
    )
    parser.epilog = (
        "examples:\n"
        '  auditor review 12 --dismiss --note "naam van de burgemeester, publiek figuur"\n'
        '  auditor review 13 14 --resolve --note "bericht verwijderd" --by "juf Anouk"\n'
        "  auditor findings --history 12          # every action on finding 12\n\n"
        "bulk, for the backlog of a first import (shows the count; add --yes to do it):\n"
        "  auditor review --rule 'commercial.*' --before 2025-01-01 --resolve \\\n"
        '      --note "oude berichten, verwijderd van de pagina" --by FG'
    )


def run(args: argparse.Namespace, app) -> int:
    by = args.by or default_reviewer()
    if args.rule is None:
        if not args.id:
            raise AuditorError("review: give finding ID(s), or --rule PATTERN for a bulk review")
        if args.article or args.platform or args.before or args.yes:
            raise AuditorError("review: --article, --platform, --before and --yes need --rule")
        done = []
        with app.store.session() as session:
            for finding_id in args.id:
                row = review(session, finding_id, args.action, by=by, note=args.note)
                done.append(f"finding {row.id} ({row.rule}, article {row.article}): {row.status}")
        # said only once the decisions are committed: a read-only or full database prints no
        # "dismissed" before its error
        print("\n".join(done))
        return 0
    return _bulk(args, app, by)


def _bulk(args: argparse.Namespace, app, by: str) -> int:
    if args.id:
        raise AuditorError("review: give either finding IDs or --rule, not both")
    if args.action == Action.REOPEN:
        raise AuditorError("review --rule: bulk review can --dismiss or --resolve, not --reopen")
    if not args.note or not args.note.strip():
        raise AuditorError("review --rule: a bulk decision needs --note TEXT saying why")
    selection = BulkSelection(
        rule=args.rule,
        articles=tuple(args.article or ()),
        platforms=tuple(args.platform or ()),
        before=args.before,
    )
    verb = {Action.DISMISS: "dismiss", Action.RESOLVE: "resolve"}[args.action]
    with app.store.session() as session:
        rows = select_open(session, selection)
        per_rule = Counter(row.rule for row in rows)
        if not args.yes:
            print(f"would {verb} {len(rows)} open finding(s); nothing changed (add --yes to do it)")
            for rule, count in sorted(per_rule.items()):
                print(f"  {count:>6}  {rule}")
            return 0
        done = review_many(session, rows, args.action, by=by, note=args.note)
    past = {Action.DISMISS: "dismissed", Action.RESOLVE: "resolved"}[args.action]
    print(f"{past} {done} open finding(s) by {by}")
    for rule, count in sorted(per_rule.items()):
        print(f"  {count:>6}  {rule}")
    return 0
