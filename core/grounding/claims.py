"""Splitting an answer into claims, and recognising sentences that are not claims.

A claim is a sentence (bullets and lines count as sentences); long compound sentences are
further cut into clauses for the checks (`clauses`). Greetings, closings ("I hope this helps"),
questions back to the user and bare referrals ("Please contact support") are not claims; a
sentence that says the passages do not cover the question is a claim that needs no evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from core.grounding.numbers import extract_quantities, mask
from core.grounding.text import answer_particle, content_stems, strip_answer_particle
from core.sentences import sentence_pieces
from core.text import plain_text

SentenceKind = Literal["claim", "greeting", "closing", "question", "referral", "filler", "declines"]

_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear\b.*|greetings|good (?:morning|afternoon|evening)|thanks? (?:you )?for (?:reaching out|your "
    r"(?:question|message|patience))|thank you|thanks)\b[^.!?]{0,40}[.!?,]*$",
    re.I,
)
_CLOSING = re.compile(
    r"\b(?:i hope (?:this|that) helps|hope (?:this|that) helps|let (?:me|us) know if|feel free to|is there anything else"
    r"|anything else (?:i|we) can|happy to help|glad (?:i|we) could help|have a (?:great|nice|good|lovely|wonderful) day"
    r"|do(?:n't| not) hesitate to|if you have any (?:other|more|further|additional)? ?questions|enjoy your"
    r"|we(?:'re| are) (?:always )?here to help|thanks? (?:you )?for (?:shopping|choosing|your patience))",
    re.I,
)
_REFERRAL = re.compile(
    r"^(?:please |you (?:can|may|could|should) (?:also )?|i (?:would )?(?:recommend|suggest) (?:you )?|for (?:more|further) "
    r"(?:details|information|help),? (?:please )?)?(?:contact|reach out to|get in touch with|ask|check with|refer to|see|"
    r"visit|consult)\b.{0,60}\b(?:support|customer (?:service|care)|service team|team|us|help ?cent(?:re|er)|agents?|"
    r"article|page|faq)\b[^.!?]{0,40}[.!]?$",
    re.I,
)
# offers to hand the chat to a person ("I can connect you with someone from our team if you'd like")
_OFFER = re.compile(
    r"^(?:if you(?:'d| would)? (?:like|prefer|want)(?: to)?,?\s*)?(?:i|we) (?:can|could|will|'ll|am happy to|'m happy to)"
    r" (?:also |gladly |happily )?(?:connect|pass|put|transfer|hand|refer|forward|escalate)\b.{0,40}"
    r"\b(?:person|someone|somebody|colleague|agent|human|team|specialist|member of)\b[^.!?;]{0,60}[.!]?$",
    re.I,
)
# short stance sentences with nothing to check ("Sorry about that!", "That's expected.", "No worries!")
_STANCE_STEMS = frozenset(
    {
        "sorri",
        "afraid",
        "expect",
        "normal",
        "worri",
        "absolut",
        "complet",
        "unfortun",
        "great",
        "good",
        "news",
        "glad",
        "happi",
        "sure",
        "certain",
        "cours",
        "definit",
        "easili",
        "total",
        "entir",
        "perfect",
        "understand",
        "understood",
        "apolog",
        "annoy",
        "frustrat",
        "hear",
        "inconveni",
        "quit",
        "realli",
    }
)
_STANCE_MAX_WORDS = 6
_CHANNEL = re.compile(r"\b(?:phone|call|chat|whatsapp|email|e-mail|form|hotline|\d)", re.I)
_FILLER = re.compile(
    r"^(?:sure|certainly|of course|absolutely|great question|good question|no problem|i understand|i see|okay|ok|"
    r"here(?:'s| is| are) (?:what|how|the|some)\b[^.!?]*|based on (?:the|our) [^.!?]*|according to (?:the|our) [^.!?]*|"
    r"that(?:'s| is) (?:our|the) (?:standard|usual|normal|general) (?:policy|process|procedure|rule))"
    r"[.!:,]*$",
    re.I,
)
_DECLINES = re.compile(
    r"\b(?:i (?:do not|don't|dont) (?:have|know|see)|i (?:could not|couldn't|can't|cannot) (?:find|see|confirm|tell)|"
    r"(?:is|are) not (?:covered|mentioned|specified|stated|included) in|(?:isn't|aren't|not) (?:covered|mentioned|specified|"
    r"stated) (?:in|by)|no information (?:about|on|regarding)|(?:the|our|my) (?:passages?|documents?|articles?|help ?cent(?:re|er)|"
    r"information|context|sources?)(?: (?:i|we) (?:have|was given|can see|found))? (?:do(?:es)? not|don't|doesn't|never) "
    r"(?:mention|say|cover|specify|contain|include|give|list|state|provide|tell|show|describe|address)|"
    r"i(?:'m| am) not (?:sure|able to (?:find|confirm)))\b",
    re.I,
)
# discourse markers that carry no claim: stripped before a sentence is checked
_DISCOURSE = re.compile(
    r"^(?:(?:to answer your question|according to (?:our|the) (?:policy|policies|help ?cent(?:re|er)|information|articles?|"
    r"passages?|documents?)|based on (?:our|the) (?:policy|policies|information|help ?cent(?:re|er)|articles?|passages?)(?: provided)?"
    r"|in short|in summary|in other words|just so you know|please note(?: that)?|good to know|note that|here's how it works"
    r"|what (?:i|we) can (?:tell you|say|confirm) is(?: that)?"
    r"|here is how it works|simply put|basically|to summari[sz]e|as a reminder|good news|great news|the good news is)"
    r"[,:!-]?\s+)+",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")
_HEADING = re.compile(r"^#+\s*")
_GLUED = re.compile(r"(?<=[a-z0-9)\]])([.!?])(?=[A-Z][a-z])")
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:;|:(?=\s)|,\s*(?=(?:and|but|while|whereas|although|though|so|plus|however|or)\s)|\s+-\s+|\s+—\s+|"
    r",?\s+(?=(?:but|whereas|while|although|though)\s))\s*",
    re.I,
)
_AUX_QUESTION = re.compile(
    r"^\s*(?:can|could|is|are|was|were|do|does|did|will|would|should|shall|may|might|must|have|has|am)\b", re.I
)


@lru_cache(maxsize=8192)
def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences of an answer or a passage (core.sentences: lines, then the sentence rule),
    without their list markers, heading marks and inline markup (core.text), a glued full stop given its blank."""
    out: list[str] = []
    for piece in sentence_pieces(text):
        sentence = _HEADING.sub("", _BULLET.sub("", piece).strip())
        sentence = _GLUED.sub(r"\1 ", plain_text(sentence))
        if sentence:
            out.append(sentence)
    return tuple(out)


