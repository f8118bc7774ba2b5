"""An editor who removes a meeting's participant in admin owns the list: a re-parse never brings them back."""

import pytest

from visits.models import Meeting
from visits.services.records import extraction_apply
from visits.services.sources import source_create

pytestmark = pytest.mark.django_db

ARTICLE = "Kamran Aliyev arrived in Dushanbe. He met Yusuf Rahmon and Ali Bek."
EXTRACTION = {
    "officials": [{"name": "Kamran Aliyev", "country": "AZ"}, {"name": "Yusuf Rahmon", "country": "TJ"}],
    "visits": [{"visitor": "Kamran Aliyev", "destination_country": "TJ", "start_date": "2024-05-18"}],
    "meetings": [{"participants": ["Kamran Aliyev", "Yusuf Rahmon", "Ali Bek"], "date": "2024-05-18"}],
}


def _post_data(response) -> dict:
    """What a browser posts back for an admin change form, as shown (main form and every inline)."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
        if hasattr(value, "pk"):
            data[name] = str(value.pk)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = str(value)
        for child in formset.forms:
            for name, field in child.fields.items():
                value = child.initial.get(name, field.initial)
                if value is not None:
                    data[f"{child.prefix}-{name}"] = str(getattr(value, "pk", value))
    return {k: v for k, v in data.items() if v not in ("None",)}


def test_removing_a_participant_in_admin_survives_a_reparse(client, editor):
    source, _ = source_create(text=ARTICLE)
    extraction_apply(source=source, extraction=EXTRACTION)
    meeting = Meeting.objects.get()
    client.force_login(editor)
    url = f"/admin/visits/meeting/{meeting.pk}/change/"
    data = _post_data(client.get(url))
    bek = next(k.removesuffix("-name_as_written") for k, v in data.items() if v == "Ali Bek")
    data[f"{bek}-DELETE"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    meeting.refresh_from_db()
    assert "participants" in meeting.edited_fields
    extraction_apply(source=source, extraction=EXTRACTION)
    names = sorted(Meeting.objects.get().participants.values_list("name_as_written", flat=True))
    assert names == ["Kamran Aliyev", "Yusuf Rahmon"]
