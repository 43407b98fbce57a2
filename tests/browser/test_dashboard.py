"""The wethouder's half-year journey in a real browser: dashboard, print view, report request."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, login

pytestmark = [pytest.mark.browser]


def test_wethouder_reads_the_dashboard_and_it_prints(demo_site, new_page):
    page = new_page()
    login(page, demo_site.url, "wethouder")
    page.get_by_role("link", name="Dashboard").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text().startswith("Dashboard")
    assert page.locator("svg[role=img] title").count() >= 1  # charts with an accessible name
    assert page.get_by_text("Duiding").count() >= 1
    assert axe_violations(page) == []
    assert page.csp_errors == []
    page.emulate_media(media="print")
    assert not page.locator("#hoofdnavigatie").is_visible()
    assert page.locator("svg[role=img]").first.is_visible()


def test_beleidsadviseur_requests_a_report_and_sees_it_ready(demo_site, new_page):
    page = new_page()
    login(page, demo_site.url, "beleidsadviseur")
    page.goto(f"{demo_site.url}/monitoring/rapporten/")
    assert axe_violations(page) == []
    page.get_by_label("Soort rapport").select_option("monitoring")
    page.get_by_role("button", name="Aanvragen").click()
    page.wait_for_load_state("networkidle")
    # Celery runs eagerly in tests, so the report is ready at once; the page polls otherwise.
    assert page.get_by_text("Het rapport is klaar").is_visible()
    assert axe_violations(page) == []
