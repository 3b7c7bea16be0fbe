"""Factories for every external client. Dagster resources and FastAPI's lifespan both call
these, so indexing and serving cannot disagree about collection, dimension or model."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from core.settings import Settings

if TYPE_CHECKING:
    from openai import AsyncOpenAI, OpenAI
    from pymilvus import MilvusClient
    from redis import Redis
    from sqlalchemy.engine import Engine

    from core.embedder import Embedder

log = logging.getLogger(__name__)


def make_milvus_client(settings: Settings) -> MilvusClient:
    from pymilvus import MilvusClient

    uri = settings.milvus_uri
    if settings.milvus_is_local_file:
        from pathlib import Path

        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {"uri": uri}
    if settings.milvus_keepalive_s:
        kwargs["grpc_options"] = {"grpc.keepalive_time_ms": settings.milvus_keepalive_s * 1000}
    if settings.milvus_token:
        kwargs["token"] = settings.milvus_token
    return MilvusClient(**kwargs)


def make_embedder(settings: Settings) -> Embedder:
    from core.embedder import Embedder

    if settings.embed_base_url:  # an embedding service (issue 17): same interface, vectors over HTTP
        from core.embed_service import ServiceEmbedder

        return ServiceEmbedder.connect(settings)
    return Embedder.load(settings)


def make_llm_client(settings: Settings) -> AsyncOpenAI:
    from openai import AsyncOpenAI, Timeout

    timeout = Timeout(settings.llm_timeout_s, connect=settings.llm_connect_timeout_s)
    return AsyncOpenAI(base_url=settings.llm_base_url, api_key=settings.llm_api_key, timeout=timeout, max_retries=0)


def make_sync_llm_client(settings: Settings) -> OpenAI:
    from openai import OpenAI, Timeout

    timeout = Timeout(settings.llm_timeout_s, connect=settings.llm_connect_timeout_s)
    return OpenAI(base_url=settings.llm_base_url, api_key=settings.llm_api_key, timeout=timeout, max_retries=0)


class RedisUnavailableError(RuntimeError):
    """Nothing answers at the configured Redis (REDIS_URL, else the one `ragdesk up` starts)."""


def redis_display_url(settings: Settings) -> str:
    """The Redis URL in use, without a password, for messages."""
    scheme, sep, rest = settings.resolved_redis_url.partition("://")
    return f"{scheme}{sep}{rest.rpartition('@')[2]}" if sep else settings.resolved_redis_url


def redis_unavailable(settings: Settings, exc: BaseException) -> RedisUnavailableError:
    """The error to raise (or print) when the Redis in use does not answer: it names REDIS_URL
    and `ragdesk up`."""
    where = redis_display_url(settings)
    if settings.redis_url:
        hint = "check REDIS_URL, or leave it empty to use the Redis `ragdesk up` starts"
    else:
        hint = "REDIS_URL is empty, so this is the Redis `ragdesk up` starts: run `ragdesk up`, or set REDIS_URL"
    return RedisUnavailableError(f"cannot reach Redis at {where} ({type(exc).__name__}: {exc}); {hint}")


def make_redis(settings: Settings) -> Redis:
    """A Redis client for `settings.resolved_redis_url` (REDIS_URL, else the Redis `ragdesk up`
    starts). It connects on first use; `ping_redis` turns "nothing answers" into a clear error."""
    from redis import Redis

    return Redis.from_url(settings.resolved_redis_url, decode_responses=False)


def ping_redis(settings: Settings, redis: Redis) -> Redis:
    """`redis`, once it answered PING; else `RedisUnavailableError` (see `redis_unavailable`)."""
    from redis.exceptions import RedisError

    try:
        redis.ping()
    except (RedisError, OSError) as exc:
        raise redis_unavailable(settings, exc) from exc
    return redis


def make_engine(settings: Settings) -> Engine:
    from core.db import make_engine as _make_engine

    return _make_engine(settings.resolved_docstore_url)
