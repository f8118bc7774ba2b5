from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import EvidenceFactory, MeetingFactory, SourceFactory, VisitFactory
from visits.models import Source, Visit
from visits.services.imports import files_import


@pytest.mark.django_db
def test_review_queue_shows_unreviewed_records_beside_highlighted_evidence(client, editor):
    source = SourceFactory(text="Intro. Kamran Aliyev arrived in Dushanbe. Outro.")
    evidence = EvidenceFactory(source=source, spans=[[7, 41]])
    client.force_login(editor)
    page = client.get(reverse("review-queue")).content.decode()
    assert str(evidence.visit) in page
    assert "<mark>Kamran Aliyev arrived in Dushanbe.</mark>" in page


@pytest.mark.django_db
def test_review_queue_accepts_and_rejects_with_history(client, editor):
    accepted, rejected = EvidenceFactory().visit, EvidenceFactory().visit
    client.force_login(editor)
    url = reverse("review-queue")
    client.post(url + "?kind=visits", {"ids": [accepted.pk], "action": "accepted:selected"})
    client.post(url + "?kind=visits", {"ids": [rejected.pk], "action": "rejected:selected"})
    accepted.refresh_from_db()
    rejected.refresh_from_db()
    assert (accepted.review_state, rejected.review_state) == ("accepted", "rejected")
    assert accepted.history.first().history_user == editor
    assert str(accepted) not in client.get(url).content.decode()


@pytest.mark.django_db
def test_review_queue_lists_meetings_too(client, editor):
    meeting = MeetingFactory()
    EvidenceFactory(visit=None, meeting=meeting)  # parsed from an article: the queue's first tab
    client.force_login(editor)
    page = client.get(reverse("review-queue"), {"kind": "meetings"}).content.decode()
    assert reverse("admin:visits_meeting_change", args=[meeting.pk]) in page


@pytest.mark.django_db
def test_review_queue_is_for_editors_only(client, reader):
    client.force_login(reader)
    assert client.get(reverse("review-queue")).status_code in (302, 403)


@pytest.mark.django_db(transaction=True)
def test_pasting_an_article_in_admin_keeps_it_and_parses_it(client, editor):
    client.force_login(editor)
    text = (
        "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, for a working "
        "visit on May 18, 2024."
    )
    response = client.post(
        reverse("admin:visits_source_add"),
        {"title": "Pasted", "url": "", "outlet": "Azernews", "published": "2024-05-18", "text": text},
    )
    assert response.status_code == 302
    source = Source.objects.get()
    assert source.status == "parsed", source.error
    assert Visit.objects.filter(destination_country="TJ").exists()
    again = client.post(
        reverse("admin:visits_source_add"),
        {"title": "Again", "url": "", "outlet": "", "published": "", "text": text},
    )
    assert "already in the archive" in again.content.decode()
    assert Source.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_reparse_action_queues_the_sources(client, editor):
    source = SourceFactory(text="Nothing to see here.", status="failed", error="old")
    client.force_login(editor)
    client.post(
        reverse("admin:visits_source_changelist"), {"action": "reparse", "_selected_action": [source.pk]}
    )
    source.refresh_from_db()
    assert source.status == "parsed"
    assert "No visit or meeting" in source.error


@pytest.mark.django_db
def test_the_queue_puts_parsed_records_first_and_curated_imports_under_their_own_state(client, editor):
    files_import(paths=[Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "bush-george-w.xml"])
    parsed = VisitFactory(destination_country="TJ", review_state="unreviewed")
    EvidenceFactory(visit=parsed, source=SourceFactory(kind="article"))
    client.force_login(editor)
    page = client.get("/admin/visits/review/")
    assert [item["record"].pk for item in page.context["items"]] == [parsed.pk]
    imported = client.get("/admin/visits/review/", {"state": "imported"}).context["items"]
    assert imported and all(i["record"].external_scheme == "hsg-travel" for i in imported)
    assert (
        client.get("/admin/visits/review/", {"source": "all", "country": "tj"}).context["items"][0]["record"]
        == parsed
    )
