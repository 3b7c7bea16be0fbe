"""Numbers an answer works out from the customer's own numbers and the policy: "delivered on
3 March, so the last day is 17 March" (a date plus a stated period), "you still have 20 days"
(60 - 40), "a 15% fee, which is 90 EUR here" (a percentage of the customer's amount), "three
instalments of 200 EUR" (600 / 3). Such a number is in no passage, yet it follows from them.

A derivation must use a number the customer gave (the question) or, for one step only, another
number of the same sentence ("5 x 9.95 EUR = 49.75 EUR"); numbers that follow from the passages
alone ("9.95 - 4.95 = 5 EUR") are not accepted, so an invented policy value is not explained away
by a coincidence of the passages' own numbers."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from core.grounding.numbers import Quantity

# relative tolerance for money and durations (answers round: "32.67 EUR", "about 84 EUR") ...
REL_TOL = 0.006
# ... and the absolute one (cents)
ABS_TOL = 0.011
# counts usable as factors or divisors ("3 instalments", "4 times a year")
MAX_FACTOR = 24
# operands of the two-step money search (their number grows quadratically)
MAX_MONEY_OPERANDS = 12
_BASE_YEAR = 2025  # a year without one given (not a leap year)


@dataclass(frozen=True)
class Operand:
    value: float
    source: str  # "question", "sentence" or "evidence"


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= max(ABS_TOL, REL_TOL * max(abs(x), abs(y)))


def _factors(quantities: list[tuple[Quantity, str]]) -> list[Operand]:
    """Counts ("3 instalments") and durations in the period of a rate ("3 days" at "12.50 EUR per day")."""
    periods = {q.unit.partition("/")[2] for q, _ in quantities if q.kind == "money"} - {""}
    out = []
    for q, src in quantities:
        whole = not q.is_range and 2 <= q.lo <= MAX_FACTOR and q.lo == int(q.lo)
        if whole and (q.kind == "count" or (q.kind == "duration" and q.unit in periods)):
            out.append(Operand(q.lo, src))
    return out


def _percents(quantities: list[tuple[Quantity, str]]) -> list[Operand]:
    return [Operand(v, src) for q, src in quantities if q.kind == "percent" for v in {q.lo, q.hi}]


def _money(target: Quantity, quantities: list[tuple[Quantity, str]]) -> list[Operand]:
    cur = target.unit.split("/")[0]
    out = []
    for q, src in quantities:
        if q.kind == "money" and q.unit.split("/")[0] == cur and q is not target:
            out += [Operand(v, src) for v in {q.lo, q.hi} if v > 0]
    return list(dict.fromkeys(out))


def _one_step(values: list[Operand], percents: list[Operand], factors: list[Operand]) -> list[tuple[float, set[str]]]:
    """Every value one arithmetic step away, with the sources it used."""
    out: list[tuple[float, set[str]]] = []
    for a, b in itertools.permutations(values, 2):
        out += [(a.value + b.value, {a.source, b.source}), (a.value - b.value, {a.source, b.source})]
    for a in values:
        for p in percents:
            share = a.value * p.value / 100
            out += [(share, {a.source, p.source}), (a.value - share, {a.source, p.source})]
            out.append((a.value + share, {a.source, p.source}))
        for n in factors:
            out += [(a.value * n.value, {a.source, n.source}), (a.value / n.value, {a.source, n.source})]
    return out


def _money_derivation(target: Quantity, quantities: list[tuple[Quantity, str]]) -> str | None:
    values = _money(target, quantities)[:MAX_MONEY_OPERANDS]
    percents, factors = _percents(quantities), _factors(quantities)
    t = target.lo
    if target.is_range:
        return None
    first = _one_step(values, percents, factors)
    for v, sources in first:
        # a number of the answer's own sentence only with the passages' numbers: two values the
        # answer invents can always be made to agree with the customer's ("250 - 30 = 220")
        if (
            v > 0
            and _close(v, t)
            and (sources == {"question"} or sources == {"question", "evidence"} or sources == {"sentence", "evidence"})
        ):
            return "one step"
    # two steps, with the customer's own number: "600 EUR - 15% - 4.95 EUR"
    for v, sources in first:
        if "question" not in sources or v <= 0:
            continue
        for b in values:
            if _close(v - b.value, t) or _close(v + b.value, t):
                return "two steps"
        for p in percents:
            if _close(v * p.value / 100, t) or _close(v * (1 - p.value / 100), t):
                return "two steps"
        for n in factors:
            if _close(v / n.value, t) or _close(v * n.value, t):
                return "two steps"
    return None


def _durations(target: Quantity, quantities: list[tuple[Quantity, str]]) -> list[Operand]:
    """Durations in the target's unit (days when it is in days); bare counts from the question
    and the sentence as values in the target's own unit ("on day 10")."""
    out = []
    unit_days = target.days[0] / target.lo if target.lo else 1.0
    for q, src in quantities:
        if q is target:
            continue
        if q.kind == "duration" and (
            {q.unit, target.unit} <= {"day", "business_day"} or "business_day" not in {q.unit, target.unit}
        ):
            out += [Operand(d / unit_days, src) for d in set(q.days)]
        elif q.kind == "count" and not q.unit and src != "evidence":
            out += [Operand(v, src) for v in {q.lo, q.hi}]
    return list(dict.fromkeys(out))


