"""Re-parsing every kept source with the current parser: what changed, and what editors keep."""

import io

import pytest
from django.core.management import CommandError, call_command

from common.editing import mark_edited
from tests.factories import SourceFactory
from visits.models import Visit
from visits.services.reparse import source_reparse_counted, sources_reparse_now
from visits.services.sources import source_create

pytestmark = pytest.mark.django_db

ARTICLE = (
    "DUSHANBE, 18 May 2024. Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, "
    "on a working visit. He met Yusuf Rahmon, Prosecutor General of Tajikistan, to discuss legal assistance."
)


def _kept() -> int:
    source, _ = source_create(text=ARTICLE, outlet="Azertac")
    return source.pk


def test_a_first_parse_counts_what_it_created_and_a_second_counts_it_unchanged():
    pk = _kept()
    first = source_reparse_counted(source_id=pk)
    assert first["sources parsed"] == 1 and first["visits created"] == 1
    second = source_reparse_counted(source_id=pk)
    assert second["visits created"] == 0 and second["visits unchanged"] == 1


def test_records_an_editor_owns_are_counted_and_keep_their_fields():
    pk = _kept()
    source_reparse_counted(source_id=pk)
    visit = Visit.objects.get()
    visit.destination_city = "Khujand"
    mark_edited(visit, ["destination_city"])
    visit.save()
    tally = source_reparse_counted(source_id=pk)
    assert tally["visits an editor owns (their fields kept)"] == 1
    assert Visit.objects.get().destination_city == "Khujand"


def test_all_sources_are_reparsed_with_one_tally():
    _kept()
    SourceFactory(text="Nothing to see here.", status="failed")
    tally = sources_reparse_now()
    assert tally["sources parsed"] == 2


def test_the_command_prints_the_tally_and_needs_ids_or_all():
    _kept()
    out = io.StringIO()
    call_command("reparse", all=True, stdout=out, stderr=io.StringIO())
    assert "visits created: 1" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("reparse", stdout=io.StringIO())


def test_the_admin_action_reports_the_counts(client, editor):
    pk = _kept()
    client.force_login(editor)
    response = client.post(
        "/admin/visits/source/", {"action": "reparse", "_selected_action": [pk]}, follow=True
    )
    assert "Re-parsed 1 source(s): " in response.content.decode()
    assert "1 visits created" in response.content.decode()
