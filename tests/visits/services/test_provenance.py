"""Every imported record keeps its source: publisher, file, licence, record id, page, remark as evidence."""

from pathlib import Path

import pytest

from visits.models import Evidence, Source, Visit
from visits.services.imports import files_import
from visits.services.reparse import sources_reparse_now

FIXTURES = Path(__file__).resolve().parents[2] / "importers" / "fixtures"
pytestmark = pytest.mark.django_db


def test_an_imported_record_shows_its_publisher_licence_and_remark_as_evidence(client):
    files_import(paths=[FIXTURES / "bush-george-w.xml"])
    visit = Visit.objects.exclude(summary="").first()
    [evidence] = visit.evidence.all()
    source = evidence.source
    assert source.kind == Source.Kind.IMPORT and source.status == Source.Status.PARSED
    assert source.outlet == "Office of the Historian, U.S. Department of State"
    assert source.url == "https://history.state.gov/departmenthistory/travels/president/bush-george-w"
    assert f"record {visit.external_id}" in source.title and source.filename == "bush-george-w.xml"
    assert "Licence: Public domain (CC0 1.0)." in source.text
    [[start, end]] = evidence.spans
    assert source.text[start:end] == visit.summary.strip()
    page = client.get(visit.get_absolute_url()).content.decode()
    assert "Office of the Historian" in page and "no source is attached" not in page


def test_reimporting_keeps_one_source_per_record_and_reparsing_leaves_them_alone():
    files_import(paths=[FIXTURES / "bush-george-w.xml"])
    counts = (Source.objects.count(), Evidence.objects.count())
    assert counts[0] == Visit.objects.count()
    files_import(paths=[FIXTURES / "bush-george-w.xml"])
    assert (Source.objects.count(), Evidence.objects.count()) == counts
    before = Visit.objects.count()
    tally = sources_reparse_now()
    assert Visit.objects.count() == before and not tally.get("visits created")
