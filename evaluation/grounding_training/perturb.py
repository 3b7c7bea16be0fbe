"""Training claims generated from the corpus: paraphrases of real passage sentences as a model
writes them - reworded, merged, shortened to one clause, numbers spoken ("an hour", "a week"),
FAQ answers restated with their question's subject (supported) - and their perturbations:
swapped numbers, toggled negations, swapped categories (contradicted) and invented policies,
foreign sentences, added clauses (unsupported).

Deterministic for a given seed and corpus. The hand-written evaluation set
(evaluation/datasets/policy_claims_v1/) is never used here."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.grounding.corpus_text import Passage
from core.grounding.numbers import Quantity, extract_quantities
from core.grounding.text import content_stems

Label = str  # "supported" | "contradicted" | "unsupported"


@dataclass(frozen=True)
class Example:
    question: str
    answer: str
    passages: tuple[str, ...]
    label: Label
    kind: str  # generator that made it
    doc: str  # source document (for splitting by document)


_PARAPHRASE = [
    (r"\byou can return\b", ["you can send back", "you're able to return", "it's possible to return"]),
    (r"\bcan be returned\b", ["can be sent back", "are returnable", "can go back to us"]),
    (r"\bwithin\b", ["within", "in", "inside"]),
    (r"\bcosts\b", ["costs", "is", "will cost you"]),
    (r"\bdelivery\b", ["delivery", "shipping"]),
    (r"\bcustomers\b", ["you", "shoppers"]),
    (r"\bpurchase\b", ["purchase", "buy"]),
    (r"\bissued\b", ["paid back", "issued"]),
    (r"\bparcel\b", ["package", "parcel"]),
    (r"\bfree of charge\b", ["free", "at no cost"]),
    (r"\bmembers\b", ["members", "subscribers"]),
    (r"\bitem\b", ["item", "product"]),
    (r"\bwe (?=(?:can|will|may|can't|won't|cannot)\b)", ["we ", "Lumen Market "]),
]
_NUMBER_WORDS = {
    "30 days": ["thirty days", "a month", "30 days"],
    "14 days": ["two weeks", "fourteen days", "14 days"],
    "60 minutes": ["an hour", "one hour", "60 minutes"],
    "7 days": ["a week", "seven days", "7 days"],
    "2 years": ["two years", "2 years"],
    "2-year": ["two-year", "2-year"],
    "3 years": ["three years", "3 years"],
    "24 hours": ["a day", "24 hours"],
    "15%": ["15 percent", "fifteen percent", "15%"],
    "5%": ["5 percent", "five percent"],
    "4.95 EUR": ["€4.95", "4.95 euros", "4.95 EUR"],
    "9.95 EUR": ["€9.95", "9.95 euros"],
    "14.95 EUR": ["€14.95", "14.95 euros"],
    "49 EUR": ["€49", "49 euros"],
    "50 EUR": ["€50", "50 euros"],
    "14:00": ["2 pm", "2pm", "14:00"],
}
_PREFIXES = [
    "",
    "",
    "",
    "Yes, ",
    "Good news: ",
    "Sure! ",
    "According to our policy, ",
    "Just so you know, ",
    "In short, ",
]
_CLOSINGS = [
    "",
    "",
    "",
    " Let me know if you need anything else.",
    " I hope this helps!",
    " Is there anything else I can help with?",
    " Have a great day!",
]
_NEGATE = [
    (r"\bcan't\b", "can"),
    (r"\bcannot\b", "can"),
    (r"\bcan\b", "can't"),
    (r"\bisn't\b", "is"),
    (r"\baren't\b", "are"),
    (r"\bdon't\b", "do"),
    (r"\bdoesn't\b", "does"),
    (r"\bis not\b", "is"),
    (r"\bare not\b", "are"),
    (r"\bis\b", "isn't"),
    (r"\bare\b", "aren't"),
    (r"\bmust\b", "don't need to"),
    (r"\bwill\b", "won't"),
    (r"\bnever\b", "always"),
    (r"\bonly\b", "also"),
    (r"\bno\b", "a"),
]
_SWAPS = [
    ["electronics", "clothing", "books", "outdoor gear", "home & kitchen"],
    ["Standard", "Express", "Next-day"],
    ["Lumen Care+", "Lumen Care"],
    ["Visa", "PayPal", "Klarna", "bank transfer"],
    ["chat", "phone", "email"],
    ["UK", "USA", "Canada"],
    ["laptops", "tablets", "headphones", "cameras"],
    ["store credit", "a bank transfer", "cash"],
    ["original payment method", "store credit"],
]
_GROUPS = [
    "Students",
    "Seniors",
    "Teachers",
    "Nurses",
    "Veterans",
    "First-time customers",
    "Military members",
    "Newsletter subscribers",
]
_BENEFITS = [
    "free installation at home",
    "free gift wrapping on every order",
    "a lifetime warranty on all products",
    "same-day delivery in major cities",
    "loyalty points that can be exchanged for cash",
    "24/7 phone support",
    "free repairs for accidental damage",
    "home pickup for all returns",
    "cash on delivery",
    "a price guarantee against other shops",
    "free shipping to the United States",
    "a personal shopping assistant",
    "trade-in credit for old devices",
    "interest-free financing over 24 months",
    "a free second battery",
]
_INVENTED = [
    "{group} get a {pct}% discount on {thing}.",
    "We offer {benefit}.",
    "Lumen Market also provides {benefit}.",
    "{group} can request {benefit}.",
    "You can also get {benefit} if you ask our support team.",
    "Every order over {amount} EUR comes with {benefit}.",
    "All {thing} include {benefit}.",
    "Our stores in {city} accept returns in person.",
    "You can pay in {n} monthly instalments with no fees on {thing}.",
    "The {thing} comes with a {n}-year manufacturer warranty.",
]
_THINGS = [
    "electronics",
    "all orders",
    "clothing",
    "laptops",
    "furniture",
    "gift cards",
    "books",
    "outdoor gear",
    "accessories",
]
_CITIES = ["Berlin", "Paris", "Vienna", "Madrid", "Amsterdam", "Munich"]
_ADDED = [
    "and installation is free",
    "and you also get a free gift",
    "and the fee is waived for students",
    "and we refund the original shipping cost as well",
    "and you can exchange it in any of our stores",
    "and this also applies to gift cards",
    "but only on weekdays",
    "and a receipt is not needed",
    "and you'll receive a discount code for your next order",
]


def _question_for(p: Passage) -> str:
    section = p.section or p.title
    if section.endswith("?"):
        return section
    return f"Can you tell me about {section.lower()}?" if section else ""


def _sentences(p: Passage) -> list[str]:
    from core.grounding.claims import split_sentences

    body = p.text.split("\n", 1)[1] if "\n" in p.text else p.text
    out = []
    for s in split_sentences(body):
        words = len(s.split())
        if 6 <= words <= 40 and not s.startswith(("See ", "-", "1.")) and not s.endswith(("?", ":")):
            out.append(s)
    return out


# Generation-only synonyms: words a small model swaps in that the matcher's own lexicon does
# not map, so the classifier learns that novel-but-similar wording can still be supported.
_WORD_SWAPS = {
    "choose": ["pick", "select"],
    "select": ["choose", "pick"],
    "receive": ["get"],
    "arrive": ["reach you", "come"],
    "arrives": ["reaches you", "comes"],
    "inspected": ["checked"],
    "inspect": ["check"],
    "damaged": ["broken"],
    "contact": ["reach", "message"],
    "include": ["contain", "come with"],
    "includes": ["contains", "comes with"],
    "replace": ["swap"],
    "repair": ["fix"],
    "usually": ["normally", "typically", "generally"],
    "within": ["in", "inside"],
    "automatically": ["by itself", "without you doing anything"],
    "immediately": ["right away", "straight away"],
    "instantly": ["right away", "immediately"],
    "quick": ["fast"],
    "fastest": ["quickest"],
    "issue": ["send"],
    "issued": ["sent"],
    "charged": ["billed"],
    "charge": ["bill"],
    "deducted": ["taken off", "subtracted"],
    "available": ["offered", "possible"],
    "possible": ["allowed"],
    "require": ["need"],
    "required": ["needed"],
    "must": ["have to", "need to"],
    "can't": ["cannot", "are not able to"],
    "don't": ["do not"],
    "doesn't": ["does not"],
    "isn't": ["is not"],
    "aren't": ["are not"],
    "won't": ["will not"],
    "purchase": ["buy"],
    "purchased": ["bought"],
    "order": ["purchase"],
    "start": ["begin"],
    "starts": ["begins"],
    "ends": ["finishes"],
    "help": ["assist"],
    "email": ["e-mail"],
    "parcel": ["package"],
    "item": ["product", "article"],
    "items": ["products", "things"],
    "refund": ["reimbursement", "money back"],
    "customers": ["shoppers", "buyers"],
    "free of charge": ["free", "at no cost"],
    "keep": ["hold on to"],
    "send": ["ship", "post"],
    "sent": ["shipped", "posted"],
    "show": ["display"],
    "shown": ["displayed", "listed"],
    "check": ["verify", "look at"],
    "make sure": ["ensure", "check"],
    "about": ["around", "roughly"],
    "several": ["multiple", "a few"],
    "each": ["every"],
    "whole": ["entire"],
}
_FILLERS = ["usually ", "normally ", "typically ", "just ", "simply ", "generally "]
_FRAMES = [
    "{s}",
    "{s}",
    "{s}",
    "Please note: {s}",
    "Good to know: {s}",
    "{s} That's our standard policy.",
    "To answer your question, {s}",
    "Here's how it works: {s}",
]


def _swap_words(rng: random.Random, s: str, rate: float) -> str:
    words = s.split(" ")
    out = []
    i = 0
    while i < len(words):
        two = " ".join(words[i : i + 2]).lower().strip(".,;:")
        one = words[i].lower().strip(".,;:")
        if i + 1 < len(words) and two in _WORD_SWAPS and rng.random() < rate:
            tail = words[i + 1][len(words[i + 1].rstrip(".,;:")) :]
            out.append(rng.choice(_WORD_SWAPS[two]) + tail)
            i += 2
            continue
        if one in _WORD_SWAPS and rng.random() < rate:
            tail = words[i][len(words[i].rstrip(".,;:")) :]
            new = rng.choice(_WORD_SWAPS[one])
            out.append((new[0].upper() + new[1:] if words[i][:1].isupper() else new) + tail)
        else:
            out.append(words[i])
        i += 1
    return " ".join(out)


_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
# what a model writes for a duration instead of the figure (same value: the number check accepts them)
_SPOKEN = {
    ("day", 7.0): ["a week", "one week", "seven days"],
    ("day", 14.0): ["two weeks", "a fortnight"],
    ("day", 30.0): ["a month", "thirty days"],
    ("day", 1.0): ["a day", "one day"],
    ("hour", 24.0): ["a day", "one day"],
    ("hour", 1.0): ["an hour", "one hour"],
    ("minute", 60.0): ["an hour", "one hour"],
    ("week", 1.0): ["a week", "seven days"],
    ("year", 1.0): ["a year", "one year", "12 months"],
}


def _speak_numbers(rng: random.Random, s: str) -> str:
    """Quantities as a model might say them: "1 hour" -> "an hour", "7 days" -> "a week",
    "3 years" -> "three years", "5-7 days" -> "5 to 7 days", "15 minutes" -> "about 15 minutes"."""
    out = s
    for q in reversed(extract_quantities(s)):
        if rng.random() < 0.5:
            continue
        text = s[q.start : q.end]
        new: str | None = None
        if q.kind == "duration" and not q.is_range and not q.comparator:
            options = _SPOKEN.get((q.unit, q.lo))
            if options:
                new = rng.choice(options)
            elif q.lo == int(q.lo) and 2 <= q.lo <= 12:
                m = re.match(r"\s*\d+", text)
                if m:
                    new = _SMALL[int(q.lo)] + text[m.end() :]
            if new is None and rng.random() < 0.5:
                new = "about " + text.strip()
        elif q.is_range and re.search(r"\d\s*[-–]\s*\d", text):
            new = re.sub(r"(\d)\s*[-–]\s*(\d)", r"\1 to \2", text, count=1)
        if new and new != text:
            out = out[: q.start] + new + out[q.end :]
    return out


_SUBJECT = re.compile(
    r"\b(?:the|your|this|that) (?:[a-z]+ ){0,2}?(?:item|items|order|parcel|laptop|device|card|product|"
    r"package|account|refund|return|membership|subscription|voucher|code|link|fee|label)\b",
    re.I,
)


def _pronoun(rng: random.Random, s: str) -> str:
    """A noun phrase the question already named, as a pronoun: "Please factory reset the laptop"
    -> "Please factory reset it"."""
    m = _SUBJECT.search(s)
    if not m or m.start() == 0:
        return s
    word = m.group(0).split()[-1].lower()
    pronoun = "them" if word.endswith("s") and not word.endswith("ss") else "it"
    return s[: m.start()] + pronoun + s[m.end() :]


def _fuse_answer(p: Passage, s: str) -> str | None:
    """An FAQ answer fragment ("By email, usually within 15 minutes of payment.") restated with
    its question's words, as a model answers: "How are e-gift cards sent? By email, ..." ->
    "E-gift cards: by email, usually within 15 minutes of payment." """
    section = p.section or ""
    if not section.endswith("?"):
        return None
    q = re.sub(
        r"^(?:how|when|what|where|which|who|why|do|does|did|is|are|can|could|will|should)\s+"
        r"(?:long\s+|much\s+|many\s+|soon\s+)?(?:do|does|is|are|can|will|should)?\s*(?:i|you|we)?\s*",
        "",
        section.rstrip("?"),
        flags=re.I,
    ).strip()
    if len(q.split()) < 2:
        return None
    body = s[:1].lower() + s[1:] if not s.startswith(("Lumen", "I ")) else s
    return f"{q[:1].upper() + q[1:]}: {body}"


_VERB = re.compile(
    r"\b(?:is|are|can|can't|cannot|takes?|costs?|gets?|get|has|have|was|were|will|won't|must|need|needs"
    r"|pays?|arrives?|ships?|stays?|waits?|lasts?|works?|covers?|includes?)\b",
    re.I,
)


def _short_clause(rng: random.Random, s: str) -> str | None:
    """A short answer (<= 8 words) that keeps one clause of the sentence: small models answer
    in a few words ("Your parcel waits for a week.")."""
    head = re.sub(r"\s*\([^)]*\)", "", s).rstrip(".!")
    parts = [head, *(p.strip() for p in re.split(r",\s+|;\s+|\s+-\s+|:\s+", head))]
    candidates = [
        p
        for p in parts
        if 4 <= len(p.split()) <= 8
        and _VERB.search(p)
        and not re.match(
            r"^(?:if|when|unless|or|and|but|so|as|once|after|before|because|since|with|which|while)\b", p, re.I
        )
    ]
    if not candidates:
        return None
    text = rng.choice(candidates)
    text = _speak_numbers(rng, text) if rng.random() < 0.5 else text
    return _swap_words(rng, text[:1].upper() + text[1:] + ".", rate=0.3)


def _paraphrase(rng: random.Random, s: str, topic: str = "") -> str:
    out = s
    if rng.random() < 0.5:
        out = _speak_numbers(rng, out)
    if rng.random() < 0.15:
        out = _pronoun(rng, out)
    for pattern, options in _PARAPHRASE:
        if re.search(pattern, out, re.I) and rng.random() < 0.6:
            out = re.sub(pattern, rng.choice(options), out, count=1, flags=re.I)
    out = _swap_words(rng, out, rate=rng.choice([0.15, 0.3, 0.5]))
    for surface, options in _NUMBER_WORDS.items():
        m = re.search(rf"(?<![\d.,]){re.escape(surface)}(?![\d])", out)
        if m and rng.random() < 0.5:
            out = out[: m.start()] + rng.choice(options) + out[m.end() :]
    out = re.sub(r"\s*\([^)]*\)", "", out)  # small models drop parentheticals
    if rng.random() < 0.25:
        out = re.sub(r"\b(is|are|can|will|takes?|costs?)\b", lambda m: rng.choice(_FILLERS) + m.group(1), out, count=1)
    if rng.random() < 0.3 and ", " in out:
        head = out.split(", ")[0]
        if len(head.split()) >= 5 and not re.search(r"^(?:if|when|unless|once|after|before|as)\b", head, re.I):
            out = head + "."
    if topic and rng.random() < 0.35 and len(out.split()) <= 12:
        out = f"As for {topic[:1].lower() + topic[1:]}: {out[:1].lower() + out[1:]}"
    frame = rng.choice(_FRAMES)
    if frame.startswith(("To answer", "Here's")) and out[:1].isupper() and not re.match(r"^(?:Lumen|Klarna|I\b)", out):
        out = out[0].lower() + out[1:]
    out = frame.format(s=out)
    prefix = rng.choice(_PREFIXES)
    if prefix and out[:1].isupper() and not re.match(r"^(?:Lumen|Klarna|Visa|PayPal|I\b)", out):
        out = out[0].lower() + out[1:]
    return (prefix + out).strip()


_DROPPABLE = re.compile(
    r"\b(?:usually|normally|also|still|just|simply|automatically|immediately|fully|always|then|even|really|carefully"
    r"|straight away|right away|as usual|at any time|of course)\s",
    re.I,
)


def _restructure(rng: random.Random, s: str) -> str:
    """Heavier rewording: drop adverbs, turn "X: a; b." rows and lists into a sentence, swap
    more words."""
    out = _DROPPABLE.sub("", s)
    m = re.match(r"^([^:;]{2,40}):\s+([^;]+?)(?:;.*)?\.?$", out)
    if m:
        out = f"For {m.group(1)[:1].lower() + m.group(1)[1:]}, it's {m.group(2).strip()}."
    return _swap_words(rng, out, rate=0.6)


_OBJECTS = [
    "a free gift with every order",
    "free installation",
    "a lifetime guarantee",
    "priority phone support",
    "a 10% discount",
    "free next-day delivery",
    "double loyalty points",
    "a free extended warranty",
    "a personal account manager",
    "cash back on every purchase",
    "free returns on gift cards",
    "a price guarantee against other shops",
]
_VERB_SPLIT = re.compile(
    r"^(.{3,60}?\b(?:get|gets|can|include|includes|offer|offers|cover|covers|receive|receives|come with|comes with|is|are"
    r"|has|have|takes|costs|must|will)\b)"
)


def _invented_on(rng: random.Random, s: str) -> str | None:
    """A real sentence's subject and verb with an invented object: a hard negative."""
    m = _VERB_SPLIT.match(s)
    if not m:
        return None
    head = m.group(1)
    obj = rng.choice(_OBJECTS)
    return f"{head} {'get ' if head.endswith(' can') else ''}{obj}."


