"""The worker's jobs as plain functions of `(app, now)`: tests call them directly, no scheduler.

Each job returns a `JobResult` and logs it as one line on the `auditor.worker` logger. A job
never raises for something it can report (a locked audit, a failing account, an SMTP outage):
the worker must keep running, and the next tick retries what can be retried.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.triggers.cron import CronTrigger

from auditor.config import MailConfig
from auditor.errors import AuditorError, ConfigError, LockedError
from auditor.notify import outbox, smtp
from auditor.report import render
from auditor.report.digest import Digest, build_alert, build_digest
from auditor.report.period import Period, period_ending, period_so_far, zone
from auditor.store import digest_queries, locks

log = logging.getLogger("auditor.worker")


@dataclass(frozen=True)
class JobResult:
    """What one run of a job did: outcome done | skipped | failed, and a one-line message."""

    job: str
    outcome: str
    message: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def line(self) -> str:
        return f"{self.job} {self.outcome}: {self.message}"


def _logged(result: JobResult, *, quiet: bool = False) -> JobResult:
    level = {"failed": logging.ERROR, "skipped": logging.WARNING}.get(result.outcome, logging.INFO)
    log.log(logging.DEBUG if quiet and result.outcome == "done" else level, result.line)
    return result


# -- mail helpers shared with `auditor digest` -------------------------------------------------


def missing_mail_setting(mail: MailConfig) -> str | None:
    """The first `[mail]` key sending needs but is empty ("host", "sender", "to"), or None."""
    return smtp.missing_setting(mail)


def reports_out(app: Any) -> Path:
    """Where rendered digests are saved: `<[storage].reports_dir>/out/`."""
    return Path(app.config.storage.reports_dir) / "out"


@dataclass(frozen=True)
class PreparedDigest:
    digest: Digest
    rendered: render.Rendered
    saved: list[Path]


def prepare_digest(
    app: Any,
    kind: str,
    now: datetime,
    formats: Sequence[str] | None = None,
    *,
    so_far: bool = False,
) -> PreparedDigest:
    """Build, render and save the digest of the last complete `kind` period before `now` (with
    `so_far`: of the current period up to `now`, a preview), in every report format or those
    of `formats`."""
    config = app.config
    chosen = period_so_far if so_far else period_ending
    period: Period = chosen(kind, now, config.schedule.timezone)
    with app.store.session() as session:
        digest = build_digest(
            session, period, now, config.mail.language, config.school.name, config.web.base_url
        )
    rendered = render.render_digest(digest)
    saved = render.save(rendered, reports_out(app), render.digest_stem(digest), formats)
    return PreparedDigest(digest, rendered, saved)


def queue_mail(app: Any, *, key: str, kind: str, rendered: render.Rendered, now: datetime) -> bool:
    """Put a rendered mail in the outbox under `key`; False when that key is there already."""
    mail = app.config.mail
    return outbox.queue(
        app.store,
        key=key,
        kind=kind,
        subject=rendered.subject,
        recipients=mail.to,
        text=rendered.text,
        html=rendered.html,
        message_id=smtp.new_message_id(mail.sender),
        now=now,
    )


# -- jobs -----------------------------------------------------------------------------------------


def nightly_audit(app: Any, now: datetime) -> JobResult:
    """Audit every configured account under the audit lock; alert on new high findings."""
    from auditor import live  # looked up at call time: tests replace live.audit_accounts

    try:
        with locks.held(app.store, "audit"):
            result = live.audit_accounts(app, trigger="worker")
    except LockedError:
        return _logged(JobResult("audit", "skipped", "another audit is running"))
    except AuditorError as exc:
        return _logged(JobResult("audit", "failed", str(exc)))
    summary, label = result.summary, result.label
    error = result.error()
    failure = str(error) if error is not None else ""
    if error is not None and not summary.run_ids:  # no account worked
        return _logged(JobResult("audit", "failed", failure))
    counts = {
        "run_id": summary.run_id,
        "posts_seen": summary.posts_seen,
        "posts_new": summary.posts_new,
        "findings_new": summary.findings_new,
        "open_high": summary.open_high,
        "warnings": len(summary.warnings),
    }
    message = (
        f"run #{summary.run_id} {label}: {summary.posts_seen} posts read "
        f"({summary.posts_new} new), {summary.findings_new} new findings, "
        f"{summary.open_high} open high"
    )
    if summary.warnings:
        message += f", {len(summary.warnings)} warnings (first: {summary.warnings[0]})"
    alert = alert_new_high(app, summary.run_id, now, summary.run_ids)
    if alert:
        message += f"; {alert}"
    if failure:
        return _logged(JobResult("audit", "failed", f"{failure}; {message}", counts))
    return _logged(JobResult("audit", "done", message, counts))


def alert_new_high(app: Any, run_id: int, now: datetime, run_ids: Sequence[int] = ()) -> str:
    """Queue and send the alert for a run's new high findings; says what it did ("": nothing)."""
    mail = app.config.mail
    if not mail.alert_on_high or not run_id or missing_mail_setting(mail):
        return ""
    with app.store.session() as session:
        alert = build_alert(
            session,
            run_id,
            now,
            mail.language,
            app.config.school.name,
            app.config.schedule.timezone,
            run_ids=run_ids,
            base_url=app.config.web.base_url,
        )
    if alert is None:
        return ""
    queued = queue_mail(
        app, key=f"alert:run:{run_id}", kind="alert", rendered=render.render_alert(alert), now=now
    )
    if not queued:
        return "alert was queued before"
    flushed = flush_outbox(app, now)
    return f"alert queued ({flushed.message})"


