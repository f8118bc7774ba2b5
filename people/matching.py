"""When two mentions name one person: the identity rules, pure (no database, plain data in and out).

Rules (each has a test naming the real people it is about, tests/people/test_matching.py):

1. A person's country is the country of the post they hold, never where they were met. A mention states a
   country only when the source does (a visitor's "from", "X of Kazakhstan", "Israeli Prime Minister");
   the place of a meeting is a hint that breaks ties, nothing more. A post of a state that is gone is
   found under its successors ("Soviet Foreign Minister Shevardnadze", on record as Georgia's).
2. Regnal and generational numbers never merge: "Mohammed V" / "Mohammed VI", "Albert I" / "Albert II",
   "Elizabeth I" / "Elizabeth II", "Aquino Jr." / "Aquino 3rd"; a numbered monarch never joins a name
   with a surname ("Juan Carlos I" / "Juan Carlos Pinzon"). A name without a number is only compatible.
3. Distinct given names and distinct initials never merge: "Heydar Aliyev" / "Ilham Aliyev",
   "Seretse Khama" / "Seretse Khama Ian Khama", "George H. W. Bush" / "George W. Bush", "Salman bin
   Abd al-Aziz" / "Muhammad bin Salman" (fathers' names keep their places). A missing middle name or
   initial is compatible ("Boris N. Yeltsin" / "Boris Yeltsin"), so is a dropped leading "Mohammed" or
   style ("Mohammed Nawaz Sharif" / "Nawaz Sharif", "Prince Saud" is Saud), a trailing family name
   ("Sheikh Hasina" / "Sheikh Hasina Wajed") and a nickname in brackets ("Willem (Wim) Kok"). A partial
   agreement never chains through aliases; a compound surname alone ("Aboul Gheit") joins only the one
   who held the post then (Ziaur Rahman is not his widow Khaleda Ziaur Rahman).
4. Transliteration variants unify (j/zh/dzh, kh/h, y/i, w/v, -off/-ow/-ov, -ayev/-aev, doubled letters,
   Binyamin / Benjamin, Geidar / Heydar, Cyrillic or Greek against their romanisation), and a word of five
   letters or more may differ by the vowel pairs romanisations swap (e/i, o/u, a/e; two in words of six or
   more: Mohammed / Muhammad). Nothing else is loose: no vowel is dropped or inserted, no letter moves, and
   short words must agree exactly, so Kimura / Koumura, Pardo / Prado, Hua / Hu, Rhee / Roh stay apart.
5. A full name joins the one known person whose name or alias agrees (rules 2-4), whatever country they
   were met in; namesakes are told apart by the stated country, then by the post held on the date.
6. A bare surname (or a monarch's single name) links only when exactly one person of the stated country
   (any country when none is stated) held a matching post in that period, by the register of who held
   which post when (titles agree: "Premier" is "Prime Minister", "UN Secretary-General" is not NATO's);
   otherwise it stays unresolved, as written. A visitor named so, with their country, is a new person
   when nobody of that surname is on record there but namesakes active twenty years away.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from people.names import (
    _NICKNAME,
    Agreement,
    PersonName,
    compare,
    compound_surname,
    parse_name,
    words_agree,
)

# ---------------------------------------------------------------------------------------------- titles

# Posts that are one post under several titles; anything else must agree word for word.
_TITLE_CLASSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("head of government", ("prime minister", "premier", "chancellor", "taoiseach", "head of government")),
    ("foreign minister", ("foreign minister", "minister of foreign affairs", "foreign secretary",
                          "minister of external affairs", "external affairs minister",
                          "minister for foreign affairs", "secretary of foreign affairs")),
    ("secretary-general", ("secretary-general", "secretary general")),
    ("monarch", ("king", "queen", "emperor", "empress", "shah", "amir", "emir", "sultan", "grand duke",
                 "grand duchess")),
)  # fmt: skip
_TITLE_NOISE = re.compile(
    r"\b(?:acting|interim|provisional|transitional|federal|outgoing|designate|elect|the|first)\b|[-\s]+(?=elect\b)"
)
# Titles under which a single name is a first name ("King Salman", "Emperor Hirohito").
FIRST_NAME_TITLES = frozenset({"monarch", "prince", "princess", "crown prince", "pope"})


# International bodies whose posts are a "country" of their own: "UN Secretary-General" is one post,
# whoever names it ("Secretary-General of the United Nations"), and not NATO's Secretary General.
BODIES: dict[str, str] = {
    "un": "un",
    "u.n.": "un",
    "united nations": "un",
    "nato": "nato",
    "north atlantic treaty organization": "nato",
    "eu": "eu",
    "european union": "eu",
    "european commission": "eu",
    "european council": "eu",
    "oas": "oas",
    "organization of american states": "oas",
    "asean": "asean",
    "arab league": "arab league",
    "league of arab states": "arab league",
    "african union": "au",
    "african union commission": "au",
    "oecd": "oecd",
    "osce": "osce",
    "iaea": "iaea",
    "world bank": "world bank",
    "imf": "imf",
    "international monetary fund": "imf",
    "gcc": "gcc",
    "opec": "opec",
}
_BODY_PREFIX = re.compile(
    r"^(?:the\s+)?(" + "|".join(re.escape(b) for b in sorted(BODIES, key=len, reverse=True)) + r")\s+(.+)$"
)
_BODY_SUFFIX = re.compile(
    r"^(.+?)\s+of\s+(?:the\s+)?("
    + "|".join(re.escape(b) for b in sorted(BODIES, key=len, reverse=True))
    + r")$"
)


def title_body(title: str | None) -> str:
    """The international body a title names ("UN Secretary-General" -> "un"), else ""."""
    key = title_key(title)
    return key.partition("@")[2]


@lru_cache(maxsize=4096)
def title_key(title: str | None) -> str:
    """One key per post: "Premier" and "Prime Minister" agree, "Vice President" and "President" do not;
    a body's post carries the body ("UN Secretary-General" -> "secretary-general@un")."""
    text = " ".join(_TITLE_NOISE.sub(" ", (title or "").casefold().replace("-elect", "")).split())
    if not text or text.startswith("former"):
        return ""
    body = ""
    match = _BODY_PREFIX.match(text) or _BODY_SUFFIX.match(text)
    if match:
        first, second = match.groups()
        body, text = (BODIES[first], second) if first in BODIES else (BODIES[second], first)
    key = text
    for candidate in (text, re.sub(r"\s+of\s+.*$", "", text)):
        found = next((k for k, titles in _TITLE_CLASSES if candidate in titles), None)
        if found:
            key = found
            break
    if key == "secretary general":
        key = "secretary-general"
    return f"{key}@{body}" if body else key


