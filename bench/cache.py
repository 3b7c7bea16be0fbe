"""Response-cache benchmark: hit rate and wrong-intent hits on two query streams.

The Bitext customer-support queries (all 4,514 rows) and a fixed-seed sample of 4,500 BANKING77
queries (train + test) are streamed, in a fixed shuffled order, through the cache: each query is
looked up; a miss is answered with its intent's template answer (citing one pseudo-chunk per
intent) and stored. A hit is wrong when the cached answer belongs to another intent. Reported,
for similarity thresholds 0.76-0.97:

- floor        plain cosine over MiniLM embeddings of the raw question (no normalisation, no
               exact layer, no guard, no vote): the baseline the issue quotes;
- guard        normalised question, exact layer, cosine threshold + the lexical guard;
- vote         normalised question, exact layer, threshold + neighbour vote, no guard;
- vote+guard   the cache as configured (the defaults in core/settings.py), threshold swept.

The cache rows run through `RedisAnswerCache` against a real Redis server (a throwaway one
unless REDIS_URL is set). Embeddings
come from the real embedder (core.clients.make_embedder) and are kept in a .npy cache.

    python -m bench.cache                        # writes bench/results/cache.json and cache.md
    python -m bench.cache --quick                # the default setting only
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import platform
import random
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from core.answer_cache import AnswerCache, MatchParams, RedisAnswerCache, embedding_text
from core.settings import REPO_ROOT, Settings

RESULTS = REPO_ROOT / "bench" / "results"
THRESHOLDS = [0.76, 0.78, 0.80, 0.82, 0.85, 0.88, 0.90, 0.92, 0.95, 0.97]
STREAM_SEED = 20240601
TARGETS = {"bitext": (0.60, 0.005), "banking77": (0.40, 0.01)}
FLOOR_QUOTED = {  # the measurements of the floor on 4,500-query streams
    "bitext": {0.90: (0.50, 0.011), 0.95: (0.22, 0.0)},
    "banking77": {0.85: (0.45, 0.059), 0.95: (0.10, 0.029)},
}


@dataclass(frozen=True)
class Query:
    text: str
    intent: str


@dataclass
class Row:
    dataset: str
    method: str
    threshold: float
    queries: int
    hits: int
    exact_hits: int
    wrong: int
    seconds: float
    miss_reasons: dict[str, int]

    @property
    def hit_rate(self) -> float:
        return self.hits / self.queries

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.hits if self.hits else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "hit_rate": round(self.hit_rate, 4), "wrong_share_of_hits": round(self.wrong_share, 5)}


# --- data --------------------------------------------------------------------------------------
def load_streams(data_dir: Path, size: int = 4_500) -> tuple[dict[str, list[Query]], dict[str, dict[str, str]]]:
    bitext_rows = list(
        csv.DictReader(
            (data_dir / "bitext_customer_support" / "Bitext_Sample_Customer_Support_Training_Dataset.csv").open()
        )
    )
    bitext = [Query(r["instruction"], r["intent"]) for r in bitext_rows]
    random.Random(STREAM_SEED).shuffle(bitext)
    templates = {"bitext": {}, "banking77": {}}  # type: dict[str, dict[str, str]]
    for row in bitext_rows:
        templates["bitext"].setdefault(row["intent"], row["response"])
    banking: list[Query] = []
    for split in ("train.csv", "test.csv"):
        banking += [Query(r["text"], r["category"]) for r in csv.DictReader((data_dir / "banking77" / split).open())]
    banking = random.Random(STREAM_SEED).sample(banking, min(size, len(banking)))
    for query in banking:
        templates["banking77"].setdefault(query.intent, f"[The support team's template answer for '{query.intent}'.]")
    return {"bitext": bitext, "banking77": banking}, templates


_EMBEDDERS: dict[str, Any] = {}


def _embedder(settings: Settings) -> Any:
    if "model" not in _EMBEDDERS:
        from core.clients import make_embedder

        _EMBEDDERS["model"] = make_embedder(settings)
    return _EMBEDDERS["model"]


def embed_all(texts: list[str], settings: Settings, cache_dir: Path) -> np.ndarray:
    """Embeddings of `texts` (unit vectors), from a .npy cache when the same texts were embedded
    by the same model before."""
    digest = hashlib.sha256(("\x00".join([settings.embed_model, *texts])).encode()).hexdigest()[:16]
    path = cache_dir / f"embeddings-{digest}.npy"
    if path.exists():
        return np.load(path)
    embedder = _embedder(settings)
    started = time.perf_counter()
    vectors = embedder.embed(texts, batch_size=64)
    print(f"  embedded {len(texts)} texts in {time.perf_counter() - started:.0f}s")
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


# Pairs that differ in what matters (a cached answer for one is wrong for the other), and
# paraphrases (the same answer is right): the guard should refuse the first, pass the second.
CONTRAST_PAIRS = [
    ("How do I return a laptop?", "How do I return a phone?"),
    ("Can I return a laptop after 30 days?", "Can I return a laptop after 45 days?"),
    ("Please cancel my order", "Please do not cancel my order"),
    ("I want to cancel my subscription", "I don't want to cancel my subscription"),
    ("Is the return window 30 days?", "Is the return window 14 days?"),
    ("Do you ship to Switzerland?", "Do you ship to Norway?"),
    ("How long does delivery to Germany take?", "How long does delivery to Spain take?"),
    ("Where is order 3707955617?", "Where is order 113542617735902?"),
    ("Is there a fee for returning headphones?", "Is there a fee for returning a tablet?"),
    ("Can I pay with Klarna?", "Can I pay with PayPal?"),
    ("My card payment was declined", "My card payment was not declined"),
    ("How do I pair the Aurora X2 headphones?", "How do I pair the Aurora X3 headphones?"),
    ("Is the restocking fee 15%?", "Is the restocking fee 10%?"),
    ("Can I return shoes I have worn?", "Can I return shoes I have not worn?"),
    ("Do you deliver on Saturday?", "Do you deliver on Sunday?"),
    ("Can I return a tent within 60 days?", "Can I return a tent within 90 days?"),
    ("I never received my refund", "I received my refund"),
    ("get the invoice from Mr. Smith", "get the invoice from Anna Freeman"),
]
PARAPHRASE_PAIRS = [
    ("How do I return a laptop?", "what is the way to send back my laptop"),
    ("Can I return a laptop after 30 days?", "is it possible to return my laptop after 30 days"),
    ("Please cancel my order", "I need help to cancel my order"),
    ("Do you ship to Switzerland?", "can you help me: do you deliver to Switzerland"),
    ("Where is order 3707955617?", "I want to track order 3707955617"),
    ("Is there a fee for returning headphones?", "do I pay anything to return headphones"),
    ("How long do refunds take?", "how long until I get my refund"),
    ("Can I pay with Klarna?", "is Klarna accepted as a payment method"),
    ("What is the return window for clothing?", "how many days do I have to return clothes"),
    ("How do I reset my password?", "I forgot my password, how can I reset it"),
    ("I don't know how to change my delivery address", "change my delivery address"),
    ("Is the restocking fee 15%?", "do you charge a 15% restocking fee"),
]


def guard_probe(settings: Settings, threshold: float) -> dict[str, Any]:
    """Cosine of the normalised questions and the guard's verdict for each pair."""
    from core.answer_cache import agrees

    embedder = _embedder(settings)
    out: dict[str, Any] = {"threshold": threshold}
    for name, pairs in (("contrast", CONTRAST_PAIRS), ("paraphrase", PARAPHRASE_PAIRS)):
        a = embedder.embed([embedding_text(x) for x, _ in pairs])
        b = embedder.embed([embedding_text(y) for _, y in pairs])
        rows: list[dict[str, Any]] = []
        for (x, y), u, v in zip(pairs, a, b, strict=True):
            verdict = agrees(x, y)
            rows.append(
                {"a": x, "b": y, "cosine": round(float(u @ v), 3), "guard_ok": verdict.ok, "reason": verdict.reason}
            )
        above = [r for r in rows if r["cosine"] >= threshold]
        out[name] = {
            "pairs": len(rows),
            "cosine_at_or_above_threshold": len(above),
            "passed_by_guard": sum(r["guard_ok"] for r in rows),
            "served_with_guard": sum(r["guard_ok"] for r in above),
            "rows": rows,
        }
    return out


