"""The words of the digest and alert mails in Dutch (default) and English, and date formats.

Templates get one of these tables as `t`; adding a language is one more table here.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "title_week": "Weekoverzicht social media",
        "title_day": "Dagoverzicht social media",
        "period": "Periode",
        "summary": "{new} nieuw in deze periode, {waiting} van eerder wachten nog op beoordeling",
        "all_clear": "Alles in orde: geen nieuwe bevindingen en niets wacht op beoordeling.",
        "all_clear_subject": "alles in orde",
        "accounts": "Gecontroleerde accounts",
        "whatsapp_groups": "WhatsApp: nieuwe bevindingen per groep",
        "whatsapp_group_line": "{group}: {total} nieuw ({articles})",
        "no_runs": "In deze periode is niets gecontroleerd. Draait `auditor worker` nog?",
        "runs": "controles",
        "failed": "mislukt",
        "posts_seen": "berichten gelezen",
        "findings_new": "nieuwe bevindingen",
        "last_run": "laatste controle",
        "new": "Nieuwe bevindingen",
        "none_new": "Geen nieuwe bevindingen in deze periode.",
        "waiting": "Van eerder, wachten nog op beoordeling",
        "none_waiting": "Niets wacht nog op beoordeling.",
        "reviewed": "Afgehandeld in deze periode",
        "trend": "Bevindingen per week (laatste 8 weken)",
        "week": "week",
        "posted": "geplaatst",
        "view_post": "bekijk bericht",
        "no_link": "geen link",
        "faces": "herkenbare gezichten",
        "not_checked": "niet gecontroleerd",
        "review_it": "beoordelen",
        "more_link": "en nog {n}: bekijk ze op de beoordelingssite",
        "age_today": "vandaag gevonden",
        "age_one": "1 dag oud",
        "age_many": "{n} dagen oud",
        "more": "en nog {n}: zie `auditor findings --status open`",
        "more_plain": "en nog {n}",
        "how_to_review": "Beoordelen: `auditor findings --status open` en `auditor review ID "
        "--dismiss` of `--resolve`.",
        "footer": "Gemaakt door auditor op {when}. Deze mail bevat alleen gemaskeerde "
        "fragmenten en nooit foto's.",
        "sev_high": "hoog",
        "sev_medium": "middel",
        "sev_low": "laag",
        "status_open": "open",
        "status_dismissed": "afgewezen",
        "status_resolved": "opgelost",
        "alert_title": "Let op: nieuwe bevindingen met hoge ernst",
        "alert_subject": "Let op: {n} nieuwe bevinding(en) met hoge ernst",
        "alert_intro": "De controle van {when} vond {n} nieuwe bevinding(en) met hoge ernst. "
        "Bekijk ze liefst vandaag nog.",
    },
    "en": {
        "title_week": "Weekly social media digest",
        "title_day": "Daily social media digest",
        "period": "Period",
        "summary": "{new} new in this period, {waiting} earlier ones waiting for review",
        "all_clear": "All clear: no new findings and nothing waiting for review.",
        "all_clear_subject": "all clear",
        "accounts": "Accounts audited",
        "whatsapp_groups": "WhatsApp: new findings per group",
        "whatsapp_group_line": "{group}: {total} new ({articles})",
        "no_runs": "Nothing was audited in this period. Is `auditor worker` still running?",
        "runs": "audits",
        "failed": "failed",
        "posts_seen": "posts read",
        "findings_new": "new findings",
        "last_run": "last audit",
        "new": "New findings",
        "none_new": "No new findings in this period.",
        "waiting": "Earlier, still waiting for review",
        "none_waiting": "Nothing is waiting for review.",
        "reviewed": "Handled in this period",
        "trend": "Findings per week (last 8 weeks)",
        "week": "week",
        "posted": "posted",
        "view_post": "view post",
        "no_link": "no link",
        "faces": "recognisable faces",
        "not_checked": "not checked",
        "review_it": "review",
        "more_link": "and {n} more: see them on the review site",
        "age_today": "found today",
        "age_one": "1 day old",
        "age_many": "{n} days old",
        "more": "and {n} more: see `auditor findings --status open`",
        "more_plain": "and {n} more",
        "how_to_review": "To review: `auditor findings --status open`, then `auditor review ID "
        "--dismiss` or `--resolve`.",
        "footer": "Made by auditor on {when}. This mail holds masked excerpts only and never "
        "photos.",
        "sev_high": "high",
        "sev_medium": "medium",
        "sev_low": "low",
        "status_open": "open",
        "status_dismissed": "dismissed",
        "status_resolved": "resolved",
        "alert_title": "Attention: new high-severity findings",
        "alert_subject": "Attention: {n} new high-severity finding(s)",
        "alert_intro": "The audit of {when} found {n} new high-severity finding(s). Please look "
        "at them today.",
    },
}


def texts(language: str) -> dict[str, str]:
    """The table for `language`, falling back to Dutch."""
    return TEXTS.get(language, TEXTS["nl"])


def format_date(value: date | datetime, language: str, tz: ZoneInfo | None = None) -> str:
    """ "24 november 2026" / "24 November 2026"; datetimes are shown in `tz` first."""
    if isinstance(value, datetime) and tz is not None:
        value = value.astimezone(tz)
    return f"{value.day} {MONTHS.get(language, MONTHS['nl'])[value.month - 1]} {value.year}"


def format_datetime(value: datetime, language: str, tz: ZoneInfo) -> str:
    """ "24 november 2026 07:00" in the school's timezone."""
    local = value.astimezone(tz)
    return f"{format_date(local, language)} {local:%H:%M}"


def format_age(days: int, language: str) -> str:
    t = texts(language)
    if days <= 0:
        return t["age_today"]
    return t["age_one"] if days == 1 else t["age_many"].format(n=days)
