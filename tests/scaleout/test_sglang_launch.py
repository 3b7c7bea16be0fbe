"""`ragdesk sglang`: the launch configuration kept in deploy/sglang/ becomes the worker flags,
the command waits for /health_generate and prints the settings the app needs. On CPU the worker
is a stand-in module (tests/scaleout/fake_sglang); the router in front is the real sglang-router."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from core.clients import make_sync_llm_client
from core.settings import REPO_ROOT, Settings
from core.sglang_launch import read_config, worker_args
from tests.conftest import free_port

FAKE_SGLANG = Path(__file__).parent / "fake_sglang"


def test_configuration_has_what_the_issue_asks() -> None:
    args = worker_args(read_config(environ={}), 30000, "secret")
    for flag in (
        "--enable-metrics",
        "--enable-cache-report",
        "--schedule-policy=lpm",
        "--served-model-name=ragdesk-llm",
        "--api-key=secret",
    ):
        assert flag in args
    assert any(a.startswith("--mem-fraction-static=") for a in args)
    assert any(a.startswith("--max-running-requests=") for a in args)


def test_environment_overrides_the_file_and_bad_files_are_errors(tmp_path: Path) -> None:
    config = read_config(environ={"SGLANG_SCHEDULE_POLICY": "fcfs"})
    assert config["SGLANG_SCHEDULE_POLICY"] == "fcfs"
    bad = tmp_path / "bad.env"
    bad.write_text("SGLANG_MODEL_PATH=x\nSGLANG_TYPO=1\n")
    with pytest.raises(ValueError, match="SGLANG_TYPO"):
        read_config(bad, environ={})


def test_kubernetes_workers_use_the_same_flags() -> None:
    docs = list(yaml.safe_load_all((REPO_ROOT / "deploy" / "k8s" / "sglang.yaml").read_text()))
    worker = next(d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"] == "sglang-worker")
    k8s_args = set(worker["spec"]["template"]["spec"]["containers"][0]["args"])
    ours = worker_args(read_config(environ={}), 30000, "$(LLM_API_KEY)")
    same_everywhere = {a for a in ours if not a.startswith(("--model-path", "--host", "--load-format", "--port"))}
    assert same_everywhere <= k8s_args, sorted(same_everywhere - k8s_args)


def free_port_run(count: int) -> int:
    """A port p with p .. p+count-1 all free on 127.0.0.1 (`ragdesk sglang --workers N` puts the
    workers on the ports after the router's). The launch failed once in a full run with nothing
    printed; a worker port taken by another connection is the likely cause, not a confirmed one."""
    for _ in range(200):
        base = free_port()
        sockets: list[socket.socket] = []
        try:
            for offset in range(count):
                bound = socket.socket()
                sockets.append(bound)
                bound.bind(("127.0.0.1", base + offset))
            return base
        except OSError:
            continue
        finally:
            for bound in sockets:
                bound.close()
    raise RuntimeError(f"no {count} consecutive free ports")


def test_command_starts_two_workers_behind_the_router_and_prints_settings(tmp_path: Path) -> None:
    pytest.importorskip("sglang_router")
    record = tmp_path / "record"
    record.mkdir()
    port = free_port_run(3)  # the router's port, then one per worker
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLM_", "SGLANG_"))}
    env.update(
        PYTHONPATH=f"{FAKE_SGLANG}{os.pathsep}{REPO_ROOT}",
        FAKE_SGLANG_RECORD_DIR=str(record),
        SGLANG_PORT=str(port),
        SGLANG_MODEL_PATH="/models/stand-in",
        LLM_API_KEY="sk-test-123",
        RAGDESK_DATA_DIR=str(tmp_path / "data"),
        HF_HUB_OFFLINE="1",
    )
    command = [
        sys.executable,
        "-m",
        "orchestration.cli",
        "sglang",
        "--workers",
        "2",
        "--router-metrics-port",
        str(free_port()),
    ]
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    printed: dict[str, str] = {}
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 120
        while "LLM_CONTEXT_TOKENS" not in printed and time.monotonic() < deadline:
            line = process.stdout.readline().decode()
            if not line:
                break
            if "=" in line and not line.startswith("#"):
                key, _, value = line.strip().partition("=")
                printed[key] = value
        if "LLM_BASE_URL" not in printed:  # say why: the command's own message is on stderr
            process.send_signal(signal.SIGTERM)
            _out, err = process.communicate(timeout=60)
            pytest.fail(f"no settings printed (exit {process.returncode}): {err.decode()[-3000:]}")
        assert printed.get("LLM_BASE_URL") == f"http://127.0.0.1:{port}/v1", printed
        assert printed["LLM_MODEL"] == "ragdesk-llm" and printed["LLM_API_KEY"] == "sk-test-123"

        # The app's own client, through the router, with the printed settings.
        settings = Settings.model_validate(printed)
        client = make_sync_llm_client(settings)
        answer = client.chat.completions.create(
            model=settings.llm_model, messages=[{"role": "user", "content": "How long is delivery?"}]
        )
        assert (answer.choices[0].message.content or "").startswith("answer from worker")
        # The router lists the workers' served name (from their /server_info), so the API's
        # /ready check (LLM_MODEL among the server's models) passes behind it.
        assert settings.llm_model in [m.id for m in client.models.list().data]

        workers = [json.loads(p.read_text()) for p in sorted(record.glob("worker-*.json"))]
        assert len(workers) == 2
        for worker in workers:
            assert "--schedule-policy=lpm" in worker["argv"] and "--api-key=sk-test-123" in worker["argv"]
    finally:
        err = b""
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode()[-2000:]
    for worker in workers:  # every process the command started is gone
        with pytest.raises(ProcessLookupError):
            os.kill(worker["pid"], 0)
