"""The timeline's side panel offers the outcome filters: whether a visit produced something, and what kind."""

import re

import pytest

from tests.scenario import add_trip_and_outcome, build_scenario
from visits.models import Outcome

pytestmark = pytest.mark.django_db


def _select(html: str, name: str) -> str:
    return re.search(rf'<select id="[^"]+" name="{name}".*?</select>', html, re.S).group(0)


def _selected(select: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)" selected>', select)


def test_the_panel_offers_both_outcome_filters_with_labels_and_every_kind(client):
    html = client.get("/visits/").content.decode()
    has = _select(html, "has_outcome")
    assert re.findall(r'<option value="([^"]*)"', has) == ["", "true", "false"]
    kinds = _select(html, "outcome_kind")
    assert re.findall(r'<option value="([^"]*)"', kinds) == ["", *Outcome.Kind.values]
    assert "Joint statement</option>" in kinds
    assert '<label for="f-has-outcome">Has an outcome</label>' in html
    assert '<label for="f-outcome-kind">Outcome</label>' in html
    assert _selected(has) == _selected(kinds) == []


def test_the_panel_keeps_the_chosen_outcome_filters_and_the_list_follows_them(client):
    scenario = build_scenario()
    add_trip_and_outcome(scenario)  # an outcome ("other") of the Dushanbe visit only
    params = f"official={scenario.guest.slug}"

    html = client.get(f"/visits/?{params}&has_outcome=true&outcome_kind=other").content.decode()
    assert _selected(_select(html, "has_outcome")) == ["true"]
    assert _selected(_select(html, "outcome_kind")) == ["other"]
    assert html.count('<li class="vrow') == 1
    assert 'aria-label="Remove filter Has an outcome: yes"' in html
    assert 'aria-label="Remove filter Outcome: Other"' in html

    none = client.get(f"/visits/?{params}&has_outcome=false").content.decode()
    assert _selected(_select(none, "has_outcome")) == ["false"]
    assert 'aria-label="Remove filter Has an outcome: none recorded"' in none
    assert none.count('<li class="vrow') == 3
    assert (
        client.get(f"/visits/?{params}&outcome_kind=memorandum").content.decode().count('<li class="vrow')
        == 0
    )
