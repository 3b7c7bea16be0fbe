"""Section-level retrieval (RETRIEVAL_DEDUPE_SECTIONS): the option added for the evaluation. The fake
client answers BM25 searches as Milvus does (KEYWORD_BACKEND=milvus); the in-process backend has
its own tests (test_keyword_index.py)."""

from typing import Any

import numpy as np

from core.retrieval import Retrieval, RetrievedChunk, Retriever, _best_per_section
from core.settings import Settings


def chunk(cid: str, doc: str, section: str, score: float = 0.5) -> RetrievedChunk:
    return RetrievedChunk(cid, f"text {cid}", doc, doc, section, doc, 0, score)


class FakeClient:
    """Answers dense searches with `dense` and BM25 searches with `keyword`, as Milvus hits."""

    def __init__(self, dense: list[RetrievedChunk], keyword: list[RetrievedChunk]) -> None:
        self.lists = {"vector": dense, "sparse": keyword}

    def load_collection(self, name: str) -> None:
        pass

    def has_collection(self, name: str) -> bool:
        return True

    def describe_collection(self, name: str) -> dict[str, Any]:
        return {"fields": [{"name": "vector"}, {"name": "sparse"}]}  # keyword search, no `untrusted` field

    def search(self, collection: str, data: Any, anns_field: str, limit: int, **_: Any) -> list[list[dict[str, Any]]]:
        hits = self.lists[anns_field][:limit]
        return [
            [
                {
                    "id": c.chunk_id,
                    "distance": c.score,
                    "entity": {
                        "text": c.text,
                        "doc_id": c.doc_id,
                        "title": c.title,
                        "section": c.section,
                        "source": c.source,
                        "position": 0,
                    },
                }
                for c in hits
            ]
        ]


class FakeEmbedder:
    def embed_one(self, text: str) -> np.ndarray:
        return np.ones(4, dtype=np.float32)


def test_best_per_section_keeps_first_chunk_in_order() -> None:
    chunks = [chunk("a1", "a", "s"), chunk("b1", "b", ""), chunk("a2", "a", "s"), chunk("a3", "a", "t")]
    assert [c.chunk_id for c in _best_per_section(chunks)] == ["a1", "b1", "a3"]


def test_sections_are_distinct_only_when_deduplicating() -> None:
    dense = [
        chunk("a1", "a", "s", 0.9),
        chunk("a2", "a", "s", 0.8),
        chunk("b1", "b", "", 0.7),
        chunk("c1", "c", "", 0.6),
    ]
    keyword = [chunk("a2", "a", "s", 9.0), chunk("a3", "a", "s", 8.0), chunk("c1", "c", "", 7.0)]
    settings = Settings(KEYWORD_BACKEND="milvus", FUSION="rrf")  # type: ignore[call-arg]
    retriever = Retriever(settings, FakeClient(dense, keyword), FakeEmbedder())  # type: ignore[arg-type]

    plain = retriever.search("q", k=3, mode="hybrid", dedupe_sections=False)
    assert [c.doc_id for c in plain.chunks].count("a") >= 2  # without de-duplication windows of one section repeat

    sections = retriever.search("q", k=3, mode="hybrid", dedupe_sections=True)
    keys = [(c.doc_id, c.section) for c in sections.chunks]
    assert keys == [("a", "s"), ("c", ""), ("b", "")]  # c is in both lists, b only in dense
    assert [c.rank for c in sections.chunks] == [1, 2, 3]
    assert sections.chunks[0].dense_score is not None and sections.relevant

    dense_only = retriever.search("q", k=2, mode="dense", dedupe_sections=True)
    assert [c.chunk_id for c in dense_only.chunks] == ["a1", "b1"]


def test_score_fusion_lets_a_confident_list_win_where_reciprocal_rank_ties() -> None:
    """Dense is sure of `a` (0.9 against 0.3); BM25 barely prefers `b` over `a` (10.0 against 9.9).
    Reciprocal rank sees two first places and one second for each and cannot tell them apart
    beyond the tie-break; normalised scores keep the margins and put `a` first."""
    dense = [chunk("a1", "a", "", 0.9), chunk("b1", "b", "", 0.3), chunk("c1", "c", "", 0.2)]
    keyword = [chunk("b1", "b", "", 10.0), chunk("a1", "a", "", 9.9), chunk("c1", "c", "", 1.0)]

    def fused(dense_weight: float, dedupe: bool) -> Retrieval:
        settings = Settings(KEYWORD_BACKEND="milvus", FUSION="score", SCORE_FUSION_DENSE_WEIGHT=dense_weight)  # type: ignore[call-arg]
        retriever = Retriever(settings, FakeClient(dense, keyword), FakeEmbedder())  # type: ignore[arg-type]
        return retriever.search("q", k=3, mode="hybrid", dedupe_sections=dedupe)

    for dedupe in (False, True):
        scored = fused(0.5, dedupe)
        assert [c.doc_id for c in scored.chunks] == ["a", "b", "c"]
        assert scored.chunks[0].score == 0.5 * 1.0 + 0.5 * (9.9 - 1.0) / 9.0
        assert scored.chunks[-1].score == 0.0  # last in both lists
        assert [c.doc_id for c in fused(0.0, dedupe).chunks] == ["b", "a", "c"]  # BM25 alone


