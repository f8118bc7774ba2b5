"""Bodies an article names together with their country and an acronym ("the State Bank of Vietnam (SBV)"),
so that a later "visit to the SBV" has a destination."""

from __future__ import annotations

import re

from .mentions import Doc

# "the State Bank of Vietnam (SBV)": a body named with its country, and the acronym that stands for it
_BODY_DEFINED = re.compile(
    r"(?P<name>(?:(?-i:[A-Z])[\w'.-]*\s+(?:of\s+(?:the\s+)?)?){1,7})\((?P<acr>[A-Z]{2,6})\)"
)
_BODY_AFTER = re.compile(r"\s+(?:to\s+)?(?:the\s+)?(?P<acr>[A-Z]{2,6})\b")


def _body_countries(doc: Doc) -> dict[str, str]:
    """Acronyms the article defines for bodies of one country ("State Bank of Vietnam (SBV)")."""
    if doc.bodies is not None:
        return doc.bodies
    out: dict[str, str] = {}
    for m in _BODY_DEFINED.finditer(doc.text):
        lo, hi = m.start("name"), m.end("name")
        codes = {
            p.code
            for p in doc.places
            if lo <= doc.tokens[p.i].start < hi and p.kind in ("country", "demonym") and p.code
        }
        if len(codes) == 1:
            out[m["acr"]] = codes.pop()
    doc.bodies = out
    return out
