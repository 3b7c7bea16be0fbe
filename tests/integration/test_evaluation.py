"""run_evaluation on a few demo questions against a temporary Milvus Lite file, logged to a
temporary SQLite MLflow store; the generation path against a stub OpenAI-compatible server; the
Dagster evaluation asset and its check materialised in-process."""

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
from mlflow.tracking import MlflowClient

from core.clients import make_engine, make_milvus_client
from core.datasets import cases_path
from core.docstore import DocStore
from core.indexing import run_index
from core.loaders import load_document
from core.settings import REPO_ROOT, Settings
from evaluation.golden import GoldenQuestion, GoldRef, load_golden, write_golden
from evaluation.run import run_evaluation
from evaluation.tracking import experiment_name

DEMO_GOLDEN = cases_path("demo_golden_v1", REPO_ROOT / "evaluation" / "datasets")


def _questions_for(corpus: Path, limit: int = 4) -> list[GoldenQuestion]:
    """Golden questions answerable from the documents in `corpus` (gold cut down to them), and
    one unanswerable question."""
    present = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file()}
    picked: list[GoldenQuestion] = []
    unanswerable: GoldenQuestion | None = None
    if DEMO_GOLDEN.exists():
        for q in load_golden(DEMO_GOLDEN):
            if not q.answerable:
                unanswerable = unanswerable or q
                continue
            groups = [[r for r in g if r.doc_id in present] for g in q.gold_groups]
            if len(picked) < limit and groups and all(groups):
                q.gold_groups = groups
                picked.append(q)
    if not picked:  # the golden file is not there yet: questions on the copied documents
        doc = load_document(corpus / "helpcentre/returns/electronics-returns.md", "x", 10**7)
        section = doc.sections[0].label
        picked = [
            GoldenQuestion(
                "t-1",
                "How long do I have to return electronics?",
                "30 days.",
                [[GoldRef("helpcentre/returns/electronics-returns.md", section)]],
                True,
                "returns",
                "policy-number",
            )
        ]
    unanswerable = unanswerable or GoldenQuestion(
        "t-u", "Do you sell cars?", "Not covered.", [], False, "general", "unanswerable"
    )
    return [*picked, unanswerable]


