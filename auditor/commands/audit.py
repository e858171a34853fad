"""`auditor audit`: import posts (from an archive, or live from the configured accounts),
audit them and store the findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

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


def run(args: argparse.Namespace, app) -> int:
    from auditor.interrupt import stop_cleanly
    from auditor.store import locks

    language = app.config.mail.language
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
                    print_summary(
                        result.summary, result.label, verbose=args.verbose, language=language
                    )
                raise error
            summary, label = result.summary, result.label
    print_summary(summary, label, verbose=args.verbose, language=language)
    return 1 if summary.open_high else 0


SUMMARY_TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "audit": "Audit",
        "posts": "posts: {seen} read, {new} new | images: {analysed} analysed, {cached} from cache"
        " | findings: {findings} new",
        "warning": "warning",
        "note": "note",
        "rule_errors": "rule errors: {n} (first: {rule}: {error})",
        "none": "No findings: every audited post follows the protocol.",
        "per_article": "Findings per protocol article (in the audited posts)",
        "head": ("article", "total", "new", "title"),
        "new_findings": "New findings",
        "more": "... and {n} more: auditor findings --status open",
        "allowed": "Allowed by config (not findings)",
        "open_high": "{n} open high-severity finding(s): review with `auditor findings`.",
        "retention": "retention: {n} post(s) older than [retention] post_text_days audited and "
        "stored without their text (no open finding)",
        "withdrawn": "{n} open finding(s) no longer found (changed post, rules or settings): "
        "removed",
    },
    "nl": {
        "audit": "Audit",
        "posts": "berichten: {seen} gelezen, {new} nieuw | foto's: {analysed} geanalyseerd, "
        "{cached} uit de cache | bevindingen: {findings} nieuw",
        "warning": "waarschuwing",
        "note": "opmerking",
        "rule_errors": "regelfouten: {n} (eerste: {rule}: {error})",
        "none": "Geen bevindingen: elk gecontroleerd bericht volgt het protocol.",
        "per_article": "Bevindingen per artikel van het protocol (in de gecontroleerde berichten)",
        "head": ("artikel", "totaal", "nieuw", "titel"),
        "new_findings": "Nieuwe bevindingen",
        "more": "... en nog {n}: auditor findings --status open",
        "allowed": "Toegestaan door de config (geen bevindingen)",
        "open_high": "{n} open bevinding(en) van hoge ernst: beoordeel ze met `auditor findings`.",
        "retention": "bewaartermijn: {n} bericht(en) ouder dan [retention] post_text_days "
        "gecontroleerd en zonder tekst bewaard (geen open bevinding)",
        "withdrawn": "{n} open bevinding(en) niet meer gevonden (bericht, regels of instellingen "
        "gewijzigd): verwijderd",
    },
}


def print_summary(
    summary: AuditSummary, label: str, *, verbose: bool, out=None, language: str = "en"
) -> None:
    """The summary of an audit, in `language` (the config's `[mail] language`)."""
    t = SUMMARY_TEXTS.get(language, SUMMARY_TEXTS["en"])
    lang = language if language in SUMMARY_TEXTS else "en"
    out = out or sys.stdout
    w = out.write
    w(f"{t['audit']} #{summary.run_id}: {label}\n")
    posts = t["posts"].format(
        seen=summary.posts_seen,
        new=summary.posts_new,
        analysed=summary.images_analysed,
        cached=summary.images_cached,
        findings=summary.findings_new,
    )
    w(f"  {posts}\n")
    if summary.texts_not_kept:
        w(f"  {t['retention'].format(n=summary.texts_not_kept)}\n")
    if summary.findings_withdrawn:
        w(f"  {t['withdrawn'].format(n=summary.findings_withdrawn)}\n")
    for note in summary.notes[:20]:
        w(f"  {t['note']}: {note}\n")
    for warning in summary.warnings[:20]:
        w(f"  {t['warning']}: {warning}\n")
    if summary.rule_errors:
        first = summary.rule_errors[0]
        errors = t["rule_errors"].format(
            n=len(summary.rule_errors), rule=first.rule, error=first.error
        )
        w(f"  {errors}\n")
    if not summary.per_article:
        w(f"\n{t['none']}\n")
        return
    w(f"\n{t['per_article']}\n")
    article_h, total_h, new_h, title_h = t["head"]
    w(f"  {article_h:<8} {total_h:>6} {new_h:>6}  {title_h}\n")
    for article in sorted(summary.per_article):
        w(
            f"  {article:<8} {summary.per_article[article]:>6} "
            f"{summary.per_article_new.get(article, 0):>6}  {protocol.title(article, lang)}\n"
        )
    if summary.new_findings:
        w(f"\n{t['new_findings']}\n")
        for item in sorted(summary.new_findings, key=lambda n: n.created_at):
            f = item.finding
            w(
                f"  {item.created_at:%Y-%m-%d}  {item.platform:<8} {f.rule:<28} {f.article:<3} "
                f"{f.severity.value:<6} {f.excerpt}\n"
            )
            w(f"  {'':<10}  {'':<8} {f.reason}\n")
        more = summary.findings_new - len(summary.new_findings)
        if more > 0:
            w(f"  {t['more'].format(n=more)}\n")
    if verbose and summary.allowed:
        w(f"\n{t['allowed']}\n")
        for rule_id, masked in sorted(set(summary.allowed)):
            w(f"  {rule_id:<28} {masked}\n")
    if summary.open_high:
        w(f"\n{t['open_high'].format(n=summary.open_high)}\n")