# --- runs --------------------------------------------------------------------------------------
def run_floor(dataset: str, stream: list[Query], vectors: np.ndarray, threshold: float) -> Row:
    """Plain cosine: serve the nearest earlier (stored) question's answer when >= threshold."""
    started = time.perf_counter()
    sims = vectors @ vectors.T
    stored: list[int] = []
    hits = wrong = 0
    for i, query in enumerate(stream):
        if stored:
            row = sims[i, stored]
            best = int(np.argmax(row))
            if row[best] >= threshold:
                hits += 1
                wrong += stream[stored[best]].intent != query.intent
                continue
        stored.append(i)
    return Row(dataset, "floor", threshold, len(stream), hits, 0, wrong, time.perf_counter() - started, {})


def run_cache(
    dataset: str,
    method: str,
    stream: list[Query],
    vectors: np.ndarray,
    templates: dict[str, str],
    cache: AnswerCache,
    params: MatchParams,
) -> Row:
    cache.clear()
    cache.params = params
    scope = f"bench:{dataset}"
    hits = exact = wrong = 0
    reasons: dict[str, int] = {}
    started = time.perf_counter()
    for i, query in enumerate(stream):
        found = cache.lookup(query.text, scope, vector=vectors[i])
        if found.entry is not None:
            hits += 1
            exact += found.status == "hit-exact"
            wrong += found.entry.meta.get("intent") != query.intent
            continue
        reasons[found.reason] = reasons.get(found.reason, 0) + 1
        citation = [{"chunk_id": f"template:{dataset}:{query.intent}"}]
        cache.store(
            query.text, templates[query.intent], citation, scope, vector=vectors[i], meta={"intent": query.intent}
        )
    return Row(
        dataset, method, params.threshold, len(stream), hits, exact, wrong, time.perf_counter() - started, reasons
    )


