"""review_items.reason: why an item is in the review queue (what was withdrawn or flagged, and why).

Added only when missing (a queue written by the composer's code before this migration has it), with
an empty default so existing items are kept.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("review_items")}
    if "reason" not in columns:
        op.add_column("review_items", sa.Column("reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("review_items") as batch:
        batch.drop_column("reason")
