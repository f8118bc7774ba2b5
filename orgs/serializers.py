"""API representations of organisations."""

from rest_framework import serializers

from common.errors import INCONSISTENT
from common.serializers import (
    RECORD_HELP,
    PermalinkField,
    StrictInputMixin,
    StringListField,
    api_link,
    country_choice,
    country_field,
    edited_fields_field,
    review_state_choice,
)
from orgs.models import Organisation, OrganisationKind


class OrganisationSummarySerializer(serializers.ModelSerializer):
    """An organisation as nested in other records."""

    api_url = api_link("api:organisation-detail", "slug")
    permalink = PermalinkField()

    class Meta:
        model = Organisation
        fields = ["slug", "name", "acronym", "kind", "api_url", "permalink"]
        extra_kwargs = {
            "slug": {"help_text": "Stable identifier in URLs and filters."},
            "name": {"help_text": "Full name."},
            "acronym": {"help_text": "Short form, e.g. ECO."},
            "kind": {"help_text": "What sort of body it is."},
        }


class OrganisationSerializer(OrganisationSummarySerializer):
    """An organisation with its parent body, names and record state."""

    country = country_field("Country of the body; null for intergovernmental bodies.")
    parent = OrganisationSummarySerializer(read_only=True, allow_null=True, help_text="The parent body.")
    aliases = StringListField(read_only=True, help_text="Other names and spellings, as written.")
    edited_fields = edited_fields_field()

    class Meta(OrganisationSummarySerializer.Meta):
        fields = [
            "id",
            *OrganisationSummarySerializer.Meta.fields,
            "country",
            "parent",
            "aliases",
            "wikidata_id",
            "review_state",
            "edited_fields",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            **OrganisationSummarySerializer.Meta.extra_kwargs,
            **RECORD_HELP,
        }


class OrganisationInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """What a client sends to create or change an organisation."""

    slug = serializers.SlugField(
        max_length=100, required=False, help_text="Identifier in URLs; made from the name when omitted."
    )
    kind = serializers.ChoiceField(
        choices=OrganisationKind.choices, required=False, help_text="What sort of body it is."
    )
    country = country_choice("ISO code of the body's country; empty for intergovernmental bodies.")
    parent = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug of the parent body; not the organisation itself nor one of its units (422).",
    )
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=300),
        required=False,
        max_length=100,
        help_text="Other names and spellings.",
    )
    review_state = review_state_choice()

    class Meta:
        model = Organisation
        fields = [
            "name",
            "acronym",
            "slug",
            "kind",
            "country",
            "parent",
            "aliases",
            "wikidata_id",
            "review_state",
        ]
        extra_kwargs = {
            "name": {"help_text": "Full name."},
            "acronym": {"help_text": "Short form, e.g. ECO."},
            "wikidata_id": {"help_text": "Wikidata item, e.g. Q458."},
        }
        # Uniqueness (slug, Wikidata id) is checked by the model's full_clean(), as in admin.
        validators: list = []

    def validate_parent(self, value: Organisation | None) -> Organisation | None:
        # A cycle through other organisations is found by the model's clean(); both answer 422.
        if value is not None and self.instance is not None and value.pk == self.instance.pk:
            raise serializers.ValidationError("An organisation cannot be its own parent.", code=INCONSISTENT)
        return value
