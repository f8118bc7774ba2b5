"""Deleting an official in admin, as through the API: the records that showed them keep their name."""

import pytest

from people.models import Official
from tests.factories import MeetingFactory, OfficialFactory, ParticipantFactory, VisitFactory
from visits.models import Participant, Visit

pytestmark = pytest.mark.django_db


def _shown_only_through_the_record():
    official = OfficialFactory(name="Aigul Sarsenova")
    visit = VisitFactory(visitor=official, visitor_name="")
    participant = ParticipantFactory(
        meeting=MeetingFactory(), official=official, name_as_written="", title_as_written=""
    )
    return official, visit, participant


def test_deleting_one_in_admin_keeps_the_name_on_what_showed_them(admin_client):
    official, visit, participant = _shown_only_through_the_record()
    before = Visit.objects.get(pk=visit.pk).updated_at
    url = f"/admin/people/official/{official.pk}/delete/"
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Official.objects.filter(pk=official.pk).exists()
    participant = Participant.objects.get(pk=participant.pk)
    assert participant.official_id is None and participant.name_as_written == "Aigul Sarsenova"
    visit = Visit.objects.get(pk=visit.pk)
    assert visit.visitor_id is None and visit.visitor_name == "Aigul Sarsenova"
    assert visit.updated_at > before


def test_deleting_several_with_the_admin_action_too(admin_client):
    first, _, one = _shown_only_through_the_record()
    second = OfficialFactory(name="Second Person")
    two = ParticipantFactory(
        meeting=MeetingFactory(), official=second, name_as_written="", title_as_written=""
    )
    response = admin_client.post(
        "/admin/people/official/",
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Official.objects.filter(pk__in=[first.pk, second.pk]).exists()
    names = set(Participant.objects.filter(pk__in=[one.pk, two.pk]).values_list("name_as_written", flat=True))
    assert names == {"Aigul Sarsenova", "Second Person"}
