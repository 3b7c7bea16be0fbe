"""The evaluation as one plain function, runnable without Dagster:

    result = run_evaluation(get_settings(), "demo", mode=None, limit=None, generate=True)

Every golden question goes through the real query path: `Retriever.search` for the retrieval
scores (in the configured mode and, as baselines on the same questions, in every other mode),
then `RagService.prepare` + `generate` against the configured LLM server and the grounding guard
on the answer. Scores: recall@k and MRR on section-level ranks, Ragas context precision/recall,
Ragas answer metrics (and judge metrics when EVAL_JUDGE_BASE_URL is set), the hallucination rate
as flagged by the grounding guard, latency (TTFT, total) and cost. The run is logged to MLflow.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args

import numpy as np

from core.adaptation import model_identity
from core.cost import Prices, request_cost
from core.retrieval import Mode, Retriever
from core.settings import Settings
from evaluation.corpora import Corpus, open_corpus
from evaluation.golden import GoldenQuestion, GoldRef
from evaluation.metrics import (
    first_hit_rank,
    mean,
    percentile,
    rate,
    recall_at_k,
    reciprocal_rank,
    section_ranking,
)
from evaluation.ragas_metrics import RagasScorer
from evaluation.results import EvalResult, QuestionResult

if TYPE_CHECKING:
    from pymilvus import MilvusClient

    from core.embedder import Embedder

log = logging.getLogger(__name__)

MODES: tuple[Mode, ...] = cast(tuple[Mode, ...], get_args(Mode))
RECALL_KS = (1, 3, 5)
MRR_DEPTH = 10
Progress = Callable[[str, int, int], None]


class LLMUnavailableError(RuntimeError):
    """Generation was asked for but the LLM server does not answer."""


def section_label(section: tuple[str, str]) -> str:
    return f"{section[0]}#{section[1]}" if section[1] else section[0]


def _gold_labels(question: GoldenQuestion) -> list[str]:
    return [" | ".join(ref.label for ref in group) for group in question.gold_groups]


# --- retrieval ---------------------------------------------------------------------------------
def _retrieval_scores(
    retriever: Retriever,
    questions: list[GoldenQuestion],
    vectors: np.ndarray,
    mode: Mode,
    depth: int,
) -> list[tuple[list[tuple[str, str]], Any]]:
    """Per question: the section ranking from `depth` chunks and the top-k retrieval the system
    would answer from."""
    out = []
    for question, vector in zip(questions, vectors, strict=True):
        qv = None if mode == "keyword" else vector
        deep = retriever.search(question.question, k=depth, mode=mode, query_vector=qv)
        top = retriever.search(question.question, mode=mode, query_vector=qv)
        out.append((section_ranking(deep.chunks), top))
    return out


def _summarise_retrieval(rows: list[QuestionResult], prefix: str = "") -> dict[str, float]:
    scored = [r for r in rows if r.gold]
    metrics: dict[str, float] = {}
    for k in RECALL_KS:
        value = mean(getattr(r, f"recall_at_{k}") for r in scored)
        if value is not None:
            metrics[f"{prefix}recall_at_{k}"] = value
    mrr = mean(r.rr for r in scored)
    if mrr is not None:
        metrics[f"{prefix}mrr"] = mrr
    return metrics


def _baseline_metrics(
    questions: list[GoldenQuestion], rankings: list[list[tuple[str, str]]]
) -> tuple[dict[str, float], list[int | None]]:
    ranks: list[int | None] = []
    recalls: dict[int, list[float]] = {k: [] for k in RECALL_KS}
    rrs: list[float] = []
    for question, ranking in zip(questions, rankings, strict=True):
        ranks.append(first_hit_rank(ranking, question.gold_groups) if question.has_gold else None)
        if not question.has_gold:
            continue
        for k in RECALL_KS:
            recalls[k].append(recall_at_k(ranking, question.gold_groups, k))
        rrs.append(reciprocal_rank(ranking, question.gold_groups, MRR_DEPTH))
    metrics = {f"recall_at_{k}": float(np.mean(v)) for k, v in recalls.items() if v}
    if rrs:
        metrics["mrr"] = float(np.mean(rrs))
    return metrics, ranks


def _chosen_references(question: GoldenQuestion, ranking: list[tuple[str, str]]) -> list[GoldRef]:
    """Per needed section, the alternative that was retrieved (else the first listed)."""
    chosen = []
    for group in question.gold_groups:
        hit = next((ref for ref in group for s in ranking if ref.matches(*s)), None)
        chosen.append(hit or group[0])
    return chosen


# --- generation --------------------------------------------------------------------------------
def check_llm(settings: Settings) -> None:
    import httpx

    url = settings.llm_base_url.rstrip("/") + "/models"
    try:
        httpx.get(
            url, timeout=settings.llm_connect_timeout_s + 2, headers={"Authorization": f"Bearer {settings.llm_api_key}"}
        )
    except httpx.HTTPError as exc:
        raise LLMUnavailableError(
            f"the LLM server at {settings.llm_base_url} does not answer ({type(exc).__name__}); start it "
            "(`ragdesk llm-server`) or evaluate retrieval only (--no-generate)"
        ) from exc


def _is_declined(result: Any) -> bool:
    reasons = [c.reasons[0] if c.reasons else "" for c in result.claims]
    declines = any(r == "declines_to_answer" for r in reasons)
    checkable = [r for r in reasons if r != "declines_to_answer" and not r.startswith("not_a_claim")]
    return declines and not checkable


async def _generate_all(
    corpus: Corpus,
    retriever: Retriever,
    embedder: Embedder,
    questions: list[GoldenQuestion],
    rows: list[QuestionResult],
    mode: Mode,
    progress: Progress | None,
) -> None:
    from core.clients import make_llm_client
    from serving.events import DoneEvent, ErrorEvent, TokenEvent
    from serving.rag import Message, RagService

    settings = corpus.settings
    prices = Prices.from_settings(settings)
    checker = _grounding_checker(settings, embedder)
    llm = make_llm_client(settings)
    service = RagService(settings, retriever, llm, count_tokens=embedder.count_tokens)
    try:
        for number, (question, row) in enumerate(zip(questions, rows, strict=True), start=1):
            started = time.perf_counter()
            prepared = await service.prepare([Message("user", question.question)], mode=mode)
            row.prepare_ms = (time.perf_counter() - started) * 1000
            parts: list[str] = []
            done: DoneEvent | None = None
            async for event in service.generate(prepared):
                if isinstance(event, TokenEvent):
                    parts.append(event.text)
                elif isinstance(event, DoneEvent):
                    done = event
                elif isinstance(event, ErrorEvent):
                    row.error = f"{event.code}: {event.message}"
            row.answer = "".join(parts).strip() if not row.error else ""
            if done is not None:
                row.not_covered = done.not_covered
                timings = done.timings
                if "ttft_ms" in timings:
                    row.ttft_ms = row.prepare_ms + timings["ttft_ms"]
                if "total_ms" in timings:
                    row.total_ms = row.prepare_ms + timings["total_ms"]
                usage = done.usage
                row.prompt_tokens, row.completion_tokens = usage.prompt_tokens, usage.completion_tokens
                row.cached_tokens = usage.cached_tokens
                if row.model_called:
                    cost = request_cost(
                        prices,
                        usage.prompt_tokens,
                        usage.completion_tokens,
                        usage.cached_tokens,
                        timings.get("total_ms", 0.0) / 1000,
                    )
                    row.cost_tokens, row.cost_machine, row.cost_total = cost.tokens, cost.machine, cost.total
            if row.not_covered:
                row.declined = True
            elif row.model_called and checker is not None:
                passages = [p.text for p in prepared.passages]
                result = await asyncio.to_thread(checker.check, question.question, row.answer, passages)
                row.grounded = result.grounded
                row.grounding_ms = result.elapsed_ms
                row.claims = len(result.claims)
                flagged = [c for c in result.claims if c.verdict != "supported"]
                row.unsupported_claims = len(flagged)
                row.flagged_claims = [f"{c.verdict}: {c.text}" for c in flagged]
                row.declined = _is_declined(result)
            if progress:
                progress("generate", number, len(questions))
    finally:
        await llm.close()


def _grounding_checker(settings: Settings, embedder: Embedder) -> Any:
    try:
        from core.grounding import GroundingChecker
    except ImportError:  # the guard is optional for the evaluation; say so in the log
        log.warning("core.grounding is not available: answers are not checked for grounding")
        return None
    return GroundingChecker(settings, embedder)


# --- Ragas ------------------------------------------------------------------------------------------
async def _score_ragas(scorer: RagasScorer, rows: list[QuestionResult], references: list[list[str]]) -> None:
    for row, reference in zip(rows, references, strict=True):
        scores: dict[str, float | None] = {}
        scores.update(await scorer.score_contexts(row.contexts, reference))
        if row.model_called:
            scores.update(await scorer.score_answer(row.answer, row.expected_answer))
            scores.update(await scorer.score_judge(row.question, row.answer, row.contexts))
        for name, value in scores.items():
            setattr(row, name, value)


# --- aggregation ------------------------------------------------------------------------------------
def summarise(rows: list[QuestionResult], generate: bool) -> dict[str, float]:
    metrics = _summarise_retrieval(rows)
    metrics["questions"] = float(len(rows))
    metrics["questions_with_gold"] = float(sum(1 for r in rows if r.gold))
    optional: dict[str, float | None] = {
        "ctx_precision": mean(r.ctx_precision for r in rows),
        "ctx_recall": mean(r.ctx_recall for r in rows),
        # retrieval alone: the share of questions the service would answer "not covered"
        "unanswerable_not_covered_rate": rate(not r.retrieval_relevant for r in rows if not r.answerable),
        "answerable_not_covered_rate": rate(not r.retrieval_relevant for r in rows if r.answerable),
    }
    if generate:
        called = [r for r in rows if r.model_called]
        checked = [r for r in called if r.grounded is not None]
        optional.update(
            {
                "generated": float(len(called)),
                "error_rate": rate(bool(r.error) for r in rows),
                "hallucination_rate": rate(not r.grounded for r in checked),
                "unsupported_claim_rate": (
                    sum(r.unsupported_claims for r in checked) / max(sum(r.claims for r in checked), 1)
                    if checked
                    else None
                ),
                "unanswerable_declined_rate": rate(r.declined for r in rows if not r.answerable and not r.error),
                "answerable_declined_rate": rate(r.declined for r in rows if r.answerable and not r.error),
                "answer_similarity": mean(r.answer_similarity for r in called),
                "answer_rouge_l": mean(r.answer_rouge_l for r in called),
                "answer_chrf": mean(r.answer_chrf for r in called),
                "faithfulness": mean(r.faithfulness for r in called),
                "answer_relevancy": mean(r.answer_relevancy for r in called),
                "ttft_ms_p50": percentile((r.ttft_ms for r in called), 50),
                "ttft_ms_p95": percentile((r.ttft_ms for r in called), 95),
                "total_ms_p50": percentile((r.total_ms for r in called), 50),
                "total_ms_p95": percentile((r.total_ms for r in called), 95),
                "grounding_ms_p50": percentile((r.grounding_ms for r in checked), 50),
                "prompt_tokens_mean": mean(r.prompt_tokens for r in called),
                "completion_tokens_mean": mean(r.completion_tokens for r in called),
                "cached_tokens_mean": mean(r.cached_tokens for r in called),
                "cost_per_request": mean(r.cost_total for r in called),
                "cost_tokens_per_request": mean(r.cost_tokens for r in called),
                "cost_machine_per_request": mean(r.cost_machine for r in called),
                "cost_total": float(sum(r.cost_total for r in called)),
            }
        )
    metrics.update({k: float(v) for k, v in optional.items() if v is not None})
    return metrics


def select_questions(questions: list[GoldenQuestion], limit: int | None, sample: int | None) -> list[GoldenQuestion]:
    """The first `limit` questions, or `sample` questions evenly spaced over the set (every kind
    of question when the file is grouped by kind), or all."""
    if sample and sample < len(questions):
        step = len(questions) / sample
        return [questions[int(i * step)] for i in range(sample)]
    return questions[:limit] if limit else questions


def subset_label(limit: int | None, sample: int | None) -> str:
    return f"sample:{sample}" if sample else (f"first:{limit}" if limit else "")


def run_params(corpus: Corpus, mode: str, subset: str, generate: bool, judge_model: str) -> dict[str, str]:
    from core.prompts import PROMPT_VERSION
    from evaluation.tracking import git_commit

    s = corpus.settings
    return {
        "dataset": corpus.dataset,
        "dataset_path": corpus.dataset_path,
        "dataset_version": corpus.dataset_version,
        "corpus_version": corpus.corpus_version,
        "collection": s.milvus_collection,
        "embedder": s.embed_model_path or s.embed_model,
        "embedder_weights": model_identity(Path(s.embed_model_path)) if s.embed_model_path else "",
        "embed_dim": str(s.embed_dim),
        "chunk_size": str(s.effective_chunk_size),
        "chunk_overlap": str(s.chunk_overlap),
        "retrieval_mode": mode,
        "top_k": str(s.top_k),
        "fusion": s.fusion,
        "fusion_weights": (
            f"dense {s.score_fusion_dense_weight}"
            if s.fusion == "score"
            else f"dense {s.rrf_dense_weight} keyword {s.rrf_keyword_weight}"
        ),
        "rrf_k": str(s.rrf_k),
        "dense_feedback": f"{s.dense_feedback} x {s.dense_feedback_chunks} chunks" if s.dense_feedback else "off",
        "retrieval_depth": str(s.eval_retrieval_depth),
        "llm_model": s.llm_model if generate else "",
        "llm_base_url": s.llm_base_url if generate else "",
        "llm_max_tokens": str(s.llm_max_tokens),
        "prompt_version": PROMPT_VERSION,
        "generate": str(generate),
        "limit": subset,
        "judge_model": judge_model,
        "git_commit": git_commit(),
    }


def run_evaluation(
    settings: Settings,
    dataset: str,
    mode: str | None = None,
    limit: int | None = None,
    generate: bool = True,
    *,
    track: bool = True,
    client: MilvusClient | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    sample: int | None = None,
) -> EvalResult:
    """Score `dataset` ("demo", "emanual" or a golden JSONL path) on all its questions, the first
    `limit` or `sample` evenly spaced ones; log the run to MLflow when `track`. Raises
    `LLMUnavailableError` when `generate` and the LLM server does not answer."""
    from core.clients import make_embedder, make_milvus_client

    started = time.time()
    if mode is not None and mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    run_mode: Mode = cast(Mode, mode or settings.retrieval_mode)
    if generate:
        check_llm(settings)
    embedder = embedder or make_embedder(settings)
    client = client or make_milvus_client(settings)
    if dataset == "emanual" and settings.eval_emanual_milvus_uri not in ("", settings.milvus_uri):
        from evaluation.emanual import emanual_settings

        client = make_milvus_client(emanual_settings(settings))
    corpus = open_corpus(settings, dataset, client, embedder)
    questions = select_questions(corpus.questions, limit, sample)
    if not questions:
        raise ValueError(f"the {corpus.dataset} golden set has no questions")
    retriever = Retriever(corpus.settings, client, embedder)
    vectors = embedder.embed([q.question for q in questions])
    depth = max(corpus.settings.eval_retrieval_depth, corpus.settings.top_k)

    rows = [
        QuestionResult(q.id, q.question, q.category, q.kind, q.answerable, q.expected_answer, _gold_labels(q))
        for q in questions
    ]
    retrieval_by_mode: dict[str, dict[str, float]] = {}
    references: list[list[str]] = []
    for m in (run_mode, *[x for x in MODES if x != run_mode]):
        scored = _retrieval_scores(retriever, questions, vectors, m, depth)
        metrics, ranks = _baseline_metrics(questions, [ranking for ranking, _ in scored])
        retrieval_by_mode[m] = metrics
        for row, rank in zip(rows, ranks, strict=True):
            row.baseline_first_hit[m] = rank
        if m != run_mode:
            continue
        for question, row, (ranking, top) in zip(questions, rows, scored, strict=True):
            row.retrieved = [section_label(s) for s in ranking[:MRR_DEPTH]]
            row.retrieval_relevant = top.relevant
            row.contexts = [c.text for c in top.chunks]
            if question.has_gold:
                row.first_hit = first_hit_rank(ranking, question.gold_groups)
                for k in RECALL_KS:
                    setattr(row, f"recall_at_{k}", recall_at_k(ranking, question.gold_groups, k))
                row.rr = reciprocal_rank(ranking, question.gold_groups, MRR_DEPTH)
            chosen = _chosen_references(question, ranking)
            texts = corpus.reference_texts(chosen)
            references.append([t for ref in chosen for t in texts.get(ref, [])])
        if progress:
            progress("retrieval", len(questions), len(questions))

    if generate:
        asyncio.run(_generate_all(corpus, retriever, embedder, questions, rows, run_mode, progress))
    scorer = RagasScorer(corpus.settings, embedder)
    asyncio.run(_score_ragas(scorer, rows, references))

    metrics = summarise(rows, generate)
    for mode_name, values in retrieval_by_mode.items():
        metrics.update({f"{mode_name}_{name}": value for name, value in values.items()})
    if scorer.has_judge:
        metrics["judge_calls"] = float(scorer.judge_tally.calls)
        metrics["judge_errors"] = float(scorer.judge_tally.errors)
    if corpus.dataset == "demo":
        metrics.update(_feedback_metrics(settings))
    result = EvalResult(
        dataset=corpus.dataset,
        mode=run_mode,
        generate=generate,
        params=run_params(corpus, run_mode, subset_label(limit, sample), generate, scorer.judge_model),
        metrics=metrics,
        questions=rows,
        retrieval_by_mode=retrieval_by_mode,
        judge_errors=scorer.judge_tally.messages,
        seconds=time.time() - started,
    )
    if track:
        from evaluation.tracking import log_evaluation

        log_evaluation(settings, result)
    return result


def _feedback_metrics(settings: Settings) -> dict[str, float]:
    from core.feedback import satisfaction_rate

    stats = satisfaction_rate(settings)
    out = {"feedback_count": float(stats.total)}
    if stats.rate is not None:
        out["feedback_satisfaction_rate"] = stats.rate
    return out
