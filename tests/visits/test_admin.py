import datetime

import pytest
from django.urls import reverse

from people.models import Official, OfficialRedirect
from tests.factories import MeetingFactory, OfficialFactory, VisitFactory
from visits.models import Visit


def visit_form(visit: Visit, **changes) -> dict:
    data = {
        "visitor": visit.visitor_id,
        "visitor_name": visit.visitor_name,
        "visitor_title": visit.visitor_title,
        "delegation": "",
        "origin_country": visit.origin_country.code,
        "destination_country": visit.destination_country.code,
        "destination_city": visit.destination_city,
        "start_date": visit.start_date.isoformat(),
        "start_precision": "day",
        "end_date": "",
        "end_precision": "day",
        "kind": visit.kind,
        "status": visit.status,
        "purpose": visit.purpose,
        "summary": "",
        "review_state": visit.review_state,
        "external_scheme": visit.external_scheme,
        "external_id": visit.external_id,
    }
    for prefix in ("meetings", "evidence"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(changes)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["visit", "meeting", "official", "organisation", "source", "position"])
def test_editor_sees_every_admin_list(client, editor, page):
    VisitFactory()
    MeetingFactory()
    client.force_login(editor)
    app = {"visit": "visits", "meeting": "visits", "source": "visits", "organisation": "orgs"}.get(
        page, "people"
    )
    response = client.get(reverse(f"admin:{app}_{page}_changelist"), {"q": "a"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_visit_list_filters_by_country_kind_status_year_and_review(client, editor):
    VisitFactory(destination_country="TJ", kind="working", start_date=datetime.date(2024, 3, 1))
    VisitFactory(destination_country="KZ", kind="state", start_date=datetime.date(2024, 3, 2))
    VisitFactory(destination_country="KZ", kind="state", start_date=datetime.date(2023, 3, 2))
    client.force_login(editor)
    url = reverse("admin:visits_visit_changelist")
    response = client.get(
        url, {"destination_country": "KZ", "kind": "state", "year": "2024", "review_state": "unreviewed"}
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.django_db
def test_saving_in_admin_records_the_fields_the_editor_changed_and_history(client, editor):
    visit = VisitFactory()
    client.force_login(editor)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    response = client.post(url, visit_form(visit, destination_city="Khujand", review_state="accepted"))
    assert response.status_code == 302, response.context["adminform"].errors if response.context else ""
    visit.refresh_from_db()
    assert visit.destination_city == "Khujand"
    assert visit.edited_fields == ["destination_city"]
    latest = visit.history.first()
    assert latest.history_user == editor
    assert latest.destination_city == "Khujand"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_date": "2023-01-01"}, "cannot end before it starts"),
        ({"destination_country": "XX"}, "Select a valid choice"),
        ({"external_scheme": "hsg-visit", "external_id": "taken"}, "already has this external id"),
    ],
)
def test_admin_rejects_impossible_visits_with_a_clear_message(client, editor, changes, message):
    VisitFactory(external_scheme="hsg-visit", external_id="taken")
    visit = VisitFactory()
    client.force_login(editor)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    response = client.post(url, visit_form(visit, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).destination_country == visit.destination_country


@pytest.mark.django_db
def test_merge_action_asks_for_the_survivor_then_merges(client, editor):
    keep = OfficialFactory(name="Kamran Aliyev", slug="kamran-aliyev")
    drop = OfficialFactory(name="K. Aliyev", slug="k-aliyev")
    VisitFactory(visitor=drop)
    client.force_login(editor)
    url = reverse("admin:people_official_changelist")
    form = {"action": "merge_officials", "_selected_action": [keep.pk, drop.pk]}
    confirm = client.post(url, form)
    assert "Choose the official who survives" in confirm.content.decode()
    done = client.post(url, {**form, "survivor": keep.pk})
    assert done.status_code == 302
    assert list(Official.objects.values_list("name", flat=True)) == ["Kamran Aliyev"]
    assert keep.visits.count() == 1
    assert OfficialRedirect.objects.get(old_slug="k-aliyev").official == keep
    assert client.get("/officials/k-aliyev/").url == keep.get_absolute_url()


@pytest.mark.django_db
def test_visit_admin_edits_meetings_inline_and_participants_on_the_meeting(client, editor):
    meeting = MeetingFactory()
    client.force_login(editor)
    visit_page = client.get(reverse("admin:visits_visit_change", args=[meeting.visit_id])).content.decode()
    assert 'id="meetings-group"' in visit_page
    meeting_page = client.get(reverse("admin:visits_meeting_change", args=[meeting.pk])).content.decode()
    assert 'id="participants-group"' in meeting_page


@pytest.mark.django_db
def test_autocomplete_finds_officials_for_editors(client, editor):
    OfficialFactory(name="Yusuf Rahmon")
    client.force_login(editor)
    response = client.get(
        "/admin/autocomplete/",
        {"term": "Rahm", "app_label": "visits", "model_name": "visit", "field_name": "visitor"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Yusuf Rahmon"]


@pytest.mark.django_db
def test_meeting_edited_inline_on_its_visit_becomes_editor_owned(client, editor):
    meeting = MeetingFactory(city="Dushanbe")
    visit = meeting.visit
    client.force_login(editor)
    data = visit_form(visit)
    data.update(
        {
            "meetings-TOTAL_FORMS": 1,
            "meetings-INITIAL_FORMS": 1,
            "meetings-0-id": meeting.pk,
            "meetings-0-visit": visit.pk,
            "meetings-0-name": "",
            "meetings-0-date": "2024-05-18",
            "meetings-0-date_precision": "day",
            "meetings-0-city": "Khujand",
            "meetings-0-country": "TJ",
            "meetings-0-topics": '["legal assistance"]',
            "initial-meetings-0-topics": '["legal assistance"]',  # as the browser sends it
            "meetings-0-summary": "",
            "meetings-0-review_state": "unreviewed",
        }
    )
    response = client.post(reverse("admin:visits_visit_change", args=[visit.pk]), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.city == "Khujand"
    assert meeting.edited_fields == ["city"]
