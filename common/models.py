"""Abstract pieces shared by the records editors curate."""

from django.db import models


class ReviewState(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Curated(models.Model):
    """A record that parsers create and editors correct; editor-owned fields are never overwritten."""

    review_state = models.CharField(
        max_length=12, choices=ReviewState.choices, default=ReviewState.UNREVIEWED, db_index=True
    )
    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an editor changed by hand; parsers and imports leave them alone.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def editor_owns(self, field: str) -> bool:
        """True when an editor changed `field` by hand."""
        return field in self.edited_fields
