"""Whether a page (or one of its sections) is no longer current: archived, superseded, withdrawn,
or valid only until a date that has passed. An answer never presents such a page's rule as the
current one.

What marks a page, in the ways help centres mark them:
- metadata (front matter) at the top of the document: `status: archived`, `archived: true`,
  `superseded_by: ...`, `valid_until: 2023-12-31` (or `expires`, `effective_until`);
- its title or a section heading: "Returns policy (archived)", "Superseded: ...", "Old ...
  policy", "... (valid until March 2024)";
- its title ending in a year in brackets before this one: "Mattress sleep trial (2022)" is that
  year's edition of a page (a title naming this year, "Holiday returns (2026)", is current);
- a label before its title: "Legacy: Returns", "[Archive] Delivery fees", "Old - Price list";
- a notice in its first lines: "This page is archived", "This policy has been superseded by
  ...", "These terms have been replaced", "This article no longer applies", "Valid until 31
  December 2023", also quoted or in bold ("> **ARCHIVED PAGE** ...");
- a closing notice about the page itself in its last lines: "This article was replaced on 3 March
  2024 by ...", "Kept for reference only";
- a page-information row at its start or end: "| Status | Retired |", "Status: archived";
- an HTML page's head: `<meta name="status" content="retired">`, or a canonical link to another
  article (core/loaders.py turns these into metadata lines).

A sentence inside a current page that says a rule "no longer applies" in some case is a rule,
not a status: only the page's head, title and headings are read, and of its end only a notice
whose subject is the page."""

from __future__ import annotations

import datetime as dt
import re

_STATUS_WORDS = r"archived|superseded|obsolete|outdated|out of date|deprecated|withdrawn|retired|expired|discontinued"
_META_STATUS = re.compile(
    rf"^\s*(?:status|state|lifecycle)\s*:\s*[\"']?(?:{_STATUS_WORDS}|inactive|old|historic(?:al)?)\b", re.I | re.M
)
# a page-information table or line, often at the end of the page: "| Status | Retired |"
_STATUS_ROW = re.compile(
    rf"^\s*\|?\s*(?:page\s+|article\s+)?(?:status|state|lifecycle)\s*(?:\||:)\s*\**(?:{_STATUS_WORDS}|inactive)\b",
    re.I | re.M,
)
_META_FLAG = re.compile(r"^\s*(?:archived|superseded|deprecated|obsolete)\s*:\s*[\"']?(?:true|yes|1)\b", re.I | re.M)
_META_REPLACED = re.compile(r"^\s*(?:superseded[_ -]by|replaced[_ -]by)\s*:\s*\S", re.I | re.M)
_META_UNTIL = re.compile(
    r"^\s*(?:valid[_ -]?(?:until|to|through)|expires?(?:[_ -]on)?|expiry(?:[_ -]date)?|effective[_ -]?(?:until|to)"
    r"|end[_ -]date|archived[_ -]on)\s*:\s*[\"']?(?P<date>[^\n\"']+)",
    re.I | re.M,
)
# In a title or heading "expired", "withdrawn", "retired" and "discontinued" usually describe the
# subject ("Expired cards", "The code expired"): they mark the page only in brackets.
_HEADING_MARK = re.compile(
    r"\b(?:archived|superseded|obsolete|outdated|out of date|deprecated)\b"
    r"|[(\[]\s*(?:expired|withdrawn|retired|discontinued)\b"
    r"|\b(?:old|previous|former|legacy)\s+(?:\w+\s+)?"
    r"(?:policy|policies|version|terms|rules|plans|prices|pricing|rates|fees|charges|offers)\b",
    re.I,
)
_NOTICE = re.compile(
    r"\b(?:this|these|the)\s+(?:page|article|policy|document|version|information|section|guide|post|entry|notice|faq"
    r"|terms|rules|conditions|prices)"
    r"\b[^.!?\n]{0,60}?(?:\b(?:is|was|has been|have been|are)\s+(?:now\s+)?(?:"
    + _STATUS_WORDS
    + r"|replaced)|\bno longer (?:valid|current|in (?:effect|force|use)|applies|apply|applicable|maintained|updated))\b"
    r"|\b(?:no longer (?:valid|in (?:effect|force)|current)|not (?:current|valid) any ?more)\b"
    r"|^[\s>*_#-]*(?:archived|superseded|outdated|obsolete)\b",
    re.I | re.M,
)
_TITLE_LABEL = re.compile(
    r"^\s*[(\[]?\s*(?:legacy|archive|archived|old|previous|former|historic(?:al)?)\s*(?:[)\]]|[:\u2013\u2014|]|\s-\s)",
    re.I,
)
_CLOSING_NOTICE = re.compile(
    r"\b(?:this|the)\s+(?:page|article|document|version|guide|post|entry|policy|notice|faq)\b[^.!?\n]{0,60}?"
    r"\b(?:is|was|has been)\s+(?:now\s+)?(?:archived|superseded|replaced|retired|withdrawn|deprecated)\b"
    r"|\b(?:kept|retained|preserved|left)\s+(?:online\s+|here\s+)?(?:only\s+)?(?:for|as)\s+"
    r"(?:historical\s+)?(?:reference|the record|archival purposes)\b"
    r"|\bfor (?:historical )?reference only\b",
    re.I,
)
_NOTICE_UNTIL = re.compile(
    r"\b(?:valid|applied|applies|applicable|in (?:effect|force)|effective|ran|available|sold|offered)\s+(?:only\s+)?"
    r"(?:from\s+[^.;\n)]{3,30}?\s+)?(?:until|till|through|to)\s+(?P<date>[^.;\n)]{4,60})",
    re.I,
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MONTH_ABBREVIATIONS = {m[:3]: n for m, n in _MONTHS.items()}
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d?)(?:-(?P<d>\d\d?))?\b")
_DAY_MONTH_YEAR = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>(?:19|20)\d\d)\b")
_MONTH_DAY_YEAR = re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<y>(?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")
_DAY_SLASH = re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d\d)\b")

