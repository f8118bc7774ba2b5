"""Outcomes (visits/extraction/outcomes.py): what a visit produced, only when it was signed or adopted."""

import datetime
import json
from pathlib import Path

import pytest

from visits.extraction.dates import parse_published
from visits.extraction.outcomes import outcomes_in

GOLD = Path(__file__).with_name("fixtures") / "outcomes_gold.json"
DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"
# Measured on the annotated dev articles (tuned on them: these are development numbers, not held out).
PRECISION_FLOOR = 1.0
RECALL_FLOOR = 1.0


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(o["kind"], o["title"]) for o in outcomes_in(text)]


def test_a_signed_memorandum_is_an_outcome_with_its_sentence_as_evidence():
    text = (
        "Minister Aliyev met his counterpart in Dushanbe. The sides signed a memorandum of understanding on "
        "cooperation in the field of justice."
    )
    [outcome] = outcomes_in(text)
    assert outcome["kind"] == "memorandum"
    assert outcome["title"] == "memorandum of understanding on cooperation in the field of justice"
    start, end = outcome["evidence"]
    assert text[start:end].startswith("The sides signed")


def test_kinds_titles_and_parties():
    assert _kinds("The leaders adopted a joint declaration on strategic partnership.") == [
        ("declaration", "joint declaration on strategic partnership")
    ]
    assert _kinds("A joint statement was issued at the end of the talks.") == [
        ("joint_statement", "joint statement")
    ]
    [quoted] = outcomes_in('They put their names to the "Australia-Japan Joint Statement on Terrorism".')
    assert (quoted["kind"], quoted["parties"]) == ("joint_statement", ["AU", "JP"])
    [between] = outcomes_in("The presidents signed an agreement between Azerbaijan and Tajikistan on visas.")
    assert between["title"] == "agreement between Azerbaijan and Tajikistan on visas"
    assert between["parties"] == ["AZ", "TJ"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Met with President Kuchma and signed nuclear cooperation agreement.",
            "nuclear cooperation agreement",
        ),
        ("Signed Treaty of Friendship and Cooperation.", "Treaty of Friendship"),
        ("Exchanged instruments of ratification of the Mutual Defense Treaty.", "Mutual Defense Treaty"),
        ("Signed a Memorandum of Understanding on U.S.-Russian Cooperation.", "Memorandum of Understanding"),
    ],
)
def test_travel_remarks_style_titles(text, expected):
    [outcome] = outcomes_in(text)
    assert outcome["title"].startswith(expected)


def test_a_stated_date_is_resolved_against_the_publication_date():
    [outcome] = outcomes_in(
        "On 12 May the ministers signed a protocol on consular matters.", datetime.date(2024, 5, 14)
    )
    assert (outcome["kind"], outcome["date"]) == ("agreement", "2024-05-12")


@pytest.mark.parametrize(
    "text",
    [
        "The two Heads of State are also set to sign several memoranda of understanding.",
        "Around eight MOU are to be signed in the course of the State visit.",
        "They recalled that a Memorandum of Understanding had been signed on August 24.",
        "The documents to be signed and the agreements will give fresh momentum to our relations.",
        "He had been set to put his signature to a 'Green Framework' agreement with Denmark.",
        "They discussed how the agreements reached earlier are being put into practice.",
        "The ministers did not sign the agreement on fisheries.",
        "Prosecutor General Kamran Aliyev arrived in Dushanbe on a working visit.",
    ],
)
def test_plans_past_documents_and_failures_are_not_outcomes(text):
    assert outcomes_in(text) == []


def test_one_document_mentioned_twice_is_one_outcome():
    text = (
        "The talks ended with the signing of a joint communique. Putin recalled the joint communique signed "
        "following the visit."
    )
    assert _kinds(text) == [("joint_statement", "joint communique")]


def score(gold: dict, articles: dict[str, dict]) -> tuple[float, float, list[str]]:
    """Precision and recall over the annotated files; a match needs the kind and a quote in the evidence."""
    tp = fp = fn = 0
    misses: list[str] = []
    for name in gold["files"]:
        article = articles[name]
        text = article["text"]
        found = outcomes_in(text, parse_published(article.get("published")))
        expected = list(gold["outcomes"].get(name, []))
        for outcome in found:
            sentence = text[outcome["evidence"][0] : outcome["evidence"][1]]
            match = next(
                (
                    g
                    for g in expected
                    if g["kind"] == outcome["kind"] and any(q in sentence for q in g["quotes"])
                ),
                None,
            )
            if match:
                tp += 1
                expected.remove(match)
            else:
                fp += 1
                misses.append(f"{name}: extra {outcome['kind']} {outcome['title']!r}")
        fn += len(expected)
        misses += [f"{name}: missed {g['kind']} {g['title']!r}" for g in expected]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, misses


@pytest.mark.skipif(not DEV.exists(), reason="shared/eval is not checked out next to the repo")
def test_precision_and_recall_on_the_annotated_dev_articles():
    gold = json.loads(GOLD.read_text())
    assert not any(n[0] in "cd" and int(n[1:3]) % 2 for n in gold["files"]), "odd c/d are held out"
    assert not any(n.startswith("q") for n in gold["files"]), "q* are held out"
    articles = {n: json.loads((DEV / f"{n}.json").read_text()) for n in gold["files"]}
    precision, recall, misses = score(gold, articles)
    print(f"outcomes: precision {precision:.3f}, recall {recall:.3f} over {len(gold['files'])} articles")
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, misses


@pytest.mark.skipif(not DEV.exists(), reason="shared/eval is not checked out next to the repo")
def test_the_seed_article_has_no_outcome():
    article = json.loads((DEV / "s00.json").read_text())
    assert outcomes_in(article["text"]) == []
