"""Country pages: the index, one country's visits both ways, and a pair of countries.

Their counts come from the summary tables (summaries/); the lists of visits from the visits themselves.
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, Sum
from django.http import Http404
from django.utils.translation import get_language
from django.views.generic import TemplateView

from common.countries import country_name, is_country
from common.filters import search_words
from summaries import figures
from summaries.figures import SummaryPage
from visits.lean import as_rows
from visits.maps import choropleth
from visits.models import Visit, VisitKind
from visits.stats import bar_chart, years_range

RECENT = 30
TOP_PARTNERS = 10
# "Head-of-state level": a state visit, or a visitor whose post was with a head of state's office, or
# whose title names the office. Titles are matched by prefix so "Vice President" does not count.
HEAD_OF_STATE_TITLES = ("President", "King", "Queen", "Emir", "Sultan", "Emperor", "Grand Duke")


def head_of_state_level() -> Q:
    """Visits made at head-of-state level (see HEAD_OF_STATE_TITLES)."""
    condition = Q(kind=VisitKind.STATE) | Q(visitor_position__organisation__kind="head_of_state")
    for title in HEAD_OF_STATE_TITLES:
        condition |= Q(visitor_title__istartswith=title)
    return condition


@dataclass
class CountryRow:
    code: str
    name: str
    outgoing: int
    incoming: int

    @property
    def total(self) -> int:
        return self.outgoing + self.incoming


def newest(ways: list[Q], limit: int) -> list[Visit]:
    """The newest `limit` visits matching any of `ways`, as timeline rows.

    One query per way walks its index (origin, destination or the pair, by date) for its newest ids, and
    one more reads the rows: an OR of the ways would make PostgreSQL sort every match first (0.6 s for a
    busy country at a million visits).
    """
    ids: set[int] = set()
    for way in ways:
        ids.update(
            Visit.objects.filter(way).order_by("-start_date", "-id").values_list("pk", flat=True)[:limit]
        )
    return list(as_rows(Visit.objects.timeline()).filter(pk__in=ids)[:limit]) if ids else []


def _country_or_404(code: str) -> str:
    if not is_country(code):
        raise Http404("No such country code.")
    return code.upper()


class CountryListView(SummaryPage, TemplateView):
    """Every country with visits, searchable by name or code (two queries: the summaries' age, the pairs)."""

    template_name = "visits/country_list.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        q = search_words(self.request.GET)
        rows = [
            CountryRow(code, country_name(code), made, received)
            for code, (made, received) in figures.country_totals().items()
        ]
        if q:
            needle = q.casefold()
            rows = [r for r in rows if needle in r.name.casefold() or needle == r.code.casefold()]
        context.update(countries=sorted(rows, key=lambda r: r.name), q=q)
        return context


class CountryDetailView(SummaryPage, TemplateView):
    """One country: visits out and in per year, top partners, recent visits and its busiest travellers.

    Seven queries: the summaries' age, the years, the partners, the travellers, the recent visits (three).
    """

    template_name = "visits/country_detail.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        code = _country_or_404(kwargs["code"])
        out_years, in_years = figures.country_years(code)
        span = years_range(out_years, in_years)
        destinations, origins = figures.partners(code)
        language = get_language() or ""
        partners = [
            CountryRow(c, country_name(c, language), destinations[c], origins[c])
            for c in set(destinations) | set(origins)
            if c != code
        ]
        partners.sort(key=lambda r: (-r.total, r.name))
        recent = newest([Q(origin_country=code), Q(destination_country=code)], RECENT)
        travellers = figures.travellers(code, 10)
        context.update(
            code=code,
            name=country_name(code),
            chart=bar_chart(
                [str(y) for y in span],
                [[out_years[y] for y in span], [in_years[y] for y in span]],
                title=f"Visits from and to {country_name(code)} per year",
                names=["Outgoing", "Incoming"],
            ),
            outgoing_total=sum(out_years.values()),
            incoming_total=sum(in_years.values()),
            partners=partners[:TOP_PARTNERS],
            recent=recent,
            travellers=travellers,
            # Both maps draw the counts above: no query of their own.
            map_out=choropleth(
                destinations, title=f"Where visitors from {country_name(code)} go", slug="map-out", home=code
            ),
            map_in=choropleth(
                origins, title=f"Where visitors to {country_name(code)} come from", slug="map-in", home=code
            ),
        )
        return context


class CountryPairView(SummaryPage, TemplateView):
    """Two countries: visits both ways, meetings during them, the last visit at head-of-state level.

    Seven queries: the summaries' age, the years and meetings, the visits (three), the last at head-of-state
    level (two).
    """

    template_name = "visits/country_pair.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        a, b = _country_or_404(kwargs["a"]), _country_or_404(kwargs["b"])
        if a == b:
            raise Http404("A pair needs two different countries.")
        a_to_b, b_to_a, meetings = Counter(), Counter(), 0
        counted = figures.rows().filter(figures.pair(a, b)).values_list("origin_country", "year")
        for origin, year, n, held in counted.annotate(n=Sum("visits"), held=Sum("meetings")):
            meetings += held
            if year is not None:
                (a_to_b if origin == a else b_to_a)[year] += n
        span = years_range(a_to_b, b_to_a)
        ways = [Q(origin_country=a, destination_country=b), Q(origin_country=b, destination_country=a)]
        visits = newest(ways, 100)
        # The last at head-of-state level: each way's newest by its index, then the newer of the two.
        tops = [
            as_rows(Visit.objects.timeline()).filter(way, head_of_state_level(), status="completed")
            for way in ways
        ]
        found = [visit for visit in (top.first() for top in tops) if visit is not None]
        top_level = max(found, key=lambda v: (v.start_date or datetime.date.min, v.pk), default=None)
        context.update(
            a=a,
            b=b,
            a_name=country_name(a),
            b_name=country_name(b),
            chart=bar_chart(
                [str(y) for y in span],
                [[a_to_b[y] for y in span], [b_to_a[y] for y in span]],
                title=f"Visits per year between {country_name(a)} and {country_name(b)}",
                names=[f"{a} → {b}", f"{b} → {a}"],
            ),
            a_to_b_total=sum(a_to_b.values()),
            b_to_a_total=sum(b_to_a.values()),
            meeting_count=meetings,
            visits=visits,
            top_level=top_level,
        )
        return context
