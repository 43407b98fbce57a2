"""The issue's 'done when': start, fill half, close the browser, come back, finish it
with a colleague editing another part, submit and download the PDF."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from stappenplan.models import Antwoord, Verkenning
from tests.browser.conftest import sign_in_as

pytestmark = [pytest.mark.browser]
SAVED = "Alle antwoorden zijn opgeslagen."


def answer(page, label_start: str, text: str) -> None:
    field = page.get_by_label(label_start, exact=False).first
    field.fill(text)
    field.blur()


def test_beleidsadviseur_journey(demo_site, new_page, browser):
    base = demo_site.url
    page = new_page()
    sign_in_as(page, base, "beleidsadviseur", open_home=False)
    page.goto(base + "/verkenningen/nieuw/")
    page.get_by_label("Titel").fill("Werk en inkomen, reis")
    page.get_by_label("Levensdomein").select_option("werk_inkomen")
    page.get_by_label("Bo Beleid").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Verkenning starten").click()
    expect(page.locator("h1")).to_have_text("Werk en inkomen, reis")
    verkenning = Verkenning.objects.get(titel="Werk en inkomen, reis")

    answer(page, "1. Informatie over de gemeente", "Hanzestad, 100.000 inwoners.")
    answer(page, "2. Wat is inclusief beleid", "Iedereen doet mee.")
    expect(page.locator("#opslag-status")).to_have_text(SAVED)
    page.context.close()  # the browser is closed

    # Next day, two advisers work at the same time on different parts.
    ons, hun = new_page(), new_page()
    sign_in_as(ons, base, "beleidsadviseur", open_home=False)
    sign_in_as(hun, base, "beleidsadviseur2", open_home=False)
    ons.goto(base + verkenning.get_absolute_url())
    hun.goto(base + verkenning.get_absolute_url())
    expect(ons.get_by_label("1. Informatie over de gemeente")).to_have_value(
        "Hanzestad, 100.000 inwoners."
    )
    answer(hun, "1a. Wat zou binnen deze", "Werkgevers die breder werven.")
    answer(ons, "3. In hoeverre is er (politiek) draagvlak", "Brede steun in de raad.")
    expect(hun.locator("#opslag-status")).to_have_text(SAVED)
    expect(ons.locator("#opslag-status")).to_have_text(SAVED)
    assert Antwoord.objects.filter(verkenning=verkenning, tekst__gt="").count() >= 5

    ons.reload()
    expect(ons.get_by_label("1a. Wat zou binnen deze")).to_have_value(
        "Werkgevers die breder werven."
    )
    ons.get_by_role("button", name="Verkenning indienen").click()
    # Questions are still open: a page lists them and asks to confirm.
    expect(ons.get_by_role("heading", name="Verkenning indienen?")).to_be_visible()
    with ons.expect_navigation():
        ons.get_by_role("button", name=re.compile("Toch indienen met")).click()
    expect(ons.locator("main")).to_contain_text("alleen nog te lezen")
    ons.get_by_role("button", name="PDF-rapport maken").click()
    link = ons.get_by_role("link", name="Download het PDF-rapport")
    expect(link).to_be_visible(timeout=30000)
    with ons.expect_download() as info:
        link.click()
    path = info.value.path()
    data = open(path, "rb").read()
    assert data.startswith(b"%PDF")
    from inclusie.pdf import pdf_text

    text = pdf_text(data)
    assert "Werkgevers die breder werven." in text and "Brede steun in de raad." in text
