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


class CountrySummary(models.Model):
    """One country's visits in one start year (None: undated), both ways: derived from VisitSummary.

    `visits`, `with_article`, `reviewed` and `imported` count each visit from or to the country once (a
    visit within the country too); "" gathers the visits of unknown origin or destination.
    """

    country = models.CharField(max_length=2, blank=True)
    year = models.IntegerField(null=True, blank=True)
    made = models.PositiveIntegerField(help_text="Visits from the country.")
    received = models.PositiveIntegerField(help_text="Visits to the country.")
    visits = models.PositiveIntegerField(help_text="Visits from or to it, each once.")
    with_article = models.PositiveIntegerField()
    reviewed = models.PositiveIntegerField()
    imported = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["country", "year"], name="summary_country_idx")]

    def __str__(self) -> str:
        return f"{self.country or '?'} {self.year}: {self.made} made, {self.received} received"


class PairSummary(models.Model):
    """Visits between two countries over all years, both ways (country_a <= country_b; the visitor's country
    known): derived from VisitSummary. A country with itself has its visits in `a_to_b`."""

    country_a = models.CharField(max_length=2, blank=True)
    country_b = models.CharField(max_length=2, blank=True)
    a_to_b = models.PositiveIntegerField()
    b_to_a = models.PositiveIntegerField()
    total = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["country_a", "country_b"], name="summary_pair_a_idx"),
            models.Index(fields=["country_b", "country_a"], name="summary_pair_b_idx"),
            models.Index(fields=["-total", "country_a", "country_b"], name="summary_pair_total_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.country_a} ⇄ {self.country_b}: {self.total}"


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
