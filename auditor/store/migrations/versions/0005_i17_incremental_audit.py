"""incremental audits: posts.audit_rules, posts.audit_input, posts.audit_result

A re-audit skips a post whose rule-set digest and input digest are unchanged since its last
audit (see auditor/audit_key.py). Existing posts start with NULL: audited again once.

Revision ID: 0005_i17_incremental_audit
Revises: 0004_i14_review_trail
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_i17_incremental_audit"
down_revision = "0004_i14_review_trail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("audit_rules", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("audit_input", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("audit_result", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("audit_result")
        batch.drop_column("audit_input")
        batch.drop_column("audit_rules")
