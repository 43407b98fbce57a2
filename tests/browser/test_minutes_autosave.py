"""Meeting minutes are never lost (issue 11): notes save as they are typed, survive a
reload and a server outage (local copy first, retried), "Actiepunt toevoegen" keeps
unsaved text, and a long form warns before the user leaves it with unsaved changes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bijeenkomsten.models import Agendapunt, Bijeenkomst
from inclusie.models import User
from tests.browser.conftest import axe_violations, sign_in_as, under_way

pytestmark = [pytest.mark.browser]
OPSLAAN_URL = re.compile(r".*/bijeenkomsten/\d+/verslag/opslaan/$")
SAVED = "Alle aantekeningen zijn opgeslagen."


def meeting_with_agenda() -> tuple[Bijeenkomst, Agendapunt]:
    punt = Agendapunt.objects.filter(aantekeningen="").order_by("pk").first()
    return under_way(punt.bijeenkomst), punt


def open_minutes(page, base_url, meeting):
    page.goto(f"{base_url}/bijeenkomsten/{meeting.pk}/verslag/")
    page.wait_for_load_state("networkidle")


def notes(punt) -> str:
    return Agendapunt.objects.get(pk=punt.pk).aantekeningen


def test_notes_save_as_typed_and_are_there_after_a_reload(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    meeting, punt = meeting_with_agenda()
    open_minutes(page, demo_site.url, meeting)
    field = page.locator(f"#id_punt_{punt.pk}")
    tekst = "Drie ambassadeurs vertellen over hun eerste gesprekken."
    field.press_sequentially(tekst, delay=5)
    expect(page.locator("#opslag-status")).to_have_text(SAVED, timeout=10000)
    assert notes(punt) == tekst
    assert not axe_violations(page), axe_violations(page)
    page.reload()
    expect(page.locator(f"#id_punt_{punt.pk}")).to_have_value(tekst)
    assert not page.csp_errors


def test_server_down_keeps_a_local_copy_and_saves_it_later(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker")
    context = page.context
    failing = {"on": True, "hits": 0}

    def handler(route):
        if failing["on"]:
            failing["hits"] += 1
            route.fulfill(status=500, body="Server Error", content_type="text/html")
        else:
            route.continue_()

    context.route(OPSLAAN_URL, handler)
    meeting, punt = meeting_with_agenda()
    open_minutes(page, demo_site.url, meeting)
    field = page.locator(f"#id_punt_{punt.pk}")
    tekst = "Actie uit de zaal: de wijkcentra vragen om een training."
    field.press_sequentially(tekst, delay=5)
    status = page.locator("#opslag-status")
    expect(status).to_contain_text("Niet opgeslagen", timeout=10000)
    expect(status).to_have_attribute("data-staat", "fout")
    user = User.objects.get(username="kwartiermaker")
    key = f"verslag:{user.pk}:{meeting.pk}:{punt.pk}"
    assert tekst in page.evaluate(f"localStorage.getItem('{key}')")
    assert notes(punt) != tekst
    assert not axe_violations(page), axe_violations(page)
    page.wait_for_timeout(2500)
    assert failing["hits"] >= 2, "the page must keep retrying"
    # The browser crashes while the server is still down: a crash sends no last-chance
    # beacon either (switched off here, then the tab is closed). Opened again, the text
    # comes back from the local copy.
    page.evaluate("navigator.sendBeacon = function () { return true; }")
    # Offline while the tab goes: a retry fired at that moment could otherwise slip past
    # the route above as the page is torn down, and reach the server after all.
    context.set_offline(True)
    page.close(run_before_unload=False)
    context.set_offline(False)
    assert notes(punt) != tekst
    page = context.new_page()
    open_minutes(page, demo_site.url, meeting)
    expect(page.locator(f"#id_punt_{punt.pk}")).to_have_value(tekst)
    expect(page.locator("#opslag-status")).to_contain_text("Niet opgeslagen")
    # The server is back: the local copy is saved and cleared.
    failing["on"] = False
    expect(page.locator("#opslag-status")).to_have_text(SAVED, timeout=20000)
    assert notes(punt) == tekst
    assert page.evaluate(f"localStorage.getItem('{key}')") is None


def test_actiepunt_toevoegen_never_loses_unsaved_notes(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.route(OPSLAAN_URL, lambda route: route.abort())  # the autosave cannot reach the server
    meeting, punt = meeting_with_agenda()
    open_minutes(page, demo_site.url, meeting)
    tekst = "Besluit: de volgende bijeenkomst in de bibliotheek."
    page.locator(f"#id_punt_{punt.pk}").press_sequentially(tekst, delay=5)
    page.get_by_role("button", name="Actiepunt toevoegen").click()
    expect(page.locator("h1")).to_have_text("Actiepunt toevoegen")
    assert notes(punt) == tekst
    page.get_by_label("Wat moet er gebeuren").fill("Zaal reserveren")
    # The owner is chosen in the searchable combobox: Down opens the list on its first match.
    # Wait for the script to layer the combobox over the native select: a key pressed on
    # the bare select would choose its first option instead.
    expect(page.locator("#id_eigenaar_select")).to_be_hidden()
    owner = page.locator("#id_eigenaar")
    expect(owner).to_have_attribute("role", "combobox")
    owner.press("ArrowDown")
    expect(page.locator("#id_eigenaar_lijst [role=option]").first).to_be_visible()
    owner.press("Enter")
    page.get_by_label("Klaar op").fill("2030-01-15")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_have_text("Verslag")
    expect(page.locator(f"#id_punt_{punt.pk}")).to_have_value(tekst)


def _leave_and_catch_dialog(page, href: str) -> list[str]:
    seen: list[str] = []

    def on_dialog(dialog):
        seen.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", on_dialog)
    page.evaluate(f"window.location.href = {href!r}")
    page.wait_for_timeout(1000)
    page.remove_listener("dialog", on_dialog)
    return seen


def test_a_long_form_warns_before_leaving_with_unsaved_changes(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(f"{demo_site.url}/bijeenkomsten/nieuw/")
    page.wait_for_load_state("networkidle")
    # Untouched: leaving needs no warning.
    assert _leave_and_catch_dialog(page, "/") == []
    page.goto(f"{demo_site.url}/bijeenkomsten/nieuw/")
    page.wait_for_load_state("networkidle")
    page.get_by_label("Titel").press_sequentially("Extra ambassadeursbijeenkomst", delay=5)
    assert _leave_and_catch_dialog(page, "/") == ["beforeunload"]
    expect(page.get_by_label("Titel")).to_have_value("Extra ambassadeursbijeenkomst")


def test_minutes_warn_before_leaving_while_notes_are_unsaved(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.route(OPSLAAN_URL, lambda route: route.abort())
    meeting, punt = meeting_with_agenda()
    open_minutes(page, demo_site.url, meeting)
    page.locator(f"#id_punt_{punt.pk}").press_sequentially("Nog niet opgeslagen", delay=5)
    assert _leave_and_catch_dialog(page, "/") == ["beforeunload"]
    page.unroute(OPSLAAN_URL)
    expect(page.locator("#opslag-status")).to_have_text(SAVED, timeout=20000)
    assert _leave_and_catch_dialog(page, "/") == []