def test_score_fusion_weight_is_bounded() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Settings(SCORE_FUSION_DENSE_WEIGHT=1.5)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Settings(FUSION="max")  # type: ignore[call-arg, arg-type]


class FeedbackClient(FakeClient):
    """Dense search answers `dense` for the plain query vector (all ones) and `moved` for any
    other vector; `get` returns stored chunk vectors."""

    def __init__(
        self,
        dense: list[RetrievedChunk],
        moved: list[RetrievedChunk],
        keyword: list[RetrievedChunk],
        vectors: dict[str, list[float]],
    ) -> None:
        super().__init__(dense, keyword)
        self._dense, self.moved, self.vectors = dense, moved, vectors
        self.dense_queries: list[np.ndarray] = []
        self.got: list[list[str]] = []

    def search(self, collection: str, data: Any, anns_field: str, limit: int, **kw: Any) -> list[list[dict[str, Any]]]:
        if anns_field == "vector":
            vector = np.asarray(data[0], dtype=np.float32)
            self.dense_queries.append(vector)
            plain = np.allclose(vector, np.ones(4))
            self.lists["vector"] = self._dense if plain else self.moved
        return super().search(collection, data, anns_field, limit, **kw)

    def get(self, collection: str, ids: list[str], output_fields: list[str]) -> list[dict[str, Any]]:
        self.got.append(list(ids))
        return [{"id": i, "vector": self.vectors[i]} for i in ids if i in self.vectors]


def feedback_case() -> tuple[list[RetrievedChunk], list[RetrievedChunk], list[RetrievedChunk], dict[str, list[float]]]:
    dense = [chunk("a1", "a", "", 0.9), chunk("b1", "b", "", 0.5), chunk("c1", "c", "", 0.1)]
    # the moved query finds c first: BM25's favourite `c` pulled the dense search towards it
    moved = [chunk("c1", "c", "", 0.8), chunk("a1", "a", "", 0.7), chunk("b1", "b", "", 0.2)]
    keyword = [chunk("c1", "c", "", 10.0), chunk("a1", "a", "", 6.0), chunk("b1", "b", "", 1.0)]
    vectors = {"a1": [1.0, 0.0, 0.0, 0.0], "c1": [0.0, 0.0, 0.0, 1.0], "b1": [0.0, 1.0, 0.0, 0.0]}
    return dense, moved, keyword, vectors


def test_dense_feedback_searches_again_from_the_moved_query_vector() -> None:
    for dedupe in (False, True):
        dense, moved, keyword, vectors = feedback_case()
        client = FeedbackClient(dense, moved, keyword, vectors)
        settings = Settings(
            KEYWORD_BACKEND="milvus", FUSION="score", DENSE_FEEDBACK=1.0, DENSE_FEEDBACK_CHUNKS=2, MIN_RELEVANCE=0.85
        )  # type: ignore[call-arg]
        result = Retriever(settings, client, FakeEmbedder()).search(  # type: ignore[arg-type]
            "q", k=3, mode="hybrid", dedupe_sections=dedupe
        )
        # first pass (score fusion): a = 0.5 + 0.5*5/9, c = 0 + 0.5, b = 0.25 + 0 -> a, c, b
        assert client.got == [["a1", "c1"]]
        expected = np.ones(4, dtype=np.float32) + np.array([0.5, 0.0, 0.0, 0.5], dtype=np.float32)
        assert np.allclose(client.dense_queries[1], expected / np.linalg.norm(expected))
        # second pass against the same BM25 scores (not overwritten by the first fusion): c = 0.5 + 0.5
        assert [c.doc_id for c in result.chunks] == ["c", "a", "b"]
        assert result.chunks[0].score == 1.0 and [c.rank for c in result.chunks] == [1, 2, 3]
        # relevance is judged on the customer's own query (0.9 >= 0.85), not on the moved one (0.8)
        assert result.relevant
        assert result.query_vector is not None and np.allclose(result.query_vector, np.ones(4))  # the cache key


def test_dense_feedback_off_searches_once() -> None:
    dense, moved, keyword, vectors = feedback_case()
    client = FeedbackClient(dense, moved, keyword, vectors)
    retriever = Retriever(Settings(KEYWORD_BACKEND="milvus", FUSION="score"), client, FakeEmbedder())  # type: ignore[arg-type, call-arg]
    result = retriever.search("q", k=3, mode="hybrid")
    assert client.got == [] and len(client.dense_queries) == 1
    assert [c.doc_id for c in result.chunks] == ["a", "c", "b"]
