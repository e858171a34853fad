"""Live audit of the configured accounts (Facebook Graph API, X API v2).

For each `[[accounts]]` entry (or the one named by `--account`): start a run, pull what is new
since the account's cursor, audit and store it, move the cursor, finish the run. Each account is
imported in ONE transaction together with its cursor, so the cursor only moves with the stored
posts: a run interrupted anywhere (Ctrl-C, a truncated page, a revoked token) stores nothing of
that account and the next run asks for the same posts again. Nothing is duplicated either:
posts are keyed by their platform id.

An account that fails gets `accounts.last_error` and a failed run; the other accounts go on.
`audit_accounts` returns a `LiveResult`: the summary of the accounts that worked, and the
failures; `LiveResult.error()` is one `SourceError` naming the failed accounts, so the CLI exits 2
while the successful accounts stay committed. Tokens come from the environment variable named by
`token_env` and never reach a message, the database or a report.

Nothing here knows a platform: the live-source registry (`auditor.sources.LIVE_SOURCES`) gives
each account's source class, which knows its settings, its cursor and its warnings.

Cursor rules (see docs/sources.md):
- Facebook asks `since` = cursor time minus `lookback_days` (re-reads are free); X asks
  `since_id` = the newest stored post, without look-back (X bills every post read).
- `--since DATE` overrides the cursor (Facebook `since`, X `start_time`).
- The cursor moves to the newest post read when the read was complete, or on the first run.
  When `max_posts_per_run` stopped an incremental read, or a post could not be read, it stays:
  the next run asks again instead of skipping posts that were never stored.
"""

from __future__ import annotations

import logging
import os
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from auditor.engine import Engine
from auditor.errors import AuditorError, ConfigError, SourceError, TokenError
from auditor.media_store import MediaStore
from auditor.pipeline import AuditSummary, audit_source
from auditor.sources import live_source_of
from auditor.sources.accounts import AccountSettings, Cursor
from auditor.sources.api import ApiSource, LiveRead
from auditor.sources.base import AccountInfo, Source
from auditor.sources.tokens import redact
from auditor.store import accounts as stored_accounts

__all__ = ["Cursor", "LiveResult", "audit_accounts", "next_cursor"]

log = logging.getLogger("auditor.live")


@dataclass(frozen=True)
class AccountFailure:
    """A configured account whose audit failed, and why (tokens redacted)."""

    account: str
    why: str
    run_id: int = 0


@dataclass
class LiveResult:
    """What a live audit did: the summary of the accounts that worked, a label naming every
    account, and the accounts that failed."""

    summary: AuditSummary
    label: str
    failures: list[AccountFailure] = field(default_factory=list)

    def error(self) -> SourceError | None:
        """One error naming every failed account (None when all worked)."""
        if not self.failures:
            return None
        names = ", ".join(f.account for f in self.failures)
        if len(self.failures) == 1:
            return SourceError(names, self.failures[0].why)
        return SourceError(names, "; ".join(f"{f.account}: {f.why}" for f in self.failures))


def account_info(account: AccountSettings) -> AccountInfo:
    """The stored identity of a configured account (platform and handle)."""
    return live_source_of(account).info_for(account)


def read_token(account: AccountSettings) -> str:
    """The account's token from its environment variable, or a TokenError saying which."""
    token = os.environ.get(account.token_env, "").strip()
    if not token:
        what = live_source_of(account).token_name
        raise TokenError(
            account.name,
            f"environment variable {account.token_env} is not set; put the {what} in it "
            "(docs/sources.md, 'Renewing tokens')",
        )
    return token


def next_cursor(
    old: Cursor, newest: Cursor, *, complete: bool, skipped: int, by_id: bool
) -> Cursor:
    """Where the cursor goes after a read (pure).

    It moves to `newest` only when every post up to it was stored: the read was complete (or
    this was the first read, a back-fill bounded by the cap) and no post was skipped. It never
    moves backwards.
    """
    first = old.id is None and old.time is None
    if newest.id is None or skipped or not (complete or first):
        return old
    if first:
        return newest
    if by_id:
        newer = old.id is None or int(newest.id) > int(old.id)
    else:
        newer = old.time is None or (newest.time is not None and newest.time > old.time)
    return newest if newer else old


