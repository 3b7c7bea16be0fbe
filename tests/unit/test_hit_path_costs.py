"""Issue 20, exact cache hits at 50 clients: what the profile found on the hit path, kept fixed.
The API freezes what start-up made and raises the youngest generation's threshold (full
collections paused every request ~400 ms); ids come from a pooled `os.urandom` (uuid4 released
the GIL to the request-log writer three times a hit); citations are rendered without
`dataclasses.asdict`."""

from __future__ import annotations

import dataclasses
import gc
import os
import uuid
from collections.abc import Iterator

import pytest

from core.ids import random_bytes, uuid4_hex
from core.settings import Settings
from serving.events import Citation
from serving.main import settle_heap


@pytest.fixture
def restored_gc() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("restored_gc")
def test_settle_heap_freezes_start_up_and_sets_the_threshold() -> None:
    gc.unfreeze()
    keep = [object() for _ in range(10)]  # noqa: F841  # what a start-up leaves behind
    settle_heap(Settings(API_GC_FREEZE=True, API_GC_GEN0_THRESHOLD=12_345))
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == 12_345


@pytest.mark.usefixtures("restored_gc")
def test_settle_heap_can_leave_the_collector_alone() -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    settle_heap(Settings(API_GC_FREEZE=False, API_GC_GEN0_THRESHOLD=0))
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_pooled_ids_have_uuid4s_form_and_never_repeat() -> None:
    ids = [uuid4_hex() for _ in range(20_000)]  # several os.urandom blocks
    assert len(set(ids)) == len(ids)
    for value in ids[:50]:
        parsed = uuid.UUID(hex=value)
        assert (parsed.version, parsed.variant, parsed.hex) == (4, uuid.RFC_4122, value)
    assert len(random_bytes(5000)) == 5000  # more than one block at once


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_does_not_repeat_its_parents_ids() -> None:
    uuid4_hex()  # the parent has a block in hand
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next id, to the parent
        os.close(read)
        os.write(write, uuid4_hex().encode())
        os._exit(0)
    os.close(write)
    child = os.read(read, 64).decode()
    os.close(read)
    os.waitpid(pid, 0)
    assert child != uuid4_hex()


def test_citation_to_dict_is_asdict() -> None:
    citation = Citation("returns.md", "Returns", "Laptops", "/docs/returns.md", "c1", 0.75, 1)
    assert citation.to_dict() == dataclasses.asdict(citation)
    assert list(citation.to_dict()) == [f.name for f in dataclasses.fields(Citation)]  # every field, in order
