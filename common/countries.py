"""Countries as the archive shows them: ISO code, emoji flag, name; cached, since lists show hundreds."""

from functools import lru_cache

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django_countries import countries

_REGIONAL_A = 0x1F1E6
# Every code the archive accepts (ISO 3166-1 and the historic states), in the order of their names.
COUNTRY_CODES: tuple[str, ...] = tuple(code for code, _name in countries)
KNOWN_CODES: frozenset[str] = frozenset(COUNTRY_CODES)


def flag_emoji(code: str) -> str:
    """Two regional-indicator symbols for an ISO 3166-1 alpha-2 code; "" for anything else."""
    code = code.upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    return "".join(chr(_REGIONAL_A + ord(c) - ord("A")) for c in code)


@lru_cache(maxsize=4096)
def _name(code: str, language: str) -> str:
    return str(countries.name(code)) or code


def _language(language: str | None) -> str:
    """`language`, or the active one when not given (callers naming hundreds of countries pass it once)."""
    return (get_language() or "") if language is None else language


def country_name(code: str, language: str | None = None) -> str:
    """The name of an ISO code in the active language (or `language`), or the code itself when unknown."""
    if not code:
        return ""
    return _name(code.upper(), _language(language))


def is_country(code: str) -> bool:
    """True for a known ISO 3166-1 alpha-2 code (any case)."""
    return bool(code) and code.upper() in KNOWN_CODES


@lru_cache(maxsize=16)
def _options(language: str) -> str:
    return "".join(format_html('<option value="{}">{}</option>', code, name) for code, name in countries)


def country_options(selected: str = "") -> SafeString:
    """<option>s for every country, `selected` marked: built once, not looped over in each template."""
    html = _options(_language(None))
    if selected and is_country(selected):
        mark = f'<option value="{selected.upper()}">'
        html = html.replace(mark, mark[:-1] + " selected>", 1)
    return mark_safe(html)  # noqa: S308 (built with format_html from the country list)


@lru_cache(maxsize=1024)
def _chip(code: str, language: str) -> str:
    if not code:
        return '<span class="cc cc--unknown" title="Country not known">?</span>'
    return format_html(
        '<abbr class="cc" title="{}"><span class="flag" aria-hidden="true">{}</span>{}</abbr>',
        country_name(code),
        flag_emoji(code),
        code,
    )


def country_chip(code: str, language: str | None = None) -> SafeString:
    """A country as a flag and its code, the name on hover (cached: a timeline shows a hundred)."""
    return mark_safe(_chip((code or "").upper(), _language(language)))  # noqa: S308 (format_html above)
