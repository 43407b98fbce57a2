"""The wethouder's half-year journey in a real browser: dashboard, print view, report request."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = [pytest.mark.browser]


def test_wethouder_reads_the_dashboard_and_it_prints(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "wethouder")
    with page.expect_navigation():
        page.get_by_role("link", name="Dashboard").first.click()
    assert page.locator("h1").inner_text().startswith("Dashboard")
    # Charts have an accessible name and a description that says the numbers.
    chart = page.get_by_role("img", name="Organisaties per fase van de Deal")
    assert chart.count() == 1
    described = chart.get_attribute("aria-describedby")
    assert "Verkend:" in page.locator(f"#{described}").inner_text()
    # Readable: the labels are page text of at least 14 px, the chart fits the page.
    label = page.locator(".staafgrafiek__label").first
    assert float(label.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 14
    # The numbers are one click away, as a table with headers.
    page.get_by_text("Toon de cijfers als tabel").first.click()
    table = page.locator(".staafgrafiek__tabel table").first
    assert table.is_visible() and table.locator("th[scope=row]").count() >= 1
    assert page.get_by_text("Duiding").count() >= 1
    assert axe_violations(page) == []
    assert page.csp_errors == []
    # On a phone the chart still fits and its text stays the same size.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert float(label.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 14
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})
    # Printing hides the menu and opens every chart's table.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert not page.locator("#hoofdnavigatie").is_visible()
    assert page.locator(".staafgrafiek__staven").first.is_visible()
    assert page.locator("details.staafgrafiek__tabel:not([open])").count() == 0


def test_beleidsadviseur_requests_a_report_and_sees_it_ready(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    page.goto(f"{demo_site.url}/monitoring/rapporten/")
    assert axe_violations(page) == []
    page.get_by_label("Soort rapport").select_option("monitoring")
    with page.expect_navigation():
        page.get_by_role("button", name="Aanvragen").click()
    # Celery runs eagerly in tests, so the report is ready at once; the page polls otherwise.
    assert page.get_by_text("Het rapport is klaar").is_visible()
    assert axe_violations(page) == []