def sentence_kind(sentence: str) -> SentenceKind:
    s = sentence.strip()
    words = len(s.split())
    has_numbers = bool(extract_quantities(s))
    if _DECLINES.search(s) and not has_numbers:
        return "declines"
    if s.endswith("?"):
        return "question"
    if _GREETING.match(s) and words <= 10:
        return "greeting"
    if _FILLER.match(s) and words <= 12:
        return "filler"
    if _CLOSING.search(s) and not has_numbers and words <= 25:
        return "closing"
    if _REFERRAL.match(s) and not has_numbers and not _CHANNEL.search(s) and words <= 20:
        return "referral"
    if _OFFER.match(s) and not has_numbers and words <= 25:
        return "referral"
    apology = re.match(
        r"^\W*(?:i'?m |we'?re )?(?:so |really )?sorry (?:about|for|to hear)\b|^\W*no (?:worries|problem)\b", s, re.I
    )
    if words <= _STANCE_MAX_WORDS and not has_numbers and (answer_particle(s) is None or apology):
        stems = content_stems(s)
        if all(w in _STANCE_STEMS for w in stems) and re.search(r"[A-Za-z]", s):
            return "filler"
    if not re.search(r"[A-Za-z0-9]", s):
        return "filler"
    return "claim"


def split_claims(answer: str) -> list[str]:
    """The checkable claims of an answer, in order (non-claims left out)."""
    return [s for s in split_sentences(answer) if sentence_kind(s) == "claim"]


def clauses(sentence: str) -> list[str]:
    """Cut a sentence into clauses where each part can stand alone (>= 2 content words);
    otherwise the sentence is one clause."""
    parts = [p.strip(" ,") for p in _CLAUSE_SPLIT.split(sentence) if p and p.strip(" ,")]
    if len(parts) <= 1:
        return [sentence]
    merged: list[str] = []
    for part in parts:
        if merged and (len(content_stems(part)) < 2 or len(content_stems(merged[-1])) < 2):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged


@dataclass(frozen=True)
class ResolvedClaim:
    """What a sentence asserts, after resolving a bare "Yes."/"No, you can't." against the question."""

    text: str  # the text whose words and numbers are checked
    negated_override: bool | None  # polarity forced by a yes/no answer to a closed question
    from_question: bool


def strip_discourse(sentence: str) -> str:
    """ "To answer your question, returns are free." -> "returns are free." """
    for _ in range(3):
        stripped = _DISCOURSE.sub("", sentence, count=1).strip()
        if stripped == sentence or not stripped:
            break
        sentence = stripped
    return sentence


