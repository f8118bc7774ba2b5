"""Mentions in a document: places, organisations, posts (titles) and the people who hold them."""

from __future__ import annotations

from .gazetteer import Gazetteer, fold
from .lexicon import FACILITY_NOUNS, HONORIFICS, INSTITUTION, PARTICLES, POSTNOMINALS, STOPCAPS
from .mentions import Doc, Mention, Person, Place, TitlePhrase
from .merge import _STYLES, _attach, _merge, _singular_title
from .text import Token

__all__ = ["Doc", "Mention", "Person", "Place", "TitlePhrase"]
# Words before a capitalised run that make it a person even without a post next to it.
PERSON_CONTEXT = frozenset(
    {
        "met",
        "with",
        "by",
        "between",
        "received",
        "welcomed",
        "hosted",
        "including",
        "respectively",
        "invited",
        "told",
        "congratulated",
        "thanked",
        "greeted",
        "visited",
        "meets",
        "receives",
        "welcomes",
        "hosts",
        "as",
        "among",
        "like",
        "ask",
        "asked",
    }
)
SPEECH_VERBS = frozenset(
    {
        "said",
        "says",
        "stressed",
        "noted",
        "added",
        "told",
        "met",
        "held",
        "arrived",
        "visited",
        "underscored",
        "underlined",
        "emphasised",
        "emphasized",
        "praised",
        "expressed",
        "invited",
        "thanked",
        "welcomed",
        "received",
        "hosted",
        "discussed",
        "paid",
        "left",
        "attended",
        "led",
        "leads",
        "heads",
        "headed",
        "will",
        "is",
        "was",
        "has",
        "had",
        "who",
        "called",
        "spoke",
        "voiced",
        "agreed",
        "landed",
        "flew",
        "departed",
        "came",
        "wrote",
        "tweeted",
        "announced",
        "explained",
        "highlighted",
        "commended",
        "recalled",
    }
)


# Styles that also occur inside a person's name ("Hassan Sheikh Mahmoud", "Sayed Ali Shah").
_INNER_STYLES = frozenset({"sheikh", "shaikh", "sayed", "sayyid", "haji"})

_PREFIXES = (
    "inter-",
    "pan-",
    "trans-",
    "anti-",
    "pro-",
    "non-",
    "post-",
    "pre-",
    "sino-",
    "indo-",
    "afro-",
    "euro-",
)


def _name_token(tok: Token, f: str, tag: str) -> bool:
    t = tok.text
    if not t[:1].isupper() or tag or f in STOPCAPS or f in INSTITUTION or f in HONORIFICS:
        return False
    if len(t) >= 4 and t.isupper() and ("." not in t or sum(c.isalpha() for c in t) > 2):
        return False  # datelines and agency names: "ASTANA", "KAZINFORM" (initials "J.A." are a name's)
    if t in POSTNOMINALS:
        return False  # "Mark Binskin AC", "John Smith MP", "(retd)"
    if f.startswith(_PREFIXES):
        return False  # "Inter-American", "Pan-African", "Sino-Russian": adjectives, not names
    if len(t) > 2 and t[-1].isupper() and t[-2].islower():
        return False  # social-media handles glued to an initial: "MaithripalaS"
    return t[:1].isalpha() and not any(c.isdigit() for c in t)


def _tag(doc: Doc, g: Gazetteer) -> None:
    n = len(doc.tokens)
    doc.tag = [""] * n
    i = 0
    while i < n:
        hit = g.match(doc.folded, i) if doc.tokens[i].text[:1].isupper() else None
        if (
            hit
            and hit[0] == 1
            and hit[1].kind == "org"
            and hit[1].code
            and doc.folded[i] == hit[1].code.lower()
            and not doc.tokens[i].text.isupper()
        ):
            hit = None  # "Kim Jong Un", "Who": an acronym is written in capitals
        if (
            hit
            and hit[1].kind == "org"
            and i > 0
            and doc.tokens[i - 1].text[:1].isupper()
            and not doc.tokens[i - 1].text.isupper()
            and doc.folded[i - 1] not in STOPCAPS
            and doc.tokens[i].start - doc.tokens[i - 1].end <= 1
        ):
            hit = None  # "Supreme National Security Council": a longer name, not the UN's council
        if hit:
            length, entry = hit
            if entry.kind == "org":
                doc.orgs.append((i, i + length, entry))
            else:
                doc.places.append(Place(i, i + length, entry.kind, entry.code or "", entry.name))
            if (
                entry.kind == "city"
                and i > 0
                and len(doc.tokens[i - 1].text) == 2
                and doc.tokens[i - 1].text[1] == "."
            ):
                doc.places.pop()  # "John F. Kennedy International Airport": a name, not the city
                i += length
                continue
            for k in range(i, i + length):
                doc.tag[k] = entry.kind
                if entry.kind == "org":
                    doc.org_at[k] = entry
                else:
                    doc.place_at[k] = doc.places[-1]
            i += length
        else:
            i += 1


