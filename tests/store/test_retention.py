"""Retention, purge and the review trail on a real database (SQLite, and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditor.config import RetentionConfig
from auditor.errors import AuditorError
from auditor.models import Media, MediaKind, Status
from auditor.pipeline import audit_posts, finish_run, start_run
from auditor.store.models import (
    ClosedFingerprintRow,
    FindingRow,
    MediaRow,
    OutboxRow,
    PostRow,
    ReviewActionRow,
)
from auditor.store.retention import Cutoffs, purge_store
from auditor.store.reviews import Action, BulkSelection, history, review, review_many, select_open
from auditor.store.subjects import find_subject
from tests.factories import ACCOUNT, T0, engine, post

NOW = T0 + timedelta(days=400)  # every factory post is past a 365-day text retention
RETENTION = RetentionConfig(post_text_days=365, closed_findings_days=730)


def audit(store, posts, cutoff: datetime | None = None):  # type: ignore[no-untyped-def]
    run_id = start_run(store, "test", ["personal-data.name", "commercial.price"])
    with store.engine.begin() as conn:
        summary = audit_posts(
            conn,
            ACCOUNT,
            posts,
            engine(store.fingerprint_key()),
            run_id=run_id,
            analyser=None,
            text_cutoff=cutoff,
        )
    finish_run(store, run_id, summary, None)
    return summary


def texts(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with store.session() as session:
        return {
            r.external_id: r.text
            for r in session.execute(select(PostRow.external_id, PostRow.text))
        }


def finding_ids(store) -> list[int]:  # type: ignore[no-untyped-def]
    with store.session() as session:
        return list(session.scalars(select(FindingRow.id).order_by(FindingRow.id)))


def count(store, model) -> int:  # type: ignore[no-untyped-def]
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


NAMED = post(1, "Sanne uit groep 5 las het mooiste voor.")
CLEAN = post(2, "Fijne vakantie allemaal!")


def test_two_reviews_both_stay_in_the_trail_with_who_and_note(store) -> None:  # type: ignore[no-untyped-def]
    audit(store, [NAMED])
    (fid,) = finding_ids(store)
    with store.session() as session:
        review(session, fid, Action.DISMISS, by="juf Anouk", note="toestemming ouders")
    with store.session() as session:
        review(session, fid, Action.RESOLVE, by="FG", note="toch verwijderd")
    with store.session() as session:
        trail = history(session, fid)
        row = session.get(FindingRow, fid)
        assert row is not None and row.status == "resolved" and row.review_note == "toch verwijderd"
    assert [(a["action"], a["by"], a["note"]) for a in trail] == [
        ("dismiss", "juf Anouk", "toestemming ouders"),
        ("resolve", "FG", "toch verwijderd"),
    ]
    assert all(a["at"].endswith("Z") for a in trail)


def test_a_review_note_never_stores_a_phone_number_or_email(store) -> None:  # type: ignore[no-untyped-def]
    audit(store, [NAMED])
    (fid,) = finding_ids(store)
    with store.session() as session:
        review(session, fid, Status.DISMISSED, by="x", note="moeder belde: 06-12345678, a@b.nl")
        trail = history(session, fid)
    assert "12345678" not in trail[0]["note"] and "a@b.nl" not in trail[0]["note"]


def test_review_needs_a_reviewer_and_an_existing_finding(store) -> None:  # type: ignore[no-untyped-def]
    audit(store, [NAMED])
    with store.session() as session, pytest.raises(AuditorError, match="does not exist"):
        review(session, 999, Action.DISMISS, by="x")
    with store.session() as session, pytest.raises(AuditorError, match="who"):
        review(session, finding_ids(store)[0], Action.DISMISS, by=" ")


def test_bulk_selection_takes_only_open_findings_that_match(store) -> None:  # type: ignore[no-untyped-def]
    audit(store, [NAMED, post(3, "Kaarsen voor €3 per stuk."), post(4, "Sanne en Sanne!")])
    with store.session() as session:
        assert len(select_open(session, BulkSelection(rule="personal-data.*"))) == 2
        assert len(select_open(session, BulkSelection(rule="*", articles=("2f",)))) == 1
        early = BulkSelection(rule="*", before=T0 + timedelta(hours=2))
        assert len(select_open(session, early)) == 1
        review_many(session, select_open(session, early), Action.DISMISS, by="FG", note="oud")
    with store.session() as session:
        assert len(select_open(session, BulkSelection(rule="*"))) == 2


def test_old_posts_are_imported_without_text_unless_a_finding_is_open(store) -> None:  # type: ignore[no-untyped-def]
    summary = audit(store, [NAMED, CLEAN], cutoff=NOW - timedelta(days=365))
    assert summary.texts_not_kept == 1
    stored = texts(store)
    assert stored[NAMED.external_id] == NAMED.text  # open finding: kept until reviewed
    assert stored[CLEAN.external_id] == ""


def test_purge_removes_texts_once_reviewed_and_reimport_brings_nothing_back(store) -> None:  # type: ignore[no-untyped-def]
    cutoff = NOW - timedelta(days=365)
    audit(store, [NAMED, CLEAN], cutoff=cutoff)
    with store.session() as session:
        review(session, finding_ids(store)[0], Action.RESOLVE, by="FG", note="aangepast")
    dry = purge_store(store, RETENTION, NOW, dry_run=True)
    assert dry.counts["post texts"] == 1 and texts(store)[NAMED.external_id] == NAMED.text
    report = purge_store(store, RETENTION, NOW, dry_run=False)
    assert report.counts["post texts"] == 1
    assert set(texts(store).values()) == {""}
    again = audit(store, [NAMED, CLEAN], cutoff=cutoff)
    assert (again.findings_new, again.posts_new) == (0, 0)
    assert set(texts(store).values()) == {""}
    with store.session() as session:
        assert session.scalars(select(FindingRow.status)).all() == ["resolved"]


def test_purged_posts_are_found_by_subject_through_their_findings(store) -> None:  # type: ignore[no-untyped-def]
    audit(store, [NAMED, post(5, "#welkomjufSanne in groep 1")])
    key = store.fingerprint_key()
    with store.session() as session:
        before = find_subject(session, "sanne", key)
        review_many(
            session, list(session.scalars(select(FindingRow))), Action.DISMISS, by="FG", note="ok"
        )
    assert [h.text_kept for h in before] == [True, True]
    purge_store(store, RETENTION, NOW, dry_run=False)
    with store.session() as session:
        after = find_subject(session, "Sanne", key)
        assert find_subject(session, "Pieter", key) == []
    assert [h.external_id for h in after] == [h.external_id for h in before]
    assert [h.text_kept for h in after] == [False, False]
    assert all("Sanne" not in h.excerpt for h in after)


def test_closed_findings_past_retention_go_with_their_trail_but_stay_decided(store) -> None:  # type: ignore[no-untyped-def]
    audit(store, [NAMED, post(3, "Kaarsen voor €3 per stuk.")])
    first, second = finding_ids(store)
    with store.session() as session:
        review(session, first, Action.DISMISS, by="FG", note="ok", at=NOW - timedelta(days=800))
        review(session, second, Action.RESOLVE, by="FG", at=NOW - timedelta(days=10))
    report = purge_store(store, RETENTION, NOW, dry_run=False)
    assert (report.counts["closed findings"], report.counts["review actions"]) == (1, 1)
    assert finding_ids(store) == [second]
    assert count(store, ReviewActionRow) == 1 and count(store, ClosedFingerprintRow) == 1
    again = audit(store, [NAMED, post(3, "Kaarsen voor €3 per stuk.")])
    assert again.findings_new == 0 and finding_ids(store) == [second]


@pytest.mark.parametrize(
    "rules_changed", [False, True], ids=["unchanged-post-skipped", "rules-changed-reaudited"]
)
def test_a_dismissed_finding_deleted_by_retention_never_comes_back(  # type: ignore[no-untyped-def]
    store, rules_changed: bool
) -> None:
    audit(store, [NAMED, CLEAN])
    with store.session() as session:
        review(session, finding_ids(store)[0], Action.DISMISS, by="FG", at=NOW - timedelta(800))
    purge_store(store, RETENTION, NOW, dry_run=False)
    assert finding_ids(store) == [] and count(store, ClosedFingerprintRow) == 1
    audit_engine = engine(store.fingerprint_key())
    if rules_changed:
        audit_engine.rules[0] = replace(audit_engine.rules[0], version=2)
    run_id = start_run(store, "test", [])
    with store.engine.begin() as conn:
        again = audit_posts(
            conn, ACCOUNT, [NAMED, CLEAN], audit_engine, run_id=run_id, analyser=None
        )
    assert again.posts_unchanged == (0 if rules_changed else 2)
    assert (again.findings_new, again.open_high, again.per_article["2a"]) == (0, 0, 1)
    assert finding_ids(store) == []


def test_purge_deletes_old_sent_mail_and_keeps_recent(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        for key, created in (("old", NOW - timedelta(days=400)), ("new", NOW - timedelta(days=3))):
            session.add(
                OutboxRow(
                    key=key,
                    kind="digest",
                    subject="s",
                    recipients=[],
                    body_text="t",
                    body_html="h",
                    message_id=f"<{key}@x>",
                    status="sent",
                    created_at=created,
                )
            )
    assert purge_store(store, RETENTION, NOW, dry_run=False).counts["sent mails"] == 1
    assert count(store, OutboxRow) == 1


def test_purge_deletes_media_copies_no_kept_post_uses(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shared_copy, own_copy = tmp_path / "a.jpg", tmp_path / "b.jpg"
    for path in (shared_copy, own_copy):
        path.write_bytes(b"jpeg")

    def photo(path: Path) -> Media:
        return Media(MediaKind.PHOTO, path.name, path=path, sha256=path.stem * 32)

    old = post(1, "Sportdag!", media=(photo(shared_copy), photo(own_copy)))
    recent = post(2, "Weer sportdag!", media=(photo(shared_copy),), created_at=NOW)
    audit(store, [old, recent])
    assert purge_store(store, RETENTION, NOW, dry_run=True).counts["media copies"] == 1
    assert purge_store(store, RETENTION, NOW, dry_run=False).counts["media copies"] == 1
    assert shared_copy.exists() and not own_copy.exists()
    with store.session() as session:
        paths = session.scalars(select(MediaRow.path).order_by(MediaRow.id)).all()
    assert paths == [None, None, str(shared_copy)]


def test_an_old_post_imported_without_text_keeps_no_media_copy(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shared_copy, own_copy = tmp_path / "a.jpg", tmp_path / "b.jpg"
    for path in (shared_copy, own_copy):
        path.write_bytes(b"jpeg")
    media = [
        Media(MediaKind.PHOTO, p.name, path=p, sha256=p.stem * 32) for p in (shared_copy, own_copy)
    ]
    old = post(1, "Sportdag!", media=tuple(media))
    recent = post(2, "Weer sportdag!", media=(media[0],), created_at=NOW)
    summary = audit(store, [old, recent], cutoff=NOW - timedelta(days=365))
    assert summary.texts_not_kept == 1
    assert shared_copy.exists() and not own_copy.exists()
    with store.session() as session:
        rows = session.execute(select(MediaRow.path, MediaRow.status).order_by(MediaRow.id)).all()
    assert [tuple(r) for r in rows] == [
        (None, "pending"),
        (None, "pending"),
        (str(shared_copy), "pending"),
    ]


def test_cutoffs_follow_the_configured_days() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    cut = Cutoffs.of(RetentionConfig(post_text_days=30, closed_findings_days=60), now)
    assert (now - cut.post_text, now - cut.closed_findings) == (timedelta(30), timedelta(60))


def test_purge_deletes_rendered_digests_older_than_the_text_retention(
    store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import os

    out = tmp_path / "out"
    out.mkdir()
    old, new = out / "digest-2025-W01.html", out / "digest-2026-W40.html"
    for path in (old, new):
        path.write_text("<p>digest</p>", encoding="utf-8")
    stamp = (NOW - timedelta(days=400)).timestamp()
    os.utime(old, (stamp, stamp))
    stamp = (NOW - timedelta(days=3)).timestamp()
    os.utime(new, (stamp, stamp))
    dry = purge_store(store, RETENTION, NOW, dry_run=True, reports_out=out)
    assert dry.counts["report files"] == 1 and old.exists()
    assert (
        purge_store(store, RETENTION, NOW, dry_run=False, reports_out=out).counts["report files"]
        == 1
    )
    assert not old.exists() and new.exists()


def test_the_weekly_purge_job_reports_its_counts(tmp_path: Path) -> None:
    from auditor.cli import App
    from auditor.schedule.jobs import weekly_purge

    config = tmp_path / "auditor.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "a.db"}"\n', encoding="utf-8")
    import argparse

    result = weekly_purge(App(argparse.Namespace(config=str(config))), NOW)
    assert result.outcome == "done" and result.counts["post texts"] == 0
