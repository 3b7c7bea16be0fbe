"""Numbers, durations, amounts, percentages, times and dates: extraction and comparison.

Every quantity is normalised (`Quantity`), so that "thirty days", "30-day" and "a month" (about
30 days) compare equal, "4.95 EUR" equals "€4,95", and "5-7 business days" is a range. Only
well-known equivalences are used: a week is 7 days, a fortnight 14, a month 28-31 days (30.44
+-3.5%), a year 12 months / 52 weeks / 365 days, an hour 60 minutes, a day 24 hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORDNUM = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if _UNITS[k] in range(1, 10)) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|(?:a|one) hundred|a dozen|half an?|an?)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM})"
_START = r"(?<![\w#+/$€£])(?<![A-Za-z]-)"
_RANGE = (
    rf"(?P<between>between\s+)?(?P<a>{_NUM})"
    rf"(?:(?:\s*(?:-|–|—|to|until|till)\s*|(?(between)\s+and\s+|(?!)))(?P<b>{_NUM}))?"
)

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"

# canonical duration units and their length in days
_DURATION_UNITS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "business_day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.44,
    "year": 365.25,
}
_UNIT_WORDS = (
    r"(?:(?:more|extra|additional|further|full|whole|consecutive)\s+)?"
    r"(?P<qual>(?:business|working|calendar|bank)\s+|week\s?)?"
    r"(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|weeks?|fortnights?|months?|years?|yrs?)\b"
)
# Currencies are written many ways: symbols, ISO codes, a country's letters before "$" ("NZ$89",
# "CA$1,649", "A$10"), minor units after the digits ("40p", "99c"). A currency is never assumed.
_DOLLAR_SIGN = r"(?:us|au|a|nz|ca|c|hk|sg|s|nt|mx)?\$"
_CURRENCY_SIGNS = r"€|£|¥|₹|₩|₽|₺|₪|₱|₦|₫|฿|r\$"
_CURRENCY_CODES = (
    r"usd|eur|gbp|aud|cad|nzd|chf|jpy|cny|rmb|inr|sgd|hkd|sek|nok|dkk|isk|pln|czk|huf|zar|brl|mxn|krw|ils|php"
    r"|myr|thb|aed|sar|ron|bgn"
)
_CURRENCY_PRE = rf"(?P<cur1>{_CURRENCY_SIGNS}|{_DOLLAR_SIGN}|(?:{_CURRENCY_CODES}|euros?|kr|rs)\b\.?)"
_CURRENCY_POST = (
    rf"(?P<cur2>{_CURRENCY_SIGNS}|\$|¢|(?:{_CURRENCY_CODES}|euros?|dollars?|pounds?|cents?|pence|kr|yen|rupees?"
    r"|francs?)\b|(?<=\d)(?-i:p|c)\b)"
)
_PERIOD = (
    r"(?:\s*(?:/|per\s|a\s|an\s|each\s|every\s)\s*(?P<per>year|yr|month|week|day|order|item|parcel)\b"
    r"|\s+(?P<per2>annually|yearly|monthly|weekly|daily))?"
)
_TIME = (
    r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midday|midnight)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("time", re.compile(r"(?P<allday>\b24/7\b|\baround the clock\b|\b24 hours a day\b)", re.I)),
    (
        "time",
        re.compile(rf"{_START}(?P<t1>{_TIME})(?:\s*(?:-|–|—|to|until|till)\s*(?P<t2>{_TIME}))?(?!\w)", re.I),
    ),
    (
        "date",
        re.compile(
            rf"{_START}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?"
            rf"|\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?",
            re.I,
        ),
    ),
    (
        "money",
        re.compile(
            rf"{_START}{_CURRENCY_PRE}\s?(?P<a>{_DIGITS})(?:\s*(?:-|–|—|to)\s*(?:{_CURRENCY_SIGNS}|{_DOLLAR_SIGN})?\s?(?P<b>{_DIGITS}))?{_PERIOD}",
            re.I,
        ),
    ),
    ("money", re.compile(rf"{_START}{_RANGE}\s?{_CURRENCY_POST}{_PERIOD}", re.I)),
    (
        "money",
        re.compile(
            r"(?<![\w-])(?<!feel )(?P<free>free)(?![\w-])(?!\s+(?:to|trial|from)\b)(?!\s+of\s+(?!charge))", re.I
        ),
    ),
    ("percent", re.compile(rf"{_START}{_RANGE}\s?(?:%|percent\b|per\s?cent\b)", re.I)),
    ("duration", re.compile(rf"{_START}{_RANGE}\s?-?\s?{_UNIT_WORDS}", re.I)),
    ("year", re.compile(r"(?<![\w#+/.,-])(?P<a>(?:19|20)\d{2})(?![\w.,]\d)", re.I)),
    (
        "count",
        re.compile(
            rf"{_START}(?P<a>{_DIGITS}|(?:{'|'.join(_TENS)}|{'|'.join(k for k in _UNITS if _UNITS[k] >= 2)})\b)"
            r"(?![\w.,:]\d|[A-Za-z%€$£/\d])\s*(?:-\s*)?(?P<noun>[A-Za-z][A-Za-z-]*)?",
            re.I,
        ),
    ),
]

_LE = re.compile(
    r"(?:within|in|up to|at most|no more than|not more than|less than|fewer than|under|below|maximum(?: of)?|max\.?"
    r"|until|till|before|by|no later than)\s*$",
    re.I,
)
_GE = re.compile(
    r"(?:at least|more than|over|above|after|from|minimum(?: of)?|min\.?|beyond|longer than|starting at|past)\s*$", re.I
)
_NON_COUNT_NOUNS = frozenset({"and", "or", "to", "of", "the", "a", "an", "in", "on", "at", "for", "is", "are"})

Kind = Literal["duration", "money", "percent", "time", "date", "year", "count"]


@dataclass(frozen=True)
class Quantity:
    kind: Kind
    lo: float
    hi: float
    unit: str  # duration unit, currency(/period), "%", noun stem for counts
    text: str
    start: int
    end: int
    comparator: str = ""  # "le" (within, up to, by), "ge" (at least, after, over) or ""

    @property
    def is_range(self) -> bool:
        return self.hi != self.lo

    def describe(self) -> str:
        return re.sub(r"\s+", " ", self.text.strip())

    @property
    def days(self) -> tuple[float, float]:
        factor = _DURATION_UNITS.get(self.unit, 1.0)
        return self.lo * factor, self.hi * factor


def parse_number(text: str) -> float | None:
    t = text.strip().lower()
    if not t:
        return None
    if t[0].isdigit():
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
            return float(t.replace(",", ""))
        return float(t.replace(",", "."))
    if t in {"a", "an", "one"}:
        return 1.0
    if t in {"a hundred", "one hundred"}:
        return 100.0
    if t == "a dozen":
        return 12.0
    if t == "a couple of":
        return 2.0
    if t.startswith("half"):
        return 0.5
    if t in _UNITS:
        return float(_UNITS[t])
    parts = re.split(r"[- ]", t)
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0))
    return None


def _canonical_unit(unit: str, qual: str | None) -> str:
    u = unit.lower()
    q = (qual or "").strip().lower()
    if u.startswith(("min",)):
        return "minute"
    if u.startswith(("hour", "hr")) or u == "h":
        return "hour"
    if u.startswith("day"):
        return "business_day" if q in {"business", "working", "bank"} or q.startswith("week") else "day"
    if u.startswith("fortnight"):
        return "fortnight"
    if u.startswith("week"):
        return "week"
    if u.startswith("month"):
        return "month"
    return "year"


MONEY = "MONEY"  # an amount whose currency the text does not name


_CURRENCY_NAMES = {
    "$": "DOLLAR",
    "dollar": "DOLLAR",
    "dollars": "DOLLAR",
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "s$": "SGD",
    "sg$": "SGD",
    "nt$": "TWD",
    "mx$": "MXN",
    "r$": "BRL",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "¥": "YEN",
    "yen": "YEN",
    "jpy": "YEN",
    "₹": "INR",
    "rs": "INR",
    "rupee": "INR",
    "rupees": "INR",
    "franc": "CHF",
    "francs": "CHF",
    "kr": "KRONA",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₱": "PHP",
    "₦": "NGN",
    "₫": "VND",
    "฿": "THB",
    "cent": "CENT",
    "cents": "CENT",
    "pence": "CENT",
    "p": "CENT",
    "c": "CENT",
    "¢": "CENT",
}
# a bare "$" or "kr" is one of several currencies: it compares with each of them
_CURRENCY_FAMILIES = {
    "DOLLAR": frozenset({"USD", "AUD", "NZD", "CAD", "HKD", "SGD", "TWD", "MXN"}),
    "KRONA": frozenset({"SEK", "NOK", "DKK", "ISK"}),
}


def _currency(symbol: str | None) -> str:
    s = (symbol or "").lower().rstrip(".")
    if not s:
        return MONEY  # no currency named: compares with any currency (no shop's default assumed)
    return _CURRENCY_NAMES.get(s, s.upper())


def same_currency(a: str, b: str) -> bool:
    """Whether two amounts' currencies can be compared: the same, one not named, or a bare "$"
    against a dollar ("$49" and "CA$49")."""
    if a == b or MONEY in {a, b}:
        return True
    return any(family in {a, b} and {a, b} - {family} <= members for family, members in _CURRENCY_FAMILIES.items())


def _time_minutes(text: str) -> float | None:
    t = text.strip().lower().replace(".", ":") if re.search(r"[ap]\.?m", text, re.I) else text.strip().lower()
    if t in {"noon", "midday"}:
        return 720.0
    if t == "midnight":
        return 0.0
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*(a:?m:?|p:?m:?)?", t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    suffix = (m.group(3) or "").replace(":", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    return float(hour * 60 + minute)


def _comparator(text: str, start: int) -> str:
    before = text[max(0, start - 24) : start]
    if _GE.search(before):
        return "ge"
    if _LE.search(before):
        return "le"
    return ""


def _make(kind: Kind, m: re.Match[str], text: str) -> Quantity | None:
    g = m.groupdict()
    lo: float | None
    hi: float | None
    unit = ""
    if kind == "time" and g.get("allday"):
        lo, hi, unit = 0.0, 1440.0, "min"
    elif kind == "time":
        lo = _time_minutes(g["t1"])
        hi = _time_minutes(g["t2"]) if g.get("t2") else lo
        if lo is None or hi is None:
            return None
        unit = "min"
    elif kind == "date":
        month = _MONTHS[(g.get("m") or g.get("m2") or "").lower().rstrip(".")]
        day = int(g.get("d") or g.get("d2") or 0)
        if not 1 <= day <= 31:
            return None
        lo = hi = float(month * 100 + day)
        year = g.get("y") or g.get("y2")
        unit = f"md/{year}" if year else "md"
    elif kind == "money":
        if g.get("free"):
            lo = hi = 0.0
            unit = MONEY
        else:
            lo = parse_number(g["a"])
            hi = parse_number(g["b"]) if g.get("b") else lo
            if lo is None or hi is None:
                return None
            currency = _currency(g.get("cur1") or g.get("cur2"))
            if currency == "CENT":
                if (g.get("cur2") or "").lower() in {"p", "c"} and (hi >= 100 or hi != int(hi)):
                    return None  # "1080p", "720p": a resolution, not pence
                lo, hi, currency = lo / 100, hi / 100, MONEY
            period = (g.get("per") or g.get("per2") or "").lower()
            period = {
                "annually": "year",
                "yearly": "year",
                "yr": "year",
                "monthly": "month",
                "weekly": "week",
                "daily": "day",
            }.get(period, period)
            unit = currency + (f"/{period}" if period else "")
    elif kind in {"percent", "duration"}:
        if (g.get("a") or "").lower() in {"a", "an"} and kind == "percent":
            return None
        lo = parse_number(g["a"])
        hi = parse_number(g["b"]) if g.get("b") else lo
        if lo is None or hi is None:
            return None
        if kind == "percent":
            unit = "%"
        else:
            raw_unit = g["unit"]
            if raw_unit.lower() == "h" and not g["a"][0].isdigit():
                return None
            unit = _canonical_unit(raw_unit, g.get("qual"))
            if g["a"].lower() in {"a", "an", "one"}:
                before = text[max(0, m.start() - 12) : m.start()].lower()
                # "24 hours a day", "once a week", "per day": a frequency, not a duration
                if re.search(r"(?:per|each|every|once|twice|times|\d|hours?|days?|weeks?)\s*$", before):
                    return None
    elif kind == "year":
        lo = hi = float(g["a"])
        unit = "year"
    else:  # count
        lo = parse_number(g["a"])
        if lo is None:
            return None
        hi = lo
        noun = (g.get("noun") or "").lower()
        if noun in _NON_COUNT_NOUNS:
            noun = ""
        from core.grounding.text import stem

        unit = stem(noun) if noun else ""
    return Quantity(
        kind=kind,
        lo=lo,
        hi=hi,
        unit=unit,
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        comparator=_comparator(text, m.start()),
    )


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities in `text`, non-overlapping, in order of appearance."""
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            start, end = m.start(), m.end()
            if kind == "count":
                # trim the trailing noun from the span so it can still be read as context
                end = m.start("a") + len(m.group("a"))
            if any(start < e and s < end for s, e in taken):
                continue
            q = _make(kind, m, text)  # type: ignore[arg-type]
            if q is None:
                continue
            if kind == "count" and _looks_like_identifier(text, start, end):
                continue
            taken.append((start, end))
            found.append(q)
    return _inherit_units(sorted(found, key=lambda q: q.start), text)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*", re.I)


