"""Observability through the real app (real Milvus Lite collection, real local LLM server, uvicorn):
a request's id in its header and done event, the Prometheus series it leaves at /metrics, its
request-log row with the full prompt, and its MLflow trace linked by the request id. With the
fake model and the guard on: the row keeps the model's withdrawn answer and the verdict."""

from __future__ import annotations

import re
import time
from typing import Any

import httpx
from openai import OpenAI

from core.prompts import SYSTEM_PROMPT
from tests.conftest import ThreadedUvicorn
from tests.integration.sse import parse_sse

LAPTOP = "Can I return a laptop after 45 days?"


def stream(url: str, body: dict[str, Any]) -> tuple[httpx.Response, list[tuple[str, Any]]]:
    with httpx.stream("POST", f"{url}/v1/answer/stream", json=body, timeout=120) as response:
        lines = list(response.iter_lines())
    return response, parse_sse(lines)


def logged(url: str, request_id: str, timeout_s: float = 30.0) -> dict[str, Any]:
    """The request-log row (written after the response, in a worker thread)."""
    deadline = time.monotonic() + timeout_s
    while True:
        response = httpx.get(f"{url}/v1/requests/{request_id}", timeout=10)
        if response.status_code == 200 or time.monotonic() > deadline:
            assert response.status_code == 200, response.text
            return response.json()  # type: ignore[no-any-return]
        time.sleep(0.2)


def sample(metrics: str, name: str, **labels: str) -> float:
    """The value of one series in the Prometheus text format (0 when absent)."""
    total = 0.0
    for line in metrics.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_a_streamed_answer_is_measured_logged_and_traced(api_server: ThreadedUvicorn) -> None:
    before = httpx.get(f"{api_server.url}/metrics", timeout=10).text
    response, events = stream(api_server.url, {"question": LAPTOP})
    assert response.status_code == 200
    request_id = response.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    done = dict(events)["done"]
    assert done["request_id"] == request_id
    answer = "".join(data["text"] for name, data in events if name == "token")

    metrics = httpx.get(f"{api_server.url}/metrics", timeout=10)
    assert metrics.status_code == 200
    after = metrics.text
    route = {"http_route": "/v1/answer/stream", "http_response_status_code": "200"}
    assert sample(after, "http_server_request_duration_seconds_count", **route) == (
        sample(before, "http_server_request_duration_seconds_count", **route) + 1
    )
    for name, labels in [
        ("gen_ai_client_token_usage_count", {"gen_ai_token_type": "input"}),
        ("gen_ai_client_token_usage_count", {"gen_ai_token_type": "output"}),
        ("gen_ai_client_operation_duration_seconds_count", {"gen_ai_operation_name": "chat"}),
        ("gen_ai_client_operation_time_to_first_chunk_seconds_count", {}),
        ("ragdesk_time_to_first_token_seconds_count", {"cache": "bypass"}),
        ("ragdesk_stage_duration_seconds_count", {"stage": "embed"}),
        ("ragdesk_stage_duration_seconds_count", {"stage": "search"}),
        ("ragdesk_stage_duration_seconds_count", {"stage": "generation_ttft"}),
        ("ragdesk_retrieval_top_score_count", {}),
        ("ragdesk_cache_lookups_total", {"result": "bypass"}),
        ("ragdesk_queue_wait_seconds_count", {"tier": "paid"}),
        ("ragdesk_answers_total", {"outcome": "answered"}),
    ]:
        assert sample(after, name, **labels) >= sample(before, name, **labels) + 1, (name, labels)
    assert 'ragdesk_queue_waiting{tier="paid"}' in after
    assert "http_server_active_requests" in after

    row = logged(api_server.url, request_id)
    assert row["route"] == "/v1/answer/stream" and row["status"] == 200
    assert row["question"] == LAPTOP
    roles = [m["role"] for m in row["prompt"]]
    assert roles[0] == "system" and roles[-1] == "user"
    system = row["prompt"][0]["content"]
    assert system.startswith(SYSTEM_PROMPT[:60])  # instructions, then the passages
    assert len(system) > len(SYSTEM_PROMPT) + 200
    prompt_text = "\n".join(m["content"] for m in row["prompt"])
    assert LAPTOP in prompt_text
    assert row["passages"] and all({"chunk_id", "score", "rank"} <= set(p) for p in row["passages"])
    assert row["answer"] == answer
    assert row["prompt_tokens"] > 0 and row["completion_tokens"] > 0
    assert row["ttft_ms"] is not None and 0 < row["ttft_ms"] <= row["total_ms"]
    assert row["cache_status"] == "bypass"
    assert row["trace_id"].startswith("tr-")

    import mlflow

    mlflow.set_tracking_uri(api_server.app.state.settings.resolved_mlflow_tracking_uri)  # type: ignore[attr-defined]
    deadline = time.monotonic() + 120
    mlflow.flush_trace_async_logging()  # the export queue may still hold earlier tests' traces
    trace = mlflow.get_trace(row["trace_id"])
    # MLflow exports traces (and then their tags) asynchronously
    while (trace is None or "ragdesk.request_id" not in trace.info.tags) and time.monotonic() < deadline:
        time.sleep(0.5)
        trace = mlflow.get_trace(row["trace_id"])
    assert trace is not None
    assert trace.info.tags.get("ragdesk.request_id") == request_id
    names = {span.name for span in trace.data.spans}
    assert {"chat", "retrieval", "generation"} <= names


