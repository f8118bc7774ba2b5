"""Records of a curated publisher's file enter as "imported", not awaiting review; editors' verdicts stand."""

import datetime
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.editing import mark_edited
from common.models import ReviewState
from people.models import Official
from tests.factories import EvidenceFactory, SourceFactory, VisitFactory
from tests.visits.services.sample import EXTRACTION, kept_source
from tests.visits.services.test_imports import example, write_csv
from visits.importers.rows import PersonRef, VisitRow
from visits.models import ImportJob, Meeting, Visit
from visits.services import extraction_apply
from visits.services.imports import ReadBatch, batch_import, files_import
from visits.services.provenance import is_curated

FIXTURES = Path(__file__).resolve().parents[2] / "importers" / "fixtures"
BOTH = [FIXTURES / "bush-george-w.xml", FIXTURES / "visits-sample.xml"]  # travels and visits
IMPORTED, UNREVIEWED = ReviewState.IMPORTED, ReviewState.UNREVIEWED

pytestmark = pytest.mark.django_db


def _states(model) -> dict[str, int]:
    states: dict[str, int] = {}
    for state in model.objects.values_list("review_state", flat=True):
        states[state] = states.get(state, 0) + 1
    return states


def test_only_the_office_of_the_historian_is_a_curated_publisher():
    assert is_curated("hsg-visit") and is_curated("hsg-travel")
    assert not is_curated("my-office") and not is_curated("") and not is_curated("archive")


def test_hsg_visits_and_their_travellers_enter_as_imported_and_what_the_remarks_say_waits_for_review():
    report = files_import(paths=BOTH, skip_rejected=True)
    assert report.committed
    assert _states(Visit) == {IMPORTED: Visit.objects.count()}
    # Meetings are our parser's reading of the remark's prose: they wait for an editor.
    assert Meeting.objects.exists() and _states(Meeting) == {UNREVIEWED: Meeting.objects.count()}
    bush = Official.objects.get(identifiers__scheme="hsg", identifiers__value="bush-george-w")
    churchill = Visit.objects.get(external_id="9002").visitor
    assert (bush.review_state, churchill.review_state) == (IMPORTED, IMPORTED)
    assert bush.history.earliest().review_state == IMPORTED  # the history says what it entered as
    # Tusk is named in the <visitor> field beside Duda; the others only in "Met with ..." sentences.
    states = dict(Official.objects.values_list("name", "review_state"))
    assert states["Donald Tusk"] == IMPORTED
    assert states["Juan Carlos I"] == states["Muhammad bin Salman"] == UNREVIEWED


def test_a_file_of_unknown_provenance_waits_for_review(tmp_path):
    files_import(paths=[write_csv(tmp_path / "v.csv", [example()])])
    visit = Visit.objects.get()
    assert (visit.review_state, visit.visitor.review_state) == (UNREVIEWED, UNREVIEWED)


def test_a_reimport_never_overrides_an_editors_verdict_nor_an_edit_but_moves_untouched_old_records():
    files_import(paths=BOTH, skip_rejected=True)
    accepted, rejected, edited, old = Visit.objects.order_by("external_id")[:4]
    Visit.objects.filter(pk=accepted.pk).update(review_state=ReviewState.ACCEPTED)
    Visit.objects.filter(pk=rejected.pk).update(review_state=ReviewState.REJECTED)
    mark_edited(edited, ["purpose"])
    Visit.objects.filter(pk=edited.pk).update(review_state=UNREVIEWED, edited_fields=edited.edited_fields)
    Visit.objects.filter(pk=old.pk).update(review_state=UNREVIEWED)  # imported before the state existed

    files_import(paths=BOTH, skip_rejected=True)
    states = dict(Visit.objects.values_list("pk", "review_state"))
    assert [states[v.pk] for v in (accepted, rejected, edited, old)] == [
        ReviewState.ACCEPTED,
        ReviewState.REJECTED,
        UNREVIEWED,
        IMPORTED,
    ]


