"""The local CPU LLM server: llama.cpp's own OpenAI-compatible HTTP server, run inside this
process through `xllamacpp`, on 127.0.0.1:LOCAL_LLM_PORT.

It is the stand-in for SGLang on a machine without a GPU; the API talks to either over
LLM_BASE_URL and cannot tell them apart. Run it as its own process (`python -m core.llm_server`)
so the API's event loop never carries the model. It blocks until SIGTERM or SIGINT.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from core.models import resolve_llm_gguf
from core.settings import Settings, get_settings

log = logging.getLogger(__name__)

HOST = "127.0.0.1"


def build_params(settings: Settings, model_path: Path) -> Any:
    """llama.cpp server parameters from the settings (xllamacpp's `CommonParams`)."""
    import xllamacpp as xlc

    params = xlc.CommonParams()
    params.model.path = str(model_path)
    params.hostnames = [HOST]
    params.port = settings.local_llm_port
    params.n_parallel = settings.local_llm_parallel
    params.n_ctx = settings.local_llm_ctx
    params.cpuparams.n_threads = settings.local_llm_threads
    params.cpuparams_batch.n_threads = settings.local_llm_threads
    params.model_alias = {settings.llm_model}
    params.cache_prompt = True  # reuse a slot's KV cache for a shared prompt prefix
    params.cache_ram_mib = settings.local_llm_cache_ram_mib
    params.ui = False
    params.offline = True
    params.endpoint_metrics = True  # Prometheus /metrics (llamacpp:*), scraped per deploy/prometheus.yml
    return params


def _restore_default_signals() -> threading.Event:
    """Some launchers start processes with SIGINT/SIGTERM ignored; a server must stop on `kill`.
    Returns an event set when either signal arrives."""
    stop = threading.Event()

    def handler(signum: int, _frame: object) -> None:
        log.info("received signal %d; stopping", signum)
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, handler)
    return stop


def main(settings: Settings | None = None) -> None:
    """Start the server and block until SIGTERM/SIGINT."""
    import xllamacpp as xlc

    settings = settings or get_settings()
    stop = _restore_default_signals()
    model_path = resolve_llm_gguf(settings)
    params = build_params(settings, model_path)
    server = xlc.Server(params)  # returns once the model is loaded and the port is bound
    address = server.listening_address
    print(
        f"local LLM server listening on {address} (model {model_path.name} as {settings.llm_model!r}, "
        f"{settings.local_llm_threads} threads, {settings.local_llm_parallel} slots, ctx {settings.local_llm_ctx}, "
        f"prompt cache in RAM {settings.local_llm_cache_ram_mib} MiB)",
        flush=True,
    )
    while not stop.wait(timeout=1.0):
        pass
    print("local LLM server stopping", flush=True)
    del server
    # llama.cpp's HTTP threads are not daemon-aware; leave without waiting on them.
    sys.stdout.flush()
    sys.stderr.flush()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    main()
