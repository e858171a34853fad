"""Live accounts in the store: their read cursor, their last error, and the media copies a live
read may reuse instead of downloading again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, select, update

from auditor.models import Platform
from auditor.sources.accounts import Cursor
from auditor.sources.base import AccountInfo
from auditor.store.models import Account, MediaRow, PostRow
from auditor.store.repository import get_or_create_account


def read_cursor(conn: Connection, info: AccountInfo) -> Cursor:
    """How far the account was read (an empty cursor for an account never read)."""
    row = conn.execute(
        select(Account.cursor_id, Account.cursor_time).where(
            Account.platform == info.platform.value, Account.handle == info.handle
        )
    ).first()
    return Cursor(row.cursor_id, row.cursor_time) if row else Cursor()


def save_read(
    conn: Connection, info: AccountInfo, config_name: str, cursor: Cursor, display_name: str
) -> None:
    """After a successful read: the new cursor, no last error, and the name the API gave."""
    values: dict[str, object] = {
        "cursor_id": cursor.id,
        "cursor_time": cursor.time,
        "last_error": None,
        "config_name": config_name,
    }
    if display_name:
        values["name"] = display_name
    account_id = get_or_create_account(conn, info, config_name)
    conn.execute(update(Account).where(Account.id == account_id).values(**values))


def record_error(engine: Engine, info: AccountInfo, config_name: str, message: str) -> None:
    """Remember why the account's last read failed (its own transaction)."""
    with engine.begin() as conn:
        account_id = get_or_create_account(conn, info, config_name)
        conn.execute(update(Account).where(Account.id == account_id).values(last_error=message))


def stored_media_copy(
    conn: Connection, platform: Platform, url: str, name: str
) -> tuple[str, str] | None:
    """(sha256, path) of a stored copy of a media file with this URL or file name, when the
    file is still there: a live read reuses it instead of downloading it again."""
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
