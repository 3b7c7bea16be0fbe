"""The clients and services one API process holds, built once by the app's lifespan through the
factories in core.clients (the same ones indexing uses)."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.clients import make_embedder, make_llm_client, make_milvus_client
from core.retrieval import Retriever
from core.settings import Settings
from core.untrusted import load_screen
from serving.answer_mode import AnswerModes
from serving.composer import Composer
from serving.composer.heads import DocumentHeads
from serving.grounding import GroundingRunner
from serving.guard import GroundingGuard
from serving.index_generation import IndexGeneration
from serving.rag import RagService, Stage
from serving.review import ReviewStore

if TYPE_CHECKING:
    from openai import AsyncOpenAI
    from pymilvus import MilvusClient

    from core.answer_cache import AnswerCache
    from core.embedder import Embedder

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything the routes use, built once per process."""

    settings: Settings
    milvus: MilvusClient
    embedder: Embedder
    llm: AsyncOpenAI
    retriever: Retriever
    rag: RagService
    grounding: GroundingRunner | None = None  # the one checker: inline guard and /v1/grounding/check
    reviews: ReviewStore | None = None  # flagged answers (review_items table)
    cache: AnswerCache | None = None  # the response cache (None when CACHE_ENABLED is false)
    index_generation: IndexGeneration | None = None  # keys the cache scope; made on first use when None
    # The exact cache layer's Redis reads run here, not in the default executor, where they would
    # queue behind query embeddings: an exact hit never waits on another request's embedding.
    cache_lookups: ThreadPoolExecutor | None = None
    embedder_check: EmbedderCheck | None = None  # the index's embedder against this process' one

    async def aclose(self) -> None:
        if self.cache_lookups is not None:
            self.cache_lookups.shutdown(wait=False, cancel_futures=True)
        await self.llm.close()
        await asyncio.to_thread(self.milvus.close)


class EmbedderCheck:
    """Whether the stored vectors were computed by the embedder this process queries with
    (model and EMBED_BACKEND, recorded by the indexer). `/ready` fails while they differ: the
    answers would come from vectors of another runtime. A docstore that cannot be read is no
    mismatch (logged)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._docstore: object | None = None

    def mismatch(self) -> str | None:
        from core.clients import make_engine
        from core.docstore import DocStore
        from core.indexing import index_embedder_mismatch

        try:
            if self._docstore is None:
                self._docstore = DocStore(make_engine(self.settings))
            assert isinstance(self._docstore, DocStore)
            return index_embedder_mismatch(self.settings, self._docstore)
        except Exception:
            log.warning("could not read the index's embedder from the docstore", exc_info=True)
            return None


def set_query_threads(settings: Settings, embedder: Embedder | None = None) -> None:
    """One short query gains nothing from intra-op threads; on 2 shared cores a second torch
    thread made query embedding ~4x slower at p50 and 30x at p99 (bench/query.py). With an
    embedder, its own runtime's threads (ONNX Runtime's are per session); without, torch's."""
    if settings.query_embed_threads <= 0:
        return
    if embedder is not None:
        embedder.set_threads(settings.query_embed_threads)
        return
    import torch

    torch.set_num_threads(settings.query_embed_threads)


def _build_sync(settings: Settings) -> tuple[MilvusClient, Embedder, Retriever]:
    milvus = make_milvus_client(settings)
    embedder = make_embedder(settings)
    set_query_threads(settings, embedder)
    retriever = Retriever(settings, milvus, embedder)
    if milvus.has_collection(settings.milvus_collection):
        milvus.load_collection(settings.milvus_collection)
    else:
        log.warning(
            "collection %r does not exist yet; /ready reports it until it is indexed", settings.milvus_collection
        )
    retriever.warm()
    embedder.embed_one("warm-up")  # the first call pays for lazy initialisation
    return milvus, embedder, retriever


def build_grounding(settings: Settings, embedder: Embedder) -> tuple[GroundingRunner, ReviewStore, list[Stage]]:
    """The grounding checker, the review queue and the guard stage (none when GROUNDING_ENABLED
    is false; the check endpoint and the queue stay available)."""
    runner = GroundingRunner.build(settings, embedder)
    reviews = ReviewStore.open(settings)
    stages: list[Stage] = [GroundingGuard(settings, runner, reviews)] if settings.grounding_enabled else []
    if not settings.grounding_enabled:
        log.warning("GROUNDING_ENABLED is false: answers are streamed unchecked")
    return runner, reviews, stages


def build_cache(settings: Settings, embedder: Embedder) -> AnswerCache | None:
    """The response cache in Redis (REDIS_URL, else the Redis `ragdesk up` starts); None when
    disabled."""
    if not settings.cache_enabled:
        return None
    from core.answer_cache import make_answer_cache

    return make_answer_cache(settings, embedder.embed_one)


async def build_services(settings: Settings) -> Services:
    milvus, embedder, retriever = await asyncio.to_thread(_build_sync, settings)
    llm = make_llm_client(settings)
    runner, reviews, stages = await asyncio.to_thread(build_grounding, settings, embedder)
    heads = DocumentHeads.open(settings)
    composer = Composer(embedder.embed, heads=heads, tails=heads.tail, screen=load_screen(settings))
    for stage in stages:
        if isinstance(stage, GroundingGuard):
            stage.composer = composer  # the guard's replacement quotes the composer's selection
    modes = AnswerModes(settings, llm, runner)
    rag = RagService(
        settings, retriever, llm, count_tokens=embedder.count_tokens, stages=stages, composer=composer, modes=modes
    )
    modes.start_self_test()  # in the background; answers are composed until it passes
    cache = await asyncio.to_thread(build_cache, settings, embedder)
    generation = IndexGeneration(settings)
    await asyncio.to_thread(generation.current)  # the first docstore read at start-up, not in a request
    lookups = ThreadPoolExecutor(max_workers=4, thread_name_prefix="cache-exact") if cache is not None else None
    embedder_check = EmbedderCheck(settings)
    mismatch = await asyncio.to_thread(embedder_check.mismatch)
    if mismatch:
        log.error("%s (/ready fails until then)", mismatch)
    return Services(
        settings,
        milvus,
        embedder,
        llm,
        retriever,
        rag,
        grounding=runner,
        reviews=reviews,
        cache=cache,
        index_generation=generation,
        cache_lookups=lookups,
        embedder_check=embedder_check,
    )
