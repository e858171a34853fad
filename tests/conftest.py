"""Shared test rails: a real database on SQLite and, when reachable, PostgreSQL; no internet."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import responses

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PG_ADMIN_URL = os.environ.get(
    "AUDITOR_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), connect_timeout=3):
            return True
    except Exception:
        return False


PG_AVAILABLE = _pg_available()


@pytest.fixture(autouse=True)
def no_http() -> Iterator[responses.RequestsMock]:
    """Any HTTP call a test did not mock fails: no test touches the internet."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("AUDITOR_CONFIG", "AUDITOR_DATABASE_URL", "AUDITOR_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    if not PG_AVAILABLE:
        if os.environ.get("AUDITOR_REQUIRE_PG"):
            pytest.fail(
                f"PostgreSQL is not reachable at {PG_ADMIN_URL} (AUDITOR_REQUIRE_PG is set)"
            )
        pytest.skip("PostgreSQL is not reachable")
    import psycopg

    name = f"auditor_test_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN_URL.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL with an empty schema: a SQLite file, or a clean PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'auditor.db'}"
        return
    url = request.getfixturevalue("pg_database")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    yield url


@pytest.fixture
def store(database_url: str):  # type: ignore[no-untyped-def]
    from auditor.store import locks, open_store

    s = open_store(database_url)
    yield s
    locks.release_all(s)
    s.engine.dispose()


def require_shared(what: Path = SHARED) -> Path:
    """`what` (a path under ../shared), or skip the test when it is missing; in CI
    (`AUDITOR_REQUIRE_SHARED=1`, set by .ci/run) a missing ../shared fails instead."""
    if not what.exists():
        message = f"{what} is not beside the repo"
        if os.environ.get("AUDITOR_REQUIRE_SHARED"):
            pytest.fail(f"{message} (AUDITOR_REQUIRE_SHARED is set)", pytrace=False)
        pytest.skip(message)
    return what


@pytest.fixture
def shared() -> Path:
    return require_shared(SHARED)
