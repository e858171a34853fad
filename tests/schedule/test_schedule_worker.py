"""The APScheduler wiring (inspected, never waited on) and a real worker process's clean stop."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from mailseed import FakeApp, make_config, write_config

from auditor.schedule import worker

AMS = ZoneInfo("Europe/Amsterdam")


def scheduled(schedule: dict | None = None):  # type: ignore[no-untyped-def]
    app = FakeApp(make_config(schedule=schedule or {}), store=None)
    scheduler = BlockingScheduler(timezone=AMS)
    worker.build_scheduler(app, worker.Tracker(), scheduler, now=datetime.now(UTC))
    return {job.id: job for job in scheduler.get_jobs()}


def test_every_job_runs_once_at_a_time_and_coalesces_missed_runs():
    jobs = scheduled()
    assert set(jobs) == {"audit", "digest", "purge", "outbox", "catch-up"}
    for job in jobs.values():
        assert job.coalesce is True
        assert job.max_instances == 1
    assert jobs["audit"].misfire_grace_time == 6 * 3600


def test_audit_and_digest_follow_the_default_cron_lines_in_amsterdam_time():
    jobs = scheduled()
    after = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    audit = jobs["audit"].trigger.get_next_fire_time(None, after)
    digest = jobs["digest"].trigger.get_next_fire_time(None, after)
    assert isinstance(jobs["audit"].trigger, CronTrigger)
    assert audit.astimezone(AMS).strftime("%a %d %H:%M") == "Thu 26 03:30"
    assert digest.astimezone(AMS).strftime("%a %d %H:%M") == "Mon 30 07:00"
    assert str(jobs["audit"].trigger.timezone) == "Europe/Amsterdam"


def test_configured_cron_lines_and_flush_interval_are_used():
    jobs = scheduled({"audit": "15 4 * * 1-5", "digest": "0 8 * * fri", "flush_minutes": 5})
    after = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # a Saturday
    audit = jobs["audit"].trigger.get_next_fire_time(None, after)
    assert audit.astimezone(AMS).strftime("%a %H:%M") == "Mon 04:15"
    assert isinstance(jobs["outbox"].trigger, IntervalTrigger)
    assert jobs["outbox"].trigger.interval.total_seconds() == 300


def test_a_crashing_job_is_logged_and_the_worker_goes_on(caplog):
    def broken(app, now):  # type: ignore[no-untyped-def]
        raise RuntimeError("database went away")

    tracker = worker.Tracker()
    tracker.run(broken, app=None)
    assert "broken crashed: RuntimeError: database went away" in caplog.text
    assert tracker.running == 0


def test_jobs_queued_before_a_stop_signal_do_not_start():
    calls = []
    stopping = threading.Event()
    tracker = worker.Tracker(stopping)
    stopping.set()
    tracker.run(lambda app, now: calls.append(now), app=None)
    assert calls == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_worker_process_stops_cleanly_on_a_signal_with_exit_code_0(tmp_path: Path, signum):
    config = write_config(
        tmp_path / "worker.toml",
        database={"url": f"sqlite:///{tmp_path / 'auditor.db'}"},
        storage={"reports_dir": str(tmp_path / "reports")},
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "auditor", "worker", "--config", str(config)],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(
        target=lambda: [lines.put(line) for line in process.stderr], daemon=True
    )
    reader.start()
    seen = []
    try:
        while not any("worker started" in line for line in seen):
            seen.append(lines.get(timeout=60))
        process.send_signal(signum)
        try:
            code = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            reader.join(timeout=10)
            while not lines.empty():
                seen.append(lines.get())
            pytest.fail("worker did not stop:\n" + "".join(seen))
        assert code == 0
    finally:
        if process.poll() is None:
            process.kill()
    reader.join(timeout=10)
    while not lines.empty():
        seen.append(lines.get())
    log = "".join(seen)
    assert "[mail].host is not set" in log
    assert "stopping after the running job" in log
    assert log.rstrip().endswith("worker stopped")
    assert "Traceback" not in log