def resolve_against_question(sentence: str, question: str) -> ResolvedClaim:
    particle = answer_particle(sentence)
    if particle is not None:
        rest = strip_discourse(strip_answer_particle(sentence))
        sentence = (sentence[: len(sentence) - len(strip_answer_particle(sentence))] + rest) if rest else sentence
    else:
        sentence = strip_discourse(sentence) or sentence
    if particle is None:
        return ResolvedClaim(text=sentence, negated_override=None, from_question=False)
    rest = strip_answer_particle(sentence)
    if len(content_stems(rest)) >= 2 or extract_quantities(rest):
        return ResolvedClaim(text=rest, negated_override=None, from_question=False)
    if not question or not _AUX_QUESTION.match(question):
        return ResolvedClaim(text=rest or sentence, negated_override=None, from_question=False)
    from core.grounding.text import is_negated

    flip = particle == "no" or is_negated(rest)
    negated = is_negated(question) != flip
    return ResolvedClaim(text=question.rstrip(" ?"), negated_override=negated, from_question=True)


# A sentence that only places the customer's own case against the rule the answer states ("Yes,
# you're still in time.", "You're inside the 60-minute window.", "You don't need to!"): its numbers
# are checked, but it has no words of its own for the passages to support.
_SITUATION_SUBJECT = re.compile(
    r"^\W*(?:no problem,?\s*)?(?:you|you're|you are|that|that's|that is|it|it's|it is|this)\b", re.I
)
_RELATION = re.compile(r"\b(?:within|inside|outside|under|below|over|above|before|after|past|beyond)\b", re.I)
_SITUATION_STEMS = frozenset(
    {
        "still",
        "time",
        "window",
        "period",
        "limit",
        "deadlin",
        "insid",
        "elig",
        "late",
        "earli",
        "fine",
        "problem",
        "need",
        "allow",
        "okay",
        "ok",
        "good",
        "alright",
    }
)


def is_situational(text: str) -> bool:
    """`text` (particle and discourse stripped) only relates the customer's situation to a limit."""
    if not _SITUATION_SUBJECT.match(text):
        return False
    quantities = extract_quantities(text)
    stems = content_stems(mask(text, quantities))
    if quantities and not stems and not _RELATION.search(text):
        return False  # "It is free.", "It's 30 days.": a value stated as the rule
    return all(w in _SITUATION_STEMS for w in stems)


# "<rule>, so <what it means for the customer>": the answer applies the rule it states to the
# customer's case. The consequence is the customer's; the rule is what the passages must support.
_CONSEQUENCE = re.compile(
    r"[,;:]\s*(?:so|which means(?: that)?|meaning(?: that)?|that means|therefore|hence|and so)\s+(?=\S)", re.I
)
_CUSTOMER_REFERENCE = re.compile(r"\b(?:you|you're|your|yours|it|it's|its|that|this|they|them|one)\b", re.I)
# words a consequence may use beyond the passages' and the question's: where the customer stands
CONSEQUENCE_STEMS = _SITUATION_STEMS | frozenset(
    {
        "left",
        "remain",
        "past",
        "expect",
        "keep",
        "back",
        "appear",
        "possibl",
        "wait",
        "well",
        "littl",
        "bit",
        "last",
        "latest",
        "earliest",
        "anymor",
        "longer",
        "yet",
        "hear",
        "get",
        "make",
        "mean",
        "work",
        "use",
        "happen",
        "sure",
    }
)


def consequence_split(text: str) -> tuple[str, str] | None:
    """(rule, consequence) when `text` states a rule and then applies it to the customer's case;
    the rule must have words of its own (>= 3 content words)."""
    m = _CONSEQUENCE.search(text)
    if m is None:
        return None
    rule, consequence = text[: m.start()].strip(), text[m.end() :].strip()
    if len(content_stems(mask(rule, extract_quantities(rule)))) < 3 or not _CUSTOMER_REFERENCE.search(consequence):
        return None
    return rule, consequence


# the start of an offer to hand over to a person, whatever follows ("...; you can ask for one at
# any time during chat hours (08:00-22:00 CET)")
_OFFER_START = re.compile(
    r"^(?:if [^,;.]{0,40},\s*)?(?:i|we) (?:can|could|will|'ll|am happy to|'m happy to)"
    r" (?:also |gladly |happily )?(?:connect|pass|put|transfer|hand|refer|forward|escalate)\b.{0,40}"
    r"\b(?:person|someone|somebody|colleague|agent|human|team|specialist|member of)\b",
    re.I,
)


def is_offer(sentence: str) -> bool:
    """An offer to hand the chat over to a person (its numbers, such as opening hours, are checked)."""
    return bool(_OFFER_START.match(sentence.strip())) and len(sentence.split()) <= 35


def answer_sentence_kind(sentence: str, question: str) -> SentenceKind:
    """`sentence_kind` with the question: a sentence that says the passages do not cover something
    is a decline even when it repeats the customer's numbers ("I have no information about a
    3-seat version")."""
    kind = sentence_kind(sentence)
    if kind != "claim" or not question or not _DECLINES.search(sentence):
        return kind
    asked = extract_quantities(question)
    own = extract_quantities(sentence)
    if all(any(q.lo == a.lo and q.hi == a.hi and q.kind == a.kind for a in asked) for q in own):
        return "declines"
    return kind
