"""API representations of visits, meetings and sources, and the input clients send."""

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from common.countries import COUNTRY_CODES
from common.models import DatePrecision
from common.serializers import (
    RECORD_HELP,
    CountrySerializer,
    PermalinkField,
    StrictInputMixin,
    StringListField,
    absolute_url,
    api_link,
    country_choice,
    country_field,
    edited_fields_field,
    review_state_choice,
)
from common.urls import cached_reverse
from orgs.models import Organisation
from orgs.serializers import OrganisationSummarySerializer
from people.models import Official, Position
from people.serializers import DATE_PRECISION_HELP, OfficialSummarySerializer
from visits.models import Evidence, Meeting, Outcome, Participant, Source, Trip, Visit, VisitKind, VisitStatus

# An article longer than this is refused by the API (the body limit usually answers first).
ARTICLE_MAX_CHARS = 1_000_000


class ParticipantSerializer(serializers.ModelSerializer):
    """One participant: the name as the source wrote it, and the official it resolved to, if any."""

    official = OfficialSummarySerializer(
        read_only=True, allow_null=True, help_text="The resolved official; null when unresolved."
    )
    name = serializers.CharField(source="display_name", read_only=True, help_text="Name to display.")
    country = country_field("The participant's country.")

    class Meta:
        model = Participant
        fields = ["name", "name_as_written", "title_as_written", "country", "role", "official"]
        extra_kwargs = {
            "name_as_written": {"help_text": "The name as the source wrote it."},
            "role": {"help_text": "Host, guest, participant or chair."},
        }


class SourceRefSerializer(serializers.ModelSerializer):
    """A source that reports the record: where to read it."""

    id = serializers.IntegerField(source="source.id", read_only=True, help_text="The source's id.")
    api_url = serializers.SerializerMethodField(help_text="The source in the API.")
    title = serializers.CharField(source="source.title", read_only=True, help_text="Headline.")
    url = serializers.CharField(source="source.url", read_only=True, help_text="The article's address.")
    outlet = serializers.CharField(source="source.outlet", read_only=True, help_text="Who published it.")
    published = serializers.DateField(
        source="source.published", read_only=True, allow_null=True, help_text="Publication date."
    )

    class Meta:
        model = Evidence
        fields = ["id", "api_url", "title", "url", "outlet", "published"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, evidence: Evidence) -> str:
        return absolute_url(self.context, cached_reverse("api:source-detail", pk=evidence.source_id))


class SourceLinkSerializer(SourceRefSerializer):
    """A source that reports the record, with the supporting sentences."""

    excerpts = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="The sentences that report the record.",
    )

    class Meta(SourceRefSerializer.Meta):
        fields = [*SourceRefSerializer.Meta.fields, "excerpts"]


class MeetingFieldsMixin(serializers.ModelSerializer):
    participants = ParticipantSerializer(many=True, read_only=True, help_text="Who met.")
    country = country_field("Where the meeting took place.")
    topics = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Subjects discussed."
    )
    edited_fields = edited_fields_field()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "api_url",
            "permalink",
            "name",
            "date",
            "date_precision",
            "city",
            "country",
            "participants",
            "topics",
            "summary",
            "review_state",
            "edited_fields",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            **RECORD_HELP,
            "name": {"help_text": "A named session, if any."},
            "date": {"help_text": "When; null if the source does not say."},
            "date_precision": {"help_text": DATE_PRECISION_HELP},
            "city": {"help_text": "City where it took place."},
            "summary": {"help_text": "What the source says of it."},
        }


class VisitMeetingSerializer(MeetingFieldsMixin):
    """A meeting as nested in its visit."""

    api_url = api_link("api:meeting-detail")
    permalink = PermalinkField()


class VisitSummarySerializer(serializers.ModelSerializer):
    """The visit a meeting belongs to."""

    api_url = api_link("api:visit-detail")
    permalink = PermalinkField()
    visitor = serializers.CharField(source="visitor_display", read_only=True, help_text="The visitor's name.")
    destination_country = country_field("Host country.")

    class Meta:
        model = Visit
        fields = ["id", "api_url", "permalink", "visitor", "destination_country", "start_date"]
        extra_kwargs = {
            "id": {"help_text": "Numeric id."},
            "start_date": {"help_text": "First day; null if unknown."},
        }


class MeetingSerializer(MeetingFieldsMixin):
    """A meeting with its visit, participants and sources."""

    api_url = api_link("api:meeting-detail")
    permalink = PermalinkField()
    visit = VisitSummarySerializer(read_only=True, allow_null=True, help_text="The visit it was part of.")
    sources = SourceLinkSerializer(
        source="evidence", many=True, read_only=True, help_text="Sources reporting it."
    )

    class Meta(MeetingFieldsMixin.Meta):
        fields = [
            *MeetingFieldsMixin.Meta.fields[:3],
            "visit",
            *MeetingFieldsMixin.Meta.fields[3:],
            "sources",
        ]


