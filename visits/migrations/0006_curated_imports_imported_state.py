"""Records that only a curated publisher's file supports move from "unreviewed" to "imported".

A visit is curated-only when all its evidence is an import source of a curated publisher (evidence key
"import:hsg-visit:<id>" or "import:hsg-travel:<id>", the Office of the Historian's XML) — no article, no
editor-entered source, no other imported file — and no editor changed it by hand. Its visitor (read from
the file's structured fields) moves with it when no other source supports that official. Meetings and
organisations read from the remarks' prose stay unreviewed: they are the parser's reading, not the
publisher's. Accepted and rejected records stay as the editor left them. Going back moves every
"imported" record to "unreviewed".
"""

from django.db import migrations
from django.db.models import Exists, OuterRef, Q

# The schemes of curated publishers (visits/services/provenance.py PUBLISHERS with curated=True), frozen
# here as they were when this migration was written.
CURATED_KEYS = ("import:hsg-visit:", "import:hsg-travel:")


def _curated(prefix: str = "") -> Q:
    q = Q()
    for key in CURATED_KEYS:
        q |= Q(**{f"{prefix}key__startswith": key})
    return q & Q(**{f"{prefix}source__kind": "import"})


def _only_curated(Evidence, field: str):
    """(has curated import evidence, has any other evidence) for the outer record in `field`."""
    mine = Evidence.objects.filter(**{field: OuterRef("pk")})
    return Exists(mine.filter(_curated())), Exists(mine.exclude(_curated()))


def forwards(apps, schema_editor):
    Evidence = apps.get_model("visits", "Evidence")
    Visit = apps.get_model("visits", "Visit")
    Meeting = apps.get_model("visits", "Meeting")
    Participant = apps.get_model("visits", "Participant")
    Official = apps.get_model("people", "Official")

    curated_visit, other_visit = _only_curated(Evidence, "visit")
    Visit.objects.filter(curated_visit, ~other_visit, review_state="unreviewed", edited_fields=[]).update(
        review_state="imported"
    )
    # Visits some other source supports (an article, an editor, a non-curated file), or with none at all.
    visits_with_other = Visit.objects.filter(
        Exists(Evidence.objects.filter(visit=OuterRef("pk")).exclude(_curated()))
        | ~Exists(Evidence.objects.filter(visit=OuterRef("pk")))
    )
    # Meetings an article or an editor reports (those read from a curated file's remarks have none).
    meetings_with_other = Meeting.objects.filter(
        Exists(Evidence.objects.filter(meeting=OuterRef("pk")).exclude(_curated()))
    )
    curated_visits = Visit.objects.filter(curated_visit, ~other_visit)

    Official.objects.filter(
        Exists(curated_visits.filter(visitor=OuterRef("pk"))),
        ~Exists(visits_with_other.filter(visitor=OuterRef("pk"))),
        ~Exists(Participant.objects.filter(official=OuterRef("pk"), meeting__in=meetings_with_other)),
        review_state="unreviewed",
        edited_fields=[],
    ).update(review_state="imported")


def backwards(apps, schema_editor):
    for app, name in (
        ("visits", "Visit"),
        ("visits", "Meeting"),
        ("visits", "Trip"),
        ("visits", "Outcome"),
        ("people", "Official"),
        ("orgs", "Organisation"),
    ):
        apps.get_model(app, name).objects.filter(review_state="imported").update(review_state="unreviewed")


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0005_review_state_imported"),
        ("people", "0004_review_state_imported"),
        ("orgs", "0003_review_state_imported"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
