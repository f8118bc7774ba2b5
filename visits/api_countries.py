"""Countries in the API: visit counts per country and per (origin, destination) pair.

Every endpoint takes the visits' filters (year, kind, status, ...), so "visits to TJ in 2024" is
/api/v1/countries/TJ/?year=2024. Counts are grouped in the database: two or three queries whatever the size.
"""

import datetime
from typing import Any

from django.db.models import Count, Max, Min, QuerySet
from django.urls import reverse
from django_countries import countries
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from common.api import ArchiveReadMixin
from common.countries import COUNTRY_CODES
from visits.coverage import coverage as country_coverage
from visits.filters import VisitFilter
from visits.models import Visit
from visits.serializers import CountryDetailSerializer, CountryPairSerializer, CountrySummarySerializer

CODE = OpenApiParameter(
    "code", str, OpenApiParameter.PATH, enum=COUNTRY_CODES, description="ISO 3166-1 alpha-2 code."
)


def _country(code: str) -> dict[str, str]:
    return {"code": code, "name": str(countries.name(code)) or code}


class DecadeSerializer(serializers.Serializer):
    """One decade of a country's visits."""

    decade = serializers.IntegerField(help_text="The decade's first year (1990 for the 1990s).")
    made = serializers.IntegerField(help_text="Visits its officials made abroad.")
    received = serializers.IntegerField(help_text="Visits it received.")
    with_article = serializers.IntegerField(help_text="Of those, visits a source article reports.")
    reviewed = serializers.IntegerField(help_text="Of those, visits an editor accepted.")
    curated_import = serializers.IntegerField(
        help_text="Of those, visits imported from a curated publisher's file (such as the Office of the "
        "Historian's): kept as published, not reviewed by an editor."
    )


class CountryCoverageSerializer(serializers.Serializer):
    """How far to trust an absence: a country's visits per decade and how well sourced they are."""

    code = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    name = serializers.CharField(help_text="The country's name.")
    decades = DecadeSerializer(
        many=True, help_text="From the first to the last decade with a visit, gaps included."
    )
    undated = serializers.IntegerField(help_text="Visits without a date.")


class CountryViewSet(ArchiveReadMixin, viewsets.GenericViewSet):
    """Visit counts by country, and by pair of countries, for the visits matching the filters."""

    queryset = Visit.objects.all()
    filterset_class = VisitFilter
    pagination_class = None
    lookup_field = "code"

    def _visits(self) -> QuerySet:
        # Filters may join and de-duplicate; counting over their ids keeps the counts exact.
        matching = self.filter_queryset(self.get_queryset()).values("pk")
        return Visit.objects.filter(pk__in=matching).order_by()

    def _pairs(self, visits: QuerySet) -> list[dict[str, Any]]:
        rows = (
            visits.exclude(origin_country="")
            .exclude(destination_country="")
            .values("origin_country", "destination_country")
            .annotate(
                visits=Count("pk"),
                first_date=Min("start_date"),
                last_date=Max("start_date"),
                changed=Max("updated_at"),
            )
            .order_by("-visits", "origin_country", "destination_country")
        )
        pairs = []
        for row in rows:
            self._seen(row["changed"])
            pairs.append(
                {
                    "origin": row["origin_country"],
                    "destination": row["destination_country"],
                    "visits": row["visits"],
                    "first_date": row["first_date"],
                    "last_date": row["last_date"],
                }
            )
        return pairs

    def _seen(self, stamp: datetime.datetime | None) -> None:
        if stamp and (self.last_modified is None or stamp > self.last_modified):
            self.last_modified = stamp

    def _link(self, request: Request, code: str) -> str:
        return request.build_absolute_uri(reverse("api:country-detail", kwargs={"code": code}))

    @extend_schema(
        summary="List countries with visit counts",
        responses=OpenApiResponse(
            CountrySummarySerializer(many=True), description="Every country with visits, by code."
        ),
    )
    def list(self, request: Request) -> Response:
        """Countries with visits from or to them, by code."""
        visits = self._visits()
        counts: dict[str, dict[str, int]] = {}
        for side, key in (("origin_country", "visits_from"), ("destination_country", "visits_to")):
            rows = (
                visits.exclude(**{side: ""}).values(side).annotate(n=Count("pk"), changed=Max("updated_at"))
            )
            for row in rows:
                self._seen(row["changed"])
                counts.setdefault(row[side], {"visits_from": 0, "visits_to": 0})[key] = row["n"]
        data = [
            {**_country(code), "api_url": self._link(request, code), **counts[code]}
            for code in sorted(counts)
        ]
        return Response(CountrySummarySerializer(data, many=True).data)

    @extend_schema(
        summary="Read a country's visits",
        responses=OpenApiResponse(CountryDetailSerializer, description="The country's visits."),
        parameters=[CODE],
        filters=True,
    )
    def retrieve(self, request: Request, code: str) -> Response:
        """One country: visits from and to it, where its officials went and who came."""
        code = code.upper()
        if code not in countries:
            raise NotFound("No such country code.")
        visits = self._visits()
        destinations = self._pairs(visits.filter(origin_country=code))
        origins = self._pairs(visits.filter(destination_country=code))
        data = {
            **_country(code),
            "api_url": self._link(request, code),
            "visits_from": sum(p["visits"] for p in destinations),
            "visits_to": sum(p["visits"] for p in origins),
            "destinations": destinations,
            "origins": origins,
        }
        return Response(CountryDetailSerializer(data).data)

    @extend_schema(
        summary="Read how much the archive holds on a country, decade by decade",
        responses=OpenApiResponse(
            CountryCoverageSerializer,
            description="Visits made and received per decade, and how well sourced.",
        ),
        parameters=[CODE],
    )
    @action(detail=True, url_path="coverage")
    def coverage(self, request: Request, code: str) -> Response:
        """Per decade: visits made and received, with a source article, reviewed; empty decades included."""
        code = code.upper()
        if code not in countries:
            raise NotFound("No such country code.")
        rows, undated = country_coverage(code)
        decades = [
            {
                "decade": r.decade,
                "made": r.made,
                "received": r.received,
                "with_article": r.with_article,
                "reviewed": r.reviewed,
                "curated_import": r.curated_import,
            }
            for r in rows
        ]
        data = {**_country(code), "decades": decades, "undated": undated}
        return Response(CountryCoverageSerializer(data).data)

    @extend_schema(
        summary="List visit counts by pair of countries",
        responses=OpenApiResponse(
            CountryPairSerializer(many=True), description="Every pair with visits, most first."
        ),
        filters=True,
    )
    @action(detail=False, url_path="pairs")
    def pairs(self, request: Request) -> Response:
        """Visits per (origin, destination) pair, most first."""
        return Response(CountryPairSerializer(self._pairs(self._visits()), many=True).data)
