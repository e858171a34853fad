"""`auditor worker`: APScheduler 3.x wiring around the plain jobs in `jobs.py`, nothing more.

One thread runs the jobs, so they never overlap inside one worker; the database lock keeps
several workers (and a manual `auditor audit`) apart. coalesce + max_instances=1 + a misfire
grace time make a late or missed tick run once, and `jobs.catch_up` covers the downtime before
start-up (APScheduler keeps its jobs in memory and forgets missed runs on restart).

SIGTERM or SIGINT: no new jobs start and the running one finishes; its transaction commits.
A second signal stops at once: the unfinished transaction is rolled back by the database and
the audit lock released. Either way the worker exits 0.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.events import EVENT_SCHEDULER_STARTED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from auditor.errors import ConfigError
from auditor.schedule import jobs
from auditor.store import locks

log = logging.getLogger("auditor.worker")

AUDIT_GRACE = timedelta(hours=6)
DIGEST_GRACE = timedelta(hours=12)

Job = Callable[[Any, datetime], Any]


class Tracker:
    """Counts running jobs, so a stopping worker knows when the last one has finished."""

    def __init__(self, stopping: threading.Event | None = None) -> None:
        self._lock = threading.Lock()
        self.running = 0
        self.stopping = stopping or threading.Event()

    def run(self, job: Job, app: Any) -> None:
        if self.stopping.is_set():
            return  # queued before the stop signal: do not start it any more
        with self._lock:
            self.running += 1
        try:
            job(app, datetime.now(UTC))
        except Exception as exc:  # a job must never take the worker down
            log.error("%s crashed: %s: %s", getattr(job, "__name__", job), type(exc).__name__, exc)
            log.debug("traceback", exc_info=True)
        finally:
            with self._lock:
                self.running -= 1


class SignalCounter:
    """Counts SIGTERM/SIGINT; a watcher thread acts on them.

    The handler itself only increments a counter: a signal handler that took a lock (logging,
    the executor's queue, the scheduler's own locks) could deadlock on the very lock the
    interrupted main thread holds.
    """

    def __init__(self, act: Callable[[int, str], None], poll: float = 0.1) -> None:
        self.count = 0
        self.name = ""
        self._act = act
        self._poll = poll

    def handler(self, signum: int, _frame: Any) -> None:
        self.name = signal.Signals(signum).name
        self.count += 1

    def watch(self) -> threading.Thread:
        def loop() -> None:
            handled = 0
            while True:
                time.sleep(self._poll)
                while handled < self.count:
                    handled += 1
                    self._act(handled, self.name)

        thread = threading.Thread(target=loop, name="signal-watcher", daemon=True)
        thread.start()
        return thread


def build_scheduler(
    app: Any, tracker: Tracker, scheduler: BaseScheduler | None = None, now: datetime | None = None
) -> BaseScheduler:
    """The scheduler with the audit, digest, purge and outbox jobs (and a due catch-up run)."""
    schedule = app.config.schedule
    tz = jobs.zone(schedule.timezone)
    if schedule.flush_minutes < 1:
        raise ConfigError(f"{app.config.source}: [schedule].flush_minutes: use 1 or more")
    audit = jobs.cron(schedule.audit, schedule.timezone, "[schedule].audit")
    digest = jobs.cron(schedule.digest, schedule.timezone, "[schedule].digest")
    purge = jobs.cron(schedule.purge, schedule.timezone, "[schedule].purge")
    if scheduler is None:
        scheduler = BlockingScheduler(timezone=tz, executors={"default": ThreadPoolExecutor(1)})
    common = {"coalesce": True, "max_instances": 1, "replace_existing": True}
    timed_jobs = (
        (jobs.nightly_audit, audit, "audit", "nightly audit", AUDIT_GRACE),
        (jobs.weekly_digest, digest, "digest", "weekly digest", DIGEST_GRACE),
        (jobs.weekly_purge, purge, "purge", "weekly purge", DIGEST_GRACE),
    )
    for job, trigger, job_id, name, grace in timed_jobs:
        scheduler.add_job(
            tracker.run,
            trigger,
            args=(job, app),
            id=job_id,
            name=name,
            misfire_grace_time=int(grace.total_seconds()),
            **common,
        )
    scheduler.add_job(
        tracker.run,
        IntervalTrigger(minutes=schedule.flush_minutes, timezone=tz),
        args=(jobs.flush_outbox, app),
        id="outbox",
        name="outbox flush",
        misfire_grace_time=60 * schedule.flush_minutes,
        **common,
    )
    scheduler.add_job(
        tracker.run,
        DateTrigger(run_date=now or datetime.now(UTC), timezone=tz),
        args=(jobs.catch_up, app),
        id="catch-up",
        name="catch-up",
        misfire_grace_time=None,
        **common,
    )
    return scheduler


def run_worker(app: Any) -> int:
    """Run until SIGTERM/SIGINT; returns the exit code (0)."""
    store = app.store  # open (and migrate) the database now, in the main thread
    schedule, mail = app.config.schedule, app.config.mail
    now = datetime.now(UTC)
    crons = ((schedule.audit, "[schedule].audit"), (schedule.digest, "[schedule].digest"))
    for expr, where in crons:
        for warning in jobs.dst_warnings(expr, schedule.timezone, where, now):
            log.warning(warning)
    missing = jobs.missing_mail_setting(mail)
    if missing:
        log.warning(
            "[mail].%s is not set: digests are saved under %s only, not mailed",
            missing,
            jobs.reports_out(app),
        )
    stopping = threading.Event()
    tracker = Tracker(stopping)
    scheduler = build_scheduler(app, tracker, now=now)

    def stop_scheduler() -> None:
        try:
            scheduler.shutdown(wait=False)  # start() returns; the running job goes on
        except SchedulerNotRunningError:
            pass

    def on_started(_event: Any) -> None:
        if stopping.is_set():  # the stop came while the scheduler was starting
            stop_scheduler()
            return
        log.info(
            "worker started: audit %r, digest %r (%s), outbox every %d min; database %s",
            schedule.audit,
            schedule.digest,
            schedule.timezone,
            schedule.flush_minutes,
            store.label,
        )

    def on_signal_count(count: int, name: str) -> None:
        if count == 1:
            log.info("%s: stopping after the running job (send it again to stop at once)", name)
            stopping.set()
            if scheduler.running:
                stop_scheduler()
            return
        log.warning("%s again: stopping now; the unfinished transaction is rolled back", name)
        locks.release(store, "audit", locks.holder_id())
        logging.shutdown()
        os._exit(0)  # the job thread cannot be interrupted; the database undoes its work

    signals = SignalCounter(on_signal_count)
    scheduler.add_listener(on_started, EVENT_SCHEDULER_STARTED)
    signal.signal(signal.SIGTERM, signals.handler)
    signal.signal(signal.SIGINT, signals.handler)
    signals.watch()
    if not stopping.is_set():
        scheduler.start()  # blocks until a stop signal shuts it down
    while tracker.running:
        time.sleep(0.2)
    log.info("worker stopped")
    return 0
