"""Who each sentence talks about: names, posts standing for names ("the Iranian president"), pronouns."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import HONORIFICS, PERSON_NOUNS, PRONOUNS
from .names import Doc, Person, TitlePhrase
from .text import Gated, Sentence

# Posts that name the same office in other words ("the Head of State" for a president).
SYNONYMS: dict[str, frozenset[str]] = {
    "head of state": frozenset({"president", "king", "emir", "amir", "sultan", "queen"}),
    "leader": frozenset({"president", "prime minister", "king", "emir", "chancellor", "premier"}),
    "premier": frozenset({"prime minister"}),
    "pm": frozenset({"prime minister"}),
    "fm": frozenset({"foreign minister", "minister of foreign affairs", "minister for foreign affairs"}),
    "eam": frozenset({"external affairs minister", "minister of external affairs", "foreign minister"}),
    "mos": frozenset({"minister of state"}),
    "dpm": frozenset({"deputy prime minister"}),
    "cm": frozenset({"chief minister"}),
    "sg": frozenset({"secretary general", "secretary-general"}),
    "unsg": frozenset({"secretary general", "secretary-general"}),
    "fs": frozenset({"foreign secretary"}),
    "chief": frozenset({"secretary general", "secretary-general", "director general", "head"}),
    "foreign minister": frozenset(
        {
            "minister of foreign affairs",
            "minister for foreign affairs",
            "foreign affairs minister",
            "foreign secretary",
            "secretary of state",
        }
    ),
}

_DELEGATION = Gated(re.compile(r"\bdelegation\b", re.I), "delegation")
_DELEGATION_OF = re.compile(
    r"\bdelegation (?:of|from) (?:the )?(?P<place>[A-Z])|\b(?P<place2>[A-Z])[\w-]+ (?:[a-z-]+ )?delegation\b"
)
_LED_BY = re.compile(
    r"\b(?:led|headed) by\b|\bheading\b|\bheads\b|\bleads\b|along with (?:his|her) delegation", re.I
)


@dataclass(slots=True)
class Ref:
    """One reference to a person in a sentence: token position and the person's index."""

    i: int
    j: int
    person: int
    start: int  # character offset
    kind: str = "name"


def _head_text(tp: TitlePhrase) -> str:
    return " ".join(tp.head)


def _compatible(p: Person, head: str) -> bool:
    if not p.title:
        return False
    title = p.title.lower()
    if head in title or any(h in title for h in SYNONYMS.get(head, ())):
        return True
    return any(head in syn and k in title for k, syn in SYNONYMS.items())


def _nominal_person(
    doc: Doc,
    tp: TitlePhrase,
    before: int,
    recent: list[int],
    exclude: set[int] | frozenset[int] = frozenset(),
) -> int | None:
    """The person a bare post refers to: same country if one is given, same post, most recently named
    (never one of `exclude`, the people the sentence has named as meeting someone)."""
    head = _head_text(tp)
    fd = doc.folded
    k = tp.i - 1
    while k >= 0 and (doc.tag[k] in ("demonym", "country") or fd[k] in ("'s", "top", "visiting")):
        k -= 1  # "the Iranian foreign minister", "the top Iranian diplomat": the article before the qualifier
    det = fd[k] if k >= 0 else ""
    if det in ("a", "an", "another", "any", "no", "every"):
        return None  # "A Portuguese President last came to India in 2007": nobody in particular
    bare = det not in ("the", "his", "her", "their", "its", "both") and tp.country is None and tp.org is None
    if bare and (not doc.tokens[tp.i].cap or (tp.j - tp.i > 1 and det not in ("", ".", ","))):
        return None
    if tp.plural or (not doc.tokens[tp.i].cap and det != "the"):
        return None
    order = recent[::-1] + [i for i in range(len(doc.persons)) if i not in recent and i not in exclude]
    if tp.country:  # people known to be of that country first, then those of unknown country
        order = [i for i in order if doc.persons[i].country == tp.country] + [
            i for i in order if doc.persons[i].country != tp.country
        ]
    if head in PERSON_NOUNS and tp.country:  # "the Sri Lankan leader": someone known to be Sri Lankan first
        for idx in order:
            p = doc.persons[idx]
            if p.first < before and p.country == tp.country and not _vague(p):
                return idx
    for idx in order:
        p = doc.persons[idx]
        if p.first >= before:
            continue
        if tp.country and p.country and tp.country != p.country:
            continue
        if tp.org and p.organisation and tp.org != p.organisation:
            continue
        vague = p.title is None or p.head[-1:] in (("counterpart",), ("colleague",))
        if tp.country and p.country == tp.country and vague and head not in PERSON_NOUNS:
            p.title, p.head = tp.title, tp.head  # "his Afghan counterpart" ... "the Afghan foreign minister"
            return idx
        if _compatible(p, head):
            if tp.country and p.country is None and not p.org_head:
                p.country = tp.country
            return idx
    if (
        head in PERSON_NOUNS
    ):  # "the guest", "the Iranian leader": the latest person who fits, whatever the post
        for idx in order:
            p = doc.persons[idx]
            if p.first < before and (tp.country is None or p.country == tp.country):
                return idx
    if tp.country:
        # "The Russian Foreign Minister" after an untitled "Sergei Lavrov": the post is his
        for idx in order:
            p = doc.persons[idx]
            if p.first < before and p.title is None and p.country is None:
                p.title, p.country, p.head = tp.title, tp.country, tp.head
                return idx
    return None


