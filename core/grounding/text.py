"""Shared text normalisation for the grounding guard: content stems, negation cues and a small
support-domain synonym lexicon, so that "send back" and "return" (or "delivery" and "shipping")
count as the same word while numbers and negations are left to `numbers.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nltk.stem.porter import PorterStemmer

from core.text import expand_contractions

STOP_WORDS = frozenset(
    """a about above across after again against all almost already also although always am among an and any
    anyone anything are around as at available be because been before being below between both but by can
    could did do does doing done during each either else etc even ever every everything few for from
    further get gets getting got had has have having he her here hers him his how however i if in into is
    it its itself just let lets like made make makes many may me might more most much must my need needs
    of off on once only onto or other our ours out over own per please pls quite rather really same see
    she should simply since so some something soon still such sure than thank thanks that the their theirs
    them then there these they thing things this those though through thus to too under until up upon us
    use used using very via want was way we well were what whatever when whenever where whether which
    while who whom whose why will with within would yes yet you your yours yourself also hi hello hey
    okay ok great happy glad help hope note kindly just able unfortunately good news one ones unless instead
    beforehand afterwards particular certain""".split()
)

# Words that flip a clause's polarity. Contractions are expanded first ("can't" -> "can not").
NEGATION_CUES = frozenset({"not", "no", "never", "none", "nothing", "neither", "nobody", "without", "cannot"})

# Phrase-level rewrites applied to lower-cased text, contractions expanded, before tokenising (order matters).
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"\bno longer\b", "not"),
        (r"\bnot only\b", "also"),
        (r"\bno matter\b", "regardless"),
        (r"\bnon-?(\w+(?:able|ible))\b", r"not \1"),  # "non-returnable" negates; "non-Muslim" does not
        (r"\bnon-(\w)", r"non\1"),
        (r"\bunable to\b", "not able to"),
        (r"\bimpossible\b", "not possible"),
        (r"\bunavailable\b", "not available"),
        (r"\bexclud(?:e|es|ed|ing)\b", "not included"),
        (r"\b(?:prohibited|forbidden|disallowed)\b", "not allowed"),
        (r"\boptional\b", "not required"),
        (r"\bsen[dt](?:s|ing)? (?:it |them |the \w+ |your \w+ |items? |products? )?back\b", "return"),
        (r"\bbring(?:s|ing)? (?:it |them )?back\b", "return"),
        (r"\bmoney back\b", "refund"),
        (r"\b(?:get|got|getting) in touch(?: with)?\b", "contact"),
        (r"\breach(?:ing)? out(?: to)?\b", "contact"),
        (r"\b(?:sign|log)(?:ging|ged)? (?:in|on)(?:to)?\b", "login"),
        (r"\be-mail", "email"),
        (r"\bcheck(?:ing)? out\b", "checkout"),
        (r"\b(?:pick(?:ing)? up|pickup)\b", "collect"),
        (
            r"\bfree of charge\b|\bat no (?:extra |additional )?(?:cost|charge)\b|\bfor free\b|\bno (?:extra )?charge\b",
            "free",
        ),
        (r"\bworking days?\b", "business days"),
        (r"\bweekdays?\b", "business days"),
        (r"\bunited kingdom\b|\bu\.k\.", "uk"),
        (r"\bgreat britain\b", "uk"),
    ]
]

# Stem-level synonyms (Porter stems on both sides) and narrower words satisfied by their category
# word in the passages: corpus knowledge, loaded from the corpus's lexicon file (`use_lexicon`),
# never written here. Empty until a lexicon is loaded.
_STEM_SYNONYMS: dict[str, str] = {}
HYPERNYMS: dict[str, str] = {}
_LEXICON_PATH: list[str] = [""]


def use_lexicon(path: str | Path | None) -> None:
    """Load a per-corpus lexicon YAML (`stem_synonyms: {stem: stem}`, `hypernyms: {category:
    "stem stem ..."}`), or none (empty/None). Process-wide; cached stems are recomputed."""
    key = str(path or "")
    if key == _LEXICON_PATH[0]:
        return
    synonyms: dict[str, str] = {}
    hypernyms: dict[str, str] = {}
    if key:
        import yaml

        data = yaml.safe_load(Path(key).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{key}: a lexicon is a mapping with stem_synonyms and hypernyms")
        synonyms = {str(k): str(v) for k, v in (data.get("stem_synonyms") or {}).items()}
        for category, narrower in (data.get("hypernyms") or {}).items():
            hypernyms.update(dict.fromkeys(str(narrower).split(), str(category)))
    _STEM_SYNONYMS.clear()
    _STEM_SYNONYMS.update(synonyms)
    HYPERNYMS.clear()
    HYPERNYMS.update(hypernyms)
    _LEXICON_PATH[0] = key
    stem.cache_clear()
    tokens.cache_clear()


def lexicon_path(lexicon: str, docs_source_dir: Path) -> str:
    """GROUNDING_LEXICON: a path, "none", or empty = lexicon.yaml in the documents' folder (or the
    folder above it: a corpus with several document folders) if present."""
    if lexicon.strip().lower() == "none":
        return ""
    if lexicon.strip():
        return lexicon.strip()
    for folder in (docs_source_dir, docs_source_dir.parent):
        if (folder / "lexicon.yaml").is_file():
            return str(folder / "lexicon.yaml")
    return ""


_WORD = re.compile(r"[a-z][a-z0-9']*|[0-9]+(?:[.,:][0-9]+)*")


@lru_cache(maxsize=1)
def _stemmer() -> PorterStemmer:
    return PorterStemmer()


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    base = _stemmer().stem(word.strip("'"))
    return _STEM_SYNONYMS.get(base, base)


@lru_cache(maxsize=32768)
def normalise(text: str) -> str:
    """Lower-case, expand contractions (core.text), rewrite the lexicon's phrases."""
    out = expand_contractions(text.lower())
    for pattern, replacement in _PHRASES:
        out = pattern.sub(replacement, out)
    return out


