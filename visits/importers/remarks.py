"""Read the free-text HSG descriptions/remarks: kind, purpose, organisations and "Met with ..." meetings."""

from __future__ import annotations

import datetime
import re

from .people import clean, dedupe_people, parse_people
from .rows import Kind, MeetingRow, PersonRef

# Earliest stated kind wins: "Working visit. Met with President Bush at the U.S.-EU Summit".
# An official working visit ranks below an official visit in U.S. protocol (no arrival ceremony, no state
# dinner), so it counts as working; "informal"/"unofficial" visits have no official programme: private.
KIND_PATTERNS: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"(?i)\bstate\s+visit"), "state"),
    (re.compile(r"(?i)\bofficial\s+working\s+visit"), "working"),
    (re.compile(r"(?i)\bofficial\s+visit"), "official"),
    (re.compile(r"(?i)\bworking\s+(?:visit|trip|brunch|lunch|luncheon|dinner)"), "working"),
    (re.compile(r"(?i)\b(?:private|informal|unofficial)\s+visit"), "private"),
)
MULTILATERAL_RE = re.compile(
    r"(?i)\b(?:summit|conference|general assembly|ministerial|council|assembly|session|forum|G-?\d+|"
    r"meeting of|meetings of)\b"
)
# Sentence ends: a period after two lowercase letters or a bracket, so "W. D. Cameron", "U.S." and
# "Dr." do not end a sentence.
# A period before "Attended the ..." (a capitalised word, then a lowercase one that is no name particle)
# also ends one, which catches "King Abdullah II. Attended the summit".
SENTENCE_RE = re.compile(
    r"(?<=[a-z\)]{2}[.!?])\s+(?=[A-Z])|(?<=[.!?]\))\s+|;\s*"
    r"|(?<=[.!?])\s+(?=[A-Z][a-z]+\s+(?!(?:al|bin|bint|ibn|de|da|del|di|do|dos|du|el|la|le|van|von|y)\b)[a-z])"
)
MEET_RE = re.compile(
    r"\b(?:(?:[Mm]et|[Mm]eetings?|[Cc]onferred|[Tt]alks|[Cc]onsulted|[Cc]onsultations|[Dd]ined|[Ll]unch(?:eon)?"
    r"|[Dd]inner|[Bb]reakfast|[Nn]egotiated|[Nn]egotiations)\s+(?:separately\s+|again\s+|also\s+|privately\s+)?"
    r"with\s+"
    # "Discussed the Middle East peace process with ...", "a discussion on arms limitation with ...".
    r"|(?:[Dd]iscuss(?:ed|ing|ions?)|[Rr]eview(?:ed|ing)|[Cc]onsult(?:ed|ing))\b[^.;()]{0,120}?\swith\s+"
    # "Also present were Prime Minister Trudeau of Canada, Queen Beatrix of the Netherlands, ...".
    r"|\b(?:[Aa]lso\s+)?[Pp]resent\s+were\s+"
    r"|[Gg]reeted\s+)"
)
# Where the list of people ends: a place, a time, a purpose, or "and <verb>".
MEET_END_RE = re.compile(
    r"\s+(?:at|during|in|on|to|while|after|before|prior|regarding|concerning|about|who|where|when"
    r"|following|aboard|upon|under|near|outside|over|until|as)\s+"
    # "for"/"from" end the list before lower case only: "High Commissioner for Refugees Filippo Grandi".
    r"|\s+(?:for|from)\s+(?![A-Z])|\(|:|,?\s+and\s+(?=[a-z])(?!al-|with\s|and\s)"
    r"|\s+(?:again|separately|also|together|briefly|privately|twice)\b"
    r"|,\s+(?=[a-z])(?!and\s|with\s|al-)"
)
# "(IAEA)" after a body's name, "and with" between people: neither ends the list of people met.
ACRONYM_RE = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)")
AND_WITH_RE = re.compile(r",?\s+and\s+(?:also\s+)?with\s+")
MONTHS = {
    month: number
    for number, month in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
MEET_DATE_RE = re.compile(r"\b(?P<month>" + "|".join(MONTHS) + r")\s+(?P<day>\d{1,2})\b(?!,?\s*\d{4})")
ATTEND_RE = re.compile(
    r"\b(?:[Aa]ttended|[Aa]ttending|to attend|[Pp]articipated in|[Aa]ddressed)\s+(?P<event>[^.;]+?)"
    r"(?=\s*(?:[.;]\s|[.;]?$|,?\s+and\s+(?:met|held|visited|signed|addressed|toured)\b|,\s+met\b))"
)
AT_EVENT_RE = re.compile(
    r"\bat the (?P<event>(?:[A-Z0-9][\w.&’'-]*\s+)*?(?:[\w.&-]+\s+)?(?:Summit|Assembly|Conference|Meeting"
    r"|Session|Forum|Games|Olympics)\b[^.;]*)"
)

# Bodies named in remarks, by canonical short name; aliases are matched as whole words.
ORGANISATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "NATO",
        (
            "NATO",
            "North Atlantic Treaty Organization",
            "North Atlantic Alliance",
            "North Atlantic Council",
            "Atlantic Alliance",
        ),
    ),
    ("GCC", ("GCC", "Gulf Cooperation Council")),
    ("UN", ("United Nations", "UN", "U.N.", "UNGA")),
    ("EU", ("European Union", "EU", "European Council", "European Commission")),
    (
        "EEC",
        ("European Economic Community", "EEC", "European Community", "European Communities", "Common Market"),
    ),
    ("ASEAN", ("ASEAN", "Association of Southeast Asian Nations")),
    ("APEC", ("APEC", "Asia-Pacific Economic Cooperation", "Asia-Pacific Economic and Cooperation")),
    ("OAS", ("OAS", "Organization of American States")),
    ("AU", ("African Union",)),
    ("OAU", ("OAU", "Organization of African Unity")),
    ("Arab League", ("Arab League", "League of Arab States")),
    (
        "OSCE",
        (
            "OSCE",
            "Organization for Security and Cooperation in Europe",
            "Organization for Security and Co-operation in Europe",
        ),
    ),
    ("CSCE", ("CSCE", "Conference on Security and Cooperation in Europe")),
    ("G7", ("G-7", "G7", "Group of Seven")),
    ("G8", ("G-8", "G8", "Group of Eight")),
    ("G20", ("G-20", "G20", "Group of Twenty")),
    ("SEATO", ("SEATO", "Southeast Asia Treaty Organization")),
    ("CENTO", ("CENTO", "Central Treaty Organization", "Baghdad Pact")),
    ("OECD", ("OECD", "Organization for Economic Cooperation and Development")),
    ("IAEA", ("IAEA", "International Atomic Energy Agency")),
    ("IMF", ("IMF", "International Monetary Fund")),
    ("World Bank", ("World Bank",)),
    ("WTO", ("WTO", "World Trade Organization")),
    ("OPEC", ("OPEC",)),
    ("Commonwealth", ("Commonwealth Heads of Government", "CHOGM")),
    ("ANZUS", ("ANZUS",)),
    ("Warsaw Pact", ("Warsaw Pact",)),
    ("Council of Europe", ("Council of Europe",)),
    ("Pacific Islands Forum", ("Pacific Islands Forum",)),
    ("CARICOM", ("CARICOM", "Caribbean Community")),
    ("OIC", ("Organization of Islamic Cooperation", "Organization of the Islamic Conference")),
    ("EAS", ("East Asia Summit",)),
    ("SCO", ("Shanghai Cooperation Organization",)),
    ("Quad", ("Quad Leaders", "Quadrilateral Security Dialogue")),
)
_ORG_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        name,
        re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")"
            r"(?![\w]|-(?!\w))"
        ),
    )
    for name, aliases in ORGANISATIONS
)


