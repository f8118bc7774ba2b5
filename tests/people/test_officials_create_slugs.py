"""people.services.officials_create: namesakes get the first free numbered slug, whatever is on record."""

import pytest

from people.services import officials_create
from tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db


def test_namesakes_take_the_first_free_numbers_around_slugs_on_record():
    OfficialFactory(name="Other", slug="kenji-pashinyan-3")
    OfficialFactory(name="Other", slug="ana-2")
    created = officials_create(
        people=[
            ("Kenji Pashinyan", "AM"),
            ("Kenji Pashinyan", "JP"),
            ("Ana", "RS"),
            ("Kenji Pashinyan", "FR"),
            ("Kenji Pashinyan 2", "DE"),  # its base is a numbered slug of the other base
            ("Kenji Pashinyan", "IT"),
            ("Ana", "EE"),
        ]
    )
    assert [o.slug for o in created] == [
        "kenji-pashinyan",
        "kenji-pashinyan-2",
        "ana",
        "kenji-pashinyan-4",
        "kenji-pashinyan-2-2",
        "kenji-pashinyan-5",
        "ana-3",
    ]
