"""A named lock in the database: one audit at a time across workers and the CLI.

Acquire inserts the lock row; a row whose `expires_at` has passed (a crashed holder) is taken
over with a conditional UPDATE, so exactly one contender wins. Long runs `refresh` the lease.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from auditor.errors import LockedError
from auditor.store.db import Store
from auditor.store.models import LockRow, utcnow

DEFAULT_LEASE = timedelta(hours=2)


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def try_acquire(
    store: Store,
    name: str,
    holder: str,
    lease: timedelta = DEFAULT_LEASE,
    now: datetime | None = None,
) -> bool:
    now = now or utcnow()
    try:
        with store.session() as session:
            session.execute(
                insert(LockRow).values(
                    name=name, holder=holder, acquired_at=now, expires_at=now + lease
                )
            )
        return True
    except IntegrityError:
        pass
    with store.session() as session:
        taken = session.execute(
            update(LockRow)
            .where(LockRow.name == name, LockRow.expires_at < now)
            .values(holder=holder, acquired_at=now, expires_at=now + lease)
        )
        return taken.rowcount == 1


def release(store: Store, name: str, holder: str) -> None:
    with store.session() as session:
        session.execute(delete(LockRow).where(LockRow.name == name, LockRow.holder == holder))


def current_holder(store: Store, name: str) -> tuple[str, datetime] | None:
    with store.session() as session:
        row = session.execute(
            select(LockRow.holder, LockRow.acquired_at).where(LockRow.name == name)
        ).first()
        return (row.holder, row.acquired_at) if row else None


@contextmanager
def held(store: Store, name: str = "audit", lease: timedelta = DEFAULT_LEASE) -> Iterator[str]:
    """Hold the lock for the block, or raise LockedError saying who has it since when."""
    holder = holder_id()
    if not try_acquire(store, name, holder, lease):
        who = current_holder(store, name)
        since = f" by {who[0]} since {who[1]:%Y-%m-%d %H:%M} UTC" if who else ""
        raise LockedError(f"another audit is running{since}; try again later")
    try:
        yield holder
    finally:
        release(store, name, holder)