# A face-to-face meeting cue, for officials met whom the article names only by post.
_MET = re.compile(
    r"\b(?:met|meets|meeting with|talks with|call(?:ed|s)? on|received|receives|hosted|welcomed|"
    r"conferred with|audience)\b",
    re.I,
)
_NOT_MET = re.compile(r"\b(?:phone|telephone|video|virtual|online|message|letter|said|says|told)\b", re.I)
_NOT_COUNTERPART = frozenset({"official", "diplomat", "guest", "visitor", "colleague", "officials"})


def _unnamed_counterpart(doc: Doc, tp: TitlePhrase, sent: Sentence) -> bool:
    """Whether an unresolved post is an official met face to face and named by post only: one definite
    post of a country ("the Uzbek Defence Minister", "his Japanese counterpart", "the King of Jordan") in
    a sentence that tells of a meeting, after its verb."""
    if (
        tp.plural
        or tp.country is None
        or (tp.org and tp.org != tp.country)
        or tp.head[-1:] in ((w,) for w in _NOT_COUNTERPART)
    ):
        return False
    k = tp.i - 1
    possessive = False
    while k >= 0 and (doc.tag[k] in ("demonym", "country") or doc.folded[k] in ("'s", "visiting")):
        possessive = possessive or doc.folded[k] == "'s"
        k -= 1
    if not possessive and (k < 0 or doc.folded[k] not in ("the", "his", "her", "their")):
        return False
    if (k >= 0 and doc.folded[k] in (",", "(")) or (k > 0 and doc.folded[k - 1] in (",", "(", "as")):
        return False  # "met X, the Deputy Governor of ...": an apposition to a name, nobody new
    start = doc.tokens[tp.i].start - sent.start
    head = sent.text[:start]
    if _NOT_MET.search(sent.text):
        return False
    verb = next(reversed(list(_MET.finditer(head))), None)
    if verb is not None and start - verb.end() < 40:
        return True
    # "The British Prime Minister met Fumio Kishida": the subject, at the head of the sentence
    after = _MET.match(sent.text, doc.tokens[tp.j - 1].end - sent.start + 1)
    return after is not None and start < 20


def _vague(p: Person) -> bool:
    return p.head[-1:] in (("counterpart",), ("colleague",))


def _lend_country(doc: Doc, tp: TitlePhrase, s: int, tok_sent: list[int], by_start: dict) -> None:
    """A post with a country that nobody named earlier holds goes to the next named person without one."""
    for k in range(tp.j, len(doc.tokens)):
        if tok_sent[k] != s:
            return
        m = by_start.get(k)
        if m is not None:
            p = doc.persons[m.person]
            if p.country is None and not p.org_head and (p.title is None or _compatible(p, _head_text(tp))):
                p.country = tp.country
            return


def _delegation_countries(doc: Doc, sents: list[Sentence]) -> None:
    """ "A delegation of Sri Lanka's Parliament headed by Speaker X": the head is of the delegation's country
    (set before posts are resolved, so that "the Sri Lankan leader" finds him)."""
    for sent in sents:
        if "delegation" not in sent.text:
            continue
        whose = _DELEGATION_OF.search(sent.text)
        if not whose or not _LED_BY.search(sent.text):
            continue
        head = next((m for m in doc.mentions if sent.start <= doc.tokens[m.i].start < sent.end), None)
        at = sent.start + (whose.start("place") if whose["place"] else whose.start("place2"))
        place = next((p for p in doc.places if doc.tokens[p.i].start == at), None)
        if head is None or place is None or place.kind not in ("country", "demonym"):
            continue
        p = doc.persons[head.person]
        if p.country is None and not p.org_head:
            p.country = place.code


def _apposition_follows(doc: Doc, j: int, name_tokens: set[int]) -> bool:
    """Whether a post is set off before the name it belongs to: "the Australian Minister of Defence, Senator
    the Hon Marise Payne" (a comma, then posts, styles and "the", then a name)."""
    n = len(doc.tokens)
    if j >= n or doc.tokens[j].text != ",":
        return False
    k = j + 1
    while k < n and k < j + 8 and (doc.in_title[k] or doc.folded[k] in HONORIFICS or doc.folded[k] == "the"):
        k += 1
    return k > j + 1 and k in name_tokens


