"""The FilterSets of visits, meetings and sources, shared by the pages, the exports and the API."""

import django_filters as df
from django.db.models import Q, QuerySet

from common.filters import (
    MAX_QUERY_LENGTH,
    CountryFilter,
    StrictBooleanFilter,
    UpdatedAfterFilter,
    full_text,
    reviewed_filter,
)
from orgs.models import Organisation
from people.models import Official
from visits.models import Meeting, Source, Visit, VisitKind, VisitStatus


class VisitFilter(df.FilterSet):
    q = df.CharFilter(
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        label="Search",
        help_text="Words in names, places, purpose and summary.",
    )
    official = df.ModelChoiceFilter(
        label="Official",
        queryset=Official.objects.all(),
        to_field_name="slug",
        method="filter_official",
        help_text="An official's slug: visits made and meetings attended.",
    )
    organisation = df.ModelChoiceFilter(
        label="Organisation",
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        field_name="organisations",
        help_text="An organisation's slug.",
    )
    origin = CountryFilter(
        label="Origin", field_name="origin_country", help_text="Visitor's country, ISO 3166-1 alpha-2."
    )
    destination = CountryFilter(
        label="Destination", field_name="destination_country", help_text="Host country, ISO code."
    )
    country = CountryFilter(
        label="Either side", method="filter_country", help_text="Either side of the visit, ISO code."
    )
    kind = df.ChoiceFilter(label="Kind", choices=VisitKind.choices)
    status = df.ChoiceFilter(label="Status", choices=VisitStatus.choices)
    date_after = df.DateFilter(
        label="From date", field_name="start_date", lookup_expr="gte", help_text="Starting on or after."
    )
    date_before = df.DateFilter(
        label="To date", field_name="start_date", lookup_expr="lte", help_text="Starting on or before."
    )
    year = df.NumberFilter(
        label="Year",
        field_name="start_date",
        method="filter_year",
        min_value=1000,
        max_value=2999,
        help_text="Starting in this year.",
    )
    reviewed = StrictBooleanFilter(
        label="Reviewed", method=reviewed_filter, help_text="Only records an editor accepted."
    )
    updated_after = UpdatedAfterFilter(
        label="Updated since",
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Changed at or after (ISO 8601): for syncing.",
    )

    class Meta:
        model = Visit
        fields = [
            "q",
            "official",
            "organisation",
            "origin",
            "destination",
            "country",
            "kind",
            "status",
            "date_after",
            "date_before",
            "year",
            "reviewed",
            "updated_after",
        ]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The visit's own columns only: PostgreSQL answers from the GIN index on exactly these.
        return full_text(queryset, list(Visit.SEARCH_FIELDS), value)

    def filter_official(self, queryset: QuerySet, name: str, value: Official) -> QuerySet:
        return queryset.filter(Q(visitor=value) | Q(meetings__participants__official=value)).distinct()

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(origin_country=value) | Q(destination_country=value))

    def filter_year(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(start_date__year=int(value))


class MeetingFilter(df.FilterSet):
    q = df.CharFilter(
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        label="Search",
        help_text="Words in the session's name, the place, the summary or a participant's name.",
    )
    official = df.ModelChoiceFilter(
        queryset=Official.objects.all(),
        to_field_name="slug",
        field_name="participants__official",
        help_text="An official's slug: meetings they took part in.",
    )
    country = CountryFilter(field_name="country", help_text="Where the meeting took place, ISO code.")
    visit = df.NumberFilter(field_name="visit_id", help_text="The id of the visit the meeting belongs to.")
    date_after = df.DateFilter(field_name="date", lookup_expr="gte", help_text="Held on or after.")
    date_before = df.DateFilter(field_name="date", lookup_expr="lte", help_text="Held on or before.")
    year = df.NumberFilter(
        field_name="date", lookup_expr="year", min_value=1000, max_value=2999, help_text="Held in this year."
    )
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
    )

    class Meta:
        model = Meeting
        fields = ["q", "official", "country", "visit", "date_after", "date_before", "year", "updated_after"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return full_text(queryset, ["name", "city", "summary", "participants__name_as_written"], value)


class SourceFilter(df.FilterSet):
    status = df.ChoiceFilter(choices=Source.Status.choices, help_text="Parse status.")
    kind = df.ChoiceFilter(choices=Source.Kind.choices, help_text="Article, imported file or editor entry.")
    outlet = df.CharFilter(
        field_name="outlet", lookup_expr="iexact", max_length=200, help_text="Outlet name."
    )
    published_after = df.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on or after."
    )
    published_before = df.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on or before."
    )
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
    )

    class Meta:
        model = Source
        fields = ["status", "kind", "outlet", "published_after", "published_before", "updated_after"]
