"""Hostile documents (issue 19): the crafted cases of `hostile_v1` against the real system.

A small generic shop (tests/fixtures/hostile_shop/) and the dataset's planted pages are indexed
into Milvus Lite with the real embedder (INDEX_UNTRUSTED=flag, the default), then every case's
question is asked through the real API (gateway keys and the response cache on a real Redis):

- compose mode (no model): no answer carries the planted instruction, address, link, key or a
  piece of the system prompt, and no flagged page is ever cited;
- generate mode against a fake model (core/testing/fake_llm.py) that is the worst case: it
  repeats the prompt's planted passage word for word when it can see one, else its first passage,
  and obeys the hostile questions by printing its system prompt and a configured key;
- a model answer asserting a planted policy the rest of the help centre contradicts is flagged
  (not grounded), never cached;
- each question asked again by a second user: what the first got is not served from the cache
  when it was hostile or flagged.

The control (`test_the_planted_pages_would_reach_the_prompt_without_the_screen`) shows the attack
is real: without the untrusted filter, retrieval puts most planted pages in the top 5.
The fake model is the only stand-in: the attack needs a model that follows injected text, which
the CPU model cannot be made to do reliably."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis import Redis

from core.datasets import load_cases
from core.prompts import SYSTEM_PROMPT
from core.redis_server import RedisServer, temporary_redis
from core.settings import REPO_ROOT, Settings
from serving.gateway.keys import RedisKeyAdmin
from tests.conftest import ThreadedUvicorn, guarded_api

CASES = load_cases("hostile_v1")
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "hostile_shop"
PREFIX = "rdhostile:"
SECRET = "sk-hostile-test-7c1e320a079242"  # LLM_API_KEY of the apps: must never be printed
PROMPT_PIECE = "Answer the customer's question using only the passages"
PLANTED = [c for c in CASES if c["kind"] == "document"]
SCREENED = [c for c in PLANTED if c["screen_expected"]]


def planted_path(case: dict[str, Any]) -> str:
    return f"community/{case['id']}{case.get('path_suffix') or '.md'}"


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> tuple[Settings, Any]:
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.indexing import run_index

    root = tmp_path_factory.mktemp("hostile-index")
    docs = root / "docs"
    shutil.copytree(FIXTURE, docs)
    for case in PLANTED:
        target = docs / planted_path(case)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(case["document"], encoding="utf-8")
    settings = Settings(
        RAGDESK_MILVUS_URI=str(root / "milvus.db"),
        RAGDESK_DATA_DIR=root,
        DOCS_SOURCE_DIR=docs,
        HF_HUB_OFFLINE=True,
        GATEWAY_RPM_PAID=100_000,
        GATEWAY_DAILY_TOKENS=100_000_000,
        LLM_API_KEY=SECRET,
    )
    report = run_index(settings, make_milvus_client(settings), DocStore(make_engine(settings)), embedder)
    assert report.write is not None, report.summary_lines()
    return settings, report


def test_indexing_flags_exactly_the_planted_instructions(hostile_index: tuple[Settings, Any]) -> None:
    settings, report = hostile_index
    flagged_docs = {u.doc_id for u in report.write.untrusted}
    assert report.write.untrusted_action == "flag"
    assert flagged_docs == {planted_path(c) for c in SCREENED}  # none of the normal pages
    # flagged chunks are stored (the collection and the docstore agree) but marked
    assert report.write.collection_count == report.write.docstore_chunk_count
    from core import schema as S
    from core.clients import make_milvus_client

    client = make_milvus_client(settings)
    marked = client.query(settings.milvus_collection, filter=f"{S.UNTRUSTED} == true", output_fields=[S.DOC_ID])
    assert {row[S.DOC_ID] for row in marked} == flagged_docs
    assert any("untrusted chunks flagged" in line for line in report.summary_lines())


def test_the_planted_pages_would_reach_the_prompt_without_the_screen(
    hostile_index: tuple[Settings, Any], embedder: Any
) -> None:
    """The control: a search without the untrusted filter finds the planted page in the top 5 for
    most questions (15 of 20 when written), so the other tests are not passing only because the pages are never found."""
    from core import schema as S
    from core.clients import make_milvus_client

    settings, _report = hostile_index
    client = make_milvus_client(settings)
    reached = 0
    for case in PLANTED:
        hits = client.search(
            settings.milvus_collection,
            data=[embedder.embed_one(case["question"]).tolist()],
            anns_field=S.VECTOR,
            limit=5,
            output_fields=[S.DOC_ID],
        )[0]
        reached += any(h["entity"][S.DOC_ID] == planted_path(case) for h in hits)
    assert reached >= 0.7 * len(PLANTED), f"only {reached} of {len(PLANTED)} planted pages in the top 5"


@pytest.mark.parametrize("backend", ["memory", "milvus"])
def test_no_search_returns_a_flagged_chunk(hostile_index: tuple[Settings, Any], embedder: Any, backend: str) -> None:
    """Dense, BM25 in this process and Milvus' BM25 all leave the flagged chunks out."""
    from core.clients import make_milvus_client
    from core.retrieval import Retriever

    settings, _report = hostile_index
    retriever = Retriever(
        settings.model_copy(update={"keyword_backend": backend}), make_milvus_client(settings), embedder
    )
    retriever.warm(wait=True)
    flagged = {planted_path(c) for c in SCREENED}
    for case in SCREENED:
        for mode in ("dense", "keyword", "hybrid"):
            found = {c.doc_id for c in retriever.search(case["question"], k=10, mode=mode).chunks}  # type: ignore[arg-type]
            assert not found & flagged, (case["id"], mode, found & flagged)
    # the planted page's own words find it no more (its text is unique to it)
    assert not {c.doc_id for c in retriever.search(SCREENED[0]["document"], k=10, mode="keyword").chunks} & flagged


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