def _object_her(doc: Doc, i: int) -> bool:
    """Whether "her" at token i is an object ("received her") rather than a possessive ("her visit")."""
    nxt = doc.folded[i + 1] if i + 1 < len(doc.folded) else "."
    return not nxt[:1].isalpha() or nxt in ("on", "in", "at", "and", "with", "for", "to", "as", "during")


def collect(doc: Doc, sents: list[Sentence]) -> tuple[list[list[Ref]], list[int], int | None]:
    """References per sentence, each sentence's first-named person, and the delegation head if any."""
    by_start = {m.i: m for m in doc.mentions}
    name_tokens = {k for m in doc.mentions for k in range(m.i, m.j)}
    # each token's sentence: the last one starting at or before it (the first for tokens before any)
    starts = [s.start for s in sents]
    tok_sent = [max(bisect_right(starts, t.start) - 1, 0) for t in doc.tokens]
    _delegation_countries(doc, sents)
    per_sent: list[list[Ref]] = [[] for _ in sents]
    titles_at = {tp.i: tp for tp in doc.titles}
    recent: list[int] = []
    subject: list[int] = [-1] * len(sents)
    delegation_head: int | None = None
    # only a name, a post or a pronoun can start a reference: the loop visits those tokens alone
    pronouns = [k for k, f in enumerate(doc.folded) if f in PRONOUNS]
    i = 0
    for k in sorted({*by_start, *titles_at, *pronouns}):
        if k < i:
            continue  # inside a name or a post read already
        i = k
        s = tok_sent[i] if sents else 0
        if i in by_start:
            m = by_start[i]
            per_sent[s].append(Ref(m.i, m.j, m.person, doc.tokens[i].start))
            recent = [r for r in recent if r != m.person] + [m.person]
            i = m.j
            continue
        tp = titles_at.get(i)
        if (
            tp is not None
            and tp.j not in name_tokens
            and not (tp.j + 1 in name_tokens and not doc.tokens[tp.j].text[:1].islower())
            and not _apposition_follows(doc, tp.j, name_tokens)
            and (
                tp.i == 0
                or (
                    tp.i - 1 not in name_tokens
                    and not (doc.folded[tp.i - 1] == "," and tp.i - 2 in name_tokens)
                    # "met Marat Nurlan, the Deputy Minister of Defence": the name's own post
                    and not (
                        doc.folded[tp.i - 1] == "the"
                        and tp.i > 2
                        and doc.folded[tp.i - 2] == ","
                        and tp.i - 3 in name_tokens
                    )
                )
            )
        ):
            met = _MET.search(doc.text, sents[s].start, doc.tokens[tp.i].start) if sents else None
            # "X held talks with the Chadian president": not X himself
            here = {r.person for r in per_sent[s] if r.kind == "name"} if met else set()
            idx = _nominal_person(doc, tp, i, [r for r in recent if r not in here], here)
            if idx is None and tp.country:
                _lend_country(doc, tp, s, tok_sent, by_start)
            if idx is None and sents and _unnamed_counterpart(doc, tp, sents[s]):
                # "called on the Uzbek Defence Minister": someone met, known only by post
                span = [(doc.tokens[tp.i].start, doc.tokens[tp.j - 1].end)]
                doc.persons.append(
                    Person(None, frozenset(), tp.title, tp.head, tp.country, tp.org, first=tp.i, spans=span)  # type: ignore[arg-type]
                )
                idx = len(doc.persons) - 1
            if idx is not None:
                per_sent[s].append(Ref(tp.i, tp.j, idx, doc.tokens[i].start, "nominal"))
                recent = [r for r in recent if r != idx] + [idx]
            i = tp.j
            continue
        if doc.folded[i] in PRONOUNS and recent and sents:
            per_sent[s].append(Ref(i, i + 1, -1, doc.tokens[i].start, "pronoun"))
        i += 1
    for s, refs in enumerate(per_sent):
        # a pronoun stands for the sentence's first person if one came before it, else the last subject
        for r in refs:
            if r.kind == "pronoun":
                earlier = [x for x in refs if x.kind != "pronoun" and x.i < r.i]
                if doc.folded[r.i] == "him" or (doc.folded[r.i] == "her" and _object_her(doc, r.i)):
                    earlier = []  # "X received him": an object pronoun is not the clause's own subject
                r.person = earlier[0].person if earlier else -1  # left to the caller: the person followed
        named = [r for r in refs if r.person >= 0]
        if named:
            subject[s] = named[0].person
        sent = sents[s]
        if delegation_head is None and _DELEGATION.search(sent.text) and refs and _LED_BY.search(sent.text):
            delegation_head = refs[0].person
    return per_sent, subject, delegation_head
