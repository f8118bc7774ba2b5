"""Officials and the posts they held (the Popolo idea of a membership in a post)."""

from django.db import models
from django.db.models import F, Q
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from common.models import Curated, DatePrecision
from common.text import match_key, name_key
from common.urls import cached_reverse


class OfficialQuerySet(models.QuerySet):
    def with_counts(self) -> "OfficialQuerySet":
        """Annotate visits made and meetings attended (for index pages)."""
        return self.annotate(
            visit_count=models.Count("visits", distinct=True),
            meeting_count=models.Count("participations", distinct=True),
        )

    def detailed(self) -> "OfficialQuerySet":
        """Officials with their counts, posts (and organisations), aliases and identifiers (API)."""
        return self.with_counts().prefetch_related(
            "aliases",
            "identifiers",
            models.Prefetch("positions", queryset=Position.objects.select_related("organisation")),
        )


class Official(Curated):
    name = models.CharField(max_length=200, help_text="Display name, most complete form.")
    slug = models.SlugField(max_length=100, unique=True)
    country = CountryField(blank=True, help_text="Country served; empty for heads of international bodies.")
    name_key = models.CharField(
        max_length=200, db_index=True, editable=False, default="", help_text="Normalised name for matching."
    )
    match_key = models.CharField(
        max_length=200, editable=False, default="", help_text="Transliteration-tolerant name key."
    )
    notes = models.TextField(blank=True)

    history = HistoricalRecords()
    objects = OfficialQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # Resolution looks officials up by normalised name within a country.
            models.Index(fields=["country", "match_key"], name="official_country_match_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # name_key is derived from name and must never diverge from it, whoever saves.
        self.name_key = name_key(self.name)
        self.match_key = match_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return cached_reverse("people:official-detail", slug=self.slug)

    def position_on(self, day) -> "Position | None":
        """The post held on `day` (the latest-starting one), if known."""
        held = [p for p in self.positions.all() if p.covers(day)]
        return max(held, key=lambda p: p.start_date or day, default=None)


class OfficialAlias(models.Model):
    """Another spelling or transliteration of an official's name."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False, default="")
    match_key = models.CharField(max_length=200, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "official aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["official", "name_key"], name="official_alias_unique_per_official"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name_key = name_key(self.name)
        self.match_key = match_key(self.name)
        super().save(*args, **kwargs)


class Identifier(models.Model):
    """An external id of an official (Wikidata, the Office of the Historian's traveller key, ...)."""

    class Scheme(models.TextChoices):
        WIKIDATA = "wikidata", "Wikidata"
        HSG = "hsg", "Office of the Historian"
        OTHER = "other", "Other"

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=20, choices=Scheme.choices)
    value = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "value"], name="identifier_unique_per_scheme"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


class OfficialRedirect(models.Model):
    """The slug of an official merged into another; it keeps resolving to the survivor."""

    old_slug = models.SlugField(max_length=100, unique=True)
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.official.slug}"


class Position(models.Model):
    """A post held by an official, for an organisation and country, over a period."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(max_length=200, help_text='The post, e.g. "Prosecutor General".')
    organisation = models.ForeignKey(
        "orgs.Organisation",
        null=True,
        blank=True,
        # The post stays on record when the organisation row is removed.
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    country = CountryField(blank=True)
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    source = models.ForeignKey(
        "visits.Source",
        null=True,
        blank=True,
        # Evidence may be deleted; the post an editor knows of stays.
        on_delete=models.SET_NULL,
        related_name="positions",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["official", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_ends_after_start",
                violation_error_message="A post cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.official}"

    def covers(self, day) -> bool:
        """True when the post was held on `day` (open ends count as held)."""
        if day is None:
            return self.end_date is None
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )
