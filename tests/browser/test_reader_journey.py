"""A reader's journey in a real browser: filter the timeline, open a visit, follow an official, export."""

import csv
import io
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from visits.models import Outcome

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SAVE = os.environ.get("SAVE_SCREENSHOTS") == "1"

pytestmark = pytest.mark.browser


def shot(page: Page, name: str) -> None:
    if SAVE:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name))


def test_reader_filters_opens_a_visit_follows_an_official_and_exports(page: Page, base_url, archive):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/visits/")
    expect(page.get_by_role("heading", name="Visits", level=1)).to_be_visible()
    shot(page, "timeline.png")

    panel = page.get_by_role("search", name="Filter visits")
    panel.get_by_label("Destination").select_option("TJ")
    panel.get_by_label("Year").fill("2024")
    panel.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"destination=TJ.*year=2024|year=2024.*destination=TJ"))
    expect(
        page.get_by_role("link", name=re.compile("Remove filter Destination: .*Tajikistan"))
    ).to_be_visible()
    rows = page.locator(".vrow")
    expect(rows).to_have_count(2)  # the Prosecutor General's visit and the planned state visit

    with page.expect_download() as download_info:
        page.get_by_role("list", name="Export this list").get_by_role("link", name="CSV").click()
    lines = Path(download_info.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,url,")
    exported = list(csv.DictReader(io.StringIO("\n".join(lines))))
    assert sorted(r["visitor_name"] for r in exported) == ["Kamran Aliyev", "Kassym-Jomart Tokayev"]

    # What the visits produced: the panel's outcome controls narrow the list to the one that signed.
    Outcome.objects.create(visit=archive, kind=Outcome.Kind.MEMORANDUM, title="memorandum on legal aid")
    panel.get_by_label("Has an outcome").select_option("true")
    panel.get_by_label("Outcome", exact=True).select_option("memorandum")
    panel.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"has_outcome=true.*outcome_kind=memorandum"))
    expect(page.get_by_role("link", name="Remove filter Outcome: Memorandum")).to_be_visible()
    expect(rows).to_have_count(1)
    panel.get_by_label("Outcome", exact=True).select_option("declaration")
    panel.get_by_role("button", name="Apply filters").click()
    expect(rows).to_have_count(0)
    page.get_by_role("link", name="Remove filter Outcome: Declaration").click()
    expect(rows).to_have_count(1)

    page.get_by_role("link", name=re.compile("^Kamran Aliyev in Dushanbe")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kamran Aliyev")
    expect(page.locator(".source__text mark").first).to_contain_text(
        "Prosecutor General Kamran Aliyev arrived in Dushanbe"
    )
    expect(page.get_by_role("link", name="Habibullo Vohidzoda").first).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 1400})
    shot(page, "visit.png")

    page.get_by_role("link", name="Habibullo Vohidzoda").first.click()
    expect(page).to_have_url(f"{base_url}/officials/habibullo-vohidzoda/")
    expect(page.get_by_role("heading", name="Habibullo Vohidzoda", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Kamran Aliyev").first).to_be_visible()


def test_timeline_on_a_phone_puts_results_first_and_keyboard_reaches_content(page: Page, base_url, archive):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/visits/")
    expect(page.locator("details.filters")).not_to_have_attribute("open", "")
    expect(page.locator(".vrow").first).to_be_in_viewport()
    shot(page, "timeline-phone.png")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.locator("details.filters summary").click()
    expect(page.get_by_label("Destination")).to_be_visible()