def titles_agree(a: str | None, b: str | None) -> bool:
    """Two titles name one post; a missing title agrees with any."""
    ka, kb = title_key(a), title_key(b)
    return not ka or not kb or ka == kb


# ---------------------------------------------------------------------------------------------- register


@dataclass
class Tenure:
    """Someone held a post (title key) in a country between two dates, by the evidence seen so far."""

    title: str
    country: str
    first: datetime.date
    last: datetime.date


# A post seen in 1990 and 1992 was probably held in 1994 too; a post seen in 1959 was not held in 2015.
SLACK_DAYS = 4 * 366
# A record made from a surname alone ("Prime Minister Nehru", 1949) has only the dates it was named on:
# the same surname, post and country within eight years of them is that person (Nehru again in 1956).
BARE_SLACK_DAYS = 8 * 366
# States that are gone, and the states their posts' holders served next (ISO 3166-3 former codes).
SUCCESSORS: dict[str, frozenset[str]] = {
    "SU": frozenset(
        ["RU", "UA", "BY", "GE", "AM", "AZ", "KZ", "KG", "TJ", "TM", "UZ", "MD", "EE", "LV", "LT"]
    ),
    "YU": frozenset(["RS", "HR", "SI", "BA", "MK", "ME", "XK"]),
    "CS": frozenset(["CZ", "SK", "RS", "ME"]),
    "DD": frozenset(["DE"]),
}
# Careers are long (Shevardnadze: Soviet foreign minister in 1985, Georgia's president until 2003), but
# not this long: a person named only in records twenty years from a date is not the one meant then.
DECADES_DAYS = 20 * 366
_GAPS = {days: datetime.timedelta(days=days) for days in (SLACK_DAYS, BARE_SLACK_DAYS)}


