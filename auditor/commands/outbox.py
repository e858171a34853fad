"""`auditor outbox`: list the mail waiting to be sent; --flush sends it now."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

NAME = "outbox"
HELP = "List queued mail (digests, alerts); --flush sends it now, each mail exactly once."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--flush", action="store_true", help="send what is queued, then list")
    parser.add_argument("--all", action="store_true", help="also list sent and failed mail")
    parser.epilog = (
        "examples:\n"
        "  auditor outbox            # what is queued, with the last error\n"
        "  auditor outbox --flush    # send it now (the worker also does, every 15 minutes)\n"
        "  auditor outbox --all\n\n"
        "statuses: queued (retried), sending (claimed; retried after 30 minutes if a sender\n"
        "crashed), sent, failed (the server refused it for good: see the error)."
    )


def run(args: argparse.Namespace, app) -> int:
    from auditor.notify import outbox, smtp

    store = app.store
    if args.flush:
        smtp.require_mail_config(app.config.mail, app.config.source)
        result = outbox.flush(store, app.config.mail, now=datetime.now(UTC))
        print(f"flush: {result.line}")
    statuses = () if args.all else ("queued", "sending", "failed")
    rows = outbox.entries(store, statuses)
    out = sys.stdout
    if not rows:
        out.write("outbox: nothing queued\n" if not args.all else "outbox: empty\n")
        return 0
    out.write(f"{'id':>4}  {'status':<8} {'tries':>5}  {'created (UTC)':<16}  key / subject\n")
    for row in rows:
        out.write(
            f"{row.id:>4}  {row.status:<8} {row.attempts:>5}  {row.created_at:%Y-%m-%d %H:%M}"
            f"  {row.key}  {row.subject}\n"
        )
        if row.last_error:
            out.write(f"{'':>4}  last error: {row.last_error}\n")
    return 0
