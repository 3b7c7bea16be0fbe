"""A stand-in for `python -m sglang.launch_server` (CPU tests of `ragdesk sglang`): takes the same
flags, records them, and serves an OpenAI-compatible answer model (core/testing/fake_llm.py) with SGLang's
/health, /health_generate and /model_info, enforcing --api-key like SGLang does."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import uvicorn
from fastapi import Request
from fastapi.responses import JSONResponse

from core.testing.fake_llm import FakeLLM


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=30000)
    parser.add_argument("--served-model-name", default="")
    parser.add_argument("--model-path", required=True)
    parser.add_argument("--api-key", default="")
    args, _ = parser.parse_known_args()
    record = Path(os.environ["FAKE_SGLANG_RECORD_DIR"]) / f"worker-{args.port}.json"
    record.write_text(json.dumps({"argv": sys.argv[1:], "pid": os.getpid()}))
    app = FakeLLM(f"answer from worker {args.port}", delay_s=0.0).app()

    @app.middleware("http")
    async def api_key(request: Request, call_next):  # type: ignore[no-untyped-def]
        if args.api_key and request.url.path not in ("/health",):
            if request.headers.get("authorization") != f"Bearer {args.api_key}":
                return JSONResponse({"error": "unauthorized"}, status_code=401)
        return await call_next(request)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/health_generate")
    async def health_generate() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/server_info")
    async def server_info() -> dict[str, object]:
        return {"model_path": args.model_path, "served_model_name": args.served_model_name, "port": args.port}

    @app.get("/model_info")
    async def model_info() -> dict[str, object]:
        return {"model_path": args.model_path, "is_generation": True}

    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