def _name_runs(doc: Doc) -> list[tuple[int, int]]:
    toks, fd, tags, n = doc.tokens, doc.folded, doc.tag, len(doc.tokens)
    # whether each token can be a name's word, computed once: the rules below ask it of the same tokens
    # several times
    caps = [t.text[:1].isupper() for t in toks]
    name_word = [c and _name_token(t, f, tag) for c, t, f, tag in zip(caps, toks, fd, tags, strict=True)]
    runs: list[tuple[int, int]] = []
    i = 0
    # every way a run can start needs a capital or a city's name: only those tokens are tried
    for k in [k for k in range(n) if caps[k] or tags[k] == "city"]:
        if k < i:
            continue  # inside the run before
        i = k
        starts_with_city = (
            tags[i] == "city"
            and i + 1 < n
            and toks[i + 1].start - toks[i].end <= 1
            and (name_word[i + 1] or (fd[i + 1] in _INNER_STYLES and i + 2 < n and name_word[i + 2]))
            and (i == 0 or fd[i - 1] != "in")
        ) or (
            tags[i] == "city"  # "President Hassan": a city's name right after a post is the holder's name
            and i in doc.title_ending
            and not doc.title_ending[i].country
            and doc.place_at[i].j == i + 1
        )
        # "President To Lam": a short function word that is capitalised right after a post starts a name
        after_post = (
            i in doc.title_ending
            and (fd[i] in STOPCAPS or toks[i].text == "He")  # "Vice Premier He Lifeng"
            and len(fd[i]) <= 3
            and toks[i].text[:1].isupper()
            and i + 1 < n
            and toks[i + 1].start - toks[i].end <= 1
            and name_word[i + 1]
        )
        # "Mr. KISHIDA Fumio": a surname in capitals after a style or post, before a given name
        caps_surname = (
            _caps_word(toks[i].text, tags[i])
            and i > 0
            and (fd[i - 1] in HONORIFICS or i in doc.title_ending)
            and i + 1 < n
            and name_word[i + 1]
            and not toks[i + 1].text.isupper()
        )
        malay_style = fd[i] == "yang" and i + 1 < n and fd[i + 1] in HONORIFICS  # "Yang Amat Berhormat"
        if (
            not (name_word[i] or starts_with_city or after_post or caps_surname)
            or _opening_ing(doc, i)
            or malay_style
        ):
            continue
        j = i + 1
        while j < n:
            if name_word[j] and toks[j].start - toks[j - 1].end <= 1:
                j += 1
            elif toks[j].text == "He" and toks[j].start - toks[j - 1].end == 1 and toks[j - 1].cap:
                j += 1  # "Liu He": a capitalised "He" inside a run is a Chinese name, not the pronoun
            elif (
                toks[j].text in ("Jun", "May", "Mar", "Jan")
                and toks[j].start - toks[j - 1].end == 1
                and toks[j - 1].cap
                and (j + 1 >= n or not doc.folded[j + 1][:1].isdigit())
            ):
                j += 1  # "Li Jun", "Theresa May": a month's name that ends a name, with no day after it
            elif (
                _caps_word(toks[j].text, tags[j])
                and toks[j].start - toks[j - 1].end <= 1
                and not toks[j - 1].text.isupper()
                and (j + 1 >= n or not toks[j + 1].text[:1].isalpha() or toks[j + 1].text[:1].islower())
            ):
                j += 1  # "Fumio KISHIDA": a surname in capitals after a given name
            elif (
                tags[j] in ("city", "country")
                and toks[j].start - toks[j - 1].end <= 1
                and (j + 1 >= n or (fd[j + 1] not in ("'s", ",") and not toks[j + 1].cap))
                and (tags[j] == "city" or _title_before(doc, i) is not None)
            ) or (
                tags[j] == "city"  # "Abdulrahman Bello Dambazau": a city's name between two name words
                and toks[j].start - toks[j - 1].end <= 1
                and j + 1 < n
                and toks[j + 1].start - toks[j].end <= 1
                and name_word[j + 1]
            ):
                j += 1  # "Vladimir Putin", "Caroline Kennedy", "Secretary-General Patricia Scotland"
            elif fd[j] in PARTICLES and j + 1 < n and name_word[j + 1]:
                j += 2
            elif (
                fd[j] in _INNER_STYLES
                and j + 1 < n
                and toks[j].start - toks[j - 1].end <= 1
                and toks[j + 1].start - toks[j].end <= 1
                and name_word[j + 1]
                and (j + 2 >= n or not doc.title_starting.get(j + 1))
            ):
                j += 2  # "Hassan Sheikh Mahmoud": a style inside a name
            elif fd[j].startswith(("al-", "el-")) and toks[j].start - toks[j - 1].end <= 1:
                j += 1
            elif toks[j].text == "-" and j + 1 < n and toks[j + 1].start == toks[j].end and name_word[j + 1]:
                j += 2  # "Akufo -Addo"
            elif len(toks[j].text) == 2 and toks[j].text.endswith(".") and toks[j].text[0].isupper():
                j += 1  # middle initial "Antony J. Blinken"
            else:
                break
        runs.append((i, min(j, i + 8)))  # "Tamim Bin Hamad Bin Khalifa Al Thani"
        i = j
    return runs


