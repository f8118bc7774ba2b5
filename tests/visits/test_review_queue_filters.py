"""The review queue: parsed records first; filters by source, outlet, country, dates; counts; bulk."""

import datetime

import pytest
from django.contrib.messages import get_messages

from common.models import ReviewState
from tests.factories import EvidenceFactory, MeetingFactory, SourceFactory, VisitFactory
from visits.models import Meeting, Visit
from visits.services import records_review

URL = "/admin/visits/review/"
HSG = "Office of the Historian, U.S. Department of State"
d = datetime.date

pytestmark = pytest.mark.django_db


def parsed_visit(outlet: str = "Azernews", **fields) -> Visit:
    visit = VisitFactory(**fields)
    EvidenceFactory(visit=visit, source=SourceFactory(kind="article", outlet=outlet))
    return visit


def imported_visit(state: str = ReviewState.UNREVIEWED, **fields) -> Visit:
    visit = VisitFactory(review_state=state, **fields)
    EvidenceFactory(visit=visit, source=SourceFactory(kind="import", outlet=HSG))
    return visit


def listed(client, **params) -> list[int]:
    return [item["record"].pk for item in client.get(URL, params).context["items"]]


def test_parsed_records_come_first_then_the_rest_newest_first(client, editor):
    parsed = parsed_visit()
    later_csv = imported_visit()  # created after: still listed after the parsed record
    entered = VisitFactory()  # no source at all
    curated = imported_visit(ReviewState.IMPORTED)
    client.force_login(editor)
    assert listed(client) == [parsed.pk, entered.pk, later_csv.pk]
    assert listed(client, state="imported") == [curated.pk]
    assert listed(client, source="article") == [parsed.pk]
    assert listed(client, source="import") == [later_csv.pk]


def test_filters_by_outlet_country_and_date_range_with_counts_for_the_filter(client, editor):
    tass = parsed_visit("TASS", destination_country="KZ", start_date=d(2020, 3, 1))
    parsed_visit("TASS", destination_country="KZ", start_date=d(2010, 3, 1))
    parsed_visit("Azernews", destination_country="KZ", start_date=d(2020, 3, 2))
    parsed_visit("TASS", destination_country="TJ", start_date=d(2020, 3, 3))
    accepted = parsed_visit("TASS", destination_country="KZ", start_date=d(2020, 4, 1))
    records_review(records=[accepted], state=ReviewState.ACCEPTED)
    client.force_login(editor)
    params = {"outlet": "TASS", "country": "kz", "from": "2019-01-01", "to": "2021-12-31"}
    response = client.get(URL, params)
    assert [i["record"].pk for i in response.context["items"]] == [tass.pk]
    assert response.context["matched"] == 1
    states = {name: (total, hit) for name, _, total, hit, _ in response.context["states"]}
    assert states["unreviewed"] == (4, 1) and states["accepted"] == (1, 1) and states["imported"] == (0, 0)
    page = response.content.decode()
    assert "Unreviewed (1 of 4)" in page and "<strong>1</strong> visits match" in page
    assert "<option selected>TASS</option>" in page
    # Dates given the wrong way round are read as the range they name; nonsense is ignored.
    assert listed(client, **{**params, "from": "2021-12-31", "to": "2019-01-01"}) == [tass.pk]
    assert len(listed(client, country="zz", **{"from": "nonsense"})) == 4


def test_meetings_read_from_an_imported_remark_show_their_visits_evidence(client, editor):
    visit = imported_visit(ReviewState.IMPORTED)
    meeting = MeetingFactory(visit=visit)
    client.force_login(editor)
    response = client.get(URL, {"kind": "meetings", "source": "import", "outlet": HSG})
    [item] = response.context["items"]
    assert item["record"] == meeting and item["evidence"][0]["of_visit"]
    assert "Evidence of its visit" in response.content.decode()
    assert listed(client, kind="meetings", source="article") == []


def test_accepting_the_selected_records_is_recorded_like_a_single_accept(client, editor):
    one, two, other = parsed_visit(), parsed_visit(), parsed_visit()
    client.force_login(editor)
    response = client.post(f"{URL}?kind=visits", {"ids": [one.pk, two.pk], "action": "accepted:selected"})
    assert response.status_code == 302
    states = dict(Visit.objects.values_list("pk", "review_state"))
    assert (states[one.pk], states[two.pk], states[other.pk]) == ("accepted", "accepted", "unreviewed")
    latest = one.history.first()
    assert (latest.history_user, latest.review_state, latest.history_change_reason) == (
        editor,
        "accepted",
        "Reviewed in the review queue",
    )
    message = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == ["2 visits marked accepted, of 2 selected visits."]


