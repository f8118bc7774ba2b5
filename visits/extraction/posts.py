"""Posts (titles) in a document: "Minister of Foreign Affairs of the Republic of Tajikistan", with the
country or organisation they carry."""

from __future__ import annotations

from .gazetteer import Gazetteer
from .lexicon import HONORIFICS, INSTITUTION, STOPCAPS, TITLE_MODIFIERS
from .mentions import Doc, TitlePhrase

CONNECTORS = frozenset({"of", "for", "the", "and", "under", "on", "'s", "&", "to", "in", "at"})


# Heads whose complement may name the country they are posted to ("Ambassador to Japan", "Envoy in Cuba");
# other posts end before "to"/"in" ("a visit by the army chief to the Republic of Uzbekistan").
_ENVOY_WORDS = frozenset(
    {
        "ambassador",
        "ambassadors",
        "envoy",
        "envoys",
        "representative",
        "commissioner",
        "consul",
        "delegate",
        "adviser",
        "advisor",
        "coordinator",
        "attache",
        "charge",
        "nuncio",
        "secretary",
        "assistant",
        "minister",
    }
)


_STYLE_HEADS = frozenset({"sheikh", "shaikh", "sheikha", "prince", "princess"})


def _starts_post(g: Gazetteer, fd: list[str], k: int) -> bool:
    """Whether a post (modifiers, then a head from the titles list) starts at token k."""
    while k < len(fd) and fd[k] in TITLE_MODIFIERS and not g.match_title(fd, k):
        k += 1
    return k < len(fd) and bool(g.match_title(fd, k))


def _is_plural(g: Gazetteer, head: tuple[str, ...]) -> bool:
    """Whether a post's head is the plural of a listed post ("ministers"), not a head that ends in s
    ("MoS", "chairs" the verb)."""
    last = head[-1]
    if not last.endswith("s") or last == "chairs":
        return False
    for singular in (last[:-1], last[:-2]):
        key = (*head[:-1], singular)
        if key in g.titles.get(key[0], ()):
            return True
    return False


def _titles(doc: Doc, g: Gazetteer) -> None:
    """Find posts: modifiers, a head from the titles list, then an "of/for ..." complement."""
    toks, fd, n = doc.tokens, doc.folded, len(doc.tokens)
    doc.in_title = [False] * n
    i = 0
    while i < n:
        if fd[i] not in TITLE_MODIFIERS and fd[i] not in g.titles:
            i += 1  # neither a modifier nor the first word of a head: no post starts here
            continue
        k = i
        while k < n and fd[k] in TITLE_MODIFIERS and not g.match_title(fd, k):
            k += 1
        # a modifier that is itself a head ("Minister", "State") is tried as a head first
        hl = g.match_title(fd, k) if k < n else 0
        if hl == 1 and k == i and fd[k] in _NAME_STYLES and _inside_name(doc, k):
            hl = 0  # "Hossein Amir Abdollahian", "Mohammed Emir Khan": a style word used as a given name
        if not hl:
            # "Foreign Minister": the modifier run may end in the head word itself
            i += 1
            continue
        j = k + hl
        text_j = 0  # where the post's words end when a style follows it inside the span
        while j < n:  # "Deputy" + "Prime Minister": a head followed by a longer head
            m = j
            while m < n and m < j + 3 and fd[m] in TITLE_MODIFIERS and not g.match_title(fd, m):
                m += 1
            hl2 = g.match_title(fd, m) if m < n else 0
            if not hl2 or (toks[m].cap != toks[k].cap):
                break
            if fd[m] in _STYLE_HEADS and m == j:
                text_j, j = j, m + hl2  # "Qatari Emir Sheikh Tamim": the style is no part of the post
                break
            k, hl, j = m, hl2, m + hl2
        while j < n and not text_j:  # "Deputy Prime Minister and Defense Minister"; "Minister of State for X"
            if fd[j] in ("and", "&") and j + 1 < n:
                m = j + 1
                while m < n and fd[m] in TITLE_MODIFIERS and not g.match_title(fd, m):
                    m += 1
                hl2 = g.match_title(fd, m) if m < n else 0
                if hl2 and toks[m].cap == toks[k].cap:
                    j = m + hl2
                    continue
            envoy = any(w in _ENVOY_WORDS for w in fd[k : k + hl])
            if (fd[j] in ("of", "for", "under") or (fd[j] in ("to", "in") and envoy)) and j + 1 < n:
                m = j + 1
                end = j
                while m < n:
                    f, t = fd[m], doc.tag[m]
                    if t in ("country", "city", "org", "demonym") or (toks[m].cap and f in INSTITUTION):
                        m += 1
                        end = m
                    elif f == "and" and m + 2 < n and fd[m + 1] == "the" and _starts_post(g, fd, m + 2):
                        break  # "the Emir of Kuwait and the Crown Prince of Abu Dhabi": two posts, two people
                    elif f in CONNECTORS and m + 1 < n:
                        m += 1
                    elif toks[m].text == "," and m + 1 < n and toks[m + 1].cap and fd[m + 1] in INSTITUTION:
                        m += 1  # "Minister of Tourism, Industry and Commerce"
                    elif g.match_title(fd, m) and toks[m].cap:
                        after = m + g.match_title(fd, m)
                        if (
                            after < n
                            and toks[after].cap
                            and not doc.tag[after]
                            and fd[after] not in INSTITUTION
                        ):
                            break  # "spokesman for President Kuchma": the inner post is someone else's
                        m = after
                        end = m
                    else:
                        break
                if end > j:
                    j = end
                    continue
            break
        start = i
        while start > 0 and toks[start - 1].cap and fd[start - 1] in INSTITUTION and not doc.tag[start - 1]:
            start -= 1  # "External Affairs Minister": portfolio words before the head belong to the post
        lead = (
            start + 1 if fd[start] in ("new", "newly-appointed", "newly-elected") and start + 1 < j else start
        )
        # "the new Trade Envoy": the post is "Trade Envoy"
        text = doc.text[toks[lead].start : toks[(text_j or j) - 1].end]
        head = tuple(fd[k : k + hl])
        tp = TitlePhrase(start, j, text, head, plural=_is_plural(g, head))
        _title_qualifiers(doc, tp)
        doc.titles.append(tp)
        doc.title_starting[tp.i] = tp
        doc.title_ending[tp.j] = tp
        for m in range(start, j):
            doc.in_title[m] = True
            if not doc.tag[m]:
                doc.tag[m] = "title"
        i = j