def _caps_word(t: str, tag: str) -> bool:
    """An all-capitals word that may be a surname ("KISHIDA"), not an acronym or a post-nominal."""
    return len(t) >= 3 and t.isalpha() and t.isupper() and not tag and t not in POSTNOMINALS


def _opening_ing(doc: Doc, i: int) -> bool:
    """ "Hosting Ruto, Museveni said ...": a capitalised -ing word that opens a sentence is not a name."""
    t = doc.tokens[i].text
    if len(t) < 6 or not t.endswith("ing"):
        return False
    return (
        i == 0
        or doc.tokens[i - 1].text in (".", '"', "'", ":", "-")
        or "\n" in doc.text[doc.tokens[i - 1].end : doc.tokens[i].start]
    )


def _title_before(doc: Doc, i: int) -> TitlePhrase | None:
    if (
        i >= 3
        and doc.tokens[i - 1].text == ")"
        and doc.tokens[i - 3].text == "("
        and (doc.tag[i - 2] or doc.tokens[i - 2].text.isupper())
    ):
        i -= 3  # "Secretary-General of the Organization of Islamic Cooperation (OIC) Hissein Taha"
    if i in doc.title_ending:
        return doc.title_ending[i]  # "Emir of Qatar Sheikh Tamim": an honorific swallowed by the post
    k = i - 1
    while k >= 0 and (
        doc.folded[k] in HONORIFICS
        or doc.tokens[k].text in (",",)
        or (doc.folded[k] == "the" and k + 1 < i and doc.folded[k + 1] in HONORIFICS)  # "Senator the Hon"
        or (doc.tokens[k].text in ("(", ")") or doc.tokens[k].text in POSTNOMINALS)  # "Maj. Gen. (Rtd)"
    ):
        if doc.tokens[k].text == "," and not (k + 1 < i and doc.folded[k + 1] in HONORIFICS):
            break
        k -= 1
    tp = doc.title_ending.get(k + 1)
    if tp is not None:
        return tp
    if k >= 0 and doc.tokens[k].text == ",":
        tp = doc.title_ending.get(k)
        # the post must not already belong to a name before it ("X, Minister of Y, Z ...")
        if tp is not None and (tp.i == 0 or doc.tokens[tp.i - 1].text not in (",", "(")):
            return tp
        k2 = k - 1  # "the Minister of State, Aviation, Hadi Sirika": a portfolio set off by commas
        while k2 >= 0 and doc.tokens[k2].cap and doc.folded[k2] in INSTITUTION:
            k2 -= 1
        if k2 < k - 1 and k2 >= 0 and doc.tokens[k2].text == ",":
            tp = doc.title_ending.get(k2)
            if tp is not None and (tp.i == 0 or doc.tokens[tp.i - 1].text not in (",", "(")):
                return tp
    return None


