"""Date expressions in wire copy, resolved against the article's published date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .text import Gated

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|to|and|&)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_YEAR = r"(?:[,.]?\s*(?P<year>(?:19|20)\d\d))?"
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR)
_DAY_MONTH = re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b" + _YEAR)
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>(?:19|20)?\d\d)(?![\d/])")
_M = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_TO = r"\s*(?:-|–|to|until|till|through|and)\s*"
# a range whose two ends each name their month: "May 30 to June 2", "30 June to 2 July 2024"
_SPAN = re.compile(
    r"\b(?:(?P<m1>" + _M + r")\.?\s+(?P<a1>[0-3]?\d)(?:st|nd|rd|th)?" + _TO + r"(?P<m2>" + _M + r")\.?\s+"
    r"(?P<a2>[0-3]?\d)(?:st|nd|rd|th)?|(?P<b1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1b>"
    + _M
    + r")\.?"
    + _TO
    + r"(?P<b2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2b>"
    + _M
    + r"))\b(?:,?\s*(?P<y>(?:19|20)\d\d))?"
)
_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>last|this|next|on|early|late|earlier|later)\s+)?(?:on\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WD = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAY_RANGE = re.compile(
    r"\b(?:from\s+)?(?P<wd1>" + _WD + r")\s+(?:to|through|till|until|-)\s+(?P<wd2>" + _WD + r")\b"
)
_RELATIVE = Gated(
    re.compile(
        r"\b(?P<w>today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow|last night)\b", re.I
    ),
    "today|tonight|this morning|this afternoon|this evening|yesterday|tomorrow|last night",
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date (or a day range) found at offsets start..end of the text."""

    start: int
    end: int
    date: dt.date
    end_date: dt.date | None = None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _with_year(month: int, day: int, published: dt.date | None, future: bool) -> dt.date | None:
    """Give a year to a day-and-month, choosing the one that puts it nearest the published date."""
    if published is None:
        return None
    best: dt.date | None = None
    best_pen = 0
    for y in (published.year - 1, published.year, published.year + 1):
        cand = _safe(y, month, day)
        if cand is None:
            continue
        delta = (cand - published).days
        # Reports look back more than forward; a future tense allows looking ahead.
        penalty = abs(delta) if (delta <= 0 or future) else abs(delta) * 3
        if best is None or penalty < best_pen:
            best, best_pen = cand, penalty
    return best


def resolve_weekday(weekday: int, published: dt.date, future: bool) -> dt.date:
    """The named weekday nearest the published date: on or before it, or on or after it in future tense."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def find_dates(text: str, offset: int, published: dt.date | None, future: bool = False) -> list[DateMention]:
    """All date mentions in a piece of text, resolved to calendar dates where possible."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], d: dt.date | None, d2: dt.date | None = None) -> None:
        if d is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(DateMention(m.start() + offset, m.end() + offset, d, d2))

    if _DIGIT.search(text):  # each numeric form needs a digit; most sentences have none
        for m in _ISO.finditer(text):
            add(m, _safe(int(m["y"]), int(m["m"]), int(m["d"])))
        for m in _SPAN.finditer(text):  # "from May 30 to June 2", "30 June - 2 July 2024"
            mon1 = MONTHS[(m["m1"] or m["m1b"]).lower().rstrip(".")]
            mon2 = MONTHS[(m["m2"] or m["m2b"]).lower().rstrip(".")]
            d1, d2 = int(m["a1"] or m["b1"]), int(m["a2"] or m["b2"])
            first = _safe(int(m["y"]), mon1, d1) if m["y"] else _with_year(mon1, d1, published, future)
            if first is None:
                continue
            last = _safe(first.year, mon2, d2)
            if last is not None and last < first:
                last = _safe(first.year + 1, mon2, d2)
            if last is not None and 0 < (last - first).days <= 31:
                add(m, first, last)
        for pattern in (_MONTH_DAY, _DAY_MONTH):
            for m in pattern.finditer(text):
                month = MONTHS[m["mon"].lower().rstrip(".")]
                d1, d2 = int(m["d1"]), int(m["d2"]) if m["d2"] else None
                if m["year"]:
                    y = int(m["year"])
                    first = _safe(y, month, d1)
                else:
                    first = _with_year(month, d1, published, future)
                last = _safe(first.year, month, d2) if first and d2 else None
                add(m, first, last if last and last > first else None)
        for m in _NUMERIC.finditer(text):
            y = int(m["y"])
            y = y + 2000 if y < 100 else y
            a, b = int(m["a"]), int(m["b"])
            cands = [c for c in (_safe(y, b, a), _safe(y, a, b)) if c]
            if published and cands:
                cands.sort(key=lambda c: abs((c - published).days))
            add(m, cands[0] if cands else None)
    if published is not None:
        weekday = "day" in text  # every weekday's name ends in "day"
        for m in _WEEKDAY_RANGE.finditer(text) if weekday else ():  # "from Monday to Wednesday"
            w1, w2 = WEEKDAYS[m["wd1"].lower()], WEEKDAYS[m["wd2"].lower()]
            first = resolve_weekday(w1, published, future)
            add(m, first, first + dt.timedelta(days=(w2 - w1) % 7))
        for m in _RELATIVE.finditer(text):
            w = m["w"].lower()
            shift = -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
            add(m, published + dt.timedelta(days=shift))
        for m in _WEEKDAY.finditer(text) if weekday else ():
            rel = (m["rel"] or "").lower()
            fut = future or rel == "next"
            d = resolve_weekday(WEEKDAYS[m["wd"].lower()], published, fut)
            if rel == "last" and d == published:
                d -= dt.timedelta(days=7)
            add(m, d)
    out.sort(key=lambda x: x.start)
    return out


def parse_published(value: object) -> dt.date | None:
    """A published date from an ISO string, a date or a datetime; None when absent or unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
