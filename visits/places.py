"""Countries as the pages show them: ISO code, emoji flag, English name."""

from django_countries import countries

_REGIONAL_A = 0x1F1E6


def flag_emoji(code: str) -> str:
    """Two regional-indicator symbols for an ISO 3166-1 alpha-2 code; "" for anything else."""
    code = code.upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    return "".join(chr(_REGIONAL_A + ord(c) - ord("A")) for c in code)


def country_name(code: str) -> str:
    """The English name of an ISO code, or the code itself when django-countries does not know it."""
    if not code:
        return ""
    return str(countries.name(code.upper())) or code.upper()


def is_country(code: str) -> bool:
    """True for a known ISO 3166-1 alpha-2 code (any case)."""
    return bool(code) and code.upper() in countries
