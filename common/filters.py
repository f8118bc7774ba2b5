"""The pieces every app's FilterSets share: strict booleans, whole numbers, countries, UTC moments, records
named by slug, full-text search.

Each app owns the FilterSet of its resources (visits/filters.py, people/filters.py, orgs/filters.py); the HTML
pages and the API use the same one, so a parameter means the same thing everywhere.

One rule for every filter: a well-formed value that names no record (an official's slug nobody has, a visit
id no visit has) is a query whose answer is empty; only a malformed value (a year that is not a whole
number, a date that does not exist, an unknown parameter) is an error. An empty value means "no filter".
"""

import copy
import datetime
import functools

import django_filters as df
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.http import QueryDict
from django_countries import countries
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError


def country_choices() -> list[tuple[str, str]]:
    """Every country as (code, name): a callable, so each FilterSet does not deep-copy 250 choices."""
    return list(countries)


MAX_QUERY_LENGTH = 200
# The largest value a PostgreSQL bigint holds: the largest id a record can have.
MAX_ID = 2**63 - 1
# Longer than any slug the archive makes (SlugField max_length 100 at most): such a value names no record.
MAX_SLUG_LENGTH = 300


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


@functools.cache
def country_codes() -> frozenset[str]:
    """Every code `country_choices` offers, for a membership test (the choices are names sorted per call)."""
    return frozenset(code for code, _ in countries)


class FilterSet(df.FilterSet):
    """django-filter's FilterSet, built for a request at a fraction of the cost; the same behaviour.

    django-filter deep-copies every declared filter (their choices and querysets with them) and then
    builds a new form class, field by field, for each FilterSet it makes: at a million visits that was a
    quarter of a timeline page's CPU. Here each filter is copied shallowly (its `extra` dict too, which a
    filter may change), and the form class, which depends only on the declarations, is built once per
    FilterSet class; each form still gets its own copies of the fields (Django's forms make them).
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None) -> None:
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {}
        for name, declared in self.base_filters.items():
            filter_ = copy.copy(declared)
            filter_.extra = dict(declared.extra)
            filter_.model, filter_.parent = queryset.model, self
            if declared.method is not None:
                filter_.method = declared.method  # binds a FilterMethod to the copy, not the declaration
            self.filters[name] = filter_

    def get_form_class(self):
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            cls._form_class = form_class
        return form_class


class UpperCaseChoiceField(forms.ChoiceField):
    """Accepts "tj" as well as "TJ"."""

    def to_python(self, value):
        return super().to_python(value).upper()

    def valid_value(self, value) -> bool:
        if getattr(self._choices, "func", None) is country_choices:
            return value in country_codes()  # not a walk through 250 names sorted for this call
        return super().valid_value(value)


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


class WholeNumberFilter(df.NumberFilter):
    """A whole number (a year, an id) within min_value..max_value: "2024.5" is an error, not 2024."""

    field_class = forms.IntegerField


def id_filter(**kwargs) -> WholeNumberFilter:
    """A record's id: any id from 1 to the largest PostgreSQL bigint; one no record has selects nothing."""
    return WholeNumberFilter(min_value=1, max_value=MAX_ID, **kwargs)


class UnknownRecord:
    """A filter value naming no record: the filter selects nothing, and a page's chip says so."""

    def __init__(self, noun: str, value: str) -> None:
        self.noun, self.value = noun, value

    def __str__(self) -> str:
        return f"no {self.noun} with slug “{self.value}”"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnknownRecord) and (self.noun, self.value) == (other.noun, other.value)

    __hash__ = None  # type: ignore[assignment]


class RecordField(forms.CharField):
    """A record named by its slug: the record, or UnknownRecord when none has it (never a form error).

    `resolve` may find a record by a former name (a merged official's old slug) when no record has it now.
    """

    def __init__(self, *, queryset: QuerySet, to_field_name: str = "slug", resolve=None, **kwargs) -> None:
        self.queryset, self.to_field_name, self.resolve = queryset, to_field_name, resolve
        super().__init__(**kwargs)

    def to_python(self, value: object) -> Model | UnknownRecord | None:
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        if "\x00" in text:
            return text  # the validators refuse it: "Null characters are not allowed."
        record = None
        if len(text) <= MAX_SLUG_LENGTH:
            record = self.queryset.filter(**{self.to_field_name: text}).first()
            if record is None and self.resolve is not None:
                record = self.resolve(text)
        return record if record is not None else UnknownRecord(self.queryset.model._meta.verbose_name, text)


class RecordFilter(df.Filter):
    """Records related to the one named by slug (`field_name` the relation); an unknown slug selects none.

    With a `method`, the method receives the record or an UnknownRecord (see `unknown_selects_none`).
    """

    field_class = RecordField

    def __init__(self, *args, queryset: QuerySet, to_field_name: str = "slug", resolve=None, **kwargs):
        kwargs.update(queryset=queryset, to_field_name=to_field_name, resolve=resolve)
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: object) -> QuerySet:
        if value in EMPTY_VALUES:
            return qs
        if isinstance(value, UnknownRecord):
            return qs.none()
        return super().filter(qs, value)


def unknown_selects_none(method):
    """For a RecordFilter's `method`: an UnknownRecord selects nothing before the method runs."""

    def wrapped(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        if isinstance(value, UnknownRecord):
            return queryset.none()
        return method(self, queryset, name, value)

    wrapped.__name__, wrapped.__doc__ = method.__name__, method.__doc__
    return wrapped


class UpdatedAfterFilter(df.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class StrictBooleanFilter(df.BooleanFilter):
    field_class = StrictBooleanField


def reviewed_filter(queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
    if value is None:
        return queryset
    return queryset.filter(review_state="accepted") if value else queryset.exclude(review_state="accepted")


def search_words(data: QueryDict, *, limit: int = 100) -> str:
    """The index pages' `q`: control characters (NUL breaks PostgreSQL) dropped, trimmed, capped."""
    text = "".join(ch for ch in data.get("q", "") if ch.isprintable() or ch == " ")
    return text.strip()[:limit]


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend that answers 400 to a query parameter nobody reads, naming it.

    `?visitor=x` on a resource without that filter must not quietly return everything. Known: the
    FilterSet's own parameters, the pages' (`cursor`, `page_size`, `ordering`, `count`), `format`, and
    what the view declares in `extra_query_params` (e.g. `expand`).
    """

    COMMON = frozenset({"cursor", "page_size", "ordering", "count", "format"})

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        known = set(self.COMMON) | set(getattr(view, "extra_query_params", ()))
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError(
                {name: [f"Unknown parameter. Known here: {', '.join(sorted(known))}."] for name in unknown}
            )
        return super().filter_queryset(request, queryset, view)
