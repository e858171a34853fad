"""The review service: the one place where decisions on findings are recorded.

Every action (dismiss, resolve, reopen) is a new row in `review_actions` with who, when and why;
a later action never erases an earlier one. `findings.status`, `review_note` and `reviewed_at`
mirror the latest action for quick filtering and the stable JSON contract. The CLI (`auditor
review`) and the web review page both call `review()` with the reviewer's name.
"""

from __future__ import annotations

import fnmatch
import getpass
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditor import redact
from auditor.errors import AuditorError
from auditor.models import Status
from auditor.store.models import FindingRow, PostRow, ReviewActionRow, utcnow
from auditor.store.queries import iso_utc


class Action(StrEnum):
    DISMISS = "dismiss"
    RESOLVE = "resolve"
    REOPEN = "reopen"

    @property
    def status(self) -> Status:
        return {
            Action.DISMISS: Status.DISMISSED,
            Action.RESOLVE: Status.RESOLVED,
            Action.REOPEN: Status.OPEN,
        }[self]

    @classmethod
    def for_status(cls, status: Status | str) -> Action:
        value = Status(status)
        return next(action for action in cls if action.status == value)


def default_reviewer() -> str:
    """Who reviews when `--by` is not given: the operating-system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) and no $USER
        return "unknown"


def clean_note(note: str | None) -> str | None:
    """A note as stored: trimmed, with any phone number or e-mail address masked (a note is
    kept for years with the trail; it must not become a copy of the personal data it is about)."""
    if note is None or not note.strip():
        return None
    return redact.scrub(note.strip())


def review(
    session: Session,
    finding_id: int,
    action: Action | Status,
    *,
    by: str,
    note: str | None = None,
    at: datetime | None = None,
) -> FindingRow:
    """Record one review action on a finding and return the finding.

    A dismissed finding stays dismissed on later audits of the same post (same fingerprint).
    """
    act = action if isinstance(action, Action) else Action.for_status(action)
    if not by or not by.strip():
        raise AuditorError("review: say who reviews (--by NAME)")
    row = session.get(FindingRow, finding_id)
    if row is None:
        raise AuditorError(f"finding {finding_id} does not exist (see `auditor findings`)")
    when = at or utcnow()
    stored_note = clean_note(note)
    session.add(
        ReviewActionRow(
            finding_id=row.id, action=act.value, reviewer=by.strip(), at=when, note=stored_note
        )
    )
    row.status = act.status.value
    row.review_note = stored_note
    row.reviewed_at = when
    session.flush()
    return row


@dataclass(frozen=True)
class BulkSelection:
    """Which open findings a bulk review acts on (`auditor review --rule ...`)."""

    rule: str  # fnmatch pattern over rule ids, e.g. "personal-data.*"
    articles: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    before: datetime | None = None  # posts published before this moment


def select_open(session: Session, selection: BulkSelection) -> list[FindingRow]:
    """The open findings a bulk review would change, oldest post first."""
    stmt = (
        select(FindingRow)
        .join(PostRow, FindingRow.post_id == PostRow.id)
        .where(FindingRow.status == Status.OPEN.value)
        .order_by(PostRow.created_at, FindingRow.id)
    )
    if selection.articles:
        stmt = stmt.where(FindingRow.article.in_(selection.articles))
    if selection.platforms:
        stmt = stmt.where(PostRow.platform.in_(selection.platforms))
    if selection.before is not None:
        stmt = stmt.where(PostRow.created_at < selection.before)
    return [row for row in session.scalars(stmt) if fnmatch.fnmatchcase(row.rule, selection.rule)]


def review_many(
    session: Session,
    rows: list[FindingRow],
    action: Action,
    *,
    by: str,
    note: str,
    at: datetime | None = None,
) -> int:
    """Record the same action on each finding (one trail row each); return how many."""
    when = at or utcnow()
    for row in rows:
        review(session, row.id, action, by=by, note=note, at=when)
    return len(rows)


def history(session: Session, finding_id: int) -> list[dict[str, Any]]:
    """The review trail of one finding, oldest first, in the JSON contract of
    `auditor findings --history ID --format json`: action, by, at (ISO-8601 UTC), note."""
    if session.get(FindingRow, finding_id) is None:
        raise AuditorError(f"finding {finding_id} does not exist (see `auditor findings`)")
    rows = session.scalars(
        select(ReviewActionRow)
        .where(ReviewActionRow.finding_id == finding_id)
        .order_by(ReviewActionRow.at, ReviewActionRow.id)
    )
    return [action_json(row) for row in rows]


def action_json(row: ReviewActionRow) -> dict[str, Any]:
    return {"action": row.action, "by": row.reviewer, "at": iso_utc(row.at), "note": row.note}


def with_trail(session: Session, finding_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Trails of many findings at once (for the export)."""
    out: dict[int, list[dict[str, Any]]] = {fid: [] for fid in finding_ids}
    for start in range(0, len(finding_ids), 500):
        chunk = finding_ids[start : start + 500]
        for row in session.scalars(
            select(ReviewActionRow)
            .where(ReviewActionRow.finding_id.in_(chunk))
            .order_by(ReviewActionRow.at, ReviewActionRow.id)
        ):
            out[row.finding_id].append(action_json(row))
    return out


__all__ = [
    "Action",
    "BulkSelection",
    "default_reviewer",
    "history",
    "review",
    "review_many",
    "select_open",
]
