"""organisation_resolve: one body per acronym or name, the country's own first, created only when asked."""

import pytest

from orgs.models import Organisation
from orgs.services import organisation_resolve
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_acronym_finds_its_body():
    eco = OrganisationFactory(name="Economic Cooperation Organization", acronym="ECO", country="")
    assert organisation_resolve(name="", acronym="ECO") == eco


def test_a_name_finds_its_body_whatever_the_spelling_of_case_and_spaces():
    pgo = OrganisationFactory(name="Prosecutor General's Office", country="AZ")
    assert organisation_resolve(name="prosecutor  general's office") == pgo


def test_namesakes_prefer_the_one_of_the_country_named():
    OrganisationFactory(name="Ministry of Foreign Affairs", slug="mfa-az", country="AZ")
    tj = OrganisationFactory(name="Ministry of Foreign Affairs", slug="mfa-tj", country="TJ")
    assert organisation_resolve(name="Ministry of Foreign Affairs", country="tj") == tj


def test_an_unknown_body_is_created_with_a_unique_slug_and_no_country_when_intergovernmental():
    OrganisationFactory(name="Other", slug="shanghai-cooperation-organisation")
    sco = organisation_resolve(
        name="Shanghai Cooperation Organisation", kind="intergovernmental", country="CN"
    )
    assert (sco.slug, sco.kind, sco.country) == (
        "shanghai-cooperation-organisation-2",
        "intergovernmental",
        "",
    )
    assert organisation_resolve(name="Shanghai Cooperation Organisation") == sco


def test_an_unknown_kind_is_other_and_nothing_is_created_when_not_asked():
    assert organisation_resolve(name="Nowhere Council", create=False) is None
    assert not Organisation.objects.filter(name="Nowhere Council").exists()
    assert organisation_resolve(name="Nowhere Council", kind="secret").kind == "other"


def test_no_name_and_no_acronym_is_nothing():
    assert organisation_resolve(name="  ", acronym="") is None
