"""Abstract pieces shared by the records editors curate."""

from django.db import models


class ReviewState(models.TextChoices):
    """Where a record stands with editors.

    IMPORTED is a record read from a curated publisher's structured file (the Office of the Historian's
    XML): it is the publisher's, not a machine's guess, so it does not wait in the review queue; an editor
    may still accept or reject it, and imports never override an editor's ACCEPTED or REJECTED.
    """

    UNREVIEWED = "unreviewed", "Unreviewed"
    IMPORTED = "imported", "Imported (curated source)"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"

    @classmethod
    def editor_decided(cls) -> tuple[str, str]:
        """The states only an editor sets, which no parser or import changes."""
        return (cls.ACCEPTED, cls.REJECTED)


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


class Deletion(models.Model):
    """A record that is gone (deleted, or merged into another): what incremental sync reads to forget it.

    Written for every deletion of a published record, whatever deleted it (admin, the API, a merge, a
    re-parse or re-import dropping what no source supports, a cascade): see common/apps.py.
    """

    resource = models.CharField(max_length=20, help_text="The API resource: visits, meetings, officials …")
    key = models.CharField(max_length=100, help_text="The id (or slug) it was served under.")
    replaced_by = models.CharField(
        max_length=100, blank=True, help_text="The id or slug it was merged into; blank for a deletion."
    )
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Deletions since a moment, in order: the sync feed's one query.
        indexes = [models.Index(fields=["deleted_at", "id"], name="deletion_since_idx")]
        ordering = ["deleted_at", "id"]

    def __str__(self) -> str:
        return f"{self.resource}/{self.key}"
