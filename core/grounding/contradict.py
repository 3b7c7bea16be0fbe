"""Explicit contradiction checks of one claim against the evidence: its numbers (bound to the
evidence quantity whose surrounding words match the claim's best) and its polarity (a negated
claim against a non-negated evidence clause about the same thing, or the reverse)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from core.grounding.align import (
    EvidenceIndex,
    context_score,
    polarity_clauses,
    proximity_context,
    unmatched_share,
    weighted_coverage,
)
from core.grounding.derive import derivation
from core.grounding.numbers import (
    Quantity,
    _values,
    compatible,
    complementary_limits,
    equal,
    extract_quantities,
    format_pair,
    mask,
    window_consistent,
)
from core.grounding.text import content_stems, is_negated, negated_predicate, strip_answer_particle

NumberStatus = Literal["match", "mismatch", "unsupported", "skipped"]

# An equal-valued evidence quantity wins unless a different one fits the claim's words clearly better.
EQUAL_MARGIN = 0.12
# Subtracted (times the share of unmatched words) for evidence clauses with words the claim lacks.
CONDITION_PENALTY = 0.3
# Below this context score a different-valued quantity is not "about the same thing".
MIN_CONTEXT = 0.2
# Polarity: the evidence clause must cover this much of the claim clause (IDF-weighted) ...
NEGATION_MIN_COVERAGE = 0.6
# ... and beat the best clause of the claim's own polarity by this much.
NEGATION_MARGIN = 0.15


@dataclass
class NumberFinding:
    quantity: Quantity
    status: NumberStatus
    evidence: int | None = None  # sentence index of the evidence quantity used
    other: Quantity | None = None
    reason: str = ""
    # a "mismatch" whose rival value the claim states itself, for another thing ("Free delivery
    # needs a basket of 40 EUR": 40 EUR is the claim's threshold, not a rival price for "free"):
    # never a contradiction, at most unconfirmed
    own_value: bool = False


@dataclass
class NegationFinding:
    evidence: int
    coverage: float
    claim_negated: bool
    reason: str


def claim_context(
    clause: str, q: Quantity, clause_quantities: list[Quantity], sentence: str, question: str
) -> dict[str, float]:
    """Stem -> weight around a claim's quantity: its own clause by proximity, the rest of the
    sentence at 0.5, the question at 0.4."""
    ctx: dict[str, float] = {}
    for text, weight in ((question, 0.4), (sentence, 0.5)):
        if text:
            for w in content_stems(mask(text, extract_quantities(text))):
                ctx[w] = max(ctx.get(w, 0.0), weight)
    for w, weight in proximity_context(clause, q, clause_quantities, near=0.9, far=0.6).items():
        ctx[w] = max(ctx.get(w, 0.0), weight)
    return ctx


def _together(quantities: list[Quantity], index: EvidenceIndex) -> int | None:
    """An evidence sentence that states every one of the claim's quantities (>= 2): a worked
    example or a table row quoted as a whole."""
    checkable = [q for q in quantities if not (q.kind == "count" and not q.unit)]
    if len(checkable) < 2:
        return None
    by_sentence: dict[int, list[Quantity]] = {}
    for eq in index.quantities:
        by_sentence.setdefault(eq.sentence, []).append(eq.quantity)
    for i, found in by_sentence.items():
        if all(any(equal(q, e) for e in found) for q in checkable):
            return i
    return None


def _unsupported_or_echo(q: Quantity, echoed: bool, negated: bool) -> NumberFinding:
    if echoed and (negated or q.kind == "count"):
        return NumberFinding(q, "skipped", reason=f"echoes the question: {q.describe()}")
    return NumberFinding(q, "unsupported", reason=f"number_unsupported: {q.describe()}")


_SEGMENT = re.compile(r"[,;]\s*")


def negated_near(clause: str, q: Quantity) -> bool:
    """Polarity around one quantity: the comma-delimited stretch of `clause` that holds it. A
    negation elsewhere in the sentence ("If the item isn't faulty, a 4.95 EUR fee ...", "... after
    7 days, so you don't need to do anything") is about something else."""
    for segment in _SEGMENT.split(clause):
        if q.text and q.text in segment:
            return is_negated(segment)
    return is_negated(clause)


def _range_endpoints(q: Quantity, index: EvidenceIndex) -> tuple[int, Quantity] | None:
    """An evidence sentence that states a claim range's two ends as quantities of their own
    ("from 10 EUR to 500 EUR", "at least 100 EUR and at most 2,000 EUR" for "10-500 EUR")."""
    if not q.is_range:
        return None
    lo, hi = replace(q, hi=q.lo, comparator=""), replace(q, lo=q.hi, comparator="")
    by_sentence: dict[int, list[Quantity]] = {}
    for eq in index.quantities:
        by_sentence.setdefault(eq.sentence, []).append(eq.quantity)
    for i, found in sorted(by_sentence.items()):
        low = next((e for e in found if not e.is_range and equal(lo, e)), None)
        if low is not None and any(not e.is_range and equal(hi, e) for e in found):
            return i, low
    return None


def _premise_inside(q: Quantity, policy: Quantity) -> bool | None:
    """Does the customer's own value `q` (from the question) lie inside the policy's limit?
    "below 80%" / "within 30 days" / "up to 2,000 EUR" (and a bare duration: "covered for 1
    year") are upper limits, "at least"/"over" lower ones, a range both. None: no limit."""
    vals = _values(q, policy)
    if vals is None or q.is_range:
        return None
    (v, _), (lo, hi), _ = vals
    if policy.is_range:
        return lo <= v <= hi
    if policy.comparator == "le" or (policy.kind == "duration" and not policy.comparator):
        return v <= hi
    if policy.comparator == "ge":
        return v >= lo
    return None


# words that place the customer's value inside a limit ("you're still within the 2 years") or
# outside it ("you're past it", "too late", "longer than recommended")
_INSIDE = re.compile(
    r"\b(?:within|inside|in time|still|can|could|(?:is|are) able to|covered|eligible|qualif\w*|"
    r"under the|below the|before the|(?:is|are|'s|'re) (?:fine|ok|okay|allowed)|enough)\b",
    re.I,
)
_OUTSIDE = re.compile(
    r"\b(?:outside|past|beyond|too (?:late|long|old|high|low|much|tall|big|small)|expired|longer than|more than|"
    r"over the|above the|exceeds?|missed|no longer|too)\b",
    re.I,
)


def stated_relation(clause: str, q: Quantity) -> bool | None:
    """Does the answer say the customer's value `q` is inside the policy's limit (True), outside
    it (False), or neither (None)? Read in the comma-delimited stretch holding `q`, a negation
    flipping it ("you're not within ...")."""
    segment = next((s for s in _SEGMENT.split(clause) if q.text and q.text in s), clause)
    inside, outside = bool(_INSIDE.search(segment)), bool(_OUTSIDE.search(segment))
    if inside == outside:
        return None
    return inside != is_negated(segment)


def _premise(
    q: Quantity, clause: str, sentence: str, question_quantities: list[Quantity], negated: bool, index: EvidenceIndex
) -> NumberFinding | None:
    """A number the customer gave in the question ("at 75% after eight months") that the answer
    relates to a policy value it also states and the passages confirm ("... below 80% within a
    year, so at 75% you can claim"): the customer's premise, checked only against that limit.
    An answer that states the customer's number as the policy ("within 45 days") states no other
    value and is checked as usual."""
    if not any(equal(q, qq) for qq in question_quantities):
        return None
    policies = [
        p
        for p in extract_quantities(sentence)
        if compatible(q, p) and not any(equal(p, qq) for qq in question_quantities) and not equal(p, q)
    ]
    for p in policies:
        for eq in index.quantities:
            if not equal(p, eq.quantity) and _range_endpoints(p, index) is None:
                continue
            policy = replace(eq.quantity, comparator=eq.quantity.comparator or p.comparator)
            if _range_endpoints(p, index) is not None:
                policy = p
            inside = _premise_inside(q, policy)
            if inside is None:
                continue
            stated = stated_relation(clause, q)
            if stated is None:
                # "parcels wait 7 days, so after 9 days it has been sent back": the answer draws a
                # consequence without saying whether the customer is inside the limit
                return NumberFinding(
                    q, "skipped", evidence=eq.sentence, other=eq.quantity, reason=f"premise: {format_pair(q, p)}"
                )
            if inside == stated:
                return NumberFinding(
                    q, "skipped", evidence=eq.sentence, other=eq.quantity, reason=f"premise: {format_pair(q, p)}"
                )
            reason = f"number_mismatch: {q.describe()} is {'inside' if inside else 'outside'} {p.describe()}"
            return NumberFinding(q, "mismatch", evidence=eq.sentence, other=eq.quantity, reason=reason)
    return None


def check_numbers(
    clause: str, sentence: str, question: str, negated_override: bool | None, index: EvidenceIndex
) -> list[NumberFinding]:
    """Each quantity of `clause` (part of `sentence`) against the evidence quantities; polarity
    from a yes/no answer when `negated_override` is set, else from the quantity's own stretch."""
    findings: list[NumberFinding] = []
    question_quantities = extract_quantities(question) if question else []
    clause_quantities = extract_quantities(clause)
    stated = extract_quantities(sentence)  # the whole claim's quantities
    together = _together(stated, index)
    # a bare answer ("1909", "275 years"): its only context is the question, too weak to prefer a
    # rival quantity over one the passages state with the same value
    bare = not content_stems(mask(sentence, stated))
    for q in clause_quantities:
        if q.kind == "count" and not q.unit:
            findings.append(NumberFinding(q, "skipped"))
            continue
        negated = negated_override if negated_override is not None else negated_near(clause, q)
        if together is not None:
            hit = next((eq for eq in index.quantities if eq.sentence == together and equal(q, eq.quantity)), None)
            if hit is not None:
                reason = f"number_match: {format_pair(q, hit.quantity)}"
                findings.append(NumberFinding(q, "match", evidence=hit.sentence, other=hit.quantity, reason=reason))
                continue
        premise = _premise(q, clause, sentence, question_quantities, negated, index)
        if premise is not None:
            findings.append(premise)
            continue
        ends = _range_endpoints(q, index)
        if ends is not None:
            reason = f"number_match: {q.describe()} vs {ends[1].describe()} to ..."
            findings.append(NumberFinding(q, "match", evidence=ends[0], other=ends[1], reason=reason))
            continue
        echoed_as = next((qq for qq in question_quantities if equal(q, qq)), None)
        echoed = echoed_as is not None
        # "Can I return it after six weeks?" - "... so six weeks is fine": the echoed point keeps
        # the question's comparator for the window comparison
        windowed = replace(q, comparator=echoed_as.comparator) if echoed_as and not q.comparator else q
        ctx = claim_context(clause, q, clause_quantities, sentence, question)
        best_eq: tuple[float, int, Quantity] | None = None
        best_diff: tuple[float, int, Quantity] | None = None
        best_own: tuple[float, int, Quantity] | None = None
        for eq in index.quantities:
            e = eq.quantity
            bare_count = q.kind == "count" and e.kind == "count" and not e.unit
            if not compatible(q, e) and not bare_count:
                continue
            if e.kind == "money" and e.lo == 0 and e.text.lower() == "free" and q.lo > 0:
                continue  # "free" is a condition ("free over 50 EUR"), not a rival amount
            score = context_score(ctx, eq.context, index) - CONDITION_PENALTY * unmatched_share(
                eq.own, ctx, index, eq.alternatives
            )
            same = equal(q, e) or window_consistent(windowed, e, negated) is True or (bare_count and q.lo == e.lo)
            key = (score, eq.sentence, e)
            if same:
                if best_eq is None or score > best_eq[0]:
                    best_eq = key
            elif any(equal(e, c) for c in stated):
                if not bare_count and (best_own is None or score > best_own[0]):
                    best_own = key
            elif not bare_count and (best_diff is None or score > best_diff[0]):
                best_diff = key
        own_value = best_diff is None and best_own is not None
        if own_value:
            best_diff = best_own
        if best_eq is None and best_diff is None:
            findings.append(_unsupported_or_echo(q, echoed, negated))
            continue
        if best_eq is not None and (
            bare or best_diff is None or best_eq[0] >= best_diff[0] - EQUAL_MARGIN or best_diff[0] < MIN_CONTEXT
        ):
            note = "number_match" if equal(q, best_eq[2]) else "number_consistent"
            reason = f"{note}: {format_pair(q, best_eq[2])}"
            findings.append(NumberFinding(q, "match", evidence=best_eq[1], other=best_eq[2], reason=reason))
            continue
        if best_diff is not None and best_diff[0] >= MIN_CONTEXT:
            other = best_diff[2]
            if negated and window_consistent(windowed, other, negated) is None:
                # "it is not 45 days": a negated different number does not contradict
                findings.append(NumberFinding(q, "skipped", evidence=best_diff[1], other=other))
                continue
            reason = f"number_mismatch: {format_pair(q, other)}"
            findings.append(
                NumberFinding(q, "mismatch", evidence=best_diff[1], other=other, reason=reason, own_value=own_value)
            )
            continue
        findings.append(_unsupported_or_echo(q, echoed, negated))
    return [_derived_or_premise(f, sentence, question_quantities, index) for f in findings]


_COUNTED_WINDOW = 4


def _counted_in_evidence(q: Quantity, sentence: str, index: EvidenceIndex) -> int | None:
    """A count whose noun comes after other words ("the eight screws on the bottom cover" against
    "Remove the 8 Torx T5 screws from the bottom cover", "ten Y-pegs" against "Y-pegs: quantity
    10"): an evidence count of the same value in a clause that has the claim's counted noun."""
    after = content_stems(sentence[q.end :])[:_COUNTED_WINDOW]
    if not after:
        return None
    for eq in index.quantities:
        e = eq.quantity
        if e.kind == "count" and e.lo == q.lo and e.hi == q.hi and any(w in eq.own for w in after[:2]):
            return eq.sentence
    return None


def _derived_or_premise(
    f: NumberFinding, sentence: str, question_quantities: list[Quantity], index: EvidenceIndex
) -> NumberFinding:
    """A number the passages do not state, or state differently, that is the customer's own date
    or amount restated, or that the answer works out from the customer's numbers and the policy."""
    if f.status not in {"mismatch", "unsupported"}:
        return f
    q = f.quantity
    echoed = any(equal(q, qq) and q.kind == qq.kind for qq in question_quantities)
    if q.kind == "count" and f.status == "unsupported":
        # "all three come from one order" for "three shirts": the customer's count, another noun
        if any(qq.kind == "count" and qq.lo == q.lo and qq.hi == q.hi for qq in question_quantities):
            return replace(f, status="skipped", reason=f"premise: the customer's {q.describe()}")
        counted = _counted_in_evidence(q, sentence, index)
        if counted is not None:
            return replace(f, status="match", evidence=counted, reason=f"number_match: {q.describe()} (counted noun)")
    if echoed and (q.kind == "date" or (f.status == "unsupported" and q.kind in {"money", "time", "duration"})):
        return replace(f, status="skipped", reason=f"premise: the customer's {q.describe()}")
    if echoed and f.status == "mismatch" and f.other is not None:
        # "a 16 cm glass is too tall" against "cups from 7 to 14 cm": the customer's value placed
        # on the right side of the limit
        inside = _premise_inside(q, f.other)
        stated = stated_relation(sentence, q)
        if inside is not None and stated is not None and inside == stated:
            return replace(f, status="skipped", reason=f"premise: {q.describe()} against {f.other.describe()}")
    # overriding a rival passage value needs the customer's numbers; an unsupported number may
    # also follow from another number of its own sentence ("5 x 9.95 EUR = 49.75 EUR")
    own = extract_quantities(sentence) if f.status == "unsupported" else []
    how = derivation(q, question_quantities, own, [eq.quantity for eq in index.quantities])
    if how is None:
        return f
    return replace(f, status="match", reason=f"number_derived: {q.describe()} ({how})")


def check_negation(
    text: str, negated_override: bool | None, index: EvidenceIndex, particle: str | None = None
) -> NegationFinding | None:
    """A claim clause whose best-matching evidence clause has the opposite polarity. The
    negated side's predicate ("can't be *returned*") must occur on the other side, so that a
    negation about something else ("with no *minimum*") does not count; a same-polarity clause
    only blocks the finding when it is about that predicate too. Conditions ("if you don't
    cancel") are not compared. An FAQ's bare "No."/"Yes." (which stands for its question) does
    not contradict the clauses of an answer that opens with the same particle (`particle`): they
    explain the same answer ("No, once it is Processing nobody can cancel it, customer service
    included")."""
    if negated_override is not None:
        parts = [text]
    else:
        parts = polarity_clauses(mask(text, extract_quantities(text)), asserted_only=True)
    for part in parts:
        stems = list(dict.fromkeys(content_stems(part)))
        if len(stems) < 2:
            continue
        claim_neg = negated_override if negated_override is not None else is_negated(part)
        claim_pred = negated_predicate(part) if claim_neg and negated_override is None else None
        if claim_neg and negated_override is None and claim_pred is None:
            continue  # "the months you haven't used": the negation is about nothing checkable
        same_clauses: list[tuple[float, frozenset[str]]] = []
        opposite: list[tuple[float, int, str | None]] = []
        for i, sentence in enumerate(index.sentences):
            complement: bool | None = None
            for clause in sentence.clauses:
                if sum(1 for w in stems if w in clause.stems) < 2:
                    continue
                cov = weighted_coverage(stems, clause.stems, index)
                if clause.negated == claim_neg:
                    same_clauses.append((cov, clause.stems))
                    continue
                if complement is None:
                    complement = complementary_limits(text, sentence.text)
                if complement:
                    continue  # "can within 30 days" against "can't after 30 days"
                if claim_pred is not None and claim_pred not in clause.stems:
                    continue
                if clause.predicate is not None and clause.predicate not in stems:
                    continue
                if clause.faq and particle is not None and clause.negated == (particle == "no"):
                    continue  # the answer's own "No, ..." agrees with the FAQ's "No."
                opposite.append((cov, i, claim_pred or clause.predicate))
        for cov, i, predicate in sorted(opposite, key=lambda t: (-t[0], t[1])):
            if cov < NEGATION_MIN_COVERAGE:
                break
            rivals = [c for c, st in same_clauses if predicate is None or predicate in st]
            if cov >= max(rivals, default=0.0) + NEGATION_MARGIN:
                what = "claim negated, evidence not" if claim_neg else "evidence negated, claim not"
                return NegationFinding(
                    evidence=i, coverage=cov, claim_negated=claim_neg, reason=f"negation_mismatch: {what}"
                )
    return None


# --- yes/no answers against the help centre's own FAQ answer ------------------------------------
# The FAQ question must match the user's question this well (IDF-weighted, both ways) ...
FAQ_MIN_MATCH = 0.75
# ... and beat any FAQ question answered the other way by this much.
FAQ_MARGIN = 0.15


@dataclass
class ScopeFinding:
    evidence: int
    reason: str  # "<rule>: <why>", shown to reviewers
    rule: str  # the rule that fired, e.g. "only_mismatch"


def _closed_question(question: str) -> bool:
    from core.grounding.claims import _AUX_QUESTION

    return bool(question) and bool(_AUX_QUESTION.match(question.strip()))


def check_answer_particle(sentence: str, question: str, index: EvidenceIndex) -> ScopeFinding | None:
    """ "Yes, ..." to a closed question that the passages answer "No." under (nearly) the same
    FAQ question, or the reverse. Only FAQ answers that open with a particle count, and the
    FAQ question must clearly be the user's question."""
    from core.grounding.text import answer_particle

    particle = answer_particle(sentence)
    if particle is None or not _closed_question(question):
        return None
    q_stems = list(dict.fromkeys(content_stems(question)))
    if len(q_stems) < 2:
        return None
    q_negated = is_negated(question)
    scored: list[tuple[float, int, str]] = []
    for i, s in enumerate(index.sentences):
        if s.is_heading or not s.heading.endswith("?") or i == 0:
            continue
        prev = index.sentences[i - 1]
        if not (prev.is_heading and prev.text == s.heading):
            continue  # only the first sentence under the FAQ question gives its answer
        faq_particle = answer_particle(s.text)
        if faq_particle is None:
            continue
        # "Membership FAQ: Does it include ...?": the article's title is not part of the question
        faq_question = s.heading.rsplit(": ", 1)[-1]
        h_stems = list(dict.fromkeys(content_stems(faq_question)))
        match = min(
            weighted_coverage(q_stems, frozenset(h_stems), index),
            weighted_coverage(h_stems, frozenset(q_stems), index),
        )
        # the FAQ's answer as an answer to the user's question (a negated question flips it)
        answer = faq_particle if is_negated(s.heading) == q_negated else ("no" if faq_particle == "yes" else "yes")
        scored.append((match, i, answer))
    if not scored:
        return None
    best = max(scored, key=lambda t: (t[0], -t[1]))
    if best[0] < FAQ_MIN_MATCH or best[2] == particle:
        return None
    rivals = [m for m, _, a in scored if a == particle]
    if rivals and max(rivals) > best[0] - FAQ_MARGIN:
        return None
    return ScopeFinding(
        evidence=best[1],
        reason=f"answer_mismatch: claim says {particle}, the help centre says {best[2]}",
        rule="answer_mismatch",
    )


# --- a claim that drops the evidence's condition ----------------------------------------------------
_UNIVERSAL = re.compile(
    r"\b(?:always|every|everything|everyone|any|anything|all|whatever|whichever|regardless|no matter)\b", re.I
)
_RESTRICTION = re.compile(
    r"\b(?:only|if|unless|except|excluding|as long as|provided|but not|not for|apart from)\b", re.I
)
# a claim that states a condition of its own is not stated without limits
_CLAIM_CONDITION = re.compile(r"\b(?:when|whenever|once|while|after|before|until|within)\b", re.I)
_QUALIFIER = re.compile(r"\b(?:whatever|whichever|regardless of|no matter)\b[^,.;:!?]*", re.I)
# the claim's words the evidence sentence must cover (IDF-weighted) to be about the same thing
SCOPE_MIN_COVERAGE = 0.6


def check_scope(text: str, index: EvidenceIndex) -> ScopeFinding | None:
    """A claim stated without limits ("Return shipping is always free") whose evidence states it
    under a condition ("Return shipping is free if the item is faulty"). Not when the claim has
    a condition of its own, nor when the evidence sentence says "always"/"every" too."""
    body = strip_answer_particle(text)
    universal = _UNIVERSAL.search(body)
    if universal is None or _RESTRICTION.search(body) or _CLAIM_CONDITION.search(body):
        return None
    # "whatever the reason", "regardless of the item": the qualifier's own words are not the topic
    topic = _QUALIFIER.sub(" ", body)
    stems = list(dict.fromkeys(content_stems(mask(topic, extract_quantities(topic)))))
    if len(stems) < 2:
        return None
    scored = []
    for i, s in enumerate(index.sentences):
        if s.is_heading:
            continue
        scored.append((weighted_coverage(stems, s.context_stems, index), i))
    if not scored:
        return None
    top = max(c for c, _ in scored)
    if top < SCOPE_MIN_COVERAGE:
        return None
    best = [i for c, i in scored if c >= top - 0.05]
    if any(_UNIVERSAL.search(index.sentences[i].text) for i in best):
        return None
    for i in best:
        m = _RESTRICTION.search(index.sentences[i].text)
        if m:
            return ScopeFinding(
                evidence=i,
                reason=f"scope_mismatch: claim says '{universal.group(0).lower()}', the evidence says '{m.group(0).lower()}'",
                rule="scope_mismatch",
            )
    return None


# --- "only X" against an evidence list of X and others -------------------------------------------
_AUX_WORDS = (
    r"can|can't|cannot|could|is|isn't|are|aren't|will|won't|must|may|do|don't|does|doesn't|have|has|get|gets"
    r"|qualify|qualifies|need|needs|count|counts"
)
_ONLY_SUBJECT = re.compile(
    rf"(?:^|[;:]\s*|,\s+|\b(?:that|so|and)\s+)(?:only|just)\s+(?P<x>(?:(?!(?:{_AUX_WORDS})\b)[\w'’&-]+\s+){{1,5}}?)"
    rf"(?P<pred>(?:{_AUX_WORDS})\b[^;,.!?]*)",
    re.I,
)
_AUX = re.compile(rf"\b(?:{_AUX_WORDS})\b", re.I)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+", re.I)


def _items(text: str) -> list[frozenset[str]]:
    return [frozenset(st) for st in (content_stems(p) for p in _LIST_SPLIT.split(text)) if st]


def check_only(text: str, index: EvidenceIndex) -> ScopeFinding | None:
    """ "Only X can't be returned" whose evidence sentence gives the same predicate to a list of X
    and other items ("Gift cards, downloads and software cannot be returned"). The list must be
    the evidence sentence's subject (before the predicate), the predicate must have the claim's
    polarity and all its content words, and one listed item must share no word with X."""
    body = strip_answer_particle(text)
    for m in _ONLY_SUBJECT.finditer(body):
        claim_items = _items(m.group("x"))
        pred = m.group("pred")
        pred_stems = set(content_stems(pred))
        if not claim_items or not pred_stems:
            continue
        pred_neg = is_negated(pred)
        claim_words = frozenset().union(*claim_items)
        for i, s in enumerate(index.sentences):
            if s.is_heading:
                continue
            for a in _AUX.finditer(s.text):
                rest = s.text[a.start() :]
                rest = re.split(r"[;.!?]|,\s", rest, maxsplit=1)[0]
                if is_negated(rest) != pred_neg or not pred_stems <= set(content_stems(rest)):
                    continue
                items = _items(s.text[: a.start()])
                if len(items) < 2 or not any(c <= e or len(c & e) * 2 >= len(c) for c in claim_items for e in items):
                    continue
                others = [e for e in items if not (e & claim_words)]
                if others:
                    return ScopeFinding(
                        evidence=i,
                        reason=f"only_mismatch: claim says only {m.group('x').strip()}, the evidence lists more",
                        rule="only_mismatch",
                    )
                break  # the first predicate of the sentence is the one its list belongs to
    return None


# --- a claim that restates an FAQ question with the opposite of its yes/no answer ----------------
# the claim's proposition must be covered by the FAQ question this well (it adds nothing) ...
FAQ_CLAIM_COVERAGE = 0.9
_LEADING_AUX = re.compile(rf"^\s*(?:{_AUX_WORDS}|be|been|also|then|therefore)\b", re.I)


def _propositions(body: str) -> list[str]:
    """Asserted clauses of a claim; a conjunct without a subject ("... and can't be returned")
    takes the subject of the clause before it ("sale items can't be returned")."""
    parts = polarity_clauses(mask(body, extract_quantities(body)), asserted_only=True)
    out: list[str] = []
    subject = ""
    for p in parts:
        if _LEADING_AUX.match(p) and subject:
            out.append(f"{subject} {p}")
            continue
        out.append(p)
        aux = _AUX.search(p)
        subject = p[: aux.start()] if aux else ""
    return out


def check_faq_polarity(text: str, index: EvidenceIndex) -> ScopeFinding | None:
    """A claim that states an FAQ question's proposition ("sale items can't be returned") with
    the opposite polarity of the FAQ's own "Yes."/"No." answer ("Can I return sale items? Yes,
    ..."). The claim is matched to the FAQ question itself, both ways, and must add nothing to
    it: no numbers, conditions or restrictions, and no words the question lacks."""
    from core.grounding.text import answer_particle

    body = strip_answer_particle(text)
    if extract_quantities(body) or _RESTRICTION.search(body) or _CLAIM_CONDITION.search(body):
        return None
    faqs: list[tuple[int, list[str], bool]] = []
    for i, s in enumerate(index.sentences):
        if s.is_heading or not s.heading.endswith("?") or i == 0:
            continue
        prev = index.sentences[i - 1]
        if not (prev.is_heading and prev.text == s.heading):
            continue
        particle = answer_particle(s.text)
        if particle is None:
            continue
        faq_question = s.heading.rsplit(": ", 1)[-1]
        affirmed = (particle == "yes") != is_negated(faq_question)
        faqs.append((i, list(dict.fromkeys(content_stems(faq_question))), affirmed))
    if not faqs:
        return None
    for part in _propositions(body):
        stems = list(dict.fromkeys(content_stems(part)))
        if len(stems) < 2:
            continue
        claim_true = not is_negated(part)
        scored = []
        for i, h_stems, affirmed in faqs:
            if len(h_stems) < 2:
                continue
            forward = weighted_coverage(stems, frozenset(h_stems), index)
            backward = weighted_coverage(h_stems, frozenset(stems), index)
            scored.append((min(forward, backward), forward, i, affirmed))
        if not scored:
            continue
        match, forward, i, affirmed = max(scored, key=lambda t: (t[0], -t[2]))
        if match < FAQ_MIN_MATCH or forward < FAQ_CLAIM_COVERAGE or affirmed == claim_true:
            continue
        if any(m > match - FAQ_MARGIN and a == claim_true for m, _, _, a in scored):
            continue
        said = "yes" if affirmed else "no"
        how = "affirms" if claim_true else "denies"
        return ScopeFinding(
            evidence=i,
            reason=f"faq_polarity_mismatch: the claim {how} what the FAQ answers {said}",
            rule="faq_polarity_mismatch",
        )
    return None


# --- two values swapped between their subjects ----------------------------------------------------
_BIND_CUT = re.compile(r"[,;:]|\b(?:and|but|while|whereas|or)\b", re.I)
_STATE_WORDS = re.compile(r"\b(?:on|off)\b", re.I)


def _bound_words(text: str, quantities: list[Quantity]) -> list[set[str]]:
    """Per quantity, the words that belong to it: the stretch before it back to the previous
    quantity's cut (a separator or conjunction between two quantities splits the stretch: the part
    before it goes with the earlier one) and, for the last one, the rest of the sentence. "on"/"off"
    count as words ("with ANC on")."""
    masked = mask(text, quantities)

    def words(chunk: str) -> set[str]:
        return set(content_stems(chunk)) | {w.lower() for w in _STATE_WORDS.findall(chunk)}

    out: list[set[str]] = [set() for _ in quantities]
    out[0] |= words(masked[: quantities[0].start])
    for k in range(len(quantities) - 1):
        gap = masked[quantities[k].end : quantities[k + 1].start]
        cut = _BIND_CUT.search(gap)
        if cut is None:
            out[k + 1] |= words(gap)
            continue
        out[k] |= words(gap[: cut.start()])
        out[k + 1] |= words(gap[cut.end() :])
    out[-1] |= words(masked[quantities[-1].end :])
    return out


def check_binding(text: str, index: EvidenceIndex) -> ScopeFinding | None:
    """A claim that states two (or more) different values of one evidence sentence with their
    subjects exchanged ("the floor 3,000 mm and the flysheet 5,000 mm" against "the flysheet has
    3,000 mm, and the floor 5,000 mm"). Words bound to exactly one value on both sides are
    compared: words moved from one value to another and others moved back (an exchange), at
    least as many moved words as words that stay, make a swap."""
    body = strip_answer_particle(text)
    claim_qs = [q for q in extract_quantities(body) if not (q.kind == "count" and not q.unit)]
    if len(claim_qs) < 2 or len({(q.kind, q.lo, q.hi) for q in claim_qs}) < len(claim_qs):
        return None
    for i, s in enumerate(index.sentences):
        if s.is_heading:
            continue
        ev_qs = [q for q in s.quantities if not (q.kind == "count" and not q.unit)]
        pairing = []
        for q in claim_qs:
            hits = [k for k, e in enumerate(ev_qs) if equal(q, e)]
            if len(hits) != 1:
                break
            pairing.append(hits[0])
        if len(pairing) != len(claim_qs) or len(set(pairing)) != len(pairing):
            continue
        claim_words = _bound_words(body, claim_qs)
        ev_words = _bound_words(s.text, ev_qs)
        moves: set[tuple[int, int]] = set()
        swapped = same = 0
        for a in range(len(claim_qs)):
            own = claim_words[a] - set().union(*(claim_words[b] for b in range(len(claim_qs)) if b != a))
            for w in own:
                holders = [k for k in set(pairing) if w in ev_words[k]]
                if len(holders) != 1:
                    continue
                if holders[0] == pairing[a]:
                    same += 1
                else:
                    swapped += 1
                    moves.add((pairing[a], holders[0]))
        # an exchange: words moved from value a to b and others from b to a (an elliptical second
        # clause, "and the floor 5,000 mm", moves words one way only)
        exchanged = any((b, a) in moves for a, b in moves)
        if exchanged and swapped >= same:
            return ScopeFinding(
                evidence=i,
                reason="binding_mismatch: the claim gives the values to the other subjects",
                rule="binding_mismatch",
            )
    return None


# --- a state word swapped for its opposite (steady/flashing light, power on/off) ------------------
# each group: two sides of opposite states; a claim word of one side against evidence with the other
_STATES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"\b(?:steady|steadily|solid|constant|constantly|continuous|lit|glowing)\b", re.I),
        re.compile(r"\b(?:flash(?:es|ing)?|blink(?:s|ing)?|puls(?:es|ing)|flicker(?:s|ing)?)\b", re.I),
    ),
    (
        re.compile(r"\b(?:is|are|stays?|remains?|turn(?:s|ed)?|switch(?:es|ed)?|goes|go|comes?|left)\s+on\b", re.I),
        re.compile(r"\b(?:is|are|stays?|remains?|turn(?:s|ed)?|switch(?:es|ed)?|goes|go|left)\s+off\b", re.I),
    ),
    (re.compile(r"\b(?:enabled|activated)\b", re.I), re.compile(r"\b(?:disabled|deactivated)\b", re.I)),
    (re.compile(r"\b(?:locked)\b", re.I), re.compile(r"\b(?:unlocked)\b", re.I)),
)
# the claim's other words the evidence sentence must cover (IDF-weighted) ...
STATE_MIN_COVERAGE = 0.6
# ... better than any sentence that has the claim's own state word, by this much
STATE_MARGIN = 0.1


