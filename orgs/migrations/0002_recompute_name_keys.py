"""Recompute organisations' name keys: letters of every script are kept (common.text.name_key)."""

from django.db import migrations

from common.text import name_key


def recompute(apps, schema_editor):
    model = apps.get_model("orgs", "Organisation")
    changed = []
    for row in model.objects.only("pk", "name", "name_key").iterator(chunk_size=2000):
        key = name_key(row.name)
        if key != row.name_key:
            row.name_key = key
            changed.append(row)
    model.objects.bulk_update(changed, ["name_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
