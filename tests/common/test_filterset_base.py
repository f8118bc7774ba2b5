"""common.filters.FilterSet: django-filter's behaviour without its per-request deep copies."""

import pytest
from django.http import QueryDict

from tests.factories import VisitFactory
from visits.filters import VisitFilter
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_each_filterset_has_its_own_filters_bound_to_itself():
    a, b = VisitFilter(QueryDict("")), VisitFilter(QueryDict(""))
    for name in VisitFilter.base_filters:
        assert a.filters[name] is not b.filters[name]
        assert a.filters[name] is not VisitFilter.base_filters[name]
        assert a.filters[name].parent is a and b.filters[name].parent is b
        assert a.filters[name].extra is not b.filters[name].extra
    # A method filter calls its own FilterSet's method, not the first one's.
    assert a.filters["country"].filter.f is a.filters["country"]
    assert b.filters["country"].filter.f is b.filters["country"]


def test_a_change_to_one_filtersets_filter_leaves_the_others_alone():
    a = VisitFilter(QueryDict(""))
    a.filters["kind"].extra["choices"] = [("state", "State visit")]
    assert dict(VisitFilter(QueryDict("")).filters["kind"].extra["choices"]).get("official")


def test_the_form_class_is_built_once_and_each_form_has_its_own_fields():
    a, b = VisitFilter(QueryDict("kind=state")), VisitFilter(QueryDict("kind=official"))
    assert type(a.form) is type(b.form)
    assert a.form.fields["kind"] is not b.form.fields["kind"]
    assert a.is_valid() and b.is_valid()
    assert a.form.cleaned_data["kind"] == "state" and b.form.cleaned_data["kind"] == "official"


def test_filters_select_what_they_did():
    fr = VisitFactory(destination_country="FR", origin_country="DE")
    de = VisitFactory(destination_country="DE", origin_country="FR")
    VisitFactory(destination_country="JP", origin_country="US")
    either = VisitFilter(QueryDict("country=fr"), queryset=Visit.objects.all())
    assert either.is_valid()
    assert set(either.qs) == {fr, de}
    only = VisitFilter(QueryDict("destination=DE"), queryset=Visit.objects.all())
    assert list(only.qs) == [de]


@pytest.mark.parametrize("code, valid", [("fr", True), ("FR", True), ("XK", True), ("XX", False), ("", True)])
def test_country_codes_are_checked_against_every_country(code, valid):
    filterset = VisitFilter(QueryDict(f"destination={code}"))
    assert filterset.is_valid() is valid
    if not valid:
        assert "destination" in filterset.errors