def _inherit_backwards(found: list[Quantity], text: str) -> list[Quantity]:
    """Bare numbers listed right before a quantity take its unit: "on 24, 25 and 31 December"
    -> three dates, "5, 10 or 20 EUR" -> three amounts."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        if q.kind != "count" or q.unit or nxt.kind not in {"date", "duration", "money", "percent"}:
            continue
        # a count's span runs on over its noun ("25 and"): the gap starts after the digits
        digits = re.match(r"\d+", text[q.start : nxt.start])
        if digits is None or not _LIST_GAP.fullmatch(text[q.start + digits.end() : nxt.start]):
            continue
        if nxt.kind == "date":
            if not 1 <= q.lo <= 31 or nxt.is_range:
                continue
            month = int(nxt.lo) // 100
            lo = hi = float(month * 100 + int(q.lo))
        else:
            lo = hi = q.lo
        out[k] = Quantity(
            kind=nxt.kind,
            lo=lo,
            hi=hi,
            unit=nxt.unit,
            text=digits.group(0),
            start=q.start,
            end=q.start + digits.end(),
            comparator=q.comparator,
        )
    return out


def _inherit_units(found: list[Quantity], text: str) -> list[Quantity]:
    """Bare numbers in a list take the unit of the quantity before them:
    "45 days for electronics, 75 for clothing and 29 for books" -> 75 days, 29 days; or, when
    none comes before, of the one right after them (`_inherit_backwards`)."""
    found = _inherit_backwards(found, text)
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            q.kind == "count"
            and not q.unit
            and prev is not None
            and prev.kind in {"duration", "money", "percent"}
            and q.start - prev.end < 80
            and not re.search(r"[.;!?]\s", text[prev.end : q.start])
        ):
            label = f"{q.text.split()[0]} {prev.text.split()[-1]}"
            q = Quantity(
                kind=prev.kind,
                lo=q.lo,
                hi=q.hi,
                unit=prev.unit,
                text=label,
                start=q.start,
                end=q.end,
                comparator=q.comparator,
            )
        out.append(q)
    return out


def _looks_like_identifier(text: str, start: int, end: int) -> bool:
    """Order numbers, phone numbers, model names: a digit run glued to other digit groups."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if re.search(r"[\d]\s$", before) or re.match(r"^\s\d", after):
        return True
    # "Model 2", "Series 14", "Bluetooth 5.3": a number after a capitalised name (not sentence-initial)
    m = re.search(r"(?:(\S+)\s+)?(\S+)\s$", text[max(0, start - 40) : start])
    if m and m.group(2)[:1].isupper() and (m.group(1) is None or not re.search(r"[.!?:]$", m.group(1))):
        return m.group(2).lower() not in {"a", "an", "the", "up", "over", "under", "about", "only", "just", "all"}
    return bool(re.match(r"^[-/]\d", after)) or before.endswith(("-", "/", "#"))


