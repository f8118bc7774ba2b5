"""Text plumbing: same-length normalisation, tokens with offsets, sentences, HTML to text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

# Replacements keep the length of the text, so every offset found on the normalised copy is an offset
# into the original text too (the evidence spans the caller stores).
_SAME_LENGTH = {
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "«": '"',
    "»": '"',
    "`": "'",
}

_WORD = re.compile(r"[^\W_]+(?:(?:[-.&]|['](?!s\b))[^\W_]+)*|['][s]\b|[^\w\s]", re.UNICODE)
_ABBREV = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "prof",
        "h.e",
        "u.s",
        "u.k",
        "u.n",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "capt",
        "maj",
        "brig",
        "adm",
        "rev",
        "hon",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "d.c",
    }
)


# Put before a cue pattern every alternative of which starts at a word's first character (or at the text's
# start): the engine then turns every other position down with one test instead of trying each alternative
# there. Long alternations run several times faster and match exactly as before.
WORD_START = r"(?:\b(?=\w)|^)"


def cue(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive cue pattern whose matches all start where `WORD_START` holds."""
    return re.compile(rf"{WORD_START}(?:{pattern})", re.I)


class Gated:
    """A pattern and lower-case words ("a|b|c") one of which each of its matches holds. Text holding none of
    them is turned down with a few substring tests before the engine scans it. The tests read the lower-cased
    text, which is exact for ASCII; other text goes to the pattern (re.I's case folding is wider)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str], words: str) -> None:
        self.pattern = pattern
        self.words = tuple(words.split("|"))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.search(text, pos) if self._may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self._may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self._may_match(text) else iter(())

    def _may_match(self, text: str) -> bool:
        return not text.isascii() or holds_any(text.lower(), self.words)


def holds_any(low: str, words: tuple[str, ...]) -> bool:
    """Whether lower-cased text holds one of the words."""
    for word in words:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
        if word in low:
            return True
    return False


def normalise(text: str) -> str:
    """Map typographic quotes and dashes to ASCII without changing the length."""
    # one str.replace per character present: several times faster than translate's lookup per character
    for typographic, plain in _SAME_LENGTH.items():
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


@dataclass(slots=True)
class Token:
    """A word or punctuation mark with its offsets in the text."""

    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def word_tokens(text: str) -> list[str]:
    """Plain token strings (used for gazetteer keys)."""
    return [t.text for t in tokenize(text)]


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split into words and punctuation; abbreviations and initials keep their full stop."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        word = m.group()
        s, e = m.span()
        if word == "." and out and out[-1].end == s + offset:
            prev = out[-1]
            low = prev.text.lower()
            if low in _ABBREV or (len(prev.text) == 1 and prev.text.isupper()) or "." in prev.text:
                prev.text += "."
                prev.end += 1
                continue
        glued = _GLUED.search(word) if "-" in word else None
        if glued and word[: glued.start()].rsplit("-", 1)[-1].lower() not in _TITLE_PREFIXES:
            # "Asharq Al-Awsat-Sheikh Tamim": a style glued to the word before it by a dash
            cut = glued.start()
            out.append(Token(word[:cut], s + offset, s + cut + offset))
            out.append(Token("-", s + cut + offset, s + cut + 1 + offset))
            out.append(Token(word[cut + 1 :], s + cut + 1 + offset, e + offset))
            continue
        out.append(Token(word, s + offset, e + offset))
    return out


# A dash then a capitalised style or post that starts a name: split there (not "Vice-President").
_TITLE_PREFIXES = frozenset(
    {"vice", "deputy", "ex", "co", "former", "acting", "under", "sub", "crown", "then"}
)
_GLUED = re.compile(
    r"(?<=\w)-(?=(?:Sheikh|Shaikh|Sheikha|President|Prime|Minister|King|Emir|Prince|Sultan|Dr|Mr)\b)"
)


@dataclass(slots=True)
class Sentence:
    """A sentence with its offsets and the index of the paragraph it sits in."""

    start: int
    end: int
    text: str
    paragraph: int


# A full stop, ?, or ! (plus closing quotes) then space and a capital, digit or quote; or a full stop glued
# between two words ("ties.According"), which careless copy produces. The match takes the stop itself (the
# sentence ends after it): starting with a plain character lets the engine jump from stop to stop.
_BOUNDARY = re.compile(r"""[.!?](?:["')\]]*\s+(?=["'(\[]?[A-Z0-9À-Þ])|(?<=[a-z]{2}\.)(?=[A-Z][a-z]))""")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_LINE = re.compile(r"[^\n]+")
_NEXT_WORD = re.compile(r"[\"'(\[]?(\w+)")


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences, never across paragraphs (blank lines or single newlines)."""
    out: list[Sentence] = []
    para = 0
    for pm in _LINE.finditer(text):
        block_start = pm.start()
        block = pm.group()
        if not block.strip():
            continue
        cut = 0
        for bm in _BOUNDARY.finditer(block):
            stop = bm.start() + 1
            piece = block[cut:stop]
            nxt = _NEXT_WORD.match(block, bm.end())
            if _is_abbreviation(piece.rstrip(), nxt.group(1) if nxt else ""):
                continue  # "Mr. Smith", "Feb. 15": not a sentence end
            if piece.strip():
                out.append(_sentence(text, block_start + cut, block_start + stop, para))
            cut = bm.end()
        if block[cut:].strip():
            out.append(_sentence(text, block_start + cut, block_start + len(block), para))
        para += 1
    return out


_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "He",
        "She",
        "They",
        "It",
        "This",
        "That",
        "But",
        "And",
        "According",
        "Meanwhile",
        "We",
        "I",
        "Its",
        "Their",
        "His",
        "Her",
    ]
)


def _is_abbreviation(piece: str, next_word: str = "") -> bool:
    m = _LAST_WORD.search(piece[-40:])  # only the tail: a search over a long piece would be quadratic
    if not m:
        return False
    word = m.group(1)
    if (
        word.lower() in ("u.s", "u.k", "u.n", "e.u")
        and next_word[:1].isupper()
        and next_word not in _STARTERS
    ):
        return True  # "U.S. Ambassador": the country as a modifier, not the end of a sentence
    if (
        re.fullmatch(r"[A-Z]\.[A-Z]", word)
        and word.lower() not in ("u.s", "u.k", "u.n", "e.u")
        and (next_word[:1].isupper() and next_word not in _STARTERS)
    ):
        return True  # "Mr J.A. Kufuor": a person's initials, not the end of a sentence
    return word.lower() in _ABBREV - {"u.s", "u.k", "u.n", "no", "co"} or (len(word) == 1 and word.isupper())


def _sentence(text: str, start: int, end: int, para: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], para)


class VisibleText(HTMLParser):
    """Collects visible text (scripts, styles and other non-content elements skipped) and the page's
    title, <meta> values and canonical link, which importers read for an article's url, outlet and date."""

    SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "nav", "footer"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "blockquote",
            "header",
            "ul",
            "ol",
            "table",
            "figcaption",
            "title",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip_depth = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "meta" or tag == "link":
            values = {k: v or "" for k, v in attrs}
            if tag == "link" and values.get("rel", "").lower() == "canonical":
                self.meta.setdefault("canonical", values.get("href", ""))
            key = (values.get("property") or values.get("name") or "").lower()
            if tag == "meta" and key and "content" in values:
                self.meta.setdefault(key, values["content"])
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, paragraphs separated by blank lines, entities unescaped."""
    parser = VisibleText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient, but a broken page must still give its text
        return html.unescape(re.sub(r"<[^>]+>", " ", markup))
    raw = html.unescape("".join(parser.parts))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in raw.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
