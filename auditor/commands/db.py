"""`auditor db upgrade|current`: manage the database schema (Alembic migrations)."""

from __future__ import annotations

import argparse

from auditor.store import open_store

NAME = "db"
HELP = "Database schema: apply migrations (upgrade) or show the revision (current)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("upgrade", "current"), help="what to do")
    parser.epilog = (
        "examples:\n"
        "  auditor db upgrade\n"
        "  AUDITOR_DATABASE_URL=postgresql+psycopg://auditor@db/auditor auditor db upgrade"
    )


def run(args: argparse.Namespace, app) -> int:
    store = open_store(app.config.database.url, migrate=False)
    if args.action == "upgrade":
        before, after = store.upgrade()
        if before == after:
            print(f"{store.label}: schema already at {after}")
        else:
            print(f"{store.label}: schema upgraded from {before or 'empty'} to {after}")
    else:
        print(
            f"{store.label}: schema at {store.current_revision() or 'empty'} "
            f"(this auditor: {store.head_revision()})"
        )
    return 0
