"""Sources, visits, meetings and their participants: the heart of the archive."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from common.models import Curated, DatePrecision
from common.urls import cached_reverse


class Source(models.Model):
    """Anything that came in (an article, an imported file); kept before and whatever the parse."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        IMPORT = "import", "Imported file"
        EDITOR = "editor", "Entered by an editor"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PARSING = "parsing", "Parsing"
        PARSED = "parsed", "Parsed"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    url = models.URLField(max_length=1000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    filename = models.CharField(max_length=300, blank=True)
    checksum = models.CharField(
        max_length=64, help_text="SHA-256 of the normalised text (or the file's bytes): finds duplicates."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    error = models.TextField(blank=True, help_text="Why the last parse failed, or what it warned about.")
    parser_version = models.CharField(max_length=20, blank=True)
    parsed_at = models.DateTimeField(null=True, blank=True)
    extraction = models.JSONField(null=True, blank=True, help_text="The last parse's output, as extracted.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["text", "extraction"])

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["checksum"], name="source_unique_checksum")]

    def __str__(self) -> str:
        return self.title or self.url or self.filename or f"Source {self.pk}"

    def get_absolute_url(self) -> str:
        return cached_reverse("visits:source-detail", pk=self.pk)


class VisitKind(models.TextChoices):
    STATE = "state", "State visit"
    OFFICIAL = "official", "Official visit"
    WORKING = "working", "Working visit"
    PRIVATE = "private", "Private visit"
    MULTILATERAL = "multilateral", "Multilateral event"
    UNKNOWN = "unknown", "Unknown"


class VisitStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class VisitQuerySet(models.QuerySet):
    def timeline(self) -> "VisitQuerySet":
        """Visits newest first with everything a list row shows, in a constant number of queries."""
        return (
            self.select_related("visitor", "visitor_position", "visitor_position__organisation")
            .prefetch_related("organisations")
            .annotate(meeting_count=Meeting.objects.count_for_visit())
            .order_by("-start_date", "-id")
        )

    def with_source_links(self) -> "VisitQuerySet":
        """Prefetch each visit's evidence with its source's metadata only (not the article's text)."""
        sources = Evidence.objects.select_related("source").defer("source__text", "source__extraction")
        return self.prefetch_related(models.Prefetch("evidence", queryset=sources))

    def with_meetings(self) -> "VisitQuerySet":
        """Prefetch each visit's meetings in order, with their participants and the officials they are."""
        participants = Participant.objects.select_related("official")
        meetings = Meeting.objects.order_by("date", "id").prefetch_related(
            models.Prefetch("participants", queryset=participants)
        )
        return self.prefetch_related(models.Prefetch("meetings", queryset=meetings))

    def country_counts(self, field: str) -> dict[str, int]:
        """Visits per country in `field` ("destination_country" or "origin_country"), in one query."""
        rows = self.exclude(**{field: ""}).order_by().values_list(field).annotate(n=models.Count("id"))
        return dict(rows)

    def detailed(self) -> "VisitQuerySet":
        """Visits with meetings, participants, organisations and evidence prefetched (detail page, API)."""
        return (
            self.select_related("visitor", "visitor_position", "visitor_position__organisation")
            .prefetch_related(
                "organisations",
                models.Prefetch("evidence", queryset=Evidence.objects.select_related("source")),
            )
            .with_meetings()
        )


class Visit(Curated):
    """A physical trip of an official (or a delegation's head) to another country."""

    # What the `q` filter searches; migration 0003 indexes exactly this text on PostgreSQL.
    SEARCH_FIELDS = ("visitor_name", "visitor_title", "destination_city", "purpose", "summary")
    # The one list of what an editor enters, grouped as admin shows it. The API's input and output, the
    # admin form and the CSV export are derived from it: a new field is added here and nowhere else.
    FIELD_GROUPS: tuple[tuple[str | None, tuple[str | tuple[str, ...], ...]], ...] = (
        (None, ("visitor", "visitor_name", "visitor_title", "visitor_position", "delegation")),
        (
            "Where and when",
            (
                "origin_country",
                "destination_country",
                "destination_city",
                ("start_date", "start_precision"),
                ("end_date", "end_precision"),
            ),
        ),
        ("What", ("kind", "status", "purpose", "summary", "organisations")),
        ("Record", ("review_state", ("external_scheme", "external_id"))),
    )

    visitor = models.ForeignKey(
        "people.Official",
        null=True,
        blank=True,
        # A deleted official leaves the visit with the name as written.
        on_delete=models.SET_NULL,
        related_name="visits",
    )
    visitor_name = models.CharField(
        max_length=200, blank=True, help_text="The visitor as the source names them."
    )
    visitor_title = models.CharField(max_length=200, blank=True, help_text="The post held during the visit.")
    visitor_position = models.ForeignKey(
        "people.Position",
        null=True,
        blank=True,
        # The visit stays when a post record is corrected away.
        on_delete=models.SET_NULL,
        related_name="visits",
    )
    delegation = models.TextField(blank=True, help_text="Members of the delegation, as written.")
    origin_country = CountryField(blank=True)
    destination_country = CountryField()
    destination_city = models.CharField(max_length=120, blank=True)
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    kind = models.CharField(max_length=12, choices=VisitKind.choices, default=VisitKind.UNKNOWN)
    status = models.CharField(max_length=10, choices=VisitStatus.choices, default=VisitStatus.COMPLETED)
    purpose = models.CharField(max_length=500, blank=True, help_text="The purpose or the event attended.")
    summary = models.TextField(blank=True)
    organisations = models.ManyToManyField(
        "orgs.Organisation", blank=True, related_name="visits", help_text="Bodies involved (a summit's host)."
    )
    sources = models.ManyToManyField(
        Source, through="Evidence", through_fields=("visit", "source"), related_name="visits", blank=True
    )
    external_scheme = models.CharField(max_length=30, blank=True, help_text='e.g. "hsg-visit", "hsg-travel".')
    external_id = models.CharField(max_length=100, blank=True)
    trip = models.ForeignKey(
        "Trip",
        null=True,
        blank=True,
        # Deleting a journey leaves its visits, as single visits.
        on_delete=models.SET_NULL,
        related_name="legs",
        help_text="The journey this visit is a leg of.",
    )
    # No unique (trip, leg): an editor reordering legs in admin saves them one row at a time.
    leg = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The leg's place in its trip: 1, 2…"
    )

    history = HistoricalRecords(m2m_fields=[organisations])
    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="visit_ends_after_start",
                violation_error_message="A visit cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["external_scheme", "external_id"],
                condition=~Q(external_id=""),
                name="visit_unique_external_id",
                violation_error_message="Another visit already has this external id.",
            ),
        ]
        indexes = [
            # The timeline: newest first, keyset on (start_date, id).
            models.Index(fields=["-start_date", "-id"], name="visit_timeline_idx"),
            # Filters by destination (+ year) and by origin on the timeline and country pages.
            models.Index(fields=["destination_country", "-start_date"], name="visit_destination_idx"),
            models.Index(fields=["origin_country", "-start_date"], name="visit_origin_idx"),
            # A country pair's page: visits one way, newest first (and its last head-of-state visit).
            models.Index(
                fields=["origin_country", "destination_country", "-start_date"], name="visit_country_pair_idx"
            ),
            # An official's visits, newest first.
            models.Index(fields=["visitor", "-start_date"], name="visit_visitor_idx"),
        ]

    def __str__(self) -> str:
        who = self.visitor.name if self.visitor_id else (self.visitor_name or "Unknown visitor")
        when = self.start_date.isoformat() if self.start_date else "undated"
        return f"{who} → {self.destination_country.code or '?'} ({when})"

    def get_absolute_url(self) -> str:
        return cached_reverse("visits:visit-detail", pk=self.pk)

    @classmethod
    def content_fields(cls) -> list[str]:
        """FIELD_GROUPS flattened: every field an editor enters, in the order admin shows them."""
        return [
            name
            for _, fields in cls.FIELD_GROUPS
            for item in fields
            for name in (item if isinstance(item, tuple) else (item,))
        ]

    def name_visitor(self) -> None:
        """Default the name as written to the official's name (the search index reads visitor_name)."""
        if self.visitor_id and not self.visitor_name:
            self.visitor_name = self.visitor.name[:200]

    @property
    def visitor_display(self) -> str:
        return self.visitor.name if self.visitor_id else self.visitor_name


