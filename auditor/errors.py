"""One base error per layer. The CLI catches `AuditorError` once and prints one line, exit 2."""

from __future__ import annotations

import errno
import traceback
from pathlib import Path


class AuditorError(Exception):
    """Something the user can fix: the message is a single line that names the file or setting."""


class ConfigError(AuditorError):
    """A wrong setting. The message names the key (and the file when there is one)."""


class SourceError(AuditorError):
    """An archive or API that cannot be read. `where` names the file, member or URL."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where}: {why}")
        self.where = where
        self.why = why


class TokenError(SourceError):
    """An expired or revoked API token: that account fails, the others go on."""


class StoreError(AuditorError):
    """The database cannot be opened, migrated or written."""


class NotifyError(AuditorError):
    """Mail could not be delivered. `permanent` errors are not retried."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class LockedError(AuditorError):
    """Another run holds the audit lock."""


def describe_unexpected(exc: BaseException, database: str = "database") -> str:
    """One line for a failure no layer turned into an AuditorError: never a traceback.

    Database and file-system errors name the database (`database`: its label) or the file;
    anything else names only the error's type and where it happened (its message may quote a
    post, and the auditor must not repeat personal data).
    """
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SQLAlchemyError):
        text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        why = text[0] if text else type(exc).__name__
        if "disk is full" in why or "No space left" in why:
            why += " (free some space; nothing of the unfinished import was stored)"
        return f"{database}: {why}"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            return f"{where}disk full (no space left on device)"
        return f"{where}{exc.strerror or type(exc).__name__}"
    if isinstance(exc, RecursionError):
        return "input nested too deeply to read (more than 1,000 levels)"
    frame = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    at = f" at {Path(frame[0].filename).name}:{frame[0].lineno}" if frame else ""
    return (
        f"internal error ({type(exc).__name__}{at}); "
        "run again with AUDITOR_DEBUG=1 for the details and report it"
    )
