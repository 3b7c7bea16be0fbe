"""The corpus adaptation's data side: inverse-cloze pairs, batches without a passage twice, and
the model identity the index fingerprint records."""

import json
import random
from pathlib import Path

from core.adaptation import (
    MANIFEST,
    AdaptationConfig,
    Passage,
    batches,
    corpus_digest,
    ict_pairs,
    model_identity,
    sentences,
)
from core.indexing import index_fingerprint
from core.settings import Settings

PASSAGES = [
    Passage("Returns > Window", "Electronics can be returned within 30 days. Clothing has 60 days. Ask us."),
    Passage("Shipping > Costs", "Standard shipping costs 4.95 EUR. Orders over 50 EUR ship free of charge."),
    Passage("Tiny", "One sentence only here."),
]


def test_sentences_keep_only_query_sized_parts() -> None:
    config = AdaptationConfig(min_query_words=3, max_query_words=8)
    text = "Short. This one has five words.\nA line without a full stop but long enough\n" + "word " * 20 + "end."
    parts = sentences(text, config)
    assert "Short." not in parts
    assert "This one has five words." in parts
    assert all(3 <= len(p.split()) <= 8 for p in parts)


def test_ict_pairs_take_the_query_out_of_its_positive_most_of_the_time() -> None:
    config = AdaptationConfig(queries_per_chunk=50, keep_sentence=0.1)
    pairs = ict_pairs(PASSAGES, config, random.Random(0))
    assert {index for index, _, _ in pairs} == {0, 1}  # the one-sentence passage gives no pair
    removed = sum(1 for _, query, positive in pairs if query not in positive)
    assert 0.75 * len(pairs) < removed < len(pairs)  # about 90% removed, some kept
    for index, query, positive in pairs:
        assert positive.startswith(PASSAGES[index].heading + "\n")
        assert query in PASSAGES[index].text


def test_ict_pairs_are_reproducible_from_the_seed() -> None:
    config = AdaptationConfig()
    assert ict_pairs(PASSAGES, config, random.Random(3)) == ict_pairs(PASSAGES, config, random.Random(3))


def test_batches_never_hold_one_passage_twice_and_lose_nothing() -> None:
    pairs = [(i % 5, f"q{i}", f"p{i}") for i in range(40)]
    out = batches(pairs, 4)
    assert sorted(p for batch in out for p in batch) == sorted(pairs)
    for batch in out:
        assert len(batch) <= 4
        assert len({index for index, _, _ in batch}) == len(batch)


def test_corpus_digest_changes_with_any_text() -> None:
    edited = [PASSAGES[0], Passage(PASSAGES[1].heading, PASSAGES[1].text.replace("4.95", "5.95")), PASSAGES[2]]
    assert corpus_digest(PASSAGES) != corpus_digest(edited)


def test_model_identity_prefers_the_manifest_hash(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"weights")
    by_file = model_identity(tmp_path)
    assert str(weights.resolve()) in by_file
    (tmp_path / MANIFEST).write_text(json.dumps({"model_sha256": "abc123"}))
    assert model_identity(tmp_path) == "abc123"


def test_fingerprint_follows_the_local_model(tmp_path: Path) -> None:
    default = index_fingerprint(Settings())
    (tmp_path / MANIFEST).write_text(json.dumps({"model_sha256": "one"}))
    first = index_fingerprint(Settings(EMBED_MODEL_PATH=str(tmp_path)))  # type: ignore[call-arg]
    (tmp_path / MANIFEST).write_text(json.dumps({"model_sha256": "two"}))
    second = index_fingerprint(Settings(EMBED_MODEL_PATH=str(tmp_path)))  # type: ignore[call-arg]
    assert len({default, first, second}) == 3