class MeetingQuerySet(models.QuerySet):
    def count_for_visit(self) -> Coalesce:
        """The number of meetings of the outer visit, as a correlated subquery.

        A subquery, not Count("meetings"): a GROUP BY over the join makes PostgreSQL aggregate every
        visit before it can return the newest 50 (16 s at a million visits, against 40 ms this way).
        """
        counts = (
            self.filter(visit=models.OuterRef("pk")).order_by().values("visit").annotate(n=models.Count("pk"))
        )
        return Coalesce(models.Subquery(counts.values("n"), output_field=models.IntegerField()), 0)

    def detailed(self) -> "MeetingQuerySet":
        """Meetings with their visit, participants and evidence, for lists and the API."""
        return self.select_related("visit", "visit__visitor").prefetch_related(
            models.Prefetch("participants", queryset=Participant.objects.select_related("official")),
            models.Prefetch("evidence", queryset=Evidence.objects.select_related("source")),
        )


class Meeting(Curated):
    """A face-to-face meeting, usually during a visit."""

    visit = models.ForeignKey(Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="meetings")
    name = models.CharField(max_length=300, blank=True, help_text="A named session, if any.")
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    city = models.CharField(max_length=120, blank=True)
    country = CountryField(blank=True)
    topics = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    officials = models.ManyToManyField(
        "people.Official", through="Participant", related_name="meetings", blank=True
    )
    sources = models.ManyToManyField(
        Source, through="Evidence", through_fields=("meeting", "source"), related_name="meetings", blank=True
    )

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["-date", "-id"], name="meeting_date_idx")]

    def __str__(self) -> str:
        names = ", ".join(p.display_name for p in self.participants.all()[:4])
        return self.name or names or f"Meeting {self.pk}"

    def get_absolute_url(self) -> str:
        if self.visit_id:
            return cached_reverse("visits:visit-detail", pk=self.visit_id) + f"#meeting-{self.pk}"
        return reverse("visits:visit-list")


