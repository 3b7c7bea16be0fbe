"""A tiny OpenAI-compatible embeddings server for tests: `POST /v1/embeddings` over the packaged
all-MiniLM-L6-v2 (sentence-transformers, CPU, the same files as the in-process embedder), run as
its own process:

    python -m tests.embed_server --port 8090 [--api-key KEY]

It truncates at EMBED_MAX_TOKENS like the in-process embedder and returns unit-length vectors,
as text-embeddings-inference does by default."""

from __future__ import annotations

import argparse
import base64
from typing import Any

import numpy as np
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from core.models import resolve_embed_model_dir
from core.settings import Settings


def build_app(settings: Settings, api_key: str = "") -> FastAPI:
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(resolve_embed_model_dir(settings)), device="cpu", local_files_only=True)
    model.max_seq_length = settings.embed_max_tokens
    app = FastAPI()
    app.state.batches = []  # sizes of the batches received

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/models")
    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": settings.embed_model, "object": "model"}]}

    @app.get("/stats")
    async def stats() -> dict[str, Any]:
        return {"batches": app.state.batches}

    @app.post("/v1/embeddings", response_model=None)
    async def embeddings(request: Request) -> JSONResponse | dict[str, Any]:
        if api_key and request.headers.get("authorization") != f"Bearer {api_key}":
            return JSONResponse({"error": {"message": "invalid api key"}}, status_code=401)
        body = await request.json()
        texts = body.get("input")
        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
            return JSONResponse({"error": {"message": "input must be a string or a list of strings"}}, status_code=400)
        app.state.batches.append(len(texts))
        vectors = model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
        as_base64 = body.get("encoding_format") == "base64"
        data = [
            {
                "object": "embedding",
                "index": i,
                "embedding": base64.b64encode(np.asarray(v, dtype=np.float32).tobytes()).decode()
                if as_base64
                else [float(x) for x in v],
            }
            for i, v in enumerate(vectors)
        ]
        tokens = sum(len(model.tokenizer.encode(t)) for t in texts)
        return {
            "object": "list",
            "data": data,
            "model": body.get("model", settings.embed_model),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api-key", default="")
    args = parser.parse_args()
    uvicorn.run(build_app(Settings(), args.api_key), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
