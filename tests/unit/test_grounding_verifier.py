"""The learned verifier's runtime: words, evidence selection, features, the head, the sha256 check,
the shipped model's record; the per-corpus lexicon and the currency-neutral amounts."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from core.grounding import text
from core.grounding.numbers import extract_quantities
from core.grounding.verifier import (
    DEFAULT_META,
    FEATURE_NAMES,
    FEATURE_VERSION,
    Evidence,
    Verifier,
    VerifierIntegrityError,
    claim_text,
    features,
    sha256_of,
    split_passages,
    words,
)

DIM = 384


def fake_embed(texts: list[str]) -> np.ndarray:
    out = []
    for t in texts:
        v = np.random.default_rng(abs(hash(t)) % 2**32).normal(size=DIM).astype(np.float32)
        out.append(v / np.linalg.norm(v))
    return np.stack(out) if out else np.zeros((0, DIM), dtype=np.float32)


def write_model(folder: Path, *, risk_bias: float = 0.0) -> Path:
    n = len(FEATURE_NAMES) + 2 * DIM
    arrays = {
        "mean": np.zeros(n, dtype=np.float32),
        "scale": np.ones(n, dtype=np.float32),
        "w1": np.zeros((n, 1), dtype=np.float32),
        "b1": np.array([risk_bias], dtype=np.float32),
    }
    arrays["w1"][FEATURE_NAMES.index("num_any_missing"), 0] = 5.0
    np.savez(folder / "verifier.npz", **arrays)  # type: ignore[arg-type]
    meta = {
        "weights": "verifier.npz",
        "sha256": sha256_of(folder / "verifier.npz"),
        "feature_version": FEATURE_VERSION,
        "thresholds": {"claim": 0.5, "answer": 0.5},
    }
    (folder / "verifier.json").write_text(json.dumps(meta))
    return folder / "verifier.json"


def test_words_numbers_negation_and_names() -> None:
    w = words("You can't return the Laptop within 30 days or two weeks.")
    assert w.negated and {"30", "2"} <= w.numbers
    assert "laptop" in w.names and "return" in w.content


def test_passages_are_cut_into_lines_and_sentences() -> None:
    assert split_passages(["# Returns\nYou have 30 days. Fees apply.\n- Free pickup"]) == [
        "Returns",
        "You have 30 days.",
        "Fees apply.",
        "Free pickup",
    ]


def test_evidence_selection_prefers_shared_rare_words() -> None:
    ev = Evidence.build(["Shipping takes 3 days. Laptops can be returned within 30 days. We love cats."])
    assert ev.sentences[ev.select(words("Can I return a laptop?"))[0]] == "Laptops can be returned within 30 days."


def test_feature_vector_shape_and_missing_number() -> None:
    ev = Evidence.build(["Laptops can be returned within 30 days."])
    for i, v in enumerate(fake_embed(ev.sentences)):
        ev.vectors[i] = v
    claim = "Laptops can be returned within 45 days."
    x = features(claim, fake_embed([claim])[0], ev, [0])
    assert x.shape == (len(FEATURE_NAMES) + 2 * DIM,)
    assert x[FEATURE_NAMES.index("num_any_missing")] == 1.0
    same = features("Laptops can be returned within 30 days.", fake_embed([claim])[0], ev, [0])
    assert same[FEATURE_NAMES.index("num_any_missing")] == 0.0


def test_verifier_scores_with_its_head(tmp_path: Path) -> None:
    verifier = Verifier.load(fake_embed, write_model(tmp_path, risk_bias=-2.5))
    risks = verifier.risks(
        ["Laptops can be returned within 45 days.", "Laptops can be returned within 30 days."],
        ["Laptops can be returned within 30 days of delivery."],
    )
    assert risks[0] > 0.5 > risks[1]
    assert verifier.claim_threshold == 0.5


def test_a_tampered_model_is_refused(tmp_path: Path) -> None:
    meta = write_model(tmp_path)
    with (tmp_path / "verifier.npz").open("ab") as fh:
        fh.write(b"x")
    with pytest.raises(VerifierIntegrityError, match="sha256"):
        Verifier.load(fake_embed, meta)


def test_short_answers_are_read_with_their_question() -> None:
    assert claim_text("Delhi.", "Where is the Red Fort?") == "Where is the Red Fort? Delhi."
    assert claim_text("The Red Fort is in Delhi, India.", "Where?") == "The Red Fort is in Delhi, India."


def test_the_shipped_model_is_recorded_and_intact() -> None:
    meta = json.loads(DEFAULT_META.read_text())
    assert sha256_of(DEFAULT_META.parent / meta["weights"]) == meta["sha256"]
    assert (DEFAULT_META.parent / meta["weights"]).stat().st_size < 25_000_000
    assert 0.0 < meta["thresholds"]["claim"] < 1.0
    assert {"seed", "commit", "data", "command"} <= set(meta)


def test_shop_words_come_from_the_corpus_lexicon_not_the_code() -> None:
    lexicon = Path(__file__).resolve().parents[2] / "corpus" / "lumen-market" / "lexicon.yaml"
    try:
        text.use_lexicon(None)
        assert text.stem("money") != text.stem("refund") and "tent" not in text.HYPERNYMS
        text.use_lexicon(lexicon)
        assert text.stem("money") == text.stem("refund") and text.HYPERNYMS["tent"] == "outdoor"
    finally:
        text.use_lexicon(text.lexicon_path("", lexicon.parent))


def test_an_amount_without_currency_assumes_none() -> None:
    (q,) = [q for q in extract_quantities("a fee of 4.95 dollars") if q.kind == "money"]
    assert q.unit.startswith("DOLLAR")  # which dollar is not said
    (free,) = [q for q in extract_quantities("shipping is free") if q.kind == "money"]
    assert free.unit == "MONEY" and free.lo == 0.0
