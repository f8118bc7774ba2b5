"""The rules both writers share: participants only added, stale records dropped only when nobody owns them."""

import pytest

from common.models import ReviewState
from tests.factories import EvidenceFactory, MeetingFactory, OfficialFactory, ParticipantFactory, VisitFactory
from visits.services.writer_rules import Roster, droppable, fill_blanks, untouched

pytestmark = pytest.mark.django_db


def test_roster_admits_a_person_once_by_official_or_by_name():
    official = OfficialFactory(name="Kamran Aliyev")
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting, official=official, name_as_written="Kamran Aliyev")
    roster = Roster(meeting.participants.all())
    assert not roster.admit(official.pk, "K. Aliyev")  # the same official, written otherwise
    assert not roster.admit(None, "kamran  ALIYEV")  # the same name, unresolved
    assert roster.admit(None, "Yusuf Rahmon")
    assert not roster.admit(None, "Yusuf Rahmon")  # remembered once admitted
    assert not roster.admit(None, "")  # nameless and unlinked: nothing to add


def test_roster_counts_a_titled_participant_without_a_name():
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting, official=None, name_as_written="", title_as_written="Prime Minister")
    assert not Roster(meeting.participants.all()).admit(None, "Prime Minister")


def test_an_untouched_meeting_without_evidence_is_droppable():
    meeting = MeetingFactory(review_state=ReviewState.UNREVIEWED, edited_fields=[])
    assert untouched(meeting) and droppable(meeting)


@pytest.mark.parametrize(
    "changes",
    [{"review_state": ReviewState.ACCEPTED}, {"edited_fields": ["name"]}],
    ids=["reviewed", "edited"],
)
def test_a_record_an_editor_touched_is_never_droppable(changes):
    meeting = MeetingFactory(**{"review_state": ReviewState.UNREVIEWED, "edited_fields": [], **changes})
    assert not untouched(meeting) and not droppable(meeting)


def test_a_record_another_source_vouches_for_is_not_droppable():
    visit = VisitFactory(review_state=ReviewState.UNREVIEWED, edited_fields=[])
    EvidenceFactory(visit=visit)
    assert not droppable(visit)


def test_a_visit_with_meetings_stands():
    visit = VisitFactory(review_state=ReviewState.UNREVIEWED, edited_fields=[])
    MeetingFactory(visit=visit)
    assert not droppable(visit)


def test_a_second_source_only_fills_blanks():
    visit = VisitFactory(destination_city="Dushanbe", purpose="")
    assert fill_blanks(visit, {"destination_city": "Khujand", "purpose": "ECO meeting", "kind": ""}) == {
        "purpose": "ECO meeting"
    }
