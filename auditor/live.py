"""Live audit of the configured accounts (Facebook Graph API, X API v2). STUB: being written."""

from __future__ import annotations

from datetime import datetime

from auditor.errors import ConfigError
from auditor.pipeline import AuditSummary


def audit_accounts(  # type: ignore[no-untyped-def]
    app, *, account: str | None = None, since: datetime | None = None, images: bool = True,
    trigger: str = "cli",
) -> tuple[AuditSummary, str]:
    """Pull and audit every configured account (or one); return the summary and a label."""
    raise ConfigError(f"{app.config.source}: no [[accounts]] configured; use --archive PATH")
