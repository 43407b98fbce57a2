"""The raadsmededeling editor in Chromium: live preview, autosave, a colleague's conflicting
save shown side by side, the local copy after a failed save, and the lock after approval.
Each state is checked with axe."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from inclusie.models import User
from monitoring.models import Raadsmededeling
from monitoring.services import raadsmededeling as service
from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = [pytest.mark.browser]
SAVE_URL = re.compile(r".*/raadsmededelingen/\d+/wijzigen/$")


def open_editor(page, base_url) -> Raadsmededeling:
    mededeling = Raadsmededeling.objects.filter(status="concept").first()
    assert mededeling is not None, "the demo has a draft raadsmededeling"
    page.goto(f"{base_url}/monitoring/raadsmededelingen/{mededeling.pk}/wijzigen/")
    page.wait_for_load_state("networkidle")
    return mededeling


def test_preview_autosave_and_conflict(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    mededeling = open_editor(page, demo_site.url)
    assert axe_violations(page) == []
    kern = page.locator("#id_kern")
    kern.fill("- **Zeven** partners tekenden\n- Meer in [de Deal](https://deventer.nl/deal)")
    preview = page.locator("#voorbeeld-kern")
    expect(preview.locator("li strong")).to_have_text("Zeven")
    expect(preview.locator("a")).to_have_attribute("href", "https://deventer.nl/deal")
    status = page.locator("#opslag-status")
    expect(status).to_contain_text("Alles is opgeslagen", timeout=10000)
    mededeling.refresh_from_db()
    assert mededeling.kern.startswith("- **Zeven** partners tekenden")

    # A colleague saves the same text in between: nothing is overwritten silently.
    service.raadsmededeling_update(
        mededeling=mededeling,
        data={"kern": "Tekst van de collega."},
        by=User.objects.get(username="beheerder"),
    )
    kern.fill("Mijn nieuwe kern.")
    expect(status).to_contain_text("een collega heeft de tekst tegelijk", timeout=10000)
    box = page.locator("#conflict")
    expect(box).to_contain_text("Tekst van de collega.")
    expect(box).to_contain_text("Mijn nieuwe kern.")
    assert axe_violations(page) == []
    mededeling.refresh_from_db()
    assert mededeling.kern == "Tekst van de collega."
    box.get_by_role("button", name="Mijn tekst bewaren").click()
    expect(status).to_contain_text("Alles is opgeslagen", timeout=10000)
    mededeling.refresh_from_db()
    assert mededeling.kern == "Mijn nieuwe kern."


def test_a_failed_save_is_kept_in_the_browser_and_saved_after_reload(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    mededeling = open_editor(page, demo_site.url)
    page.route(SAVE_URL, lambda route: route.abort("internetdisconnected"))
    page.locator("#id_vervolg").fill("In januari 2027 volgt de volgende mededeling.")
    status = page.locator("#opslag-status")
    expect(status).to_contain_text("Niet opgeslagen: geen verbinding", timeout=10000)
    expect(status).to_have_attribute("data-staat", "fout")
    page.unroute(SAVE_URL)
    page.goto(page.url)  # the page is opened again (a crash, a closed tab)
    expect(page.locator("#id_vervolg")).to_have_value(
        "In januari 2027 volgt de volgende mededeling."
    )
    expect(status).to_contain_text("Alles is opgeslagen", timeout=10000)
    mededeling.refresh_from_db()
    assert mededeling.vervolg == "In januari 2027 volgt de volgende mededeling."


def test_approved_text_is_locked_in_the_open_editor_too(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    mededeling = open_editor(page, demo_site.url)
    service.raadsmededeling_approve(
        mededeling=mededeling,
        bw_datum=dt.date(2026, 7, 14),
        by=User.objects.get(username="wethouder"),
    )
    before = Raadsmededeling.objects.get(pk=mededeling.pk).kern
    page.locator("#id_kern").fill("Na de goedkeuring nog iets veranderen.")
    status = page.locator("#opslag-status")
    expect(status).to_contain_text("goedgekeurd en staat vast", timeout=10000)
    assert Raadsmededeling.objects.get(pk=mededeling.pk).kern == before
    page.goto(f"{demo_site.url}/monitoring/raadsmededelingen/{mededeling.pk}/wijzigen/")
    expect(page.locator("main")).to_contain_text("de tekst staat vast")
    assert axe_violations(page) == []
