"""The summary tables (see summaries/__init__.py for the design): counts the aggregate pages read."""

from django.db import models


class VisitSummary(models.Model):
    """Visits from one country to another in one start year (None: undated), with what the pages count.

    One row per (origin, destination, year) that has visits; "" stands for an unknown country, as on Visit.
    """

    origin_country = models.CharField(max_length=2, blank=True)
    destination_country = models.CharField(max_length=2, blank=True)
    year = models.IntegerField(null=True, blank=True)
    visits = models.PositiveIntegerField()
    with_article = models.PositiveIntegerField(help_text="Visits a source article reports (evidence).")
    reviewed = models.PositiveIntegerField(help_text="Visits an editor accepted.")
    imported = models.PositiveIntegerField(
        default=0, help_text="Visits imported from a curated publisher's file (ReviewState.IMPORTED)."
    )
    meetings = models.PositiveIntegerField(help_text="Meetings held during these visits.")

    class Meta:
        indexes = [
            models.Index(fields=["origin_country", "destination_country", "year"], name="summary_origin_idx"),
            models.Index(fields=["destination_country", "origin_country", "year"], name="summary_dest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.origin_country or '?'} → {self.destination_country or '?'} {self.year}: {self.visits}"


class TravellerSummary(models.Model):
    """How many visits one official made (officials with at least one), by the official's country."""

    official = models.OneToOneField("people.Official", on_delete=models.DO_NOTHING, db_constraint=False)
    country = models.CharField(max_length=2, blank=True)
    visits = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["country", "-visits"], name="summary_traveller_idx")]

    def __str__(self) -> str:
        return f"official {self.official_id} ({self.country or '?'}): {self.visits}"


class SummaryState(models.Model):
    """The one row saying when the tables were last rebuilt, from which data version, in how long."""

    built_at = models.DateTimeField(help_text="When the rebuild read the records (its figures' age).")
    version = models.BigIntegerField(help_text="The data version the rebuild read before the records.")
    seconds = models.FloatField(default=0, help_text="How long the rebuild took.")

    def __str__(self) -> str:
        return f"summaries as of {self.built_at:%Y-%m-%d %H:%M:%S}"
