"""Alembic: a database made by an older auditor upgrades step by step, keeping its data."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from auditor.store.db import Store, alembic_config


def test_an_old_database_upgrades_to_head_and_keeps_its_rows(database_url: str) -> None:
    store = Store(database_url)
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO outbox (key, kind, subject, recipients, body_text, body_html,"
                " message_id, status, attempts, created_at, sent_at)"
                " VALUES ('digest:week:2026-W48', 'digest', 's', '[]', 't', 'h', '<m@x>',"
                " 'sending', 1, :t, :t)"
            ),
            {"t": "2026-11-23 07:00:00"},
        )
    before, after = store.upgrade()
    assert (before, after) == ("0001", store.head_revision())
    assert "claimed_at" in {c["name"] for c in inspect(store.engine).get_columns("outbox")}
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT claimed_at, sent_at FROM outbox")).one()
    assert row.claimed_at is not None and row.sent_at is None
    store.engine.dispose()


def test_schema_matches_the_models_after_all_migrations(store) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from auditor.store.models import Base

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
