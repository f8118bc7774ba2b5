"""Display helpers for the public pages: flags, country names, dates at their precision."""

import datetime
from functools import lru_cache

from django import template

from common.countries import country_chip, country_name, country_options, flag_emoji
from common.models import DatePrecision

register = template.Library()


@register.filter
def flag(code: object) -> str:
    """The regional-indicator emoji flag of an ISO 3166-1 alpha-2 code ("" when not a country)."""
    return flag_emoji(str(code or ""))


@register.simple_tag
def country_option_tags(selected: object = "") -> str:
    """Every country as an <option>, the selected one marked (rendered once, then cached)."""
    return country_options(str(selected or ""))


@register.simple_tag
def country(code: object = "") -> str:
    """A country as a flag and its code, the name on hover; "?" when unknown."""
    return country_chip(str(code or ""))


@register.filter
def cname(code: object) -> str:
    """The English name of an ISO code (the code itself when unknown)."""
    return country_name(str(code or ""))


def _format(day: datetime.date | None, precision: str) -> str:
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(day.year)
    if precision == DatePrecision.MONTH:
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


@register.filter
def at_precision(day: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """A date shown only as precisely as it is known: "18 May 2024", "May 2024" or "2024"."""
    return _format(day, precision)


@register.simple_tag
def date_span(record: object) -> str:
    """A visit's dates as one range ("18–20 May 2024"), honouring each end's precision."""
    return _span(record.start_date, record.end_date, record.start_precision, record.end_precision)


@lru_cache(maxsize=8192)
def _span(start: datetime.date | None, end: datetime.date | None, sp: str, ep: str) -> str:
    if start is None:
        return "Undated"
    if end is None or end == start:
        return _format(start, sp)
    if sp == ep == DatePrecision.DAY:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {end.strftime('%B %Y')}"
        if start.year == end.year:
            return f"{start.day} {start.strftime('%B')} – {end.day} {end.strftime('%B %Y')}"
    return f"{_format(start, sp)} – {_format(end, ep)}"


@register.simple_tag(takes_context=True)
def query_without(context: dict, *names: str) -> str:
    """The current query string without `names` (and without the page cursor), for chips and links."""
    params = context["request"].GET.copy()
    for name in (*names, "before", "after"):
        params.pop(name, None)
    return params.urlencode()


@register.filter
def web_url(url: object) -> str:
    """The URL when it is http(s), else "" (a stored "javascript:" URL must never become a link)."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""