class Participant(models.Model):
    """One participant of a meeting: the name as written, resolved to an official when known."""

    class Role(models.TextChoices):
        HOST = "host", "Host"
        GUEST = "guest", "Guest"
        PARTICIPANT = "participant", "Participant"
        CHAIR = "chair", "Chair"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    official = models.ForeignKey(
        "people.Official",
        null=True,
        blank=True,
        # A deleted official leaves the participant as a name as written, unresolved.
        on_delete=models.SET_NULL,
        related_name="participations",
    )
    name_as_written = models.CharField(max_length=200, blank=True)
    title_as_written = models.CharField(max_length=200, blank=True, help_text="The post held at the meeting.")
    country = CountryField(blank=True)
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_as_written="") | Q(official__isnull=False) | ~Q(title_as_written=""),
                name="participant_named_or_titled",
                violation_error_message="A participant needs a name, a title or an official.",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.official_id:
            return self.official.name
        return self.name_as_written or self.title_as_written


class Evidence(models.Model):
    """Where in a source a visit or meeting is reported: the character spans of its sentences."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="evidence")
    visit = models.ForeignKey(Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    spans = models.JSONField(default=list, blank=True, help_text="[[start, end], ...] offsets into the text.")
    key = models.CharField(
        max_length=64, blank=True, help_text="The parser's identity of the record in this source (re-parse)."
    )

    class Meta:
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(Q(visit__isnull=False) & Q(meeting__isnull=True))
                | (Q(visit__isnull=True) & Q(meeting__isnull=False)),
                name="evidence_for_visit_or_meeting",
            ),
            models.UniqueConstraint(
                fields=["source", "visit"], condition=Q(visit__isnull=False), name="evidence_unique_visit"
            ),
            models.UniqueConstraint(
                fields=["source", "meeting"],
                condition=Q(meeting__isnull=False),
                name="evidence_unique_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"Evidence in {self.source_id}"

    def excerpts(self) -> list[str]:
        """The supporting sentences as text."""
        text = self.source.text
        return [text[a:b] for a, b in self.spans if 0 <= a < b <= len(text)]


class Suggestion(models.Model):
    """A reader's suggested correction; editors act on it, it never changes a record by itself."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        DISMISSED = "dismissed", "Dismissed"

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="suggestions")
    name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    message = models.TextField(max_length=5000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    client = models.CharField(max_length=64, blank=True, help_text="Hash of the client address (throttling).")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Suggestion on visit {self.visit_id}"


class ImportJob(models.Model):
    """One import run from admin or the command line: its file, progress and outcome."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "Previewed"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    file = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    filename = models.CharField(max_length=300)
    format = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        # The record of an import outlives the account that ran it.
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Import of {self.filename} ({self.status})"


class TripQuerySet(models.QuerySet):
    def with_route(self) -> "TripQuerySet":
        """Trips newest first with each leg's place and dates (for lists: two queries)."""
        legs = Visit.objects.order_by("leg", "start_date", "id").only(
            "id",
            "trip_id",
            "leg",
            "destination_country",
            "destination_city",
            "start_date",
            "end_date",
            "start_precision",
            "end_precision",
        )
        return self.prefetch_related(models.Prefetch("legs", queryset=legs)).order_by("-start_date", "-id")

    def detailed(self) -> "TripQuerySet":
        """Trips with their visitor and every leg in order, with each leg's meetings and participants."""
        legs = Visit.objects.select_related("visitor").order_by("leg", "start_date", "id").with_meetings()
        return self.select_related("visitor").prefetch_related(models.Prefetch("legs", queryset=legs))


class Trip(Curated):
    """A journey: one official's consecutive visits (legs), in order; grouped automatically, kept once edited.

    A leg is a `Visit` with `trip` and `leg` set (a visit belongs to at most one trip, so a foreign key on
    the visit, not a through model). A trip an editor changed (non-empty `edited_fields`) is editor-owned:
    `trips_rebuild` leaves it and its legs alone.
    """

    visitor = models.ForeignKey(
        "people.Official",
        null=True,
        blank=True,
        # A deleted official leaves the trip with its legs; the name stays on each leg.
        on_delete=models.SET_NULL,
        related_name="trips",
    )
    name = models.CharField(max_length=300, blank=True, help_text="A name an editor gives the journey.")
    start_date = models.DateField(null=True, blank=True, help_text="The first leg's start (derived).")
    end_date = models.DateField(null=True, blank=True, help_text="The last leg's end (derived).")

    history = HistoricalRecords()
    objects = TripQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="trip_ends_after_start",
                violation_error_message="A trip cannot end before it starts.",
            ),
        ]
        indexes = [
            # An official's trips, newest first (the official page).
            models.Index(fields=["visitor", "-start_date"], name="trip_visitor_idx"),
        ]

    def __str__(self) -> str:
        who = self.visitor.name if self.visitor_id else "Unknown traveller"
        when = self.start_date.isoformat() if self.start_date else "undated"
        return self.name or f"{who}'s trip ({when})"

    def get_absolute_url(self) -> str:
        return cached_reverse("visits:trip-detail", pk=self.pk)