def test_an_official_on_record_before_the_import_keeps_their_state(tmp_path):
    files_import(paths=[write_csv(tmp_path / "v.csv", [example()])])
    aliyev = Official.objects.get(name="Kamran Aliyev")
    row = VisitRow(
        "hsg-visit",
        "1",
        [PersonRef(name="Kamran Aliyev", country="AZ")],
        origin_country="AZ",
        destination_country="US",
        destination_city=None,
        start_date=datetime.date(2024, 6, 1),
        end_date=None,
    )
    batch_import(batch=ReadBatch(rows=[row]))
    assert Visit.objects.get(external_id="1").visitor == aliyev
    aliyev.refresh_from_db()
    assert aliyev.review_state == UNREVIEWED  # the article's or file's person, not the curated file's


def test_the_article_writer_never_demotes_an_imported_record():
    row = VisitRow(
        "hsg-visit",
        "77",
        [PersonRef(name="Kamran Aliyev", title="Prosecutor General", country="AZ")],
        origin_country="AZ",
        destination_country="TJ",
        destination_city="Dushanbe",
        start_date=datetime.date(2024, 5, 18),
        end_date=None,
    )
    batch_import(batch=ReadBatch(rows=[row]))
    visit = Visit.objects.get()
    assert visit.review_state == IMPORTED

    extraction_apply(source=kept_source(), extraction=EXTRACTION)
    visit.refresh_from_db()
    assert visit.sources.filter(kind="article").exists(), "the article found the imported visit"
    assert visit.review_state == IMPORTED
    assert Official.objects.get(name="Kamran Aliyev").review_state == IMPORTED


def test_the_data_migration_moves_only_untouched_records_a_curated_file_alone_supports():
    migration = importlib.import_module("visits.migrations.0006_curated_imports_imported_state")
    files_import(paths=BOTH, skip_rejected=True)
    Visit.objects.update(review_state=UNREVIEWED)
    Official.objects.update(review_state=UNREVIEWED)
    also_article, edited, accepted, alone = Visit.objects.order_by("external_id")[:4]
    EvidenceFactory(visit=also_article, source=SourceFactory(kind="article"))
    Visit.objects.filter(pk=edited.pk).update(edited_fields=["purpose"])
    Visit.objects.filter(pk=accepted.pk).update(review_state=ReviewState.ACCEPTED)
    unsupported = VisitFactory(review_state=UNREVIEWED)  # entered by an editor: no source at all

    migration.forwards(apps, None)
    states = dict(Visit.objects.values_list("pk", "review_state"))
    assert [states[v.pk] for v in (also_article, edited, accepted, alone, unsupported)] == [
        UNREVIEWED,
        UNREVIEWED,
        ReviewState.ACCEPTED,
        IMPORTED,
        UNREVIEWED,
    ]
    # A visitor some article also supports stays unreviewed; one the curated file alone names moves.
    visitors = {also_article.visitor, alone.visitor}
    assert {v.pk: v.review_state for v in Official.objects.filter(pk__in=[o.pk for o in visitors])} == {
        also_article.visitor_id: UNREVIEWED,
        **({} if alone.visitor_id == also_article.visitor_id else {alone.visitor_id: IMPORTED}),
    }
    assert _states(Meeting) == {UNREVIEWED: Meeting.objects.count()}

    migration.backwards(apps, None)
    assert IMPORTED not in _states(Visit)


def test_an_editors_upload_of_the_historians_file_enters_as_imported_too(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    upload = SimpleUploadedFile("visits.xml", BOTH[1].read_bytes(), content_type="application/xml")
    response = client.post(reverse("admin:visits_importjob_import"), {"file": upload})
    client.post(response["Location"], {"action": "import_valid"})  # the sample has one bad record
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    assert Visit.objects.exists() and _states(Visit) == {IMPORTED: Visit.objects.count()}
