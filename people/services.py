"""Writes on officials that span models: merging duplicates."""

from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from common.text import match_key, name_key, unique_slug
from people.models import Identifier, Official, OfficialAlias, OfficialRedirect, Position

# The merge rewrites who made and attended visits: a people service that writes visits' rows. The
# models of visits name people's by string, so this import makes no circle.
from visits.models import Participant, Visit


@transaction.atomic
def official_merge(*, survivor: Official, merged: Official) -> Official:
    """Move everything of `merged` to `survivor`, keep its names as aliases and its slug as a redirect."""
    if survivor.pk == merged.pk:
        raise ValueError("An official cannot be merged into itself.")
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


def _candidates(qs, country: str):
    return qs.filter(country=country) if country else qs


def official_resolve(
    *,
    name: str,
    country: str = "",
    identifier: tuple[str, str] | None = None,
    create: bool = True,
) -> Official | None:
    """Find the official a name refers to (id, name or alias, transliteration, unique surname), or create one.

    Never joins two people on a shared surname alone unless exactly one official of that country has it.
    """
    country = (country or "").upper()
    if identifier:
        found = Identifier.objects.filter(scheme=identifier[0], value=identifier[1]).select_related(
            "official"
        )
        if found:
            return found[0].official
    key = name_key(name)
    if not key:
        return None
    people = Official.objects.all()
    if identifier:
        # Someone with another id in the same scheme is another person, whatever the name.
        people = people.exclude(identifiers__scheme=identifier[0])
    loose = match_key(name)
    for lookup in (
        {"name_key": key},
        {"aliases__name_key": key},
        {"match_key": loose},
        {"aliases__match_key": loose},
    ):
        hits = list(_candidates(people.filter(**lookup), country).distinct()[:2])
        exact = "name_key" in lookup
        # Namesakes with the very same name: the first, unless an identifier must tell them apart.
        if len(hits) == 1 or (hits and exact and identifier is None):
            return _with_identifier(hits[0], identifier)
    tokens = key.split()
    if len(tokens) > 1 and country:
        # "Madeleine Albright" for "Madeleine Korbel Albright": same first and last name, middle names
        # left out on one side, and only when exactly one official of the country fits.
        hits = [
            o
            for o in people.filter(
                country=country, name_key__startswith=f"{tokens[0]} ", name_key__endswith=f" {tokens[-1]}"
            )[:10]
            if _subsequence(tokens, o.name_key.split()) or _subsequence(o.name_key.split(), tokens)
        ]
        if len(hits) == 1:
            return _with_identifier(hits[0], identifier)
    if len(tokens) == 1 and country:
        # "Churchill" alone: only a unique holder of that surname in the same country.
        hits = list(people.filter(country=country, name_key__endswith=f" {key}")[:2])
        if len(hits) == 1:
            return _with_identifier(hits[0], identifier)
    if not create:
        return None
    official = Official(name=name.strip(), country=country, slug=unique_slug(Official, name))
    official.save()
    return _with_identifier(official, identifier)


def _subsequence(short: list[str], long: list[str]) -> bool:
    """True when `short` is `long` with some tokens left out, order kept."""
    rest = iter(long)
    return all(token in rest for token in short)


def _with_identifier(official: Official, identifier: tuple[str, str] | None) -> Official:
    if identifier:
        Identifier.objects.get_or_create(
            scheme=identifier[0], value=identifier[1], defaults={"official": official}
        )
    return official


def position_record(
    *,
    official: Official,
    title: str,
    country: str = "",
    organisation=None,
    source=None,
) -> Position | None:
    """Record that `official` held the post `title` (once per title; an existing post is reused)."""
    title = (title or "").strip()[:200]
    if not title:
        return None
    for position in official.positions.all():
        if position.title.lower() == title.lower():
            return position
    return Position.objects.create(
        official=official,
        title=title,
        country=(country or official.country or ""),
        organisation=organisation,
        source=source,
    )


def officials_create(*, people: list[tuple[str, str]]) -> list[Official]:
    """Create officials from (name, country) pairs in bulk, with unique slugs and first history records.

    For imports that already know, from their in-memory index, that nobody of these names exists.
    """
    taken = set(Official.objects.values_list("slug", flat=True))
    officials = []
    for name, country in people:
        base = slugify(name)[:80].strip("-") or "item"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        official = Official(name=name.strip()[:200], country=(country or "").upper(), slug=slug)
        # bulk_create does not call save(), which derives the keys.
        official.name_key, official.match_key = name_key(official.name), match_key(official.name)
        officials.append(official)
    return bulk_create_with_history(officials, Official, batch_size=500)


def positions_create(*, posts: list[tuple[int, str, str]]) -> list[Position]:
    """Create posts from (official id, title, country) in bulk; the caller knows they are new."""
    positions = [
        Position(official_id=official, title=title.strip()[:200], country=(country or "").upper())
        for official, title, country in posts
    ]
    return bulk_create_with_history(positions, Position, batch_size=500)