def mask(text: str, quantities: list[Quantity]) -> str:
    """`text` with every quantity span blanked out (for context words)."""
    out = list(text)
    for q in quantities:
        for i in range(q.start, q.end):
            out[i] = " "
    return "".join(out)


def compatible(a: Quantity, b: Quantity) -> bool:
    if {a.kind, b.kind} == {"year", "date"}:
        return (b if b.kind == "date" else a).unit != "md"  # a year against a date that has one
    if a.kind != b.kind:
        return False
    if a.kind == "count":
        return a.unit == b.unit
    return True


def _close(x: float, y: float, rel: float) -> bool:
    return abs(x - y) <= rel * max(abs(x), abs(y)) + 1e-9


def _values(q: Quantity, other: Quantity) -> tuple[tuple[float, float], tuple[float, float], float] | None:
    """Both quantities in one scale, with the tolerance to compare them, or None when the units
    cannot be compared (different currencies, a business-day count against months)."""
    if q.kind == "duration":
        business = {q.unit, other.unit} & {"business_day"}
        if business:
            if {q.unit, other.unit} <= {"business_day", "day"}:
                return (q.lo, q.hi), (other.lo, other.hi), 0.0
            return None
        rel = 0.0 if q.unit == other.unit else 0.035
        return q.days, other.days, rel
    if q.kind == "money":
        cq, co = q.unit.split("/")[0], other.unit.split("/")[0]
        if not same_currency(cq, co):
            return None
        pq, po = q.unit.partition("/")[2], other.unit.partition("/")[2]
        if pq and po and pq != po:
            return None
        return (q.lo, q.hi), (other.lo, other.hi), 0.0
    return (q.lo, q.hi), (other.lo, other.hi), 0.0