def _swap_number(rng: random.Random, s: str, q: Quantity) -> str | None:
    value = q.lo
    if q.kind == "time":
        new = f"{int(value // 60 + rng.choice([-2, -1, 1, 2, 3])) % 24:02d}:00"
    elif q.kind == "money":
        if value == 0:
            return None
        factor = rng.choice([0.5, 2.0, 1.5, 3.0])
        new_value = round(value * factor + rng.choice([0, 0.05, 1]), 2)
        unit = q.unit.split("/")[0]
        new = f"{new_value:g} {unit}" if unit in {"EUR", "USD", "GBP"} else f"{new_value:g}"
    else:
        choices = {
            30: [14, 45, 60, 90],
            14: [7, 30, 21],
            45: [30, 60],
            60: [30, 90, 45],
            15: [10, 20, 25, 5],
            7: [5, 10, 14],
        }
        if q.is_range:
            shift = rng.choice([1, 2, 3])
            new_rng = f"{int(q.lo + shift)}-{int(q.hi + shift)}"
            m = re.search(r"\d+\s*(?:-|–|to)\s*\d+", q.text)
            if not m:
                return None
            new = q.text.replace(m.group(0), new_rng)
            return s[: q.start] + new + s[q.end :]
        options = choices.get(int(value)) or [max(1, int(value * rng.choice([0.5, 2, 3])) + rng.choice([0, 1]))]
        new_value = rng.choice([o for o in options if o != value] or [value + 1])
        m = re.search(r"\d+(?:[.,]\d+)?", q.text)
        if not m:
            return None
        new = q.text[: m.start()] + f"{new_value:g}" + q.text[m.end() :]
    if new.strip() == q.text.strip():
        return None
    return s[: q.start] + new + s[q.end :]


