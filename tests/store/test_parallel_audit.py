"""Rules in worker processes (`auditor.rule_pool`): the findings and the summary of an audit
are those of a sequential one, on SQLite and PostgreSQL (issue 17)."""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures.process import BrokenProcessPool

import pytest
from sqlalchemy import select

from auditor import config as config_module
from auditor import rule_pool
from auditor.engine import AuditResult
from auditor.pipeline import AuditSummary, audit_posts, finish_run, start_run
from auditor.store.models import FindingRow
from tests.factories import ACCOUNT
from tests.store.test_incremental_audit import CONFIG, corpus_posts, make_engine, stored_findings

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked"
)


def audit_with(store, posts, workers: int) -> AuditSummary:  # type: ignore[no-untyped-def]
    config = config_module.load(CONFIG, env={})
    run_id = start_run(store, "corpus", [])
    with store.engine.begin() as conn:
        summary = audit_posts(
            conn,
            ACCOUNT,
            posts,
            make_engine(store, config),
            run_id=run_id,
            analyser=None,
            workers=workers,
        )
    finish_run(store, run_id, summary, None)
    return summary


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Workers for a corpus of a few hundred posts, over several batches; the list counts the
    pools started."""
    monkeypatch.setattr(rule_pool, "MIN_PARALLEL", 10)
    monkeypatch.setattr(rule_pool, "WARM_UP", 5)
    monkeypatch.setattr("auditor.pipeline.BATCH", 60)
    started: list[int] = []
    executor = rule_pool.ProcessPoolExecutor

    def counted(workers: int, **options):  # type: ignore[no-untyped-def]
        started.append(workers)
        return executor(workers, **options)

    monkeypatch.setattr(rule_pool, "ProcessPoolExecutor", counted)
    return started


def excerpts(store) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    with store.engine.connect() as conn:
        return sorted(
            tuple(row) for row in conn.execute(select(FindingRow.fingerprint, FindingRow.excerpt))
        )


def test_parallel_audit_stores_the_findings_of_a_sequential_one(  # type: ignore[no-untyped-def]
    store, shared, tmp_path, small_batches
) -> None:
    from auditor.store import open_store

    posts = corpus_posts(shared)
    sequential_store = open_store(f"sqlite:///{tmp_path / 'sequential.db'}")
    sequential_store._key = store.fingerprint_key()  # the same fingerprints in both
    sequential = audit_with(sequential_store, posts, workers=1)
    assert small_batches == []
    parallel = audit_with(store, posts, workers=2)
    assert small_batches == [2]
    assert stored_findings(store) == stored_findings(sequential_store)
    assert excerpts(store) == excerpts(sequential_store)
    assert parallel.per_article == sequential.per_article
    assert parallel.open_high == sequential.open_high
    assert [f.finding for f in parallel.new_findings] == [
        f.finding for f in sequential.new_findings
    ]
    assert parallel.allowed == sequential.allowed


def test_parallel_reaudit_of_unchanged_posts_runs_no_rule(  # type: ignore[no-untyped-def]
    store, shared, small_batches
) -> None:
    posts = corpus_posts(shared)
    audit_with(store, posts, workers=2)
    again = audit_with(store, posts, workers=2)
    assert (again.posts_audited, again.posts_unchanged) == (0, len(posts))


def test_one_worker_analyses_in_this_process(small_batches) -> None:  # type: ignore[no-untyped-def]
    with rule_pool.RulePool(engine=None, workers=1) as pool:  # type: ignore[arg-type]
        assert pool.submit([], [])() == []
        assert pool._pool is None


class DyingEngine:
    """An engine whose worker processes die (as if killed for memory) on their first post."""

    def __init__(self) -> None:
        self.parent = os.getpid()

    def audit(self, post, identity=None):  # type: ignore[no-untyped-def]
        if os.getpid() != self.parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return AuditResult(post)


def test_a_killed_worker_fails_the_audit_instead_of_hanging_it(  # type: ignore[no-untyped-def]
    shared, small_batches
) -> None:
    posts = corpus_posts(shared)[:40]
    with rule_pool.RulePool(DyingEngine(), workers=2) as pool:  # type: ignore[arg-type]
        results = pool.submit(posts, [None] * len(posts))
        with pytest.raises(BrokenProcessPool):
            results()


@pytest.mark.parametrize(
    ("env", "load", "workers"),
    [("", 0.2, 2), ("", 3.5, 1), ("2", 3.5, 2), ("1", 0.0, 1), ("zwei", 0.2, 2)],
    ids=["idle", "busy", "forced", "sequential", "unreadable"],
)
def test_workers_are_used_when_a_core_is_idle_or_asked_for(
    monkeypatch: pytest.MonkeyPatch, env: str, load: float, workers: int
) -> None:
    monkeypatch.setenv(rule_pool.WORKERS_ENV, env)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert rule_pool.configured_workers() == workers