def check_state(text: str, index: EvidenceIndex) -> ScopeFinding | None:
    """A claim that gives a thing the opposite state of the evidence sentence about it: "a
    flashing red light means charging" against "Steady red: charging", "power to the device is on"
    against "... is off". The evidence sentence must cover the claim's other words and have the
    opposite word but not the claim's own, and no sentence with the claim's word may cover it as
    well."""
    body = strip_answer_particle(text)
    for a_side, b_side in _STATES:
        for mine, other in ((a_side, b_side), (b_side, a_side)):
            if not mine.search(body) or other.search(body):
                continue
            rest = mine.sub(" ", body)
            stems = list(dict.fromkeys(content_stems(mask(rest, extract_quantities(rest)))))
            if len(stems) < 2:
                continue
            best_other: tuple[float, int] | None = None
            best_mine = 0.0
            for i, sent in enumerate(index.sentences):
                if sent.is_heading:
                    continue
                has_mine, has_other = bool(mine.search(sent.text)), bool(other.search(sent.text))
                if not (has_mine or has_other):
                    continue
                cov = weighted_coverage(stems, sent.context_stems, index)
                if has_mine:
                    best_mine = max(best_mine, cov)
                elif best_other is None or cov > best_other[0]:
                    best_other = (cov, i)
            if best_other is None or best_other[0] < STATE_MIN_COVERAGE or best_other[0] < best_mine + STATE_MARGIN:
                continue
            word = mine.search(body)
            assert word is not None
            return ScopeFinding(
                evidence=best_other[1],
                reason=f"state_mismatch: claim says '{word.group(0).lower()}', the evidence the opposite",
                rule="state_mismatch",
            )
    return None