class _AccountRun:
    """One account's read: its source built from the stored cursor, and the cursor it leaves."""

    def __init__(
        self,
        account: AccountSettings,
        since: datetime | None,
        media_store: MediaStore | None = None,
    ) -> None:
        self.account = account
        self.source_class = live_source_of(account)
        self.info = self.source_class.info_for(account)
        self.since = since
        self.media_store = media_store
        self.old = Cursor()
        self.new = Cursor()
        self.token = ""
        self.run_id = 0

    def started(self, run_id: int) -> None:
        self.run_id = run_id

    def open(self, conn: Connection) -> ApiSource:
        self.token = read_token(self.account)
        self.old = stored_accounts.read_cursor(conn, self.info)
        platform = self.info.platform

        def known(url: str, name: str) -> tuple[str, str] | None:
            return stored_accounts.stored_media_copy(conn, platform, url, name)

        read = LiveRead(self.old, self.since, self.media_store, known)
        return self.source_class.for_run(self.account, self.token, read)

    def save_cursor(self, conn: Connection, source: Source) -> None:
        assert isinstance(source, ApiSource)
        self.new = next_cursor(
            self.old,
            Cursor(source.newest_id, source.newest_time),
            complete=source.complete,
            skipped=len(source.skipped),
            by_id=self.source_class.cursor_by_id,
        )
        stored_accounts.save_read(
            conn, self.info, self.account.name, self.new, source.account().name
        )

    def warnings(self, source: ApiSource) -> list[str]:
        name = self.account.name
        out = [f"{name}: {w}" for w in source.warnings + source.media.warnings]
        out += [f"{name}: skipped {s.where}: {s.reason}" for s in source.skipped]
        out += [f"{name}: {w}" for w in source.run_warnings()]
        if not source.complete:
            cap = self.account.max_posts_per_run
            if self.old.id is None and self.old.time is None and self.since is None:
                out.append(
                    f"{name}: back-fill stopped at max_posts_per_run={cap}; older posts "
                    "are not read (import an archive for them)"
                )
            else:
                out.append(
                    f"{name}: more than max_posts_per_run={cap} posts to read; the cursor "
                    "stays where it was so none are skipped: raise max_posts_per_run"
                )
        elif source.skipped and self.new == self.old:
            out.append(f"{name}: cursor not moved because posts were skipped")
        return out


def _failure_text(secrets: tuple[str, ...]) -> Any:
    def describe(exc: BaseException) -> str:
        if isinstance(exc, AuditorError):
            return redact(exc.why if isinstance(exc, SourceError) else str(exc), secrets)
        if isinstance(exc, Exception):
            return redact(f"unexpected {type(exc).__name__}: {exc}", secrets)
        return redact(f"interrupted: {exc!r}", secrets)

    return describe


def audit_account(
    app: Any,
    run: _AccountRun,
    engine: Engine,
    *,
    images: bool,
    trigger: str,
) -> AuditSummary:
    """Pull, audit and store one account and move its cursor, all in one transaction (one run).

    Raises what the read raised, after recording the run as failed (tokens redacted)."""
    account = run.account
    media_store = (
        MediaStore(app.config.data_dir / "media", max_bytes=account.media_max_bytes)
        if images
        else None
    )
    run.media_store = media_store
    secrets = (os.environ.get(account.token_env, ""),)
    done = audit_source(
        app,
        run.open,
        label=f"live:{account.name}",
        engine=engine,
        images=images,
        trigger=trigger,
        config_name=account.name,
        before_commit=run.save_cursor,
        describe_failure=_failure_text(secrets),
        on_start=run.started,
    )
    assert isinstance(done.source, ApiSource)
    summary = done.summary
    summary.warnings.extend(run.warnings(done.source))
    summary.warnings[:] = [redact(w, (run.token,)) for w in summary.warnings]
    return summary


def _record_failure(app: Any, account: AccountSettings, message: str) -> None:
    try:
        stored_accounts.record_error(app.store.engine, account_info(account), account.name, message)
    except Exception as exc:  # recording the error must not hide it
        log.error("%s: could not record the error: %s", account.name, type(exc).__name__)


def audit_accounts(
    app: Any,
    *,
    account: str | None = None,
    since: datetime | None = None,
    images: bool = True,
    trigger: str = "cli",
) -> LiveResult:
    """Pull and audit every configured account (or one): what worked, and what failed.

    Raises ConfigError when no accounts are configured or `account` is unknown. An account that
    fails is recorded (failed run, `last_error`) and listed in the result; the others go on.
    """
    config = app.config
    if not config.accounts:
        raise ConfigError(f"{config.source}: no [[accounts]] configured; use --archive PATH")
    chosen = [config.account(account)] if account else list(config.accounts)
    engine = app.engine()
    total = AuditSummary()
    parts: list[str] = []
    failures: list[AccountFailure] = []
    for acc in chosen:
        secrets = (os.environ.get(acc.token_env, ""),)
        run = _AccountRun(acc, since)
        try:
            summary = audit_account(app, run, engine, images=images, trigger=trigger)
        except Exception as exc:  # one account failing (or a bug in it) must not stop the others
            if not isinstance(exc, AuditorError):
                log.debug("%s", redact(traceback.format_exc(), secrets))
            why = _failure_text(secrets)(exc)
            failures.append(AccountFailure(acc.name, why, run.run_id))
            total.run_id = total.run_id or run.run_id
            _record_failure(app, acc, why)
            parts.append(f"{acc.name} (failed)")
            continue
        total.run_id = total.run_id or summary.run_id
        total.merge(summary)
        parts.append(f"{acc.name} ({summary.posts_new} new posts)")
    return LiveResult(total, "live: " + ", ".join(parts), failures)
