"""The NL Design System form pages in a browser: the one error summary and its links."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, login

pytestmark = [pytest.mark.browser]


def focused(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def test_error_summary_takes_focus_and_its_links_focus_the_fields(demo_site, new_page):
    page = new_page()
    login(page, demo_site.url, "kwartiermaker")
    page.goto(f"{demo_site.url}/organisaties/nieuw/")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state("networkidle")
    summary = page.locator("#foutsamenvatting")
    assert summary.count() == 1
    assert page.title().startswith("Fout: ")
    # After the failed submit the summary has the focus, so it is read out first.
    assert focused(page) == "foutsamenvatting"
    # Its link (reached by keyboard) puts the focus in the field it is about.
    link = summary.get_by_role("link", name="Naam")
    assert link.get_attribute("href") == "#id_naam"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_naam"
    page.keyboard.press("Enter")
    assert focused(page) == "id_naam"
    field = page.locator("#id_naam")
    assert field.get_attribute("aria-invalid") == "true"
    assert "id_naam_error" in (field.get_attribute("aria-describedby") or "")
    assert "verplicht" in page.locator("label[for=id_naam]").inner_text()
    assert not axe_violations(page)
    assert not page.csp_errors
