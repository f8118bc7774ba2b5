"""Lean lists: the API's visit list without DRF's per-field machinery, the timeline's rows without
the template language's, each giving exactly what the general definition gives.

Profiles of `/api/v1/visits/` put most of a page's time in serialising 50 visits through nested
`ModelSerializer`s (a field object, a `get_attribute` walk and a `to_representation` call per value).
`LeanVisitListSerializer` writes the same dictionaries from the same prefetched rows directly.
`VisitListSerializer` stays the definition: the schema is generated from it, `?expand=meetings` uses it,
and tests/api/test_lean_list.py checks the two give identical JSON.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

from django.db.models import QuerySet
from django.db.models.query import ValuesIterable
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from rest_framework import serializers

from common.countries import country_chip, country_name
from common.serializers import absolute_url
from common.urls import cached_reverse
from orgs.models import Organisation
from people.models import Official
from visits.models import Evidence, Visit, VisitKind, VisitStatus
from visits.templatetags.archive import date_span


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


class _Row:
    """What a row needs once per response: the absolute URL base and the time zone of DRF's dates."""

    def __init__(self, context: dict) -> None:
        self.context = context
        self.zone = timezone.get_current_timezone()
        self.routes: dict[str, tuple[str, str]] = {}
        self.countries: dict[str, dict[str, str] | None] = {}
        # Set by read_links(): each visit's organisations and sources, read for the whole page.
        self.orgs: dict[int, list[dict[str, Any]]] | None = None
        self.sources: dict[int, list[dict[str, Any]]] | None = None

    def link(self, viewname: str, key: str, value: int | str) -> str:
        """The absolute URL of a one-argument route, reversed once per response (as cached_reverse does)."""
        parts = self.routes.get(viewname)
        if parts is None:
            sentinel = 8675309001 if isinstance(value, int) else "zz-sentinel-zz"
            head, _, tail = cached_reverse(viewname, **{key: sentinel}).partition(str(sentinel))
            parts = self.routes[viewname] = (absolute_url(self.context, head), tail)
        return f"{parts[0]}{value}{parts[1]}"

    def country(self, value: Any) -> dict[str, str] | None:
        code = getattr(value, "code", value) or ""
        if code not in self.countries:
            self.countries[code] = {"code": code, "name": country_name(code)} if code else None
        return self.countries[code]

    def stamp(self, value: datetime.datetime | None) -> str | None:
        if not value:
            return None
        text = value.astimezone(self.zone).isoformat() if timezone.is_aware(value) else value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    def official(self, official: Official | None) -> dict[str, Any] | None:
        if official is None:
            return None
        return {
            "slug": official.slug,
            "name": official.name,
            "country": self.country(official.country),
            "api_url": self.link("api:official-detail", "slug", official.slug),
            "permalink": self.link("people:official-detail", "slug", official.slug),
        }

    def organisation(self, org: Organisation | None) -> dict[str, Any] | None:
        if org is None:
            return None
        return self._organisation(org.slug, org.name, org.acronym, org.kind)

    def _organisation(self, slug: str, name: str, acronym: str, kind: str) -> dict[str, Any]:
        return {
            "slug": slug,
            "name": name,
            "acronym": acronym,
            "kind": kind,
            "api_url": self.link("api:organisation-detail", "slug", slug),
            "permalink": self.link("orgs:organisation-detail", "slug", slug),
        }

    def source(self, evidence: Evidence) -> dict[str, Any]:
        source = evidence.source
        return self._source(evidence.source_id, source.title, source.url, source.outlet, source.published)

    def _source(
        self, pk: int, title: str, url: str, outlet: str, published: datetime.date | None
    ) -> dict[str, Any]:
        return {
            "id": pk,
            "api_url": self.link("api:source-detail", "pk", pk),
            "title": title,
            "url": url,
            "outlet": outlet,
            "published": _date(published),
        }

    def read_links(self, visits: list[Visit]) -> None:
        """The page's organisations and sources as plain rows, two queries for the page, when the visits
        were read without their prefetches (the API list): no model instance, no related manager per
        visit. In the prefetches' order: organisations by name, sources by evidence id."""
        ids = [visit.pk for visit in visits]
        self.orgs, self.sources = {pk: [] for pk in ids}, {pk: [] for pk in ids}
        through = Visit.organisations.through
        for visit_id, *org in (
            through.objects.filter(visit_id__in=ids)
            .order_by("organisation__name", "organisation_id")
            .values_list(
                "visit_id",
                "organisation__slug",
                "organisation__name",
                "organisation__acronym",
                "organisation__kind",
            )
        ):
            self.orgs[visit_id].append(self._organisation(*org))
        for visit_id, *source in (
            Evidence.objects.filter(visit_id__in=ids)
            .order_by("id")
            .values_list(
                "visit_id", "source_id", "source__title", "source__url", "source__outlet", "source__published"
            )
        ):
            self.sources[visit_id].append(self._source(*source))

    def visit(self, visit: Visit) -> dict[str, Any]:
        position = visit.visitor_position
        return {
            "id": visit.id,
            "api_url": self.link("api:visit-detail", "pk", visit.pk),
            "permalink": self.link("visits:visit-detail", "pk", visit.pk),
            "visitor": self.official(visit.visitor),
            "visitor_name": visit.visitor_name,
            "visitor_title": visit.visitor_title,
            "visitor_position": None
            if position is None
            else {"title": position.title, "organisation": self.organisation(position.organisation)},
            "delegation": visit.delegation,
            "origin_country": self.country(visit.origin_country),
            "destination_country": self.country(visit.destination_country),
            "destination_city": visit.destination_city,
            "start_date": _date(visit.start_date),
            "start_precision": visit.start_precision,
            "end_date": _date(visit.end_date),
            "end_precision": visit.end_precision,
            "kind": visit.kind,
            "status": visit.status,
            "purpose": visit.purpose,
            "summary": visit.summary,
            "organisations": self.orgs[visit.pk]
            if self.orgs is not None and visit.pk in self.orgs
            else [self.organisation(org) for org in visit.organisations.all()],
            "review_state": visit.review_state,
            "external_scheme": visit.external_scheme,
            "external_id": visit.external_id,
            "sources": self.sources[visit.pk]
            if self.sources is not None and visit.pk in self.sources
            else [self.source(evidence) for evidence in visit.evidence.all()],
            "edited_fields": visit.edited_fields,
            "created_at": self.stamp(visit.created_at),
            "updated_at": self.stamp(visit.updated_at),
            "meeting_count": visit.meeting_count,
        }


