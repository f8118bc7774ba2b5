"""In a real browser, the pages break no rule of their Content-Security-Policy and still draw their charts."""

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/visits/", "/stats/", "/officials/", "/organisations/", "/countries/"])
def test_pages_break_no_rule_of_the_policy(page: Page, base_url, archive, path):
    refused: list[str] = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    response = page.goto(f"{base_url}{path}")
    assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    assert refused == []


def test_the_stats_bars_get_their_widths_from_the_script(page: Page, base_url, archive):
    page.goto(f"{base_url}/stats/")
    page.wait_for_load_state("load")
    widths = page.eval_on_selector_all(".hbar", "bars => bars.map(b => b.style.getPropertyValue('--w'))")
    assert widths and all(w.endswith("%") for w in widths)
