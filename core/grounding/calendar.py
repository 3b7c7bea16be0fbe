"""Weekday and month names in a claim against the passages: a name no passage states or covers
is unsupported, a name that conflicts with the evidence's name for the same event is contradicted.

What the passages cover: the names they state, their ranges ("Monday to Friday", "Mon-Sat",
"January to March") and a few well-known groups ("weekend" = Saturday and Sunday, "weekdays" /
"business days" = Monday to Friday, "every day" / "daily" / "7 days a week" = all seven days).
The event a name belongs to is its *slot*: the content words between the previous name (or the
clause start) and the name ("orders placed on a Saturday" -> order, place; "delivered on Sunday"
-> deliver). Names joined by "or"/"and"/"to" share the slot before the first. A claim name is
contradicted when an evidence sentence about the same thing gives the same slot another name and
no passage gives that slot the claim's name. Negated names ("we don't deliver on Sundays") are
left to the negation check. Dates with a day ("5 March") are `numbers.py`'s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.grounding.align import EvidenceIndex, polarity_clauses, weighted_coverage
from core.grounding.numbers import complementary_limits, extract_quantities, mask
from core.grounding.text import GENERIC_STEMS, content_stems, is_negated

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_DAY_ANY = _DAY + r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
_MONTH = r"(?:" + "|".join(MONTHS) + r")"
_RANGE_SEP = r"\s*(?:-|–|—|to|through|thru|till|until|and)\s*"
# a stated range: "Monday to Friday", "Mon-Fri", "between Monday and Saturday", "January to March"
_DAY_RANGE = re.compile(rf"\b(?P<a>{_DAY_ANY})(?:{_RANGE_SEP})(?P<b>{_DAY_ANY})(?![a-z])", re.I)
_MONTH_RANGE = re.compile(rf"\b(?P<a>{_MONTH})(?:{_RANGE_SEP})(?P<b>{_MONTH})\b", re.I)
_DAY_NAME = re.compile(rf"\b(?P<d>{_DAY})\b", re.I)
# month names in the claim: capitalised; "May" only as a month ("in May", "May 5", "5 May 2020")
_MONTH_NAME = re.compile(
    r"\b(?P<m>January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:in|of|on|by|from|until|since|during|early|late|mid|end) (?P<may>May)\b"
    r"|(?P<may2>May)(?=\s+\d)|(?<=\d )(?P<may3>May)\b"
)
_MONTH_ANY = re.compile(rf"\b(?P<m>{_MONTH})\b", re.I)
_WEEKEND = re.compile(r"\bweekends?\b", re.I)
_WORKDAYS = re.compile(r"\b(?:week ?days?|business days?|working days?|workdays?)\b", re.I)
_ALL_DAYS = re.compile(
    r"\b(?:every ?day|daily|all week|(?:7|seven) days a week|(?:7|seven) days per week|24/7|any day)\b", re.I
)
_ALL_MONTHS = re.compile(r"\b(?:every month|monthly|all year|year[- ]round|any month)\b", re.I)
# words that join names into one group ("Friday or at the weekend", "Saturday and Sunday")
_JOINERS = {"or", "and", "to", "through", "at", "the", "on", "a", "an", "every", "each", "from", "between"}
_JOINED_BY = re.compile(r"\b(?:or|and)\b", re.I)
# a time zone after hours ("10:00-19:00 IST")
_TIME_ZONE = re.compile(r"\b[A-Z]{2,5}\b")
# events with one slot although worded differently: "delivered on" / "arrives on"
_SLOT_SYNONYMS = {"arriv": "ship", "land": "ship"}
# the claim's words an evidence sentence must cover (IDF-weighted) to be about the same thing
CALENDAR_MIN_COVERAGE = 0.5

ALL_WEEK = frozenset(range(7))
ALL_YEAR = frozenset(range(12))


@dataclass
class Mention:
    kind: str  # "day" or "month"
    values: frozenset[int]
    start: int
    end: int
    text: str
    explicit: bool = True  # a name or a range, not a group word ("weekend")


@dataclass
class CalendarFinding:
    status: str  # "mismatch" or "unsupported"
    evidence: int | None
    reason: str


def _day(word: str) -> int:
    w = word.lower().rstrip(".")
    if w.rstrip("s") in WEEKDAYS:
        return WEEKDAYS.index(w.rstrip("s"))
    if w in WEEKDAYS:
        return WEEKDAYS.index(w)
    return _DAY_ABBR[w]


def _span(a: int, b: int, n: int) -> frozenset[int]:
    return frozenset((a + k) % n for k in range(((b - a) % n) + 1))


def mentions(text: str, claim: bool = False) -> list[Mention]:
    """Day and month mentions of `text` in order. A claim's months must be capitalised; group
    words ("weekend", "business days", "every day") count only in the passages (`claim=False`)
    and are marked not explicit."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _DAY_RANGE.finditer(text):
        sep = text[m.end("a") : m.start("b")].strip().lower()
        a, b = _day(m.group("a")), _day(m.group("b"))
        values = (
            frozenset({a, b})
            if sep == "and" and "between" not in text[max(0, m.start() - 9) : m.start()].lower()
            else _span(a, b, 7)
        )
        out.append(Mention("day", values, m.start(), m.end(), m.group(0)))
        taken.append((m.start(), m.end()))
    for m in _MONTH_RANGE.finditer(text):
        sep = text[m.end("a") : m.start("b")].strip().lower()
        if claim and not (m.group("a")[0].isupper() and m.group("b")[0].isupper()):
            continue
        a, b = MONTHS.index(m.group("a").lower()), MONTHS.index(m.group("b").lower())
        values = frozenset({a, b}) if sep == "and" else _span(a, b, 12)
        out.append(Mention("month", values, m.start(), m.end(), m.group(0)))
        taken.append((m.start(), m.end()))
    for m in _DAY_NAME.finditer(text):
        if free(m.start(), m.end()):
            out.append(Mention("day", frozenset({_day(m.group("d"))}), m.start(), m.end(), m.group(0)))
    for m in (_MONTH_NAME if claim else _MONTH_ANY).finditer(text):
        group = next(k for k, g in m.groupdict().items() if g)
        name, start, end = m.group(group), m.start(group), m.end(group)
        if free(start, end):
            out.append(Mention("month", frozenset({MONTHS.index(name.lower())}), start, end, name))
    if not claim:
        for pattern, kind, values in (
            (_WEEKEND, "day", frozenset({5, 6})),
            (_WORKDAYS, "day", frozenset(range(5))),
            (_ALL_DAYS, "day", ALL_WEEK),
            (_ALL_MONTHS, "month", ALL_YEAR),
        ):
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    explicit = pattern is _WEEKEND  # "at the weekend" names days; "3-5 business days" does not
                    out.append(Mention(kind, values, m.start(), m.end(), m.group(0), explicit=explicit))
    return sorted(out, key=lambda x: x.start)


