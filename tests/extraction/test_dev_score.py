"""The extractor scored on the annotated dev articles through the project scorer's own functions."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from visits.extraction import extract_file

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    not (EVAL / "score.py").exists(), reason="shared/eval is not checked out next to the repo"
)
def test_dev_set_extraction_f1_is_at_least_080():
    score = _scorer()
    tallies = {k: score.Tally() for k in ("officials", "visits", "meetings")}
    for path in sorted((EVAL / "dev").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))["gold"]
        pred = extract_file(path)
        g_off = [o for o in gold.get("officials", []) if o.get("name")]
        p_off = [o for o in pred["officials"] if o.get("name")]
        tallies["officials"].add(
            len(score.greedy_pairs(g_off, p_off, score.same_official)), len(g_off), len(p_off)
        )
        g_vis, p_vis = gold.get("visits", []), pred["visits"]
        tallies["visits"].add(len(score.greedy_pairs(g_vis, p_vis, score.same_visit)), len(g_vis), len(p_vis))
        g_m = [m for m in gold.get("meetings", []) if score.named(m.get("participants"))]
        p_m = [m for m in pred["meetings"] if score.named(m.get("participants"))]
        tallies["meetings"].add(len(score.greedy_pairs(g_m, p_m, score.same_meeting)), len(g_m), len(p_m))
    f1 = {k: t.prf()[2] for k, t in tallies.items()}
    assert sum(f1.values()) / 3 >= 0.80, f1
