"""Exactly-once mail: queue a mail under a unique key, then flush the queue as often as you like.

* `queue` inserts the mail with its key ("digest:week:2026-W48", "alert:run:12"); a second
  insert with the same key conflicts and queues nothing, so a period's digest goes out once.
* `flush` claims each queued row with a conditional UPDATE (queued -> sending); only the one
  process whose UPDATE changed the row sends it, so two workers never send the same mail.
* A row left in "sending" by a crashed process is claimed again after `STALE_AFTER`
  (`claimed_at` holds when the attempt started; `sent_at` when it was delivered). Retries reuse
  the stored Message-ID, so a mail client shows a mail that a crash made go out twice only once.
* A permanent SMTP error (5xx) marks the row failed with `last_error`; anything else leaves it
  queued for the next flush. Nothing is ever lost, nothing is sent twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import CursorResult, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from auditor.config import MailConfig
from auditor.errors import ConfigError, NotifyError
from auditor.notify import smtp
from auditor.store.db import Store
from auditor.store.models import OutboxRow, utcnow

STALE_AFTER = timedelta(minutes=30)
MAX_ERROR = 500

Sender = Callable[[EmailMessage, MailConfig], list[str]]


@dataclass(frozen=True)
class Entry:
    """One outbox row as `auditor outbox` lists it."""

    id: int
    key: str
    kind: str
    subject: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


@dataclass
class FlushResult:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # permanent errors: not retried
    retry: list[str] = field(default_factory=list)  # transient errors: still queued
    errors: list[str] = field(default_factory=list)

    @property
    def line(self) -> str:
        text = f"{len(self.sent)} sent, {len(self.retry)} still queued, {len(self.failed)} failed"
        return text + (f" (last error: {self.errors[-1]})" if self.errors else "")


def queue(
    store: Store,
    *,
    key: str,
    kind: str,
    subject: str,
    recipients: Sequence[str],
    text: str,
    html: str,
    message_id: str,
    now: datetime | None = None,
) -> bool:
    """Queue a mail under `key`; False when that key was queued (or sent) before."""
    try:
        with store.session() as session:
            session.execute(
                insert(OutboxRow).values(
                    key=key,
                    kind=kind,
                    subject=subject,
                    recipients=list(recipients),
                    body_text=text,
                    body_html=html,
                    message_id=message_id,
                    status="queued",
                    attempts=0,
                    created_at=now or utcnow(),
                )
            )
        return True
    except IntegrityError:
        return False


def entry(store: Store, key: str) -> Entry | None:
    with store.session() as session:
        row = session.scalars(select(OutboxRow).where(OutboxRow.key == key)).first()
        return _entry(row) if row else None


def entries(store: Store, statuses: Sequence[str] = ()) -> list[Entry]:
    """Outbox rows, oldest first, optionally only those with the given statuses."""
    stmt = select(OutboxRow).order_by(OutboxRow.created_at, OutboxRow.id)
    if statuses:
        stmt = stmt.where(OutboxRow.status.in_(statuses))
    with store.session() as session:
        return [_entry(row) for row in session.scalars(stmt)]


def _entry(row: OutboxRow) -> Entry:
    return Entry(
        row.id,
        row.key,
        row.kind,
        row.subject,
        row.status,
        row.attempts,
        row.last_error,
        row.created_at,
        row.sent_at,
    )


def claim(store: Store, row_id: int, now: datetime, stale_after: timedelta = STALE_AFTER) -> bool:
    """Take a row for sending: True for exactly one of any number of concurrent callers."""
    with store.session() as session:
        taken = session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.id == row_id,
                or_(
                    OutboxRow.status == "queued",
                    (OutboxRow.status == "sending") & (OutboxRow.claimed_at < now - stale_after),
                ),
            )
            .values(status="sending", claimed_at=now, attempts=OutboxRow.attempts + 1)
        )
        assert isinstance(taken, CursorResult)  # an UPDATE: the driver reports its row count
        return taken.rowcount == 1


def _due(store: Store, now: datetime, stale_after: timedelta) -> list[int]:
    stmt = (
        select(OutboxRow.id)
        .where(
            or_(
                OutboxRow.status == "queued",
                (OutboxRow.status == "sending") & (OutboxRow.claimed_at < now - stale_after),
            )
        )
        .order_by(OutboxRow.created_at, OutboxRow.id)
    )
    with store.session() as session:
        return list(session.scalars(stmt))


def _finish(store: Store, row_id: int, **values: object) -> None:
    with store.session() as session:
        session.execute(update(OutboxRow).where(OutboxRow.id == row_id).values(**values))


def flush(
    store: Store,
    mail: MailConfig,
    *,
    now: datetime | None = None,
    sender: Sender = smtp.send,
    stale_after: timedelta = STALE_AFTER,
) -> FlushResult:
    """Send every queued mail once; transient failures stay queued for the next flush."""
    now = now or utcnow()
    result = FlushResult()
    for row_id in _due(store, now, stale_after):
        if not claim(store, row_id, now, stale_after):
            continue  # another process has it
        with store.session() as session:
            row = session.get(OutboxRow, row_id)
            assert row is not None
            message = smtp.build_message(
                subject=row.subject,
                sender=mail.sender,
                to=row.recipients,
                text=row.body_text,
                html=row.body_html,
                message_id=row.message_id,
                date=utcnow(),
            )
            key = row.key
        # An interruption inside `sender` leaves the row "sending": we cannot know whether the
        # mail went out, so it is retried after `stale_after`, with the same Message-ID.
        try:
            refused = sender(message, mail)
        except ConfigError as exc:  # the settings are wrong: stop, keep the mail queued
            _finish(store, row_id, status="queued", last_error=str(exc)[:MAX_ERROR])
            raise
        except NotifyError as exc:
            error = str(exc)[:MAX_ERROR]
            result.errors.append(error)
            if exc.permanent:
                _finish(store, row_id, status="failed", last_error=error)
                result.failed.append(key)
            else:
                _finish(store, row_id, status="queued", last_error=error)
                result.retry.append(key)
            continue
        note = f"refused for {', '.join(refused)}" if refused else None
        _finish(store, row_id, status="sent", sent_at=utcnow(), last_error=note)
        result.sent.append(key)
    return result
