"""The organisations' FilterSet, shared by the pages and the API."""

import django_filters as df
from django.db.models import QuerySet

from common.filters import (
    MAX_QUERY_LENGTH,
    CountryFilter,
    FilterSet,
    RecordFilter,
    StrictBooleanFilter,
    UpdatedAfterFilter,
    full_text,
    reviewed_filter,
)
from orgs.models import Organisation


class OrganisationFilter(FilterSet):
    q = df.CharFilter(
        method="filter_q", max_length=MAX_QUERY_LENGTH, label="Search", help_text="Words in name or acronym."
    )
    country = CountryFilter(field_name="country", help_text="Country of the body, ISO code.")
    kind = df.ChoiceFilter(choices=Organisation._meta.get_field("kind").choices, help_text="Kind of body.")
    parent = RecordFilter(queryset=Organisation.objects.all(), help_text="The parent body's slug.")
    reviewed = StrictBooleanFilter(method=reviewed_filter, help_text="Only records an editor accepted.")
    updated_after = UpdatedAfterFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601): for syncing."
    )

    class Meta:
        model = Organisation
        fields = ["q", "country", "kind", "parent", "reviewed", "updated_after"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return full_text(queryset, ["name", "acronym"], value)
