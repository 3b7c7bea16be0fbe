"""The learned verifier: how likely one answer sentence is NOT supported by the passages.

It reads the claim with its evidence: the passages are cut into sentences, the EVIDENCE_K
sentences sharing most (IDF-weighted) words with the claim are embedded with the pinned
all-MiniLM-L6-v2, and a small trained head scores features of the pair (cosines to the best
sentences, the MiniLM interaction of claim and best sentence, lexical, bigram, number, name and
negation coverage). Nothing here knows a corpus: no synonyms, no categories, no currency.

The head and its thresholds live in core/grounding/model/verifier.npz + verifier.json, written by
`python -m evaluation.grounding_training.retrain` (which records data, seed and commit there); the
npz's sha256 is checked at load."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from core.sentences import split_sentences

MODEL_DIR = Path(__file__).resolve().parent / "model"
DEFAULT_META = MODEL_DIR / "verifier.json"
EVIDENCE_K = 8
FEATURE_VERSION = 1

_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing during each few for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or
    other our ours out over own same she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while who whom why
    will with would you your yours yes""".split()
)
_NEGATIONS = frozenset({"not", "no", "never", "none", "nothing", "neither", "nor", "without", "cannot"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,:/]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30", "hundred": "100",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "half": "0.5", "once": "1", "twice": "2",
}  # fmt: skip


def _stem(word: str) -> str:
    """A light, language-generic suffix strip (no lexicon): enough to match plural and tense."""
    w = word.lower().strip("'’-")
    for suffix in ("ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)] + ("y" if suffix in {"ies", "ied"} else "")
    return w


_CONTRACTION = re.compile(r"\b(\w+?)n[’']t\b", re.I)


def _expand(m: re.Match[str]) -> str:
    base = m.group(1)
    return {"ca": "can", "wo": "will", "sha": "shall"}.get(base.lower(), base) + " not"


def number_key(token: str) -> str:
    """ "1,200" -> "1200", "4.50" -> "4.5", "30" -> "30"."""
    t = token.replace(",", "")
    if re.fullmatch(r"\d+\.\d+", t):
        t = t.rstrip("0").rstrip(".")
    return t


@dataclass(frozen=True)
class Words:
    content: tuple[str, ...]  # stems of content words, in order
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words not at a sentence start, lower-cased stems
    negated: bool


@lru_cache(maxsize=65536)
def words(text: str) -> Words:
    raw = _WORD.findall(_CONTRACTION.sub(_expand, text))
    content: list[str] = []
    numbers: set[str] = set()
    names: set[str] = set()
    negations = 0
    for i, w in enumerate(raw):
        low = w.lower()
        if _NUMBER.fullmatch(w):
            numbers.add(number_key(w))
            continue
        if low in _NEGATIONS:
            negations += 1
            continue
        if low in _NUMBER_WORDS:
            numbers.add(_NUMBER_WORDS[low])
        if low in _STOP or len(low) < 2:
            continue
        s = _stem(low)
        content.append(s)
        if i > 0 and w[0].isupper():
            names.add(s)
    return Words(tuple(content), frozenset(numbers), frozenset(names), negations % 2 == 1)


def split_passages(passages: Sequence[str]) -> list[str]:
    """Evidence sentences: each line of each passage, cut at sentence ends (core.sentences)."""
    out: list[str] = []
    for p in passages:
        for line in p.splitlines():
            line = line.strip(" \t-*•#")
            if not line:
                continue
            out.extend(s for s in split_sentences(line) if len(s) > 1)
    return out


@dataclass
class Evidence:
    """The passages of one check, cut into sentences with their word sets and IDF."""

    sentences: list[str]
    words: list[Words]
    vocab: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    idf: dict[str, float]
    vectors: dict[int, np.ndarray] = field(default_factory=dict)

    @classmethod
    def build(cls, passages: Sequence[str]) -> Evidence:
        sentences = split_passages(passages)
        ws = [words(s) for s in sentences]
        df: Counter[str] = Counter()
        for w in ws:
            df.update(set(w.content))
        n = max(1, len(ws))
        idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        bigrams = frozenset(b for w in ws for b in zip(w.content, w.content[1:], strict=False))
        numbers = frozenset(x for w in ws for x in w.numbers)
        text_numbers = frozenset(number_key(n) for n in _NUMBER.findall(" ".join(passages)))
        return cls(
            sentences=sentences,
            words=ws,
            vocab=frozenset(t for w in ws for t in w.content),
            bigrams=bigrams,
            numbers=numbers | text_numbers,
            idf=idf,
        )

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, math.log(len(self.sentences) + 2.0))

    def select(self, claim: Words, k: int = EVIDENCE_K) -> list[int]:
        """The k sentences sharing most IDF-weighted words with the claim (ties: earlier first)."""
        vocab = set(claim.content)
        scored = []
        for i, w in enumerate(self.words):
            overlap = sum(self.weight(t) for t in vocab.intersection(w.content))
            overlap += 0.5 * len(claim.numbers & w.numbers)
            if overlap > 0:
                scored.append((-overlap, i))
        return [i for _, i in sorted(scored)[:k]]