@dataclass
class Register:
    """Who held which post when, built from dated, titled, full-name mentions (HSG visitors above all)."""

    tenures: dict[Hashable, list[Tenure]] = field(default_factory=lambda: defaultdict(list))

    def observe(self, person: Hashable, title: str | None, country: str, day: datetime.date | None) -> None:
        key = title_key(title)
        if not key or day is None:
            return
        for tenure in self.tenures[person]:
            if tenure.title == key and tenure.country == (country or ""):
                tenure.first, tenure.last = min(tenure.first, day), max(tenure.last, day)
                return
        self.tenures[person].append(Tenure(key, country or "", day, day))

    def held(
        self, person: Hashable, title: str | None, day: datetime.date | None, slack: int = SLACK_DAYS
    ) -> bool:
        """The person held a post agreeing with `title` around `day` (any post when no title is given)."""
        if day is None:
            return False
        key = title_key(title)
        gap = _GAPS.get(slack) or datetime.timedelta(days=slack)
        return any(
            (not key or t.title == key) and t.first - gap <= day <= t.last + gap
            for t in self.tenures.get(person, ())
        )

    def decades_away(self, person: Hashable, day: datetime.date | None) -> bool:
        """Every post on record for the person is more than twenty years from `day` (Radoslaw Sikorski
        in 1941, Faisal bin Farhan in 1966): a namesake, not them."""
        tenures = self.tenures.get(person, ())
        if day is None or not tenures:
            return False
        gap = datetime.timedelta(days=DECADES_DAYS)
        return all(day < t.first - gap or day > t.last + gap for t in tenures)

    def conflicts(
        self, person: Hashable, title: str | None, day: datetime.date | None, slack: int = SLACK_DAYS
    ) -> bool:
        """Known under this title, but only in other periods (Fidel Castro, premier in 1959, not in 2015)."""
        key = title_key(title)
        if not key or day is None:
            return False
        same = [t for t in self.tenures.get(person, ()) if t.title == key]
        return bool(same) and not self.held(person, title, day, slack)


# ---------------------------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class Known:
    """A person on record: id, country of their post, name and other spellings (aliases)."""

    id: Hashable
    name: str
    country: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A person as a source names them: name without title, title, the date, and what it says of country."""

    name: str
    title: str | None = None
    day: datetime.date | None = None
    country: str = ""  # stated by the source: the post's country (rule 1)
    place: str = ""  # where they were met: a tie-breaker only


@dataclass(frozen=True)
class Decision:
    """The outcome: `id` of the person, or `new` (nobody fits: a new person), or neither (unresolved)."""

    id: Hashable | None = None
    new: bool = False
    why: str = ""


_VOWEL_CLASSES = str.maketrans({"a": "i", "e": "i", "o": "u"})


def _shape(name: PersonName) -> tuple[int, str, bool]:
    """compare() finds two names COMPATIBLE (or one a compound surname of the other) only when their
    shapes differ (word count, number) or an initial stands for a word."""
    return (len(name.loose), name.number, any(len(w) == 1 for w in name.loose))


def _key(name: PersonName) -> tuple[str, ...]:
    """Names that are the SAME (rule 4) share this key: every word's bucket, and the number."""
    return (*(_bucket(w) for w in name.loose), name.number)


def _bucket(word: str) -> str:
    """What words_agree keeps of a word: words that agree share it (vowel swaps folded)."""
    return word.translate(_VOWEL_CLASSES)


