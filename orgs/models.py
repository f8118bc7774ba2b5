"""Organisations: governments, ministries, prosecution services, parliaments, international bodies."""

from django.core.exceptions import ValidationError
from django.db import models
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from common.models import Curated
from common.text import name_key
from common.urls import cached_reverse


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    HEAD_OF_STATE = "head_of_state", "Office of a head of state"
    MINISTRY = "ministry", "Ministry or agency"
    PROSECUTION = "prosecution", "Prosecution service"
    JUDICIARY = "judiciary", "Court or judiciary"
    PARLIAMENT = "parliament", "Parliament"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental body"
    MILITARY = "military", "Armed forces"
    PARTY = "party", "Political party"
    MEDIA = "media", "Media outlet"
    COMPANY = "company", "Company"
    OTHER = "other", "Other"


# Deeper than any real hierarchy (state, ministry, agency, department, unit...).
MAX_DEPTH = 50


class OrganisationQuerySet(models.QuerySet):
    def with_counts(self) -> "OrganisationQuerySet":
        """Annotate the number of visits that name the organisation."""
        return self.annotate(visit_count=models.Count("visits", distinct=True))


class Organisation(Curated):
    name = models.CharField(max_length=300)
    acronym = models.CharField(max_length=40, blank=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    country = CountryField(blank=True, help_text="Empty for intergovernmental bodies.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        # Deleting a parent body leaves its units standing, detached.
        on_delete=models.SET_NULL,
        related_name="children",
    )
    aliases = models.JSONField(default=list, blank=True, help_text="Other names and spellings, as written.")
    wikidata_id = models.CharField(max_length=20, blank=True, help_text="Wikidata item, e.g. Q458.")
    name_key = models.CharField(max_length=300, db_index=True, editable=False, default="")

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~models.Q(wikidata_id=""),
                name="organisation_unique_wikidata_id",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self) -> None:
        """An organisation cannot sit under itself, directly or through its parents."""
        super().clean()
        if self.parent_id is None:
            return
        seen: set[int] = set()
        ancestor_id: int | None = self.parent_id
        # Follow the parents a row at a time; a loop already in the data stops the walk too.
        while ancestor_id is not None and ancestor_id not in seen and len(seen) < MAX_DEPTH:
            if self.pk is not None and ancestor_id == self.pk:
                raise ValidationError({"parent": "An organisation cannot be its own parent or ancestor."})
            seen.add(ancestor_id)
            ancestor_id = (
                Organisation.objects.filter(pk=ancestor_id).values_list("parent_id", flat=True).first()
            )
        if len(seen) >= MAX_DEPTH:
            raise ValidationError({"parent": f"The chain of parents is deeper than {MAX_DEPTH}."})

    def save(self, *args, **kwargs) -> None:
        # name_key is derived from name and must never diverge from it, whoever saves.
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return cached_reverse("orgs:organisation-detail", slug=self.slug)
