"""review trail, retention: review_actions, closed_fingerprints, posts.text_purged_at

Every review action becomes a row (who, when, note); the status and note that findings held so
far are carried over as the first row of each reviewed finding's trail (reviewer "unknown": the
old schema did not record who).

Revision ID: 0004_i14_review_trail
Revises: 0003_i12_post_identity
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_i14_review_trail"
down_revision = "0003_i12_post_identity"
branch_labels = None
depends_on = None

ACTION_OF_STATUS = {"dismissed": "dismiss", "resolved": "resolve", "open": "reopen"}


def upgrade() -> None:
    op.create_table(
        "review_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("reviewer", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_review_actions_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_actions")),
    )
    op.create_index(
        op.f("ix_review_actions_finding_id"), "review_actions", ["finding_id"], unique=False
    )
    op.create_table(
        "closed_fingerprints",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_closed_fingerprints")),
    )
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("text_purged_at", sa.DateTime(timezone=True), nullable=True))
    findings = sa.table(
        "findings",
        sa.column("id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("review_note", sa.Text),
        sa.column("reviewed_at", sa.DateTime(timezone=True)),
    )
    actions = sa.table(
        "review_actions",
        sa.column("finding_id", sa.Integer),
        sa.column("action", sa.String),
        sa.column("reviewer", sa.String),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("note", sa.Text),
    )
    conn = op.get_bind()
    reviewed = conn.execute(
        sa.select(findings.c.id, findings.c.status, findings.c.review_note, findings.c.reviewed_at)
        .where(findings.c.reviewed_at.is_not(None))
        .order_by(findings.c.id)
    ).all()
    rows = [
        {
            "finding_id": row.id,
            "action": ACTION_OF_STATUS.get(row.status, "reopen"),
            "reviewer": "unknown",
            "at": row.reviewed_at,
            "note": row.review_note,
        }
        for row in reviewed
    ]
    if rows:
        op.bulk_insert(actions, rows)


def downgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("text_purged_at")
    op.drop_table("closed_fingerprints")
    op.drop_index(op.f("ix_review_actions_finding_id"), table_name="review_actions")
    op.drop_table("review_actions")
