"""`auditor health`: 0 with one line when the installation works, 1 with one line saying what
is wrong (Docker's HEALTHCHECK reads the exit code; it reserves 2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text, update

from auditor.cli import main
from auditor.store.models import AuditRun, utcnow
from auditor.store.runs import finish_run, start_run


@pytest.fixture
def health(store, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AUDITOR_DATABASE_URL", store.url)

    def run() -> tuple[int, str]:
        code = main(["health"])
        out, err = capsys.readouterr()
        assert err == "" and out.count("\n") == 1, (out, err)
        return code, out

    return run


def _worker_run(store, error: str | None, hours_ago: float = 1) -> int:  # type: ignore[no-untyped-def]
    run_id = start_run(store, "school-x", [], trigger="worker")
    finish_run(store, run_id, error=error)
    with store.session() as session:
        session.execute(
            update(AuditRun)
            .where(AuditRun.id == run_id)
            .values(started_at=utcnow() - timedelta(hours=hours_ago))
        )
    return run_id


def test_a_new_installation_is_healthy(health) -> None:  # type: ignore[no-untyped-def]
    code, out = health()
    assert code == 0 and out.startswith("ok: database answers, schema at ")
    assert "no scheduled audit has run yet" in out


def test_a_recent_successful_scheduled_audit_is_healthy(health, store) -> None:  # type: ignore[no-untyped-def]
    run_id = _worker_run(store, None)
    code, out = health()
    assert code == 0 and f"last scheduled audit run #{run_id} done" in out


def test_a_failed_scheduled_audit_is_unhealthy(health, store) -> None:  # type: ignore[no-untyped-def]
    run_id = _worker_run(store, "school-x: token expired")
    code, out = health()
    assert code == 1 and out.startswith("unhealthy: ")
    assert f"run #{run_id}" in out and "token expired" in out


def test_an_overdue_scheduled_audit_is_unhealthy(health, store) -> None:  # type: ignore[no-untyped-def]
    _worker_run(store, None, hours_ago=24 * 3)
    code, out = health()
    assert code == 1 and "has not run" in out and "auditor worker" in out


def test_an_outdated_schema_is_unhealthy(health, store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    code, out = health()
    assert code == 1 and "schema is at 0002" in out and "auditor db upgrade" in out


def test_a_database_that_does_not_answer_is_unhealthy(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AUDITOR_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert main(["health"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("unhealthy: ") and "does not answer" in out and out.count("\n") == 1


def test_a_wrong_config_is_unhealthy_not_exit_2(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "auditor.toml"
    config.write_text("[schedule]\naudit = 'elke nacht'\n", encoding="utf-8")
    assert main(["--config", str(config), "health"]) in (1,)
    assert capsys.readouterr().out.startswith("unhealthy: ")
