"""A part the API depends on that is down (Redis, Milvus, the docstore's database) is a 503 with
Retry-After and a message naming the part, not a 500 `internal_error`: the client can retry, the
operator reads which part to fix (as `/ready` does). Recognised by the exception's class and
module along its cause chain, so an error wrapped by a library or by our own code still counts.
The limits fail closed: a request whose limit cannot be checked is refused, never served unmetered.
"""

from __future__ import annotations

from dataclasses import dataclass

_MILVUS_DOWN_MARKS = (
    "connect",
    "unavailable",
    "deadline",
    "timeout",
    "timed out",
    "released",
    "not loaded",
    "load()",
    "not ready",
    "socket closed",
)


@dataclass(frozen=True)
class DependencyDown:
    part: str
    code: str
    message: str


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 16:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _classify_one(exc: BaseException) -> DependencyDown | None:
    module = type(exc).__module__ or ""
    names = {cls.__name__ for cls in type(exc).__mro__}
    if module.startswith("redis"):
        if names & {"ConnectionError", "TimeoutError", "BusyLoadingError", "ReadOnlyError"}:
            return DependencyDown(
                "redis", "redis_unavailable", "the limits store (Redis) is unreachable; no request can be metered"
            )
        return None
    if module.startswith(("pymilvus", "grpc")) or "RpcError" in names or "MilvusException" in names:
        # Only the errors of a server that is gone, restarting or not loaded; a bad request to
        # Milvus (a filter it rejects) stays a server error of ours.
        text = f"{exc} {getattr(exc, 'code', '')}".lower()
        if any(mark in text for mark in _MILVUS_DOWN_MARKS):
            return DependencyDown("milvus", "milvus_unavailable", "the search index (Milvus) is unreachable")
    if module.startswith("sqlalchemy") and names & {"OperationalError", "DisconnectionError", "TimeoutError"}:
        return DependencyDown("database", "database_unavailable", "the project database is unreachable")
    return None


def dependency_down(exc: BaseException) -> DependencyDown | None:
    """The part that is down, if `exc` (or what caused it) says a dependency is unreachable."""
    for item in _chain(exc):
        found = _classify_one(item)
        if found is not None:
            return found
    return None


def dependency_exception_classes() -> list[type[Exception]]:
    """The exception classes a down dependency raises, for exception handlers (those whose
    library is installed)."""
    classes: list[type[Exception]] = []
    try:
        from redis import exceptions as redis_exc

        classes += [redis_exc.ConnectionError, redis_exc.TimeoutError]
    except ImportError:
        pass
    try:
        from pymilvus.exceptions import MilvusException

        classes.append(MilvusException)
    except ImportError:
        pass
    try:
        import grpc

        classes.append(grpc.RpcError)
    except ImportError:
        pass
    try:
        from sqlalchemy.exc import OperationalError

        classes.append(OperationalError)
    except ImportError:
        pass
    return classes
