"""Issue 19, point 4: Redis or Milvus stopped under a running API (real processes, stopped and
started again by their PIDs). Requests get a 503 with Retry-After naming the part, not a 500
`internal_error`; the limits fail closed (no generation while Redis is down: the model is never
called); `/ready` names the part; after the part is back the same API process answers."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from core import redis_server
from core.settings import Settings
from serving.observability.middleware import flush_app
from tests.conftest import ThreadedUvicorn, demo_corpus_dir, free_port, shared_embedder

QUESTION = "How long does standard shipping take?"
MILVUS_START_TIMEOUT_S = 120


def assert_503(response: httpx.Response, code: str) -> None:
    assert response.status_code == 503, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    assert error["message"] and error["type"] == "server_error"
    assert int(response.headers["Retry-After"]) > 0


def wait_until(check: Any, timeout_s: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout_s
    last: Any = None
    while time.monotonic() < deadline:
        last = check()
        if last is True or (last and not isinstance(last, str)):
            return last
        time.sleep(0.5)
    raise AssertionError(f"not recovered within {timeout_s}s: {last}")


# --- Redis -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def redis_api(
    demo_index: Settings, embedder: Any, fake_llm: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[ThreadedUvicorn, redis_server.RedisServer, Path]]:
    from serving.main import create_app

    data = tmp_path_factory.mktemp("redis-down")
    server = redis_server.start(free_port(), data / "redis", persist=False)
    settings = demo_index.model_copy(
        update={
            "llm_base_url": fake_llm.url,
            "llm_model": "local",
            "redis_url": server.url,
            "gateway_redis_prefix": "rddown:",
            "grounding_enabled": False,
            "docstore_url": f"sqlite:///{data / 'ragdesk.db'}",
        }
    )
    try:
        with shared_embedder(embedder), ThreadedUvicorn(create_app(settings)) as api:
            yield api, server, data
    finally:
        server.stop()


def test_redis_down_is_a_503_fails_closed_and_recovers(
    redis_api: tuple[ThreadedUvicorn, redis_server.RedisServer, Path], fake_llm: Any
) -> None:
    api, server, data = redis_api
    chat = {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}]}
    assert httpx.post(f"{api.url}/v1/chat/completions", json=chat, timeout=60).status_code == 200
    server.stop()
    try:
        calls = len(fake_llm.requests)
        for method, path, body in (
            ("POST", "/v1/chat/completions", chat),
            ("POST", "/v1/answer/stream", {"question": QUESTION}),
            ("POST", "/v1/search", {"question": QUESTION}),
            ("GET", "/v1/usage", None),
        ):
            response = httpx.request(method, f"{api.url}{path}", json=body, timeout=60)
            assert_503(response, "redis_unavailable")
            assert "Redis" in response.json()["error"]["message"]
        assert len(fake_llm.requests) == calls, "a request was generated while its limits could not be checked"
        ready = httpx.get(f"{api.url}/ready", timeout=30)
        assert ready.status_code == 503 and "gateway" in ready.json()["failed"]
    finally:
        restarted = redis_server.start(server.port, data / "redis", persist=False)
        server.process = restarted.process  # the fixture stops it by this PID
    wait_until(lambda: httpx.get(f"{api.url}/ready", timeout=30).status_code == 200)
    assert httpx.post(f"{api.url}/v1/chat/completions", json=chat, timeout=60).status_code == 200
    # this app stays up for the module: its traces (MLflow, which runs Alembic, whose context is
    # process-global) are written before the next fixture migrates its own database
    flush_app(api.app)


# --- Milvus ------------------------------------------------------------------------------------
class MilvusLiteServer:
    """`milvus-lite server` on a free port, stopped by its PID."""

    def __init__(self, data_dir: Path, log_path: Path) -> None:
        self.port = free_port()
        self.data_dir = data_dir
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        exe = str(Path(sys.executable).parent / "milvus-lite")
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [exe, "server", "--data-dir", str(self.data_dir), "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + MILVUS_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"milvus-lite exited:\n{self.log_path.read_text()[-2000:]}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 1):
                return
            time.sleep(0.3)
        raise RuntimeError("milvus-lite server did not start")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def milvus_api(
    embedder: Any, fake_llm: Any, session_redis: redis_server.RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[ThreadedUvicorn, MilvusLiteServer]]:
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.indexing import run_index
    from serving.main import create_app

    root = tmp_path_factory.mktemp("milvus-down")
    docs = root / "docs"
    for source in sorted(demo_corpus_dir().rglob("*.md"))[:6]:
        target = docs / source.relative_to(demo_corpus_dir())
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    milvus = MilvusLiteServer(root / "milvus", root / "milvus.log")
    milvus.start()
    settings = Settings(
        RAGDESK_MILVUS_URI=milvus.uri,
        RAGDESK_DATA_DIR=root,
        DOCS_SOURCE_DIR=docs,
        HF_HUB_OFFLINE=True,
        GATEWAY_REQUIRE_KEYS=False,
        CACHE_ENABLED=False,
        GROUNDING_ENABLED=False,
        LLM_BASE_URL=fake_llm.url,
        LLM_MODEL="local",
        REDIS_URL=session_redis.url,
    )
    try:
        run_index(settings, make_milvus_client(settings), DocStore(make_engine(settings)), embedder)
        with shared_embedder(embedder), ThreadedUvicorn(create_app(settings)) as api:
            yield api, milvus
    finally:
        milvus.stop()


def test_milvus_down_is_a_503_and_recovers(milvus_api: tuple[ThreadedUvicorn, MilvusLiteServer]) -> None:
    api, milvus = milvus_api
    assert httpx.post(f"{api.url}/v1/search", json={"question": QUESTION}, timeout=60).status_code == 200
    milvus.stop()
    try:
        for path, body in (
            ("/v1/search", {"question": QUESTION}),
            ("/v1/answer/stream", {"question": QUESTION}),
            ("/v1/chat/completions", {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}]}),
        ):
            response = httpx.post(f"{api.url}{path}", json=body, timeout=90)
            assert_503(response, "milvus_unavailable")
            assert "Milvus" in response.json()["error"]["message"]
        ready = httpx.get(f"{api.url}/ready", timeout=30)
        assert ready.status_code == 503 and "milvus" in ready.json()["failed"]
        assert usage_in_flight(api) == 0
    finally:
        milvus.start()

    def search_works() -> bool | str:
        response = httpx.post(f"{api.url}/v1/search", json={"question": QUESTION}, timeout=60)
        return response.status_code == 200 or response.text

    wait_until(search_works, 90)
    assert httpx.get(f"{api.url}/ready", timeout=30).status_code == 200


def usage_in_flight(api: ThreadedUvicorn) -> int:
    return int(httpx.get(f"{api.url}/v1/usage", timeout=10).json()["tokens"]["reserved_in_flight"])
