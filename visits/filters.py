"""The FilterSets of visits, meetings and sources, shared by the pages, the exports and the API."""

import django_filters as df
from django.db.models import Exists, OuterRef, Q, QuerySet

from common.filters import (
    MAX_QUERY_LENGTH,
    CountryFilter,
    FilterSet,
    RecordFilter,
    StrictBooleanFilter,
    UpdatedAfterFilter,
    WholeNumberFilter,
    full_text,
    id_filter,
    reviewed_filter,
    unknown_selects_none,
)
from orgs.models import Organisation
from people.filters import official_filter
from people.models import Official
from visits.models import Meeting, Outcome, Source, Visit, VisitKind, VisitStatus


class VisitFilter(FilterSet):
    q = df.CharFilter(
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        label="Search",
        help_text="Words in names, places, purpose and summary.",
    )
    official = official_filter(
        label="Official",
        method="filter_official",
        help_text="An official's slug: visits made and meetings attended.",
    )
    visitor = official_filter(
        label="Visitor",
        field_name="visitor",
        help_text="An official's slug: the visits they made (not the meetings they attended).",
    )
    organisation = RecordFilter(
        label="Organisation",
        queryset=Organisation.objects.all(),
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
    year = WholeNumberFilter(
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
    has_outcome = StrictBooleanFilter(
        label="Has an outcome",
        method="filter_has_outcome",
        help_text="Visits that produced an agreement, memorandum, joint statement or declaration (or not).",
    )
    outcome_kind = df.ChoiceFilter(
        label="Outcome",
        choices=Outcome.Kind.choices,
        method="filter_outcome_kind",
        help_text="Visits that produced an outcome of this kind.",
    )

    class Meta:
        model = Visit
        fields = [
            "q",
            "official",
            "visitor",
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
            "has_outcome",
            "outcome_kind",
        ]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The visit's own columns only: PostgreSQL answers from the GIN index on exactly these.
        return full_text(queryset, list(Visit.SEARCH_FIELDS), value)

    @unknown_selects_none
    def filter_official(self, queryset: QuerySet, name: str, value: Official) -> QuerySet:
        return queryset.filter(Q(visitor=value) | Q(meetings__participants__official=value)).distinct()

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(origin_country=value) | Q(destination_country=value))

    def filter_year(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(start_date__year=int(value))

    @staticmethod
    def _outcomes() -> QuerySet:
        # An outcome of the visit itself or of one of its meetings; EXISTS keeps one row per visit.
        return Outcome.objects.filter(Q(visit=OuterRef("pk")) | Q(meeting__visit=OuterRef("pk")))

    def filter_has_outcome(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        produced = Exists(self._outcomes())
        return queryset.filter(produced) if value else queryset.filter(~produced)

    def filter_outcome_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Exists(self._outcomes().filter(kind=value))) if value else queryset


class MeetingFilter(FilterSet):
    q = df.CharFilter(
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        label="Search",
        help_text="Words in the session's name, the place, the summary or a participant's name.",
    )
    official = official_filter(
        field_name="participants__official",
        help_text="An official's slug: meetings they took part in.",
    )
    country = CountryFilter(field_name="country", help_text="Where the meeting took place, ISO code.")
    visit = id_filter(field_name="visit_id", help_text="The id of the visit the meeting belongs to.")
    # Most meetings are undated (the day is the visit's): their visit's first day stands in for the date.
    date_after = df.DateFilter(
        method="filter_day", help_text="Held on or after (an undated meeting: its visit's first day)."
    )
    date_before = df.DateFilter(
        method="filter_day", help_text="Held on or before (an undated meeting: its visit's first day)."
    )
    year = WholeNumberFilter(
        method="filter_day",
        min_value=1000,
        max_value=2999,
        help_text="Held in this year (an undated meeting: its visit's first day).",
    )
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
    )

    class Meta:
        model = Meeting
        fields = ["q", "official", "country", "visit", "date_after", "date_before", "year", "updated_after"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return full_text(queryset, ["name", "city", "summary", "participants__name_as_written"], value)

    def filter_day(self, queryset: QuerySet, name: str, value) -> QuerySet:
        lookup = {"date_after": "gte", "date_before": "lte", "year": "year"}[name]
        value = int(value) if name == "year" else value
        dated = Q(**{f"date__{lookup}": value})
        undated = Q(date__isnull=True, **{f"visit__start_date__{lookup}": value})
        return queryset.filter(dated | undated)


class SourceFilter(FilterSet):
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


class OutcomeFilter(FilterSet):
    kind = df.ChoiceFilter(choices=Outcome.Kind.choices, help_text="What was signed or adopted.")
    visit = id_filter(field_name="visit_id", help_text="The id of the visit that produced it.")
    party = CountryFilter(method="filter_party", help_text="A signatory country, ISO code.")
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
    )

    class Meta:
        model = Outcome
        fields = ["kind", "visit", "party", "updated_after"]

    def filter_party(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The JSON text holds '"AZ"'; a text match works on SQLite too (no JSON containment there).
        return queryset.filter(parties__icontains=f'"{value}"') if value else queryset
