"""SQLAlchemy 2.x typed ORM models. The same schema runs on SQLite and PostgreSQL.

Times are stored as UTC; `UTCDateTime` gives aware datetimes back on both engines. Personal data
is never stored in findings: only a masked excerpt and a keyed fingerprint. Post texts are kept
(they are the school's own published posts) so a reviewer can read the original in context, for
`[retention] post_text_days`; then `text_purged_at` is set and the text, reply target and media
copies are gone (see auditor/store/retention.py and docs/privacy.md).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC; returns aware UTC datetimes on SQLite and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the auditor stores aware UTC times only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def sqlite_utc_text(value: datetime | None) -> str | None:
    """What `UTCDateTime` and SQLAlchemy's SQLite DATETIME bind make of an aware time (UTC,
    'YYYY-MM-DD HH:MM:SS.ffffff'), in one C call where theirs fills a %-format per value: a
    bulk insert binds a fresh time per post (`repository.bulk_insert`)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime: the auditor stores aware UTC times only")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Meta(Base):
    """Key/value facts about this database (e.g. the fingerprint key when none is in env)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Account(Base):
    """An account whose posts are audited; `cursor_*` remember how far live pulls got."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("platform", "handle"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    handle: Mapped[str] = mapped_column(String(255))  # account id, page id or username
    name: Mapped[str] = mapped_column(String(255), default="")
    config_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    cursor_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    cursor_time: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def _identity_default(context: Any) -> str:
    """A post stored without an identity is known by its own id."""
    return str(context.get_current_parameters()["external_id"])


class PostRow(Base):
    """A post, reply or comment, stored once whatever path read it (see `store.repository`).

    `identity` is what fingerprints name the post by: the id it was first stored under. It stays
    when a Facebook export post later takes over its Graph id from a live read, so the findings
    and reviews of the post keep their fingerprints. A tweet id is one post in any account row.
    """

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("account_id", "external_id"),
        Index("ix_posts_created_at", "created_at"),
        Index(
            "uq_posts_twitter_external_id",
            "external_id",
            unique=True,
            sqlite_where=sql_text("platform = 'twitter'"),
            postgresql_where=sql_text("platform = 'twitter'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(128))
    identity: Mapped[str] = mapped_column(String(128), default=_identity_default)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    kind: Mapped[str] = mapped_column(String(16), default="post")
    reply_to: Mapped[str | None] = mapped_column(String(255), nullable=True)
    reply_to_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    source_ref: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    audited_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # set when retention removed the text, reply target and media copies of this post
    text_purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # the last audit, for incremental re-audits (`auditor.audit_key`): the rule set's digest,
    # the digest of the post as the rules saw it, and what that audit found (fingerprint,
    # article, severity of each finding; allowed values), from which a skipped post's summary
    # is told. NULL rules digest: audit again (never audited, or a rule failed on it).
    audit_rules: Mapped[str | None] = mapped_column(String(64), nullable=True)
    audit_input: Mapped[str | None] = mapped_column(String(64), nullable=True)
    audit_result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # the digest of the export item that post was built from (`sources.base.UnbuiltPost`),
    # NULL when it came from elsewhere: a re-audit that reads the same item skips the post
    # without building it
    audit_source: Mapped[str | None] = mapped_column(String(64), nullable=True)

    account: Mapped[Account] = relationship()
    media: Mapped[list[MediaRow]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="MediaRow.position"
    )


class MediaRow(Base):
    __tablename__ = "media"
    __table_args__ = (UniqueConstraint("post_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text, default="")
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    # pending | analysed | failed | missing | skipped
    status: Mapped[str] = mapped_column(String(16), default="pending")
    faces: Mapped[int | None] = mapped_column(Integer, nullable=True)
    recognisable: Mapped[int | None] = mapped_column(Integer, nullable=True)

    post: Mapped[PostRow] = relationship(back_populates="media")


class ImageAnalysisRow(Base):
    """One analysis per file content and detector version: re-runs cost nothing."""

    __tablename__ = "image_analyses"
    __table_args__ = (UniqueConstraint("sha256", "detector"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    detector: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    faces: Mapped[int] = mapped_column(Integer, default=0)
    recognisable: Mapped[int] = mapped_column(Integer, default=0)
    boxes: Mapped[list[Any]] = mapped_column(JSON, default=list)  # boxes only, never pixels
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    analysed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditRun(Base):
    __tablename__ = "audit_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="running")  # running|done|failed
    trigger: Mapped[str] = mapped_column(String(32), default="cli")  # cli | worker
    source: Mapped[str] = mapped_column(Text, default="")  # archive path or account names
    posts_seen: Mapped[int] = mapped_column(Integer, default=0)
    posts_new: Mapped[int] = mapped_column(Integer, default=0)
    findings_new: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    rules: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[str] = mapped_column(String(32), default="")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class FindingRow(Base):
    __tablename__ = "findings"
    __table_args__ = (
        UniqueConstraint("fingerprint"),
        Index("ix_findings_status", "status"),
        Index("ix_findings_detected_at", "detected_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    media_id: Mapped[int | None] = mapped_column(
        ForeignKey("media.id", ondelete="SET NULL"), nullable=True
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_runs.id", ondelete="SET NULL"), nullable=True
    )
    rule: Mapped[str] = mapped_column(String(64), index=True)
    category: Mapped[str] = mapped_column(String(32))
    article: Mapped[str] = mapped_column(String(8))
    severity: Mapped[str] = mapped_column(String(8))
    span_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    excerpt: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="open")
    review_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    post: Mapped[PostRow] = relationship()
    media: Mapped[MediaRow | None] = relationship()
    actions: Mapped[list[ReviewActionRow]] = relationship(
        back_populates="finding",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ReviewActionRow.id",
    )


class ReviewActionRow(Base):
    """One review action on a finding (the review trail): rows are only ever added.

    `findings.status`, `review_note` and `reviewed_at` mirror the latest action; the trail keeps
    every earlier one. Deleted only together with its finding, by retention.
    """

    __tablename__ = "review_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(16))  # dismiss | resolve | reopen
    reviewer: Mapped[str] = mapped_column(String(255))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)

    finding: Mapped[FindingRow] = relationship(back_populates="actions")


class ClosedFingerprintRow(Base):
    """The decision on a closed finding that retention deleted: its keyed fingerprint and status
    stay, so auditing the post again (an old export, a live re-read) does not bring it back."""

    __tablename__ = "closed_fingerprints"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # dismissed | resolved
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OutboxRow(Base):
    """Mail to send exactly once: `key` (e.g. "digest:week:2026-W48") is unique."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))  # digest | alert
    subject: Mapped[str] = mapped_column(Text)
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued|sending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LockRow(Base):
    """A named lock (e.g. "audit"): one run at a time across workers and the CLI."""

    __tablename__ = "locks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(255))
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
