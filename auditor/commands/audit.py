"""`auditor audit`: import posts (from an archive, or live from the configured accounts),
audit them and store the findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from auditor import protocol
from auditor.commands.options import parse_date
from auditor.pipeline import AuditSummary

NAME = "audit"
HELP = "Audit an exported archive, or the configured accounts live, and store the findings."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--archive",
        metavar="PATH",
        type=Path,
        action="append",
        help=(
            "export to audit: Twitter/X archive or Facebook JSON export (.zip or folder), "
            "WhatsApp chat (.txt/.zip), Instagram or LinkedIn export; repeat it to audit several "
            "exports in one go; a Facebook export split over several zips: pass each zip, or "
            "the folder that holds them"
        ),
    )
    parser.add_argument("--no-images", action="store_true", help="skip image analysis (text only)")
    parser.add_argument("--account", metavar="NAME", help="live: audit only this [[accounts]] name")
    parser.add_argument(
        "--since",
        metavar="DATE",
        type=parse_date,
        help="live: fetch posts from this date (YYYY-MM-DD) instead of the stored cursor",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also list allow-listed matches (masked)"
    )
    parser.epilog = (
        "examples:\n"
        "  auditor audit --archive twitter-2025-03-02.zip\n"
        "  auditor audit --archive facebook-export/ --no-images\n"
        "  auditor audit --archive twitter.zip --archive facebook.zip\n"
        "  auditor audit --archive fb-part1.zip --archive fb-part2.zip   # one split export\n"
        "  auditor audit                      # every configured account, live\n"
        "  auditor audit --account facebook --since 2025-01-01\n\n"
        "exit codes: 0 done, 1 open high-severity findings in the audited posts, 2 bad input."
    )


def run(args: argparse.Namespace, app) -> int:  # type: ignore[no-untyped-def]
    from auditor.interrupt import stop_cleanly
    from auditor.store import locks

    with stop_cleanly(), locks.held(app.store, "audit"):
        if args.archive:
            from auditor.archives import audit_archives

            summary, label = audit_archives(app, args.archive, images=not args.no_images)
        else:
            from auditor.live import audit_accounts

            result = audit_accounts(
                app, account=args.account, since=args.since, images=not args.no_images
            )
            error = result.error()
            if error is not None:
                # what the accounts that worked stored, before the one-line error
                if result.summary.posts_seen:
                    print_summary(result.summary, result.label, verbose=args.verbose)
                raise error
            summary, label = result.summary, result.label
    print_summary(summary, label, verbose=args.verbose)
    return 1 if summary.open_high else 0


def print_summary(summary: AuditSummary, label: str, *, verbose: bool, out=None) -> None:  # type: ignore[no-untyped-def]
    out = out or sys.stdout
    w = out.write
    w(f"Audit #{summary.run_id}: {label}\n")
    w(
        f"  posts: {summary.posts_seen} read, {summary.posts_new} new"
        f" | images: {summary.images_analysed} analysed, {summary.images_cached} from cache"
        f" | findings: {summary.findings_new} new\n"
    )
    if summary.texts_not_kept:
        w(
            f"  retention: {summary.texts_not_kept} post(s) older than [retention] "
            "post_text_days audited and stored without their text (no open finding)\n"
        )
    for note in summary.notes[:20]:
        w(f"  note: {note}\n")
    for warning in summary.warnings[:20]:
        w(f"  warning: {warning}\n")
    if summary.rule_errors:
        w(
            f"  rule errors: {len(summary.rule_errors)} (first: {summary.rule_errors[0].rule}: "
            f"{summary.rule_errors[0].error})\n"
        )
    if not summary.per_article:
        w("\nNo findings: every audited post follows the protocol.\n")
        return
    w("\nFindings per protocol article (in the audited posts)\n")
    w(f"  {'article':<8} {'total':>6} {'new':>6}  title\n")
    for article in sorted(summary.per_article):
        w(
            f"  {article:<8} {summary.per_article[article]:>6} "
            f"{summary.per_article_new.get(article, 0):>6}  {protocol.title(article, 'en')}\n"
        )
    if summary.new_findings:
        w("\nNew findings\n")
        for item in sorted(summary.new_findings, key=lambda n: n.created_at):
            f = item.finding
            w(
                f"  {item.created_at:%Y-%m-%d}  {item.platform:<8} {f.rule:<28} {f.article:<3} "
                f"{f.severity.value:<6} {f.excerpt}\n"
            )
            w(f"  {'':<10}  {'':<8} {f.reason}\n")
        more = summary.findings_new - len(summary.new_findings)
        if more > 0:
            w(f"  ... and {more} more: auditor findings --status open\n")
    if verbose and summary.allowed:
        w("\nAllowed by config (not findings)\n")
        for rule_id, masked in sorted(set(summary.allowed)):
            w(f"  {rule_id:<28} {masked}\n")
    if summary.open_high:
        w(f"\n{summary.open_high} open high-severity finding(s): review with `auditor findings`.\n")
