"""The shipped gazetteer build is what the builder produces from the current sources."""

from __future__ import annotations

import json

from visits.extraction import gazetteer as gz


def test_shipped_gazetteer_matches_the_builder():
    shipped = json.loads(gz.BUILT.read_text(encoding="utf-8"))
    built = json.loads(json.dumps(gz.to_json(gz.build()), ensure_ascii=False))
    assert shipped["sources"] == gz.sources_digest(), "run: python -m visits.extraction.gazetteer"
    assert shipped == built, "data/gazetteer.json is stale: run python -m visits.extraction.gazetteer"


def test_loaded_gazetteer_answers_like_the_built_one():
    loaded, built = gz.from_json(json.loads(gz.BUILT.read_text(encoding="utf-8"))), gz.build()
    for words in (["paris"], ["united", "arab", "emirates"], ["kazakh"], ["united", "nations"]):
        assert loaded.match(words, 0) == built.match(words, 0)
    assert loaded.match_title(["prime", "minister"], 0) == built.match_title(["prime", "minister"], 0) == 2
    assert loaded.capital == built.capital


def test_stale_sources_fall_back_to_building(monkeypatch):
    monkeypatch.setattr(gz, "sources_digest", lambda: "not-the-shipped-digest")
    gz.gazetteer.cache_clear()
    try:
        g = gz.gazetteer()
        assert g.match(["paris"], 0) is not None
    finally:
        gz.gazetteer.cache_clear()