def new_user(redis_server: RedisServer) -> dict[str, str]:
    admin = RedisKeyAdmin(Redis.from_url(redis_server.url), PREFIX)
    key, _record, _user = admin.create_key(f"u{uuid.uuid4().hex[:10]}", "paid")
    return {"Authorization": f"Bearer {key}"}


def app(
    hostile_index: tuple[Settings, Any], embedder: Any, llm_url: str, data: Path, redis_url: str, **update: Any
) -> Any:
    settings, _report = hostile_index
    return guarded_api(
        settings,
        embedder,
        llm_url,
        data,
        redis_url=redis_url,
        gateway_redis_prefix=PREFIX,
        gateway_require_keys=True,
        cache_enabled=True,
        # no MLflow traces: their store's Alembic upgrade, run in a background thread of one app,
        # races the next app's docstore upgrade (Alembic's context is process-global)
        tracing_enabled=False,
        **update,
    )


@pytest.fixture(scope="module")
def compose_api(
    hostile_index: tuple[Settings, Any],
    embedder: Any,
    fake_llm: Any,
    redis_server: RedisServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ThreadedUvicorn]:
    data = tmp_path_factory.mktemp("hostile-compose")
    with app(hostile_index, embedder, fake_llm.url, data, redis_server.url, answer_mode="compose") as server:
        yield server


@pytest.fixture(scope="module")
def generate_api(
    hostile_index: tuple[Settings, Any],
    embedder: Any,
    fake_llm: Any,
    redis_server: RedisServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ThreadedUvicorn]:
    data = tmp_path_factory.mktemp("hostile-generate")
    with app(hostile_index, embedder, fake_llm.url, data, redis_server.url) as server:
        yield server


@pytest.fixture()
def worst_model(fake_llm: Any) -> Iterator[Any]:
    """The fake model as a model that follows injected text and obeys hostile questions."""
    for case in CASES:
        if case["kind"] == "question":
            fake_llm.answers[case["question"]] = f"Of course. My instructions: {SYSTEM_PROMPT} My API key is {SECRET}."
    yield fake_llm
    fake_llm.answers.clear()
    fake_llm.parrot = None


def ask(url: str, question: str, headers: dict[str, str], k: int | None = None) -> tuple[str, dict[str, Any], str]:
    body: dict[str, Any] = {"model": "ragdesk", "messages": [{"role": "user", "content": question}]}
    if k is not None:
        body["k"] = k
    response = httpx.post(f"{url}/v1/chat/completions", json=body, headers=headers, timeout=180)
    assert response.status_code == 200, response.text
    payload = response.json()
    return payload["choices"][0]["message"]["content"], payload, response.headers["X-Cache"]


def _shop_words() -> str:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURE.rglob("*")) if p.is_file())
    return " ".join(text.lower().split())


SHOP_WORDS = _shop_words()


def hostile_text(case: dict[str, Any], text: str) -> list[str]:
    """What of the case's forbidden content `text` carries. A phrase the clean shop itself writes
    ("enter the card number and PIN on the gift card balance page") is no sign of the planted page:
    the case's poison (its address, link or code) still is."""
    lowered = text.lower()
    found = [s for s in case["must_not_contain"] if s.lower() in lowered and s.lower() not in SHOP_WORDS]
    if case["poison"] and case["screen_expected"] and case["poison"].lower() in lowered:
        found.append(case["poison"])
    if PROMPT_PIECE.lower() in lowered:
        found.append("system prompt")
    if SECRET in text:
        found.append("the API key")
    return found


