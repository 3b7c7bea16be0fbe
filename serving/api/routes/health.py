"""`/health`: the process answers. `/ready`: Milvus reachable with the collection loaded (its
vectors computed by the embedder this process queries with, model and EMBED_BACKEND), and the
answer model's server listing its models; 503 names the part that failed. It also reports the
answer mode in use (generate or compose, serving/answer_mode.py), which never fails readiness."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from serving.api.deps import ServicesDep
from serving.services import Services

router = APIRouter(tags=["health"])

CHECK_TIMEOUT_S = 3.0


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


def _milvus_state(services: Services) -> tuple[bool, str]:
    client, name = services.milvus, services.settings.milvus_collection
    if not client.has_collection(name):
        return False, f"collection {name!r} does not exist (run the indexer)"
    state = str(client.get_load_state(name).get("state", ""))
    if not state.endswith("Loaded"):
        client.load_collection(name)  # a collection created after start-up: load it once
        state = str(client.get_load_state(name).get("state", ""))
    if not state.endswith("Loaded"):
        return False, f"collection {name!r} is not loaded (state {state})"
    mismatch = services.embedder_check.mismatch() if services.embedder_check is not None else None
    if mismatch:
        return False, f"collection {name!r}: {mismatch}"
    return True, f"collection {name!r} loaded"


async def check_milvus(services: Services) -> dict[str, Any]:
    try:
        ok, detail = await asyncio.wait_for(asyncio.to_thread(_milvus_state, services), CHECK_TIMEOUT_S)
    except TimeoutError:
        ok, detail = False, f"no answer from Milvus at {services.settings.milvus_uri} within {CHECK_TIMEOUT_S:.0f}s"
    except Exception as exc:
        ok, detail = False, f"Milvus at {services.settings.milvus_uri}: {type(exc).__name__}: {exc}"
    return {"ok": ok, "detail": detail}


async def check_llm(services: Services) -> dict[str, Any]:
    url = services.settings.llm_base_url
    try:
        models = await services.llm.with_options(timeout=CHECK_TIMEOUT_S).models.list()
        ids = [m.id for m in models.data]
    except Exception as exc:
        return {"ok": False, "detail": f"LLM server at {url}: {type(exc).__name__}"}
    model = services.settings.llm_model
    if ids and model not in ids:
        return {"ok": False, "detail": f"LLM server at {url} does not serve {model!r} (it has {ids})"}
    return {"ok": True, "detail": f"LLM server at {url} serves {model!r}"}


async def check_gateway(request: Request) -> dict[str, Any]:
    gateway = getattr(request.app.state, "gateway", None)
    if gateway is None:
        return {"ok": False, "detail": "the gateway is not running"}
    try:
        state = await asyncio.wait_for(gateway.ready(), CHECK_TIMEOUT_S)
    except Exception as exc:
        return {"ok": False, "detail": f"gateway store: {type(exc).__name__}: {exc}"}
    return {"ok": True, "detail": f"gateway state in {state['store']}", **state}


@router.get("/ready")
async def ready(request: Request, services: ServicesDep) -> JSONResponse:
    milvus, llm, gateway = await asyncio.gather(check_milvus(services), check_llm(services), check_gateway(request))
    checks = {"milvus": milvus, "llm": llm, "gateway": gateway}
    needed = dict(checks)
    if services.settings.answer_mode == "compose":  # no answer needs the LLM server: reported, not required
        needed.pop("llm")
        llm["required"] = False
    ok = all(check["ok"] for check in needed.values())
    failed = [name for name, check in needed.items() if not check["ok"]]
    body: dict[str, Any] = {"status": "ready" if ok else "not_ready", "failed": failed, "checks": checks}
    body["answer_mode"] = services.rag.modes.report() if services.rag.modes is not None else {"in_use": "generate"}
    return JSONResponse(body, status_code=200 if ok else 503)
