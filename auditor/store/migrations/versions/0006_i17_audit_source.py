"""incremental audits: posts.audit_source

The digest of the export item a post was last built from: a re-audit that reads the same item
under the same rule set skips the post without building it (see auditor/sources/base.py,
`UnbuiltPost`). Existing posts start with NULL: built once more, then recorded.

Revision ID: 0006_i17_audit_source
Revises: 0005_i17_incremental_audit
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_i17_audit_source"
down_revision = "0005_i17_incremental_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("audit_source", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("audit_source")
