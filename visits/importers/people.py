"""Split "President Andrzej Duda and Prime Minister Donald Tusk" into people, each a title and a name."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from .countries import UnknownCountry, normalise_country
from .rows import PersonRef

# General enough for heads of state and government, ministers, monarchs, officers and heads of
# international bodies; longest first so "Prime Minister" wins over "Minister".
TITLES: tuple[str, ...] = (
    "President",
    "Vice President",
    "Vice-President",
    "Prime Minister",
    "Deputy Prime Minister",
    "First Deputy Prime Minister",
    "Premier",
    "Vice Premier",
    "Chancellor",
    "Vice Chancellor",
    "Taoiseach",
    "King",
    "Queen",
    "Emperor",
    "Empress",
    "Shah",
    "Amir",
    "Emir",
    "Sultan",
    "Crown Prince",
    "Crown Princess",
    "Prince",
    "Princess",
    "Grand Duke",
    "Grand Duchess",
    "Regent",
    "Pope",
    "Patriarch",
    "Cardinal",
    "Archbishop",
    "Governor General",
    "Governor-General",
    "Governor",
    "Mayor",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Chief of State",
    "Head of State",
    "Head of Government",
    "General Secretary",
    "First Secretary",
    "Secretary-General",
    "Secretary General",
    "Deputy Secretary-General",
    "Secretary of State",
    "Secretary",
    "Foreign Minister",
    "Foreign Secretary",
    "Minister",
    "Defense Minister",
    "Defence Minister",
    "Finance Minister",
    "Interior Minister",
    "Trade Minister",
    "Economy Minister",
    "Energy Minister",
    "State Counselor",
    "State Councilor",
    "National Security Adviser",
    "National Security Advisor",
    "High Representative",
    "Special Envoy",
    "Commissioner",
    "Speaker",
    "Ambassador",
    "Director General",
    "Director-General",
    "High Commissioner",
    "High Representative",
    "Special Adviser",
    "Special Advisor",
    "Adviser",
    "Advisor",
    "leader",
    "Leader",
    "Junta Member",
    "Heir Apparent",
    "Chief Executive",
    "Royal Counselor",
    "Special Representative",
    "Representative",
    "Administrator",
    "Commander-in-Chief",
    "Commander",
    "Generalissimo",
    "Comandante",
    "Chair",
    "Field Marshal",
    "Marshal",
    "General",
    "Brigadier General",
    "Lieutenant General",
    "Major General",
    "Admiral",
    "Colonel",
)
MODIFIERS = r"(?:(?:Acting|Interim|Provisional|Transitional|Former|former|Federal|Deputy|Outgoing)\s+)*"
SUFFIXES = r"(?:\s*-\s*(?:elect|Elect|designate|Designate))?"
# "of ..." phrases that belong to the title ("Secretary-General of the United Nations Ban Ki-moon").
OF_PHRASES: tuple[str, ...] = (
    "the United Nations",
    "the UN",
    "NATO",
    "the Presidency",
    "the Presidium",
    "the Council of Ministers",
    "the State Council",
    "the European Commission",
    "the European Council",
    "the Organization of American States",
    "the OAS",
    "the African Union Commission",
    "the Arab League",
    "State",
    "Foreign Affairs",
    "External Affairs",
    "Defense",
    "Defence",
    "Finance",
    "Trade",
    "the Interior",
    "Refugees",
    "Human Rights",
    "Foreign Affairs and Security Policy",
    "Foreign Affairs and Expatriates",
    "Foreign Affairs and International Cooperation",
    "Foreign and Commonwealth Affairs",
    "National Defense",
    "National Defence",
    "Justice",
    "Economy",
    "Commerce",
    "Agriculture",
    "Energy",
    "Health",
    "Education",
    "Home Affairs",
    "Public Security",
    "Planning",
)
# Typos seen in the HSG visitor field; fixed before matching so the title is recognised.
TITLE_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bMinste?re?\b"), "Minister"),
    (re.compile(r"\bMInister\b"), "Minister"),
    (re.compile(r"\bMinistere\b"), "Minister"),
    (re.compile(r"\bMinister(?=[A-Z])"), "Minister "),
    (re.compile(r"\b(President|Chancellor)-\s+(elect|designate)\b"), r"\1-\2"),
    (re.compile(r"(?<=Minister)-(?=[A-Z])"), " "),
)

_title_alt = "|".join(re.escape(t) for t in sorted(set(TITLES), key=len, reverse=True))
_of_alt = "|".join(re.escape(p) for p in sorted(OF_PHRASES, key=len, reverse=True))
TITLE_RE = re.compile(
    rf"(?<![\w-])(?P<title>{MODIFIERS}(?:{_title_alt}){SUFFIXES}(?:\s+(?:of|for)\s+(?:{_of_alt}))?)(?![\w-])"
)
# Generational suffixes stay with the name: "Benigno S. Aquino, 3rd", "Surangel Whipps, Jr".
NAME_SUFFIX_RE = re.compile(r"^(?:Jr|Sr|Jnr|2nd|3rd|4th|I{1,3}|IV|V)\.?$")
PARTICLES = frozenset(
    [
        "al",
        "bin",
        "bint",
        "ibn",
        "abu",
        "abd",
        "de",
        "da",
        "das",
        "del",
        "della",
        "di",
        "do",
        "dos",
        "du",
        "e",
        "el",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "y",
        "und",
        "of",
        "ben",
        "bte",
        "binti",
    ]
)
# Groups and bodies are not people: "the Foreign Ministers of Russia", "Egyptian officials".
GROUP_RE = re.compile(
    r"(?i)\b(?:ministers|presidents|leaders|officials|representatives|members|delegations?|heads|counterparts"
    r"|government|council|parliament|congress|assembly|committee|forces|troops|embassy|staff|people|allies"
    r"|community|society|agency|presidency|executive|aides?|foreign|educational|triumvirate|marines"
    r"|ambassadors|serbs?|germany|britain|union|organization|commission|U\.S)\b"
)
ARTICLE_RE = re.compile(r"^(?:the|The|his|her|their)\s+")
# "and" inside a post's name does not join two people: "for Foreign Affairs and Security Policy".
_POST_AND = r"(?!Security Policy\b|Expatriates\b|Commonwealth Affairs\b|International Cooperation\b)"
SPLIT_RE = re.compile(rf"\s*(?:;|,\s*and\s+{_POST_AND}|,|\s+and\s+{_POST_AND}|\s+&\s+)\s*")
TRAILING_DATE_RE = re.compile(
    r"[\s,]+(?:on\s+)?(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:,?\s+\d{4})?\s*$"
)
# Qualifiers before a title that name a body, not a nationality, are worth keeping in the title.
BODY_QUALIFIER_RE = re.compile(
    r"\b(?:ASEAN|NATO|UN|U\.N\.|EU|OAS|OSCE|African Union|European|Commission|Union|Authority|Council"
    r"|League|Organization|Bank|Fund|Agency|Quartet)\b"
)


def clean(text: str) -> str:
    """Collapse whitespace, the way XML pretty-printing breaks long lines."""
    return " ".join(text.split())


def _fix_typos(text: str) -> str:
    for pattern, replacement in TITLE_TYPOS:
        text = pattern.sub(replacement, text)
    return text


def split_people(text: str) -> list[str]:
    """Split a list of people on commas and "and", keeping "Jr." and "3rd" with their names."""
    parts: list[str] = []
    for part in SPLIT_RE.split(clean(text)):
        part = part.strip(" .")
        if not part:
            continue
        if parts and NAME_SUFFIX_RE.match(part):
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    return parts


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 8:
        return False
    for token in tokens:
        bare = token.strip(".,'’()")
        if not bare:
            return False
        if bare[0].isupper() or (bare[0].isdigit() and NAME_SUFFIX_RE.match(bare)):
            continue
        if bare.lower() in PARTICLES or re.match(r"^(?:al|el|ad|as|an|ar|at|az|d|l)['’-]", bare):
            continue
        return False
    return True


def _is_country(text: str) -> bool:
    try:
        normalise_country(text)
    except UnknownCountry:
        return False
    return True


_OF_PLACE_RE = re.compile(
    r"^(?P<name>.*?)\s*\bof\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$"
)
_LEADING_OF_RE = re.compile(r"^of\s+(?:the\s+)?(?P<rest>[A-Z].*)$")
# Styles that begin a name after a place in the title ("Crown Prince of Abu Dhabi Sheikh Mohammed").
_NAME_STYLES = ("Sheikh", "Shaikh", "Sheikha", "Prince", "Princess", "King", "Sultan", "Emir", "Amir")


def _split_of(name: str, *, leading: bool = True) -> tuple[str, str, str | None]:
    """Split "of <Country>" off a name: (name, words that belong to the title, the country's code).

    "Hussein of Jordan" -> ("Hussein", "", "JO"); "of Kuwait" -> ("", "", "KW"); "of Abu Dhabi Sheikh
    Mohammed bin Zayed" -> ("Sheikh Mohammed bin Zayed", "of Abu Dhabi", None). A place that is not a
    country stays where it was unless a style word shows where the name begins.
    """
    if leading:
        lead = _LEADING_OF_RE.match(name)
        if lead:
            words = lead.group("rest").split()
            for n in range(min(4, len(words)), 0, -1):
                code = _country_code(" ".join(words[:n]))
                if code:
                    return " ".join(words[n:]), "", code
            for i, word in enumerate(words[1:], start=1):
                if word in _NAME_STYLES:
                    return " ".join(words[i:]), "of " + " ".join(words[:i]), None
            # "of the Presidency Nikola Poplasen": a post's name, then the person's (the last two words,
            # and the words a particle ties to them).
            start = max(len(words) - 2, 1)
            while start > 1 and words[start].lower() in PARTICLES:
                start -= 1
            if start >= 1:
                return " ".join(words[start:]), "of " + " ".join(words[:start]), None
            return name, "", None
    tail = _OF_PLACE_RE.match(name)
    if tail and tail.group("name"):
        code = _country_code(tail.group("place"))
        if code:
            return tail.group("name").strip(" ,"), "", code
    return name, "", None


def _country_code(text: str) -> str | None:
    try:
        return normalise_country(text)
    except UnknownCountry:
        return None


# Adjectives that name a country in front of a title; more than news copy needs, fewer than any list has.
_EXTRA_DEMONYMS = {
    "Soviet": "SU",
    "Yugoslav": "YU",
    "Yugoslavian": "YU",
    "Czechoslovak": "CS",
    "Czechoslovakian": "CS",
    "East German": "DD",
    "West German": "DE",
    "South Korean": "KR",
    "North Korean": "KP",
    "South Vietnamese": "VN",
    "Nationalist Chinese": "TW",
    "Taiwanese": "TW",
    "Russian Federation": "RU",
    "Turkish Cypriot": None,
    "Greek Cypriot": "CY",
}


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str | None]:
    """Demonym -> ISO code, from the extraction's table (visits/extraction/data/demonyms.tsv) and extras."""
    table: dict[str, str | None] = {}
    path = Path(__file__).resolve().parent.parent / "extraction" / "data" / "demonyms.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and "\t" in line:
                code, words = line.split("\t", 1)
                for word in words.split("|"):
                    table[word.strip()] = code.strip()
    table.update(_EXTRA_DEMONYMS)
    return table


def country_of_qualifier(qualifier: str) -> str | None:
    """The country a qualifier before a title names: "Israeli", "Saudi Arabian", "United Arab Emirates"."""
    words = qualifier.replace("’s", "").replace("'s", "").split()
    demonyms = _demonyms()
    for n in range(min(3, len(words)), 0, -1):
        phrase = " ".join(words[:n])
        if phrase in demonyms:
            return demonyms[phrase]
        code = _country_code(phrase) if phrase[:1].isupper() else None
        if code:
            return code
    return None


def parse_person(text: str, country: str | None = None, *, strict: bool = False) -> PersonRef | None:
    """Parse "Prime Minister Gordon Brown" into title + name; None when the text names nobody.

    strict: free text (remarks) needs a title or a clean multi-word name to count as a person.
    """
    text = TRAILING_DATE_RE.sub("", _fix_typos(clean(text))).strip(" .,;:")
    text = ARTICLE_RE.sub("", text)
    if not text:
        return None
    match = TITLE_RE.search(text)
    if match:
        qualifier = text[: match.start()].strip()
        title = match.group("title")
        if qualifier.startswith("former"):
            qualifier, title = qualifier[len("former") :].strip(), f"former {title}"
        if qualifier and not _looks_like_name(qualifier):
            return None
        # "Israeli Prime Minister Netanyahu", "United Arab Emirates Foreign Minister": the post's country.
        stated = country_of_qualifier(qualifier) if qualifier else None
        if qualifier and BODY_QUALIFIER_RE.search(qualifier):
            title = f"{qualifier} {title}"
        name = text[match.end() :].strip(" ,")
        # "Amir of Kuwait", "King Hussein of Jordan", "Crown Prince of Abu Dhabi Sheikh Mohammed ...".
        name, place_title, of_country = _split_of(name)
        if place_title:
            title = f"{title} {place_title}"
        if strict and name and not _looks_like_name(name):
            return None
        return PersonRef(name=name or None, title=title, country=of_country or stated or country)
    if strict and _is_country(text):
        return None  # "Federal Republic of Germany" is a country, not a "Federal Republic" of Germany
    name, _, of_country = _split_of(text, leading=False)
    if not name or not _looks_like_name(name):
        return None
    if strict and (len(name.split()) < 2 or GROUP_RE.search(name) or _is_country(name)):
        return None
    return PersonRef(name=name, title=None, country=of_country or country)


def parse_people(text: str, country: str | None = None, *, strict: bool = False) -> list[PersonRef]:
    """Parse a list of people; a bare title followed by a person is one person ("Premier and Prince X")."""
    people: list[PersonRef] = []
    pending_title: str | None = None
    for part in split_people(text):
        person = parse_person(part, country, strict=strict)
        if person is None:
            pending_title = None
            continue
        bare_title = person.name is None and not ARTICLE_RE.match(part)
        if pending_title and person.name:
            person = PersonRef(
                name=person.name, title=f"{pending_title} and {person.title or ''}".strip(), country=country
            )
            people.pop()
        # "Vice President and Foreign Minister Isabel de Saint Malo": one person holding two posts.
        pending_title = person.title if bare_title else None
        people.append(person)
    return dedupe_people(people)


def dedupe_people(people: list[PersonRef]) -> list[PersonRef]:
    """Drop repeats of the same person (same key, or same name and title), keeping the first."""
    seen: set[tuple[str, str]] = set()
    result: list[PersonRef] = []
    for person in people:
        if person.key:
            ident = ("key", person.key)
        elif person.name:
            ident = ("name", person.name.casefold())
        else:
            ident = ("title", (person.title or "").casefold())
        if ident in seen:
            continue
        seen.add(ident)
        result.append(person)
    return result
