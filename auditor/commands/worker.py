"""`auditor worker`: audit every night, mail the digest every week, retry queued mail."""

from __future__ import annotations

import argparse
import logging

NAME = "worker"
HELP = "Run the scheduler: nightly audit, weekly digest, outbox retries (stop with Ctrl-C)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-v", "--verbose", action="store_true", help="also log quiet ticks")
    parser.epilog = (
        "example:\n"
        "  AUDITOR_SMTP_PASSWORD=... auditor worker --config /etc/auditor.toml\n\n"
        '[schedule] audit = "30 3 * * *", digest = "0 7 * * mon": cron lines in\n'
        "[schedule].timezone (default Europe/Amsterdam). A run missed while the worker was\n"
        "down runs once at start-up. One audit at a time across workers and `auditor audit`\n"
        "(database lock). Logs one line per run on stderr. SIGTERM/Ctrl-C: finish the running\n"
        "job, then exit 0; twice: stop now."
    )


def run(args: argparse.Namespace, app) -> int:
    from auditor import logs
    from auditor.schedule.worker import run_worker

    chosen = getattr(args, "log_level", None)
    level = (
        logging.DEBUG if args.verbose else min(logs.level_of(chosen, logging.INFO), logging.INFO)
    )
    logs.configure(level, "%(asctime)s %(levelname)s %(message)s")
    return run_worker(app)
