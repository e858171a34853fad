"""The audit of one source: import posts, analyse their images, run the rules, store findings.

This is the I/O edge around the pure engine. `audit_source` is the one service both archive
audits (`auditor.archives`) and live audits (`auditor.live`) use: it records the run, imports the
source in one transaction and finishes the run. When the source fails half-way (a broken
archive, an API error) nothing of it is stored, and the run is recorded as failed in a
transaction of its own.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import json
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from auditor.audit_key import PostRulesetDigests, post_input_digest, post_ruleset_digests
from auditor.engine import AuditResult, Engine, RuleError
from auditor.errors import AuditorError, SourceError
from auditor.models import Finding, ImageAnalysis, Media, MediaKind, Post, Severity
from auditor.progress import Progress as ProgressLine
from auditor.rule_pool import RulePool
from auditor.sources.base import AccountInfo, Source, UnbuiltPost
from auditor.store import repository as repo
from auditor.store import retention, runs
from auditor.store.db import Store
from auditor.store.models import utcnow
from auditor.store.runs import start_run

__all__ = [
    "AuditSummary",
    "NewFinding",
    "SourceAudit",
    "audit_posts",
    "audit_source",
    "finish_run",
    "start_run",
]

log = logging.getLogger("auditor.audit")

BATCH = 500
STATS_REFRESH_AT = {2, 5, 20, 80, 320}  # batches after which the planner learns the new sizes
ANALYSABLE = {MediaKind.PHOTO, MediaKind.VIDEO, MediaKind.GIF}
MAX_LISTED = 200  # new findings kept in memory for the summary; the rest are only counted
GC_YOUNG_THRESHOLD = 35_000  # allocations between young collections during an import (700)


@dataclass(frozen=True)
class NewFinding:
    """A finding stored by this run, with what the summary shows about its post."""

    finding: Finding
    platform: str
    created_at: datetime
    external_id: str
    url: str | None


@dataclass
class AuditSummary:
    run_id: int = 0
    run_ids: list[int] = field(default_factory=list)  # every run merged into this summary
    posts_seen: int = 0
    posts_new: int = 0
    posts_audited: int = 0  # posts the rules ran on
    posts_unchanged: int = 0  # posts and rule set as at their last audit: not analysed again
    findings_new: int = 0
    findings_withdrawn: int = 0  # open findings a re-audit no longer made: deleted
    per_article: Counter[str] = field(default_factory=Counter)
    per_article_new: Counter[str] = field(default_factory=Counter)
    new_findings: list[NewFinding] = field(default_factory=list)
    open_high: int = 0
    allowed: list[tuple[str, str]] = field(default_factory=list)
    rule_errors: list[RuleError] = field(default_factory=list)
    images_analysed: int = 0
    images_cached: int = 0
    texts_not_kept: int = 0  # old posts audited, then stored without text ([retention])
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def merge(self, other: AuditSummary) -> None:
        self.run_ids.extend(other.run_ids or [other.run_id])
        self.posts_seen += other.posts_seen
        self.posts_new += other.posts_new
        self.posts_audited += other.posts_audited
        self.posts_unchanged += other.posts_unchanged
        self.findings_new += other.findings_new
        self.findings_withdrawn += other.findings_withdrawn
        self.per_article.update(other.per_article)
        self.per_article_new.update(other.per_article_new)
        self.new_findings.extend(other.new_findings[: MAX_LISTED - len(self.new_findings)])
        self.open_high += other.open_high
        self.allowed.extend(other.allowed)
        self.rule_errors.extend(other.rule_errors)
        self.images_analysed += other.images_analysed
        self.images_cached += other.images_cached
        self.texts_not_kept += other.texts_not_kept
        self.warnings.extend(other.warnings)
        self.notes.extend(other.notes)


Analyser = Callable[[Media], ImageAnalysis]
Record = Post | UnbuiltPost  # what a source yields: a post, or one built only when needed
Progress = Callable[[int], None]


def finish_run(store: Store, run_id: int, summary: AuditSummary | None, error: str | None) -> None:
    """Record the run as done with the summary's counts, or as failed with `error`."""
    if summary is None:
        runs.finish_run(store, run_id, error=error)
        return
    runs.finish_run(
        store,
        run_id,
        error=error,
        posts_seen=summary.posts_seen,
        posts_new=summary.posts_new,
        findings_new=summary.findings_new,
        counts={
            "per_article": dict(summary.per_article),
            "per_article_new": dict(summary.per_article_new),
            "rule_errors": len(summary.rule_errors),
            "images_analysed": summary.images_analysed,
        },
    )


