"""The feature vector of one claim against its evidence (inputs of the trained classifier)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from core.grounding.align import Alignment, EvidenceIndex, align, weighted_coverage
from core.grounding.claims import clauses
from core.grounding.contradict import NegationFinding, NumberFinding
from core.grounding.numbers import extract_quantities, mask
from core.grounding.text import GENERIC_STEMS, HYPERNYMS, content_stems, covered

FEATURE_NAMES: tuple[str, ...] = (
    "lex_all",
    "lex_best",
    "lex_window",
    "min_clause_lex",
    "cos_best",
    "min_clause_cos",
    "cos_x_lex",
    "novel_specific",
    "novel_generic",
    "novel_question",
    "novel_proper",
    "pair_cov",
    "verbatim",
    "num_match",
    "num_mismatch",
    "num_unsupported",
    "neg_mismatch",
    "yes_no",
    "cos_window",
    "novel_run",
    "headed",
)

_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*|[.!?:;]")


@dataclass
class ClaimEvidence:
    """Everything measured about one claim; `vector()` gives the classifier's input."""

    stems: list[str]
    alignment: Alignment
    numbers: list[NumberFinding] = field(default_factory=list)
    negation: NegationFinding | None = None
    values: dict[str, float] = field(default_factory=dict)

    def vector(self) -> np.ndarray:
        return np.array([self.values[name] for name in FEATURE_NAMES], dtype=np.float64)


def claim_stems(text: str) -> list[str]:
    return list(dict.fromkeys(content_stems(mask(text, extract_quantities(text)))))


def _pair_coverage(stems: list[str], index: EvidenceIndex) -> float:
    present = [w for w in stems if covered(w, index.vocab)]
    if len(present) < 2:
        return 1.0
    pairs = list(combinations(present[:12], 2))
    hit = 0
    for a, b in pairs:
        for window in index.windows:
            if covered(a, window) and covered(b, window):
                hit += 1
                break
    return hit / len(pairs)


_TOKENS = re.compile(r"[a-z0-9]+")
SHORT_ANSWER_WORDS = 6


def _verbatim(text: str, index: EvidenceIndex) -> float:
    """For short claims (a bare answer such as "Delhi" or "President Richard Nixon"): the
    longest run of its words found word for word in one passage, as a share of its words.
    Sentences are paraphrased, so for them this is not informative and is 1.0."""
    words = _TOKENS.findall(text.lower())
    if not words:
        return 0.0
    if len(words) > SHORT_ANSWER_WORDS:
        return 1.0
    haystacks = [" " + " ".join(_TOKENS.findall(p.lower())) + " " for p in index.passages]
    best = 0
    for i in range(len(words)):
        for j in range(len(words), i + best, -1):
            needle = " " + " ".join(words[i:j]) + " "
            if any(needle in h for h in haystacks):
                best = j - i
                break
    return best / len(words)


def _novel_run(text: str, index: EvidenceIndex) -> float:
    """The longest run of consecutive content words the passages lack: an added clause
    ("and installation is free") brings several together, a paraphrase's synonyms come alone."""
    from core.grounding.text import tokens

    best = run = 0
    for t in tokens(mask(text, extract_quantities(text))):
        if not t.content:
            continue
        if covered(t.stem, index.vocab):
            run = 0
        else:
            run += 1
            best = max(best, run)
    return float(min(best, 4))


def _proper_novel(text: str, index: EvidenceIndex) -> int:
    """Capitalised words (not sentence-initial, not inside a quantity) absent from the passages:
    names, places, brands."""
    masked = mask(text, extract_quantities(text))
    count = 0
    initial = True
    for word in _WORDS.findall(masked):
        if word in ".!?:;":
            initial = True
            continue
        if not initial and word[0].isupper():
            stems = content_stems(word)
            if stems and not all(covered(s, index.vocab) for s in stems):
                count += 1
        initial = False
    return min(count, 3)


def measure(
    text: str,
    question: str,
    index: EvidenceIndex,
    claim_vec: np.ndarray | None,
    numbers: list[NumberFinding],
    negation: NegationFinding | None,
    from_question: bool,
    clause_vecs: np.ndarray | None = None,
) -> ClaimEvidence:
    stems = claim_stems(text)
    question_stems = set(content_stems(question)) if question else set()
    alignment = align(stems, claim_vec, index)
    novel = [w for w in stems if not covered(w, index.vocab)]
    novel_q = [w for w in novel if w in question_stems or HYPERNYMS.get(w) in question_stems]
    novel_rest = [w for w in novel if w not in novel_q]
    generic = [w for w in novel_rest if w in GENERIC_STEMS]
    parts = clauses(text)
    clause_stems = [cs for cs in (claim_stems(p) for p in parts) if len(cs) >= 2]
    min_clause = min((weighted_coverage(cs, index.vocab, index) for cs in clause_stems), default=alignment.lex_all)
    min_clause_cos = alignment.cos_best
    if clause_vecs is not None and len(clause_vecs) and index.vectors is not None and index.assertions:
        sims = clause_vecs @ index.vectors[index.assertions].T
        min_clause_cos = float(sims.max(axis=1).min())
    best = index.sentences[alignment.best] if alignment.best is not None else None
    statuses = [f.status for f in numbers]
    n = max(1, len(stems))
    values = {
        "lex_all": alignment.lex_all,
        "lex_best": alignment.lex_best,
        "lex_window": alignment.lex_window,
        "min_clause_lex": min_clause,
        "cos_best": alignment.cos_best,
        "min_clause_cos": min_clause_cos,
        "cos_x_lex": alignment.cos_best * alignment.lex_best,
        "novel_specific": (len(novel_rest) - len(generic)) / n,
        "novel_generic": len(generic) / n,
        "novel_question": len(novel_q) / n,
        "novel_proper": float(_proper_novel(text, index)),
        "pair_cov": _pair_coverage(stems, index),
        "verbatim": _verbatim(text, index),
        "num_match": math.log1p(statuses.count("match")),
        "num_mismatch": math.log1p(statuses.count("mismatch")),
        "num_unsupported": math.log1p(statuses.count("unsupported")),
        "neg_mismatch": 1.0 if negation is not None else 0.0,
        "yes_no": 1.0 if from_question else 0.0,
        "cos_window": max(alignment.cos_window, alignment.cos_best),
        "novel_run": _novel_run(text, index),
        # evidence under a heading is embedded with it (align.EvidenceSentence.embed_text): its
        # cosines run higher than those of a plain paragraph's sentences
        "headed": 1.0 if best is not None and best.embed_text != best.text else 0.0,
    }
    return ClaimEvidence(stems=stems, alignment=alignment, numbers=numbers, negation=negation, values=values)
