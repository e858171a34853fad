"""Alembic: a database made by an older auditor upgrades step by step, keeping its data."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from auditor.errors import StoreError
from auditor.store.db import Store, alembic_config, head_of_files


def store_at(database_url: str, revision: str) -> Store:
    """A store of a fresh database migrated up to `revision` only."""
    store = Store(database_url)
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return store


def test_an_old_database_upgrades_to_head_and_keeps_its_rows(database_url: str) -> None:
    store = store_at(database_url, "0001")
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


def test_review_status_and_note_become_the_first_row_of_the_trail(database_url: str) -> None:
    store = Store(database_url)
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    t = "2025-03-01 10:00:00"
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO accounts (id, platform, handle, name, created_at)"
                " VALUES (1, 'twitter', 'x', 'x', :t)"
            ),
            {"t": t},
        )
        conn.execute(
            text(
                "INSERT INTO posts (id, account_id, platform, external_id, created_at, text, kind,"
                " content_hash, source_ref, imported_at) VALUES (1, 1, 'twitter', '1', :t, 'x',"
                " 'post', 'h', '', :t)"
            ),
            {"t": t},
        )
        for fid, status, note, reviewed in (
            (1, "dismissed", "publiek figuur", t),
            (2, "open", None, None),
        ):
            conn.execute(
                text(
                    "INSERT INTO findings (id, post_id, rule, category, article, severity,"
                    " excerpt, reason, details, fingerprint, status, review_note, reviewed_at,"
                    " detected_at) VALUES (:id, 1, 'personal-data.name', 'personal_data', '2a',"
                    " 'high', 'S***', '', '{}', :fp, :status, :note, :reviewed, :t)"
                ),
                {
                    "id": fid,
                    "fp": f"fp{fid}",
                    "status": status,
                    "note": note,
                    "reviewed": reviewed,
                    "t": t,
                },
            )
    store.upgrade()
    with store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT finding_id, action, reviewer, note FROM review_actions")
        ).all()
    assert [tuple(r) for r in rows] == [(1, "dismiss", "unknown", "publiek figuur")]
    store.engine.dispose()


def test_head_read_from_the_migration_files_is_alembics_head(database_url: str) -> None:
    assert head_of_files() == Store(database_url).head_revision()


def test_an_outdated_database_is_still_upgraded_when_opened(database_url: str) -> None:
    store = store_at(database_url, "0004_i14_review_trail")
    if store.engine.dialect.name == "sqlite":
        store.ensure_schema()
        assert store.current_revision() == head_of_files()
    else:  # PostgreSQL is migrated on purpose (`auditor db upgrade`), never on the side
        with pytest.raises(StoreError, match="auditor db upgrade"):
            store.ensure_schema()