def weekly_purge(app: Any, now: datetime) -> JobResult:
    """Delete what is past `[retention]` (as `auditor purge`), under the audit lock."""
    from auditor.store.retention import purge_store

    try:
        with locks.held(app.store, "audit"):
            report = purge_store(
                app.store, app.config.retention, now, dry_run=False, reports_out=reports_out(app)
            )
    except LockedError:
        return _logged(JobResult("purge", "skipped", "an audit is running; next week again"))
    except AuditorError as exc:
        return _logged(JobResult("purge", "failed", str(exc)))
    message = ", ".join(f"{count} {kind}" for kind, count in report.counts.items())
    return _logged(JobResult("purge", "done", f"deleted {message}", dict(report.counts)))


def weekly_digest(app: Any, now: datetime, kind: str = "week") -> JobResult:
    """Render and save the digest; queue it once per period and send it when mail is set up."""
    try:
        prepared = prepare_digest(app, kind, now)
    except AuditorError as exc:
        return _logged(JobResult("digest", "failed", str(exc)))
    digest = prepared.digest
    counts = {"new": digest.new_total, "open": digest.open_total, "reviewed": digest.reviewed_total}
    where = f"saved {prepared.saved[0]}"
    summary = f"{digest.period.key}: {digest.new_total} new, {digest.open_total} open"
    missing = missing_mail_setting(app.config.mail)
    if missing:
        return _logged(
            JobResult(
                "digest",
                "done",
                f"{summary}; {where}; not mailed: [mail].{missing} is not set",
                counts,
            )
        )
    queued = queue_mail(
        app, key=digest.period.key, kind="digest", rendered=prepared.rendered, now=now
    )
    if not queued:
        return _logged(
            JobResult(
                "digest",
                "skipped",
                f"{summary}; {where}; already queued or sent, nothing sent",
                counts,
            )
        )
    flushed = flush_outbox(app, now)
    return _logged(JobResult("digest", "done", f"{summary}; {where}; {flushed.message}", counts))


def flush_outbox(app: Any, now: datetime) -> JobResult:
    """Send what is queued; an SMTP outage leaves it queued for the next tick."""
    mail = app.config.mail
    missing = missing_mail_setting(mail)
    if missing:
        waiting = len(outbox.entries(app.store, ("queued", "sending")))
        outcome = "failed" if waiting else "done"
        message = f"{waiting} queued; [mail].{missing} is not set"
        return _logged(JobResult("outbox", outcome, message, {"queued": waiting}), quiet=True)
    try:
        result = outbox.flush(app.store, mail, now=now)
    except AuditorError as exc:
        return _logged(JobResult("outbox", "failed", str(exc)))
    counts = {"sent": len(result.sent), "queued": len(result.retry), "failed": len(result.failed)}
    outcome = "failed" if result.errors else "done"
    quiet = not (result.sent or result.retry or result.failed)
    return _logged(JobResult("outbox", outcome, result.line, counts), quiet=quiet)


# -- schedule arithmetic and the start-up catch-up -----------------------------------------


CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


def crontab_weekdays(field: str) -> str:
    """Numeric crontab weekdays as names: APScheduler 3 counts 0 as Monday, crontab as Sunday.

    "1-5" -> "mon,tue,wed,thu,fri"; "*/2" -> "sun,tue,thu,sat"; names and "*" stay as they are.
    """
    if field == "*" or any(ch.isalpha() for ch in field):
        return field
    days: list[str] = []
    for part in field.split(","):
        base, _, step_text = part.partition("/")
        step = int(step_text) if step_text else 1
        if base == "*":
            first, last = 0, 6
        elif "-" in base:
            first, last = (int(x) for x in base.split("-", 1))
        else:
            first = last = int(base)
            if step_text:
                last = 6
        if not (0 <= first <= last <= 7) or step < 1:
            raise ValueError(f"day of week {part!r}: use 0-7 (0 and 7 are Sunday) or names")
        days.extend(CRON_DAYS[n] for n in range(first, last + 1, step) if CRON_DAYS[n] not in days)
    return ",".join(days)


