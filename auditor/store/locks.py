"""A named lock in the database: one audit at a time across workers and the CLI.

No lock can be stranded by a holder that died:

- PostgreSQL: a session advisory lock on a connection of its own. When the holder's process
  dies (kill -9, a container stopped) its connection closes and the server frees the lock.
- SQLite: a row in `locks` naming the holder as `host:pid`. A contender on the same host takes
  the row over at once, with a warning, when that process is gone (or the pid now belongs to a
  process started after the lock was taken); a holder on another host is trusted until its
  lease (`expires_at`) has passed. Take-overs are conditional UPDATEs: exactly one contender wins.

On both, the row says who holds the lock since when, for the "another audit is running" line.
Once the audit lock is held, runs still marked `running` belong to nobody (a crash or kill
stopped them): they are marked failed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, CursorResult, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from auditor.errors import LockedError
from auditor.store import runs
from auditor.store.db import Store
from auditor.store.models import LockRow, utcnow

DEFAULT_LEASE = timedelta(hours=2)

log = logging.getLogger("auditor.lock")

# PostgreSQL: the connection that holds each advisory lock, by (database, lock name, holder).
_sessions: dict[tuple[str, str, str], Connection] = {}
_sessions_guard = threading.Lock()


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def try_acquire(
    store: Store,
    name: str,
    holder: str,
    lease: timedelta = DEFAULT_LEASE,
    now: datetime | None = None,
) -> bool:
    """Take the lock for `holder`; False when someone alive holds it."""
    now = now or utcnow()
    if store.engine.dialect.name == "postgresql":
        return _try_acquire_advisory(store, name, holder, lease, now)
    return _try_acquire_row(store, name, holder, lease, now)


def release(store: Store, name: str, holder: str) -> None:
    try:
        with store.session() as session:
            session.execute(delete(LockRow).where(LockRow.name == name, LockRow.holder == holder))
    finally:
        with _sessions_guard:
            conn = _sessions.pop((store.url, name, holder), None)
        if conn is not None:
            _unlock(conn, name)
            _drop(conn)


def release_all(store: Store) -> None:
    """Free every lock this process holds on `store` (when closing it)."""
    with _sessions_guard:
        mine = [key for key in _sessions if key[0] == store.url]
    for _url, name, holder in mine:
        release(store, name, holder)


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
        if name == "audit":
            stale = runs.fail_stale_runs(store)
            if stale:
                log.warning("%d run(s) left running by a stopped process marked failed", stale)
        yield holder
    finally:
        release(store, name, holder)


# -- PostgreSQL: session advisory lock --------------------------------------------------------


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for `pg_advisory_lock`, derived from the lock name."""
    digest = hashlib.sha256(f"auditor:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _try_acquire_advisory(
    store: Store, name: str, holder: str, lease: timedelta, now: datetime
) -> bool:
    conn = store.engine.connect()
    try:
        got = conn.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": advisory_key(name)}
        ).scalar()
        conn.commit()
    except BaseException:
        _drop(conn)
        raise
    if not got:
        _drop(conn)
        return False
    with _sessions_guard:
        _sessions[(store.url, name, holder)] = conn
    try:
        _record_holder(store, name, holder, lease, now)
    except BaseException:
        release(store, name, holder)
        raise
    return True


def _record_holder(store: Store, name: str, holder: str, lease: timedelta, now: datetime) -> None:
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    values = {"holder": holder, "acquired_at": now, "expires_at": now + lease}
    with store.session() as session:
        session.execute(
            pg_insert(LockRow)
            .values(name=name, **values)
            .on_conflict_do_update(index_elements=[LockRow.name], set_=values)
        )


def _unlock(conn: Connection, name: str) -> None:
    """Free the advisory lock before closing its connection: a closed connection frees it too,
    but only once the server has noticed, and a contender asking at once would be refused."""
    try:
        conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": advisory_key(name)})
        conn.commit()
    except SQLAlchemyError:
        pass  # the connection is gone already: the server frees the lock with it


def _drop(conn: Connection) -> None:
    """Close the lock's connection for real (not back into the pool): the server frees it."""
    try:
        conn.invalidate()
    except SQLAlchemyError:
        pass
    try:
        conn.close()
    except SQLAlchemyError:
        pass


# -- SQLite: a row, taken over from a holder that is gone --------------------------------------


def _try_acquire_row(store: Store, name: str, holder: str, lease: timedelta, now: datetime) -> bool:
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
        row = session.execute(
            select(LockRow.holder, LockRow.acquired_at, LockRow.expires_at).where(
                LockRow.name == name
            )
        ).first()
    if row is None:  # released meanwhile
        return _try_acquire_row(store, name, holder, lease, now)
    gone = holder_is_gone(row.holder, row.acquired_at)
    if not gone and row.expires_at >= now:
        return False
    with store.session() as session:
        taken = session.execute(
            update(LockRow)
            .where(LockRow.name == name, LockRow.holder == row.holder)
            .values(holder=holder, acquired_at=now, expires_at=now + lease)
        )
    assert isinstance(taken, CursorResult)  # an UPDATE: the driver reports its row count
    if taken.rowcount != 1:
        return False
    why = "that process is gone" if gone else f"its lease ended {row.expires_at:%Y-%m-%d %H:%M} UTC"
    log.warning("took over the %s lock of %s (%s)", name, row.holder, why)
    return True


def holder_is_gone(holder: str, acquired_at: datetime) -> bool:
    """True when `holder` (host:pid) is a process on this host that no longer runs."""
    host, _, pid_text = holder.rpartition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # alive, another user's process
    started = process_started_at(pid)
    if started is None:
        return False
    state, started_at = started
    if state == "Z":  # killed, not yet reaped by its parent
        return True
    # the pid was reused by a process that started after the lock was taken
    return started_at > acquired_at.astimezone(UTC) + timedelta(seconds=2)


def process_started_at(pid: int) -> tuple[str, datetime] | None:
    """(state, start time) of a process from /proc; None where /proc is not available."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(
            line for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime")
        )
    except (OSError, StopIteration):
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    state, start_ticks = fields[0], int(fields[19])
    seconds = int(boot.split()[1]) + start_ticks / os.sysconf("SC_CLK_TCK")
    return state, datetime.fromtimestamp(seconds, UTC)