def _title_after(doc: Doc, j: int) -> TitlePhrase | None:
    fd, n = doc.folded, len(doc.tokens)
    if j + 2 < n and fd[j] == "from" and doc.tag[j + 1] == "country":
        j += 2  # "Kao Kim Hourn from Cambodia, the new ASEAN Secretary General"
    while j < n and doc.tokens[j].text in POSTNOMINALS:
        j += 1  # "Greg Clark MP, ..."
    if j >= n or doc.tokens[j].text not in (",", "(", "as"):
        return None
    k = j + 1
    while k < n and fd[k] in (
        "the",
        "a",
        "an",
        "who",
        "is",
        "now",
        "currently",
        "also",
        "as",
        "then",
        "his",
        "her",
    ):
        k += 1
    m = k
    while m < n and (doc.tag[m] in ("country", "demonym", "org", "city") or fd[m] == "'s"):
        m += 1
        if m + 2 < n and fd[m] == "(" and fd[m + 2] == ")" and doc.tokens[m + 1].text.isupper():
            m += 3  # "the European Union (EU)'s High Representative"
    if m < n and "\n" in doc.text[doc.tokens[j].end : doc.tokens[m].start]:
        return None  # a byline "Name, City" then the story: the post is in the next paragraph
    for tp in (doc.title_starting.get(k), doc.title_starting.get(m)):
        if tp is not None:
            if tp.j < n and _name_token(doc.tokens[tp.j], fd[tp.j], doc.tag[tp.j]):
                return None  # "..., Chinese President Xi Jinping": the post is the next person's
            return tp
    return None


_NOT_OFFICIAL_STYLES = frozenset({"he", "his", "mrs", "mrs.", "lady", "madam", "dame", "madame", "mme"})


def _respectively_after(doc: Doc, j: int) -> bool:
    """Whether a list of capitalised names that ends in "respectively" follows token j."""
    fd, toks, n = doc.folded, doc.tokens, len(doc.folded)
    for k in range(j, min(n, j + 24)):
        if fd[k] == "respectively":
            return True
        if not (toks[k].cap or fd[k] in (",", "and", "-", ".") or fd[k] in PARTICLES) or fd[k] == ".":
            return False
    return False


def _of_country(doc: Doc, j: int) -> str | None:
    """The country of "NAME of Togo;" / "NAME of the Philippines and ...": "of" and a country that ends the
    phrase (punctuation, "and" or the end follows)."""
    fd, n = doc.folded, len(doc.folded)
    if j + 1 >= n or fd[j] != "of":
        return None
    k = j + 2 if fd[j + 1] == "the" and j + 2 < n else j + 1
    place = doc.place_at.get(k)
    if place is None or place.kind != "country" or place.i != k:
        return None
    if place.j < n and not doc.tokens[place.j].text[:1].islower() and fd[place.j] not in _OF_END:
        return None  # "Bank of China Ltd": a longer proper name goes on
    return place.code


def _facility(word: str) -> bool:
    return word in FACILITY_NOUNS or (
        word.endswith("s") and (word[:-1] in FACILITY_NOUNS or word[:-2] in FACILITY_NOUNS)
    )


def _facility_follows(doc: Doc, j: int) -> bool:
    """Whether a facility or programme noun ends the list a capitalised run belongs to: "Bai Dinh pagoda",
    "the Nurly Zhol, Nurly Zher and Densaulyk programmes", "the Wat Phou and Vat Sisaket temples"."""
    n = len(doc.tokens)
    k = j
    while k < n and k < j + 15 and (doc.tokens[k].cap or doc.folded[k] in (",", "and", "&")):
        k += 1
    return k < n and _facility(doc.folded[k])


_OF_END = frozenset({",", ";", ".", ")", "-", "--", "'s", "(", ":"})