HEAD_CHARS = 600  # how much of a document's first passage is read for a notice
TAIL_CHARS = 600  # and of its last passage, for a closing notice


def _month(word: str) -> int | None:
    w = word.lower()
    return _MONTHS.get(w) or _MONTH_ABBREVIATIONS.get(w[:3]) if len(w) >= 3 else None


def _last_day(year: int, month: int) -> int:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def parse_end_date(text: str) -> dt.date | None:
    """The last day a date expression covers ("2023" -> 31 Dec 2023, "March 2024" -> 31 Mar 2024)."""
    try:
        if m := _ISO.search(text):
            y, mo = int(m["y"]), int(m["m"])
            return dt.date(y, mo, int(m["d"]) if m["d"] else _last_day(y, mo))
        if m := _DAY_SLASH.search(text):
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
            if (m := pattern.search(text)) and (month := _month(m["mon"])):
                return dt.date(int(m["y"]), month, int(m["d"]))
        if (m := _MONTH_YEAR.search(text)) and (month := _month(m["mon"])):
            return dt.date(int(m["y"]), month, _last_day(int(m["y"]), month))
        if m := _YEAR.search(text):
            return dt.date(int(m["y"]), 12, 31)
    except ValueError:
        return None
    return None


_EDITION_YEAR = re.compile(r"[(\[]\s*(?P<y>(?:19|20)\d\d)\s*[)\]]\s*$")


_RANGE_END = re.compile(r"\b(?:to|until|till|through|and|-|\u2013)\s+(?=\S*\d)", re.I)


def _past(date_text: str, today: dt.date) -> bool:
    """Whether the date (the end of a range: "from 1 April 2022 to 31 March 2024") has passed."""
    ends = list(_RANGE_END.finditer(date_text))
    end = parse_end_date(date_text[ends[-1].end() :]) if ends else parse_end_date(date_text)
    return end is not None and end < today  # an end that cannot be read is no evidence


def stale_reason(head: str, title: str = "", headings: str = "", today: dt.date | None = None, tail: str = "") -> str:
    """Why a page is not current ("" when it is): `head` is the start of the document (its
    metadata and first lines), `title` its title, `headings` the section path of the passage,
    `tail` the end of the document."""
    today = today or dt.date.today()
    head = head[:HEAD_CHARS]
    if _META_STATUS.search(head) or _META_FLAG.search(head):
        return "marked archived in its metadata"
    if _META_REPLACED.search(head):
        return "marked superseded in its metadata"
    for m in _META_UNTIL.finditer(head):
        if _past(m["date"], today):
            return f"valid until {m['date'].strip()}"
    edition = _EDITION_YEAR.search(title or "")
    if edition is not None and int(edition["y"]) < today.year:
        return f"its title names an earlier year: {title.strip()!r}"
    if title and _TITLE_LABEL.search(title):
        return f"its title is labelled {title.strip()!r}"
    for label, text in (("title", title), ("section", headings)):
        if text and _HEADING_MARK.search(text):
            return f"its {label} says {text.strip()!r}"
        for m in _NOTICE_UNTIL.finditer(text or ""):
            if _past(m["date"], today):
                return f"its {label} says valid until {m['date'].strip()}"
    notice = _NOTICE.search(head)
    if notice is not None:
        return f"it says {notice.group(0).strip()!r}"
    for m in _NOTICE_UNTIL.finditer(head):
        if _past(m["date"], today):
            return f"it says valid until {m['date'].strip()}"
    closing = _CLOSING_NOTICE.search(tail[-TAIL_CHARS:])
    if closing is not None:
        return f"it ends saying {closing.group(0).strip()!r}"
    row = _STATUS_ROW.search(head) or _STATUS_ROW.search(tail[-TAIL_CHARS:])
    if row is not None:
        return f"its page information says {row.group(0).strip(' |')!r}"
    return ""
