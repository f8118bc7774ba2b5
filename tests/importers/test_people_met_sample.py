"""People met on trips: the remarks parser against two hand-checked samples of 107 HSG records each.

The samples are every 40th <trip> of the travel files in file order, from the 1st (people_met_sample.gold)
and from the 21st (people_met_heldout.gold, written after the parser was tuned on the first). Both are
JSON, not named .json so that `ingest fixtures/` does not read them as records; their gold lists were
written by reading each remark. Run this file directly to print the figures and misses:
    .venv/bin/python -m tests.importers.test_people_met_sample
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from people.names import parse_name
from visits.importers.remarks import meetings_from_text
from visits.importers.rows import PersonRef

SAMPLE = Path(__file__).parent / "fixtures" / "people_met_sample.gold"
# Written after the parser was tuned on SAMPLE, and never used to tune it: the figure to trust.
HELD_OUT = Path(__file__).parent / "fixtures" / "people_met_heldout.gold"
TRAVELLER = PersonRef(name="Traveller", title="Secretary of State", country="US", key="hsg:traveller")


def _key(title: str | None, name: str | None) -> tuple[str, ...]:
    """A person's identity for scoring: the name's words (styles dropped), else the title's."""
    if name:
        return ("name", *parse_name(name).tokens)
    return ("title", *(title or "").casefold().split())


def people_met(record: dict) -> list[tuple[str, ...]]:
    start = datetime.date.fromisoformat(record["start_date"])
    meetings = meetings_from_text(
        record["remarks"], subjects=[TRAVELLER], country=None, city=None, start=start, end=start
    )
    found: list[tuple[str, ...]] = []
    for meeting in meetings:
        for person in meeting.participants:
            key = _key(person.title, person.name)
            if person.key != TRAVELLER.key and key not in found:
                found.append(key)
    return found


def score(path: Path = SAMPLE) -> tuple[float, float, float, list[str]]:
    records = json.loads(path.read_text())["records"]
    tp = fp = fn = 0
    misses: list[str] = []
    for record in records:
        gold = [_key(p["title"], p["name"]) for p in record["people_met"]]
        found = people_met(record)
        hits = [k for k in found if k in gold]
        tp += len(hits)
        fp += len(found) - len(hits)
        fn += len([k for k in gold if k not in found])
        if set(found) != set(gold):
            extra = [" ".join(k[1:]) for k in found if k not in gold]
            missed = [" ".join(k[1:]) for k in gold if k not in found]
            misses.append(f"{record['id']}: extra {extra} missed {missed} | {record['remarks']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, misses


def test_people_met_on_the_hand_checked_sample() -> None:
    precision, recall, f1, misses = score()
    assert f1 >= 0.93, f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}\n" + "\n".join(misses)


def test_people_met_on_the_held_out_sample() -> None:
    precision, recall, f1, misses = score(HELD_OUT)
    assert f1 >= 0.93, f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}\n" + "\n".join(misses)


if __name__ == "__main__":
    import django

    django.setup()
    for path in (SAMPLE, HELD_OUT):
        p, r, f, m = score(path)
        print("\n".join(m))
        print(f"{path.name}: people met precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
