"""Shared fixtures: the demo collection (built once per session into a tmp dir), the local LLM
server (a real `python -m core.llm_server` subprocess), a throwaway Redis for the session (the
gateway's state) and the API served by uvicorn in a thread.

Settings are passed as objects (`create_app(settings)`), never through the environment:
pymilvus reads MILVUS_URI from the environment at import time and rejects a `.db` path there.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.redis_server import RedisServer, temporary_redis
from core.settings import REPO_ROOT, Settings
from core.testing.servers import ThreadedUvicorn, free_port

__all__ = ["ThreadedUvicorn", "free_port"]  # tests import them from here too

LLM_START_TIMEOUT_S = 90


def demo_corpus_dir() -> Path:
    """The help-centre part of the demo corpus, wherever it currently lives."""
    for candidate in (REPO_ROOT / "corpus" / "lumen-market" / "helpcentre", REPO_ROOT / "corpus" / "helpcentre"):
        if candidate.is_dir() and any(candidate.rglob("*.md")):
            return candidate
    pytest.skip("demo corpus (corpus/lumen-market/helpcentre or corpus/helpcentre) not found")


@pytest.fixture(scope="session")
def embedder() -> Any:
    from core.clients import make_embedder

    return make_embedder(Settings())


@pytest.fixture(scope="session")
def session_redis() -> Iterator[RedisServer]:
    """A redis-server on a free port for the whole session (the gateway keeps keys, limits and the
    queue in Redis): apps built from `demo_index` share it; a test needing its own limits or queue
    uses its own server or GATEWAY_REDIS_PREFIX. Never the Redis `ragdesk up` starts."""
    with temporary_redis() as server:
        yield server


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory, embedder: Any, session_redis: RedisServer) -> Settings:
    """Settings for a Milvus Lite collection built from the demo help centre (tmp dir, session)."""
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.indexing import run_index

    root = tmp_path_factory.mktemp("demo-index")
    settings = Settings(
        RAGDESK_MILVUS_URI=str(root / "milvus.db"),
        RAGDESK_DATA_DIR=root,
        DOCS_SOURCE_DIR=demo_corpus_dir(),
        HF_HUB_OFFLINE=True,
        # Apps built from these settings (and their copies) run without API keys and without the
        # response cache, so each request reaches the model; tests/integration/test_gateway_app.py
        # turns both on against a real Redis.
        GATEWAY_REQUIRE_KEYS=False,
        GATEWAY_RPM_PAID=100_000,  # the anonymous user is "paid"; the whole suite shares it
        GATEWAY_DAILY_TOKENS=100_000_000,
        CACHE_ENABLED=False,
        REDIS_URL=session_redis.url,
    )
    client = make_milvus_client(settings)
    report = run_index(settings, client, DocStore(make_engine(settings)), embedder)
    assert report.write is not None and report.write.collection_count > 0, report.summary_lines()
    return settings


class LocalLLMServer:
    """`python -m core.llm_server` as a subprocess on a free port; stopped by its PID."""

    def __init__(self, log_path: Path, threads: int = 1) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.log_path = log_path
        self.threads = threads
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MILVUS_", "LLM_", "LOCAL_LLM_"))}
        env.update(
            HF_HUB_OFFLINE="1",
            LOCAL_LLM_PORT=str(self.port),
            LOCAL_LLM_THREADS=str(self.threads),
            LOCAL_LLM_PARALLEL="2",
            LLM_MODEL="local",
        )
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "core.llm_server"], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + LLM_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"LLM server exited ({self.process.returncode}):\n{self.log_path.read_text()[-3000:]}"
                )
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base_url}/models", timeout=2).status_code == 200:
                    return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"LLM server did not answer within {LLM_START_TIMEOUT_S}s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalLLMServer]:
    # One thread: on a 2-core machine with other load, 2 llama.cpp threads run 2-3x slower.
    server = LocalLLMServer(tmp_path_factory.mktemp("llm") / "llm_server.log", threads=1)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def api_settings(demo_index: Settings, llm_server: LocalLLMServer) -> Settings:
    # The grounding guard is off here: these tests check the stream's shape and sources with the
    # tiny local model, whose answers the guard would mostly withdraw. The guard has its own
    # tests (tests/integration/test_guard_*.py) with a fake model whose answer is known.
    return demo_index.model_copy(
        update={
            "llm_base_url": llm_server.base_url,
            "llm_model": "local",
            "llm_max_tokens": 48,
            "grounding_enabled": False,
            "answer_mode": "generate",  # these tests are about generation; ANSWER_MODE=auto would compose
        }
    )


@contextlib.contextmanager
def shared_embedder(embedder: Any) -> Iterator[None]:
    """Apps built inside this block reuse the session's embedder instead of loading another."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("serving.services.make_embedder", lambda _settings: embedder)
        yield


@pytest.fixture(scope="session")
def api_server(api_settings: Settings, embedder: Any) -> Iterator[ThreadedUvicorn]:
    from serving.main import create_app

    with shared_embedder(embedder), ThreadedUvicorn(create_app(api_settings)) as server:
        yield server


# --- the grounding guard against a fake model whose answer a test chooses ----------------------------
@pytest.fixture(scope="session")
def fake_llm() -> Iterator[Any]:
    """A fake OpenAI-compatible model (core/testing/fake_llm.py) served in a thread; `.url` is its /v1."""
    from core.testing.fake_llm import FakeLLM

    fake = FakeLLM()
    with ThreadedUvicorn(fake.app()) as server:
        fake.url = f"{server.url}/v1"  # type: ignore[attr-defined]
        yield fake


@contextlib.contextmanager
def guarded_api(demo_index: Settings, embedder: Any, llm_url: str, data_dir: Path, **update: Any) -> Iterator[Any]:
    """The real app on the demo collection with the guard on (GROUNDING_POLICY etc. from
    `update`), answering through `llm_url`, its review queue in `data_dir`."""
    from serving.main import create_app

    settings = demo_index.model_copy(
        update={
            "llm_base_url": llm_url,
            "llm_model": "local",
            "grounding_enabled": True,
            "docstore_url": f"sqlite:///{data_dir / 'reviews.db'}",
            "answer_mode": "generate",  # the guard's tests: the fake model's answers must be generated
            **update,
        }
    )
    with shared_embedder(embedder), ThreadedUvicorn(create_app(settings)) as server:
        server.settings = settings  # type: ignore[attr-defined]
        yield server


@pytest.fixture(scope="session")
def guard_api(
    demo_index: Settings, embedder: Any, fake_llm: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ThreadedUvicorn]:
    """The app with the default policy ("replace") in front of the fake model."""
    with guarded_api(demo_index, embedder, fake_llm.url, tmp_path_factory.mktemp("guard")) as server:
        yield server


@pytest.fixture()
def wrong_model(fake_llm: Any) -> Iterator[Any]:
    """The fake model answers the seed's laptop question wrongly (45 days instead of 30)."""
    from core.testing.fake_llm import WRONG_LAPTOP_ANSWER

    fake_llm.answer = WRONG_LAPTOP_ANSWER
    yield fake_llm
    fake_llm.answer = WRONG_LAPTOP_ANSWER
