"""Offline validation of deploy/: every Kubernetes manifest against the Kubernetes 1.37 JSON
schemas shipped in the pinned `kubernetes-validate` package (strict: unknown fields are errors),
and the settings names the manifests use against core/settings.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from core.settings import REPO_ROOT, Settings

kubernetes_validate = pytest.importorskip("kubernetes_validate")

DEPLOY = REPO_ROOT / "deploy"
K8S_VERSION = "1.37.0"
# Kinds with no schema in the package (kustomize's own file).
NOT_KUBERNETES = {"Kustomization"}


def manifest_files() -> list[Path]:
    return sorted((DEPLOY / "k8s").glob("*.yaml"))


def documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def all_documents() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{p.name}:{d['kind']}/{d.get('metadata', {}).get('name', '')}", d)
        for p in manifest_files()
        for d in documents(p)
    ]


def validate(doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def settings_env_names() -> set[str]:
    names: set[str] = set()
    for field in Settings.model_fields.values():
        if field.alias:
            names.add(field.alias)
    return names


def test_there_are_manifests() -> None:
    kinds = {doc["kind"] for _, doc in all_documents()}
    assert {"Deployment", "Service", "HorizontalPodAutoscaler", "ConfigMap", "Secret"} <= kinds


@pytest.mark.parametrize(("name", "doc"), all_documents(), ids=[n for n, _ in all_documents()])
def test_manifest_is_valid_kubernetes(name: str, doc: dict[str, Any]) -> None:
    if doc["kind"] in NOT_KUBERNETES:
        return
    validate(doc)


def test_the_validator_rejects_a_broken_manifest() -> None:
    """The check above can fail: a misspelt field and a wrong type are errors."""
    api = next(
        doc for _, doc in all_documents() if doc["kind"] == "Deployment" and doc["metadata"]["name"] == "ragdesk-api"
    )
    broken = yaml.safe_load(yaml.safe_dump(api))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["pathh"] = "/x"
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(broken)
    broken = yaml.safe_load(yaml.safe_dump(api))
    broken["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(broken)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((DEPLOY / "k8s" / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    assert listed == {p.name for p in manifest_files()} - {"kustomization.yaml"}


def test_config_and_secret_keys_are_settings_names() -> None:
    names = settings_env_names()
    for _, doc in all_documents():
        if doc["kind"] == "ConfigMap":
            keys = set(doc["data"])
        elif doc["kind"] == "Secret":
            keys = set(doc.get("stringData", {})) | set(doc.get("data", {}))
        else:
            continue
        assert keys - names == set(), f"{doc['metadata']['name']}: not settings names: {sorted(keys - names)}"


def test_config_values_parse_as_settings() -> None:
    config = next(doc for _, doc in all_documents() if doc["kind"] == "ConfigMap")
    secret = next(doc for _, doc in all_documents() if doc["kind"] == "Secret")
    settings = Settings(**config["data"], **secret["stringData"])
    assert settings.llm_base_url.endswith("/v1")
    assert settings.embed_base_url.endswith("/v1")
    assert not settings.milvus_is_local_file


def _container(name: str) -> dict[str, Any]:
    for _, doc in all_documents():
        if doc["kind"] == "Deployment" and doc["metadata"]["name"] == name:
            return dict(doc["spec"]["template"]["spec"]["containers"][0])
    raise AssertionError(f"no Deployment {name}")


def test_api_probes_split_liveness_and_saturation() -> None:
    api = _container("ragdesk-api")
    assert api["livenessProbe"]["httpGet"]["path"] == "/health"
    assert api["readinessProbe"]["httpGet"]["path"] == "/ready/saturation"
    hpa = next(doc for _, doc in all_documents() if doc["kind"] == "HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"]["name"] == "ragdesk-api"


def test_workers_request_gpus_and_are_ready_when_they_generate() -> None:
    worker = _container("sglang-worker")
    assert worker["resources"]["requests"]["nvidia.com/gpu"] == worker["resources"]["limits"]["nvidia.com/gpu"] == "1"
    assert worker["readinessProbe"]["httpGet"]["path"] == "/health_generate"
    router = _container("sglang-router")
    assert "--policy=cache_aware" in router["args"]


def test_helm_values_parse_and_set_the_modes_we_rely_on() -> None:
    """The charts are not here to render: the values are checked for the keys the README promises."""
    milvus = yaml.safe_load((DEPLOY / "helm" / "milvus-values.yaml").read_text())
    assert milvus["cluster"]["enabled"] is True
    dagster = yaml.safe_load((DEPLOY / "helm" / "dagster-values.yaml").read_text())
    assert dagster["runLauncher"]["type"] == "K8sRunLauncher"
    assert dagster["postgresql"]["enabled"] is False
    assert dagster["dagster-user-deployments"]["deployments"][0]["envConfigMaps"] == [{"name": "ragdesk-config"}]
    redis = yaml.safe_load((DEPLOY / "helm" / "redis-values.yaml").read_text())
    assert redis["auth"]["enabled"] is True and redis["master"]["persistence"]["enabled"] is True