@dataclass(frozen=True)
class Token:
    word: str  # normalised surface word
    stem: str
    content: bool
    negation: bool


@lru_cache(maxsize=32768)
def tokens(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    for word in _WORD.findall(normalise(text)):
        word = word.rstrip("'")
        if "'" in word:
            base, _, suffix = word.partition("'")
            if suffix in {"s", "re", "ll", "ve", "d", "m"}:
                word = base
        negation = word in NEGATION_CUES
        is_number = word[0].isdigit()
        content = not negation and not is_number and word not in STOP_WORDS and len(word) > 1
        out.append(Token(word=word, stem=stem(word) if content else word, content=content, negation=negation))
    return tuple(out)


def content_stems(text: str) -> list[str]:
    return [t.stem for t in tokens(text) if t.content]


def negation_count(text: str) -> int:
    """Negation cues that flip the polarity. Two kinds do not: a "not even" / "never even" that
    repeats a negation already made ("can't be cancelled, not even by customer service"), and
    "not only" / "not just", which affirm what follows."""
    toks = tokens(text)
    count = 0
    for i, t in enumerate(toks):
        if not t.negation:
            continue
        following = toks[i + 1].word if i + 1 < len(toks) else ""
        if following in {"only", "just"} and t.word == "not":
            continue
        if following == "even" and count:
            continue
        count += 1
    return count


def is_negated(text: str) -> bool:
    """Odd number of negation cues; a leading answer particle ("No, ...") is not a negation."""
    return negation_count(strip_answer_particle(text)) % 2 == 1


_PARTICLE = re.compile(
    r"^\s*(?:(?:unfortunately|sadly|i'm afraid|i am afraid),? (?:not|no)\b|yes|yeah|yep|no|nope|sure|absolutely|of course"
    r"|unfortunately|sorry)\b[\s,.!:;-]*",
    re.I,
)


def answer_particle(text: str) -> str | None:
    """'yes' / 'no' when the sentence opens with one, else None."""
    m = _PARTICLE.match(text)
    if not m:
        return None
    word = m.group(0).strip(" ,.!:;-").lower()
    if word in {"no", "nope", "unfortunately", "sorry"} or word.endswith((" not", " no")):
        return "no"
    return "yes"


def strip_answer_particle(text: str) -> str:
    m = _PARTICLE.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    # "No fee applies" keeps its "no": only strip when a separator followed the particle
    if not re.match(
        r"^\s*(?:yes|yeah|yep|no|nope|sure|absolutely|of course|unfortunately|sorry)\s*[,.!:;-]", text, re.I
    ):
        if m.group(0).strip().lower() in {"no", "nope"}:
            return text
    return rest


def covered(stem_: str, vocabulary: set[str] | frozenset[str]) -> bool:
    """A claim stem is covered by the evidence vocabulary directly or through its category."""
    if stem_ in vocabulary:
        return True
    if stem_.endswith("li") and stem_[:-2] in vocabulary:  # "fully" / "full", "quickly" / "quick"
        return True
    parent = HYPERNYMS.get(stem_)
    return parent is not None and parent in vocabulary


# Words a paraphrase adds freely ("we offer", "our policy", "the process"): novel ones weigh less.
GENERIC_STEMS = frozenset(
    stem(w)
    for w in """offer provide option policy information service store shop process time case way ensure make take keep
    go come know let want like allow give include includ apply applies place arrange simple easy quick quickly
    usually typically normally generally currently regular whole entire number amount
    customer item request want need look find mean means just basically also additional""".split()
)


def negated_predicate(text: str) -> str | None:
    """The first content stem after the first negation cue ("can't be returned" -> "return",
    "no minimum" -> "minimum"): what the negation is about. None when there is none nearby."""
    toks = tokens(strip_answer_particle(text))
    for i, t in enumerate(toks):
        if t.negation:
            for nxt in toks[i + 1 : i + 6]:
                if nxt.content:
                    return nxt.stem
            return None
    return None