_NAMES = re.compile(rf"\b(?:{_DAY_ANY}|{_MONTH}|weekends?)(?![a-z])", re.I)


def _stems(text: str) -> set[str]:
    out = set()
    for w in content_stems(_NAMES.sub(" ", text)):
        out.add(_SLOT_SYNONYMS.get(w, w))
    return out


def slots(text: str, found: list[Mention]) -> list[set[str]]:
    """Per mention, the content stems of its event (see the module docstring)."""
    out: list[set[str]] = []
    prev_end = 0
    for i, m in enumerate(found):
        gap = text[prev_end : m.start]
        cut = max((x.end() for x in re.finditer(r"[;!?]|[:.](?=\s)|,\s", gap)), default=0) if i == 0 else 0
        words = _stems(gap[cut:])
        joined = i > 0 and (
            all(w.lower().strip(",") in _JOINERS for w in gap.split())
            # "Wednesday after 1pm, or any time from Thursday to Sunday": no event words between
            or (_JOINED_BY.search(gap) is not None and not words - GENERIC_STEMS)
            # "Monday to Saturday, 10:00-19:00; Sunday 11:00-17:00": only the first one's hours between
            or _only_hours(gap)
        )
        out.append(set(out[-1]) if joined and out else words)
        prev_end = m.end
    return out


def _only_hours(gap: str) -> bool:
    """The text between two names is their hours and nothing else: no event of its own."""
    hours = [q for q in extract_quantities(gap) if q.kind == "time"]
    return bool(hours) and not _stems(_TIME_ZONE.sub(" ", mask(gap, hours))) - GENERIC_STEMS


def _asserted(text: str, m: Mention) -> bool:
    """The mention is not inside a negated clause."""
    for part in polarity_clauses(text):
        k = text.find(part)
        if k <= m.start and m.end <= k + len(part):
            return not is_negated(part)
    return not is_negated(text)