# What a listed visit shows, read as plain values (lean_rows): the visit's own columns, its visitor's and
# post's, and the meeting count the list's queryset annotates.
_OWN = tuple(f.attname for f in Visit._meta.concrete_fields)
_VISITOR = ("slug", "name", "country")
_POST = ("title", "organisation_id")
_POST_ORG = ("slug", "name", "acronym", "kind")
LIST_VALUES = (
    *_OWN,
    *(f"visitor__{n}" for n in _VISITOR),
    *(f"visitor_position__{n}" for n in _POST),
    *(f"visitor_position__organisation__{n}" for n in _POST_ORG),
    "meeting_count",
)


def _related(row: dict, prefix: str, names: tuple[str, ...]) -> SimpleNamespace:
    return SimpleNamespace(**{n: row[f"{prefix}{n}"] for n in names})


class _RowIterable(ValuesIterable):
    """A listed visit as an object with the attributes `_Row.visit` and the paginator read, built from
    plain values: no model instance for the visit, its visitor, its post and the post's organisation."""

    def __iter__(self) -> Iterator[SimpleNamespace]:
        for row in super().__iter__():
            visit = SimpleNamespace(**{name: row[name] for name in _OWN}, meeting_count=row["meeting_count"])
            visit.pk = visit.id
            visit.visitor = _related(row, "visitor__", _VISITOR) if visit.visitor_id else None
            visit.visitor_position = None
            if visit.visitor_position_id:
                post = visit.visitor_position = _related(row, "visitor_position__", _POST)
                prefix = "visitor_position__organisation__"
                post.organisation = _related(row, prefix, _POST_ORG) if post.organisation_id else None
            yield visit


def lean_rows(queryset: QuerySet) -> QuerySet:
    """`queryset` (a list's, annotated with meeting_count) read as the lean rows `_Row.visit` writes out."""
    rows = queryset.prefetch_related(None).values(*LIST_VALUES)
    rows._iterable_class = _RowIterable
    return rows


def _prefetched(visit: Visit) -> bool:
    cache = getattr(visit, "_prefetched_objects_cache", {})
    return "organisations" in cache and "evidence" in cache


class _LeanList(serializers.ListSerializer):
    """A page of visits: their organisations and sources read once for the page unless prefetched."""

    def to_representation(self, data: Iterable[Visit]) -> list[dict[str, Any]]:
        visits = list(data)
        row = self.child.row()
        if visits and not all(_prefetched(visit) for visit in visits):
            row.read_links(visits)
        return [row.visit(visit) for visit in visits]