FEATURE_NAMES = [
    "cos1", "cos2", "cos_top3", "lex_all", "lex_all_idf", "lex_best", "lex_top3", "bigram_all",
    "num_count", "num_missing", "num_any_missing", "name_count", "name_missing", "neg_xor", "log_len",
    "n_content", "novel_idf_max", "no_evidence",
]  # fmt: skip


def features(claim: str, claim_vec: np.ndarray, evidence: Evidence, chosen: list[int]) -> np.ndarray:
    """Scalar features + claim*best and |claim-best| MiniLM interactions (384 each)."""
    cw = words(claim)
    dim = claim_vec.shape[0]
    content = set(cw.content)
    if chosen:
        mat = np.stack([evidence.vectors[i] for i in chosen])
        cos = mat @ claim_vec
        order = np.argsort(-cos, kind="stable")
        best = chosen[int(order[0])]
        cos_sorted = cos[order]
        top3 = [chosen[int(j)] for j in order[:3]]
    else:
        cos_sorted = np.zeros(1, dtype=np.float32)
        best, top3 = -1, []
    cos1 = float(cos_sorted[0])
    cos2 = float(cos_sorted[1]) if len(cos_sorted) > 1 else cos1
    cos_top3 = float(np.mean(cos_sorted[:3]))

    def share(vocab: set[str] | frozenset[str]) -> float:
        return sum(t in vocab for t in content) / len(content) if content else 1.0

    weights = {t: evidence.weight(t) for t in content}
    total = sum(weights.values())
    lex_all_idf = sum(w for t, w in weights.items() if t in evidence.vocab) / total if total else 1.0
    best_vocab = set(evidence.words[best].content) if best >= 0 else set()
    top3_vocab = {t for i in top3 for t in evidence.words[i].content}
    pairs = list(zip(cw.content, cw.content[1:], strict=False))
    bigram_all = sum(b in evidence.bigrams for b in pairs) / len(pairs) if pairs else 1.0
    num_missing = len(cw.numbers - evidence.numbers)
    names_missing = len(cw.names - evidence.vocab)
    best_neg = evidence.words[best].negated if best >= 0 else False
    novel = [weights[t] for t in content if t not in evidence.vocab]
    scalars = np.array(
        [
            cos1,
            cos2,
            cos_top3,
            share(evidence.vocab),
            lex_all_idf,
            share(best_vocab),
            share(top3_vocab),
            bigram_all,
            min(len(cw.numbers), 5) / 5.0,
            num_missing / max(1, len(cw.numbers)),
            float(num_missing > 0),
            min(len(cw.names), 5) / 5.0,
            names_missing / max(1, len(cw.names)),
            float(cw.negated != best_neg),
            math.log1p(len(cw.content)),
            min(len(content), 30) / 30.0,
            max(novel, default=0.0) / 5.0,
            float(not chosen),
        ],
        dtype=np.float32,
    )
    best_vec = evidence.vectors[best] if best >= 0 else np.zeros(dim, dtype=np.float32)
    return np.concatenate([scalars, claim_vec * best_vec, np.abs(claim_vec - best_vec)]).astype(np.float32)


