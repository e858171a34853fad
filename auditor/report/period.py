"""The period a digest covers, and the key that makes sending it happen once.

A week digest covers the last complete calendar week in the school's timezone: Monday 00:00 to
Sunday 24:00 (the Monday 07:00 digest covers the week that just ended, whatever time it is
sent); a day digest the last complete local day. Its key names that week (or date):
"digest:week:2026-W48", so the digest of one week is sent once, however often it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from auditor.errors import ConfigError

LENGTHS = {"week": timedelta(days=7), "day": timedelta(days=1)}


@dataclass(frozen=True)
class Period:
    """A window [start, end) in UTC plus the local label that names it ("2026-W48")."""

    kind: str  # "week" | "day"
    start: datetime
    end: datetime
    label: str
    timezone: str

    @property
    def key(self) -> str:
        """Outbox key of this period's digest: unique per kind and label."""
        return f"digest:{self.kind}:{self.label}"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def zone(name: str, where: str = "[schedule].timezone") -> ZoneInfo:
    """The named IANA timezone, or a ConfigError naming the setting."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{where}: unknown timezone {name!r} (e.g. Europe/Amsterdam)") from None


def period_label(kind: str, moment: datetime, timezone: str) -> str:
    """ISO week ("2026-W48") or date ("2026-11-24") that `moment` falls in, locally."""
    local = moment.astimezone(zone(timezone))
    if kind == "week":
        year, week, _day = local.isocalendar()
        return f"{year}-W{week:02d}"
    return local.date().isoformat()


def period_ending(kind: str, now: datetime, timezone: str = "Europe/Amsterdam") -> Period:
    """The last complete local week (Monday 00:00 to Sunday 24:00) or day before `now` (an
    aware datetime). Local midnights are turned into UTC one by one, so a week with a DST
    change is 167 or 169 hours long, as the calendar says."""
    if kind not in LENGTHS:
        raise ConfigError(f"--period: use {' or '.join(LENGTHS)}, not {kind!r}")
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    tz = zone(timezone)
    today = now.astimezone(tz).date()
    last = week_start(today) if kind == "week" else today
    first = last - (timedelta(weeks=1) if kind == "week" else timedelta(days=1))
    start = datetime(first.year, first.month, first.day, tzinfo=tz).astimezone(UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=tz).astimezone(UTC)
    return Period(kind, start, end, period_label(kind, start, timezone), timezone)


def week_start(day: date) -> date:
    """The Monday of the ISO week containing `day`."""
    return day - timedelta(days=day.weekday())


def period_so_far(kind: str, now: datetime, timezone: str = "Europe/Amsterdam") -> Period:
    """The current local week (from Monday 00:00) or day (from 00:00) up to `now`: what a
    preview of the digest shows before the period is complete."""
    complete = period_ending(kind, now, timezone)
    end = now.astimezone(UTC)
    return Period(kind, complete.end, end, period_label(kind, complete.end, timezone), timezone)
