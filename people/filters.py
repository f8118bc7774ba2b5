"""The officials' FilterSet, shared by the pages and the API."""

import django_filters as df
from django.db.models import Q, QuerySet

from common.filters import (
    MAX_QUERY_LENGTH,
    CountryFilter,
    FilterSet,
    RecordFilter,
    StrictBooleanFilter,
    UpdatedAfterFilter,
    full_text,
    reviewed_filter,
    unknown_selects_none,
)
from orgs.models import Organisation
from people.models import Official, OfficialRedirect


def merged_into(slug: str) -> Official | None:
    """The official a merged official's old slug now names (the API and pages answer 301 for it)."""
    redirect = OfficialRedirect.objects.filter(old_slug=slug).select_related("official").first()
    return redirect.official if redirect is not None else None


def official_filter(**kwargs) -> RecordFilter:
    """An official named by slug (a merged official's old slug names the survivor); unknown: no records."""
    return RecordFilter(queryset=Official.objects.all(), resolve=merged_into, **kwargs)


class OfficialFilter(FilterSet):
    q = df.CharFilter(
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        label="Search",
        help_text="Words in names and aliases.",
    )
    country = CountryFilter(field_name="country", help_text="Country served, ISO code.")
    organisation = RecordFilter(
        queryset=Organisation.objects.all(),
        method="filter_organisation",
        help_text="An organisation's slug: officials who held a post there.",
    )
    reviewed = StrictBooleanFilter(method=reviewed_filter, help_text="Only records an editor accepted.")
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

    @unknown_selects_none
    def filter_organisation(self, queryset: QuerySet, name: str, value: Organisation) -> QuerySet:
        return queryset.filter(pk__in=value.positions.values("official_id"))
