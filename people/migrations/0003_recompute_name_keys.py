"""Recompute the stored name keys: letters of every script are kept, match_key keeps vowels (common.text)."""

from django.db import migrations

from common.text import match_key, name_key


def recompute(apps, schema_editor):
    for model_name in ("Official", "OfficialAlias"):
        model = apps.get_model("people", model_name)
        changed = []
        for row in model.objects.only("pk", "name", "name_key", "match_key").iterator(chunk_size=2000):
            keys = (name_key(row.name), match_key(row.name))
            if keys != (row.name_key, row.match_key):
                row.name_key, row.match_key = keys
                changed.append(row)
        model.objects.bulk_update(changed, ["name_key", "match_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_initial")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
