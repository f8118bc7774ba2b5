"""A GIN index for the timeline's full-text `q` filter, on PostgreSQL only (SQLite searches by LIKE).

The expression is the one visits.filters.full_text builds for Visit.SEARCH_FIELDS, so the planner uses it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

FIELDS = ("visitor_name", "visitor_title", "destination_city", "purpose", "summary")
INDEX = GinIndex(SearchVector(*FIELDS, config="simple"), name="visit_search_idx")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("visits", "Visit"), INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("visits", "Visit"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("visits", "0002_visit_country_pair_index")]
    operations = [migrations.RunPython(create, drop)]
