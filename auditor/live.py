"""Live audit of the configured accounts (Facebook Graph API, X API v2).

For each `[[accounts]]` entry (or the one named by `--account`): start a run, pull what is new
since the account's cursor, audit and store it, move the cursor, finish the run. Each account is
imported in ONE transaction together with its cursor, so the cursor only moves with the stored
posts: a run interrupted anywhere (Ctrl-C, a truncated page, a revoked token) stores nothing of
that account and the next run asks for the same posts again. Nothing is duplicated either:
posts are keyed by their platform id.

An account that fails gets `accounts.last_error` and a failed run; the other accounts go on.
After all accounts, one `SourceError` names the failed ones, so the CLI exits 2 while the
successful accounts stay committed. Tokens come from the environment variable named by
`token_env` and never reach a message, the database or a report.

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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, select, update

from auditor.config import AccountConfig
from auditor.engine import Engine
from auditor.errors import AuditorError, ConfigError, SourceError, TokenError
from auditor.media_store import MediaStore
from auditor.models import Platform
from auditor.pipeline import AuditSummary, audit_posts, finish_run, start_run
from auditor.sources.base import AccountInfo
from auditor.sources.facebook_graph import FacebookGraphSource
from auditor.sources.http import redact
from auditor.sources.x_api import XApiSource
from auditor.store import repository as repo
from auditor.store.models import Account, MediaRow, PostRow

log = logging.getLogger("auditor.live")


@dataclass(frozen=True)
class Cursor:
    """How far an account was read: the newest post id and its time."""

    id: str | None = None
    time: datetime | None = None


def account_info(account: AccountConfig) -> AccountInfo:
    """The stored identity of a configured account (platform and handle)."""
    if account.platform == Platform.FACEBOOK.value:
        return FacebookGraphSource.info_for(account)
    return XApiSource.info_for(account)


def read_token(account: AccountConfig) -> str:
    """The account's token from its environment variable, or a TokenError saying which."""
    token = os.environ.get(account.token_env, "").strip()
    if not token:
        what = "Page access token" if account.platform == "facebook" else "X Bearer token"
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


def _read_cursor(conn: Connection, info: AccountInfo) -> Cursor:
    row = conn.execute(
        select(Account.cursor_id, Account.cursor_time).where(
            Account.platform == info.platform.value, Account.handle == info.handle
        )
    ).first()
    return Cursor(row.cursor_id, row.cursor_time) if row else Cursor()


KnownMedia = Callable[[str, str], "tuple[str, str] | None"]


def _known_media(conn: Connection, platform: Platform) -> KnownMedia:
    """Look up a stored copy of a media file by URL or file name (skips the download)."""

    def lookup(url: str, name: str) -> tuple[str, str] | None:
        rows = conn.execute(
            select(MediaRow.sha256, MediaRow.path)
            .join(PostRow, PostRow.id == MediaRow.post_id)
            .where(
                PostRow.platform == platform.value,
                MediaRow.sha256.is_not(None),
                MediaRow.path.is_not(None),
                (MediaRow.url == url) | (MediaRow.name == name),
            )
            .limit(5)
        )
        for row in rows:
            if row.path and Path(row.path).is_file():
                return row.sha256, row.path
        return None

    return lookup


def _source(
    account: AccountConfig,
    token: str,
    cursor: Cursor,
    since: datetime | None,
    media_store: MediaStore | None,
    known: KnownMedia,
) -> FacebookGraphSource | XApiSource:
    if account.platform == Platform.FACEBOOK.value:
        start = since
        if start is None and cursor.time is not None:
            start = cursor.time - timedelta(days=max(0, account.lookback_days))
        return FacebookGraphSource(
            account, token, since=start, media_store=media_store, known_media=known
        )
    return XApiSource(
        account,
        token,
        since_id=None if since is not None else cursor.id,
        start_time=since,
        media_store=media_store,
        known_media=known,
    )


def audit_account(  # type: ignore[no-untyped-def]
    app,
    account: AccountConfig,
    engine: Engine,
    *,
    run_id: int,
    since: datetime | None,
    images: bool,
    analyser,
    detector: str,
) -> AuditSummary:
    """Pull, audit and store one account and move its cursor, all in one transaction."""
    token = read_token(account)
    info = account_info(account)
    media_store = (
        MediaStore(app.config.data_dir / "media", max_bytes=account.media_max_bytes)
        if images
        else None
    )
    platform = Platform(account.platform)
    with app.store.engine.begin() as conn:
        old = _read_cursor(conn, info)
        source = _source(account, token, old, since, media_store, _known_media(conn, platform))
        try:
            summary = audit_posts(
                conn,
                info,
                source.collect(),
                engine,
                run_id=run_id,
                analyser=analyser,
                detector=detector,
                config_name=account.name,
            )
        finally:
            source.client.session.close()
        skipped = len(source.skipped)
        new = next_cursor(
            old,
            Cursor(source.newest_id, source.newest_time),
            complete=source.complete,
            skipped=skipped,
            by_id=platform == Platform.TWITTER,
        )
        name = source.account().name
        values: dict[str, object] = {
            "cursor_id": new.id,
            "cursor_time": new.time,
            "last_error": None,
            "config_name": account.name,
        }
        if name:
            values["name"] = name
        account_id = repo.get_or_create_account(conn, info, account.name)
        conn.execute(update(Account).where(Account.id == account_id).values(**values))
    summary.warnings.extend(_warnings(account, source, old, new, since))
    summary.warnings[:] = [redact(w, (token,)) for w in summary.warnings]
    return summary


