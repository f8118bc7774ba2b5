"""One FilterSet per resource: the HTML pages and the API share parameter names and meaning."""

import datetime

import django_filters as df
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django_countries import countries
from django_filters.fields import IsoDateTimeField

from orgs.models import Organisation
from people.models import Official
from visits.models import Meeting, Source, Visit, VisitKind, VisitStatus


def country_choices() -> list[tuple[str, str]]:
    """Every country as (code, name): a callable, so each FilterSet does not deep-copy 250 choices."""
    return list(countries)


MAX_QUERY_LENGTH = 200


def full_text(queryset: QuerySet, fields: list[str], value: str) -> QuerySet:
    """Full-text search over `fields`: PostgreSQL's search on PostgreSQL, case-insensitive words elsewhere."""
    value = value.strip()
    if not value:
        return queryset
    if connection.vendor == "postgresql":
        vector = SearchVector(*fields, config="simple")
        return queryset.annotate(search=vector).filter(search=SearchQuery(value, config="simple"))
    for word in value.split()[:10]:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


class UpperCaseChoiceField(forms.ChoiceField):
    """Accepts "tj" as well as "TJ"."""

    def to_python(self, value):
        return super().to_python(value).upper()


class CountryFilter(df.ChoiceFilter):
    """An ISO 3166-1 alpha-2 code, upper or lower case; an unknown code is a validation error."""

    field_class = UpperCaseChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", country_choices)
        super().__init__(*args, **kwargs)


class StrictBooleanField(forms.NullBooleanField):
    """true/false/1/0, or nothing; any other value is an error rather than "no filter"."""

    widget = forms.TextInput  # NullBooleanSelect would turn an unknown value into "no filter"

    def to_python(self, value: object) -> bool | None:
        if value in (None, ""):
            return None
        if value in (True, "true", "True", "1"):
            return True
        if value in (False, "false", "False", "0"):
            return False
        raise forms.ValidationError("Enter true or false.", code="invalid")

    def validate(self, value: object) -> None:
        pass


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 moment, turned into UTC: an offset such as -21:41 parses but PostgreSQL refuses it."""

    def to_python(self, value: object) -> datetime.datetime | None:
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError(
                "Enter a date and time within years 1 to 9999.", code="invalid"
            ) from None


class UpdatedAfterFilter(df.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class StrictBooleanFilter(df.BooleanFilter):
    field_class = StrictBooleanField


def _reviewed(queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
    if value is None:
        return queryset
    return queryset.filter(review_state="accepted") if value else queryset.exclude(review_state="accepted")


class VisitFilter(df.FilterSet):
    q = df.CharFilter(
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        label="Search",
        help_text="Words in names, places, purpose and summary.",
    )
    official = df.ModelChoiceFilter(
        queryset=Official.objects.all(),
        to_field_name="slug",
        method="filter_official",
        help_text="An official's slug: visits made and meetings attended.",
    )
    organisation = df.ModelChoiceFilter(
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        field_name="organisations",
        help_text="An organisation's slug.",
    )
    origin = CountryFilter(field_name="origin_country", help_text="Visitor's country, ISO 3166-1 alpha-2.")
    destination = CountryFilter(field_name="destination_country", help_text="Host country, ISO code.")
    country = CountryFilter(method="filter_country", help_text="Either side of the visit, ISO code.")
    kind = df.ChoiceFilter(choices=VisitKind.choices)
    status = df.ChoiceFilter(choices=VisitStatus.choices)
    date_after = df.DateFilter(field_name="start_date", lookup_expr="gte", help_text="Starting on or after.")
    date_before = df.DateFilter(
        field_name="start_date", lookup_expr="lte", help_text="Starting on or before."
    )
    year = df.NumberFilter(
        field_name="start_date",
        method="filter_year",
        min_value=1000,
        max_value=2999,
        help_text="Starting in this year.",
    )
    reviewed = StrictBooleanFilter(method=_reviewed, help_text="Only records an editor accepted.")
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
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


class OfficialFilter(df.FilterSet):
    q = df.CharFilter(
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        label="Search",
        help_text="Words in names and aliases.",
    )
    country = CountryFilter(field_name="country", help_text="Country served, ISO code.")
    organisation = df.ModelChoiceFilter(
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        method="filter_organisation",
        help_text="An organisation's slug: officials who held a post there.",
    )
    reviewed = StrictBooleanFilter(method=_reviewed, help_text="Only records an editor accepted.")
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
    )

    class Meta:
        model = Official
        fields = ["q", "country", "organisation", "reviewed", "updated_after"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        matches = full_text(Official.objects.all(), ["name"], value).values("pk")
        aliases = full_text(Official.objects.all(), ["aliases__name"], value).values("pk")
        return queryset.filter(Q(pk__in=matches) | Q(pk__in=aliases))

    def filter_organisation(self, queryset: QuerySet, name: str, value: Organisation) -> QuerySet:
        return queryset.filter(pk__in=value.positions.values("official_id"))


class OrganisationFilter(df.FilterSet):
    q = df.CharFilter(
        method="filter_q", max_length=MAX_QUERY_LENGTH, label="Search", help_text="Words in name or acronym."
    )
    country = CountryFilter(field_name="country", help_text="Country of the body, ISO code.")
    kind = df.ChoiceFilter(choices=Organisation._meta.get_field("kind").choices, help_text="Kind of body.")
    parent = df.ModelChoiceFilter(
        queryset=Organisation.objects.all(), to_field_name="slug", help_text="The parent body's slug."
    )
    reviewed = StrictBooleanFilter(method=_reviewed, help_text="Only records an editor accepted.")
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
    )

    class Meta:
        model = Organisation
        fields = ["q", "country", "kind", "parent", "reviewed", "updated_after"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return full_text(queryset, ["name", "acronym"], value)


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
