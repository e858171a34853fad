"""`auditor review ID`: record a decision on a finding."""

from __future__ import annotations

import argparse

from auditor.models import Status
from auditor.store.queries import review

NAME = "review"
HELP = "Dismiss or resolve a finding; a dismissed finding never comes back for that post."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id", type=int, nargs="+", metavar="ID", help="finding id(s) from `auditor findings`"
    )
    decision = parser.add_mutually_exclusive_group(required=True)
    decision.add_argument(
        "--dismiss",
        action="store_const",
        dest="status",
        const=Status.DISMISSED,
        help="not a problem (false alarm or accepted)",
    )
    decision.add_argument(
        "--resolve",
        action="store_const",
        dest="status",
        const=Status.RESOLVED,
        help="fixed (post edited or removed)",
    )
    decision.add_argument(
        "--reopen",
        action="store_const",
        dest="status",
        const=Status.OPEN,
        help="undo an earlier decision",
    )
    parser.add_argument("--note", metavar="TEXT", help="why (kept with the decision)")
    parser.epilog = (
        "examples:\n"
        '  auditor review 12 --dismiss --note "naam van de burgemeester, publiek figuur"\n'
        '  auditor review 13 14 --resolve --note "bericht verwijderd"'
    )


def run(args: argparse.Namespace, app) -> int:  # type: ignore[no-untyped-def]
    with app.store.session() as session:
        for finding_id in args.id:
            row = review(session, finding_id, args.status, args.note)
            print(f"finding {row.id} ({row.rule}, article {row.article}): {row.status}")
    return 0
