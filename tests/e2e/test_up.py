"""`ragdesk up` as a user runs it: every process starts on 127.0.0.1, the demo corpus is indexed,
the API answers over SSE, and Ctrl-C (SIGINT to the process group) stops everything."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from core.settings import REPO_ROOT

PORT_SETTINGS = ["MILVUS_PORT", "REDIS_PORT", "LOCAL_LLM_PORT", "API_PORT", "DAGSTER_PORT", "MLFLOW_PORT"]


def free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.e2e
@pytest.mark.slow
def test_up_serves_everything_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    ports = dict(zip(PORT_SETTINGS, free_ports(len(PORT_SETTINGS)), strict=True))
    env = {
        **os.environ,
        **{k: str(v) for k, v in ports.items()},
        "RAGDESK_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "1",
        "LOCAL_LLM_THREADS": "1",
        "LLM_MAX_TOKENS": "40",
        "GATEWAY_REQUIRE_KEYS": "false",
    }
    env.pop("REDIS_URL", None)
    env["LLM_BASE_URL"] = f"http://127.0.0.1:{ports['LOCAL_LLM_PORT']}/v1"
    log = (tmp_path / "up.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "orchestration.cli", "up"],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 600
        while "ragdesk is up" not in (tmp_path / "up.log").read_text():
            assert proc.poll() is None, (tmp_path / "up.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "ragdesk up did not come up in 10 minutes"
            time.sleep(2)
        api = f"http://127.0.0.1:{ports['API_PORT']}"
        ready = httpx.get(f"{api}/ready", timeout=30)
        assert ready.status_code == 200, ready.text
        with httpx.stream(
            "POST", f"{api}/v1/answer/stream", json={"question": "How long does express shipping take?"}, timeout=120
        ) as response:
            events = [line.removeprefix("event: ") for line in response.iter_lines() if line.startswith("event: ")]
        assert events[0] in {"token", "revision", "flag"} and events[-1] == "done" and "citations" in events
        assert httpx.get(f"http://127.0.0.1:{ports['MLFLOW_PORT']}/", timeout=30).status_code == 200
        deadline = time.monotonic() + 480  # dagster dev starts 3 processes; slow on a loaded 2-core machine
        while not port_open(ports["DAGSTER_PORT"]):
            assert time.monotonic() < deadline, "Dagster UI did not start"
            time.sleep(2)
        query = "{ assetNodes { assetKey { path } } }"
        graph = httpx.post(f"http://127.0.0.1:{ports['DAGSTER_PORT']}/graphql", json={"query": query}, timeout=60)
        keys = {"/".join(n["assetKey"]["path"]) for n in json.loads(graph.text)["data"]["assetNodes"]}
        assert {"source_documents", "document_chunks", "chunk_embeddings", "support_collection"} <= keys
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
    time.sleep(1)
    still_open = [name for name, port in ports.items() if port_open(port)]
    assert not still_open, f"still listening after Ctrl-C: {still_open}"
