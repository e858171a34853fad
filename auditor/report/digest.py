"""The digest: what happened in a period, built from the store as plain frozen data.

`build_digest` only reads; the formats in `auditor.report.render` turn a `Digest` into HTML or
text. A digest holds masked excerpts, face counts and post links, never post texts or photos.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath, PureWindowsPath

from sqlalchemy.orm import Session

from auditor import protocol, redact
from auditor.report.period import Period, week_start
from auditor.store import digest_queries as dq
from auditor.store.models import AuditRun, FindingRow
from auditor.store.queries import FindingFilter, list_findings

MAX_LISTED = 50  # per section; the rest is counted ("and 12 more")
FIRST_WORDS = 60  # characters of a post quoted (masked) when there is no link to it
# Stored excerpts of photo findings begin with the media's file name: not for a mail.
MEDIA_LABEL = re.compile(r"^\[(?:photo|video|gif|other|foto|bijlage)\s+\d+:[^\]]*\]\s*", re.I)
TREND_WEEKS = 8
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class DigestFinding:
    """One finding as the digest shows it: masked excerpt, link, age; never the raw value."""

    id: int
    rule: str
    article: str
    severity: str
    status: str
    excerpt: str
    reason: str
    platform: str
    post_url: str | None
    posted_at: datetime
    detected_at: datetime
    age_days: int
    faces: int | None = None  # recognisable faces, for photo findings
    group: str | None = None  # the WhatsApp group's name (never a person's: senders are not kept)
    title: str = ""  # the rule's human title ("Privé telefoonnummer")
    review_url: str | None = None  # the finding's page on the review site ([web] base_url)
    first_words: str = ""  # the post's first words, masked: how to find a post without a link
    unchecked: bool = False  # its photo or video was not analysed

    @property
    def link(self) -> str | None:
        return self.post_url or self.review_url


@dataclass(frozen=True)
class ChatGroup:
    """New WhatsApp findings of one group: its name and the count per article ("3c": 1)."""

    name: str
    per_article: tuple[tuple[str, int], ...]
    total: int

    @property
    def articles(self) -> str:
        return ", ".join(f"{article} {count}x" for article, count in self.per_article)


@dataclass(frozen=True)
class ArticleGroup:
    """New findings under one protocol article ("Artikel 1a")."""

    article: str
    label: str
    title: str
    findings: tuple[DigestFinding, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.findings)


@dataclass(frozen=True)
class SourceRuns:
    """The audit runs of one source (account names or archive) in the period."""

    source: str
    runs: int
    failed: int
    posts_seen: int
    findings_new: int
    last_run: datetime


@dataclass(frozen=True)
class TrendWeek:
    """Findings detected in one ISO week; `percent` is the bar width relative to the top week."""

    label: str
    start: date
    count: int
    percent: int


@dataclass(frozen=True)
class Digest:
    period: Period
    generated_at: datetime
    language: str
    school: str
    runs: tuple[SourceRuns, ...]
    new_groups: tuple[ArticleGroup, ...]
    new_total: int
    new_high: int
    waiting: tuple[DigestFinding, ...]  # open and detected before the period, oldest first
    waiting_total: int
    open_total: int  # open findings overall (new ones included)
    reviewed: tuple[DigestFinding, ...]
    reviewed_total: int
    trend: tuple[TrendWeek, ...]
    whatsapp_groups: tuple[ChatGroup, ...] = ()
    review_url: str = ""  # the review site's findings page, when [web] base_url is set

    def trimmed(self, limit: int) -> Digest:
        """The same digest listing at most `limit` findings per section (the rest counted)."""
        return replace(
            self,
            new_groups=tuple(replace(g, findings=g.findings[:limit]) for g in self.new_groups),
            waiting=self.waiting[:limit],
            reviewed=self.reviewed[:limit],
        )

    @property
    def all_clear(self) -> bool:
        """Nothing new and nothing waiting for review."""
        return self.new_total == 0 and self.open_total == 0

    @property
    def waiting_more(self) -> int:
        return self.waiting_total - len(self.waiting)

    @property
    def reviewed_more(self) -> int:
        return self.reviewed_total - len(self.reviewed)


def safe_url(url: str | None) -> str | None:
    """Only web links end up in a mail (no javascript: or file: links from imported data)."""
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


def source_name(source: str) -> str:
    """An archive's file name without the folders (which may name a person), else as stored."""
    if "/" in source or "\\" in source:
        path = PureWindowsPath(source) if "\\" in source else PurePosixPath(source)
        return path.name or source
    return source


