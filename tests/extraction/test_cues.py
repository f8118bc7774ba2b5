"""Cue helpers (visits/extraction/text.py): the guards that speed the cue patterns up match exactly as the
plain patterns, and the word lists that gate them know every word their patterns look for."""

import re

import pytest

from visits.extraction.outcomes import outcomes_in
from visits.extraction.text import Gated, cue, holds_any

SAMPLES = [
    "",
    "Hosting Ruto at State House, Museveni said the talks went well.",
    '"Hosting the summit," he said.',
    "The President met his counterpart; they held talks.",
    "THE PRESIDENT MET HIS COUNTERPART.",
    "Unmet needs, a metre of cloth, helmets.",
    "He spoke with reporters, then went into talks with the delegation.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_cue_matches_where_the_plain_pattern_does(text):
    pattern = r"\bmet\b|\b(?:held|hold) talks\b|^\W*hosting\b|\bwent into\b(?: \w+){0,3}? talks\b"
    plain, guarded = re.compile(pattern, re.I), cue(pattern)
    for pos in range(len(text) + 1):
        a, b = plain.search(text, pos), guarded.search(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_gated_turns_down_only_text_holding_none_of_its_words():
    gated = Gated(re.compile(r"\b(?:summit|heads of state)\b", re.I), "summit|heads of state")
    assert gated.search("The SUMMIT opened.").group() == "SUMMIT"
    assert gated.search("Heads of State met.").group() == "Heads of State"
    assert gated.search("The summitry of it all.") is None  # a word, but no match: the pattern decides
    assert gated.search("Nothing of the kind.") is None
    assert [m.group() for m in gated.finditer("summit, then summit")] == ["summit", "summit"]
    assert gated.match("Summit over") and not gated.match("A summit")


def test_gated_leaves_text_beyond_ascii_to_the_pattern():
    # re.I folds the long s and the Kelvin sign onto s and k; lower() does not: such text skips the words
    gated = Gated(re.compile(r"\bsummit\b", re.I), "summit")
    assert gated.search("the \u017fummit") is not None


def test_holds_any():
    assert holds_any("state visit", ("trip", "visit"))
    assert not holds_any("state visit", ("trip", "tour"))


DOCUMENTS = [
    "memorandum of understanding",
    "memoranda",
    "MoU",
    "MOUs",
    "joint statement",
    "joint communiqué",
    "communique",
    "joint press statement",
    "declaration",
    "political declaration",
    "agreement",
    "accord",
    "treaty",
    "treaties",
    "convention",
    "protocol",
    "framework",
    "deal",
    "cooperation programme",
    "program",
    "road map",
    "roadmap",
    "action plan",
    "plan of action",
    "document",
    "contract",
    "charter",
]


@pytest.mark.parametrize("noun", DOCUMENTS)
def test_every_document_noun_passes_the_outcome_gates(noun):
    # the outcome stage skips sentences without a document word and positions no phrase can start at:
    # each noun the phrase pattern knows must still be found, lower-case or titled
    assert outcomes_in(f"The ministers signed a {noun} on trade.")
    assert outcomes_in(f"The ministers signed the {noun.title()} on Trade.")