def _persons(doc: Doc) -> None:
    toks, fd = doc.tokens, doc.folded
    prev_person_end = -10
    list_title: TitlePhrase | None = None
    rejected: dict[int, tuple[int, int]] = {}
    respectively = "respectively" in doc.text
    doc.runs = _name_runs(doc)
    for i, j in doc.runs:
        name = doc.text[toks[i].start : toks[j - 1].end]
        before, after = _title_before(doc, i), _title_after(doc, j)
        prev = fd[i - 1] if i > 0 else ""
        nxt = fd[j] if j < len(fd) else ""
        keys = frozenset(fold(w) for w in name.split())
        known = any(keys <= p.keys for p in doc.persons)
        nxt_word = j < len(fd) and toks[j].text[:1].islower() and nxt not in SPEECH_VERBS
        in_list = prev in (",", "and", ";") and prev_person_end in (i - 1, i - 2) and not nxt_word
        of_country = _of_country(doc, j) if j - i >= 2 else None  # "Faure Gnassingbe of Togo;"
        if (
            of_country is None
            and j - i >= 2
            and i >= 2
            and fd[i - 1] == "'s"
            and doc.tag[i - 2] == "country"
            and (j >= len(fd) or not toks[j].cap)  # not "the UK's Future Combat Air System"
        ):
            place = doc.place_at.get(i - 2)  # "North Korea's Kim Jong Un"
            of_country = place.code if place is not None else None
        in_list = in_list or (respectively and j - i >= 2 and _respectively_after(doc, j))
        after_plural = prev in ("-", ":") and i >= 2 and doc.tag[i - 2] == "title"
        context = (
            prev in PERSON_CONTEXT
            or nxt in SPEECH_VERBS
            or after_plural
            or (prev == "of" and i >= 2 and fd[i - 2] in ("invitation", "behalf", "leadership"))
        )
        multi = j - i >= 2
        adverb = j - i == 1 and fd[i].endswith("ly") and prev in ("", ".", '"')
        if before and nxt_word and i > 0 and toks[i - 1].text == ",":
            before = None  # "..., the ECO Member States, Azernews reports": a source, not a person
        joined = prev == "and" and i - 2 in rejected  # "Sergey Lavrov and Jeyhun Bayramov, the ..."
        # "Mr Muhammad Adam", "Alhaji Lai Mohammed", "Maj. Gen. (Rtd) X" (not spouses' styles: "Mrs", "Lady");
        # "Greg Clark MP": letters after a name
        styled = multi and (
            (j < len(toks) and toks[j].text in POSTNOMINALS and toks[j].text.isupper())
            or (prev in HONORIFICS and prev not in _NOT_OFFICIAL_STYLES)
            or (prev == ")" and i >= 2 and toks[i - 2].text in POSTNOMINALS)
        )
        if (
            j < len(fd)
            and (fd[j] in ("international", "memorial") or _facility_follows(doc, j))
            and not (before or after)
        ):
            continue  # "Bai Dinh pagoda", "John F. Kennedy International Airport": a place or a programme
        if prev == "(" and nxt == ")" and all(toks[k].text.isupper() for k in range(i, j)):
            continue  # "(SVR)", "(GDF)": an acronym in brackets
        if adverb or not (
            before
            or after
            or known
            or in_list
            or joined
            or of_country
            or styled
            or (multi and context)
            or j - i >= 3
        ):
            if multi:
                rejected[j - 1] = (i, j)
            continue
        if joined:
            ri, rj = rejected.pop(i - 2)
            pidx = _merge(doc, doc.text[toks[ri].start : toks[rj - 1].end], ri, rj)
            doc.mentions.append(Mention(ri, rj, pidx))
            doc.persons[pidx].spans.append((toks[ri].start, toks[rj - 1].end))
        idx = _merge(doc, name, i, j, before)
        person = doc.persons[idx]
        _attach(person, before)
        if before is not None and before.i >= 2 and doc.tokens[before.i - 1].text == ",":
            outer = doc.title_ending.get(before.i - 1)  # "the Australian Minister of Defence, Senator X"
            if outer is not None and outer.country and person.country is None and not person.org_head:
                person.country = outer.country
                if person.head in (("senator",), ("general",), ("colonel",), ("admiral",)):
                    person.title, person.head = outer.title, outer.head
        if before is not None and before.head in _STYLES:
            k = before.i
            if k >= 3 and doc.tokens[k - 1].text == ")" and doc.tokens[k - 3].text == "(":
                k -= 3  # "Chief of Army Staff (COAS) General X": the post before the rank
            _attach(person, doc.title_ending.get(k))
        _attach(person, after)
        if before and before.plural:
            list_title = before
        elif in_list and list_title and not before and not after:
            _attach(person, list_title)
            if person.title == list_title.title and list_title.plural:
                person.title = _singular_title(list_title.title)  # "Ministers A, B and C": each a "Minister"
        elif not in_list:
            list_title = None
        if prev == "from" or (i >= 2 and fd[i - 2] == "from"):
            pass
        if of_country and person.country is None and not person.org_head:
            person.country = of_country
        doc.mentions.append(Mention(i, j, idx))
        person.spans.append((toks[i].start, toks[j - 1].end))
        prev_person_end = j + (2 if of_country else 0)
    # countries of officials introduced as "X from Cambodia": only if nothing else gave one
    for m in doc.mentions:
        p = doc.persons[m.person]
        if p.country is None and not p.org_head and m.j + 1 < len(fd) and fd[m.j] == "from":
            place = doc.place_at.get(m.j + 1)
            if place:
                p.country = place.code