def cron(expr: str, timezone: str, where: str) -> CronTrigger:
    """A CronTrigger for a crontab line in `timezone`, or a ConfigError naming the setting."""
    tz = zone(timezone)
    try:
        fields = expr.split()
        if len(fields) == 5:
            fields[4] = crontab_weekdays(fields[4])
        return CronTrigger.from_crontab(" ".join(fields), timezone=tz)
    except ValueError as exc:
        raise ConfigError(f"{where}: {expr!r} is not a valid cron expression ({exc})") from None


def fire_times(trigger: CronTrigger, start: datetime, end: datetime) -> list[datetime]:
    """Every fire time in [start, end]."""
    # Compare and step in UTC: datetimes sharing a tzinfo compare by wall clock, ignoring the
    # fold that tells the two 02:30s of the repeated DST hour apart.
    times: list[datetime] = []
    end_utc = end.astimezone(UTC)
    moment = trigger.get_next_fire_time(None, start)
    while moment is not None and moment.astimezone(UTC) <= end_utc:
        times.append(moment)
        after = moment.astimezone(UTC) + timedelta(seconds=1)
        moment = trigger.get_next_fire_time(moment, after)
        if moment is not None and moment.astimezone(UTC) < after:  # never loop in place
            moment = trigger.get_next_fire_time(None, after + timedelta(hours=1))
    return times


def previous_fire_time(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The last fire time at or before `now` (None if none in the past ~2 years)."""
    window = timedelta(hours=1)
    while window <= timedelta(days=800):
        times = fire_times(trigger, now - window, now)
        if times:
            return times[-1]
        window *= 2
    return None


def missed_audit(app: Any, now: datetime) -> datetime | None:
    """The scheduled audit time the worker missed (no successful worker run since), or None."""
    schedule = app.config.schedule
    trigger = cron(schedule.audit, schedule.timezone, "[schedule].audit")
    due = previous_fire_time(trigger, now)
    if due is None:
        return None
    with app.store.session() as session:
        last = digest_queries.last_successful_run(session, "worker")
    return due if last is None or last < due else None


def missed_digest(app: Any, now: datetime) -> datetime | None:
    """The digest time missed in the current period (its key is not in the outbox), or None."""
    config = app.config
    if missing_mail_setting(config.mail):
        return None
    trigger = cron(config.schedule.digest, config.schedule.timezone, "[schedule].digest")
    due = previous_fire_time(trigger, now)
    if due is None:
        return None
    tz = config.schedule.timezone
    if period_ending("week", due, tz).label != period_ending("week", now, tz).label:
        return None  # missed in an earlier week: this week's scheduled digest covers it
    with app.store.session() as session:
        sent = digest_queries.outbox_has(session, period_ending("week", now, tz).key)
    return None if sent else due


def catch_up(app: Any, now: datetime) -> list[JobResult]:
    """At start-up: run a missed audit once (not once per missed night), then a missed digest."""
    results = []
    due = missed_audit(app, now)
    if due is not None:
        log.info("catch-up: the audit due at %s did not run; running it now", _local(app, due))
        results.append(nightly_audit(app, now))
    due = missed_digest(app, now)
    if due is not None:
        log.info("catch-up: the digest due at %s was not sent; sending it now", _local(app, due))
        results.append(weekly_digest(app, now))
    return results


def _local(app: Any, moment: datetime) -> str:
    return f"{moment.astimezone(zone(app.config.schedule.timezone)):%Y-%m-%d %H:%M %Z}"


def dst_warnings(expr: str, timezone: str, where: str, now: datetime) -> list[str]:
    """Warn when a daily cron fires zero or two times on a DST switch day in the next year."""
    trigger = cron(expr, timezone, where)
    tz = zone(timezone)
    warnings = []
    today = now.astimezone(tz).date()
    for offset in range(366):
        day = today + timedelta(days=offset)
        if _utcoffset(day, tz) == _utcoffset(day + timedelta(days=1), tz):
            continue
        before = _fires_on(trigger, day - timedelta(days=1), tz)
        on = _fires_on(trigger, day, tz)
        if before == 1 and on != 1:
            warnings.append(
                f"{where}: {expr!r} fires {on} time(s) on {day} (clock change in {timezone}); "
                "pick a time outside 02:00-03:00"
            )
    return warnings


def _utcoffset(day: date, tz: Any) -> timedelta | None:
    return datetime(day.year, day.month, day.day, tzinfo=tz).utcoffset()


def _fires_on(trigger: CronTrigger, day: date, tz: Any) -> int:
    start = datetime(day.year, day.month, day.day, tzinfo=tz)
    next_midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    end = next_midnight.astimezone(UTC)
    return len([t for t in fire_times(trigger, start, next_midnight) if t.astimezone(UTC) < end])