_NAME_STYLES = frozenset({"amir", "emir", "sultan", "sheikh", "shaikh", "prince", "khan", "malik", "mirza"})


def _inside_name(doc: Doc, k: int) -> bool:
    """Whether token k sits between two capitalised words of one name (no comma, no place, no post)."""
    toks, n = doc.tokens, len(doc.tokens)
    if k == 0 or k + 1 >= n:
        return False
    a, b = toks[k - 1], toks[k + 1]
    return (
        a.cap
        and b.cap
        and a.end + 1 >= toks[k].start
        and toks[k].end + 1 >= b.start
        and not doc.tag[k - 1]
        and not doc.tag[k + 1]
        and doc.folded[k - 1] not in STOPCAPS
        and doc.folded[k - 1] not in INSTITUTION
        and doc.folded[k - 1] not in HONORIFICS
        and not doc.in_title[k - 1]
    )


_STATE_FORMS = (
    "the republic",
    "republic",
    "the kingdom",
    "the russian",
    "the people's",
    "the islamic",
    "the state",
    "the united",
    "the federal",
)


def _title_qualifiers(doc: Doc, tp: TitlePhrase) -> None:
    """Country and organisation of a post, from its complement ("of Tajikistan") or what precedes it."""
    fd = doc.folded
    seen_to = False
    for k in range(tp.i, tp.j):
        p = doc.place_at.get(k)
        if p is not None:
            # "Ambassador to Japan", "Ambassador in Cuba": the host country, not the official's own
            seen_to = seen_to or (fd[k - 1] if k > 0 else "") in ("to", "in")
            if not seen_to and tp.country is None:
                tp.country = p.code
        org = doc.org_at.get(k)
        if org is not None and tp.org is None:
            tp.org = org.name
    # qualifiers just before the post: "Kazakh", "Azerbaijan's", "ECO", "UN"
    k = tp.i - 1
    if k >= 0 and fd[k] == "'s":
        k -= 1
    if k >= 2 and fd[k] == ")" and fd[k - 2] == "(" and doc.tokens[k - 1].text.isupper():
        k -= 3  # "International Monetary Fund (IMF) Managing Director"
    while k >= 0 and doc.tag[k] in ("country", "demonym", "org", "city"):
        p = doc.place_at.get(k)
        if p is not None and tp.country is None:
            tp.country = p.code
        org = doc.org_at.get(k)
        if org is not None and tp.org is None and org.org_kind == "intergovernmental":
            tp.org = org.name
        k -= 1
        if k >= 0 and fd[k] == "'s":
            k -= 1
    # strip an international body the post heads: "Secretary-General of the Gulf Cooperation Council"
    for k in range(tp.i + 1, tp.j):
        if fd[k] != "of" or tp.org is None:
            continue
        rest = range(k + 1, tp.j)
        if all(doc.tag[m] == "org" or fd[m] == "the" for m in rest) and any(
            doc.tag[m] == "org" for m in rest
        ):
            org = doc.org_at[tp.j - 1]
            if org.org_kind == "intergovernmental":
                tp.title = doc.text[doc.tokens[tp.i].start : doc.tokens[k - 1].end]
                return
    # strip the official's country from the post: "Minister of Foreign Affairs of the Republic of Tajikistan"
    of_positions = [k for k in range(tp.i + 1, tp.j) if fd[k] == "of"]
    for k in of_positions:  # the leftmost "of" that opens a state name
        if not any(doc.tag[m] in ("country", "demonym") for m in range(k + 1, tp.j)):
            continue
        tail = doc.text[doc.tokens[k + 1].start : doc.tokens[tp.j - 1].end].lower()
        if tail.startswith(_STATE_FORMS) or tp.j - (k + 1) <= 2:
            tp.title = doc.text[doc.tokens[tp.i].start : doc.tokens[k - 1].end]
            break