def _negate(rng: random.Random, s: str) -> str | None:
    for pattern, replacement in _NEGATE:
        if re.search(pattern, s):
            out = re.sub(pattern, replacement, s, count=1)
            if out != s:
                return out
    return None


def _swap_entity(rng: random.Random, s: str) -> str | None:
    for group in _SWAPS:
        present = [g for g in group if re.search(rf"\b{re.escape(g)}(?!\w)", s)]
        if present:
            old = present[0]
            new = rng.choice([g for g in group if g != old])
            return re.sub(rf"\b{re.escape(old)}(?!\w)", new, s, count=1)
    return None


_ADDED_FORMS = [
    "which is waived for {group}",
    "which {group} don't pay",
    "and {group} also get {benefit}",
    "except for {group}, who get {benefit}",
    "and it includes {benefit}",
    "plus {benefit} for {group}",
    "although {group} get an extra {n} days",
    "which also covers {thing}",
]


def _added_clause(rng: random.Random) -> str:
    """An unsupported clause tacked on to a real sentence: a fixed one, or a relative/extra
    clause about an invented group or benefit ("..., which is waived for students")."""
    if rng.random() < 0.4:
        return rng.choice(_ADDED)
    return rng.choice(_ADDED_FORMS).format(
        group=rng.choice(_GROUPS).lower(),
        benefit=rng.choice(_BENEFITS),
        thing=rng.choice(_THINGS),
        n=rng.choice([5, 10, 15, 30]),
    )


