"""outbox.claimed_at: when a sending attempt started (sent_at now only means delivered)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
    # rows caught mid-send by the upgrade kept their claim time in sent_at
    op.execute(
        "UPDATE outbox SET claimed_at = sent_at, sent_at = NULL WHERE status = 'sending'"
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("claimed_at")
