"""outcomes_write: an article's outcomes on its visits and meetings, idempotent, editors' changes kept."""

import pytest
from django.urls import reverse

from tests.scenario import ARTICLE, build_scenario
from visits.extraction.outcomes import outcomes_in
from visits.models import Outcome
from visits.services.outcomes import outcomes_write

pytestmark = pytest.mark.django_db


def test_outcomes_go_to_the_visit_and_a_second_write_changes_nothing():
    scenario = build_scenario()
    found = outcomes_in(ARTICLE)
    assert outcomes_write(source=scenario.source, outcomes=found) == 1
    outcome = Outcome.objects.get()
    assert (outcome.visit, outcome.kind, outcome.title) == (scenario.visit, "other", "cooperation programme")
    assert outcome.excerpts() == ["The sides signed a cooperation programme."]
    stamp = outcome.updated_at
    outcomes_write(source=scenario.source, outcomes=found)
    assert Outcome.objects.get().updated_at == stamp


def test_an_outcome_inside_a_meetings_sentences_goes_to_the_meeting():
    scenario = build_scenario()
    start = ARTICLE.index("He met")
    item = {"kind": "memorandum", "title": "memorandum on legal assistance", "evidence": [start, start + 20]}
    outcomes_write(source=scenario.source, outcomes=[item])
    outcome = Outcome.objects.get()
    assert (outcome.meeting, outcome.visit) == (scenario.meeting, None)


def test_an_outcome_no_longer_reported_goes_unless_an_editor_changed_it():
    scenario = build_scenario()
    outcomes_write(source=scenario.source, outcomes=outcomes_in(ARTICLE))
    outcomes_write(source=scenario.source, outcomes=[])
    assert not Outcome.objects.exists()
    outcomes_write(source=scenario.source, outcomes=outcomes_in(ARTICLE))
    Outcome.objects.update(title="Programme of cooperation 2024-2026", edited_fields=["title"])
    outcomes_write(source=scenario.source, outcomes=[])
    assert Outcome.objects.get().title == "Programme of cooperation 2024-2026"


def test_an_editor_corrects_an_outcome_in_admin_and_a_reparse_keeps_it(client, editor):
    scenario = build_scenario()
    outcomes_write(source=scenario.source, outcomes=outcomes_in(ARTICLE))
    outcome = Outcome.objects.get()
    client.force_login(editor)
    assert client.get(reverse("admin:visits_outcome_changelist")).status_code == 200
    url = reverse("admin:visits_outcome_change", args=[outcome.pk])
    assert client.get(url).status_code == 200
    data = {
        "visit": scenario.visit.pk,
        "meeting": "",
        "kind": "agreement",
        "title": "Cooperation programme 2024-2026",
        "parties": '["AZ", "TJ"]',
        "date": "2024-05-18",
        "date_precision": "day",
        "source": scenario.source.pk,
        "spans": "[[0, 10]]",
        "review_state": "accepted",
    }
    assert client.post(url, data).status_code == 302
    outcomes_write(source=scenario.source, outcomes=outcomes_in(ARTICLE))
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.title) == ("agreement", "Cooperation programme 2024-2026")
    assert {"kind", "title"} <= set(outcome.edited_fields)