def review_link(base_url: str, finding_id: int | None = None) -> str | None:
    """The review site's page of a finding (or its findings page), None without a base_url."""
    base = safe_url(base_url.rstrip("/")) if base_url else None
    if base is None:
        return None
    return f"{base}/findings/{finding_id}" if finding_id is not None else f"{base}/findings"


def first_words(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The start of a post with its personal data masked and stray numbers scrubbed."""
    from auditor.models import Span

    masked = [(Span(start, end), kind or "name") for start, end, kind in spans]
    return redact.excerpt(text, None, masked, context=FIRST_WORDS // 2)


def digest_finding(
    row: FindingRow,
    now: datetime,
    language: str = "nl",
    base_url: str = "",
    spans: Sequence[tuple[int, int, str]] = (),
) -> DigestFinding:
    faces = None  # the same face count `auditor findings --format json` shows
    unchecked = row.rule == "image.unanalysed" or (
        row.media is not None and row.media.status != "analysed"
    )
    if not unchecked and (row.media is not None or "faces" in row.details):
        raw = row.details.get("faces", row.media.recognisable if row.media is not None else None)
        faces = int(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else None
    post_url = safe_url(row.post.url)
    return DigestFinding(
        id=row.id,
        rule=row.rule,
        article=row.article,
        severity=row.severity,
        status=row.status,
        excerpt=MEDIA_LABEL.sub("", row.excerpt),
        reason=row.reason,
        platform=row.post.platform,
        post_url=post_url,
        posted_at=row.post.created_at,
        detected_at=row.detected_at,
        age_days=max((now - row.detected_at).days, 0),
        faces=faces,
        title=protocol.rule_title(row.rule, language),
        review_url=review_link(base_url, row.id),
        first_words="" if post_url else first_words(row.post.text, spans),
        unchecked=unchecked,
        group=_chat_group(row),
    )


def _chat_group(row: FindingRow) -> str | None:
    if row.post.platform != "whatsapp":
        return None
    account = row.post.account
    return (account.name or account.handle) if account is not None else None


def group_by_chat(findings: Iterable[DigestFinding]) -> tuple[ChatGroup, ...]:
    """New WhatsApp findings per group, groups by name, articles in protocol order."""
    by_group: dict[str, Counter[str]] = {}
    for f in findings:
        if f.group is not None:
            by_group.setdefault(f.group, Counter())[f.article] += 1
    return tuple(
        ChatGroup(name, tuple(sorted(counts.items())), sum(counts.values()))
        for name, counts in sorted(by_group.items(), key=lambda item: item[0].casefold())
    )


def group_by_article(
    findings: Iterable[DigestFinding], language: str, limit: int = MAX_LISTED
) -> tuple[ArticleGroup, ...]:
    """Findings per article, articles in protocol order, high severity first within each."""
    by_article: dict[str, list[DigestFinding]] = {}
    for f in findings:
        by_article.setdefault(f.article, []).append(f)
    groups = []
    for article in sorted(by_article):
        items = sorted(by_article[article], key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.id))
        groups.append(
            ArticleGroup(
                article=article,
                label=protocol.label(article, language),
                title=protocol.title(article, language),
                findings=tuple(items[:limit]),
                total=len(items),
            )
        )
    return tuple(groups)


def summarise_runs(runs: Iterable[AuditRun]) -> tuple[SourceRuns, ...]:
    grouped: dict[str, list[AuditRun]] = {}
    for run in runs:
        grouped.setdefault(source_name(run.source) or "?", []).append(run)
    return tuple(
        SourceRuns(
            source=source,
            runs=len(items),
            failed=sum(r.status == "failed" for r in items),
            posts_seen=sum(r.posts_seen for r in items),
            findings_new=sum(r.findings_new for r in items),
            last_run=max(r.started_at for r in items),
        )
        for source, items in sorted(grouped.items())
    )


def weekly_trend(
    detected: Iterable[datetime], now: datetime, period: Period, weeks: int = TREND_WEEKS
) -> tuple[TrendWeek, ...]:
    """Counts per local ISO week for the `weeks` weeks ending with the period's last week."""
    tz = period.tz
    last = week_start(_last_day(period))
    starts = [last - timedelta(weeks=i) for i in reversed(range(weeks))]
    counts = Counter(week_start(moment.astimezone(tz).date()) for moment in detected)
    top = max((counts[s] for s in starts), default=0)
    return tuple(
        TrendWeek(
            label=f"W{s.isocalendar()[1]:02d}",
            start=s,
            count=counts[s],
            percent=(max(round(100 * counts[s] / top), 2) if counts[s] else 0) if top else 0,
        )
        for s in starts
    )


def _last_day(period: Period) -> date:
    """The local date of the period's last moment (its end is the next local midnight)."""
    return (period.end - timedelta(microseconds=1)).astimezone(period.tz).date()


def trend_since(now: datetime, period: Period, weeks: int = TREND_WEEKS) -> datetime:
    """The first moment the trend counts: local Monday 00:00, `weeks - 1` weeks back."""
    tz = period.tz
    first = week_start(_last_day(period)) - timedelta(weeks=weeks - 1)
    return datetime(first.year, first.month, first.day, tzinfo=tz)


def build_digest(
    session: Session,
    period: Period,
    now: datetime,
    language: str = "nl",
    school: str = "",
    base_url: str = "",
) -> Digest:
    """Read what the digest of `period` shows; no writes, no other I/O. With `base_url` (the
    review site, `[web] base_url`) every finding links to its page there."""
    new_rows = list_findings(
        session, FindingFilter(detected_since=period.start, detected_until=period.end)
    )
    waiting_rows = list_findings(
        session, FindingFilter(status=("open",), detected_until=period.start)
    )
    reviewed_rows = dq.reviewed_between(session, period.start, period.end)
    spans = dq.personal_spans(
        session,
        sorted({r.post_id for r in (*new_rows, *waiting_rows, *reviewed_rows) if not r.post.url}),
    )

    def one(row: FindingRow) -> DigestFinding:
        return digest_finding(row, now, language, base_url, spans.get(row.post_id, ()))

    new = [one(row) for row in new_rows]
    waiting = sorted((one(row) for row in waiting_rows), key=lambda f: (f.detected_at, f.id))
    reviewed = [one(row) for row in reviewed_rows]
    detected = dq.detection_times(session, trend_since(now, period), period.end)
    return Digest(
        period=period,
        generated_at=now,
        language=language,
        school=school,
        runs=summarise_runs(dq.runs_between(session, period.start, period.end)),
        new_groups=group_by_article(new, language),
        new_total=len(new),
        new_high=sum(f.severity == "high" for f in new),
        waiting=tuple(waiting[:MAX_LISTED]),
        waiting_total=len(waiting),
        open_total=len(waiting) + sum(f.status == "open" for f in new),
        reviewed=tuple(reviewed[:MAX_LISTED]),
        reviewed_total=len(reviewed),
        trend=weekly_trend(detected, now, period),
        whatsapp_groups=group_by_chat(new),
        review_url=review_link(base_url) or "",
    )


@dataclass(frozen=True)
class Alert:
    """New high-severity findings of one audit run, for the immediate alert mail."""

    run_id: int
    run_started: datetime
    generated_at: datetime
    language: str
    school: str
    timezone: str
    groups: tuple[ArticleGroup, ...]
    total: int


def build_alert(
    session: Session,
    run_id: int,
    now: datetime,
    language: str = "nl",
    school: str = "",
    timezone: str = "Europe/Amsterdam",
    run_ids: Sequence[int] = (),
    base_url: str = "",
) -> Alert | None:
    """The alert for a run (and the other accounts' runs of the same audit, `run_ids`), or
    None when they stored no open high-severity finding."""
    rows = dq.high_findings_of_run(session, list(run_ids) or run_id)
    if not rows:
        return None
    run = session.get(AuditRun, run_id)
    spans = dq.personal_spans(session, sorted({r.post_id for r in rows if not r.post.url}))
    findings = [
        digest_finding(row, now, language, base_url, spans.get(row.post_id, ())) for row in rows
    ]
    return Alert(
        run_id=run_id,
        run_started=run.started_at if run is not None else now,
        generated_at=now,
        language=language,
        school=school,
        timezone=timezone,
        groups=group_by_article(findings, language),
        total=len(findings),
    )
