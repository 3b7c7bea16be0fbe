"""The grounding guard: every claim of an answer checked against the retrieved passages.

Per claim: explicit contradiction checks (numbers bound to their context, negation, FAQ yes/no
answers restated, "only X" against a list, weekday and month names), alignment
to the best evidence sentence (lexical + MiniLM), and the trained classifier's probability that
the claim is supported; an optional LLM judge rules on the claims in GROUNDING_JUDGE_SCOPE."""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from core.grounding.align import EvidenceIndex, build_index
from core.grounding.calendar import MONTHS, WEEKDAYS, check_calendar
from core.grounding.claims import (
    CONSEQUENCE_STEMS,
    answer_sentence_kind,
    clauses,
    consequence_split,
    is_offer,
    is_situational,
    resolve_against_question,
    split_claims,
    split_sentences,
)
from core.grounding.classifier import SupportClassifier
from core.grounding.contradict import (
    NumberFinding,
    check_answer_particle,
    check_binding,
    check_faq_polarity,
    check_negation,
    check_numbers,
    check_only,
    check_scope,
    check_state,
)
from core.grounding.features import ClaimEvidence, claim_stems, measure
from core.grounding.judge import LLMJudge, in_scope, make_judge
from core.grounding.text import answer_particle, content_stems, covered, lexicon_path, use_lexicon
from core.grounding.verifier import Verifier, claim_text

if TYPE_CHECKING:
    from core.embedder import Embedder
    from core.settings import Settings

Verdict = Literal["supported", "contradicted", "unsupported"]

# "No." to "Are both X and Y ...?" / "... in the same state?" denies the pair, not each part: one
# part confirmed by the passages does not contradict it
_JOINT_QUESTION = re.compile(r"\b(?:both|same|all|either|neither)\b", re.I)
# a claim this short is embedded together with the question ("Delhi" alone means little)
_SHORT_CLAIM_STEMS = 4
# the most passage sentences embedded for one check (the ones sharing most words with the claims)
EMBED_SENTENCES_MAX = 24
EMBED_PER_CLAIM = 8
# a number mismatch contradicts only when its evidence sentence covers this share of the claim's words
ALIGNED_COVERAGE = 0.75


def mismatches_in(numbers: list[NumberFinding]) -> bool:
    return any(n.status == "mismatch" for n in numbers)


_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_CALENDAR_NAMES = frozenset(WEEKDAYS) | frozenset(MONTHS)


def names_no_passage_has(text: str, index: EvidenceIndex) -> list[str]:
    """Capitalised names of the claim (not its first word) that occur in no passage: "Delivery to
    Namibia takes 7-12 days" when the passages only describe domestic delivery. The claim is then
    about something the passages do not describe, and a rule about something else ("ParcelPoint
    delivery takes 3-5 working days") cannot contradict it: it is unconfirmed, not contradicted."""
    lowered = " ".join(index.passages).lower()
    first = re.match(r"\W*\w+", text)
    out: list[str] = []
    for m in _NAME.finditer(text):
        word = m.group(0)
        if (first is not None and m.start() < first.end()) or re.search(r"[.!?:]\s*$", text[: m.start()]):
            continue  # a sentence's first word is capitalised anyway
        if word.lower() in _CALENDAR_NAMES or re.search(rf"\b{re.escape(word.lower())}", lowered):
            continue
        out.append(word)
    return out


@dataclass
class ClaimVerdict:
    text: str
    verdict: Verdict
    evidence: str | None
    score: float
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class GroundingResult:
    grounded: bool
    claims: list[ClaimVerdict]
    elapsed_ms: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "grounded": self.grounded,
            "claims": [c.to_dict() for c in self.claims],
            "elapsed_ms": round(self.elapsed_ms, 2),
        }

    @property
    def verdict(self) -> Verdict:
        """The answer's verdict: contradicted if any claim is, else unsupported if any is."""
        verdicts = {c.verdict for c in self.claims}
        if "contradicted" in verdicts:
            return "contradicted"
        if "unsupported" in verdicts:
            return "unsupported"
        return "supported"


@dataclass
class ClaimAnalysis:
    """A verdict with what produced it (for the benchmark's per-detector rows)."""

    verdict: ClaimVerdict
    checkable: bool
    probability: float = 1.0
    evidence: ClaimEvidence | None = None
    numbers: list[NumberFinding] = field(default_factory=list)
    # "number_mismatch", "negation_mismatch", "answer_mismatch", "faq_polarity_mismatch", "only_mismatch",
    # "calendar_mismatch", "number_unsupported", "calendar_unsupported", "scope_mismatch", "binding_mismatch"
    # or ""
    rule: str = ""


