"""Archive audits: open each export with the format registry and audit it with `audit_source`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.media_store import MediaStore
from auditor.pipeline import AuditSummary, audit_source
from auditor.sources import open_archive_source


def audit_archives(app: Any, paths: list[Path], *, images: bool) -> tuple[AuditSummary, str]:
    """Audit several exports in turn, each in its own transaction, into one summary and label."""
    summary, label = audit_archive(app, paths[0], images=images)
    for path in paths[1:]:
        more, more_label = audit_archive(app, path, images=images)
        summary.merge(more)
        label += f" + {more_label}"
    return summary, label


def audit_archive(app: Any, path: Path, *, images: bool) -> tuple[AuditSummary, str]:
    """Audit one export in one transaction; a failure stores nothing but the failed run."""
    media_store = MediaStore(app.config.data_dir / "media") if images else None
    with open_archive_source(path, media_store) as source:
        account = source.account()
        # the archive's own account is the school: replies to it are self-threads, not to parents
        engine = app.engine(extra_handles=(account.handle, account.name))
        done = audit_source(
            app,
            lambda _conn: source,
            label=str(path),
            engine=engine,
            images=images,
            show_progress=True,
        )
    summary = done.summary
    summary.warnings.extend(source.warnings)
    summary.warnings.extend(f"skipped {s.where}: {s.reason}" for s in source.skipped)
    return summary, f"{path} ({account.platform.value}, {account.name or account.handle})"