def _warnings(
    account: AccountConfig,
    source: FacebookGraphSource | XApiSource,
    old: Cursor,
    new: Cursor,
    since: datetime | None,
) -> list[str]:
    out = [f"{account.name}: {w}" for w in source.warnings + source.media.warnings]
    out += [f"{account.name}: skipped {s.where}: {s.reason}" for s in source.skipped]
    if isinstance(source, XApiSource) and source.superseded:
        out.append(
            f"{account.name}: {source.superseded} earlier version(s) of edited posts skipped"
        )
    if not source.complete:
        cap = account.max_posts_per_run
        if old.id is None and old.time is None and since is None:
            out.append(
                f"{account.name}: back-fill stopped at max_posts_per_run={cap}; older posts "
                "are not read (import an archive for them)"
            )
        else:
            out.append(
                f"{account.name}: more than max_posts_per_run={cap} posts to read; the cursor "
                "stays where it was so none are skipped: raise max_posts_per_run"
            )
    elif source.skipped and new == old:
        out.append(f"{account.name}: cursor not moved because posts were skipped")
    return out


def _record_failure(app, account: AccountConfig, message: str) -> None:  # type: ignore[no-untyped-def]
    try:
        with app.store.engine.begin() as conn:
            account_id = repo.get_or_create_account(conn, account_info(account), account.name)
            conn.execute(update(Account).where(Account.id == account_id).values(last_error=message))
    except Exception as exc:  # recording the error must not hide it
        log.error("%s: could not record the error: %s", account.name, type(exc).__name__)


def audit_accounts(  # type: ignore[no-untyped-def]
    app,
    *,
    account: str | None = None,
    since: datetime | None = None,
    images: bool = True,
    trigger: str = "cli",
) -> tuple[AuditSummary, str]:
    """Pull and audit every configured account (or one); return the summary and a label.

    Raises ConfigError when no accounts are configured or `account` is unknown, and, after
    committing every account that worked, SourceError naming the accounts that failed.
    """
    config = app.config
    if not config.accounts:
        raise ConfigError(f"{config.source}: no [[accounts]] configured; use --archive PATH")
    chosen = [config.account(account)] if account else list(config.accounts)
    engine = app.engine()
    rule_ids = [r.id for r in engine.rules]
    analyser, detector = None, ""
    if images:
        from auditor.commands.audit import image_analyser

        analyser, detector = image_analyser(app)
    total = AuditSummary()
    parts: list[str] = []
    failures: list[tuple[str, str]] = []
    for acc in chosen:
        secrets = (os.environ.get(acc.token_env, ""),)
        run_id = start_run(app.store, f"live:{acc.name}", rule_ids, trigger)
        total.run_id = total.run_id or run_id
        try:
            summary = audit_account(
                app,
                acc,
                engine,
                run_id=run_id,
                since=since,
                images=images,
                analyser=analyser,
                detector=detector,
            )
        except AuditorError as exc:
            why = exc.why if isinstance(exc, SourceError) else str(exc)
            failures.append((acc.name, redact(why, secrets)))
        except Exception as exc:  # a bug in one account must not stop the others
            log.debug("%s", redact(traceback.format_exc(), secrets))
            failures.append((acc.name, redact(f"unexpected {type(exc).__name__}: {exc}", secrets)))
        except BaseException as exc:
            finish_run(app.store, run_id, None, redact(f"interrupted: {exc!r}", secrets))
            raise
        else:
            finish_run(app.store, run_id, summary, None)
            total.merge(summary)
            parts.append(f"{acc.name} ({summary.posts_new} new posts)")
            continue
        name, why = failures[-1]
        finish_run(app.store, run_id, None, why)
        _record_failure(app, acc, why)
        parts.append(f"{name} (failed)")
    if failures:
        names = ", ".join(name for name, _ in failures)
        if len(failures) == 1:
            error = SourceError(names, failures[0][1])
        else:
            error = SourceError(names, "; ".join(f"{name}: {why}" for name, why in failures))
        # what the accounts that worked stored, for the CLI to report before the error
        error.partial = (total, "live: " + ", ".join(parts))  # type: ignore[attr-defined]
        raise error
    return total, "live: " + ", ".join(parts)
