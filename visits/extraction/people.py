"""People with their posts and countries: the mention stage run end to end (`analyse`), then the passes that
need every mention at once: names confirmed later, plural posts handing out their countries, places inside
names."""

from __future__ import annotations

from .gazetteer import fold, gazetteer
from .mentions import Doc, Mention, TitlePhrase
from .merge import _attach
from .names import _persons, _tag, _title_before
from .posts import _titles
from .text import tokenize


def analyse(text: str) -> Doc:
    """Tokenise and find places, organisations, posts and people in a (normalised) text."""
    g = gazetteer()
    toks = tokenize(text)
    folded = [fold(t.text) for t in toks]
    for k in range(1, len(toks) - 1):  # "Laos' President", "the Philippines' envoy": a possessive too
        t, prev = toks[k], toks[k - 1]
        if t.text == "'" and t.start == prev.end and prev.text.endswith("s") and toks[k + 1].start > t.end:
            folded[k] = "'s"
    doc = Doc(text, toks, folded)
    _tag(doc, g)
    _titles(doc, g)
    doc.place_starts = [toks[p.i].start for p in doc.places]
    _persons(doc)
    _late_mentions(doc)
    _distribute(doc)
    _drop_places_in_names(doc)
    return doc


def _late_mentions(doc: Doc) -> None:
    """A name the article introduces properly later ("... (SVR) Sergei Naryshkin" before "Sergei Naryshkin,
    the SVR head") is a mention wherever it occurs: runs left out on the first pass whose words all belong
    to exactly one person are added."""
    taken = {k for m in doc.mentions for k in range(m.i, m.j)}
    added = False
    runs = list(doc.runs)
    # a one-word city that is the surname of someone named in full ("met Hassan" after "Ali Hassan")
    runs += [
        (p.i, p.j)
        for p in doc.places
        if p.kind == "city"
        and p.j == p.i + 1
        and (p.i == 0 or doc.folded[p.i - 1] not in ("in", "to", "at", "from", "of", "near", "for"))
    ]
    for i, j in runs:
        if any(k in taken for k in range(i, j)):
            continue
        keys = frozenset(fold(doc.tokens[k].text).rstrip(".") for k in range(i, j))
        owners = [idx for idx, p in enumerate(doc.persons) if len(p.keys) >= 2 and keys <= p.keys]
        if len(owners) != 1 or (j - i == 1 and len(doc.tokens[i].text) < 4):
            continue
        doc.mentions.append(Mention(i, j, owners[0]))
        p = doc.persons[owners[0]]
        p.spans.append((doc.tokens[i].start, doc.tokens[j - 1].end))
        p.first = min(p.first, i)
        _attach(p, _title_before(doc, i))
        added = True
    if added:
        doc.mentions.sort(key=lambda m: m.i)


def _plural_countries(doc: Doc, tp: TitlePhrase) -> list[str]:
    """The countries a plural post lists: "Kazakh and Uzbek foreign ministers", "the prime ministers of
    Laos, Vietnam and Cambodia", in order."""
    fd, n = doc.folded, len(doc.folded)
    before: list[str] = []
    k = tp.i - 1
    while k >= 0 and (doc.tag[k] in ("country", "demonym") or fd[k] in ("and", ",", "'s")):
        place = doc.place_at.get(k)
        if place is not None and place.j - 1 == k:
            before.insert(0, place.code)
        k -= 1
    if len(before) >= 2:
        return before
    after: list[str] = []
    k = next((m for m in range(tp.i, min(tp.j + 1, n)) if fd[m] == "of"), -1)
    if k < 0:
        return []
    k += 1
    while k < n and (doc.tag[k] in ("country", "demonym") or fd[k] in ("and", ",", "the")):
        place = doc.place_at.get(k)
        if place is not None and place.i == k:
            after.append(place.code)
            k = place.j
            continue
        k += 1
    return after if len(after) >= 2 else []


def _distribute(doc: Doc) -> None:
    """A plural post followed by as many names as it lists countries gives each name its country in order
    ("the prime ministers of A, B and C, X, Y and Z respectively"; "Kazakh and Uzbek ministers X and Y")."""
    for tp in doc.titles:
        if not tp.plural:
            continue
        codes = _plural_countries(doc, tp)
        if not codes:
            continue
        names = [m for m in doc.mentions if m.i >= tp.j and m.i - tp.j < 12 + 8 * len(codes)]
        names = names[: len(codes)]
        if len(names) != len(codes) or len({m.person for m in names}) != len(codes):
            continue
        gap_ok = all(
            doc.folded[k] in (",", "and", "respectively", "the", "of", "'s")
            or doc.tag[k] in ("country", "demonym", "title")
            or any(m.i <= k < m.j for m in names)
            for k in range(tp.j, names[-1].i)
        )
        if not gap_ok:
            continue
        single = _singular(_head_text(doc, tp))
        for m, code in zip(names, codes, strict=True):
            p = doc.persons[m.person]
            if not p.org_head:
                p.country = code
            if p.title is None or p.title == tp.title:
                p.title = single


def _head_text(doc: Doc, tp: TitlePhrase) -> str:
    """The words of a post up to and including its head ("foreign ministers", "Prime Ministers")."""
    toks = doc.tokens
    k = tp.i
    while k < tp.j and tuple(doc.folded[k : k + len(tp.head)]) != tp.head:
        k += 1
    end = min(k + len(tp.head), tp.j) - 1
    return doc.text[toks[tp.i].start : toks[end].end]


def _singular(title: str) -> str:
    """ "Foreign Ministers" -> "Foreign Minister" (the last word's plural ending)."""
    words = title.split()
    last = words[-1]
    if last.lower().endswith(("ches", "shes", "sses")):
        last = last[:-2]
    elif last.lower().endswith("s") and not last.lower().endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _drop_places_in_names(doc: Doc) -> None:
    """A city inside a person's name ("Vladimir Norov", "Caroline Kennedy") is not a place."""
    inside = {k for m in doc.mentions for k in range(m.i, m.j)}
    if not any(p.i in inside for p in doc.places):
        return
    keep = []
    for p in doc.places:
        if p.i in inside:
            for k in range(p.i, p.j):
                doc.place_at.pop(k, None)
                if doc.tag[k] in ("city", "country"):
                    doc.tag[k] = ""
        else:
            keep.append(p)
    doc.places = keep
    doc.place_starts = [doc.tokens[p.i].start for p in doc.places]