def _paired_mismatch(
    m: Mention,
    slot: set[str],
    claimed: list[Mention],
    claim_slots: dict[int, set[str]],
    evidence: list[tuple[int, Mention, set[str]]],
) -> tuple[int, Mention] | None:
    """An evidence sentence that states the claim's other name ("orders placed on a Friday") and
    gives this name's event another explicit name ("... arrive on Tuesday", claim: "on Monday"):
    the same rule, so its names win over looser statements elsewhere ("the next business day")."""
    for other in claimed:
        if other is m:
            continue
        other_slot = claim_slots.get(other.start, set()) - GENERIC_STEMS
        for i, e2, es2 in evidence:
            if not e2.explicit or e2.kind != other.kind or not other.values <= e2.values or not other_slot & es2:
                continue
            same_slot = [e for j, e, es in evidence if j == i and e.kind == m.kind and slot & es]
            if any(m.values <= e.values for e in same_slot):
                continue  # the sentence states the claim's name for this event too
            for e in same_slot:
                if e is e2 or not e.explicit or e.values <= m.values:
                    continue  # a day inside the claim's range ("Monday" of "Monday to Wednesday") agrees
                if not e.values & other.values:
                    return i, e
    return None


def check_calendar(text: str, index: EvidenceIndex) -> CalendarFinding | None:
    """A weekday or month of the claim that the passages neither state nor cover
    (unsupported), or that an evidence sentence about the same thing contradicts."""
    # a month inside a dated day ("until 17 March") is the number check's (dates an answer works
    # out from the customer's own date are in no passage)
    dated = [(q.start, q.end) for q in extract_quantities(text) if q.kind == "date"]
    claimed = [
        m
        for m in mentions(text, claim=True)
        if _asserted(text, m) and not (m.kind == "month" and any(a <= m.start and m.end <= b for a, b in dated))
    ]
    if not claimed or not index.sentences:
        return None
    claim_slots = slots(text, mentions(text, claim=True))
    by_start = {m.start: s for m, s in zip(mentions(text, claim=True), claim_slots, strict=True)}
    evidence: list[tuple[int, Mention, set[str]]] = []
    for i, s in enumerate(index.sentences):
        if s.is_heading:
            continue
        found = mentions(s.text)
        for k, (m, slot) in enumerate(zip(found, slots(s.text, found), strict=True)):
            if _asserted(s.text, m):
                # "Hours: Monday to Friday" under "Contact us: Phone": the heading names the event
                if k == 0 and not slot:
                    slot = {_SLOT_SYNONYMS.get(w, w) for w in s.heading_stems}
                evidence.append((i, m, slot))
    # a name the passages state in a negated clause ("no deliveries on Sunday") is stated too
    stated: dict[str, frozenset[int]] = {"day": frozenset(), "month": frozenset()}
    for s in index.sentences:
        for m in mentions(s.text):
            stated[m.kind] = stated[m.kind] | m.values
    for m in claimed:
        if not m.values <= stated[m.kind]:
            missing = sorted(m.values - stated[m.kind])
            names = WEEKDAYS if m.kind == "day" else MONTHS
            return CalendarFinding(
                "unsupported", None, f"calendar_unsupported: {names[missing[0]].title()} is in no passage"
            )
    claim_stems = list(dict.fromkeys(_stems(text)))
    if len(claim_stems) < 2:
        return None
    for m in claimed:
        slot = {w for w in by_start.get(m.start, set()) if w not in GENERIC_STEMS}
        if not slot:
            continue
        paired = _paired_mismatch(m, slot, claimed, by_start, evidence)
        if paired is not None:
            i, e = paired
            if complementary_limits(text, index.sentences[i].text):
                pass  # "after 14:00 on Friday: Tuesday" against "before 14:00 on Friday: Monday"
            elif weighted_coverage(claim_stems, index.sentences[i].context_stems, index) >= CALENDAR_MIN_COVERAGE:
                return CalendarFinding(
                    "mismatch", i, f"calendar_mismatch: claim says {m.text.strip()}, the evidence says {e.text.strip()}"
                )
        same_event = [(i, e) for i, e, es in evidence if e.kind == m.kind and slot & es]
        if not same_event or m.values <= frozenset().union(*[e.values for _, e in same_event]):
            continue
        for i, e in same_event:
            if not e.explicit or m.values <= e.values or complementary_limits(text, index.sentences[i].text):
                continue
            if weighted_coverage(claim_stems, index.sentences[i].context_stems, index) < CALENDAR_MIN_COVERAGE:
                continue
            return CalendarFinding(
                "mismatch", i, f"calendar_mismatch: claim says {m.text.strip()}, the evidence says {e.text.strip()}"
            )
    return None