def equal(claim: Quantity, evidence: Quantity) -> bool:
    """Does the claim's quantity state the same value as the evidence's? A single value inside
    an evidence range counts ("refunds take 7 business days" vs "5-7 business days")."""
    if not compatible(claim, evidence):
        return False
    if claim.kind != evidence.kind:  # a year and a dated day: same year?
        date, year = (evidence, claim) if evidence.kind == "date" else (claim, evidence)
        return date.unit.endswith(f"/{int(year.lo)}")
    if claim.kind == "date" and claim.unit != "md" and evidence.unit != "md" and claim.unit != evidence.unit:
        return False  # same day, different year
    vals = _values(claim, evidence)
    if vals is None:
        return False
    (clo, chi), (elo, ehi), rel = vals
    if claim.is_range and evidence.is_range:
        return _close(clo, elo, rel) and _close(chi, ehi, rel)
    if claim.is_range:
        return False
    if evidence.is_range:
        return elo * (1 - rel) - 1e-9 <= clo <= ehi * (1 + rel) + 1e-9
    return _close(clo, elo, rel)


def window_consistent(claim: Quantity, evidence: Quantity, claim_negated: bool) -> bool | None:
    """Claims that quote a point inside/outside a window ("after 20 days" against "within 30
    days"). True: consistent, False: contradicts, None: the rule does not apply."""
    if claim.kind not in {"duration", "time", "money"} or evidence.comparator != "le" or claim.comparator != "ge":
        return None
    vals = _values(claim, evidence)
    if vals is None:
        return None
    (clo, _), (_, ehi), _ = vals
    inside = clo < ehi
    # "you can return it after 20 days" (inside) / "you cannot return it after 45 days" (outside)
    return inside != claim_negated


def complementary_limits(claim: str, evidence: str) -> bool:
    """The two texts set the same limit from opposite sides ("within 30 days" / "after 30 days",
    "before 14:00" / "after 14:00"): what holds on one side and not on the other is the same
    rule told twice, so opposite polarity or a different outcome between them is no contradiction."""
    bounded = _bounded(claim)
    if not bounded:
        return False
    return any(a.comparator != b.comparator and equal(a, b) for a in bounded for b in _bounded(evidence))


@lru_cache(maxsize=4096)
def _bounded(text: str) -> tuple[Quantity, ...]:
    """The quantities of `text` that set a limit; cached, as one check compares each claim with
    every passage sentence and the same sentences come back for every claim."""
    return tuple(q for q in extract_quantities(text) if q.comparator)


def format_pair(claim: Quantity, evidence: Quantity) -> str:
    return f"{claim.describe()} vs {evidence.describe()}"
