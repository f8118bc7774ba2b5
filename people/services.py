"""Writes on officials that span models: merging duplicates."""

from django.db import transaction

from common.text import name_key
from people.models import Identifier, Official, OfficialAlias, OfficialRedirect


@transaction.atomic
def official_merge(*, survivor: Official, merged: Official) -> Official:
    """Move everything of `merged` to `survivor`, keep its names as aliases and its slug as a redirect."""
    if survivor.pk == merged.pk:
        raise ValueError("An official cannot be merged into itself.")
    from visits.models import Participant, Visit  # visits depends on people, not the other way round

    Visit.objects.filter(visitor=merged).update(visitor=survivor)
    Participant.objects.filter(official=merged).update(official=survivor)
    merged.positions.update(official=survivor)
    known = set(survivor.aliases.values_list("name_key", flat=True)) | {survivor.name_key}
    for alias in [merged.name, *merged.aliases.values_list("name", flat=True)]:
        key = name_key(alias)
        if key and key not in known:
            OfficialAlias.objects.create(official=survivor, name=alias)
            known.add(key)
    taken = set(survivor.identifiers.values_list("scheme", "value"))
    for ident in merged.identifiers.all():
        if (ident.scheme, ident.value) not in taken:
            Identifier.objects.filter(pk=ident.pk).update(official=survivor)
    merged.redirects.update(official=survivor)
    OfficialRedirect.objects.create(old_slug=merged.slug, official=survivor)
    if not survivor.country and merged.country:
        survivor.country = merged.country
        survivor.save(update_fields=["country", "name_key", "match_key", "updated_at"])
    merged.delete()
    return survivor
