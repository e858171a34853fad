"""`auditor subject NAME`: every stored post that names one person (AVG articles 15 and 17).

Posts that still hold their text are matched on the text (see auditor/subject.py). Posts whose
text retention removed are matched on what their findings keep: keyed hashes of the words of
each personal-data span. Every excerpt is masked: the output never shows anyone's data in full.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditor import redact, subject
from auditor.models import Category, Span
from auditor.store.models import FindingRow, PostRow
from auditor.store.queries import iso_utc


@dataclass(frozen=True)
class SubjectPost:
    platform: str
    external_id: str
    created_at: str | None
    url: str | None
    excerpt: str
    text_kept: bool
    finding_ids: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "platform": self.platform,
            "external_id": self.external_id,
            "created_at": self.created_at,
            "url": self.url,
            "excerpt": self.excerpt,
            "text_kept": self.text_kept,
            "findings": list(self.finding_ids),
        }
        if not self.text_kept:
            out["note"] = "text no longer kept (retention); listed by its findings"
        return out


def _personal_findings(session: Session, post_ids: list[int]) -> dict[int, list[FindingRow]]:
    out: dict[int, list[FindingRow]] = {pid: [] for pid in post_ids}
    for start in range(0, len(post_ids), 500):
        chunk = post_ids[start : start + 500]
        for row in session.scalars(
            select(FindingRow)
            .where(
                FindingRow.post_id.in_(chunk), FindingRow.category == Category.PERSONAL_DATA.value
            )
            .order_by(FindingRow.id)
        ):
            out[row.post_id].append(row)
    return out


def _spans(findings: list[FindingRow], length: int) -> list[tuple[Span, str]]:
    return [
        (Span(f.span_start, f.span_end), str((f.details or {}).get("kind") or "name"))
        for f in findings
        if f.span_start is not None and f.span_end is not None and f.span_end <= length
    ]


def _hit(post: Any, excerpt: str, kept: bool, rows: list[FindingRow]) -> tuple[Any, SubjectPost]:
    created = iso_utc(post.created_at)
    ids = tuple(row.id for row in rows)
    return post.created_at, SubjectPost(
        post.platform, post.external_id, created, post.url, excerpt, kept, ids
    )


def find_subject(
    session: Session, name: str, key: bytes, is_word: Callable[[str], bool] = lambda w: False
) -> list[SubjectPost]:
    """Every stored post naming `name`, oldest first.

    `is_word` tells ordinary words ("lieve", "storm"): a one-word name that is also a word
    counts only where a personal-data finding of the post covers it (the rules read the context).
    """
    words = subject.name_words(name)
    if not words:
        return []
    ordinary = len(words) == 1 and is_word(words[0])
    hits: list[tuple[Any, SubjectPost]] = []
    candidates = []
    for post in session.execute(
        select(
            PostRow.id,
            PostRow.platform,
            PostRow.external_id,
            PostRow.created_at,
            PostRow.url,
            PostRow.text,
        )
        .where(PostRow.text_purged_at.is_(None))
        .execution_options(yield_per=1000)
    ):
        folded = subject.fold(post.text or "")
        if all(w in folded for w in words):
            candidates.append(post)
    findings = _personal_findings(session, [p.id for p in candidates])
    for post in candidates:
        text = post.text
        sensitive = _spans(findings[post.id], len(text))
        spans = [s for s, _ in sensitive]
        found = subject.mentions(text, name)
        if ordinary:  # "Lieve ouders", "storm op komst": only where the rules saw a name
            found = [s for s in found if any(f.start <= s.start and s.end <= f.end for f in spans)]
        found += [s for s in subject.covered_by(text, spans, name) if s not in found]
        if not found:
            continue
        masked = sensitive + [(s, "name") for s in found]
        first = min(found, key=lambda s: s.start)
        excerpt = redact.excerpt(text, first, masked)
        hits.append(_hit(post, excerpt, True, findings[post.id]))
    wanted = subject.names_key_set(key, name)
    purged_ids = list(
        session.scalars(select(PostRow.id).where(PostRow.text_purged_at.is_not(None)))
    )
    purged_findings = _personal_findings(session, purged_ids)
    posts = (
        {
            p.id: p
            for p in session.scalars(
                select(PostRow).where(
                    PostRow.id.in_([pid for pid, rows in purged_findings.items() if rows])
                )
            )
        }
        if purged_ids
        else {}
    )
    for post_id, rows in purged_findings.items():
        keys: set[str] = set()
        for row in rows:
            keys.update((row.details or {}).get("subject_keys") or ())
        if not rows or not wanted <= keys:
            continue
        excerpt = " | ".join(dict.fromkeys(row.excerpt for row in rows))
        hits.append(_hit(posts[post_id], excerpt, False, rows))
    hits.sort(key=lambda item: item[0])
    return [hit for _, hit in hits]
