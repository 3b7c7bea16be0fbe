"""Evidence: the passages cut into sentences (with their headings, clauses, quantities and
IDF-weighted stems), and the alignment of a claim to its best evidence sentence.

Headings and FAQ questions are context, not evidence: their words count for the sentences
below them, but they are never quoted as evidence nor used for polarity (a question asserts
nothing)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from core.grounding.claims import split_sentences
from core.grounding.numbers import Quantity, extract_quantities, mask
from core.grounding.text import HYPERNYMS, content_stems, covered, is_negated, negation_count

_HEADING_MAX_WORDS = 12
# fine cut: the clause a number belongs to ("3-5 days, express 1-2 days")
_CLAUSE_CUT = re.compile(r"\s*(?:[;()]|,\s|:\s|\s[-–—]\s|\bbut\b|\bunless\b|\bexcept\b|\bif\b)\s*", re.I)
# polarity cut: a negation's scope (list commas and parentheses do not end it)
_POLARITY_CUT = re.compile(
    r"\s*(?:;|:\s+|\.\s+(?=[A-Z])|\s[-–—]\s|,\s*(?=(?:and|but|so|which|while|whereas|although|though|unless|except|because|or)\s)"
    r"|\b(?:but|whereas|although|though)\b"
    r"|\band\s+(?=(?:can|can't|cannot|is|isn't|are|aren't|will|won't|must|may|does|doesn't|do|don't|has|hasn't|have|"
    r"haven't|should|shouldn't)\b))\s*",
    re.I,
)
# a leading or embedded subordinate clause up to its comma: "If it hasn't arrived, contact us"
_SUBORDINATE = re.compile(
    # a contrast that ends the subordinate clause is part of it: "because they belong to the card,
    # not the account" (left outside, its "not" would flip the main clause's polarity); a contrast
    # of clauses ("when it ships, not when you order") is left to the main clause, as before
    r"\b(?:if|when|unless|once|although|though|because|since|without|except)\b[^,;.]*"
    r"(?:,\s*not\b(?!\s+(?:when|if|because|since|once|unless|until|before|after|while)\b)[^,;.]*)?"
    r"(?:,|$|(?=[.;]))",
    re.I,
)
_PARENS = re.compile(r"\(([^()]*)\)")
_WORD_SPAN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


_CONDITIONAL = re.compile(r"^\s*(?:if|when|unless|once)\b", re.I)


def polarity_clauses(sentence: str, asserted_only: bool = False) -> list[str]:
    """Clauses that bound a negation's scope; parenthetical remarks and subordinate clauses
    ("if it doesn't arrive within 7 days,") are clauses of their own. With `asserted_only`,
    conditions ("if you don't cancel") are left out: they state no fact to contradict."""
    inner = _PARENS.findall(sentence)
    outer = _PARENS.sub(" ", sentence)
    subordinate = [m.group(0).rstrip(",") for m in _SUBORDINATE.finditer(outer)]
    outer = _SUBORDINATE.sub(" ", outer)
    if asserted_only:
        subordinate = [p for p in subordinate if not _CONDITIONAL.match(p)]
    parts = [piece for part in _POLARITY_CUT.split(outer) for piece in _negated_conjuncts(part)]
    parts = [*parts, *subordinate, *inner]
    return [p for p in parts if p and p.strip() and re.search(r"[A-Za-z]", p)]


_CONJUNCTION = re.compile(r"\s+(?:and|or)\s+", re.I)


def _negated_conjuncts(clause: str) -> list[str]:
    """Conjuncts that each carry their own negation ("there's no plan and recipes aren't
    labelled", "we won't restrict your service and we won't charge fees"), as clauses of their
    own: counted together, two negations would read as none. A conjunction without a negation on
    both sides ("duties and taxes aren't included") is left alone."""
    if negation_count(clause) < 2:
        return [clause]
    for m in reversed(list(_CONJUNCTION.finditer(clause))):  # the last conjunction: "won't A or B and won't C"
        left, right = clause[: m.start()], clause[m.end() :]
        if negation_count(left) and negation_count(right):
            return [*_negated_conjuncts(left), right]
    return [clause]


@dataclass
class EvidenceClause:
    stems: frozenset[str]
    negated: bool
    predicate: str | None  # what a negation is about ("can't be returned" -> "return")
    # an FAQ answer's particle ("No.") standing for its question: the stems are the question's
    faq: bool = False


@dataclass
class EvidenceQuantity:
    quantity: Quantity
    sentence: int  # index into EvidenceIndex.sentences
    context: dict[str, float]  # stem -> weight (same clause 1.0, near 0.7 .. far 0.35, heading 0.4, previous 0.3)
    own: frozenset[str] = frozenset()  # the stems of its own clause ("premium members 45 days")
    # the members of a list in that clause ("phones, tablets, laptops and smartwatches are 7-day
    # replacement only"): a claim naming one of them leaves the others out, no condition
    alternatives: tuple[frozenset[str], ...] = ()


@dataclass
class EvidenceSentence:
    text: str
    passage: int
    heading: str
    stems: frozenset[str]
    heading_stems: frozenset[str]
    clauses: list[EvidenceClause]
    quantities: list[Quantity]
    is_heading: bool = False  # a heading or an FAQ question: context, never quoted as evidence

    @property
    def context_stems(self) -> frozenset[str]:
        return self.stems | self.heading_stems

    @property
    def embed_text(self) -> str:
        """What is embedded for this sentence: with its heading, so that an FAQ answer ("By
        email, within 15 minutes.") carries its question's subject, as a paraphrase does."""
        if self.is_heading or not self.heading or self.heading == self.text:
            return self.text
        return f"{self.heading.rstrip(':')} {self.text}"


@dataclass
class EvidenceIndex:
    sentences: list[EvidenceSentence]
    quantities: list[EvidenceQuantity]
    vocab: frozenset[str]
    idf: dict[str, float]
    novel_idf: float
    windows: list[frozenset[str]]  # stems of each sentence with its neighbours in the same passage
    vectors: np.ndarray | None = None  # one row per sentence; rows not in `embedded` are zero
    passages: list[str] = field(default_factory=list)
    embedded: set[int] = field(default_factory=set)

    def weight(self, stem: str) -> float:
        return self.idf.get(stem, self.novel_idf)

    @property
    def assertions(self) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if not s.is_heading]


def _is_heading_line(line: str) -> bool:
    s = line.strip()
    if s.startswith("#"):
        return True
    if s.endswith("?") and len(s.split()) <= 20:
        return True
    if s.endswith(":") and len(s.split()) <= 8:
        return True
    return len(s.split()) <= _HEADING_MAX_WORDS and not re.search(r"[.!:;,)]$", s) and not s.startswith(("-", "*", "•"))


_PRONOUN = re.compile(r"\b(?:it|they|them|this|these|those|its|their)\b", re.I)


def _clauses(sentence: str, heading: str) -> list[EvidenceClause]:
    """Polarity clauses of an evidence sentence. Three help-centre patterns are resolved with
    the heading: an FAQ answer "No. ..." negates its question; a clause that refers back with a
    pronoun ("we can't replace it") takes the heading's words; a short list item under a
    negative heading ("What's not covered: Loss and theft.") is negative."""
    from core.grounding.text import answer_particle, negated_predicate

    heading_stems = frozenset(content_stems(heading)) if heading and heading != sentence else frozenset()
    out = []
    for part in polarity_clauses(sentence, asserted_only=True):
        stems = frozenset(content_stems(part))
        if not stems:
            continue
        negated = is_negated(part)
        if _PRONOUN.search(part) and len(stems) < 4:
            stems = stems | heading_stems
        out.append(EvidenceClause(stems=stems, negated=negated, predicate=negated_predicate(part) if negated else None))
    if heading.endswith("?") and heading_stems:
        particle = answer_particle(sentence)
        if particle is not None:
            negated = is_negated(heading) != (particle == "no")
            out.append(EvidenceClause(stems=heading_stems, negated=negated, predicate=None, faq=True))
    elif heading and is_negated(heading) and len(sentence.split()) <= 10 and not is_negated(sentence):
        out.append(
            EvidenceClause(
                stems=frozenset(content_stems(sentence)) | heading_stems,
                negated=True,
                predicate=negated_predicate(heading),
            )
        )
    return out


def _passage_units(passage: str) -> list[tuple[str, str, bool]]:
    """(sentence, heading, is_heading) triples of one passage. Headings and questions are
    units too (their words belong to the passage), flagged so they are never evidence."""
    units: list[tuple[str, str, bool]] = []
    heading = ""
    for raw in passage.replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if _is_heading_line(line):
            heading = re.sub(r"^#+\s*", "", line).replace("**", "").strip()
            if heading:
                units.append((heading, heading, True))
            continue
        for sentence in split_sentences(line):
            if sentence.endswith("?"):
                heading = sentence
                units.append((sentence, heading, True))
            else:
                units.append((sentence, heading, False))
    return units


def build_index(passages: list[str]) -> EvidenceIndex:
    sentences: list[EvidenceSentence] = []
    for p_idx, passage in enumerate(passages):
        for text, heading, is_heading in _passage_units(passage):
            quantities = extract_quantities(text)
            masked = mask(text, quantities)
            sentences.append(
                EvidenceSentence(
                    text=text,
                    passage=p_idx,
                    heading=heading,
                    stems=frozenset(content_stems(masked)),
                    heading_stems=frozenset(content_stems(heading)) if heading and not is_heading else frozenset(),
                    clauses=[] if is_heading else _clauses(masked, heading),
                    quantities=[] if text.endswith("?") else quantities,
                    is_heading=is_heading,
                )
            )
    n = max(1, len(sentences))
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(s.stems)
    idf = {w: math.log(1.0 + n / c) for w, c in df.items()}
    novel_idf = math.log(1.0 + n / 0.5)
    windows: list[frozenset[str]] = []
    for i, s in enumerate(sentences):
        acc = set(s.context_stems)
        for j in (i - 1, i + 1):
            if 0 <= j < len(sentences) and sentences[j].passage == s.passage:
                acc |= sentences[j].stems
        windows.append(frozenset(acc))
    index = EvidenceIndex(
        sentences=sentences,
        quantities=[],
        vocab=frozenset(df),
        idf=idf,
        novel_idf=novel_idf,
        windows=windows,
        passages=list(passages),
    )
    index.quantities = [eq for i, s in enumerate(sentences) for eq in _quantity_contexts(index, i, s)]
    return index


def proximity_context(
    text: str, q: Quantity, quantities: list[Quantity], near: float = 0.7, far: float = 0.35
) -> dict[str, float]:
    """Stem -> weight for the words of `text` around quantity `q`: 1.0 inside its clause,
    then decaying with the distance in words (from `near` down to `far`)."""
    masked = mask(text, quantities)
    weights: dict[str, float] = {}
    clause = set(clause_stems_around(text, q, quantities))
    words = [(m.start(), m.group(0)) for m in _WORD_SPAN.finditer(masked)]
    before = [w for w in words if w[0] < q.start]
    after = [w for w in words if w[0] >= q.end]
    for distance, (_, word) in enumerate(reversed(before)):
        for s in content_stems(word):
            weights[s] = max(weights.get(s, 0.0), max(far, near - 0.05 * distance))
    for distance, (_, word) in enumerate(after):
        for s in content_stems(word):
            weights[s] = max(weights.get(s, 0.0), max(far, near - 0.05 * distance))
    for s in clause:
        weights[s] = 1.0
    return weights


def _quantity_contexts(index: EvidenceIndex, i: int, s: EvidenceSentence) -> list[EvidenceQuantity]:
    out: list[EvidenceQuantity] = []
    if not s.quantities:
        return out
    base: dict[str, float] = {}
    if i > 0 and index.sentences[i - 1].passage == s.passage:
        for w in index.sentences[i - 1].stems:
            base[w] = 0.3
    for w in s.heading_stems:
        base[w] = max(base.get(w, 0.0), 0.4)
    contexts = []
    for q in s.quantities:
        ctx = dict(base)
        for w, weight in proximity_context(s.text, q, s.quantities).items():
            ctx[w] = max(ctx.get(w, 0.0), weight)
        contexts.append((ctx, frozenset(clause_stems_around(s.text, q, s.quantities))))
    # the items of a bare list ("on 24, 25 and 31 December") share one context: the list's
    group = [0]
    for k in range(1, len(s.quantities) + 1):
        prev = s.quantities[k - 1]
        if k < len(s.quantities) and _LIST_GAP.fullmatch(_gap(s.text, prev, s.quantities[k])):
            group.append(k)
            continue
        if len(group) > 1:
            merged: dict[str, float] = {}
            own: frozenset[str] = frozenset()
            for g in group:
                for w, weight in contexts[g][0].items():
                    merged[w] = max(merged.get(w, 0.0), weight)
                own |= contexts[g][1]
            for g in group:
                contexts[g] = (merged, own)
        group = [k]
    lists = coordinated_lists(s.text)
    for q, (ctx, own) in zip(s.quantities, contexts, strict=True):
        alternatives = tuple(members for members in lists if len(members & own) >= 2)
        out.append(EvidenceQuantity(quantity=q, sentence=i, context=ctx, own=own, alternatives=alternatives))
    return out


_LIST_ITEM = r"[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?"  # one or two words
_COORDINATED = re.compile(rf"\b{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*\s*,?\s+(?:and|or)\s+{_LIST_ITEM}\b", re.I)


def coordinated_lists(text: str) -> list[frozenset[str]]:
    """The content stems of each list of two or more items joined by "and" or "or" ("phones,
    tablets, laptops and smartwatches"), each item being one or two words."""
    lists = []
    for m in _COORDINATED.finditer(text):
        members = frozenset(content_stems(m.group(0)))
        if len(members) >= 2:
            lists.append(members)
    return lists


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*", re.I)


def _gap(text: str, a: Quantity, b: Quantity) -> str:
    """The text between two quantities (a count's span may run on over a noun: "25 and")."""
    digits = re.match(r"\d[\d,.]*?(?=[^\d]|$)", text[a.start :]) if a.kind == "count" else None
    end = a.start + digits.end() if digits else a.end
    return text[end : b.start]


def clause_stems_around(text: str, q: Quantity, quantities: list[Quantity]) -> list[str]:
    """Content stems of the clause holding quantity `q` (clause = between separators)."""
    masked = mask(text, quantities)
    left = masked[: q.start]
    right = masked[q.end :]
    cut_left = max((m.end() for m in _CLAUSE_CUT.finditer(left)), default=0)
    m_right = _CLAUSE_CUT.search(right)
    cut_right = m_right.start() if m_right else len(right)
    return content_stems(left[cut_left:] + " " + right[:cut_right])


def weighted_coverage(stems: list[str], target: frozenset[str] | set[str], index: EvidenceIndex) -> float:
    """IDF-weighted share of `stems` found in `target` (directly or via the category word)."""
    if not stems:
        return 1.0
    total = hit = 0.0
    for w in stems:
        weight = index.weight(w)
        total += weight
        if covered(w, target):
            hit += weight
    return hit / total if total else 1.0


def context_score(claim_ctx: dict[str, float], ev_ctx: dict[str, float], index: EvidenceIndex) -> float:
    den = num = 0.0
    for w, cw in claim_ctx.items():
        weight = cw * index.weight(w)
        den += weight
        ew = ev_ctx.get(w, 0.0)
        parent = HYPERNYMS.get(w)
        if parent is not None:
            ew = max(ew, 0.8 * ev_ctx.get(parent, 0.0))
        num += weight * ew
    return num / den if den else 0.0


def unmatched_share(
    own: frozenset[str],
    claim_ctx: dict[str, float],
    index: EvidenceIndex,
    alternatives: tuple[frozenset[str], ...] = (),
) -> float:
    """IDF share of an evidence quantity's own clause words that the claim does not mention:
    a condition the claim leaves out ("premium members 45 days" for "within 45 days"). The other
    members of a list the claim names one of are no condition ("phones" of "phones, tablets and
    laptops")."""
    total = sum(index.weight(w) for w in own)
    if not total:
        return 0.0
    named = set(claim_ctx)
    siblings = {w for members in alternatives if any(m in named or covered(m, named) for m in members) for w in members}
    return sum(index.weight(w) for w in own if w not in named and w not in siblings and not covered(w, named)) / total


@dataclass
class Alignment:
    best: int | None  # sentence index (never a heading when any other sentence exists)
    lex_best: float  # coverage of the claim by the best sentence (+ its heading)
    lex_window: float  # coverage by the best sentence with its neighbours
    cos_best: float
    lex_all: float
    sentence_coverage: list[float]
    cos_window: float = 0.0  # best cosine with a sentence and its neighbours (vectors summed)


def align(stems: list[str], claim_vec: np.ndarray | None, index: EvidenceIndex) -> Alignment:
    if not index.sentences:
        return Alignment(best=None, lex_best=0.0, lex_window=0.0, cos_best=0.0, lex_all=0.0, sentence_coverage=[])
    covs = np.array([weighted_coverage(stems, s.context_stems, index) for s in index.sentences])
    wins = [weighted_coverage(stems, w, index) for w in index.windows]
    if claim_vec is not None and index.vectors is not None and len(index.vectors):
        cos = index.vectors @ claim_vec
    else:
        cos = np.zeros(len(index.sentences), dtype=np.float32)
    combined = 0.5 * covs + 0.5 * cos
    candidates = index.assertions or list(range(len(index.sentences)))
    best = max(candidates, key=lambda i: combined[i])
    return Alignment(
        best=best,
        lex_best=float(covs[candidates].max()),
        lex_window=max(wins),
        cos_best=float(np.max(cos[candidates])) if len(cos) else 0.0,
        lex_all=weighted_coverage(stems, index.vocab, index),
        sentence_coverage=[float(c) for c in covs],
        cos_window=_window_cosine(index, claim_vec, candidates),
    )


def _window_cosine(index: EvidenceIndex, claim_vec: np.ndarray | None, candidates: list[int]) -> float:
    """The claim against each evidence sentence together with its embedded neighbours in the
    same passage (their vectors summed): a paraphrase that takes the subject from one sentence
    and the fact from the next ("Hours: 8-22, every day" after "Live chat"). No extra embedding:
    sentences not embedded are zero vectors and add nothing."""
    if claim_vec is None or index.vectors is None or not len(index.vectors) or not index.embedded:
        return 0.0
    vectors = index.vectors
    best = 0.0
    for i in candidates:
        if i not in index.embedded:
            continue
        acc = vectors[i].astype(np.float64).copy()
        for j in (i - 1, i + 1):
            if (
                0 <= j < len(vectors)
                and j in index.embedded
                and index.sentences[j].passage == index.sentences[i].passage
            ):
                acc += vectors[j]
        norm = float(np.linalg.norm(acc))
        if norm > 0:
            best = max(best, float(acc @ claim_vec) / norm)
    return best
