"""API viewsets for visits, meetings and sources."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from common.api import ArchiveReadMixin, LimitedJSONParser, PlainTextParser, RecordViewSet
from common.schema import ERROR_REF, NOT_BLANK
from visits.filters import MeetingFilter, OutcomeFilter, SourceFilter, VisitFilter
from visits.lean import LeanVisitListSerializer, lean_rows
from visits.models import Evidence, Meeting, Outcome, Source, Trip, Visit
from visits.serializers import (
    ARTICLE_MAX_CHARS,
    MeetingInputSerializer,
    MeetingSerializer,
    OutcomeSerializer,
    SourceDetailSerializer,
    SourceInputSerializer,
    SourceSerializer,
    TripSerializer,
    VisitInputSerializer,
    VisitListSerializer,
    VisitSerializer,
)
from visits.services.edits import meeting_participants_set, visit_organisations_set
from visits.services.sources import QueueUnavailable, source_submit

# A client told the queue is down waits this long before posting the article again.
QUEUE_RETRY_AFTER_SECONDS = 30


class VisitViewSet(RecordViewSet):
    """Visits, newest first, each with its visitor, places, meetings, participants and sources.

    Pages are keyset cursors on (start date, id): a page does not shift when visits are added.
    Undated visits come after all dated ones.
    """

    queryset = Visit.objects.detailed()
    serializer_class = VisitSerializer
    input_serializer_class = VisitInputSerializer
    record_rules = "a visit cannot end before it starts (`end_date` before `start_date`, as sent or stored)."
    filterset_class = VisitFilter
    extra_query_params = ("expand",)
    related_fields = ("organisations",)
    keyset_orderings = {
        "-start_date": ("start_date", True),
        "start_date": ("start_date", False),
        "-updated_at": ("updated_at", True),
    }

    def expanded(self) -> bool:
        """`?expand=meetings` nests each listed visit's meetings, participants and source excerpts."""
        value = self.request.query_params.get("expand", "")
        if value not in ("", "meetings"):
            raise ValidationError({"expand": ['The only expansion is "meetings".']})
        return value == "meetings"

    def get_queryset(self) -> models.QuerySet:
        if self.action != "list":
            return super().get_queryset()
        # A listed visit counts its meetings and links its sources; ?expand=meetings nests the meetings.
        if self.get_serializer_class() is LeanVisitListSerializer:
            # It reads the page's organisations and sources itself, as plain rows (visits/lean.py).
            return Visit.objects.timeline().prefetch_related(None)
        listed = Visit.objects.timeline().with_source_links()
        return listed.with_meetings() if self.expanded() else listed

    def paginate_queryset(self, queryset: models.QuerySet) -> list | None:
        # The lean list reads its page as plain values (visits/lean.py): no model instances.
        if self.get_serializer_class() is LeanVisitListSerializer:
            queryset = lean_rows(queryset)
        return super().paginate_queryset(queryset)

    def get_serializer_class(self) -> type:
        if self.action != "list":
            return super().get_serializer_class()
        # The schema (a fake view) and ?expand=meetings use the DRF definition; a plain page the lean
        # serialiser, which gives the same JSON (tests/api/test_lean_list.py) without DRF's per-field cost.
        if getattr(self, "swagger_fake_view", False) or self.format_kwarg or self.expanded():
            return VisitListSerializer
        return LeanVisitListSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            **super().get_serializer_context(),
            "expand_meetings": self.action == "list" and self.expanded(),
        }

    # The schema's serializer is built as for ?expand=meetings, so `meetings` is listed (as optional).
    @extend_schema(
        responses=VisitListSerializer(many=True, context={"expand_meetings": True}),
        parameters=[
            OpenApiParameter(
                "expand",
                OpenApiTypes.STR,
                enum=["meetings"],
                description="Nest each visit's meetings, participants and source excerpts, as the "
                "detail does; without it a visit lists its meeting count.",
            )
        ],
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def prepare(self, instance: Visit, created: bool) -> None:
        instance.name_visitor()

    def related_changes(self, instance: Visit, related: dict, created: bool) -> list[str]:
        if "organisations" not in related:
            return []
        if created:
            return ["organisations"]
        before = {o.pk for o in instance.organisations.all()}
        return ["organisations"] if before != {o.pk for o in related["organisations"]} else []

    def save_related(self, instance: Visit, related: dict) -> None:
        if "organisations" in related:
            visit_organisations_set(visit=instance, organisations=related["organisations"])


class MeetingViewSet(RecordViewSet):
    """Meetings with their visit, participants and sources."""

    queryset = Meeting.objects.detailed()
    serializer_class = MeetingSerializer
    input_serializer_class = MeetingInputSerializer
    filterset_class = MeetingFilter
    related_fields = ("participants",)
    keyset_orderings = {
        "-date": ("date", True),
        "date": ("date", False),
        "-updated_at": ("updated_at", True),
    }

    def related_changes(self, instance: Meeting, related: dict, created: bool) -> list[str]:
        if "participants" not in related:
            return []
        if created:
            return ["participants"]
        fields = ("official", "name_as_written", "title_as_written", "country", "role")
        before = [tuple(str(getattr(p, f) or "") for f in fields) for p in instance.participants.all()]
        after = [tuple(str(p.get(f) or "") for f in fields) for p in related["participants"]]
        return ["participants"] if before != after else []

    def save_related(self, instance: Meeting, related: dict) -> None:
        if "participants" in related:
            meeting_participants_set(meeting=instance, participants=related["participants"])


@extend_schema(
    description="Articles kept by the archive, with their parse status and the records they produced."
)
class SourceViewSet(
    ArchiveReadMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Sources; POST an article to keep it and queue its parse."""

    queryset = Source.objects.prefetch_related(
        models.Prefetch(
            "evidence", queryset=Evidence.objects.only("id", "source_id", "visit_id", "meeting_id")
        )
    )
    filterset_class = SourceFilter
    input_serializer_class = SourceInputSerializer
    body_required_for = ("POST",)
    parser_classes = [LimitedJSONParser, PlainTextParser]
    keyset_orderings = {"-created_at": ("created_at", True), "-updated_at": ("updated_at", True)}

    def get_queryset(self) -> models.QuerySet:
        queryset = super().get_queryset()
        if self.action in ("retrieve", "create"):
            return queryset.defer("extraction")
        return queryset.defer("text", "extraction")

    def get_serializer_class(self) -> type:
        return SourceDetailSerializer if self.action in ("retrieve", "create") else SourceSerializer

    @extend_schema(
        request={
            "application/json": SourceInputSerializer,
            "text/plain": {
                "type": "string",
                "maxLength": ARTICLE_MAX_CHARS,
                "pattern": NOT_BLANK,
            },
        },
        responses={
            202: OpenApiResponse(SourceDetailSerializer, description="Kept; the parse is queued."),
            200: OpenApiResponse(SourceDetailSerializer, description="The same article was already kept."),
            503: OpenApiResponse(
                ERROR_REF, description="Kept, but the queue is down: post again after Retry-After seconds."
            ),
        },
        summary="Submit an article",
        description=(
            "Keep an article and queue its parse. Send the article JSON (text, url, outlet, published, "
            "title) or its plain text. Poll the returned `api_url` until `status` is parsed or failed, "
            "then follow `visits` and `meetings`. The same text posted again returns the same source."
        ),
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = request.data
        if request.content_type.startswith("text/plain"):
            data = {**{k: v for k, v in request.query_params.items() if k != "text"}, **data}
        serializer = SourceInputSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        values = {k: v for k, v in serializer.validated_data.items() if k in SourceInputSerializer.STORED}
        try:
            with transaction.atomic():
                source, created = source_submit(**values, strict_queue=True)
        except QueueUnavailable:
            # The article is kept (pending); posting it again queues it, as does the periodic sweep.
            return Response(
                {"detail": "The article is kept, but the parse queue is unavailable: post it again later."},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": str(QUEUE_RETRY_AFTER_SECONDS)},
            )
        source = self.get_queryset().get(pk=source.pk)
        body = SourceDetailSerializer(source, context=self.get_serializer_context()).data
        code = status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK
        return Response(body, status=code, headers={"Location": body["api_url"]})


class OutcomeViewSet(ArchiveReadMixin, viewsets.ReadOnlyModelViewSet):
    """Outcomes: agreements, memoranda, joint statements and declarations visits produced."""

    queryset = Outcome.objects.select_related("visit__visitor", "source").defer("source__extraction")
    serializer_class = OutcomeSerializer
    filterset_class = OutcomeFilter
    keyset_orderings = {"-date": ("date", True), "-updated_at": ("updated_at", True)}


class TripViewSet(ArchiveReadMixin, viewsets.ReadOnlyModelViewSet):
    """Trips: an official's consecutive visits, legs in order."""

    queryset = Trip.objects.select_related("visitor").prefetch_related(
        models.Prefetch(
            "legs", queryset=Visit.objects.select_related("visitor").order_by("leg", "start_date")
        )
    )
    serializer_class = TripSerializer
    keyset_orderings = {"-start_date": ("start_date", True), "-updated_at": ("updated_at", True)}
