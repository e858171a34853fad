"""Persistence: SQLAlchemy models, Alembic migrations and the queries the CLI and worker use."""

from auditor.store.db import Store, open_store

__all__ = ["Store", "open_store"]
