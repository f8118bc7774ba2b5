"""Country slugs and names to ISO 3166-1 alpha-2 codes.

Decisions, so that every reader agrees:
- A state that still exists keeps its current code under any old name (burma -> MM, swaziland -> SZ,
  macedonia -> MK, zaire-era "congo-kinshasa" -> CD).
- A state that no longer exists gets its ISO 3166-3 former alpha-2 code: USSR -> SU, Yugoslavia -> YU,
  Czechoslovakia -> CS, German Democratic Republic -> DD, Netherlands Antilles -> AN. ISO reused CS for
  Serbia and Montenegro (2003-2006); the record's date tells the two apart.
- Palestinian territories (west-bank, palestinian-authority) -> PS; Kosovo -> XK, the user-assigned code
  that the EU, the IMF and most libraries use (django-countries needs it added via COUNTRIES_OVERRIDE).
- HSG files the Kingdom/Republic of Hawaii (1874-1898) as "hawaii": no ISO code fits and "US" would make a
  visit to the U.S. from the U.S., so it resolves to None and readers warn instead of guessing.
"""

from __future__ import annotations

import functools

import pycountry

from common.country_codes import HISTORIC_CODES

# Slugs that pycountry's exact lookup cannot resolve (or resolves wrongly); None = known, no code.
SLUG_TABLE: dict[str, str | None] = {
    "antigua-barbuda": "AG",
    "bosnia-herzegovina": "BA",
    "brunei": "BN",
    "burma": "MM",
    "cape-verde": "CV",
    "congo-democratic-republic": "CD",
    "congo-kinshasa": "CD",
    "congo-republic": "CG",
    "cote-divoire": "CI",
    "czechoslovakia": "CS",
    "german-democratic-republic": "DD",
    "east-germany": "DD",
    "guinea-bissau": "GW",
    "hawaii": None,
    "holy-see": "VA",
    "korea": "KR",  # the one record using it is labelled "Korea, South"
    "korea-north": "KP",
    "korea-south": "KR",
    "kosovo": "XK",
    "macedonia": "MK",
    "micronesia": "FM",
    "netherlands-antilles": "AN",
    "palestinian-authority": "PS",
    "west-bank": "PS",
    "russia": "RU",
    "ussr": "SU",
    "soviet-union": "SU",
    "saint-kitts-nevis": "KN",
    "saint-vincent-grenadines": "VC",
    "somoa": "WS",  # a typo for Samoa in the source
    "swaziland": "SZ",
    "timor-leste": "TL",
    "turkey": "TR",
    "turkiye": "TR",
    "yugoslavia": "YU",
    "serbia-and-montenegro": "CS",
    "united-states": "US",
}

# The slug names today's state but the label names the historic one the visit really involved.
LABEL_OVERRIDES: dict[tuple[str, str], str] = {
    ("russia", "u.s.s.r."): "SU",
    ("russia", "ussr"): "SU",
    ("russia", "soviet union"): "SU",
    ("serbia", "serbia and montenegro"): "CS",
}


class UnknownCountry(ValueError):
    """Raised when a slug or code names no country we know."""


@functools.lru_cache(maxsize=1024)
def _lookup_slug(slug: str) -> str | None:
    if slug in SLUG_TABLE:
        return SLUG_TABLE[slug]
    try:
        return pycountry.countries.lookup(slug.replace("-", " ")).alpha_2
    except LookupError:
        raise UnknownCountry(f"unknown country slug {slug!r}") from None


def country_from_slug(slug: str, label: str | None = None) -> str | None:
    """Return the alpha-2 code for an HSG country slug (None for a known place without a code)."""
    key = slug.strip().lower()
    if not key:
        raise UnknownCountry("empty country slug")
    if label:
        override = LABEL_OVERRIDES.get((key, " ".join(label.lower().split())))
        if override:
            return override
    return _lookup_slug(key)


@functools.lru_cache(maxsize=1024)
def normalise_country(value: str) -> str:
    """Return the alpha-2 code for a code (alpha-2/alpha-3), slug or English name; raise UnknownCountry."""
    text = value.strip()
    upper = text.upper()
    if upper in HISTORIC_CODES:  # not in pycountry.countries
        return upper
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        pass
    try:
        code = _lookup_slug(text.lower().replace(" ", "-"))
    except UnknownCountry:
        raise UnknownCountry(f"unknown country {value!r}") from None
    if code is None:
        raise UnknownCountry(f"no ISO code for {value!r}")
    return code
