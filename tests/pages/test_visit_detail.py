"""A visit's page: meetings and participants linked, sources with evidence highlighted, suggestions."""

from django.test import Client

from visits.models import Suggestion, Visit


def test_visit_page_shows_meetings_participants_and_delegation(client, scenario):
    html = client.get(scenario.visit.get_absolute_url()).content.decode()
    assert '<a href="/officials/habibullo-vohidzoda/">Habibullo Vohidzoda</a>' in html
    assert '<a href="/officials/kamran-aliyev/">Kamran Aliyev</a>' in html
    assert f'id="meeting-{scenario.meeting.pk}"' in html
    assert "Deputy Prosecutor General<br>Head of international department" in html
    assert "legal assistance" in html
    assert '<a href="/organisations/pgo-az/">' in html


def test_visit_page_highlights_the_evidence_sentences_in_the_source(client, scenario):
    html = client.get(scenario.visit.get_absolute_url()).content.decode()
    assert "<mark>Prosecutor General Kamran Aliyev arrived in Dushanbe on a working visit.</mark>" in html
    assert "<mark>He met Prosecutor General Habibullo Vohidzoda to discuss legal assistance.</mark>" in html
    assert "The sides signed a cooperation programme." in html
    assert 'href="https://example.org/a"' in html


def test_visit_page_shows_review_state_and_edit_date(client, scenario):
    html = client.get(scenario.visit.get_absolute_url()).content.decode()
    assert "Unreviewed" in html
    assert "last edited" in html
    Visit.objects.filter(pk=scenario.visit.pk).update(review_state="accepted")
    assert "Reviewed by an editor" in client.get(scenario.visit.get_absolute_url()).content.decode()


def test_a_stored_javascript_url_is_never_a_link(client, scenario):
    scenario.source.url = "javascript:alert(1)"
    scenario.source.save()
    html = client.get(scenario.visit.get_absolute_url()).content.decode()
    assert "javascript:alert" not in html


def test_source_page_highlights_evidence_and_lists_its_records(client, scenario):
    html = client.get(scenario.source.get_absolute_url()).content.decode()
    assert "<mark>He met Prosecutor General" in html
    assert scenario.visit.get_absolute_url() in html


def test_missing_visit_gives_the_friendly_404_page(client, db):
    response = client.get("/visits/999999/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def _suggest(client, visit, **extra):
    data = {"message": "The visit ended on 21 May.", "name": "R. Eader", "email": "", "website": ""}
    data.update(extra)
    return client.post(visit.get_absolute_url(), data, REMOTE_ADDR=extra.pop("ip", "10.0.0.1"))


def test_suggestion_lands_in_the_queue_and_leaves_the_record_alone(client, scenario):
    before = Visit.objects.values().get(pk=scenario.visit.pk)
    response = _suggest(client, scenario.visit)
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert (suggestion.visit, suggestion.status, suggestion.message) == (
        scenario.visit,
        "open",
        "The visit ended on 21 May.",
    )
    assert len(suggestion.client) == 64 and "10.0.0.1" not in suggestion.client
    assert Visit.objects.values().get(pk=scenario.visit.pk) == before
    followed = client.get(response["Location"])
    assert "An editor will review your suggestion." in followed.content.decode()


def test_honeypot_submission_is_thanked_but_dropped(client, scenario):
    response = _suggest(client, scenario.visit, website="http://spam.example")
    assert response.status_code == 302
    assert not Suggestion.objects.exists()


def test_suggestions_are_throttled_per_client(client, scenario, settings):
    settings.SUGGESTION_THROTTLE = "5/hour"
    for _ in range(5):
        assert _suggest(client, scenario.visit).status_code == 302
    response = _suggest(client, scenario.visit)
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Suggestion.objects.count() == 5
    other = Client()
    assert (
        other.post(
            scenario.visit.get_absolute_url(), {"message": "Another reader."}, REMOTE_ADDR="10.0.0.2"
        ).status_code
        == 302
    )


def test_empty_suggestion_shows_the_error_on_the_page(client, scenario):
    response = client.post(scenario.visit.get_absolute_url(), {"message": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Suggestion.objects.exists()


def test_suggestion_without_csrf_token_is_refused(scenario):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(scenario.visit.get_absolute_url(), {"message": "No token."})
    assert response.status_code == 403
    assert not Suggestion.objects.exists()


def test_the_suggestion_limit_is_read_from_its_setting(client, scenario, settings):
    settings.SUGGESTION_THROTTLE = "2/minute"
    assert [_suggest(client, scenario.visit).status_code for _ in range(3)] == [302, 302, 429]