def kind_from_text(text: str) -> Kind:
    """Return the visit kind the text states, else multilateral for an attended event, else unknown."""
    found: list[tuple[int, Kind]] = []
    for pattern, kind in KIND_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), kind))
    if found:
        return min(found)[1]
    event = purpose_from_text(text)
    if event and MULTILATERAL_RE.search(event):
        return "multilateral"
    return "unknown"


def purpose_from_text(text: str) -> str | None:
    """Return the event the visit was for ("the NATO Summit Meeting in Chicago, IL"), if named."""
    text = clean(text)
    match = ATTEND_RE.search(text) or AT_EVENT_RE.search(text)
    if not match:
        return None
    return match.group("event").strip(" ,") or None


def organisations_from_text(text: str) -> list[str]:
    """Return the canonical names of the bodies the text mentions, in order of first mention."""
    text = clean(text)
    hits: list[tuple[int, str]] = []
    for name, pattern in _ORG_RES:
        match = pattern.search(text)
        if match:
            hits.append((match.start(), name))
    return [name for _, name in sorted(hits)]


def sentences(text: str) -> list[str]:
    """Split remarks into sentences without breaking at initials or "U.S."."""
    return [s.strip() for s in SENTENCE_RE.split(clean(text)) if s and s.strip()]


def _meeting_date(
    clause: str, start: datetime.date | None, end: datetime.date | None
) -> datetime.date | None:
    match = MEET_DATE_RE.search(clause)
    if not match or start is None:
        return None
    month, day = MONTHS[match.group("month")], int(match.group("day"))
    for year in dict.fromkeys((start.year, (end or start).year)):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        # Allow a few days around the trip: remarks often date a meeting just before or after it.
        if start - datetime.timedelta(days=62) <= candidate <= (end or start) + datetime.timedelta(days=62):
            return candidate
    return None


def meetings_from_text(
    text: str,
    *,
    subjects: list[PersonRef],
    country: str | None,
    city: str | None,
    start: datetime.date | None,
    end: datetime.date | None,
) -> list[MeetingRow]:
    """Return one meeting per "Met with ..." clause naming at least one person; subjects attend each."""
    meetings: list[MeetingRow] = []
    for sentence in sentences(text):
        sentence = AND_WITH_RE.sub(" and ", ACRONYM_RE.sub("", sentence))
        for match in MEET_RE.finditer(sentence):
            rest = sentence[match.end() :]
            stop = MEET_END_RE.search(rest)
            listed = rest[: stop.start()] if stop else rest
            others = parse_people(listed, strict=True)
            if not others:
                continue
            meetings.append(
                MeetingRow(
                    participants=dedupe_people([*subjects, *others]),
                    date=_meeting_date(rest, start, end),
                    city=city,
                    country=country,
                )
            )
    return meetings
