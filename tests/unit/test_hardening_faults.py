"""Issue 19: which exceptions mean "a part is down" (a 503 naming it) and which stay our bug (a 500)."""

from __future__ import annotations

import pytest
import redis.exceptions
from pymilvus.exceptions import MilvusException
from sqlalchemy.exc import OperationalError

from serving.faults import dependency_down


def wrapped(inner: Exception) -> Exception:
    try:
        try:
            raise inner
        except Exception as exc:
            raise RuntimeError("the limiter failed") from exc
    except RuntimeError as outer:
        return outer


@pytest.mark.parametrize(
    ("exc", "part"),
    [
        (redis.exceptions.ConnectionError("Connection refused"), "redis"),
        (redis.exceptions.TimeoutError("Timeout reading"), "redis"),
        (wrapped(redis.exceptions.ConnectionError("Connection refused")), "redis"),
        (MilvusException(2, "Fail connecting to server on 127.0.0.1:19530"), "milvus"),
        (MilvusException(101, "Collection 'c' is in state 'released'; call load() before search"), "milvus"),
        (wrapped(MilvusException(1, "server unavailable")), "milvus"),
        (OperationalError("SELECT 1", {}, Exception("could not connect to server")), "database"),
    ],
)
def test_a_part_that_is_down_is_named(exc: Exception, part: str) -> None:
    found = dependency_down(exc)
    assert found is not None and found.part == part


@pytest.mark.parametrize(
    "exc",
    [
        MilvusException(1100, "failed to create query plan: cannot parse expression: x >"),
        redis.exceptions.ResponseError("WRONGTYPE Operation against a key holding the wrong kind of value"),
        ValueError("a bug of ours"),
        wrapped(KeyError("missing")),
    ],
)
def test_other_errors_are_not_a_dependency_failure(exc: Exception) -> None:
    assert dependency_down(exc) is None
