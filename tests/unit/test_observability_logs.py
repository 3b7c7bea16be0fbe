"""The request id through the observability middleware (a small app, real middleware and
handlers): JSON log lines written while a request runs carry the id its response returns; a
refusal (429) is counted by its reason; the budget gauge keeps a bounded set of keys."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from pathlib import Path

import httpx
from fastapi import FastAPI
from prometheus_client import Gauge

from core.settings import Settings
from serving.api.observability import install_observability
from serving.gateway.deps import install_gateway, too_many_requests
from serving.observability.logs import JsonFormatter, RequestIdFilter, log_config
from serving.observability.metrics import REFUSALS, BoundedLabels


def app_with_routes(tmp_path: Path) -> FastAPI:
    app = FastAPI()
    app.state.settings = Settings(RAGDESK_DATA_DIR=tmp_path, TRACING_ENABLED=False)
    install_gateway(app)
    install_observability(app)
    log = logging.getLogger("serving.test_route")

    @app.get("/v1/hello")
    async def hello() -> dict[str, str]:
        log.warning("answering %s", "hello", extra={"step": 1})
        return {"ok": "yes"}

    @app.get("/v1/busy")
    async def busy() -> None:
        raise too_many_requests("requests_per_minute", "slow down", 3)

    return app


async def test_json_log_lines_carry_the_request_id(tmp_path: Path) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("serving.test_route")
    logger.addHandler(handler)
    try:
        transport = httpx.ASGITransport(app=app_with_routes(tmp_path))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            first = await http.get("/v1/hello")
            second = await http.get("/v1/hello", headers={"X-Request-Id": "client-chosen-id-1"})
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert second.headers["x-request-id"] == "client-chosen-id-1"
    assert [line["request_id"] for line in lines] == [first.headers["x-request-id"], "client-chosen-id-1"]
    assert lines[0]["message"] == "answering hello" and lines[0]["level"] == "warning" and lines[0]["step"] == 1
    # outside a request the id is empty, never another request's
    logger.addHandler(handler)
    try:
        logger.warning("between requests")
    finally:
        logger.removeHandler(handler)
    assert json.loads(stream.getvalue().splitlines()[-1])["request_id"] == ""


async def test_a_429_is_counted_by_its_reason(tmp_path: Path) -> None:
    before = REFUSALS.labels("429", "requests_per_minute")._value.get()
    transport = httpx.ASGITransport(app=app_with_routes(tmp_path))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.get("/v1/busy")
        metrics = await http.get("/metrics")
    assert response.status_code == 429 and response.headers["x-request-id"]
    assert REFUSALS.labels("429", "requests_per_minute")._value.get() == before + 1
    assert 'ragdesk_refusals_total{reason="requests_per_minute",status="429"}' in metrics.text
    assert 'http_route="/v1/busy"' in metrics.text


def test_budget_labels_stay_bounded() -> None:
    gauge = Gauge("test_bounded_budget", "test", ["key"])
    labels = BoundedLabels(gauge, 3)
    for i in range(10):
        labels.set(f"k{i}", float(i))
    kept = {s.labels["key"] for metric in gauge.collect() for s in metric.samples}
    assert kept == {"k7", "k8", "k9"}


def test_log_config_names_the_json_formatter() -> None:
    config = log_config(Settings(LOG_FORMAT="json"))
    assert config["formatters"]["default"]["()"].endswith("JsonFormatter")
    assert "uvicorn.access" in config["loggers"]
    logging.config.dictConfig(log_config(Settings(LOG_FORMAT="text")))  # valid for dictConfig