def text_cutoff(app: Any) -> datetime:
    """Posts published before this keep no text unless a finding is open ([retention])."""
    return retention.Cutoffs.of(app.config.retention, utcnow()).post_text


def run_failure(exc: BaseException) -> str:
    """What a failed run records by default: the error's line, or that it was interrupted."""
    if isinstance(exc, AuditorError):
        return str(exc)
    return f"interrupted: {exc or type(exc).__name__}"  # Stopped says which signal


@dataclass
class SourceAudit:
    """What `audit_source` did: the summary, and the source (for its warnings and state)."""

    summary: AuditSummary
    source: Source


def audit_source(
    app: Any,
    open_source: Callable[[Connection], Source],
    *,
    label: str,
    engine: Engine,
    images: bool,
    trigger: str = "cli",
    config_name: str | None = None,
    show_progress: bool = False,
    before_commit: Callable[[Connection, Source], None] | None = None,
    describe_failure: Callable[[BaseException], str] = run_failure,
    on_start: Callable[[int], None] | None = None,
) -> SourceAudit:
    """Audit one source as one run: record the run, import and audit every post in one
    transaction, and finish the run as done or failed.

    `open_source(conn)` gives the source inside the transaction (a live source looks up its
    cursor there); it is closed once its posts are read. `before_commit(conn, source)` stores
    what must commit together with the posts (a live account's cursor). On any error the
    transaction is rolled back, the run is recorded as failed with `describe_failure(error)`,
    and the error propagates. `on_start` hears the run's id as soon as it is recorded.
    """
    run_id = start_run(app.store, label, [r.id for r in engine.rules], trigger)
    if on_start is not None:
        on_start(run_id)
    analyser: Analyser | None = None
    detector = ""
    if images:
        from auditor.images import media_analyser

        analyser, detector = media_analyser(app.image_settings)
    progress: ProgressLine | None = None
    try:
        with app.store.engine.begin() as conn:
            source = open_source(conn)
            try:
                if show_progress:
                    total = source.estimated_total()
                    progress = ProgressLine(f"auditing {Path(label).name}", total)
                summary = audit_posts(
                    conn,
                    source.account(),
                    source.records(),
                    engine,
                    run_id=run_id,
                    analyser=analyser,
                    detector=detector,
                    config_name=config_name,
                    progress=progress,
                    text_cutoff=text_cutoff(app),
                )
            finally:
                source.close()
            refuse_if_nothing_readable(summary, source, label)
            if before_commit is not None:
                before_commit(conn, source)
    except BaseException as exc:
        if progress is not None:
            progress.close()
        finish_run(app.store, run_id, None, describe_failure(exc))
        raise
    if progress is not None:
        progress.close()
    finish_run(app.store, run_id, summary, None)
    return SourceAudit(summary, source)


def refuse_if_nothing_readable(summary: AuditSummary, source: Source, label: str) -> None:
    """A source whose every item was unreadable is an error (exit 2), not a clean audit."""
    if summary.posts_seen or not source.skipped:
        return
    first = source.skipped[0]
    raise SourceError(
        label,
        f"none of its {len(source.skipped)} item(s) could be read "
        f"(first: {first.where}: {first.reason})",
    )