@lru_cache(maxsize=65536)
def _entries(name: PersonName) -> tuple[tuple[str, ...], tuple, str, tuple[str, ...]]:
    """Where People indexes a name: its key, its shape, its last word's bucket and every word's bucket
    (an import indexes the same names again on every pass)."""
    return _key(name), _shape(name), _bucket(name.loose[-1]), tuple(_bucket(w) for w in name.loose)


class People:
    """The people on record, indexed by surname, for resolving mentions (rules 5 and 6)."""

    def __init__(self, known: Iterable[Known] = (), register: Register | None = None) -> None:
        self.register = register or Register()
        self.people: dict[Hashable, Known] = {}
        self.names: dict[Hashable, list[PersonName]] = defaultdict(list)
        # Everyone by the buckets of all their name's words (the same name, in any spelling), and by the
        # bucket of their name's last word: so a name is looked up, not compared with everyone. Under a
        # key, by the name itself: a name is compared once with each spelling, not once per namesake.
        self.by_key: dict[tuple[str, ...], dict[PersonName, set[Hashable]]] = defaultdict(
            lambda: defaultdict(set)
        )
        # For shorter and longer forms: by a word's bucket, then by the name's shape (see _shape).
        self.forms: dict[str, dict[tuple, set[Hashable]]] = defaultdict(lambda: defaultdict(set))
        self.last_forms: dict[str, dict[tuple, set[Hashable]]] = defaultdict(lambda: defaultdict(set))
        for person in known:
            self.add(person)

    def add(self, person: Known) -> None:
        self.people[person.id] = person
        for written in (person.name, *person.aliases):
            self.add_name(person.id, written)

    def add_name(self, pid: Hashable, written: str) -> None:
        nickname = _NICKNAME.search(written or "")
        if nickname and written.split():
            # "Willem (Wim) Kok" is also "Wim Kok"; "Rudolphus F. M. (Ruud) Lubbers" is "Ruud Lubbers".
            self.add_name(pid, f"{nickname.group(1)} {written.split()[-1]}")
        parsed = parse_name(written)
        if not parsed.loose or parsed in self.names[pid]:
            return
        self.names[pid].append(parsed)
        self._index(pid, parsed)

    def _index(self, pid: Hashable, parsed: PersonName, *, drop: bool = False) -> None:
        """Index a name by its words' buckets (what words_agree keeps of a word) and its shape."""
        key, shape, last, buckets = _entries(parsed)
        sets = [self.by_key[key][parsed], self.last_forms[last][shape]]
        sets += [self.forms[bucket][shape] for bucket in buckets]
        for ids in sets:
            if drop:
                ids.discard(pid)
            else:
                ids.add(pid)

    def forget(self, pid: Hashable) -> None:
        """Take a person out of the index (and the register)."""
        for parsed in self.names.pop(pid, []):
            self._index(pid, parsed, drop=True)
        self.people.pop(pid, None)
        self.register.tenures.pop(pid, None)

    def rename(self, old: Hashable, new: Hashable, country: str | None = None) -> None:
        """Give a person another id (a record created in bulk gets its primary key)."""
        known, names = self.people[old], list(self.names.get(old, []))
        tenures = self.register.tenures.pop(old, None)
        self.forget(old)
        self.people[new] = Known(
            new, known.name, known.country if country is None else country, known.aliases
        )
        for parsed in names:
            self.names[new].append(parsed)
            self._index(new, parsed)
        if tenures is not None:
            self.register.tenures[new] = tenures

    def _with_word(self, word: str) -> set[Hashable]:
        """Everyone with this word anywhere in a name ("Roh" of "Roh Tae-woo", "Prado" of "Prado Ugarte")."""
        found: set[Hashable] = set()
        for pids in self.forms.get(_bucket(word), {}).values():
            found |= pids
        return found

    def _candidates(self, name: PersonName) -> set[Hashable]:
        """Who could agree with `name` in a shorter or longer form: everyone with its last word, and
        everyone whose name ends with one of its other words ("Sheikh Hasina"), in names of another shape
        (the same shape can only be the SAME name, found by by_key, or another person)."""
        mine = _shape(name)
        found: set[Hashable] = set()
        indexes = [(self.forms, name.loose[-1])] + [(self.last_forms, w) for w in name.loose[:-1]]
        for index, word in indexes:
            for shape, pids in index.get(_bucket(word), {}).items():
                if shape != mine or shape[2]:
                    found |= pids
        return found

    def agreement(self, pid: Hashable, name: PersonName) -> Agreement:
        """The best agreement of `name` with a name of the person; a full name is compared with full ones."""
        names = [n for n in self.names.get(pid, ()) if n.is_full or not name.is_full]
        found = [compare(name, known) for known in names]
        best = max(found, default=Agreement.DIFFERENT)
        if best == Agreement.COMPATIBLE and Agreement.DIFFERENT in found:
            # A part of one spelling but at odds with another ("Hamad bin Jassim al-Thani" fits "Hamad
            # al-Thani", not "Hamad bin Khalifa al-Thani"): partial agreement never chains through aliases.
            return Agreement.DIFFERENT
        return best

    def resolve(self, mention: Mention) -> Decision:
        name = parse_name(mention.name)
        if not name.loose:
            return Decision(why="no name")
        if name.is_full:
            return self._full(mention, name)
        return self._surname(mention, name)

    def _narrow(self, mention: Mention, ids: list[Hashable]) -> list[Hashable]:
        """Namesakes told apart by the stated country, the post held on the date, then the place met."""
        if len(ids) > 1 and mention.country:
            ids = [i for i in ids if self.people[i].country in (mention.country, "")] or ids
        if len(ids) > 1 and mention.day:
            held = [i for i in ids if self.register.held(i, mention.title, mention.day)]
            ids = held or ids
        if len(ids) > 1 and mention.place:
            ids = [i for i in ids if self.people[i].country == mention.place] or ids
        return ids

    def _full(self, mention: Mention, name: PersonName) -> Decision:
        # Those with a full name the SAME as this one (agreement() is SAME exactly then; SAME names share
        # the key), found per spelling on record rather than per person.
        found: set[Hashable] = set()
        for known, pids in self.by_key.get(_entries(name)[0], {}).items():
            if pids and known.is_full and compare(name, known) == Agreement.SAME:
                found |= pids
        same = list(found)
        if mention.country:
            # Rule 1: the stated country is the post's. Someone of the same name elsewhere is the same
            # person only if they held that post then (met abroad first, named with their country later).
            people, countries = self.people, (mention.country, "")
            home = [i for i in same if people[i].country in countries]
            same = home or [i for i in same if self.register.held(i, mention.title, mention.day)]
        same.sort(key=str)  # after the filters, which keep no order of their own: the same list, sorted
        if same:
            narrowed = self._narrow(mention, same)
            # Exact namesakes the evidence cannot tell apart: the first (an identifier must tell them apart).
            return Decision(id=narrowed[0], why="same name" if len(narrowed) == 1 else "namesakes: the first")
        partial: list[Hashable] = []
        candidates = sorted(self._candidates(name), key=str)
        if len(name.loose) >= 2:
            for pid in candidates:
                if self.agreement(pid, name) == Agreement.COMPATIBLE:
                    partial.append(pid)
        partial.sort(key=str)
        if partial and mention.country:
            # A stated country: only someone of that country (or who held that post then) can be meant.
            partial = [
                i
                for i in partial
                if self.people[i].country in (mention.country, "")
                or self.register.held(i, mention.title, mention.day)
            ]
        if partial:
            narrowed = self._narrow(mention, partial)
            if len(narrowed) == 1:
                return Decision(id=narrowed[0], why="fuller or shorter form of the name")
            return Decision(why="several people fit")
        compound = [
            pid
            for pid in candidates
            if any(compound_surname(name, known) for known in self.names.get(pid, ()))
            and self.register.held(pid, mention.title, mention.day)
            and (not mention.country or self.people[pid].country in (mention.country, ""))
        ]
        if len(compound) == 1:
            return Decision(id=compound[0], why="a compound surname, and the one who held that post then")
        return Decision(new=True, why="nobody of that name")

    def _surname(self, mention: Mention, name: PersonName) -> Decision:
        word = name.loose[-1]  # "Sheikh Hasina": the style is no name word
        first_name = title_key(mention.title) in FIRST_NAME_TITLES
        fitting: list[Hashable] = []
        exact: list[Hashable] = []
        for pid in self._with_word(word):
            for known in self.names.get(pid, ()):
                if known.number and name.number != known.number and not first_name:
                    continue
                if len(known.loose) == 1 and not known.number and words_agree(word, known.loose[0]):
                    exact.append(pid)  # a surname on record as such (an editor's merge keeps it as an alias)
                elif any(
                    words_agree(word, w)
                    for w in (known.loose if len(known.loose) > 1 or known.number else ())
                ):
                    # Any word of the name: "Castro" of "Fidel Castro Ruz", "Roh" of "Roh Tae-woo",
                    # "Mohammed" of "Mohammed VI"; the register then decides.
                    fitting.append(pid)
        pool = sorted(set(fitting) | set(exact), key=str)
        # Someone whose every post on record is decades away from the date is not the one meant.
        pool = [i for i in pool if not self.register.decades_away(i, mention.day)]
        anywhere = [i for i in pool if self.register.held(i, mention.title, mention.day)]
        everywhere = pool
        # The post's country: stated, or an international body's post ("UN Secretary-General Annan").
        body = title_body(mention.title) if not mention.country else ""
        if mention.country or body:
            pool = [i for i in pool if self.people[i].country == mention.country]
        held = [i for i in pool if self.register.held(i, mention.title, mention.day)]
        if not held and not pool and mention.country in SUCCESSORS:
            # A state that is gone: its post holders are on record under a successor state ("Soviet
            # Foreign Minister Shevardnadze", on record as Georgia's president): the one namesake there.
            near = [
                i for i in anywhere or everywhere if self.people[i].country in SUCCESSORS[mention.country]
            ]
            if len(near) == 1:
                return Decision(id=near[0], why="the one namesake of a successor state")
        if not held and (mention.country or body) and len(anywhere) == 1:
            # The one holder of that post then is on record under another country: a state that changed
            # ("Soviet Foreign Minister Shevardnadze", later Georgia's president), or a guessed country.
            held = anywhere
        if len(held) > 1 and mention.place:
            held = [i for i in held if self.people[i].country == mention.place] or held
        if len(held) == 1:
            return Decision(id=held[0], why="the one who held that post then")
        if held:
            return Decision(why="several held that post then")
        if mention.day is None and mention.country and len(pool) == 1:
            # An undated source (an editor's form, an article without a date): the register cannot
            # speak, so the only person of that surname in the stated country is the one meant.
            return Decision(id=pool[0], why="undated: the only one of that surname in that country")
        # Nobody on the register: a surname on record as such, unique in that country, without other dates.
        exact = [
            i
            for i in sorted(set(exact), key=str)
            if (mention.country or body)
            and self.people[i].country == mention.country
            and not self.register.conflicts(i, mention.title, mention.day, BARE_SLACK_DAYS)
        ]
        if len(exact) == 1:
            return Decision(id=exact[0], why="that surname on record, in that country")
        if (mention.country or body) and not pool and not anywhere:
            if mention.country in SUCCESSORS and any(
                self.people[i].country in SUCCESSORS[mention.country] for i in everywhere
            ):
                return Decision(why="namesakes in the successor states")
            # A visitor named by title and surname, with their country, and nobody of that name there:
            # the source names a person we have no other record of (on the register from now on).
            return Decision(new=True, why="surname with a stated country: nobody of it held that post")
        return Decision(why="surname alone: nobody certain")
