"""Maps in a real browser: a trip's route, an official's countries and a country's partners, each with its
table; and the same on a phone."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.scenario import add_lived_in, add_trip_and_outcome, build_scenario
from visits.models import Trip

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SAVE = os.environ.get("SAVE_SCREENSHOTS") == "1"

pytestmark = pytest.mark.browser


def shot(page: Page, name: str) -> None:
    if SAVE:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.fixture
def tour(transactional_db) -> Trip:
    """The shared scenario and its neighbours, with Kamran Aliyev's three-leg tour and its outcome."""
    scenario = build_scenario()
    add_lived_in(scenario)
    return add_trip_and_outcome(scenario)


def test_reader_opens_a_trip_follows_the_official_and_a_country(page: Page, base_url, tour):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/visits/?official=kamran-aliyev")
    page.get_by_role("link", name="Kamran Aliyev in Dushanbe").first.click()
    expect(page.get_by_role("heading", name="Outcomes")).to_be_visible()
    page.get_by_role("link", name="Leg 1 of a trip: the whole journey on a map →").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("a trip of 3 legs")
    route = page.get_by_role("img", name="Route of Kamran Aliyev's trip (2024-05-18)")
    expect(route).to_be_visible()
    expect(route.locator("circle.stop")).to_have_count(4)  # home, then three legs
    table = page.get_by_role("region", name="Route of Kamran Aliyev's trip (2024-05-18): the data")
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(table.locator("tbody tr").nth(2)).to_contain_text("Uzbekistan")
    expect(table.locator("tbody tr").nth(2)).to_contain_text("Tashkent")
    expect(page.get_by_role("heading", name="Legs", level=2)).to_be_visible()
    shot(page, "trip.png")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Kamran Aliyev").click()
    expect(page.get_by_role("heading", name="Kamran Aliyev", level=1)).to_be_visible()
    countries = page.get_by_role("img", name="Countries Kamran Aliyev visited")
    expect(countries).to_be_visible()
    expect(countries.locator('path[data-code="KZ"]')).to_have_class("land s5")
    data = page.get_by_role("region", name="Countries Kamran Aliyev visited: the data")
    expect(data.get_by_role("row", name="Kazakhstan 1")).to_be_visible()
    expect(page.get_by_role("heading", name="Trips", level=2)).to_be_visible()
    page.get_by_role("heading", name="Countries visited").scroll_into_view_if_needed()
    shot(page, "official-map.png")

    page.goto(f"{base_url}/countries/AZ/")
    outgoing = page.get_by_role("img", name="Where visitors from Azerbaijan go")
    expect(outgoing).to_be_visible()
    expect(
        page.get_by_role("region", name="Where visitors from Azerbaijan go: the data").get_by_role(
            "row", name="Kazakhstan 3"
        )
    ).to_be_visible()  # the tour's leg, the planned visit and President Aliyev's state visit
    expect(page.get_by_role("img", name="Where visitors to Azerbaijan come from")).to_be_visible()
    shot(page, "country-map.png")


def test_maps_fit_a_phone_and_keep_their_tables(page: Page, base_url, tour):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/trips/{tour.pk}/")
    route = page.locator("svg[data-map='trip-route']")
    box = route.bounding_box()
    assert box and box["width"] <= 390
    expect(page.locator("table[data-map-table='trip-route'] tbody tr")).to_have_count(4)
    shot(page, "trip-phone.png")
    page.goto(f"{base_url}/stats/")
    expect(page.get_by_role("img", name="Visits received, by country")).to_be_visible()
    shot(page, "stats-map.png")