def _batches(posts: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(posts)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def audit_posts(
    conn: Connection,
    account: AccountInfo,
    posts: Iterable[Record],
    engine: Engine,
    *,
    run_id: int,
    analyser: Analyser | None,
    detector: str = "",
    config_name: str | None = None,
    progress: Progress | None = None,
    text_cutoff: datetime | None = None,
    workers: int | None = None,
) -> AuditSummary:
    """Store and audit every post of one account inside the caller's transaction.

    The rules run in `workers` processes (default: `rule_pool.configured_workers()`) on large
    imports, this process storing one batch while the next is analysed; the findings are
    those of a sequential run.

    Posts published before `text_cutoff` (`[retention] post_text_days`) are audited, then keep
    their text only while they have an open finding: retention holds at import too.
    A post whose input and the rule set are as at its last audit is not analysed again
    (`auditor.audit_key`); its summary counts come from what that audit stored. An
    `UnbuiltPost` whose source digest and rule set are as at the last audit is not even built.
    """
    summary = AuditSummary(run_id=run_id, run_ids=[run_id])
    account_id = repo.get_or_create_account(conn, account, config_name)
    rules_digest = post_ruleset_digests(engine, detector if analyser is not None else "")
    waiting: _Batch | None = None
    decided = _Decisions()
    analysed = 0  # posts sent to the rules so far: new, changed or under changed rules

    def finish(done: _Batch) -> None:
        _finish(
            conn, done, account_id, run_id, rules_digest, engine.key, text_cutoff, summary, decided
        )
        if progress is not None:
            progress(len(done.posts) + len(done.skipped))

    with RulePool(engine, workers) as pool, _few_collections() as settled:
        for number, batch in enumerate(_batches(posts, BATCH), 1):
            if number in STATS_REFRESH_AT and analysed:
                # nothing analysed, nothing written: the tables are as the planner knows them
                # (an ANALYZE took a third of the re-run of an unchanged archive on PostgreSQL)
                repo.refresh_planner_stats(conn)
            if waiting is not None and waiting.new_ids.intersection(p.external_id for p in batch):
                finish(waiting)  # a post read again before its first copy was written
                waiting = None
            # this batch goes to the rule workers; the previous one is stored meanwhile
            ready = _prepare(conn, account_id, batch, number, rules_digest, text_cutoff)
            analysed += len(ready.todo_posts)
            if analyser is not None:
                ready.todo_posts = _analyse_media(
                    conn, ready.todo_posts, ready.todo_stored, analyser, detector, summary
                )
            ready.analysed = analyser is not None
            ready.results = pool.submit(ready.todo_posts, [sp.identity for sp in ready.todo_stored])
            if number == 1:
                settled()  # the rules have loaded their word lists
            if waiting is not None:
                finish(waiting)
            waiting = ready
        if waiting is not None:
            finish(waiting)
    return summary


@contextmanager
def _few_collections() -> Iterator[Callable[[], None]]:
    """Garbage collection tuned for a long import, as it was after it.

    An import allocates millions of short-lived containers (rows, dicts, tuples) and frees
    almost all of them by reference counting; with the default thresholds the cycle collector
    ran ~2,700 times over a 100,000-post audit, 21 of them full collections walking the rules'
    word lists, for 2.4 s of the audit process's 14 s. Young collections run 50 times less
    often; calling the callable freezes what exists then (the rules, loaded by the first
    batch), which full collections then skip until the import ends.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *threshold[1:])
    frozen = False

    def settled() -> None:
        nonlocal frozen
        gc.freeze()
        frozen = True

    try:
        yield settled
    finally:
        gc.set_threshold(*threshold)
        if frozen:
            gc.unfreeze()


@dataclass
class _Batch:
    """One batch between its import and the storing of its findings."""

    number: int
    posts: list[Post]  # those built
    stored: list[repo.StoredPost]
    sources: list[str | None]  # source digests of the posts built from `UnbuiltPost`s
    inputs: list[str]  # post input digests
    unchanged: list[bool]  # input and rule set as at the last audit: not analysed again
    todo_posts: list[Post]
    todo_stored: list[repo.StoredPost]
    skipped: list[repo.StoredPost]  # not built: source and rule set as at the last audit
    results: Callable[[], list[AuditResult]] = lambda: []
    analysed: bool = False  # the todo posts' media carry their analyses

    @property
    def new_ids(self) -> set[str]:
        """External ids of the posts first read here: written by `_finish`."""
        return {p.external_id for p, sp in zip(self.posts, self.stored, strict=True) if sp.is_new}


def _same_source(
    found: repo.Existing | None, record: UnbuiltPost, rules_digest: PostRulesetDigests
) -> bool:
    """The post is stored as last built from this same export item, and audited under the
    rule set its kind has now: it needs no building, let alone an audit."""
    return (
        found is not None
        and found.last is not None
        and found.last.source == record.source_digest
        and found.external_id == record.external_id
        and found.last.rules == rules_digest.of_kind(record.platform, found.kind)
    )


class _Decisions:
    """The decisions recorded before an audit, read once when a skipped post first needs them:
    a skipped post's high-severity finding counts while it is open."""

    def __init__(self) -> None:
        self._statuses: dict[str, str] | None = None

    def status(self, conn: Connection, fingerprint: str) -> str:
        if self._statuses is None:
            self._statuses = repo.decided_statuses(conn)
        return self._statuses.get(fingerprint, "open")


def _prepare(
    conn: Connection,
    account_id: int,
    batch: list[Record],
    number: int,
    rules_digest: PostRulesetDigests,
    text_cutoff: datetime | None,
) -> _Batch:
    """Store the batch's posts and find those to analyse (their input or the rules changed);
    leave unbuilt those whose export item and rule set are as at their last audit."""
    unbuilt = [r for r in batch if isinstance(r, UnbuiltPost)]
    found: dict[str, repo.Existing] = {}
    if unbuilt:
        keys = [(r.platform.value, r.external_id) for r in unbuilt]
        found = repo.find_stored(conn, account_id, keys, text_cutoff)
    posts: list[Post] = []
    sources: list[str | None] = []
    skipped: list[repo.StoredPost] = []
    for record in batch:
        if not isinstance(record, UnbuiltPost):
            posts.append(record)
            sources.append(None)
            continue
        known = found.get(record.external_id)
        if known is not None and _same_source(known, record, rules_digest):
            skipped.append(known.as_is())
            continue
        post = record.build()
        if post is not None:
            posts.append(post)
            sources.append(record.source_digest)
    searched = frozenset(r.external_id for r in unbuilt)
    stored = repo.save_posts(conn, account_id, posts, found, searched)
    inputs = [post_input_digest(post, sp.identity) for post, sp in zip(posts, stored, strict=True)]
    unchanged = [
        sp.last is not None and sp.last.rules == rules_digest(post) and sp.last.input == digest
        for post, sp, digest in zip(posts, stored, inputs, strict=True)
    ]
    todo = [i for i, same in enumerate(unchanged) if not same]
    todo_posts = [posts[i] for i in todo]
    todo_stored = [stored[i] for i in todo]
    old = [i for i in todo if not stored[i].is_new]  # new posts get media ids when written
    repo.attach_media_ids(conn, [posts[i] for i in old], [stored[i] for i in old])
    return _Batch(
        number, posts, stored, sources, inputs, unchanged, todo_posts, todo_stored, skipped
    )


def _finish(
    conn: Connection,
    ready: _Batch,
    account_id: int,
    run_id: int,
    rules_digest: PostRulesetDigests,
    key: bytes,
    text_cutoff: datetime | None,
    summary: AuditSummary,
    decided: _Decisions,
) -> None:
    """Store the batch's new posts, findings and audit digests once the rules have analysed
    it; count them."""
    meta: dict[str, tuple[Post, Finding]] = {}
    counted: dict[str, tuple[str, str]] = {}  # fingerprint -> (article, severity)
    audits: dict[int, _Audit] = {}  # id(stored post) ->
    todo_inputs = [d for d, same in zip(ready.inputs, ready.unchanged, strict=True) if not same]
    todo_sources = [s for s, same in zip(ready.sources, ready.unchanged, strict=True) if not same]
    results = ready.results()
    for post, sp, result, digest, source in zip(
        ready.todo_posts, ready.todo_stored, results, todo_inputs, todo_sources, strict=True
    ):
        summary.allowed.extend(result.allowed)
        summary.rule_errors.extend(result.errors)
        for f in result.findings:
            meta[f.fingerprint] = (post, f)
            counted[f.fingerprint] = (f.article, f.severity.value)
        # the same post twice in one export is stored once; its last copy's audit is kept
        audits[id(sp)] = (
            None if result.errors else rules_digest(post),
            digest,
            _stored_result(result),
            source,
        )
    first: set[int] = set()  # a post twice in one batch is one new post
    sources: list[tuple[int, str]] = []  # unchanged posts read from an item not recorded yet
    kept: list[repo.StoredPost] = []  # not analysed again: counted from their last audit
    for sp, same, source in zip(ready.stored, ready.unchanged, ready.sources, strict=True):
        summary.posts_seen += 1
        summary.posts_new += sp.is_new and id(sp) not in first
        first.add(id(sp))
        if not same:
            summary.posts_audited += 1
            continue
        if source is not None and sp.last is not None and sp.last.source != source:
            sources.append((sp.id, source))
        kept.append(sp)
    summary.posts_seen += len(ready.skipped)
    kept.extend(ready.skipped)
    _count_unchanged(kept, summary, counted)
    # decisions already recorded on this batch's findings (stored only when new)
    states = repo.statuses(conn, meta)
    summary.texts_not_kept += _store_new_posts(
        conn, ready, results, audits, states, account_id, text_cutoff
    )
    rows: list[tuple[int, int | None, Finding]] = []
    for sp, result in zip(ready.todo_stored, results, strict=True):
        for f in result.findings:
            media_id = None
            if f.media_index is not None and f.media_index < len(sp.media_ids):
                media_id = sp.media_ids[f.media_index]
            rows.append((sp.id, media_id, f))
    inserted = repo.save_findings(conn, rows, run_id, known=states)
    summary.findings_withdrawn += repo.withdraw_findings(
        conn, _made_again(ready, results), photos=ready.analysed
    )
    for fp, (article, severity) in counted.items():
        summary.per_article[article] += 1
        if (
            severity == Severity.HIGH.value
            and (states.get(fp, "open") if fp in meta else decided.status(conn, fp)) == "open"
        ):
            summary.open_high += 1
        if fp in inserted:
            post, f = meta[fp]
            summary.findings_new += 1
            summary.per_article_new[f.article] += 1
            if len(summary.new_findings) < MAX_LISTED:
                summary.new_findings.append(
                    NewFinding(f, post.platform.value, post.created_at, post.external_id, post.url)
                )
    repo.record_audits(
        conn,
        [
            (sp.id, *audits.pop(id(sp)))
            for sp in ready.todo_stored
            if not sp.is_new and id(sp) in audits
        ],
    )
    repo.record_sources(conn, sources)
    log.debug(
        "run %d, batch %d: %d posts (%d new so far), %d findings (%d new)",
        run_id,
        ready.number,
        len(ready.posts),
        summary.posts_new,
        len(rows),
        len(inserted),
    )
    if text_cutoff is not None:
        # only posts older than the cutoff whose text is still kept can have expired
        due = [
            sp.id
            for post, sp in zip(ready.posts, ready.stored, strict=True)
            if post.created_at < text_cutoff and not sp.purged and not sp.is_new
        ]
        due.extend(sp.id for sp in ready.skipped if sp.old and not sp.purged)
        summary.texts_not_kept += _apply_retention(conn, due, text_cutoff, key)


_Audit = tuple[str | None, str, dict[str, Any] | None, str | None]  # rules, input, result, source


def _made_again(ready: _Batch, results: list[AuditResult]) -> dict[int, set[str]]:
    """Post id -> the fingerprints of its findings, for each post stored before that was
    analysed again here without a rule error (a failed rule's findings are not known)."""
    made: dict[int, set[str]] = {}
    failed: set[int] = set()
    for sp, result in zip(ready.todo_stored, results, strict=True):
        if sp.is_new:
            continue
        if result.errors:
            failed.add(sp.id)
        made.setdefault(sp.id, set()).update(f.fingerprint for f in result.findings)
    return {post_id: fps for post_id, fps in made.items() if post_id not in failed}


def _count_unchanged(
    kept: list[repo.StoredPost], summary: AuditSummary, counted: dict[str, tuple[str, str]]
) -> None:
    """Count posts not analysed again from what their last audits stored.

    Their results (JSON texts as the database returns them) are parsed as one array: a
    `json.loads` a post took 0.12 s of a 100,000-post re-audit, one a batch 0.05 s."""
    summary.posts_unchanged += len(kept)
    texts = [
        sp.last.result
        for sp in kept
        if sp.last is not None and sp.last.result and sp.last.result != "null"
    ]
    if not texts:
        return
    for told in json.loads(f"[{','.join(texts)}]"):
        if not told:  # JSON null, or nothing found or allowed
            continue
        summary.allowed.extend((rule, value) for rule, value in told.get("a", ()))
        for fp, article, severity in told.get("f", ()):
            counted.setdefault(fp, (article, severity))


def _store_new_posts(
    conn: Connection,
    ready: _Batch,
    results: list[AuditResult],
    audits: dict[int, _Audit],
    states: dict[str, str],
    account_id: int,
    text_cutoff: datetime | None,
) -> int:
    """Write the batch's new posts, each in one row with its audit; return how many were
    stored without their text.

    Retention holds at import as it does for stored posts (`retention.expired_posts`): a new
    post published before the cutoff keeps its text only when a finding is stored open on it
    now, that is one whose fingerprint has no recorded decision.
    """
    opened: set[int] = set()  # id() of new stored posts with a finding stored open now
    for sp, result in zip(ready.todo_stored, results, strict=True):
        if sp.is_new and any(f.fingerprint not in states for f in result.findings):
            opened.add(id(sp))
    new: dict[int, repo.NewPost] = {}
    for post, sp in zip(ready.todo_posts, ready.todo_stored, strict=True):
        if not sp.is_new or id(sp) in new:
            continue  # the same post twice in one export: its first copy is stored
        rules, digest, told, source = audits.pop(id(sp))
        expires = text_cutoff is not None and post.created_at < text_cutoff and id(sp) not in opened
        new[id(sp)] = repo.NewPost(post, sp, rules, digest, told, source, expires)
    copies = repo.insert_new_posts(conn, account_id, list(new.values()), analysed=ready.analysed)
    retention.remove_unreferenced_files(conn, copies)
    return sum(item.text_expires for item in new.values())


def _stored_result(result: AuditResult) -> dict[str, Any] | None:
    """What a skipped post's summary needs of this audit (None: nothing found or allowed)."""
    if not result.findings and not result.allowed:
        return None
    return {
        "f": [[f.fingerprint, f.article, f.severity.value] for f in result.findings],
        "a": [list(pair) for pair in result.allowed],
    }


def _apply_retention(conn: Connection, post_ids: list[int], cutoff: datetime, key: bytes) -> int:
    if not post_ids:
        return 0
    expired = retention.expired_posts(conn, cutoff, sorted(set(post_ids)))
    retention.strip_posts(conn, expired, key, utcnow())
    return len(expired)


def _analyse_media(
    conn: Connection,
    batch: list[Post],
    stored: list[repo.StoredPost],
    analyser: Analyser,
    detector: str,
    summary: AuditSummary,
) -> list[Post]:
    """Attach an analysis to every media item: from the cache by sha256, else analysed now."""
    wanted = [m.sha256 for p in batch for m in p.media if m.sha256 and m.kind in ANALYSABLE]
    cache = repo.cached_analyses(conn, wanted, detector)
    analyser = _prefetched(analyser, batch, cache)
    out = []
    for post, sp in zip(batch, stored, strict=True):
        if not post.media:
            out.append(post)
            continue
        media_list = []
        for index, media in enumerate(post.media):
            analysis = _analysis_for(media, cache, analyser, conn, detector, summary)
            media_list.append(dataclasses.replace(media, analysis=analysis))
            if index < len(sp.media_ids):
                status = "missing" if media.missing else analysis.status
                repo.mark_media(conn, sp.media_ids[index], analysis, status)
        out.append(dataclasses.replace(post, media=tuple(media_list)))
    return out


def _prefetched(analyser: Analyser, batch: list[Post], cache: dict[str, ImageAnalysis]) -> Analyser:
    """`analyser`, with this batch's new files already analysed side by side (`side_by_side`).

    The face detector releases the GIL and is shared by threads, so a batch of photos is
    analysed about twice as fast on two cores; each file is still analysed once.
    """
    todo: dict[str, Media] = {}
    for post in batch:
        for media in post.media:
            if (
                media.sha256
                and media.path is not None
                and not media.missing
                and media.kind in ANALYSABLE
                and media.sha256 not in cache
            ):
                todo.setdefault(media.sha256, media)
    workers = min(len(todo), side_by_side(analyser))
    if workers < 2:
        return analyser
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="media") as pool:
        ready = dict(zip(todo, pool.map(analyser, todo.values()), strict=True))

    def analyse(media: Media) -> ImageAnalysis:
        if media.sha256 in ready:
            return ready.pop(media.sha256)
        return analyser(media)

    return analyse


def side_by_side(analyser: Analyser) -> int:
    """How many photos `analyser` may analyse at once: its own `workers` (`[images] workers`
    for the face analyser), else one per core."""
    workers = getattr(analyser, "workers", 0)
    return workers if isinstance(workers, int) and workers > 0 else (os.cpu_count() or 1)


def _analysis_for(
    media: Media,
    cache: dict[str, ImageAnalysis],
    analyser: Analyser,
    conn: Connection,
    detector: str,
    summary: AuditSummary,
) -> ImageAnalysis:
    if media.missing:
        return ImageAnalysis(status="failed", error="ontbreekt in de export")
    if media.path is None or media.sha256 is None:
        return ImageAnalysis(status="failed", error="geen bestand om te analyseren")
    if media.kind not in ANALYSABLE:
        return ImageAnalysis(status="failed", error=f"type {media.kind.value} niet ondersteund")
    if media.sha256 in cache:
        summary.images_cached += 1
        return cache[media.sha256]
    analysis = analyser(media)
    summary.images_analysed += 1
    repo.store_analysis(conn, media.sha256, detector, analysis)
    cache[media.sha256] = analysis
    return analysis
