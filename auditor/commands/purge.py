"""`auditor purge`: delete what is past `[retention]` and show what went."""

from __future__ import annotations

import argparse

from auditor.store.retention import KINDS

NAME = "purge"
HELP = (
    "Delete what is past [retention]: texts and media copies of old posts without an open "
    "finding, closed findings with their review trail, sent mails and rendered digests. "
    "--dry-run only counts."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="count what would be deleted; change nothing"
    )
    parser.epilog = (
        "examples:\n"
        "  auditor purge --dry-run     # what would go\n"
        "  auditor purge               # delete it (the worker also runs this weekly)\n\n"
        "[retention] post_text_days (default 365) and closed_findings_days (default 730);\n"
        "a post with an open finding keeps its text until the finding is reviewed.\n"
        "See docs/privacy.md."
    )


def run(args: argparse.Namespace, app) -> int:
    from auditor.schedule.jobs import reports_out
    from auditor.store import locks
    from auditor.store.models import utcnow
    from auditor.store.retention import purge_store

    retention = app.config.retention
    with locks.held(app.store, "audit"):  # never while an import writes posts
        report = purge_store(
            app.store, retention, utcnow(), dry_run=args.dry_run, reports_out=reports_out(app)
        )
    head = "would delete" if args.dry_run else "deleted"
    print(
        f"{head} (post texts older than {retention.post_text_days} days, closed findings "
        f"older than {retention.closed_findings_days} days):"
    )
    for kind in KINDS:
        print(f"  {report.counts[kind]:>7}  {kind}")
    if args.dry_run:
        print("dry run: nothing changed")
    elif report.compacted:
        print(report.compacted)
    return 0
