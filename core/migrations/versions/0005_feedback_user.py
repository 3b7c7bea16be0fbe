"""feedback.user_hash: the pseudonym of the user who rated (the user the answer went to), so
feedback is tied to its user and a user can read their own.

Added only when missing, with an empty default: feedback given before it keeps `""` (no user).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "user_hash" not in {c["name"] for c in inspector.get_columns("feedback")}:
        op.add_column("feedback", sa.Column("user_hash", sa.String(16), nullable=False, server_default=""))
    if "ix_feedback_user_hash" not in {i["name"] for i in inspector.get_indexes("feedback")}:
        op.create_index("ix_feedback_user_hash", "feedback", ["user_hash"])


def downgrade() -> None:
    op.drop_index("ix_feedback_user_hash", table_name="feedback")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("user_hash")