class GroundingChecker:
    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        classifier: SupportClassifier | None = None,
        judge: LLMJudge | None = None,
    ):
        self.settings = settings
        self._embedder = embedder
        use_lexicon(lexicon_path(settings.grounding_lexicon, Path(settings.docs_source_dir)))
        path = Path(settings.grounding_model_path) if settings.grounding_model_path else None
        self.classifier = classifier or SupportClassifier.load(path)
        self.threshold = (
            settings.grounding_min_support if settings.grounding_min_support >= 0 else self.classifier.threshold
        )
        self.judge = judge if judge is not None else make_judge(settings)
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._indexes: OrderedDict[tuple[str, ...], EvidenceIndex] = OrderedDict()
        self._cache_size = max(0, settings.grounding_embed_cache_size)
        self._dim = settings.embed_dim
        self.rules = frozenset(r.strip() for r in settings.grounding_rules.split(",") if r.strip())
        self.verifier: Verifier | None = None
        if settings.grounding_verifier:
            meta = Path(settings.grounding_verifier_path) if settings.grounding_verifier_path else None
            self.verifier = Verifier.load(lambda texts: self.embedder.embed(texts), meta)
            if settings.grounding_min_support < 0:
                self.threshold = 1.0 - self.verifier.claim_threshold

    # --- public API -----------------------------------------------------------------------
    def split_claims(self, answer: str) -> list[str]:
        return split_claims(answer)

    def check(self, question: str, answer: str, passages: list[str], context: str = "") -> GroundingResult:
        """Every sentence of `answer` in order. Sentences that are not claims (greetings,
        closings, questions back, referrals) and "I don't have information" sentences come back
        as `supported` with a `not_a_claim: ...` / `declines_to_answer` reason, so the list covers
        the whole answer; `grounded` is True iff every claim is supported. `context` is the answer
        around `answer` when that is one streamed sentence (only the LLM judge reads it)."""
        start = time.perf_counter()
        analyses = self.analyse(question, answer, passages, context)
        claims = [a.verdict for a in analyses]
        grounded = all(c.verdict == "supported" for c in claims)
        return GroundingResult(grounded=grounded, claims=claims, elapsed_ms=(time.perf_counter() - start) * 1000.0)

    def check_claim(self, question: str, claim: str, passages: list[str]) -> ClaimVerdict:
        """One sentence (for streaming). The passages' sentence vectors are cached, so checking
        an answer sentence by sentence embeds the passages once."""
        text = claim.strip()
        checkable = [text] if answer_sentence_kind(text, question) == "claim" else []
        index, vectors = self._embed_claims(passages, checkable, question)
        risks = self._risks(checkable, question, passages)
        vec, clause_vecs, rule_vec = vectors.get(text, (None, None, None))
        analysis = self._assess(text, question, index, vec, clause_vecs, rule_vec, risk=risks.get(text))
        return self._consult_judge(question, text, passages, [analysis])[0].verdict

    def analyse(self, question: str, answer: str, passages: list[str], context: str = "") -> list[ClaimAnalysis]:
        """`check` with the evidence behind each verdict (features, probability, rule)."""
        sentences = list(split_sentences(answer))
        checkable = [s for s in sentences if answer_sentence_kind(s, question) == "claim"]
        index, vectors = self._embed_claims(passages, checkable, question)
        risks = self._risks(checkable, question, passages)
        analyses = []
        for s in sentences:
            vec, clause_vecs, rule_vec = vectors.get(s, (None, None, None))
            analyses.append(self._assess(s, question, index, vec, clause_vecs, rule_vec, risk=risks.get(s)))
        return self._consult_judge(question, context or answer, passages, analyses)

    def _risks(self, claims: list[str], question: str, passages: list[str]) -> dict[str, float]:
        """The learned verifier's P(not supported) per claim (empty when it is off)."""
        if self.verifier is None or not claims or not passages:
            return {}
        texts = [claim_text(c, question) for c in claims]
        return dict(zip(claims, self.verifier.risks(texts, passages), strict=True))

    def _consult_judge(
        self, question: str, answer: str, passages: list[str], analyses: list[ClaimAnalysis]
    ) -> list[ClaimAnalysis]:
        """The judge's verdicts in place of ours for the claims in GROUNDING_JUDGE_SCOPE, asked
        concurrently. Where it fails or answers something unreadable, our verdict stands; a rule's
        finding stays among the reasons when the judge overrules it."""
        judge, s = self.judge, self.settings
        if judge is None or not passages:
            return analyses
        todo = [
            i
            for i, a in enumerate(analyses)
            if a.checkable
            and in_scope(
                s.grounding_judge_scope,
                a.verdict.verdict,
                a.rule,
                a.probability,
                s.grounding_judge_low,
                s.grounding_judge_high,
            )
        ]
        if not todo or not judge.usable():
            return analyses

        claims = [analyses[i].verdict.text for i in todo]
        answers = judge.judge_many(question, claims, passages, answer, s.grounding_judge_concurrency)
        out = list(analyses)
        for i, judged in zip(todo, answers, strict=True):
            if judged is None:
                continue
            a = analyses[i]
            p = a.probability
            score = max(p, 0.5) if judged == "supported" else min(p, 0.49)
            reasons = [r for r in a.verdict.reasons if not r.startswith("low_support")]
            verdict = replace(
                a.verdict, verdict=judged, score=round(float(score), 4), reasons=[*reasons, f"judge: {judged}"]
            )
            out[i] = replace(a, verdict=verdict)
        return out

    def _embed_claims(
        self, passages: list[str], claims: list[str], question: str
    ) -> tuple[EvidenceIndex, dict[str, tuple[np.ndarray, np.ndarray | None, np.ndarray | None]]]:
        """The evidence index and, per claim, its vector, its clauses' vectors and the vector of the
        rule it applies to the customer's case (`consequence_split`), in one batch."""
        texts: list[str] = []
        spans: dict[str, tuple[int, int, int]] = {}
        stems: list[list[str]] = []
        rules: dict[str, int] = {}
        for c in claims:
            main, parts = self._claim_texts(c, question)
            spans[c] = (len(texts), len(texts) + 1, len(texts) + 1 + len(parts))
            texts += [main, *parts]
            resolved = resolve_against_question(c, question)
            stems.append(claim_stems(resolved.text))
            split = None if resolved.from_question else consequence_split(resolved.text)
            if split is not None:
                rules[c] = len(texts)
                texts.append(split[0])
        index, vecs = self._index(passages, texts, stems)
        out: dict[str, tuple[np.ndarray, np.ndarray | None, np.ndarray | None]] = {}
        for c, (a, b, e) in spans.items():
            out[c] = (vecs[a], vecs[b:e] if e > b else None, vecs[rules[c]] if c in rules else None)
        return index, out

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from core.clients import make_embedder

            self._embedder = make_embedder(self.settings)
        return self._embedder

    # --- evidence and vectors --------------------------------------------------------------
    def _index(self, passages: list[str], extra: list[str], stems: list[list[str]]) -> tuple[EvidenceIndex, np.ndarray]:
        """The passages' evidence index (cached per passage list) with vectors for the sentences
        that share words with the claims (`stems`), and the vectors of the `extra` texts, all
        embedded in one batch. Sentence vectors are cached per sentence text; sentences no claim
        shares a word with are not embedded (their cosine counts as 0): embedding is the cost."""
        key = tuple(passages)
        index = self._indexes.get(key)
        if index is None:
            index = build_index(passages)
            index.vectors = np.zeros((len(index.sentences), self._dim), dtype=np.float32)
            self._indexes[key] = index
            while len(self._indexes) > 16:
                self._indexes.popitem(last=False)
        else:
            self._indexes.move_to_end(key)
        wanted = self._relevant_sentences(index, stems)
        todo = [i for i in wanted if i not in index.embedded]
        missing = list(
            dict.fromkeys(
                index.sentences[i].embed_text for i in todo if index.sentences[i].embed_text not in self._vectors
            )
        )
        batch = missing + extra
        fresh = self.embedder.embed(batch) if batch else np.zeros((0, self._dim), dtype=np.float32)
        for t, v in zip(missing, fresh[: len(missing)], strict=True):
            self._vectors[t] = v
        assert index.vectors is not None
        for i in todo:
            index.vectors[i] = self._vectors[index.sentences[i].embed_text]
            self._vectors.move_to_end(index.sentences[i].embed_text)
            index.embedded.add(i)
        while len(self._vectors) > self._cache_size:
            self._vectors.popitem(last=False)
        return index, fresh[len(missing) :]

    @staticmethod
    def _relevant_sentences(index: EvidenceIndex, stems: list[list[str]]) -> list[int]:
        """Sentences worth embedding: per claim, the EMBED_PER_CLAIM sentences sharing most
        (IDF-weighted) words with it; at most EMBED_SENTENCES_MAX in all."""
        picked: dict[int, float] = {}
        for claim in stems:
            vocab = set(claim)
            scored = []
            for i in index.assertions:
                overlap = sum(index.weight(w) for w in vocab if covered(w, index.sentences[i].context_stems))
                if overlap > 0:
                    scored.append((overlap, i))
            for overlap, i in sorted(scored, key=lambda t: (-t[0], t[1]))[:EMBED_PER_CLAIM]:
                picked[i] = max(picked.get(i, 0.0), overlap)
        return [i for i, _ in sorted(picked.items(), key=lambda t: (-t[1], t[0]))[:EMBED_SENTENCES_MAX]]

    def _claim_texts(self, claim: str, question: str) -> tuple[str, list[str]]:
        """The text embedded for a claim (with the question when the claim is short: "Delhi"
        alone means little) and its clauses when it has several substantial ones."""
        resolved = resolve_against_question(claim, question)
        short = len(claim_stems(resolved.text)) < _SHORT_CLAIM_STEMS and bool(question)
        main = f"{question} {resolved.text}" if short else resolved.text
        parts = [] if resolved.from_question else [p for p in clauses(resolved.text) if len(claim_stems(p)) >= 2]
        return main, parts if len(parts) > 1 else []

    def _applied_rule(
        self,
        text: str,
        question: str,
        index: EvidenceIndex,
        numbers: list[NumberFinding],
        vec: np.ndarray | None,
    ) -> str:
        """ "<rule>, so <the customer's case>": supported when the classifier supports the rule on
        its own and the consequence only uses the passages', the question's and situation words
        (its numbers have been checked with the whole sentence). "" otherwise."""
        split = consequence_split(text)
        if split is None or vec is None:
            return ""
        rule, consequence = split
        q_stems = set(content_stems(question))
        for w in claim_stems(consequence):
            if not (covered(w, index.vocab) or w in q_stems or w in CONSEQUENCE_STEMS):
                return ""
        own = [n for n in numbers if n.quantity.text and n.quantity.text in rule]
        ev = measure(rule, question, index, vec, own, None, False, None)
        p = float(self.classifier.predict_proba(ev.vector())[0])
        if p < self.threshold:
            return ""
        return f"applies_rule: the rule is supported (p={p:.2f}), the consequence is the customer's case"

    def _conflict(
        self,
        text: str,
        parts: list[str],
        question: str,
        negated_override: bool | None,
        index: EvidenceIndex,
        numbers: list[NumberFinding],
    ) -> tuple[str, str] | None:
        """A claim whose numbers one passage states while the other passages state a different
        value for the same thing ("returns are accepted for a year" from one page, "30 days" on
        the others): (reason, the rival sentence), else None. The passages disagree, so the claim
        is not confirmed: a planted or outdated page must not count as support on its own."""
        used = {index.sentences[n.evidence].passage for n in numbers if n.status == "match" and n.evidence is not None}
        if not used or len(index.passages) <= len(used):
            return None
        rest = build_index([p for i, p in enumerate(index.passages) if i not in used])
        for part in parts:
            for finding in check_numbers(part, text, question, negated_override, rest):
                # unlike a contradiction, no alignment bar: a rival value the number check itself
                # ties to the claim's context is enough to say the sources disagree (a flag)
                if finding.status == "mismatch" and not finding.own_value:
                    assert finding.evidence is not None
                    rival = rest.sentences[finding.evidence].text
                    why = finding.reason.replace("number_mismatch: ", "")
                    return f"sources_conflict: another passage says otherwise ({why})", rival
        return None

    @staticmethod
    def _aligned(claim: str, index: EvidenceIndex, sentence: int | None) -> bool:
        """The evidence sentence holding the rival number is about what the claim is about: it
        covers >= ALIGNED_COVERAGE of the claim's content words (a number from another sentence
        of a review or an article is not a contradiction; measured in
        evaluation/grounding_training/rule_precision.py)."""
        if sentence is None:
            return False
        stems = claim_stems(claim)
        if not stems:
            return True
        context = index.sentences[sentence].context_stems
        return sum(covered(w, context) for w in stems) / len(stems) >= ALIGNED_COVERAGE

    # --- one claim -------------------------------------------------------------------------
    def _assess(
        self,
        sentence: str,
        question: str,
        index: EvidenceIndex,
        vec: np.ndarray | None,
        clause_vecs: np.ndarray | None,
        rule_vec: np.ndarray | None = None,
        risk: float | None = None,
    ) -> ClaimAnalysis:
        kind = answer_sentence_kind(sentence, question)
        if kind == "declines":
            return ClaimAnalysis(
                ClaimVerdict(sentence, "supported", None, 1.0, ["declines_to_answer"]), checkable=False
            )
        if kind != "claim":
            return ClaimAnalysis(
                ClaimVerdict(sentence, "supported", None, 1.0, [f"not_a_claim: {kind}"]), checkable=False
            )
        resolved = resolve_against_question(sentence, question)
        parts = [resolved.text] if resolved.from_question else clauses(resolved.text)
        numbers: list[NumberFinding] = []
        for part in parts:
            numbers.extend(check_numbers(part, resolved.text, question, resolved.negated_override, index))
        negation = (
            None
            if resolved.negated_override and _JOINT_QUESTION.search(question)
            else check_negation(resolved.text, resolved.negated_override, index, answer_particle(sentence))
        )
        answered = check_answer_particle(sentence, question, index)
        restated = None if resolved.from_question else check_faq_polarity(resolved.text, index)
        only = None if resolved.from_question else check_only(resolved.text, index)
        if only is None and not resolved.from_question and not mismatches_in(numbers):
            only = check_binding(resolved.text, index) or check_state(resolved.text, index)
        calendar = None if resolved.from_question else check_calendar(resolved.text, index)
        scope = None if resolved.from_question else check_scope(resolved.text, index)
        ev = measure(resolved.text, question, index, vec, numbers, negation, resolved.from_question, clause_vecs)
        if risk is not None:
            p = 1.0 - risk
        else:
            p = float(self.classifier.predict_proba(ev.vector())[0]) if index.sentences else 0.0
        # explicit checks: only those enabled (GROUNDING_RULES: the ones precise on unseen text)
        on = self.rules.__contains__
        negation = negation if on("negation_mismatch") else None
        answered = answered if on("answer_mismatch") else None
        restated = restated if on("faq_polarity_mismatch") else None
        only = only if only is None or on(only.rule) else None
        if calendar is not None and not on(
            "calendar_mismatch" if calendar.status == "mismatch" else "calendar_unsupported"
        ):
            calendar = None
        scope = scope if on("scope_mismatch") else None
        reasons: list[str] = []
        if risk is not None and self.verifier is not None:
            # with the verifier on, a check's finding is a contradiction only when the verifier does
            # not confirm the claim either (the gate), and "unsupported" is the verifier's call
            gate = self.verifier.contradicts
            dropped = [n.reason for n in numbers if n.status == "unsupported"]
            if not gate("number_mismatch", risk):
                dropped += [n.reason for n in numbers if n.status == "mismatch"]
                numbers = [n for n in numbers if n.status != "mismatch"]
            numbers = [n for n in numbers if n.status != "unsupported"]
            if negation is not None and not gate("negation_mismatch", risk):
                dropped.append(negation.reason)
                negation = None
            if answered is not None and not gate("answer_mismatch", risk):
                dropped.append(answered.reason)
                answered = None
            if restated is not None and not gate("faq_polarity_mismatch", risk):
                dropped.append(restated.reason)
                restated = None
            if only is not None and not gate(only.rule, risk):
                dropped.append(only.reason)
                only = None
            if calendar is not None and (calendar.status != "mismatch" or not gate("calendar_mismatch", risk)):
                dropped.append(calendar.reason)
                calendar = None
            if scope is not None:
                dropped.append(scope.reason)
                scope = None
            reasons += [f"check not gated (risk {risk:.2f}): {r}" for r in dropped]
        mismatches = (
            [
                n
                for n in numbers
                if n.status == "mismatch" and not n.own_value and self._aligned(resolved.text, index, n.evidence)
            ]
            if on("number_mismatch")
            else []
        )
        not_compared: list[NumberFinding] = []
        for n in mismatches:
            # the clause that states the number names something no passage describes
            clause = next((c for c in parts if n.quantity.text and n.quantity.text in c), resolved.text)
            foreign = names_no_passage_has(clause, index)
            if foreign:
                reasons.append(f"not_compared: {', '.join(foreign)} in no passage ({n.quantity.describe()})")
                not_compared.append(n)
        mismatches = [n for n in mismatches if n not in not_compared]
        unsupported_numbers = [n for n in numbers if n.status == "unsupported"] if on("number_unsupported") else []
        # a number the passages state otherwise, in a sentence not aligned closely enough to call it
        # a contradiction ("returns are accepted for a year" against "return within 30 days"),
        # and stated nowhere as claimed: not confirmed (flagged, not withdrawn)
        unconfirmed = (
            [n for n in numbers if n.status == "mismatch" and n not in mismatches]
            if on("number_unconfirmed") and not any(n.status == "match" for n in numbers)
            else []
        ) or not_compared
        evidence_idx = ev.alignment.best
        verdict: Verdict
        rule = ""
        if not index.sentences:
            verdict, score, reasons = "unsupported", 0.0, ["no_passages"]
        elif mismatches or negation is not None:
            verdict, score = "contradicted", min(p, 0.05)
            reasons += [n.reason for n in mismatches]
            if negation is not None:
                reasons.append(negation.reason)
                evidence_idx = negation.evidence
                rule = "negation_mismatch"
            if mismatches:
                evidence_idx = mismatches[0].evidence
                rule = "number_mismatch"
        elif answered is not None:
            verdict, score, rule = "contradicted", min(p, 0.05), "answer_mismatch"
            reasons.append(answered.reason)
            evidence_idx = answered.evidence
        elif restated is not None or only is not None:
            found = restated if restated is not None else only
            assert found is not None
            verdict, score = "contradicted", min(p, 0.05)
            rule = found.rule
            reasons.append(found.reason)
            evidence_idx = found.evidence
        elif calendar is not None and calendar.status == "mismatch":
            verdict, score, rule = "contradicted", min(p, 0.05), "calendar_mismatch"
            reasons.append(calendar.reason)
            evidence_idx = calendar.evidence
        elif unsupported_numbers:
            verdict, score, rule = "unsupported", min(p, 0.2), "number_unsupported"
            reasons += [n.reason for n in unsupported_numbers]
        elif unconfirmed:
            verdict, score, rule = "unsupported", min(p, 0.2), "number_unconfirmed"
            reasons += [n.reason.replace("number_mismatch", "number_unconfirmed", 1) for n in unconfirmed]
            evidence_idx = unconfirmed[0].evidence
        elif calendar is not None:
            verdict, score, rule = "unsupported", min(p, 0.2), "calendar_unsupported"
            reasons.append(calendar.reason)
        elif scope is not None:
            verdict, score, rule = "unsupported", min(p, 0.2), "scope_mismatch"
            reasons.append(scope.reason)
            evidence_idx = scope.evidence
        elif is_offer(sentence):
            verdict, score = "supported", max(p, self.threshold)
            reasons.append("offer: hands the customer over to a person (its numbers checked)")
        elif not resolved.from_question and is_situational(resolved.text):
            verdict, score = "supported", max(p, self.threshold)
            reasons.append("situational: relates the customer's case to the stated rule")
        elif (
            risk is None
            and p < self.threshold
            and (applied := self._applied_rule(resolved.text, question, index, numbers, rule_vec))
        ):
            verdict, score = "supported", max(p, self.threshold)
            reasons.append(applied)
        elif p < self.threshold:
            verdict, score = "unsupported", p
            reasons.append(f"low_support: p={p:.2f} < {self.threshold:.2f}")
        else:
            verdict, score = "supported", p
        evidence = index.sentences[evidence_idx].text if evidence_idx is not None and index.sentences else None
        if verdict == "supported" and on("sources_conflict"):
            conflict = self._conflict(resolved.text, parts, question, resolved.negated_override, index, numbers)
            if conflict is not None:
                verdict, score, rule = "unsupported", min(p, 0.2), "sources_conflict"
                reasons.append(conflict[0])
                evidence = conflict[1]
        if verdict == "supported":
            matched = [n for n in numbers if n.status == "match" and n.other is not None]
            reasons += [n.reason for n in matched]
        cv = ClaimVerdict(
            text=sentence, verdict=verdict, evidence=evidence, score=round(float(score), 4), reasons=reasons
        )
        return ClaimAnalysis(verdict=cv, checkable=True, probability=p, evidence=ev, numbers=numbers, rule=rule)
