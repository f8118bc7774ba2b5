"""What the editors' review queue lists: records by state, source, outlet, country and dates, parsed first.

Read by visits/admin_review.py (the page and its bulk accept or reject). Every count the page shows
comes from one query per kind of count, whatever the number of records.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils.http import urlencode

from common.countries import is_country
from common.models import ReviewState
from visits.models import Evidence, Meeting, Participant, Source, Visit

KINDS: dict[str, type[Visit] | type[Meeting]] = {"visits": Visit, "meetings": Meeting}
# Where a record comes from. Machine-parsed articles are what the queue exists for: with "all" they come
# first. "import": read from an imported file (a meeting read from its visit's remark counts as its
# visit's). Records of neither (entered by an editor without a source) show under "all" only.
SOURCES = {"all": "All sources", "article": "Parsed from articles", "import": "Imported files"}
STATES = dict(ReviewState.choices)


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class QueueFilters:
    """The queue's filters, read from a request's query string (anything invalid is ignored)."""

    kind: str = "visits"
    state: str = ReviewState.UNREVIEWED
    source: str = "all"
    outlet: str = ""
    country: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    @classmethod
    def read(cls, data: QueryDict) -> QueueFilters:
        country = data.get("country", "").strip().upper()
        date_from, date_to = _date(data.get("from", "")), _date(data.get("to", ""))
        if date_from and date_to and date_to < date_from:
            date_from, date_to = date_to, date_from
        return cls(
            kind=data.get("kind") if data.get("kind") in KINDS else "visits",
            state=data.get("state") if data.get("state") in STATES else ReviewState.UNREVIEWED,
            source=data.get("source") if data.get("source") in SOURCES else "all",
            outlet=data.get("outlet", "").strip()[:200],
            country=country if is_country(country) else "",
            date_from=date_from,
            date_to=date_to,
        )

    @property
    def model(self) -> type[Visit] | type[Meeting]:
        return KINDS[self.kind]

    def params(self, **changes: object) -> dict[str, str]:
        """The query parameters of these filters (with `changes`), without the defaults."""
        values = replace(self, **changes)
        pairs = {
            "kind": values.kind,
            "state": values.state,
            "source": values.source,
            "outlet": values.outlet,
            "country": values.country,
            "from": values.date_from.isoformat() if values.date_from else "",
            "to": values.date_to.isoformat() if values.date_to else "",
        }
        return {k: v for k, v in pairs.items() if v}

    def query(self, **changes: object) -> str:
        return urlencode(self.params(**changes))

    @property
    def narrowed(self) -> bool:
        """Any filter beyond the kind and the state."""
        return bool(self.source != "all" or self.outlet or self.country or self.date_from or self.date_to)


def _evidence(model: type, **conditions: object) -> Exists:
    return Exists(Evidence.objects.filter(**{model._meta.model_name: OuterRef("pk")}, **conditions))


def _visit_evidence(**conditions: object) -> Exists:
    """For a meeting: its visit's evidence (the remark of an imported visit it was read from)."""
    return Exists(Evidence.objects.filter(visit=OuterRef("visit_id"), **conditions))


def parsed(model: type) -> Exists:
    """The record was parsed from an article."""
    return _evidence(model, source__kind=Source.Kind.ARTICLE)


def _imported(model: type) -> Q:
    imported = Q(_evidence(model, source__kind=Source.Kind.IMPORT))
    if model is Meeting:
        imported |= Q(_visit_evidence(source__kind=Source.Kind.IMPORT))
    return imported & ~Q(parsed(model))


def _outlet(model: type, outlet: str) -> Q:
    found = Q(_evidence(model, source__outlet=outlet))
    if model is Meeting:
        found |= Q(_visit_evidence(source__outlet=outlet))
    return found


def narrowed(filters: QueueFilters) -> QuerySet:
    """The records of the filters' kind matching every filter but the state."""
    model = filters.model
    records = model.objects.all()
    if filters.source == "article":
        records = records.filter(parsed(model))
    elif filters.source == "import":
        records = records.filter(_imported(model))
    if filters.outlet:
        records = records.filter(_outlet(model, filters.outlet))
    day = "date" if model is Meeting else "start_date"
    if filters.country:
        field = "country" if model is Meeting else "destination_country"
        records = records.filter(**{field: filters.country})
    if filters.date_from:
        records = records.filter(**{f"{day}__gte": filters.date_from})
    if filters.date_to:
        records = records.filter(**{f"{day}__lte": filters.date_to})
    return records


def matching(filters: QueueFilters) -> QuerySet:
    """The records the queue lists for the filters (and a bulk accept or reject of "all matching" takes)."""
    return narrowed(filters).filter(review_state=filters.state)


def page_records(filters: QueueFilters) -> QuerySet:
    """The listed records, parsed from articles first, newest first, with their evidence beside them."""
    model = filters.model
    evidence = Prefetch("evidence", queryset=Evidence.objects.select_related("source").order_by("id"))
    records = matching(filters).annotate(parsed=parsed(model)).order_by("-parsed", "-created_at", "-id")
    if model is Meeting:
        participants = Prefetch("participants", queryset=Participant.objects.select_related("official"))
        visit_evidence = Prefetch(
            "visit__evidence", queryset=Evidence.objects.select_related("source").order_by("id")
        )
        return records.select_related("visit", "visit__visitor").prefetch_related(
            participants, evidence, visit_evidence
        )
    return records.select_related("visitor").prefetch_related(evidence, "organisations")


def state_counts(filters: QueueFilters) -> dict[str, tuple[int, int]]:
    """Per state: (records of the kind, records matching the other filters). One query."""
    model = filters.model
    counts = {f"all_{state}": Count("pk", filter=Q(review_state=state)) for state in STATES}
    if filters.narrowed:
        matched = narrowed(filters).values("pk")
        counts |= {f"hit_{s}": Count("pk", filter=Q(review_state=s, pk__in=matched)) for s in STATES}
    totals = model.objects.aggregate(**counts)
    return {s: (totals[f"all_{s}"], totals.get(f"hit_{s}", totals[f"all_{s}"])) for s in STATES}


def source_counts(filters: QueueFilters) -> dict[str, int]:
    """Per source, the records in the filters' state (other filters applied). One query."""
    model = filters.model
    records = narrowed(replace(filters, source="all")).filter(review_state=filters.state)
    return records.aggregate(
        all=Count("pk"),
        article=Count("pk", filter=Q(parsed(model))),
        **{"import": Count("pk", filter=_imported(model))},
    )


def waiting_counts(filters: QueueFilters, listed: int) -> dict[str, int]:
    """Unreviewed records per kind (the tabs), given the listed kind's: one query for the other kind."""
    return {
        name: listed
        if name == filters.kind
        else model.objects.filter(review_state=ReviewState.UNREVIEWED).count()
        for name, model in KINDS.items()
    }


def outlets() -> list[str]:
    """The outlets and publishers of every source that supports a record. One query."""
    named = Source.objects.exclude(outlet="").filter(kind__in=[Source.Kind.ARTICLE, Source.Kind.IMPORT])
    return list(named.order_by("outlet").values_list("outlet", flat=True).distinct())
