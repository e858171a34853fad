"""Import + audit + store on a real database (SQLite, and PostgreSQL when reachable)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from auditor.errors import SourceError
from auditor.models import Post, Status
from auditor.pipeline import audit_posts, finish_run, start_run
from auditor.store.models import AuditRun, FindingRow, PostRow
from auditor.store.queries import FindingFilter, finding_json, list_findings
from auditor.store.reviews import review
from tests.factories import ACCOUNT, engine, post

POSTS = [
    post(1, "Sanne uit groep 5 las het mooiste voor."),
    post(2, "Kerstmarkt: kaarsen voor €3 per stuk."),
    post(3, "Fijne vakantie allemaal!"),
]


def run_audit(store, posts) -> object:  # type: ignore[no-untyped-def]
    run_id = start_run(store, "test", ["personal-data.name", "commercial.price"])
    with store.engine.begin() as conn:
        summary = audit_posts(
            conn, ACCOUNT, posts, engine(store.fingerprint_key()), run_id=run_id, analyser=None
        )
    finish_run(store, run_id, summary, None)
    return summary


def count(store, model) -> int:  # type: ignore[no-untyped-def]
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_first_audit_stores_posts_and_findings(store) -> None:  # type: ignore[no-untyped-def]
    summary = run_audit(store, POSTS)
    assert (summary.posts_seen, summary.posts_new, summary.findings_new) == (3, 3, 2)
    assert summary.per_article == {"2a": 1, "2f": 1}
    assert summary.open_high == 1
    assert count(store, PostRow) == 3 and count(store, FindingRow) == 2


def test_rerun_on_the_same_export_adds_nothing(store) -> None:  # type: ignore[no-untyped-def]
    run_audit(store, POSTS)
    again = run_audit(store, POSTS)
    assert (again.posts_new, again.findings_new) == (0, 0)
    assert count(store, PostRow) == 3 and count(store, FindingRow) == 2


def test_a_newer_export_adds_only_what_is_new(store) -> None:  # type: ignore[no-untyped-def]
    run_audit(store, POSTS)
    newer = run_audit(store, [*POSTS, post(4, "Welkom Sanne in groep 1!")])
    assert (newer.posts_new, newer.findings_new) == (1, 1)


@pytest.mark.parametrize("gap", [0, 1, 2], ids=["same batch", "next batch", "later batch"])
def test_a_post_read_twice_in_one_export_is_stored_once(  # type: ignore[no-untyped-def]
    store, monkeypatch, gap
) -> None:
    # new posts are written after their batch's audit: a copy in the next batch comes first
    monkeypatch.setattr("auditor.pipeline.BATCH", 2)
    fillers = [post(20 + i, "Fijne vakantie allemaal!") for i in range(2 * gap)]
    summary = run_audit(store, [POSTS[0], *fillers, POSTS[0], POSTS[1]])
    assert (summary.posts_new, summary.findings_new) == (2 + len(fillers), 2)
    assert count(store, PostRow) == 2 + len(fillers) and count(store, FindingRow) == 2


def test_a_dismissed_finding_never_comes_back(store) -> None:  # type: ignore[no-untyped-def]
    run_audit(store, POSTS)
    with store.session() as session:
        finding = list_findings(session, FindingFilter(rule=["personal-data.name"]))[0]
        review(session, finding.id, Status.DISMISSED, by="test", note="toestemming van ouders")
    again = run_audit(store, POSTS)
    assert again.findings_new == 0 and again.open_high == 0
    with store.session() as session:
        statuses = [f.status for f in list_findings(session, FindingFilter())]
    assert sorted(statuses) == ["dismissed", "open"]


def test_a_failed_import_leaves_the_database_as_it_was(store) -> None:  # type: ignore[no-untyped-def]
    run_audit(store, POSTS)

    def broken_source() -> Iterator[Post]:
        yield post(10, "Sanne is jarig")
        yield post(11, "nog een")
        raise SourceError("tweets.js", "truncated JSON at byte 123")

    run_id = start_run(store, "broken", [])
    with pytest.raises(SourceError):
        with store.engine.begin() as conn:
            audit_posts(
                conn,
                ACCOUNT,
                broken_source(),
                engine(store.fingerprint_key()),
                run_id=run_id,
                analyser=None,
            )
    finish_run(store, run_id, None, "tweets.js: truncated")
    assert count(store, PostRow) == 3 and count(store, FindingRow) == 2
    with store.session() as session:
        assert session.get(AuditRun, run_id).status == "failed"


def test_findings_json_contract(store) -> None:  # type: ignore[no-untyped-def]
    run_audit(store, POSTS)
    with store.session() as session:
        rows = [finding_json(r) for r in list_findings(session, FindingFilter())]
    first = rows[0]
    assert {
        "id",
        "rule",
        "category",
        "article",
        "severity",
        "status",
        "excerpt",
        "span",
        "media",
        "post",
    } <= set(first)
    assert first["span"] == {"start": 0, "end": 5}
    assert first["media"] is None
    assert first["post"] == {
        "platform": "twitter",
        "external_id": "1790000000000000001",
        "created_at": "2025-03-12T09:15:00Z",
        "url": "https://x.com/obsdevlinder/status/1790000000000000001",
        "kind": "post",
    }
    assert "Sanne" not in first["excerpt"]


@pytest.mark.parametrize(
    ("flt", "rules"),
    [
        (FindingFilter(rule=["commercial.*"]), ["commercial.price"]),
        (FindingFilter(article=["2a"]), ["personal-data.name"]),
        (FindingFilter(status=["dismissed"]), []),
        (FindingFilter(platform=["facebook"]), []),
    ],
)
def test_finding_filters(store, flt, rules) -> None:  # type: ignore[no-untyped-def]
    run_audit(store, POSTS)
    with store.session() as session:
        assert [r.rule for r in list_findings(session, flt)] == rules
