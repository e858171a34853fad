"""The worker's jobs, called directly with an injected clock: no scheduler, no sleeping."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger
from mailseed import (
    FakeApp,
    add_account,
    add_finding,
    add_post,
    add_run,
    mail_section,
    make_config,
    seed_week,
)

from auditor import live
from auditor.errors import SourceError
from auditor.notify import outbox
from auditor.pipeline import AuditSummary, finish_run, start_run
from auditor.schedule import jobs
from auditor.store import locks

AMS = ZoneInfo("Europe/Amsterdam")


def app_for(store, tmp_path, smtp_port=None, **mail):  # type: ignore[no-untyped-def]
    sections = {
        "storage": {"reports_dir": str(tmp_path / "reports")},
        "school": {"name": "OBS De Regenboog"},
    }
    if smtp_port is not None:
        sections["mail"] = mail_section(smtp_port, **mail)
    return FakeApp(make_config(**sections), store)


class FakeLive:
    """Stands in for live.audit_accounts: records calls, stores a finished worker run."""

    def __init__(self, store, high_findings: int = 0, error: Exception | None = None):  # type: ignore[no-untyped-def]
        self.store = store
        self.calls: list[dict] = []
        self.high_findings = high_findings
        self.error = error

    def __call__(self, app, *, account=None, since=None, images=True, trigger="cli"):  # type: ignore[no-untyped-def]
        self.calls.append({"trigger": trigger, "account": account})
        if self.error is not None:
            raise self.error
        run_id = start_run(self.store, "facebook, twitter", ["personal-data.phone"], trigger)
        now = datetime.now(UTC)
        with self.store.session() as s:
            account_row = add_account(s, handle=f"regenboog-{run_id}")
            for _ in range(self.high_findings):
                post = add_post(s, account_row, created_at=now - timedelta(hours=5))
                add_finding(s, post, detected_at=now, run_id=run_id)
        summary = AuditSummary(
            run_id=run_id,
            posts_seen=8,
            posts_new=3,
            findings_new=self.high_findings,
            open_high=self.high_findings,
        )
        finish_run(self.store, run_id, summary, None)
        return live.LiveResult(summary, "facebook, twitter")


# -- cron and DST -------------------------------------------------------------------------------


@pytest.mark.parametrize("switch_day", ["2026-03-29", "2026-10-25"])
def test_nightly_audit_fires_exactly_once_on_dst_switch_days(switch_day):
    trigger = CronTrigger.from_crontab("30 3 * * *", timezone=AMS)
    day = datetime.fromisoformat(switch_day).replace(tzinfo=AMS)
    fires = jobs.fire_times(trigger, day - timedelta(days=1), day + timedelta(days=2))
    on_switch_day = [t for t in fires if t.astimezone(AMS).date() == day.date()]
    assert len(on_switch_day) == 1
    assert on_switch_day[0].astimezone(AMS).strftime("%H:%M") == "03:30"
    assert [t.astimezone(AMS).day for t in fires] == [day.day - 1, day.day, day.day + 1]


def test_default_digest_fires_monday_at_seven_local_time():
    trigger = CronTrigger.from_crontab("0 7 * * mon", timezone=AMS)
    after = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday
    fire = trigger.get_next_fire_time(None, after)
    assert fire.astimezone(AMS).strftime("%a %Y-%m-%d %H:%M") == "Mon 2026-11-30 07:00"


@pytest.mark.parametrize(
    ("expr", "warned"),
    [("30 3 * * *", False), ("0 7 * * mon", False), ("30 2 * * *", True)],
)
def test_a_nightly_time_inside_the_dst_hour_is_warned_about(expr, warned):
    now = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    warnings = jobs.dst_warnings(expr, "Europe/Amsterdam", "[schedule].audit", now)
    assert bool(warnings) is warned
    if warned:
        assert all("[schedule].audit" in w and "02:00-03:00" in w for w in warnings)


@pytest.mark.parametrize("expr", ["30 3 * *", "99 3 * * *", "elke nacht"])
def test_a_bad_cron_line_is_a_config_error_naming_the_key(expr):
    from auditor.errors import ConfigError

    with pytest.raises(ConfigError, match=r"\[schedule\]\.audit"):
        jobs.cron(expr, "Europe/Amsterdam", "[schedule].audit")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 25, 10, 0, tzinfo=UTC), datetime(2026, 11, 25, 2, 30, tzinfo=UTC)),
        (datetime(2026, 11, 25, 2, 29, tzinfo=UTC), datetime(2026, 11, 24, 2, 30, tzinfo=UTC)),
        (datetime(2026, 11, 25, 2, 30, tzinfo=UTC), datetime(2026, 11, 25, 2, 30, tzinfo=UTC)),
    ],
)
def test_previous_fire_time_is_the_last_scheduled_time_at_or_before_now(now, expected):
    trigger = CronTrigger.from_crontab("30 3 * * *", timezone=AMS)
    assert jobs.previous_fire_time(trigger, now) == expected


# -- nightly_audit ------------------------------------------------------------------------------


def test_nightly_audit_skips_when_another_audit_holds_the_lock(
    store, tmp_path, monkeypatch, caplog
):
    fake = FakeLive(store)
    monkeypatch.setattr(live, "audit_accounts", fake)
    assert locks.try_acquire(store, "audit", "other-host:4242")
    with caplog.at_level(logging.INFO, logger="auditor.worker"):
        result = jobs.nightly_audit(app_for(store, tmp_path), datetime.now(UTC))
    assert (result.job, result.outcome) == ("audit", "skipped")
    assert fake.calls == []
    assert "audit skipped: another audit is running" in caplog.text
    assert locks.current_holder(store, "audit")[0] == "other-host:4242"


def test_nightly_audit_runs_as_worker_logs_one_line_and_frees_the_lock(
    store, tmp_path, monkeypatch, caplog
):
    fake = FakeLive(store)
    monkeypatch.setattr(live, "audit_accounts", fake)
    with caplog.at_level(logging.INFO, logger="auditor.worker"):
        result = jobs.nightly_audit(app_for(store, tmp_path), datetime.now(UTC))
    assert result.outcome == "done"
    assert fake.calls == [{"trigger": "worker", "account": None}]
    assert result.counts["posts_seen"] == 8
    [line] = [r.getMessage() for r in caplog.records if r.name == "auditor.worker"]
    assert line.startswith("audit done: run #") and "8 posts read (3 new)" in line
    assert locks.current_holder(store, "audit") is None


def test_a_failing_account_fails_the_run_but_not_the_worker(store, tmp_path, monkeypatch):
    fake = FakeLive(store, error=SourceError("facebook (page 1234)", "token expired"))
    monkeypatch.setattr(live, "audit_accounts", fake)
    result = jobs.nightly_audit(app_for(store, tmp_path), datetime.now(UTC))
    assert result.outcome == "failed"
    assert "token expired" in result.message
    assert locks.current_holder(store, "audit") is None


def test_new_high_findings_send_one_alert_per_run(store, tmp_path, monkeypatch, smtp_server):
    monkeypatch.setattr(live, "audit_accounts", FakeLive(store, high_findings=2))
    app = app_for(store, tmp_path, smtp_server.port)
    result = jobs.nightly_audit(app, datetime.now(UTC))
    assert "alert queued (1 sent" in result.message
    [message] = smtp_server.messages
    assert message["Subject"] == "OBS De Regenboog: Let op: 2 nieuwe bevinding(en) met hoge ernst"
    [entry] = outbox.entries(app.store)
    assert entry.key == f"alert:run:{result.counts['run_id']}"


@pytest.mark.parametrize(("high", "alert_on_high"), [(0, True), (2, False)])
def test_no_alert_without_new_high_findings_or_when_switched_off(
    store, tmp_path, monkeypatch, smtp_server, high, alert_on_high
):
    monkeypatch.setattr(live, "audit_accounts", FakeLive(store, high_findings=high))
    app = app_for(store, tmp_path, smtp_server.port, alert_on_high=alert_on_high)
    jobs.nightly_audit(app, datetime.now(UTC))
    assert smtp_server.messages == []


# -- catch-up after downtime --------------------------------------------------------------------


def test_missed_nights_are_caught_up_by_one_audit(store, tmp_path, monkeypatch):
    fake = FakeLive(store)
    monkeypatch.setattr(live, "audit_accounts", fake)
    now = datetime.now(UTC)
    with store.session() as s:
        add_run(s, started_at=now - timedelta(days=4))  # the worker was down for three nights
    app = app_for(store, tmp_path)
    results = jobs.catch_up(app, now)
    assert [r.job for r in results] == ["audit"]
    assert len(fake.calls) == 1
    assert jobs.catch_up(app, now + timedelta(minutes=1)) == []
    assert len(fake.calls) == 1


@pytest.mark.parametrize(
    ("last_run", "missed"),
    [
        (None, True),  # never ran as a worker
        (timedelta(hours=30), True),  # last night's run is missing
        (timedelta(hours=2), False),  # ran at 03:30 local, now it is 11:00
    ],
)
def test_an_audit_is_missed_when_no_worker_run_succeeded_since_the_last_scheduled_time(
    store, tmp_path, last_run, missed
):
    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # 11:00 in Amsterdam
    if last_run is not None:
        with store.session() as s:
            add_run(
                s,
                started_at=datetime(2026, 11, 25, 2, 30, tzinfo=UTC)
                + timedelta(hours=2)
                - last_run,
            )
    due = jobs.missed_audit(app_for(store, tmp_path), now)
    assert (due == datetime(2026, 11, 25, 2, 30, tzinfo=UTC)) is missed


@pytest.mark.parametrize(("status", "trigger"), [("failed", "worker"), ("done", "cli")])
def test_failed_or_manual_runs_do_not_count_as_the_nightly_audit(store, tmp_path, status, trigger):
    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    with store.session() as s:
        add_run(s, started_at=now - timedelta(hours=7), status=status, trigger=trigger)
    assert jobs.missed_audit(app_for(store, tmp_path), now) is not None


def test_a_digest_missed_this_week_is_sent_once_at_start_up(store, tmp_path, smtp_server):
    now = datetime.now(UTC)
    with store.session() as s:
        add_run(s, started_at=now)  # the audit is up to date
    app = app_for(
        store,
        tmp_path,
        smtp_server.port,
    )
    monday_seven = jobs.previous_fire_time(jobs.cron("0 7 * * mon", "Europe/Amsterdam", "d"), now)
    same_week = (
        jobs.period_ending("week", monday_seven, "Europe/Amsterdam").label
        == jobs.period_ending("week", now, "Europe/Amsterdam").label
    )
    results = jobs.catch_up(app, now)
    assert [r.job for r in results] == (["digest"] if same_week else [])
    assert len(smtp_server.messages) == (1 if same_week else 0)
    assert jobs.catch_up(app, now) == []


# -- digest and outbox jobs ---------------------------------------------------------------------


def test_weekly_digest_is_saved_and_mailed_once_per_week(store, tmp_path, smtp_server, now):
    seed_week(store, now)
    app = app_for(store, tmp_path, smtp_server.port)
    first = jobs.weekly_digest(app, now)
    second = jobs.weekly_digest(app, now + timedelta(hours=1))
    assert first.outcome == "done" and "1 sent" in first.message
    assert second.outcome == "skipped" and "already queued or sent" in second.message
    assert len(smtp_server.messages) == 1
    saved = tmp_path / "reports" / "out" / "digest-week-2026-W48.html"
    assert saved.exists() and (saved.with_suffix(".txt")).exists()


def test_weekly_digest_without_mail_settings_is_only_saved(store, tmp_path, now):
    result = jobs.weekly_digest(app_for(store, tmp_path), now)
    assert result.outcome == "done"
    assert "not mailed: [mail].host is not set" in result.message
    assert outbox.entries(store) == []


def test_flush_outbox_job_retries_until_the_server_is_back(store, tmp_path, smtp_server, now):
    app = app_for(store, tmp_path, smtp_server.port)
    smtp_server.stop()
    jobs.weekly_digest(app, now)
    assert [e.status for e in outbox.entries(store)] == ["queued"]
    assert jobs.flush_outbox(app, now).counts == {"sent": 0, "queued": 1, "failed": 0}
    smtp_server.start()
    assert jobs.flush_outbox(app, now).counts == {"sent": 1, "queued": 0, "failed": 0}
    assert jobs.flush_outbox(app, now).counts == {"sent": 0, "queued": 0, "failed": 0}
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("1-5", "mon,tue,wed,thu,fri"),
        ("0", "sun"),
        ("7", "sun"),
        ("0,6", "sun,sat"),
        ("*/2", "sun,tue,thu,sat"),
        ("mon", "mon"),
        ("*", "*"),
    ],
)
def test_numeric_weekdays_mean_what_crontab_means(field, names):
    # APScheduler 3 counts day_of_week 0 as Monday; crontab counts it as Sunday.
    assert jobs.crontab_weekdays(field) == names