def test_openai_completion_carries_the_request_id_in_body_and_header(api_server: ThreadedUvicorn) -> None:
    client = OpenAI(base_url=f"{api_server.url}/v1", api_key="unused", max_retries=0)
    raw = client.chat.completions.with_raw_response.create(
        model="ragdesk", messages=[{"role": "user", "content": LAPTOP}]
    )
    request_id = raw.headers["x-request-id"]
    body = raw.http_response.json()
    assert body["ragdesk"]["request_id"] == request_id
    row = logged(api_server.url, request_id)
    assert row["route"] == "/v1/chat/completions"
    assert row["answer"] == body["choices"][0]["message"]["content"]


def test_a_client_request_id_is_kept_and_an_odd_one_replaced(api_server: ThreadedUvicorn) -> None:
    kept = httpx.get(f"{api_server.url}/health", headers={"X-Request-Id": "trace-abc-12345"}, timeout=10)
    assert kept.headers["x-request-id"] == "trace-abc-12345"
    odd = httpx.get(f"{api_server.url}/health", headers={"X-Request-Id": "a b\tc"}, timeout=10)
    assert re.fullmatch(r"[0-9a-f]{32}", odd.headers["x-request-id"])


def test_a_withdrawn_answer_keeps_the_model_text_and_the_verdict(guard_api: Any, wrong_model: Any) -> None:
    response, events = stream(guard_api.url, {"question": LAPTOP})
    assert response.status_code == 200
    names = [name for name, _ in events]
    assert "revision" in names
    row = logged(guard_api.url, response.headers["x-request-id"])
    assert row["flagged"] is True
    assert row["grounding_verdict"] in {"contradicted", "unsupported"}
    assert row["grounding_action"] == "replace"
    assert "45" in row["model_answer"]
    assert row["answer"] != row["model_answer"]
    metrics = httpx.get(f"{guard_api.url}/metrics", timeout=10).text
    assert sample(metrics, "ragdesk_grounding_outcomes_total", action="replace") >= 1


def test_capacity_report_asset_materialises_from_the_live_collection(demo_index: Any) -> None:
    import dagster as dg

    from core.dagster_resources import build_resources
    from orchestration.observability import capacity_report

    overrides = {
        "RAGDESK_MILVUS_URI": demo_index.milvus_uri,
        "RAGDESK_DATA_DIR": str(demo_index.data_dir),
        "DOCS_SOURCE_DIR": str(demo_index.docs_source_dir),
    }
    result = dg.materialize([capacity_report], resources=build_resources(overrides))
    assert result.success
    metadata = result.asset_materializations_for_node("capacity_report")[0].metadata
    live: dict[str, Any] = metadata["live"].value  # type: ignore[assignment]
    assert int(str(live["chunks"]).replace(",", "")) > 0
    assert live["Milvus rows"] == live["chunks"]
    storage: list[Any] = metadata["storage"].value  # type: ignore[assignment]
    traffic: list[Any] = metadata["traffic"].value  # type: ignore[assignment]
    report: str = metadata["report"].value  # type: ignore[assignment]
    assert len(storage) == 4 and len(traffic) == 2
    assert "Assignment projection" in report