@contextmanager
def open_cache(settings: Settings, dim: int) -> Iterator[tuple[AnswerCache, str]]:
    def no_embed(_text: str) -> np.ndarray:
        raise AssertionError("the bench passes precomputed vectors")

    params = MatchParams.from_settings(settings)
    from redis import Redis

    from core.redis_server import temporary_redis

    if settings.redis_url:
        redis = Redis.from_url(settings.redis_url)
        yield (
            RedisAnswerCache(redis, no_embed, dim, params, settings.cache_ttl_s, prefix="bench:cache:"),
            settings.redis_url,
        )
        return
    with temporary_redis() as server:
        redis = Redis.from_url(server.url)
        yield (
            RedisAnswerCache(redis, no_embed, dim, params, settings.cache_ttl_s, prefix="bench:cache:"),
            f"throwaway redis-server pid {server.pid}",
        )
        redis.close()


# --- report ------------------------------------------------------------------------------------
def table(rows: list[Row]) -> list[str]:
    methods = ["floor", "guard", "vote", "vote+guard"]
    lines = []
    for dataset in ("bitext", "banking77"):
        target_hits, target_wrong = TARGETS[dataset]
        queries = next((r.queries for r in rows if r.dataset == dataset), 0)
        quoted = ", ".join(f"{t:.2f}: {h:.0%} hits / {w:.1%} wrong" for t, (h, w) in FLOOR_QUOTED[dataset].items())
        lines += [
            "",
            f"{dataset} ({queries} queries; target >= {target_hits:.0%} hits, <= {target_wrong:.1%} of hits wrong; "
            f"the issue's floor: {quoted})",
            "| threshold | " + " | ".join(methods) + " |",
            "|---|" + "---|" * len(methods),
        ]
        by = {(r.method, r.threshold): r for r in rows if r.dataset == dataset}
        for threshold in sorted({r.threshold for r in rows if r.dataset == dataset}):
            cells = []
            for method in methods:
                row = by.get((method, threshold))
                cells.append(f"{row.hit_rate:5.1%} / {row.wrong_share:5.2%}" if row else "-")
            lines.append(f"| {threshold:.2f} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None, help="default: SHARED_DATA_DIR")
    parser.add_argument("--embed-cache", type=Path, default=Path(tempfile.gettempdir()) / "ragdesk-bench-cache")
    parser.add_argument("--quick", action="store_true", help="only the configured default, no sweep")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    settings = Settings(HF_HUB_OFFLINE=True)
    data_dir = args.data_dir or settings.shared_data_dir
    streams, templates = load_streams(data_dir)
    defaults = MatchParams.from_settings(settings)
    print(f"default cache setting: {defaults}")
    rows: list[Row] = []
    with open_cache(settings, settings.embed_dim) as (cache, store_label):
        for dataset, stream in streams.items():
            print(f"{dataset}: {len(stream)} queries, {len({q.intent for q in stream})} intents")
            raw = embed_all([q.text for q in stream], settings, args.embed_cache)
            normalised = embed_all([embedding_text(q.text) for q in stream], settings, args.embed_cache)
            default_row = run_cache(dataset, "vote+guard", stream, normalised, templates[dataset], cache, defaults)
            default_row.method = "default"
            rows.append(default_row)
            print(
                f"  default ({defaults.threshold:.2f}): {default_row.hit_rate:.1%} hits, {default_row.wrong_share:.2%} wrong, {default_row.seconds:.1f}s"
            )
            if args.quick:
                continue
            for threshold in THRESHOLDS:
                rows.append(run_floor(dataset, stream, raw, threshold))
                variants = {
                    "guard": replace(
                        defaults, threshold=threshold, candidate_threshold=threshold, vote_share=0.0, guard=True
                    ),
                    "vote": replace(defaults, threshold=threshold, guard=False),
                    "vote+guard": replace(defaults, threshold=threshold),
                }
                for method, params in variants.items():
                    rows.append(run_cache(dataset, method, stream, normalised, templates[dataset], cache, params))
                print(
                    "  "
                    + "  ".join(
                        f"{r.method} {r.threshold:.2f}: {r.hit_rate:.1%}/{r.wrong_share:.2%}" for r in rows[-4:]
                    )
                )

    probe = guard_probe(settings, defaults.threshold)
    contrast, paraphrase = probe["contrast"], probe["paraphrase"]
    probe_lines = [
        "",
        f"Guard probe ({contrast['pairs']} pairs that differ in a number, a negation, a product or a name; "
        f"{paraphrase['pairs']} paraphrases): {contrast['cosine_at_or_above_threshold']} of the contrast pairs are at or "
        f"above the {defaults.threshold} threshold (a wrong answer without the guard), the guard lets "
        f"{contrast['served_with_guard']} of those through; it passes {paraphrase['passed_by_guard']} of "
        f"{paraphrase['pairs']} paraphrases.",
    ]
    defaults_rows = {r.dataset: r for r in rows if r.method == "default"}
    verdict = {
        d: {
            "hit_rate": round(r.hit_rate, 4),
            "wrong_share_of_hits": round(r.wrong_share, 5),
            "target_hit_rate": TARGETS[d][0],
            "target_wrong_share": TARGETS[d][1],
            "met": r.hit_rate >= TARGETS[d][0] and r.wrong_share <= TARGETS[d][1],
        }
        for d, r in defaults_rows.items()
    }
    lines = table([r for r in rows if r.method != "default"]) if not args.quick else []
    summary = [
        f"Default setting ({store_label}): threshold {defaults.threshold}, neighbours {defaults.neighbours} with cosine >= "
        f"{defaults.candidate_threshold} vote with weight exp((cos-1)/{defaults.temperature}), the answer needs "
        f"{defaults.vote_share:.0%} of the vote, guard {'on' if defaults.guard else 'off'}.",
        *(
            f"- {d}: {v['hit_rate']:.1%} hits, {v['wrong_share_of_hits']:.2%} of hits wrong "
            f"(target >= {v['target_hit_rate']:.0%} / <= {v['target_wrong_share']:.1%}): {'met' if v['met'] else 'NOT met'}"
            for d, v in verdict.items()
        ),
    ]
    print("\n".join(summary + probe_lines + lines))
    result = {
        "benchmark": "response cache hit rate and wrong-intent hits",
        "stream_seed": STREAM_SEED,
        "store": store_label,
        "embed_model": settings.embed_model,
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
        "defaults": asdict(defaults),
        "verdict": verdict,
        "floor_quoted_in_issue": {d: {str(k): v for k, v in m.items()} for d, m in FLOOR_QUOTED.items()},
        "rows": [r.to_dict() for r in rows],
        "guard_probe": probe,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cache.json").write_text(json.dumps(result, indent=1))
    md = [
        "# Response cache: hit rate and wrong-intent hits",
        "",
        "Generated by `python -m bench.cache`. Each cell: hit rate / wrong-intent hits as a share of hits.",
        "Streams: Bitext (all rows) and a BANKING77 sample of 4,500 (train + test), fixed shuffled order "
        f"(seed {STREAM_SEED}); a miss stores the intent's template answer. Floor = plain cosine over MiniLM "
        "embeddings of the raw question. guard = normalised question + exact layer + threshold + lexical guard; "
        "vote = threshold + neighbour vote; vote+guard = both (the configured cache).",
        "",
        *summary,
        *probe_lines,
        *lines,
        "",
    ]
    (args.out / "cache.md").write_text("\n".join(md))


if __name__ == "__main__":
    main()
