"""One base error per layer. The CLI catches `AuditorError` once and prints one line, exit 2."""

from __future__ import annotations


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