def _duration_derivation(target: Quantity, quantities: list[tuple[Quantity, str]]) -> str | None:
    """The customer's own duration against a stated period: "40 days ago" and "within 60 days",
    "so you still have 20 days" (a question operand is required)."""
    if target.is_range or target.lo <= 0:
        return None
    values = _durations(target, quantities)
    for a, b in itertools.permutations(values, 2):
        if "question" not in {a.source, b.source}:
            continue
        if abs(a.value - b.value - target.lo) < 1e-6 or abs(a.value + b.value - target.lo) < 1e-6:
            return "difference" if a.value > target.lo else "sum"
    return None


def _as_date(q: Quantity) -> dt.date | None:
    if q.kind != "date":
        return None
    year = int(q.unit.split("/")[1]) if "/" in q.unit else _BASE_YEAR
    try:
        return dt.date(year, int(q.lo) // 100, int(q.lo) % 100)
    except ValueError:
        return None


def _shift(day: dt.date, amount: float, unit: str) -> list[dt.date]:
    """`day` moved by a period: by calendar for months and years, by days (counted inclusively or
    not, so +/- one day) otherwise."""
    if amount != int(amount):
        return []
    n = int(amount)
    if unit in {"month", "year"}:
        months = n * (12 if unit == "year" else 1)
        y, m = divmod(day.month - 1 + months, 12)
        try:
            moved = day.replace(year=day.year + y, month=m + 1)
        except ValueError:
            return []
        return [moved, moved - dt.timedelta(days=1)]
    days = {"day": n, "week": 7 * n}.get(unit)
    if days is None:
        return []
    moved = day + dt.timedelta(days=days)
    return [moved - dt.timedelta(days=1), moved, moved + dt.timedelta(days=1)]


def _date_derivation(target: Quantity, quantities: list[tuple[Quantity, str]]) -> str | None:
    goal = _as_date(target)
    if goal is None or target.is_range:
        return None
    starts = [(d, src) for q, src in quantities if q is not target and (d := _as_date(q)) is not None]
    periods = [q for q, _ in quantities if q.kind == "duration" and not q.is_range]
    for start, src in starts:
        if src != "question":
            continue  # the customer's date: a date the answer itself introduces is not a premise
        for p in periods:
            for moved in _shift(start, p.lo, p.unit):
                same = (moved.month, moved.day) == (goal.month, goal.day)
                if same and ("/" not in target.unit or moved.year == goal.year):
                    return f"{p.describe()} from {start:%d %B}"
    return None


def _time_derivation(target: Quantity, quantities: list[tuple[Quantity, str]]) -> str | None:
    """Opening hours moved to the customer's time zone: "08:00 to 22:00 CET, 07:00 to 21:00 for you"."""
    times = [q for q, _ in quantities if q.kind == "time" and q is not target]
    shifts = [
        d * 1440 for q, src in quantities if q.kind == "duration" and q.unit in {"hour", "minute"} for d in set(q.days)
    ]
    for t in times:
        for s in shifts:
            for sign in (1, -1):
                if abs(t.lo + sign * s - target.lo) < 1e-6 and abs(t.hi + sign * s - target.hi) < 1e-6:
                    return "shifted"
    return None


def derivation(
    target: Quantity, question: list[Quantity], sentence: list[Quantity], evidence: list[Quantity]
) -> str | None:
    """How `target` follows from the question's, the sentence's and the passages' numbers, or None.
    An empty `sentence` list restricts money to derivations that use the question's numbers."""
    quantities = (
        [(q, "question") for q in question]
        + [(q, "sentence") for q in sentence if q is not target and q.text != target.text]
        + [(q, "evidence") for q in evidence]
    )
    if target.kind == "money":
        return _money_derivation(target, quantities)
    if target.kind == "duration":
        return _duration_derivation(target, quantities)
    if target.kind == "date":
        return _date_derivation(target, quantities)
    if target.kind == "time":
        return _time_derivation(target, quantities)
    return None
