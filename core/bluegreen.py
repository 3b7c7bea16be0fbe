"""Blue/green full rebuild: the app reads MILVUS_COLLECTION, which is an alias; a rebuild writes a
new collection beside the live one, checks it (row count, probe queries), points the alias at it
in one step and only then drops the old collection. Searches never see a half-built index.

    report = rebuild(client, settings, rows_writer, expected_rows=n, probes=[vector, ...])

The first rebuild where MILVUS_COLLECTION is still a plain collection cannot be gapless (an alias
cannot take a live collection's name): `adopt_alias` drops the collection and creates the alias
at once, with the new collection already built and loaded; searches in that instant fail.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from pymilvus import MilvusClient

from core import schema as S
from core.collection import count_chunks, create_collection
from core.settings import Settings
from core.tenancy import scoped


class RebuildCheckFailed(RuntimeError):
    """The new collection did not pass its checks; the alias still points at the old one."""


@dataclass
class RebuildReport:
    alias: str
    new_collection: str
    old_collection: str | None
    rows: int
    probes_answered: int
    switched: bool
    dropped: bool
    seconds: float
    notes: list[str] = field(default_factory=list)


def alias_target(client: MilvusClient, alias: str) -> str | None:
    """The collection an alias points at, or None where there is no such alias."""
    try:
        return str(client.describe_alias(alias)["collection_name"])
    except Exception:
        return None


def new_collection_name(alias: str) -> str:
    return f"{alias}__{time.strftime('%Y%m%d%H%M%S', time.gmtime())}_{time.time_ns() % 1_000_000:06d}"


def check_collection(
    client: MilvusClient, settings: Settings, expected_rows: int, probes: Sequence[np.ndarray]
) -> tuple[int, int]:
    """(rows, probes answered); raises RebuildCheckFailed when rows differ or a probe finds nothing."""
    rows = count_chunks(client, settings)
    if rows != expected_rows:
        raise RebuildCheckFailed(f"{settings.milvus_collection}: {rows} rows, expected {expected_rows}")
    answered = 0
    for vector in probes:
        hits = client.search(
            settings.milvus_collection,
            data=[np.asarray(vector, dtype=np.float32).tolist()],
            anns_field=S.VECTOR,
            limit=1,
            filter=scoped(settings, ""),
            search_params=S.dense_search_params(settings),
        )
        if hits and hits[0]:
            answered += 1
    if answered != len(probes):
        raise RebuildCheckFailed(f"{settings.milvus_collection}: {len(probes) - answered} probe queries found nothing")
    return rows, answered


def adopt_alias(client: MilvusClient, alias: str, collection: str) -> None:
    """Turn a plain collection named `alias` into an alias of `collection` (the one-time migration)."""
    if client.has_collection(alias) and alias_target(client, alias) is None:
        client.drop_collection(alias)
    client.create_alias(collection, alias)


def rebuild(
    client: MilvusClient,
    settings: Settings,
    write: Callable[[Settings], None],
    expected_rows: int,
    probes: Sequence[np.ndarray],
    drain_s: float = 2.0,
) -> RebuildReport:
    """Build MILVUS_COLLECTION anew behind its alias. `write(settings_for_new)` fills the new
    collection (its settings name it). The old collection is dropped `drain_s` after the switch,
    so searches that resolved the alias just before it can finish."""
    start = time.monotonic()
    alias = settings.milvus_collection
    old = alias_target(client, alias)
    plain = old is None and client.has_collection(alias)
    new = new_collection_name(alias)
    target = settings.model_copy(update={"milvus_collection": new})
    create_collection(client, target, new)
    try:
        write(target)
        client.flush(new)
        rows, answered = check_collection(client, target, expected_rows, probes)
    except Exception:
        client.drop_collection(new)
        raise
    notes = []
    if old is not None:
        client.alter_alias(new, alias)
    elif plain:
        adopt_alias(client, alias, new)
        notes.append(f"{alias!r} was a plain collection: dropped and replaced by an alias (one-time, not gapless)")
    else:
        client.create_alias(new, alias)
    dropped = False
    if old is not None:
        time.sleep(drain_s)
        client.release_collection(old)
        client.drop_collection(old)
        dropped = True
    return RebuildReport(alias, new, old, rows, answered, True, dropped, time.monotonic() - start, notes)
