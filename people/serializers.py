"""API representations of officials (with posts and aliases) and the input editors send."""

from rest_framework import serializers

from common.serializers import (
    RECORD_HELP,
    NameField,
    PermalinkField,
    StrictInputMixin,
    api_link,
    country_choice,
    country_field,
    edited_fields_field,
    review_state_choice,
)
from common.text import name_key
from orgs.serializers import OrganisationSummarySerializer
from people.models import Identifier, Official, Position

DATE_PRECISION_HELP = "How much of the date is known: day, month or year."


class OfficialSummarySerializer(serializers.ModelSerializer):
    """An official as nested in visits and meetings."""

    country = country_field("Country served; null for heads of international bodies.")
    api_url = api_link("api:official-detail", "slug")
    permalink = PermalinkField()

    class Meta:
        model = Official
        fields = ["slug", "name", "country", "api_url", "permalink"]
        extra_kwargs = {
            "slug": {"help_text": "Stable identifier in URLs and filters."},
            "name": {"help_text": "Display name, most complete form."},
        }


class PositionSerializer(serializers.ModelSerializer):
    """A post an official held, for an organisation, over a period."""

    organisation = OrganisationSummarySerializer(
        read_only=True, allow_null=True, help_text="The body the post belongs to."
    )
    country = country_field("Country of the post.")

    class Meta:
        model = Position
        fields = [
            "title",
            "organisation",
            "country",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
        ]
        extra_kwargs = {
            "start_date": {"help_text": "When the post was taken up; null if unknown."},
            "start_precision": {"help_text": DATE_PRECISION_HELP},
            "end_date": {"help_text": "When the post ended; null while held or unknown."},
            "end_precision": {"help_text": DATE_PRECISION_HELP},
        }


class IdentifierSerializer(serializers.ModelSerializer):
    """An external id of an official."""

    class Meta:
        model = Identifier
        fields = ["scheme", "value"]
        extra_kwargs = {
            "scheme": {"help_text": "Who issued the id (wikidata, hsg, other)."},
            "value": {"help_text": "The id itself."},
        }


class OfficialSerializer(OfficialSummarySerializer):
    """An official with posts held, other spellings of the name, external ids and counts."""

    aliases = serializers.SlugRelatedField(
        slug_field="name", many=True, read_only=True, help_text="Other spellings of the name."
    )
    positions = PositionSerializer(many=True, read_only=True, help_text="Posts held, latest first.")
    identifiers = IdentifierSerializer(many=True, read_only=True, help_text="External ids.")
    visit_count = serializers.IntegerField(read_only=True, help_text="Visits made.")
    meeting_count = serializers.IntegerField(read_only=True, help_text="Meetings attended.")
    edited_fields = edited_fields_field()

    class Meta(OfficialSummarySerializer.Meta):
        fields = [
            "id",
            *OfficialSummarySerializer.Meta.fields,
            "aliases",
            "positions",
            "identifiers",
            "notes",
            "visit_count",
            "meeting_count",
            "review_state",
            "edited_fields",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            **OfficialSummarySerializer.Meta.extra_kwargs,
            **RECORD_HELP,
            "notes": {"help_text": "Editors' notes."},
        }


class OfficialInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """What a client sends to create or change an official; `aliases` replaces the list."""

    slug = serializers.SlugField(
        max_length=100, required=False, help_text="Identifier in URLs; made from the name when omitted."
    )
    name = NameField(
        max_length=200, help_text="Display name, most complete form; a letter or digit at least."
    )
    country = country_choice("ISO code of the country served; empty for international bodies.")
    aliases = serializers.ListField(
        child=NameField(max_length=200),
        required=False,
        max_length=100,
        help_text="Other spellings of the name (replaces the stored list; spellings that differ only in "
        "case, accents or punctuation are kept once).",
    )
    review_state = review_state_choice()

    class Meta:
        model = Official
        fields = ["name", "slug", "country", "notes", "aliases", "review_state"]
        extra_kwargs = {"notes": {"help_text": "Editors' notes.", "max_length": 20_000}}
        # Slug uniqueness is checked by the model's full_clean(), as in admin.
        validators: list = []

    def validate_aliases(self, value: list[str]) -> list[str]:
        # One alias per name key, as the model's constraint has it (the first spelling sent is kept).
        seen: dict[str, str] = {}
        for alias in value:
            seen.setdefault(name_key(alias), alias.strip())
        return list(seen.values())
