"""SGLang's router (the real `sglang-router` binary, cache-aware policy) in front of two real
OpenAI-compatible workers: the project's llama.cpp server (`python -m core.llm_server`) twice.
The app's own client talks to the router's address; the router's Prometheus metrics say which
worker served each request."""

from __future__ import annotations

import asyncio
import contextlib
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from core.clients import make_llm_client
from core.settings import Settings
from tests.conftest import LocalLLMServer, free_port

pytest.importorskip("sglang_router")
pytestmark = pytest.mark.slow


class Router:
    def __init__(self, worker_urls: list[str], log: Path) -> None:
        self.port, self.metrics_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        argv = [sys.executable, "-m", "sglang_router.launch_router", "--host", "127.0.0.1", "--port", str(self.port)]
        argv += [
            "--policy",
            "cache_aware",
            "--prometheus-host",
            "127.0.0.1",
            "--prometheus-port",
            str(self.metrics_port),
        ]
        argv += ["--log-level", "warn", "--worker-urls", *worker_urls]
        with log.open("wb") as out:
            self.process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                workers = httpx.get(f"{self.url}/workers", timeout=2).json()
                if sum(w["is_healthy"] for w in workers.get("workers", [])) == len(worker_urls):
                    return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"router did not register its workers:\n{log.read_text()[-3000:]}")

    def served(self) -> dict[str, int]:
        """Successful requests per worker URL, from the router's own metrics."""
        text = httpx.get(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5).text
        pattern = r'smg_worker_cb_outcomes_total\{worker="([^"]+)",outcome="success"\} (\d+)'
        return {url: int(n) for url, n in re.findall(pattern, text)}

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[LocalLLMServer]]:
    servers = [LocalLLMServer(tmp_path_factory.mktemp(f"worker{i}") / "llm.log", threads=1) for i in range(2)]
    try:
        for server in servers:
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()


async def _stream(settings: Settings, question: str) -> str:
    client = make_llm_client(settings)
    try:
        stream = await client.chat.completions.create(
            model=settings.llm_model,
            messages=[{"role": "user", "content": question}],
            max_tokens=8,
            temperature=0.0,
            stream=True,
        )
        return "".join([chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices])
    finally:
        await client.close()


def test_router_spreads_distinct_prompts_and_keeps_a_shared_prefix_on_one_worker(
    workers: list[LocalLLMServer], tmp_path: Path
) -> None:
    urls = [w.base_url.removesuffix("/v1") for w in workers]
    router = Router(urls, tmp_path / "router.log")
    try:
        settings = Settings(LLM_BASE_URL=f"{router.url}/v1", LLM_MODEL="local", LLM_TIMEOUT_S=120)

        async def distinct() -> list[str]:
            questions = [f"{word} question: how long does delivery take?" for word in "ABCDEFGH"]
            return await asyncio.gather(*(_stream(settings, q) for q in questions))

        answers = asyncio.run(distinct())
        assert all(a.strip() for a in answers), answers
        spread = router.served()
        assert sum(spread.values()) == 8 and set(spread) == set(urls), spread
        assert min(spread.values()) >= 2, f"one worker took nearly everything: {spread}"

        # One long shared prefix (a RAG prompt's system part and passage), asked four times in a
        # row: the cache-aware policy sends all four to the worker that holds the prefix.
        prefix = "Context: returns are accepted within 30 days of delivery for unused items in original packaging. " * 6
        for n in range(4):
            asyncio.run(_stream(settings, prefix + f"Question {n}: can I return it?"))
        after = router.served()
        gained = {url: after[url] - spread.get(url, 0) for url in after}
        print(f"router: 8 distinct prompts per worker {spread}; 4 shared-prefix prompts per worker {gained}")
        assert sorted(gained.values()) == [0, 4], gained
    finally:
        router.stop()