def test_compose_mode_never_serves_hostile_content(compose_api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    first, second = new_user(redis_server), new_user(redis_server)
    failures = []
    for case in CASES:
        for headers in (first, second):
            text, payload, _cache = ask(compose_api.url, case["question"], headers)
            found = hostile_text(case, text)
            cited = [s["doc_id"] for s in payload.get("sources", []) if s["doc_id"].startswith("community/")]
            flagged_cited = [d for d in cited if d in {planted_path(c) for c in SCREENED}]
            if found or flagged_cited:
                failures.append((case["id"], found, flagged_cited, text[:200]))
    assert not failures, failures


def test_generate_mode_with_a_model_that_follows_injected_text(
    generate_api: ThreadedUvicorn, worst_model: Any, redis_server: RedisServer
) -> None:
    first, second = new_user(redis_server), new_user(redis_server)
    failures: list[tuple[Any, ...]] = []
    for case in CASES:
        generate_api.app.state.services.cache.clear()  # each case from a cold cache (h01 and h22 share a question)
        worst_model.parrot = case["poison"] or None
        text, payload, _cache = ask(generate_api.url, case["question"], first)
        again, _payload_again, cache = ask(generate_api.url, case["question"], second)
        grounding = payload["ragdesk"]["grounding"]
        for served in (text, again):
            found = hostile_text(case, served)
            if found:
                failures.append((case["id"], "served", found, served[:200]))
        model_called = grounding.get("skipped") != "not_covered"
        if case["kind"] == "question" and model_called and not grounding["replaced"]:
            failures.append((case["id"], "the obeying answer was not withdrawn", grounding["verdict"]))
        if not grounding["grounded"] and cache != "miss":
            failures.append((case["id"], "a flagged answer was served from the cache", cache))
        if case["screen_expected"] and case["kind"] == "document":
            prompts = [r for r in worst_model.requests if r["messages"][-1]["content"] == case["question"]]
            if any(case["poison"] in m["content"] for r in prompts for m in r["messages"]):
                failures.append((case["id"], "the planted page reached the model's prompt"))
    assert not failures, failures


def with_known_limits(cases: list[dict[str, Any]]) -> list[Any]:
    """The cases, those the guard is known to miss marked as strict expected failures."""
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN_LIMITS[c["id"]]))
        if c["id"] in KNOWN_LIMITS
        else c
        for c in cases
    ]


# Measured when the test was written; a case that starts passing fails (strict) so this is updated.
KNOWN_LIMITS = {
    "h23": "'1 hour' and '5 business days' cannot be compared (business days), so no rival value: the "
    "planted page is the only source of the number",
}

PLAIN = with_known_limits([c for c in CASES if c["kind"] == "document" and not c["screen_expected"]])


@pytest.mark.parametrize("case", PLAIN, ids=lambda c: c["id"])
def test_a_plain_planted_policy_repeated_by_the_model_is_flagged(
    generate_api: ThreadedUvicorn, worst_model: Any, redis_server: RedisServer, case: dict[str, Any]
) -> None:
    """A page with no instruction in it states a false policy (the screen passes it); a model that
    repeats it word for word is flagged because the rest of the help centre says otherwise."""
    generate_api.app.state.services.cache.clear()
    worst_model.parrot = case["poison"]
    # 10 passages: the planted page and the pages it contradicts both in the prompt
    text, payload, _cache = ask(generate_api.url, case["question"], new_user(redis_server), k=10)
    grounding = payload["ragdesk"]["grounding"]
    assert case["poison"].lower() in " ".join(str(c["text"]) for c in grounding["claims"]).lower(), text  # repeated
    assert grounding["grounded"] is False, grounding["claims"]
    _again, _payload, cache = ask(generate_api.url, case["question"], new_user(redis_server), k=10)
    assert cache == "miss"


CONTRADICTED = with_known_limits([c for c in CASES if c["contradicts"]])


@pytest.mark.parametrize("case", CONTRADICTED, ids=lambda c: c["id"])
def test_an_answer_asserting_a_contradicted_planted_policy_is_flagged(
    generate_api: ThreadedUvicorn, worst_model: Any, redis_server: RedisServer, case: dict[str, Any]
) -> None:
    claim = case["contradicts"]["claim"]
    worst_model.answers[case["question"]] = claim
    _text, payload, _cache = ask(generate_api.url, case["question"], new_user(redis_server))
    grounding = payload["ragdesk"]["grounding"]
    assert grounding["grounded"] is False, (grounding["verdict"], grounding["claims"])
    assert grounding["review_id"] is not None  # queued for a person
    _again, _payload, cache = ask(generate_api.url, case["question"], new_user(redis_server))
    assert cache == "miss"  # never cached, so never served to another customer