class LeanVisitListSerializer(serializers.BaseSerializer):
    """Listed visits (no `?expand=meetings`) as VisitListSerializer gives them, without its field objects.

    The API list reads its page without prefetches (visits/api.py): `_LeanList` reads the page's
    organisations and sources as plain rows."""

    class Meta:
        list_serializer_class = _LeanList

    def row(self) -> _Row:
        row = self.context.get("_lean_row")
        if row is None:
            row = self.context["_lean_row"] = _Row(self.context)
        return row

    def to_representation(self, instance: Visit) -> dict[str, Any]:
        row = self.row()
        if not _prefetched(instance) and instance.pk not in (row.orgs or {}):
            row.read_links([instance])
        return row.visit(instance)


# The timeline's rows: templates/_visit_row.html written as one Python format string. The template language
# resolves some twenty variables per row through its generic lookups; a page of 50 rows spent more time
# there than in its queries. The partial stays the definition (other pages include it) and
# tests/api/test_lean_list.py checks both give the same HTML.
_ROW = (
    '<li class="vrow{state}">\n'
    '  <div class="vrow__when">{when}</div>\n'
    '  <div class="vrow__body">\n'
    '    <a class="vrow__title" href="{url}">{visitor}'
    '<span class="vrow__dest"> in {city}{destination}</span></a>\n'
    "    {post}\n"
    '    <div class="vrow__meta">\n'
    '      <span class="route">{origin_chip} <span aria-label="to">→</span> {destination_chip}</span>\n'
    '      <span class="badge badge--{kind}">{kind_label}</span>\n'
    "      {status}\n"
    "      {meetings}\n"
    "    </div>\n"
    "  </div>\n"
    "</li>\n"
)
# The columns a row reads (visit_row_html): the timeline selects only these.
ROW_COLUMNS = (
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "visitor_name",
    "visitor_title",
    "visitor__name",
    "visitor_position__title",
    "origin_country",
    "destination_country",
    "destination_city",
    "kind",
    "status",
)


def as_rows(queryset: QuerySet) -> QuerySet:
    """A timeline queryset narrowed to what a row shows: no organisations, no post's organisation, no
    other columns (model instances of fewer fields cost a 1M page's rows half the CPU)."""
    return (
        queryset.prefetch_related(None)
        .select_related(None)
        .select_related("visitor", "visitor_position")
        .only(*ROW_COLUMNS)
    )


_STATE = {VisitStatus.PLANNED: " vrow--planned", VisitStatus.CANCELLED: " vrow--cancelled"}


def _e(value: Any) -> str:
    """conditional_escape's text without its SafeString wrapper per call (the row is marked safe whole)."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


_KIND_LABELS = {value: str(label) for value, label in VisitKind.choices}
_STATUS_LABELS = {value: str(label) for value, label in VisitStatus.choices}


def visit_row_html(visit: Visit, language: str | None = None) -> str:
    """One timeline row, exactly as templates/_visit_row.html renders it (`language`: the active one,
    looked up once per page by visit_rows_html)."""
    e = _e
    if language is None:
        language = get_language() or ""
    if visit.start_date:
        when = f'<time datetime="{visit.start_date.isoformat()}">{e(date_span(visit))}</time>'
    else:
        when = "Undated"
    if visit.visitor_title:
        post = f'<span class="vrow__post">{e(visit.visitor_title)}</span>'
    elif visit.visitor_position:
        post = f'<span class="vrow__post">{e(visit.visitor_position.title)}</span>'
    else:
        post = ""
    # The values as stored (the fields' descriptors would build a Country object per read).
    stored = vars(visit)
    status, kind, count = stored["status"], stored["kind"], visit.meeting_count
    origin, destination = str(stored["origin_country"] or ""), str(stored["destination_country"] or "")
    return _ROW.format(
        state=_STATE.get(status, ""),
        when=when,
        url=e(visit.get_absolute_url()),
        visitor=e(visit.visitor_display or "Unknown visitor"),
        city=f"{e(visit.destination_city)}, " if visit.destination_city else "",
        destination=e(country_name(destination, language)),
        post=post,
        origin_chip=country_chip(origin, language),
        destination_chip=country_chip(destination, language),
        kind=e(kind),
        kind_label=e(_KIND_LABELS.get(kind, kind)),
        status=f'<span class="badge badge--{e(status)}">{e(_STATUS_LABELS.get(status, status))}</span>'
        if status != "completed"
        else "",
        meetings=f'<span class="meetings">{count} meeting{"" if count == 1 else "s"}</span>' if count else "",
    )


def visit_rows_html(visits: Iterable[Visit]) -> SafeString:
    """Timeline rows for `visits`, in one string (each value escaped in `visit_row_html`)."""
    language = get_language() or ""
    return mark_safe("".join(visit_row_html(visit, language) for visit in visits))  # noqa: S308