class VerifierHead:
    """Standardise, then a one-hidden-layer MLP (or a linear model when `w2` is absent)."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.mean = arrays["mean"]
        self.scale = arrays["scale"]
        self.w1 = arrays["w1"]
        self.b1 = arrays["b1"]
        self.w2 = arrays.get("w2")
        self.b2 = arrays.get("b2")

    def risk(self, x: np.ndarray) -> np.ndarray:
        """P(not supported) per row."""
        z = (np.atleast_2d(x) - self.mean) / self.scale
        h = z @ self.w1 + self.b1
        if self.w2 is not None and self.b2 is not None:
            h = np.maximum(h, 0.0) @ self.w2 + self.b2
        return 1.0 / (1.0 + np.exp(-h.reshape(-1)))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class VerifierIntegrityError(RuntimeError):
    pass


@dataclass
class Verifier:
    head: VerifierHead
    meta: dict[str, Any]
    embed: Callable[[list[str]], np.ndarray]
    _vectors: OrderedDict[str, np.ndarray] = field(default_factory=OrderedDict)
    _evidence: OrderedDict[tuple[str, ...], Evidence] = field(default_factory=OrderedDict)
    cache_size: int = 4096

    @classmethod
    def load(cls, embed: Callable[[list[str]], np.ndarray], meta_path: Path | None = None) -> Verifier:
        meta_path = meta_path or DEFAULT_META
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        weights = meta_path.parent / meta["weights"]
        digest = sha256_of(weights)
        if digest != meta["sha256"]:
            raise VerifierIntegrityError(f"{weights}: sha256 {digest} != {meta['sha256']} recorded in {meta_path}")
        if meta.get("feature_version") != FEATURE_VERSION:
            raise VerifierIntegrityError(
                f"{meta_path}: feature_version {meta.get('feature_version')} != {FEATURE_VERSION}"
            )
        with np.load(weights) as z:
            arrays = {k: z[k] for k in z.files}
        return cls(head=VerifierHead(arrays), meta=meta, embed=embed)

    @property
    def claim_threshold(self) -> float:
        """Risk at or above which a claim is not confirmed (chosen on development answers)."""
        return float(self.meta["thresholds"]["claim"])

    def contradicts(self, check: str, risk: float) -> bool:
        """Whether an explicit check's finding is a clear contradiction at this risk: the check has
        a gate (evaluation/grounding_training/gate.py) and the verifier does not confirm the claim."""
        gate = (self.meta["thresholds"].get("contradiction") or {}).get(check)
        return gate is not None and risk >= float(gate)

    def evidence(self, passages: Sequence[str]) -> Evidence:
        key = tuple(passages)
        ev = self._evidence.get(key)
        if ev is None:
            ev = Evidence.build(passages)
            self._evidence[key] = ev
            while len(self._evidence) > 32:
                self._evidence.popitem(last=False)
        else:
            self._evidence.move_to_end(key)
        return ev

    def _embed(self, texts: list[str]) -> list[np.ndarray]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for t, v in zip(missing, self.embed(missing), strict=True):
                self._vectors[t] = v
        out = []
        for t in texts:
            self._vectors.move_to_end(t)
            out.append(self._vectors[t])
        while len(self._vectors) > self.cache_size:
            self._vectors.popitem(last=False)
        return out

    def risks(self, claims: Sequence[str], passages: Sequence[str]) -> list[float]:
        """P(not supported) of each claim against the passages (one embedding batch)."""
        if not claims:
            return []
        ev = self.evidence(passages)
        chosen = [ev.select(words(c)) for c in claims]
        need = sorted({i for c in chosen for i in c if i not in ev.vectors})
        texts = [ev.sentences[i] for i in need] + list(claims)
        vecs = self._embed(texts)
        for i, v in zip(need, vecs[: len(need)], strict=True):
            ev.vectors[i] = v
        claim_vecs = vecs[len(need) :]
        x = np.stack([features(c, v, ev, ch) for c, v, ch in zip(claims, claim_vecs, chosen, strict=True)])
        return [float(r) for r in self.head.risk(x)]


SHORT_CLAIM_WORDS = 4


def claim_text(sentence: str, question: str) -> str:
    """What the verifier reads as the claim: a short answer ("Delhi.") with its question."""
    if question and len(words(sentence).content) < SHORT_CLAIM_WORDS:
        return f"{question.strip()} {sentence.strip()}"
    return sentence.strip()
