"""Never lose an answer: autosave under server errors, expired sessions, closed tabs and
two advisers editing the same answer. Each state is also checked with axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from stappenplan.models import Antwoord, Verkenning, Vraag
from tests.browser.conftest import axe_violations, login, sign_in_as

pytestmark = [pytest.mark.browser]
ANTWOORD_URL = re.compile(r".*/verkenningen/\d+/antwoord/$")


def open_verkenning(page, base_url):
    verkenning = Verkenning.objects.filter(status="concept", eigenaar__username="beleidsadviseur")
    verkenning = verkenning.filter(gedeeld_met__username="beleidsadviseur2").first()
    page.goto(f"{base_url}{verkenning.get_absolute_url()}")
    page.wait_for_load_state("networkidle")
    return verkenning


def field_for(page, verkenning, deel=3, nummer="1a"):
    vraag = Vraag.objects.get(
        deel__vragenlijst=verkenning.vragenlijst, deel__nummer=deel, nummer=nummer
    )
    return vraag, page.locator(f"#tekst-{vraag.pk}")


def stored(verkenning, vraag) -> str:
    antwoord = Antwoord.objects.filter(verkenning=verkenning, vraag=vraag).first()
    return antwoord.tekst if antwoord else ""


def test_server_errors_keep_the_answer_visible_and_it_is_saved_later(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    verkenning = open_verkenning(page, demo_site.url)
    vraag, field = field_for(page, verkenning, 3, "2c")
    failing = {"on": True, "hits": 0}

    def handler(route):
        if failing["on"]:
            failing["hits"] += 1
            route.fulfill(status=500, body="Server Error", content_type="text/html")
        else:
            route.continue_()

    page.route(ANTWOORD_URL, handler)
    tekst = "Wat gaat goed: de taalcafés. Wat kan beter: bereik onder jongeren."
    field.fill(tekst)
    field.blur()
    status = page.locator("#opslag-status")
    expect(status).to_contain_text("Niet opgeslagen", timeout=10000)
    expect(status).to_have_attribute("data-staat", "fout")
    expect(page.locator(f"#vraag-{vraag.pk} .vraag-status")).to_contain_text("Niet opgeslagen")
    assert field.input_value() == tekst
    key = f"verkenning:{verkenning.eigenaar_id}:{verkenning.pk}:{vraag.pk}"
    draft = page.evaluate(f"localStorage.getItem('{key}')")
    assert tekst in draft
    assert stored(verkenning, vraag) != tekst
    assert not axe_violations(page), axe_violations(page)
    page.wait_for_timeout(2500)
    assert failing["hits"] >= 2, "the page must keep retrying"
    failing["on"] = False
    expect(status).to_have_text("Alle antwoorden zijn opgeslagen.", timeout=20000)
    assert stored(verkenning, vraag) == tekst
    assert page.evaluate(f"localStorage.getItem('{key}')") is None
    assert not page.csp_errors


def test_expired_session_and_closed_tab_lose_nothing(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    verkenning = open_verkenning(page, demo_site.url)
    vraag, field = field_for(page, verkenning, 3, "4b")
    # The session expires while the adviser is typing.
    page.context.clear_cookies()
    tekst = "Weerstand bij de afdeling Sport: 'we doen al genoeg'."
    field.fill(tekst)
    field.blur()
    expect(page.locator("#opslag-status")).to_contain_text("sessie verlopen", timeout=10000)
    assert field.input_value() == tekst
    # The adviser closes the tab without saving.
    context = page.context
    page.close(run_before_unload=False)
    assert stored(verkenning, vraag) != tekst
    # Back the next day: sign in again; the draft comes back and is saved.
    page = context.new_page()
    login(page, demo_site.url, "beleidsadviseur")
    open_verkenning(page, demo_site.url)
    expect(page.locator(f"#tekst-{vraag.pk}")).to_have_value(tekst)
    expect(page.locator("#opslag-status")).to_have_text(
        "Alle antwoorden zijn opgeslagen.", timeout=15000
    )
    assert stored(verkenning, vraag) == tekst


def test_a_crash_before_the_autosave_fires_loses_nothing(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    verkenning = open_verkenning(page, demo_site.url)
    vraag, field = field_for(page, verkenning, 3, "5b")
    page.route(ANTWOORD_URL, lambda route: route.abort())  # the network is gone
    tekst = "Kartrekker: de teamleider van het Werkplein."
    field.type(tekst, delay=5)
    context = page.context
    page.close(run_before_unload=False)
    page = context.new_page()
    open_verkenning(page, demo_site.url)
    expect(page.locator(f"#tekst-{vraag.pk}")).to_have_value(tekst)
    expect(page.locator("#opslag-status")).to_have_text(
        "Alle antwoorden zijn opgeslagen.", timeout=15000
    )
    assert stored(verkenning, vraag) == tekst


def test_two_advisers_on_one_answer_get_a_visible_conflict(demo_site, new_page):
    ons, hun = new_page(), new_page()
    sign_in_as(ons, demo_site.url, "beleidsadviseur", open_home=False)
    sign_in_as(hun, demo_site.url, "beleidsadviseur2", open_home=False)
    verkenning = open_verkenning(ons, demo_site.url)
    open_verkenning(hun, demo_site.url)
    vraag, veld_ons = field_for(ons, verkenning, 3, "6c")
    _vraag, veld_hun = field_for(hun, verkenning, 3, "6c")

    veld_hun.fill("Jongeren ontbreken; ze komen niet naar avonden.")
    veld_hun.blur()
    expect(hun.locator("#opslag-status")).to_have_text("Alle antwoorden zijn opgeslagen.")
    assert stored(verkenning, vraag).startswith("Jongeren ontbreken")

    veld_ons.fill("Statushouders missen; de uitnodiging was alleen in het Nederlands.")
    veld_ons.blur()
    conflict = ons.locator(f"#vraag-{vraag.pk} .conflict")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Jongeren ontbreken")
    expect(conflict).to_contain_text("Statushouders missen")
    expect(ons.locator("#opslag-status")).to_contain_text("collega")
    # Nothing was overwritten silently.
    assert stored(verkenning, vraag).startswith("Jongeren ontbreken")
    assert not axe_violations(ons), axe_violations(ons)

    ons.get_by_role("button", name="Mijn tekst bewaren").click()
    expect(ons.locator("#opslag-status")).to_have_text("Alle antwoorden zijn opgeslagen.")
    expect(conflict).to_be_hidden()
    antwoord = Antwoord.objects.get(verkenning=verkenning, vraag=vraag)
    assert antwoord.tekst.startswith("Statushouders missen") and antwoord.versie >= 2


def test_skip_with_a_tip_updates_progress_and_submit_makes_it_read_only(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    verkenning = open_verkenning(page, demo_site.url)
    vraag, _field = field_for(page, verkenning, 3, "7a")
    blok = page.locator(f"#vraag-{vraag.pk}")
    open_before = int(page.locator(f"[data-voortgang='{vraag.deel_id}'] .n-open").inner_text())
    blok.get_by_label("Deze vraag nu overslaan").check()
    blok.get_by_label("Hoe kunnen we het antwoord vinden?").fill("Navragen bij Financiën")
    blok.get_by_label("Hoe kunnen we het antwoord vinden?").blur()
    expect(page.locator("#opslag-status")).to_have_text("Alle antwoorden zijn opgeslagen.")
    expect(page.locator(f"[data-voortgang='{vraag.deel_id}'] .n-open")).to_have_text(
        str(open_before - 1)
    )
    antwoord = Antwoord.objects.get(verkenning=verkenning, vraag=vraag)
    assert antwoord.overgeslagen and antwoord.tip == "Navragen bij Financiën"
    page.get_by_role("button", name="Verkenning indienen").click()
    # Questions are still open: a page lists them and asks to confirm.
    expect(page.get_by_role("heading", name="Verkenning indienen?")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Toch indienen met")).click()
    expect(page.locator("main")).to_contain_text("alleen nog te lezen")
    assert page.locator("form.antwoord-form").count() == 0
    assert not axe_violations(page), axe_violations(page)
    page.get_by_role("button", name="PDF-rapport maken").click()
    expect(page.get_by_role("link", name="Download het PDF-rapport")).to_be_visible(timeout=30000)


def test_signing_in_again_in_another_tab_saves_the_waiting_answer(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    verkenning = open_verkenning(page, demo_site.url)
    vraag, field = field_for(page, verkenning, 3, "3")
    page.context.clear_cookies()  # the session expired
    tekst = "Urgentie voelen vooral de wijkteams."
    field.fill(tekst)
    field.blur()
    status = page.locator("#opslag-status")
    expect(status).to_contain_text("sessie verlopen", timeout=10000)
    # Sign in again in a second tab; the first tab saves by itself (no reload).
    other = page.context.new_page()
    login(other, demo_site.url, "beleidsadviseur")
    expect(status).to_have_text("Alle antwoorden zijn opgeslagen.", timeout=45000)
    assert stored(verkenning, vraag) == tekst
    assert field.input_value() == tekst


def test_each_answer_keeps_a_visible_save_button_while_autosave_runs(demo_site, new_page):
    """Autosave is no reason to hide the submit button (a second accessibility engine
    flags a form without one); with JavaScript it saves at once, without leaving the page."""
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    verkenning = open_verkenning(page, demo_site.url)
    vraag, field = field_for(page, verkenning, 3, "1b")
    button = page.locator(f"#vraag-{vraag.pk} button[type=submit]")
    expect(button).to_be_visible()
    expect(button).to_have_accessible_name(re.compile(r"^Antwoord opslaan"))
    field.fill("Opgeslagen met de knop.")
    url = page.url
    button.click()
    expect(page.locator(f"#vraag-{vraag.pk} .vraag-status")).to_contain_text("Opgeslagen")
    assert page.url == url
    assert stored(verkenning, vraag) == "Opgeslagen met de knop."