class VisitorPositionSerializer(serializers.ModelSerializer):
    """The post the visitor held during the visit."""

    organisation = OrganisationSummarySerializer(read_only=True, allow_null=True, help_text="Its body.")

    class Meta:
        model = Position
        fields = ["title", "organisation"]
        extra_kwargs = {"title": {"help_text": "The post, e.g. Prosecutor General."}}


class VisitSerializer(serializers.ModelSerializer):
    """A visit with its visitor, places, dates, meetings with participants, and sources."""

    api_url = api_link("api:visit-detail")
    permalink = PermalinkField()
    visitor = OfficialSummarySerializer(
        read_only=True, allow_null=True, help_text="The resolved visitor; null when unresolved."
    )
    visitor_position = VisitorPositionSerializer(
        read_only=True, allow_null=True, help_text="The post held during the visit, if known."
    )
    origin_country = country_field("The visitor's country.")
    destination_country = country_field("The host country.")
    organisations = OrganisationSummarySerializer(many=True, read_only=True, help_text="Bodies involved.")
    meetings = VisitMeetingSerializer(many=True, read_only=True, help_text="Meetings during the visit.")
    sources = SourceLinkSerializer(
        source="evidence", many=True, read_only=True, help_text="Sources reporting the visit."
    )
    edited_fields = edited_fields_field()

    class Meta:
        model = Visit
        fields = [
            "id",
            "api_url",
            "permalink",
            *Visit.content_fields(),
            "meetings",
            "sources",
            "edited_fields",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            **RECORD_HELP,
            "destination_city": {"help_text": "City visited."},
            "start_date": {"help_text": "First day; null if unknown."},
            "start_precision": {"help_text": DATE_PRECISION_HELP},
            "end_date": {"help_text": "Last day; null if unknown or the same day."},
            "end_precision": {"help_text": DATE_PRECISION_HELP},
            "kind": {"help_text": "State, official, working, private, multilateral or unknown."},
            "status": {"help_text": "Planned, completed or cancelled."},
            "summary": {"help_text": "What the sources say of it."},
            "external_id": {"help_text": "The id in the external scheme."},
        }


