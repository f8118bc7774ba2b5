"""Country pages: the index, one country's visits both ways, and a pair of countries."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.http import Http404
from django.views.generic import TemplateView

from common.countries import country_name, is_country
from common.filters import search_words
from people.models import Official
from visits.maps import choropleth
from visits.models import Meeting, Visit, VisitKind
from visits.stats import bar_chart, per_year, years_range

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


def _counts(field: str, qs=None) -> Counter:
    qs = Visit.objects.all() if qs is None else qs
    rows = qs.exclude(**{field: ""}).order_by().values(field).annotate(n=Count("id"))
    return Counter({r[field]: r["n"] for r in rows})


def _country_or_404(code: str) -> str:
    if not is_country(code):
        raise Http404("No such country code.")
    return code.upper()


class CountryListView(TemplateView):
    """Every country with visits, searchable by name or code (two queries)."""

    template_name = "visits/country_list.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        q = search_words(self.request.GET)
        outgoing, incoming = _counts("origin_country"), _counts("destination_country")
        rows = [
            CountryRow(code, country_name(code), outgoing[code], incoming[code])
            for code in set(outgoing) | set(incoming)
        ]
        if q:
            needle = q.casefold()
            rows = [r for r in rows if needle in r.name.casefold() or needle == r.code.casefold()]
        context.update(countries=sorted(rows, key=lambda r: r.name), q=q)
        return context


class CountryDetailView(TemplateView):
    """One country: visits out and in per year, top partners, recent visits and its busiest travellers."""

    template_name = "visits/country_detail.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        code = _country_or_404(kwargs["code"])
        out_years = per_year(Visit.objects.filter(origin_country=code))
        in_years = per_year(Visit.objects.filter(destination_country=code))
        span = years_range(out_years, in_years)
        destinations = _counts("destination_country", Visit.objects.filter(origin_country=code))
        origins = _counts("origin_country", Visit.objects.filter(destination_country=code))
        partners = [
            CountryRow(c, country_name(c), destinations[c], origins[c])
            for c in set(destinations) | set(origins)
            if c != code
        ]
        partners.sort(key=lambda r: (-r.total, r.name))
        recent = list(
            Visit.objects.timeline()
            .prefetch_related(None)
            .filter(Q(origin_country=code) | Q(destination_country=code))[:RECENT]
        )
        travellers = list(
            Official.objects.filter(country=code)
            .annotate(visit_count=Count("visits"))
            .filter(visit_count__gt=0)
            .order_by("-visit_count", "name")[:10]
        )
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


class CountryPairView(TemplateView):
    """Two countries: visits both ways, meetings during them, the last visit at head-of-state level."""

    template_name = "visits/country_pair.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        a, b = _country_or_404(kwargs["a"]), _country_or_404(kwargs["b"])
        if a == b:
            raise Http404("A pair needs two different countries.")
        either_way = Q(origin_country=a, destination_country=b) | Q(origin_country=b, destination_country=a)
        both = Visit.objects.filter(either_way)
        a_to_b = per_year(both.filter(origin_country=a))
        b_to_a = per_year(both.filter(origin_country=b))
        span = years_range(a_to_b, b_to_a)
        visits = list(Visit.objects.timeline().prefetch_related(None).filter(either_way)[:100])
        top_level = (
            Visit.objects.timeline()
            .prefetch_related(None)
            .filter(either_way)
            .filter(head_of_state_level())
            .filter(status="completed")
            .first()
        )
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
            meeting_count=Meeting.objects.filter(visit__in=both).count(),
            visits=visits,
            top_level=top_level,
        )
        return context
