"""Writes on organisations: finding or creating the body a text names."""

from common.text import name_key, unique_slug
from orgs.models import Organisation, OrganisationKind

_KINDS = set(OrganisationKind.values)


def organisation_resolve(
    *, name: str, acronym: str = "", kind: str = "", country: str = "", create: bool = True
) -> Organisation | None:
    """Find an organisation by acronym or name (preferring one of `country`), or create it."""
    name, acronym, country = (name or "").strip(), (acronym or "").strip(), (country or "").upper()
    if not name and not acronym:
        return None
    orgs = Organisation.objects.all()
    if acronym:
        hits = list(orgs.filter(acronym=acronym)[:2])
        if len(hits) == 1:
            return hits[0]
    key = name_key(name or acronym)
    hits = list(orgs.filter(name_key=key)[:3])
    if country:
        hits = [o for o in hits if not o.country or o.country.code == country] or hits
    if hits:
        return hits[0]
    if not create:
        return None
    org = Organisation(
        name=(name or acronym)[:300],
        acronym=acronym[:40],
        kind=kind if kind in _KINDS else OrganisationKind.OTHER,
        country=country if kind != OrganisationKind.INTERGOVERNMENTAL else "",
        slug=unique_slug(Organisation, name or acronym),
    )
    org.save()
    return org
