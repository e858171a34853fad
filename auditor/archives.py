"""Archive audits: open each export with the format registry and audit it with `audit_source`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.media_store import MediaStore
from auditor.pipeline import AuditSummary, audit_source
from auditor.sources import archive_groups, open_archive_source


def audit_archives(app: Any, paths: list[Path], *, images: bool) -> tuple[AuditSummary, str]:
    """Audit several exports in turn, each in its own transaction, into one summary and label.

    The zips of a Facebook export split over several files (passed one by one, or as the folder
    that holds them) are audited as one export (`sources.archive_groups`).
    """
    groups = archive_groups(paths)
    summary, label = audit_archive(app, groups[0], images=images)
    for group in groups[1:]:
        more, more_label = audit_archive(app, group, images=images)
        summary.merge(more)
        label += f" + {more_label}"
    return summary, label


def audit_archive(app: Any, path: Path | list[Path], *, images: bool) -> tuple[AuditSummary, str]:
    """Audit one export (one path, or the parts of a split export) in one transaction; a
    failure stores nothing but the failed run."""
    media_store = MediaStore(app.config.data_dir / "media") if images else None
    if isinstance(path, list):
        path = path[0] if len(path) == 1 else path
    name = " + ".join(map(str, path)) if isinstance(path, list) else str(path)
    with open_archive_source(path, media_store, app.config) as source:
        account = source.account()
        # the archive's own account is the school: replies to it are self-threads, not to parents
        engine = app.engine(
            extra_handles=(account.handle, account.name), extra_names=source.own_names
        )
        done = audit_source(
            app,
            lambda _conn: source,
            label=name,
            engine=engine,
            images=images,
            show_progress=True,
        )
    summary = done.summary
    summary.warnings.extend(source.warnings)
    summary.notes.extend(source.info)
    summary.warnings.extend(f"skipped {s.where}: {s.reason}" for s in source.skipped)
    return summary, f"{name} ({account.platform.value}, {account.name or account.handle})"