def _invented(rng: random.Random) -> str:
    template = rng.choice(_INVENTED)
    return template.format(
        group=rng.choice(_GROUPS),
        pct=rng.choice([5, 10, 15, 20, 25]),
        thing=rng.choice(_THINGS),
        benefit=rng.choice(_BENEFITS),
        amount=rng.choice([100, 150, 200, 300]),
        city=rng.choice(_CITIES),
        n=rng.choice([2, 3, 5, 6, 10, 12]),
    )


def generate(passages: list[Passage], seed: int = 13, per_passage: int = 6) -> Iterator[Example]:
    rng = random.Random(seed)
    usable = [p for p in passages if _sentences(p)]
    for p in usable:
        sentences = _sentences(p)
        others = [o for o in usable if o.doc != p.doc]
        question = _question_for(p)

        def context(source: Passage = p, others: list[Passage] = others) -> tuple[str, ...]:
            picked = [source.text, *(o.text for o in rng.sample(others, k=min(2, len(others))))]
            rng.shuffle(picked)
            return tuple(picked)

        for _ in range(per_passage):
            s = rng.choice(sentences)
            roll = rng.random()
            answer: str | None
            if roll < 0.40:
                kind, label = "paraphrase", "supported"
                style = rng.random()
                if style < 0.3 and len(sentences) > 1:
                    # two neighbouring sentences merged into one, as small models often do
                    i = sentences.index(s)
                    other = sentences[i + 1] if i + 1 < len(sentences) else sentences[i - 1]
                    first, second = (s, other) if i + 1 < len(sentences) else (other, s)
                    joiner = rng.choice([", and ", ", so ", "; ", " - ", ", which means "])
                    merged = (
                        first.rstrip(".!")
                        + joiner
                        + (second[:1].lower() + second[1:] if not second.startswith(("Lumen", "I ")) else second)
                    )
                    answer = _paraphrase(rng, merged, p.section.rstrip("?"))
                elif style < 0.45:
                    answer = _paraphrase(rng, _restructure(rng, s), p.section.rstrip("?"))
                elif style < 0.55 and (fused := _fuse_answer(p, s)) is not None:
                    answer = _paraphrase(rng, fused)
                elif style < 0.65 and (short := _short_clause(rng, s)) is not None:
                    answer = short
                else:
                    answer = _paraphrase(rng, s, p.section.rstrip("?"))
                if rng.random() < 0.3 and len(sentences) > 1:
                    answer += " " + _paraphrase(rng, rng.choice([x for x in sentences if x != s]))
            elif roll < 0.55:
                kind, label = "number_swap", "contradicted"
                qs = [q for q in extract_quantities(s) if q.kind != "year"]
                answer = _swap_number(rng, s, rng.choice(qs)) if qs else None
                answer = _paraphrase(rng, answer) if answer and rng.random() < 0.5 else answer
            elif roll < 0.67:
                kind, label = "negation", "contradicted"
                answer = _negate(rng, s)
            elif roll < 0.74:
                kind, label = "entity_swap", "contradicted"
                answer = _swap_entity(rng, s)
            elif roll < 0.80:
                kind, label = "invented", "unsupported"
                answer = _invented(rng)
            elif roll < 0.87:
                kind, label = "invented_on_real", "unsupported"
                answer = _invented_on(rng, s)
            elif roll < 0.92:
                kind, label = "added_clause", "unsupported"
                answer = s.rstrip(".") + ", " + _added_clause(rng) + "."
            else:
                kind, label = "foreign", "unsupported"
                foreign = rng.choice(others)
                fs = _sentences(foreign)
                answer = rng.choice(fs) if fs else None
                if answer:
                    # the passages shown must not contain the foreign document, nor (by accident) its words
                    pool = [o for o in usable if o.doc not in {foreign.doc}]
                    picked = [p.text, *(o.text for o in rng.sample(pool, k=2) if o.doc != p.doc)]
                    vocab = {w for text in picked for w in content_stems(text)}
                    stems = content_stems(answer)
                    if stems and sum(w in vocab for w in stems) / len(stems) < 0.6:
                        yield Example(question, answer, tuple(picked), label, kind, p.doc)
                continue
            if not answer or (answer == s and label != "supported"):
                continue
            if rng.random() < 0.25:
                answer += rng.choice(_CLOSINGS)
            yield Example(question, answer, context(), label, kind, p.doc)
