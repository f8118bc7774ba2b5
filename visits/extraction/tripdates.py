"""When a trip began and ended, as a sentence tells it: ranges, ends, brief stops, and trips recalled from
an earlier period than the report's."""

from __future__ import annotations

import datetime as dt
import re

from .dates import MONTHS

# A period long before the report: "in early April", "last year", "in 2019", "three years ago"
_PERIOD = re.compile(
    r"\b(?:in|during|since|back in) (?:early |mid-|mid |late |the end of )?"
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?! \d)(?:,? (?P<year>(?:19|20)\d\d))?|"
    r"\blast (?:year|month)\b|\b(?:in|back in) (?P<y2>(?:19|20)\d\d)\b|\b(?:\w+ )?(?:years|months) ago\b|"
    r"\bearlier this year\b",
    re.I,
)


def recalled(text: str, published: dt.date | None, start: dt.date | None) -> bool:
    """Whether a sentence recalls a trip of an earlier period than the report's (a month before its own, an
    earlier year, "last year"), not the trip being reported."""
    if published is None:
        return False
    if start is not None:
        return (published - start).days > 20
    m = next(
        (m for m in _PERIOD.finditer(text) if not re.search(r"\bsince\b[^,.;]{0,60}$", text[: m.start()])),
        None,
    )
    if not m:
        return False
    if m["mon"]:
        month = MONTHS[m["mon"].lower()]
        year = (
            int(m["year"])
            if m["year"]
            else published.year
            if month <= published.month
            else published.year - 1
        )
        return (year, month) < (published.year, published.month)
    if m["y2"]:
        return int(m["y2"]) < published.year
    return True


# "wrapped up his visit to Japan on Friday": the date told is the last day of the visit
_ENDING = re.compile(
    r"\b(?:wrapped up|wrapping up|wraps up|concluded|concludes|concluding|ended|ends|ending|completed|"
    r"completes|wound up|winds up|rounded off|flew (?:back|home))\b[^.;]{0,60}$|"
    r"^[^.;]{0,80}\b(?:to a close|came to an end|drew to a close)\b",
    re.I,
)

_UNTIL = re.compile(
    r"\b(?:until|till|through|to|ends?|ending|concludes?|concluding|wraps? up|returning (?:home )?on)"
    r"\s+(?:on\s+)?$",
    re.I,
)

_BRIEF = re.compile(r"\b(?:stopped briefly|brief (?:stop|stopover)|day trip|stopover)\b", re.I)

_DAYS = re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|[1-7])[- ]day\b|\bday-long\b", re.I)

_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
