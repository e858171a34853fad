"""`auditor digest`: render the digest of the last week (or day), save it, optionally mail it."""

from __future__ import annotations

import argparse
import shutil
from datetime import UTC, datetime
from pathlib import Path

from auditor.errors import AuditorError

NAME = "digest"
HELP = "Render the digest of the last week (Monday to Sunday) or day; --send mails it once."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--period",
        choices=("week", "day"),
        default="week",
        help="the last complete week, Monday 00:00 to Sunday 24:00 (default), or day",
    )
    from auditor.report.render import FORMATS

    parser.add_argument(
        "--output",
        metavar="FILE.html",
        type=Path,
        help="also write the HTML digest here (and the other formats beside it, e.g. .txt)",
    )
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=sorted(FORMATS),
        help="save (and write with --output) only this format (repeatable; default: all); "
        "a mail always carries the text and HTML parts",
    )
    parser.add_argument(
        "--send", action="store_true", help="mail it to [mail].to, once per ISO week (or day)"
    )
    parser.add_argument(
        "--so-far",
        action="store_true",
        help="a preview of the current week (or day) up to now instead of the last complete one",
    )
    parser.epilog = (
        "examples:\n"
        "  auditor digest                       # saved under reports/out/\n"
        "  auditor digest --output digest.html  # and written to digest.html + digest.txt\n"
        "  auditor digest --format text         # only the plain-text digest\n"
        "  auditor digest --so-far              # this week up to now (a preview)\n"
        "  auditor digest --period week --send  # mailed; once per week\n\n"
        "Weeks run Monday 00:00 to Sunday 24:00 in [schedule].timezone; the outbox key is the\n"
        "ISO week (or date) the digest covers, e.g. digest:week:2026-W48.\n"
        "Mail that cannot be delivered stays queued:\n"
        "`auditor outbox --flush` (or the worker) retries it."
    )


def run(args: argparse.Namespace, app) -> int:
    from auditor.notify import outbox, smtp
    from auditor.report.render import FORMATS, save
    from auditor.schedule import jobs

    config = app.config
    if args.send:
        smtp.require_mail_config(config.mail, config.source)
    formats = list(dict.fromkeys(args.formats)) if args.formats else list(FORMATS)
    now = datetime.now(UTC)
    if args.send and args.so_far:
        raise AuditorError("--so-far is a preview: it cannot be sent (drop --send or --so-far)")
    prepared = jobs.prepare_digest(app, args.period, now, formats, so_far=args.so_far)
    digest = prepared.digest
    print(f"{digest.period.key}: {prepared.rendered.subject}; {_listed(prepared.saved)}")
    if args.output is not None:
        target: Path = args.output
        suffixes = {fmt.suffix for fmt in FORMATS.values()} | {".htm"}
        stem = target.stem if target.suffix.lower() in suffixes else target.name
        written = save(prepared.rendered, target.parent, stem, formats)
        if target.suffix.lower() == ".htm" and "html" in formats:
            index = formats.index("html")
            shutil.move(written[index], target)
            written[index] = target
        print("written " + " and ".join(str(path) for path in written))
    if not args.send:
        return 0
    key = digest.period.key
    if not jobs.queue_mail(app, key=key, kind="digest", rendered=prepared.rendered, now=now):
        print(already_queued(key, outbox.entry(app.store, key)))
        return 0
    result = outbox.flush(app.store, config.mail, now=now)
    entry = outbox.entry(app.store, key)
    if entry is not None and entry.status == "sent":
        print(f"{key}: sent to {', '.join(config.mail.to)}")
    elif entry is not None and entry.status == "failed":
        from auditor.errors import NotifyError

        raise NotifyError(f"{key}: not sent: {entry.last_error}", permanent=True)
    else:
        error = entry.last_error if entry is not None else result.line
        print(
            f"{key}: queued, not sent yet ({error}); `auditor worker` or "
            "`auditor outbox --flush` will retry"
        )
    return 0


def _listed(paths: list[Path]) -> str:
    """ "a.html (+ .txt)": the first file, and the suffixes of the others."""
    if len(paths) == 1:
        return str(paths[0])
    return f"{paths[0]} (+ {', '.join(p.suffix for p in paths[1:])})"


def already_queued(key: str, entry) -> str:
    """What `--send` says when this period's digest is in the outbox already: nothing is sent
    twice, and the line says where the first one is."""
    if entry is None:
        return f"{key}: already in the outbox; nothing sent again"
    queued = f"{entry.created_at:%Y-%m-%d %H:%M} UTC"
    if entry.status == "sent":
        sent = f"{entry.sent_at:%Y-%m-%d %H:%M} UTC" if entry.sent_at else "earlier"
        return f"{key}: already sent on {sent}; not sent again (one digest per period)"
    if entry.status == "failed":
        return (
            f"{key}: already queued on {queued} and refused for good ({entry.last_error}); "
            "not sent again: see `auditor outbox --all`"
        )
    if entry.status == "sending":
        return f"{key}: being sent right now (queued on {queued}); not sent again"
    waiting = f", last error: {entry.last_error}" if entry.last_error else ""
    return (
        f"{key}: already queued on {queued}, not delivered yet{waiting}; not queued again: "
        "`auditor outbox --flush` (or the worker) sends it"
    )