class VisitListSerializer(VisitSerializer):
    """A visit as listed: its meetings counted, and nested only with `?expand=meetings`."""

    meeting_count = serializers.IntegerField(read_only=True, help_text="How many meetings the visit had.")
    # Not read-only so the schema marks it optional: it is there only with ?expand=meetings.
    meetings = VisitMeetingSerializer(
        many=True, required=False, help_text="Meetings during the visit (only with ?expand=meetings)."
    )
    sources = SourceRefSerializer(
        source="evidence", many=True, read_only=True, help_text="Sources reporting the visit."
    )

    class Meta(VisitSerializer.Meta):
        fields = [*VisitSerializer.Meta.fields, "meeting_count"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.context.get("expand_meetings"):
            self.fields.pop("meetings")


class SourceSerializer(serializers.ModelSerializer):
    """A kept source: its parse status and links to the records it produced."""

    api_url = api_link("api:source-detail")
    permalink = PermalinkField()
    visits = serializers.SerializerMethodField(help_text="API URLs of the visits it reports.")
    meetings = serializers.SerializerMethodField(help_text="API URLs of the meetings it reports.")

    class Meta:
        model = Source
        fields = [
            "id",
            "api_url",
            "permalink",
            "kind",
            "title",
            "url",
            "outlet",
            "published",
            "filename",
            "status",
            "error",
            "parser_version",
            "parsed_at",
            "visits",
            "meetings",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            **RECORD_HELP,
            "kind": {"help_text": "Article, imported file or editor entry."},
            "title": {"help_text": "Headline."},
            "url": {"help_text": "The article's address."},
            "outlet": {"help_text": "Who published it."},
            "published": {"help_text": "Publication date."},
            "filename": {"help_text": "Name of the uploaded file, if any."},
            "status": {"help_text": "Parse status: pending, parsing, parsed or failed."},
            "parser_version": {"help_text": "Version of the parser that last ran."},
            "parsed_at": {"help_text": "When the last parse finished."},
        }

    def _links(self, source: Source, attr: str, view_name: str) -> list[str]:
        request = self.context.get("request")
        ids = sorted({getattr(e, attr) for e in source.evidence.all() if getattr(e, attr)})
        paths = [reverse(view_name, kwargs={"pk": pk}) for pk in ids]
        return [request.build_absolute_uri(p) if request else p for p in paths]

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_visits(self, source: Source) -> list[str]:
        return self._links(source, "visit_id", "api:visit-detail")

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_meetings(self, source: Source) -> list[str]:
        return self._links(source, "meeting_id", "api:meeting-detail")


class SourceDetailSerializer(SourceSerializer):
    """A source with its text."""

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text"]
        extra_kwargs = {**SourceSerializer.Meta.extra_kwargs, "text": {"help_text": "The text as kept."}}


class SourceInputSerializer(StrictInputMixin, serializers.Serializer):
    """An article to keep and parse: the article JSON of SCHEMA.md (its `gold` and notes are ignored)."""

    text = serializers.CharField(
        max_length=ARTICLE_MAX_CHARS,
        help_text="The article body, plain text, paragraphs split by a blank line.",
    )
    url = serializers.URLField(
        allow_null=True,
        max_length=1000,
        required=False,
        allow_blank=True,
        # Narrower than the schema's `uri` format, which no pattern can make exact: said in words.
        help_text="Its address: an http, https, ftp or ftps URL with a host name (a dotted domain, an IP "
        "address or localhost); other URIs (urn:, mailto:) are refused with a 400.",
    )
    outlet = serializers.CharField(
        allow_null=True, max_length=200, required=False, allow_blank=True, help_text="Publisher."
    )
    published = serializers.DateField(required=False, allow_null=True, help_text="Publication date (ISO).")
    title = serializers.CharField(
        allow_null=True, max_length=500, required=False, allow_blank=True, help_text="Headline."
    )
    filename = serializers.CharField(
        allow_null=True,
        max_length=300,
        required=False,
        allow_blank=True,
        help_text="Original file name, if any.",
    )
    # Keys of the article format that the archive does not store; accepted so files post unchanged.
    id = serializers.CharField(
        allow_null=True, required=False, allow_blank=True, help_text="The file's own id (ignored)."
    )
    # Any JSON value, null included, as the schema says of a JSON field.
    gold = serializers.JSONField(required=False, allow_null=True, help_text="Annotations (ignored).")
    notes = serializers.CharField(
        allow_null=True, required=False, allow_blank=True, help_text="Annotator's notes (ignored)."
    )
    license = serializers.CharField(
        allow_null=True, required=False, allow_blank=True, help_text="Licence note (ignored)."
    )
    rewritten = serializers.BooleanField(required=False, help_text="Whether it was rewritten (ignored).")

    STORED = ("text", "url", "outlet", "published", "title", "filename")

    def validate(self, attrs: dict) -> dict:
        """A null title, url, outlet or file name (many articles have none) is stored as empty."""
        return {key: ("" if value is None and key != "published" else value) for key, value in attrs.items()}

    def validate_text(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError("The article has no text.")
        return value


class VisitInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """What a client sends to create or change a visit."""

    visitor = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Official.objects.all(),
        required=False,
        allow_null=True,
        help_text="The visitor's slug; null to leave unresolved.",
    )
    visitor_position = serializers.PrimaryKeyRelatedField(
        queryset=Position.objects.all(), required=False, allow_null=True, help_text="Id of the post held."
    )
    origin_country = country_choice("The visitor's country, ISO code.")
    destination_country = country_choice("The host country, ISO code.", required=True)
    start_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, required=False, help_text=DATE_PRECISION_HELP
    )
    end_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, required=False, help_text=DATE_PRECISION_HELP
    )
    kind = serializers.ChoiceField(choices=VisitKind.choices, required=False, help_text="Kind of visit.")
    status = serializers.ChoiceField(choices=VisitStatus.choices, required=False, help_text="Status.")
    organisations = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        many=True,
        required=False,
        help_text="Slugs of the bodies involved (replaces the list).",
    )
    review_state = review_state_choice()

    class Meta:
        model = Visit
        fields = Visit.content_fields()
        extra_kwargs = {
            "delegation": {"help_text": "Members of the delegation, as written.", "max_length": 20_000},
            "destination_city": {"help_text": "City visited."},
            "start_date": {"help_text": "First day."},
            "end_date": {"help_text": "Last day; not before the first (422)."},
            "summary": {"help_text": "What the sources say of it.", "max_length": 20_000},
            "external_id": {"help_text": "The id in the external scheme; one visit per id."},
        }
        # Uniqueness of the external id is checked by full_clean(), as in admin.
        validators: list = []


class ParticipantInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """One participant of a meeting: an official's slug, a name as written, or a title."""

    official = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Official.objects.all(),
        required=False,
        allow_null=True,
        help_text="The official's slug, if resolved.",
    )
    country = country_choice("The participant's country, ISO code.")
    role = serializers.ChoiceField(choices=Participant.Role.choices, required=False, help_text="Role.")
    # One of these at least, not null or blank: the schema says so too (common/api.py, ArchiveSchema).
    needs_one_of = ("official", "name_as_written", "title_as_written")

    class Meta:
        model = Participant
        fields = ["official", "name_as_written", "title_as_written", "country", "role"]
        extra_kwargs = {"name_as_written": {"help_text": "The name as the source wrote it."}}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not (attrs.get("official") or attrs.get("name_as_written") or attrs.get("title_as_written")):
            raise serializers.ValidationError("A participant needs an official, a name or a title.")
        return attrs


class MeetingInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """What a client sends to create or change a meeting; `participants` replaces the list."""

    visit = serializers.PrimaryKeyRelatedField(
        queryset=Visit.objects.all(), required=False, allow_null=True, help_text="Id of the visit."
    )
    date_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, required=False, help_text=DATE_PRECISION_HELP
    )
    country = country_choice("Where it took place, ISO code.")
    topics = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, max_length=100, help_text="Subjects."
    )
    participants = ParticipantInputSerializer(
        many=True, required=False, max_length=200, help_text="Who met (replaces the list)."
    )
    review_state = review_state_choice()

    class Meta:
        model = Meeting
        fields = [
            "visit",
            "name",
            "date",
            "date_precision",
            "city",
            "country",
            "topics",
            "summary",
            "participants",
            "review_state",
        ]
        extra_kwargs = {
            "name": {"help_text": "A named session, if any."},
            "date": {"help_text": "When."},
            "city": {"help_text": "City where it took place."},
            "summary": {"help_text": "What the source says of it.", "max_length": 20_000},
        }


class CountrySummarySerializer(serializers.Serializer):
    """A country with the number of visits from and to it."""

    code = serializers.ChoiceField(choices=COUNTRY_CODES, help_text="ISO 3166-1 alpha-2 code.")
    name = serializers.CharField(help_text="English name.")
    api_url = serializers.URLField(help_text="The country's summary in the API.")
    visits_from = serializers.IntegerField(help_text="Visits by its officials (matching the filters).")
    visits_to = serializers.IntegerField(help_text="Visits it hosted (matching the filters).")


class CountryPairSerializer(serializers.Serializer):
    """Visits from one country to another."""

    origin = CountrySerializer(help_text="The visitors' country.")
    destination = CountrySerializer(help_text="The host country.")
    visits = serializers.IntegerField(help_text="Number of visits.")
    first_date = serializers.DateField(allow_null=True, help_text="Earliest start date.")
    last_date = serializers.DateField(allow_null=True, help_text="Latest start date.")


class CountryDetailSerializer(CountrySummarySerializer):
    """A country's visits: counts, where its officials went and who came."""

    destinations = CountryPairSerializer(many=True, help_text="Where its officials went, most first.")
    origins = CountryPairSerializer(many=True, help_text="Where its guests came from, most first.")


class OutcomeSerializer(serializers.ModelSerializer):
    """A document a visit or meeting produced, with the sentences that report it."""

    visit = VisitSummarySerializer(read_only=True, help_text="The visit that produced it.")
    kind = serializers.ChoiceField(choices=Outcome.Kind.choices, read_only=True, help_text="What was signed.")
    source = serializers.SerializerMethodField(help_text="The source's API URL; null if entered by hand.")
    excerpts = serializers.SerializerMethodField(help_text="The supporting sentences.")
    parties = StringListField(
        read_only=True, help_text="Signatory countries (ISO codes), when the source names them."
    )

    class Meta:
        model = Outcome
        fields = [
            "id",
            "kind",
            "title",
            "parties",
            "date",
            "date_precision",
            "visit",
            "meeting",
            "source",
            "excerpts",
            "review_state",
            "updated_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            **RECORD_HELP,
            "title": {"help_text": "The document as the source names it."},
            "date": {"help_text": "When it was signed; null if the source does not say."},
            "date_precision": {"help_text": DATE_PRECISION_HELP},
            "meeting": {"help_text": "The id of the meeting at which it was signed, if known."},
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_source(self, outcome: Outcome) -> str | None:
        if not outcome.source_id:
            return None
        return absolute_url(self.context, cached_reverse("api:source-detail", pk=outcome.source_id))

    def get_excerpts(self, outcome: Outcome) -> list[str]:
        return outcome.excerpts()


class TripSerializer(serializers.ModelSerializer):
    """A journey: the official's legs in order."""

    api_url = api_link("api:trip-detail")
    permalink = PermalinkField()
    visitor = OfficialSummarySerializer(
        read_only=True, allow_null=True, help_text="The traveller; null if unresolved."
    )
    legs = VisitSummarySerializer(many=True, read_only=True, help_text="The visits, in the order travelled.")

    class Meta:
        model = Trip
        fields = [
            "id",
            "api_url",
            "permalink",
            "name",
            "visitor",
            "start_date",
            "end_date",
            "legs",
            "updated_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            **RECORD_HELP,
            "name": {"help_text": "A name an editor gave the journey; empty if none."},
            "start_date": {"help_text": "The first leg's first day."},
            "end_date": {"help_text": "The last leg's last day."},
        }
