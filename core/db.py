"""The project database: one declarative base for every table, engines by URL (SQLite in the data
folder by default, Postgres by URL), and the schema brought to the newest Alembic migration
(core/migrations/versions/) whenever an engine is made.

A database made before migrations existed (tables from `create_all`, no `alembic_version`) is
adopted: the first migration creates only the tables that are missing and keeps the others and
their rows, and Alembic records the revision."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
_lock = threading.RLock()


class Base(DeclarativeBase):
    """Every table of the project database; each needs a migration (see the README)."""


def make_engine(url: str, migrate: bool = True) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    else:
        engine = create_engine(url, pool_pre_ping=True)
    if migrate:
        upgrade(engine)
    return engine


def alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {MIGRATIONS_DIR}")
    return head


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


@contextmanager
def migrations_serialized() -> Iterator[None]:
    """Held while this process may run Alembic: our upgrades, and other libraries' (MLflow's
    store runs its own on first use). Alembic's `context` proxy is process-global, so two
    threads migrating at once break each other (KeyError: 'config')."""
    with _lock:
        yield


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`; a no-op (one query) when it is there already. Two processes
    starting at once: the loser of the race finds the schema made and tries once more."""
    with engine.connect() as connection:
        if revision == "head" and current_revision(connection) == head_revision():
            return
    with _lock:
        for attempt in (1, 2):
            try:
                _run_upgrade(engine, revision)
                return
            except DBAPIError:
                if attempt == 2:
                    raise
                log.warning("database migration raced another process; trying once more", exc_info=True)


def _run_upgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