@pytest.fixture(scope="module")
def eval_env(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[tuple[dict[str, str], Settings, object]]:  # type: ignore[no-untyped-def]
    from tests.integration.conftest import DEMO_CORPUS

    root = tmp_path_factory.mktemp("eval")
    docs = root / "docs"
    picks = [
        "helpcentre/returns/electronics-returns.md",
        "helpcentre/returns/return-policy-overview.md",
        "helpcentre/shipping/shipping-options-and-costs.md",
        "helpcentre/gift-cards/gift-card-terms.md",
        "helpcentre/faq/returns-faq.html",
    ]
    for rel in picks:
        if (DEMO_CORPUS / rel).exists():
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            (docs / rel).write_bytes((DEMO_CORPUS / rel).read_bytes())
    (root / "golden").mkdir()
    write_golden(cases_path("golden", root), _questions_for(docs))
    overrides = {
        "RAGDESK_DATA_DIR": str(root / "data"),
        "MILVUS_URI": str(root / "data" / "milvus.db"),
        "MILVUS_COLLECTION": "eval_test",
        "DOCS_SOURCE_DIR": str(docs),
        "MLFLOW_TRACKING_URI": f"sqlite:///{root / 'mlflow.db'}",
        "EVAL_DATASETS_DIR": str(root),
        "EVAL_DEMO_DATASET": "golden",
        "EVAL_GENERATE": "false",
    }
    settings = Settings(**overrides)  # type: ignore[arg-type]
    client = make_milvus_client(settings)
    run_index(settings, client, DocStore(make_engine(settings)), embedder)
    yield overrides, settings, client


def test_dense_feedback_reads_chunk_vectors_from_milvus(eval_env, embedder) -> None:  # type: ignore[no-untyped-def]
    """DENSE_FEEDBACK against real Milvus Lite: the first pass's chunk vectors come back through
    `get`, the moved query vector is a unit vector towards them, and the second search answers."""
    from core.retrieval import Retriever

    _, settings, client = eval_env
    question = "How long do I have to return a laptop?"
    vector = embedder.embed_one(question)
    plain = Retriever(settings, client, embedder).search(question, mode="hybrid", query_vector=vector)
    tuned = settings.model_copy(update={"dense_feedback": 1.0, "dense_feedback_chunks": 2})
    retriever = Retriever(tuned, client, embedder)
    moved = retriever._feedback_vector(vector, plain.chunks)
    assert moved is not None and abs(float((moved**2).sum()) - 1.0) < 1e-5
    assert float(moved @ vector) < 0.999  # pulled away from the question alone
    with_feedback = retriever.search(question, mode="hybrid", query_vector=vector)
    assert with_feedback.chunks and with_feedback.relevant == plain.relevant
    assert with_feedback.chunks[0].doc_id.startswith("helpcentre/")


def test_retrieval_run_is_logged_to_mlflow(eval_env, embedder) -> None:  # type: ignore[no-untyped-def]
    _, settings, client = eval_env
    result = run_evaluation(settings, "demo", generate=False, client=client, embedder=embedder)

    assert set(result.retrieval_by_mode) == {"hybrid", "keyword", "dense"}
    assert 0.0 <= result.metrics["recall_at_5"] <= 1.0
    assert result.metrics["recall_at_5"] > 0  # the copied documents answer these questions
    assert result.questions[-1].gold == [] and result.questions[-1].recall_at_5 is None
    mlflow = MlflowClient(settings.resolved_mlflow_tracking_uri)
    run_id = result.run_id
    assert run_id is not None
    run = mlflow.get_run(run_id)
    assert run.info.status == "FINISHED"
    for param in ("corpus_version", "embedder", "chunk_size", "prompt_version", "git_commit", "dataset_version"):
        assert run.data.params[param]
    assert run.data.params["fusion"] == settings.fusion
    assert run.data.params["fusion_weights"].startswith("dense ")
    assert run.data.params["dense_feedback"] == "off"
    for metric in ("recall_at_5", "mrr", "keyword_recall_at_5", "dense_mrr", "ctx_precision", "ctx_recall"):
        assert metric in run.data.metrics
    artifacts = {a.path for a in mlflow.list_artifacts(run_id)} | {
        a.path for a in mlflow.list_artifacts(run_id, "plots")
    }
    assert {"questions.csv", "questions.json", "plots/metric_history.png", "plots/retrieval_by_mode.png"} <= artifacts
    assert mlflow.get_experiment_by_name(experiment_name("demo")) is not None


# --- generation against a stub OpenAI-compatible server ----------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def stub_llm() -> Iterator[str]:
    import uvicorn
    from fastapi import FastAPI
    from fastapi.responses import StreamingResponse

    app = FastAPI()
    answer = ["Electronics ", "can be returned ", "within 30 days."]

    @app.get("/v1/models")
    def models() -> dict:  # type: ignore[type-arg]
        return {"object": "list", "data": [{"id": "local", "object": "model"}]}

    @app.post("/v1/chat/completions")
    def chat() -> StreamingResponse:
        def stream() -> Iterator[str]:
            base = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": "local"}
            for piece in answer:
                yield "data: " + json.dumps({**base, "choices": [{"index": 0, "delta": {"content": piece}}]}) + "\n\n"
            yield (
                "data: "
                + json.dumps({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                + "\n\n"
            )
            usage = {
                "prompt_tokens": 900,
                "completion_tokens": 9,
                "total_tokens": 909,
                "prompt_tokens_details": {"cached_tokens": 300},
            }
            yield "data: " + json.dumps({**base, "choices": [], "usage": usage}) + "\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream")

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/v1"
    server.should_exit = True
    thread.join(timeout=5)


def test_generation_grounding_and_cost(eval_env, embedder, stub_llm: str) -> None:  # type: ignore[no-untyped-def]
    overrides, _, client = eval_env
    settings = Settings(
        **{
            **overrides,
            "LLM_BASE_URL": stub_llm,
            "EVAL_PRICE_PROMPT_PER_1K": "1.0",
            "EVAL_PRICE_CACHED_PER_1K": "0.1",
            "EVAL_GPU_HOUR_PRICE": "0",
            "EVAL_JUDGE_BASE_URL": stub_llm,  # answers judge prompts with a stream: every call fails
        }  # type: ignore[arg-type]
    )
    result = run_evaluation(settings, "demo", limit=2, generate=True, client=client, embedder=embedder, track=False)

    called = [q for q in result.questions if q.model_called]
    assert called, [(q.error, q.not_covered) for q in result.questions]
    row = called[0]
    assert row.answer == "Electronics can be returned within 30 days."
    assert row.grounded is not None and row.claims >= 1
    assert row.ttft_ms is not None and row.total_ms is not None and row.total_ms >= row.ttft_ms
    assert (row.prompt_tokens, row.completion_tokens, row.cached_tokens) == (900, 9, 300)
    assert row.cost_total == pytest.approx((600 * 1.0 + 300 * 0.1) / 1000)
    for metric in ("hallucination_rate", "ttft_ms_p50", "cost_per_request", "answer_similarity", "answer_rouge_l"):
        assert metric in result.metrics
    # judge failures are counted, never scored
    assert result.metrics["judge_errors"] == result.metrics["judge_calls"] > 0
    assert "faithfulness" not in result.metrics and row.faithfulness is None


# --- Dagster --------------------------------------------------------------------------------------
def test_evaluation_asset_materializes_with_regression_check(eval_env) -> None:  # type: ignore[no-untyped-def]
    from core.dagster_resources import build_resources
    from evaluation.assets import demo_eval_metrics_not_regressed, demo_eval_run

    overrides, settings, _ = eval_env
    instance = dg.DagsterInstance.ephemeral()
    run_config = {"ops": {"demo_eval_run": {"config": {"generate": False, "limit": 3}}}}
    for _ in range(2):  # the second run's check compares with the first
        result = dg.materialize(
            [demo_eval_run, demo_eval_metrics_not_regressed],
            resources=build_resources(overrides),
            run_config=run_config,
            instance=instance,
        )
        assert result.success
    materialization = result.asset_materializations_for_node("demo_eval_run")[0]
    assert str(materialization.metadata["mlflow_run_id"].value)
    assert "recall_at_5" in materialization.metadata
    checks = result.get_asset_check_evaluations()
    assert len(checks) == 1 and checks[0].passed
    assert checks[0].metadata["previous_run_id"].value != "none (first run of its kind)"
    assert MlflowClient(settings.resolved_mlflow_tracking_uri).get_experiment_by_name(experiment_name("demo"))