def test_a_bulk_version_keeps_the_visits_bodies_as_a_single_save_does():
    visit = parsed_visit()
    body = visit.organisations.create(name="Economic Cooperation Organization", slug="eco")
    records_review(records=[Visit.objects.get(pk=visit.pk)], state=ReviewState.ACCEPTED)
    version = visit.history.first()
    assert (version.history_type, version.review_state) == ("~", "accepted")
    assert [row.organisation for row in version.organisations.all()] == [body]
    assert version.prev_record.review_state == "unreviewed"


def test_rejecting_everything_the_filters_match_leaves_the_rest(client, editor):
    kz = [parsed_visit("TASS", destination_country="KZ") for _ in range(3)]
    records_review(records=[kz[0]], state=ReviewState.REJECTED)
    tj = parsed_visit("TASS", destination_country="TJ")
    elsewhere = parsed_visit("Azernews", destination_country="KZ")
    client.force_login(editor)
    response = client.post(
        f"{URL}?kind=visits&outlet=TASS&country=KZ", {"action": "rejected:matching"}, follow=True
    )
    states = dict(Visit.objects.values_list("pk", "review_state"))
    assert [states[v.pk] for v in kz] == ["rejected"] * 3
    assert (states[tj.pk], states[elsewhere.pk]) == ("unreviewed", "unreviewed")
    assert "2 visits marked rejected, of all 2 matching visits." in response.content.decode()
    assert all(v.history.first().history_user == editor for v in kz[1:])


def test_a_bulk_verdict_is_all_or_nothing(monkeypatch):
    visit = parsed_visit()
    meeting = MeetingFactory(visit=parsed_visit())

    def broken() -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr("visits.services.review.data_version_bump", broken)
    with pytest.raises(RuntimeError):
        records_review(records=[visit, meeting], state=ReviewState.ACCEPTED)
    assert not Visit.objects.filter(review_state="accepted").exists()
    assert not Meeting.objects.filter(review_state="accepted").exists()


def test_accepting_a_meeting_moves_its_visit_for_syncing_clients():
    meeting = MeetingFactory()
    before = meeting.visit.updated_at
    assert records_review(records=[meeting], state=ReviewState.ACCEPTED) == 1
    meeting.visit.refresh_from_db()
    assert meeting.visit.updated_at > before
    assert records_review(records=[Meeting.objects.get()], state=ReviewState.ACCEPTED) == 0


def test_no_verdict_or_no_selection_changes_nothing(client, editor):
    visit = parsed_visit()
    client.force_login(editor)
    client.post(URL, {"ids": [visit.pk], "action": "imported:selected"})
    client.post(URL, {"action": "accepted:selected"})
    client.post(URL, {"ids": ["²", "9" * 30], "action": "accepted:selected"})
    assert Visit.objects.get().review_state == "unreviewed"


@pytest.mark.parametrize("kind", ["visits", "meetings"])
def test_the_queue_costs_the_same_queries_for_3_records_or_25(
    client, editor, kind, django_assert_num_queries
):
    def make(n: int) -> None:
        for _ in range(n):
            visit = parsed_visit()
            visit.organisations.create(name=f"Body {visit.pk}", slug=f"body-{visit.pk}")
            EvidenceFactory(visit=None, meeting=MeetingFactory(visit=visit))

    client.force_login(editor)
    client.get(URL)  # the session, warmed
    make(3)
    # Session, user and the user's and groups' permissions (4); per state, per source, the outlets and
    # the other kind's unreviewed (4); the page (1) with, for visits, its evidence and bodies, for
    # meetings participants, evidence and the visit's evidence (2 or 3).
    budget = 11 if kind == "visits" else 12
    with django_assert_num_queries(budget):
        assert client.get(URL, {"kind": kind}).status_code == 200
    make(22)
    with django_assert_num_queries(budget):
        assert client.get(URL, {"kind": kind, "outlet": "Azernews", "from": "2000-01-01"}).status_code == 200
