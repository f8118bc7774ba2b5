import json
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from people.models import Official
from visits.models import Meeting, Source, Visit

ARTICLE = {
    "id": "t1",
    "url": None,
    "outlet": "Test",
    "published": "2024-05-18",
    "title": "A visit",
    "text": "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, "
    "for a working visit.",
    "gold": {"officials": [], "organisations": [], "visits": [], "meetings": []},
}


def test_extract_prints_one_json_line_per_file_in_order_without_a_database(tmp_path):
    article = tmp_path / "t1.json"
    article.write_text(json.dumps(ARTICLE))
    plain = tmp_path / "note.txt"
    plain.write_text("Nothing happened today.")
    out = StringIO()
    call_command("extract", str(article), str(plain), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["file"] for line in lines] == [str(article), str(plain)]
    assert set(lines[0]) >= {"officials", "organisations", "visits", "meetings"}
    assert [v["destination_country"] for v in lines[0]["visits"]] == ["TJ"]
    assert lines[1]["visits"] == []


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_creates_the_editor(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-demo-password")
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=out)
    assert Source.objects.count() == 1
    assert Visit.objects.count() == 1
    assert Meeting.objects.count() == 5
    assert Official.objects.filter(name="Mohammad Movahedi-Azad").count() == 1
    assert Visit.objects.get().review_state == "accepted"
    editor = User.objects.get(username="editor")
    assert editor.check_password("a-long-demo-password") and editor.is_staff
    assert editor.has_perm("visits.change_visit")
