"""The filtered visit list shared by the timeline, the exports and the feed: one meaning per parameter."""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from common.countries import country_name, flag_emoji
from visits.filters import VisitFilter
from visits.models import Visit, VisitQuerySet

FILTER_NAMES = tuple(VisitFilter.base_filters)
COUNTRY_FILTERS = ("origin", "destination", "country")
CITATION = "Archive of official visits, {permalink}, retrieved {date}"
# The labels the side panel, the chips and the error messages show: the FilterSet's own.
LABELS = {name: str(f.label) for name, f in VisitFilter.base_filters.items()}


@dataclass
class Chip:
    """One active filter, shown as a removable chip."""

    name: str
    label: str
    value: str


@dataclass
class Listing:
    """The outcome of reading the filter parameters of a request."""

    filterset: VisitFilter
    params: dict[str, str]
    errors: list[str] = field(default_factory=list)
    chips: list[Chip] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def queryset(self) -> VisitQuerySet:
        """The filtered visits, or none at all when a parameter is invalid (never silently everything)."""
        return self.filterset.qs if self.valid else self.filterset.queryset.none()

    @property
    def query_string(self) -> str:
        return urlencode(self.params)

    def permalink(self, request) -> str:
        """The absolute URL of the timeline showing exactly this list."""
        path = reverse("visits:visit-list")
        return request.build_absolute_uri(f"{path}?{self.query_string}" if self.params else path)


def _display(name: str, value: object, filterset: VisitFilter) -> str:
    if name in COUNTRY_FILTERS:
        return f"{flag_emoji(value)} {country_name(value)}".strip()
    if name in ("kind", "status", "outcome_kind"):
        return str(dict(filterset.filters[name].extra["choices"]).get(value, value))
    if name == "reviewed":
        return "accepted by an editor" if value else "not yet accepted"
    if name == "has_outcome":
        return "yes" if value else "none recorded"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if name == "year":
        return str(int(value))
    return str(value)


def read_filters(data: QueryDict, queryset: VisitQuerySet | None = None) -> Listing:
    """Validate the filter parameters in `data` against VisitFilter; collect messages and chips."""
    params = {name: data[name] for name in FILTER_NAMES if data.get(name, "").strip()}
    filterset = VisitFilter(params, queryset=Visit.objects.timeline() if queryset is None else queryset)
    listing = Listing(filterset=filterset, params=params)
    if not filterset.is_valid():
        for name, messages in filterset.errors.items():
            label = LABELS.get(name, name)
            listing.errors += [f"{label}: {message}" for message in messages]
        return listing
    for name in params:
        value = filterset.form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        listing.chips.append(Chip(name=name, label=LABELS[name], value=_display(name, value, filterset)))
    return listing