class OutcomeQuerySet(models.QuerySet):
    def of_visit(self, visit: Visit) -> "OutcomeQuerySet":
        """The outcomes of a visit and of its meetings, in date order."""
        return self.filter(Q(visit=visit) | Q(meeting__visit=visit)).order_by("date", "id")


class Outcome(Curated):
    """What a visit or meeting produced: an agreement, memorandum, joint statement or declaration."""

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", "Agreement"
        MEMORANDUM = "memorandum", "Memorandum"
        JOINT_STATEMENT = "joint_statement", "Joint statement"
        DECLARATION = "declaration", "Declaration"
        OTHER = "other", "Other"

    visit = models.ForeignKey(Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="outcomes")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="outcomes"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    title = models.CharField(max_length=500, blank=True, help_text="As the source words it.")
    parties = models.JSONField(
        default=list, blank=True, help_text='ISO country codes of the signatories, when stated: ["AZ", "TJ"].'
    )
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        # An editor's outcome outlives the article it was first read from.
        on_delete=models.SET_NULL,
        related_name="outcomes",
    )
    spans = models.JSONField(
        default=list, blank=True, help_text="[[start, end], ...] offsets into the source."
    )
    key = models.CharField(
        max_length=64, blank=True, help_text="The parser's identity of the outcome in its source (re-parse)."
    )

    history = HistoricalRecords()
    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visit__isnull=False) | Q(meeting__isnull=False),
                name="outcome_of_visit_or_meeting",
                violation_error_message="An outcome belongs to a visit or a meeting.",
            ),
            models.UniqueConstraint(
                fields=["source", "key"], condition=~Q(key=""), name="outcome_unique_source_key"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    def excerpts(self) -> list[str]:
        """The supporting sentences as text (needs the source loaded)."""
        text = self.source.text if self.source_id else ""
        return [text[a:b] for a, b in self.spans if 0 <= a < b <= len(text)]
