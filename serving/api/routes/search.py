"""`/v1/search`: retrieval alone, through the same `Retriever.search` as the chat path."""

from __future__ import annotations

from fastapi import APIRouter

from serving.api.deps import RagDep, SettingsDep
from serving.api.routes.chat import ERRORS
from serving.schemas import SearchHit, SearchRequest, SearchResponse
from serving.sources import source_url

router = APIRouter(prefix="/v1", tags=["search"])


@router.post("/search", response_model=SearchResponse, responses=ERRORS)
async def search(body: SearchRequest, rag: RagDep, settings: SettingsDep) -> SearchResponse:
    retrieval = await rag.search(body.question, k=body.k, filters=body.filters, mode=body.mode)
    hits = [
        SearchHit(
            rank=c.rank,
            score=c.score,
            chunk_id=c.chunk_id,
            doc_id=c.doc_id,
            title=c.title,
            section=c.section,
            url=source_url(c.doc_id, c.section, settings.public_base_url),
            text=c.text,
            dense_score=c.dense_score,
            dense_rank=c.dense_rank,
            keyword_rank=c.keyword_rank,
        )
        for c in retrieval.chunks
    ]
    return SearchResponse(
        query=retrieval.query,
        mode=retrieval.mode,
        k=body.k or settings.top_k,
        relevant=retrieval.relevant,
        hits=hits,
        timings={"embed_ms": round(retrieval.embed_ms, 2), "search_ms": round(retrieval.search_ms, 2)},
    )
