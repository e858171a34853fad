"""`auditor health`: is this installation working? Exit 0 (healthy) or 1, with one line.

For container health checks (the image's HEALTHCHECK) and monitoring: the database answers,
its schema is the one this auditor needs, and the last scheduled audit did not fail and is not
overdue (or none is due yet). Exit 1 for anything wrong, bad config included: Docker reserves 2.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from auditor.errors import AuditorError, describe_unexpected

if TYPE_CHECKING:
    from auditor.store.runs import RunState

NAME = "health"
HELP = "Check the database, its schema and the last scheduled audit; exit 0 healthy, 1 not."

HEALTHY, UNHEALTHY = 0, 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "examples:\n"
        "  auditor health                # ok: database answers, schema 0004..., last audit ...\n"
        "  docker compose ps             # the worker's health comes from `auditor health`\n\n"
        "exit codes: 0 healthy, 1 unhealthy (the line says what is wrong)."
    )


def run(args: argparse.Namespace, app: Any) -> int:
    try:
        line = check(app, datetime.now(UTC))
    except AuditorError as exc:
        print(f"unhealthy: {exc}")
        return UNHEALTHY
    except Exception as exc:  # a health check answers 0 or 1, whatever happened
        print(f"unhealthy: {describe_unexpected(exc)}")
        return UNHEALTHY
    print(f"ok: {line}")
    return HEALTHY


def check(app: Any, now: datetime) -> str:
    """What is fine, as one line; raises AuditorError saying what is not."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from auditor.store import open_store
    from auditor.store.runs import last_run

    store = open_store(app.config.database.url, migrate=False)
    try:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = store.current_revision()
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise AuditorError(f"{store.label}: database does not answer ({first[0]})") from None
    store.refuse_newer(current)
    head = store.head_revision()
    if current != head:
        raise AuditorError(
            f"{store.label}: schema is at {current or 'empty'}, this auditor needs {head}: "
            "run `auditor db upgrade`"
        )
    parts = [f"database answers, schema at {head}"]
    last = last_run(store, "worker")
    if last is None:
        parts.append("no scheduled audit has run yet")
    elif last.status == "failed":
        raise AuditorError(
            f"the last scheduled audit (run #{last.id}, {last.started_at:%Y-%m-%d %H:%M} UTC) "
            f"failed: {last.error}"
        )
    else:
        overdue = _overdue(app, last, now)
        if overdue:
            raise AuditorError(overdue)
        parts.append(
            f"last scheduled audit run #{last.id} {last.status} "
            f"({last.started_at:%Y-%m-%d %H:%M} UTC)"
        )
    store.engine.dispose()
    return ", ".join(parts)


def _overdue(app: Any, last: RunState, now: datetime) -> str | None:
    """The scheduled audit more than its grace time late (is the worker stopped?), or None."""
    from auditor.schedule import jobs
    from auditor.schedule.worker import AUDIT_GRACE

    schedule = app.config.schedule
    trigger = jobs.cron(schedule.audit, schedule.timezone, "[schedule].audit")
    due = jobs.previous_fire_time(trigger, now - AUDIT_GRACE)
    if due is None or last.started_at >= due:
        return None
    return (
        f"the scheduled audit due at {due.astimezone(UTC):%Y-%m-%d %H:%M} UTC has not run "
        f"(last: {last.started_at:%Y-%m-%d %H:%M} UTC); is `auditor worker` running?"
    )
