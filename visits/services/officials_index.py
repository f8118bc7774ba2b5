"""Resolving the people an import names: one official per person, by the rules of people.matching.

A cache for one import. Everyone on record (names, aliases an editor's merge left, countries) and a
register of who held which post when (the visits and meetings on record, the posts with dates, and every
dated, titled full name the import reads) are loaded once, so 7,535 records cost a handful of queries.
Full names are resolved first, all together in `flush()` (visitors, whose country the source states,
before people met abroad), so a surname alone is read against everyone named in full.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from common.text import name_key
from people.matching import Known, Mention, People, Register, Tenure, titles_agree
from people.models import Identifier, Official, OfficialAlias, Position
from people.names import Agreement, compare, parse_name
from people.services import official_resolve, officials_create, position_record, positions_create
from visits.importers.rows import PersonRef
from visits.models import Participant, Visit


@dataclass(frozen=True)
class PersonMention:
    """A person named by a row, with what the row tells about them."""

    person: PersonRef
    # The visitor's own country, or where a meeting took place (a hint: person.country is the stated one).
    country: str
    year: int | None
    # The country was inferred (a meeting at a summit): never create an official from a guess.
    guessed: bool = False
    # The visitor's own country, for a meeting abroad (unused by the rules: kept for the writer's calls).
    also: str = ""

    # Both are asked on every pass of a flush, and both are fixed: made once (the fields are frozen).
    @cached_property
    def day(self) -> datetime.date | None:
        return datetime.date(self.year, 7, 1) if self.year else None

    def mention(self) -> Mention:
        return self._mention

    @cached_property
    def _mention(self) -> Mention:
        stated = (self.person.country or "").upper()
        return Mention(
            name=self.person.name or "",
            title=self.person.title,
            day=self.day,
            country=stated,
            place="" if self.guessed else (self.country or "").upper(),
        )


def _full(name: str | None) -> bool:
    return parse_name(name or "").is_full


# Passes until decisions are stable: on the HSG records full names settle in 3, surnames in 5 (evidence
# spreads along a career, one tenure at a time). A bound, in case two readings were ever to alternate.
MAX_PASSES = 12


class ImportPeople:
    """Resolves people for one import, caching everyone in memory (see the module docstring)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], int] = {
            (s, v): o for s, v, o in Identifier.objects.values_list("scheme", "value", "official_id")
        }
        aliases: dict[int, list[str]] = {}
        for official, alias in OfficialAlias.objects.values_list("official_id", "name"):
            aliases.setdefault(official, []).append(alias)
        self.alias_keys = {(o, name_key(a)) for o, names in aliases.items() for a in names}
        self.register = Register()
        self.people = People(register=self.register)
        self.official_keys: dict[int, str] = {}
        for pk, name, key, country in Official.objects.values_list("id", "name", "name_key", "country"):
            self.people.add(Known(pk, name, country or "", tuple(aliases.get(pk, ()))))
            self.official_keys[pk] = key
        # Who was on record before this import: everyone else resolved was created by it.
        self.on_record = frozenset(self.official_keys)
        self._load_register()
        self.positions: dict[tuple[int, str], int] = {
            (o, t.lower()): pk for pk, o, t in Position.objects.values_list("id", "official_id", "title")
        }
        # Placeholders handed to the writer for names resolved in flush(): names[placeholder] -> official id.
        self.names: dict[tuple, int | None] = {}
        self.pending: list[tuple[tuple, PersonMention]] = []
        self._temp = itertools.count()
        self.surnames: dict[tuple, int | None] = {}
        self.surname_refs: list[PersonMention] = []

    def _load_register(self) -> None:
        """Who held which post when, by what is on record: dated posts, visitors and meeting participants."""
        countries = {pk: known.country for pk, known in self.people.people.items()}
        for official, title, start, end in Position.objects.exclude(
            start_date=None, end_date=None
        ).values_list("official_id", "title", "start_date", "end_date"):
            for day in (start, end):
                self.register.observe(official, title, countries.get(official, ""), day)
        # Only links made on a full name: links made on a surname must not widen the evidence they used
        # (but a person on record by surname alone has no other evidence).
        bare = {pk for pk, names in self.people.names.items() if not any(n.is_full for n in names)}
        for official, written, title, start in Visit.objects.filter(visitor__isnull=False).values_list(
            "visitor_id", "visitor_name", "visitor_title", "start_date"
        ):
            if _full(written) or official in bare:
                self.register.observe(official, title, countries.get(official, ""), start)
        for official, written, title, day, visit_day in Participant.objects.filter(
            official__isnull=False
        ).values_list(
            "official_id",
            "name_as_written",
            "title_as_written",
            "meeting__date",
            "meeting__visit__start_date",
        ):
            if _full(written) or official in bare:
                self.register.observe(official, title, countries.get(official, ""), day or visit_day)

    def created(self, pks: Iterable[int]) -> set[int]:
        """Those of `pks` this import created (nobody was on record under that id when it began)."""
        return {pk for pk in pks if isinstance(pk, int) and pk not in self.on_record}

    # ------------------------------------------------------------------ full names and identifiers

    def resolve_named(self, ref: PersonMention) -> int | tuple | None:
        """An official for a ref with an id; for a full name, a placeholder flush() resolves; else None."""
        person = ref.person
        if person.key:
            scheme, _, value = person.key.partition(":")
            ident = (scheme, value) if scheme in Identifier.Scheme.values else ("other", person.key)
            if ident not in self.ids:
                official = official_resolve(name=person.name or value, country=ref.country, identifier=ident)
                self._add_official(official)
                self.ids[ident] = official.pk
            pk = self.ids[ident]
            self.register.observe(pk, person.title, ref.country, ref.day)
            return pk
        if not _full(person.name):
            if person.name:
                self.surname_refs.append(ref)  # resolved in flush(), once everyone named in full is known
            return None
        placeholder = ("name", len(self.pending))
        self.pending.append((placeholder, ref))
        return placeholder

    def flush(self) -> None:
        """Resolve the full names noted so far; create, in bulk, the officials nobody on record fits.

        Resolution runs until it is stable: a first pass in order (visitors, whose country the source
        states, first; then by date), then passes that read every name against everyone the last pass
        found. So the outcome does not depend on which spelling came first, and a second import of the
        same records (which starts from everyone the first one created) decides exactly the same.
        """
        if self.pending:
            self._flush_full_names()
        if self.surname_refs:
            self._flush_surnames()

    def _flush_full_names(self) -> None:
        order = sorted(
            self.pending,
            key=lambda item: (not item[1].person.country, item[1].year or 0, item[0][1]),
        )
        base = self.people
        decisions: dict[tuple, object] = {}
        refs = dict(order)
        # Every pass reads the same mentions: made once.
        mentions = {placeholder: ref.mention() for placeholder, ref in order}
        for _ in range(MAX_PASSES):
            people = self._copy(base, previous=decisions, refs=refs, mentions=mentions)
            self.people, self.register = people, people.register
            previous, decisions = decisions, {}
            for placeholder, ref in order:
                mention = mentions[placeholder]
                decision = people.resolve(mention)
                pid = decision.id
                if pid is None and decision.new:
                    # Whom the last pass created for this name is reused before anyone new is made.
                    pid = previous.get(placeholder)
                    if not (isinstance(pid, tuple) and pid in people.people):
                        pid = ("new", next(self._temp))
                    if pid not in people.people:
                        people.add(Known(pid, ref.person.name or "", mention.country or mention.place))
                if pid is not None:
                    people.add_name(pid, ref.person.name or "")
                    if not previous:
                        people.register.observe(pid, ref.person.title, people.people[pid].country, ref.day)
                decisions[placeholder] = pid
            if decisions == previous:
                break
        self.register = self._observed(base, decisions, refs)
        self.people.register = self.register
        new: dict[object, list[PersonMention]] = {}
        for placeholder, pid in decisions.items():
            if isinstance(pid, tuple):
                new.setdefault(pid, []).append(refs[placeholder])
        # Only the people the final pass resolved someone to are created, each once.
        temps = [pid for pid in dict.fromkeys(decisions.values()) if isinstance(pid, tuple)]
        countries = {pid: self._country_of(new.get(pid, [])) for pid in temps}
        # The display name is the most complete form the records give ("Mikhail S. Gorbachev").
        names = {
            pid: max((r.person.name or "" for r in new[pid]), key=lambda n: len(parse_name(n).tokens))
            for pid in temps
        }
        created = officials_create(people=[(names[pid], countries[pid]) for pid in temps])
        real = {temp: official.pk for temp, official in zip(temps, created, strict=True)}
        for pid in [p for p in self.people.people if isinstance(p, tuple) and p not in real]:
            self._forget(pid)
        for temp, official in zip(temps, created, strict=True):
            self._rename(temp, official.pk, countries[temp])
            self.official_keys[official.pk] = official.name_key
        aliases = []
        for placeholder, ref in order:
            pid = decisions[placeholder]
            pk = real.get(pid, pid) if isinstance(pid, tuple) else pid
            self.names[placeholder] = pk  # type: ignore[assignment]
            key = name_key(ref.person.name or "")
            if (
                pk is not None
                and key
                and key != self.official_keys.get(pk)
                and (pk, key) not in self.alias_keys
            ):
                # Another spelling of someone on record: kept, so editors and later lookups see it.
                self.alias_keys.add((pk, key))
                aliases.append(OfficialAlias(official_id=pk, name=(ref.person.name or "")[:200]))
        for alias in aliases:
            alias.save()  # save() derives the keys
        self.pending.clear()

    def _observed(self, base: People, decisions: dict, refs: dict) -> Register:
        """The register on record, and who held which post by the decisions of a pass."""
        register = Register()
        for pid, tenures in base.register.tenures.items():
            register.tenures[pid] = [Tenure(t.title, t.country, t.first, t.last) for t in tenures]
        for placeholder, pid in decisions.items():
            if pid is not None:
                ref = refs[placeholder]
                register.observe(pid, ref.person.title, "", ref.day)
        return register

    def _copy(self, base: People, previous: dict, refs: dict, mentions: dict) -> People:
        """Everyone on record and the new people the last pass found, with the register it implies."""
        copy = People(register=self._observed(base, previous, refs))
        for pid, known in base.people.items():
            copy.people[pid] = known
            for name in base.names.get(pid, ()):
                copy.add_name(pid, name.written)
        for placeholder, pid in previous.items():
            if pid is None:
                continue
            ref = refs[placeholder]
            if pid not in copy.people:
                mention = mentions[placeholder]
                copy.people[pid] = Known(pid, ref.person.name or "", mention.country or mention.place)
            copy.add_name(pid, ref.person.name or "")
        return copy

    def _country_of(self, refs: list[PersonMention]) -> str:
        """A new person's country: the one a source states, else where they were met most (a guess)."""
        stated = Counter(r.mention().country for r in refs if r.mention().country)
        if stated:
            return stated.most_common(1)[0][0]
        places = Counter(r.mention().place for r in refs if r.mention().place)
        return places.most_common(1)[0][0] if places else ""

    def _known_spelling(self, pid: object, written: str) -> bool:
        key = name_key(written)
        known = self.people.people[pid]
        return key in {name_key(known.name), *(name_key(a) for a in known.aliases)} or any(
            name.tokens == parse_name(written).tokens for name in self.people.names.get(pid, ())
        )

    def _rename(self, temp: tuple, pk: int, country: str) -> None:
        """A person created in bulk gets their real id in the index and the register."""
        self.people.register = self.register
        self.people.rename(temp, pk, country)

    def _forget(self, temp: tuple) -> None:
        self.people.register = self.register
        self.people.forget(temp)

    def _add_official(self, official: Official) -> None:
        if official.pk not in self.people.people:
            self.people.add(Known(official.pk, official.name, official.country.code or ""))
            self.official_keys[official.pk] = official.name_key

    # ------------------------------------------------------------------ surnames

    def _ident(self, ref: PersonMention) -> tuple:
        mention = ref.mention()
        return (
            name_key(mention.name),
            mention.title or "",
            mention.country,
            mention.place,
            ref.year,
            ref.guessed,
        )

    def _flush_surnames(self) -> None:
        """Resolve the surnames noted so far, in passes until stable (as _flush_full_names does).

        Only people on record by surname alone gain register evidence from a surname: links made on a
        surname never widen what a full name's record says (the same rule the register on record obeys).
        """
        refs: dict[tuple, PersonMention] = {}
        for ref in sorted(self.surname_refs, key=lambda r: (r.guessed, not r.person.country, r.year or 0)):
            refs.setdefault(self._ident(ref), ref)
        self.surname_refs.clear()
        base = self.register
        bare = {pid for pid, names in self.people.names.items() if not any(n.is_full for n in names)}
        decisions: dict[tuple, object] = {}
        for _ in range(MAX_PASSES):
            register = self._observed_bare(base, decisions, refs, bare)
            self.people.register = register
            previous, decisions = decisions, {}
            for ident, ref in refs.items():
                decision = self.people.resolve(ref.mention())
                pid = decision.id
                if pid is None and decision.new and not ref.guessed:
                    pid = previous.get(ident)
                    if not (isinstance(pid, tuple) and pid in self.people.people):
                        pid = ("new", next(self._temp))
                        self.people.add(Known(pid, ref.person.name or "", ref.mention().country))
                        bare.add(pid)
                if pid in bare and not previous:
                    register.observe(pid, ref.person.title, "", ref.day)
                decisions[ident] = pid
            stale = [p for p in self.people.people if isinstance(p, tuple) and p not in decisions.values()]
            for pid in stale:
                self._forget(pid)
            if decisions == previous:
                break
        temps = [pid for pid in dict.fromkeys(decisions.values()) if isinstance(pid, tuple)]
        created = officials_create(
            people=[(self.people.people[p].name, self.people.people[p].country) for p in temps]
        )
        real = {temp: official.pk for temp, official in zip(temps, created, strict=True)}
        for temp, official in zip(temps, created, strict=True):
            self._rename(temp, official.pk, self.people.people[temp].country)
            self.official_keys[official.pk] = official.name_key
        self.register = self._observed_bare(
            base, {i: real.get(p, p) for i, p in decisions.items()}, refs, bare | set(real.values())
        )
        self.people.register = self.register
        for ident, pid in decisions.items():
            self.surnames[ident] = real.get(pid, pid) if isinstance(pid, tuple) else pid  # type: ignore[assignment]

    def _observed_bare(self, base: Register, decisions: dict, refs: dict, bare: set) -> Register:
        register = Register()
        for pid, tenures in base.tenures.items():
            register.tenures[pid] = [Tenure(t.title, t.country, t.first, t.last) for t in tenures]
        for ident, pid in decisions.items():
            if pid in bare:
                ref = refs[ident]
                register.observe(pid, ref.person.title, "", ref.day)
        return register

    def resolve_surname(self, ref: PersonMention) -> int | None:
        """An official for "Prime Minister Churchill": the one who held that post then, never a guess."""
        if not ref.person.name or _full(ref.person.name):
            return None
        ident = self._ident(ref)
        if ident not in self.surnames:
            self.surname_refs.append(ref)
            self._flush_surnames()
        return self.surnames.get(ident)

    # ------------------------------------------------------------------ posts

    def prepare_positions(self, posts: Iterable[tuple[int, str | None, str]]) -> None:
        """Create, in bulk, the posts this import will link to that are not on record yet."""
        missing: dict[tuple[int, str], tuple[int, str, str]] = {}
        for official, title, country in posts:
            country = self._post_country(official, country)
            title = (title or "").strip()[:200]
            if (
                title
                and not title.lower().startswith("former")
                and (official, title.lower()) not in self.positions
            ):
                missing.setdefault((official, title.lower()), (official, title, country))
        for position in positions_create(posts=list(missing.values())):
            self.positions[(position.official_id, position.title.lower())] = position.pk

    def _post_country(self, official_id: int, country: str) -> str:
        """A post is of the official's country, not of the place they were met in (rule 1)."""
        known = self.people.people.get(official_id)
        return (known.country if known and known.country else country) or ""

    def position(self, official_id: int, title: str | None, country: str) -> int | None:
        """The post `title` of the official (recorded once per title)."""
        title = (title or "").strip()[:200]
        if not title or title.lower().startswith("former"):
            return None
        key = (official_id, title.lower())
        if key not in self.positions:
            official = Official.objects.get(pk=official_id)
            country = self._post_country(official_id, country)
            position = position_record(official=official, title=title, country=country)
            self.positions[key] = position.pk
        return self.positions[key]


def same_person(a: PersonRef, b: PersonRef) -> bool:
    """Within one record: the same person named twice ("President Nursultan Nazarbayev" ... "Nazarbayev")."""
    if a.key is not None and a.key == b.key:
        return True
    if not a.name or not b.name:
        return False
    return _same_written(a.name, a.title, b.name, b.title)


@lru_cache(maxsize=65536)
def _same_written(a: str, a_title: str | None, b: str, b_title: str | None) -> bool:
    """same_person on two names and titles (an import asks again for every meeting a visitor attends)."""
    if name_key(a) == name_key(b):
        return True
    agreement = compare(a, b)
    return agreement == Agreement.SAME or (
        agreement == Agreement.COMPATIBLE and bool(a_title and b_title) and titles_agree(a_title, b_title)
    )
