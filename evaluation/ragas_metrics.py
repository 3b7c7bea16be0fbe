"""Ragas 0.4 metrics for one question at a time.

Without an external LLM (always): context precision and recall against the gold sections' text
(`NonLLMContextPrecisionWithReference`, `NonLLMContextRecall`, string distance), and, for a
generated answer, string similarity, ROUGE-L and chrF against the expected answer.

With a judge (EVAL_JUDGE_BASE_URL set, any OpenAI-compatible server): faithfulness and answer
relevancy. A judge call that fails or returns no number is counted as an error, never scored.
"""

from __future__ import annotations

import asyncio
import logging
import math
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.settings import Settings

if TYPE_CHECKING:
    from core.embedder import Embedder

log = logging.getLogger(__name__)

CONTEXT_METRICS = ("ctx_precision", "ctx_recall")
ANSWER_METRICS = ("answer_similarity", "answer_rouge_l", "answer_chrf")
JUDGE_METRICS = ("faithfulness", "answer_relevancy")


@dataclass
class JudgeTally:
    calls: int = 0
    errors: int = 0
    messages: list[str] = field(default_factory=list)

    def record_error(self, message: str) -> None:
        self.errors += 1
        if len(self.messages) < 5:
            self.messages.append(message)


def _finite(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class RagasScorer:
    """Builds the metric objects once; `score_*` are coroutines returning name -> value."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import ragas.metrics as rm

            self._ctx_precision = rm.NonLLMContextPrecisionWithReference()
            self._ctx_recall = rm.NonLLMContextRecall()
            self._similarity = rm.NonLLMStringSimilarity()
            self._rouge = rm.RougeScore(rouge_type="rougeL")
            self._chrf = rm.ChrfScore()
        self.judge_tally = JudgeTally()
        self.judge_model = ""
        self._faithfulness: Any = None
        self._relevancy: Any = None
        self._judge_timeout = settings.eval_judge_timeout_s
        if settings.eval_judge_base_url:
            self._faithfulness, self._relevancy = _judge_metrics(settings, embedder)
            self.judge_model = settings.eval_judge_model

    @property
    def has_judge(self) -> bool:
        return self._faithfulness is not None

    @staticmethod
    def _sample(**kwargs: Any) -> Any:
        from ragas import SingleTurnSample

        return SingleTurnSample(**kwargs)

    async def score_contexts(self, retrieved: list[str], reference: list[str]) -> dict[str, float | None]:
        if not reference:
            return dict.fromkeys(CONTEXT_METRICS)
        if not retrieved:
            return {"ctx_precision": 0.0, "ctx_recall": 0.0}
        sample = self._sample(retrieved_contexts=retrieved, reference_contexts=reference)
        return {
            "ctx_precision": _finite(await self._ctx_precision.single_turn_ascore(sample)),
            "ctx_recall": _finite(await self._ctx_recall.single_turn_ascore(sample)),
        }

    async def score_answer(self, answer: str, expected: str) -> dict[str, float | None]:
        if not answer or not expected:
            return dict.fromkeys(ANSWER_METRICS)
        sample = self._sample(response=answer, reference=expected)
        return {
            "answer_similarity": _finite(await self._similarity.single_turn_ascore(sample)),
            "answer_rouge_l": _finite(await self._rouge.single_turn_ascore(sample)),
            "answer_chrf": _finite(await self._chrf.single_turn_ascore(sample)),
        }

    async def score_judge(self, question: str, answer: str, contexts: list[str]) -> dict[str, float | None]:
        """Faithfulness and answer relevancy; None (and an error counted) where the judge failed."""
        if not self.has_judge or not answer or not contexts:
            return dict.fromkeys(JUDGE_METRICS)
        sample = self._sample(user_input=question, response=answer, retrieved_contexts=contexts)
        scores: dict[str, float | None] = {}
        for name, metric in (("faithfulness", self._faithfulness), ("answer_relevancy", self._relevancy)):
            self.judge_tally.calls += 1
            try:
                value = _finite(await asyncio.wait_for(metric.single_turn_ascore(sample), self._judge_timeout))
            except Exception as exc:  # the judge's failures are counted, never scored
                self.judge_tally.record_error(f"{name}: {type(exc).__name__}: {str(exc)[:200]}")
                value = None
            else:
                if value is None:
                    self.judge_tally.record_error(f"{name}: no score (unparseable judge output)")
            scores[name] = value
        return scores


def _judge_metrics(settings: Settings, embedder: Embedder | None) -> tuple[Any, Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import ragas.metrics as rm
        from langchain_openai import ChatOpenAI
        from ragas.llms import LangchainLLMWrapper

        chat = ChatOpenAI(
            base_url=settings.eval_judge_base_url,
            api_key=settings.eval_judge_api_key,  # type: ignore[arg-type]
            model=settings.eval_judge_model,
            temperature=0.0,
            timeout=settings.eval_judge_timeout_s,
            max_retries=0,
        )
        llm = LangchainLLMWrapper(chat)
        faithfulness = rm.Faithfulness(llm=llm)
        relevancy = rm.ResponseRelevancy(llm=llm, embeddings=_embeddings(settings, embedder), strictness=1)
    return faithfulness, relevancy


def _embeddings(settings: Settings, embedder: Embedder | None) -> Any:
    """The project's embedder behind Ragas' embeddings interface (answer relevancy compares
    questions generated from the answer with the asked one)."""
    from ragas.embeddings import BaseRagasEmbeddings

    class ProjectEmbeddings(BaseRagasEmbeddings):  # type: ignore[misc]
        def __init__(self, model: Embedder) -> None:
            super().__init__()
            self.model = model

        def embed_query(self, text: str) -> list[float]:
            return self.model.embed_one(text).tolist()

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return self.model.embed(texts).tolist()

        async def aembed_query(self, text: str) -> list[float]:
            return await asyncio.to_thread(self.embed_query, text)

        async def aembed_documents(self, texts: list[str]) -> list[list[float]]:
            return await asyncio.to_thread(self.embed_documents, texts)

    if embedder is None:
        from core.clients import make_embedder

        embedder = make_embedder(settings)
    return ProjectEmbeddings(embedder)
