"""The period a digest covers, and the key that makes sending it happen once.

A digest covers the findings detected in the last 7 days (week) or 24 hours (day) up to the
moment it is made. Its key is the ISO week (or the date) that moment falls in, in the school's
timezone: "digest:week:2026-W48". So a second digest asked for in the same week has the same
key and is not sent again, while the scheduled Monday digest always covers a full week.
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
    """The period of kind "week" or "day" that ends at `now` (an aware datetime)."""
    if kind not in LENGTHS:
        raise ConfigError(f"--period: use {' or '.join(LENGTHS)}, not {kind!r}")
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    end = now.astimezone(UTC)
    return Period(kind, end - LENGTHS[kind], end, period_label(kind, now, timezone), timezone)


def week_start(day: date) -> date:
    """The Monday of the ISO week containing `day`."""
    return day - timedelta(days=day.weekday())
