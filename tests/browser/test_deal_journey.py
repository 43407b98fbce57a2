"""The kwartiermaker's main Deal journey in a real browser, by keyboard, with axe on each page."""

from __future__ import annotations

import pytest
from django.utils import timezone

from deal.constants import Fase
from deal.models import Partner
from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = [pytest.mark.browser]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def assert_accessible(page):
    problems = axe_violations(page)
    assert not problems, f"{page.url}: {problems}"
    assert page.locator("h1").count() == 1


def test_kwartiermaker_moves_a_partner_by_keyboard_and_signs(demo_site, new_page, tmp_path):
    partner = Partner.objects.filter(fase=Fase.VERKEND).select_related("organisatie").first()
    naam = partner.organisatie.naam
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker")

    # Home: the warnings panel for pijlers without an ambassador.
    assert page.get_by_role("heading", name="Pijlers zonder ambassadeur").is_visible()
    assert_accessible(page)

    page.goto(f"{demo_site.url}/deal/pijplijn/")
    assert_accessible(page)
    card = page.locator(f"#partner-{partner.pk}")
    assert card.locator("xpath=ancestor::section").get_attribute("data-fase") == "verkend"

    # One step forward: focus the card's button and press Enter; the dialog asks for an
    # optional note (focus in it), Tab to "Verplaatsen", Enter.
    card.get_by_role("button", name="Naar in gesprek").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    assert dialog.is_visible()
    assert naam in dialog.get_by_role("heading").inner_text()
    assert_accessible(page)
    page.keyboard.type("Kennismaking bij de koffie.")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    card = page.locator(f"#partner-{partner.pk}")
    assert card.locator("xpath=ancestor::section").get_attribute("data-fase") == "in_gesprek"

    # Escape closes the dialog without moving, and focus returns to the card's button.
    card.get_by_role("button", name="Naar aangehaakt").focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("dialog").is_visible()
    page.keyboard.press("Escape")
    assert not page.get_by_role("dialog").is_visible()
    assert page.evaluate("document.activeElement.name") == "snel"

    # Stopping by keyboard: open "Andere fase", choose in the select, Tab to the button,
    # Enter; the dialog asks for the reason, which is required here.
    card.locator("summary").focus()
    page.keyboard.press("Enter")
    select = card.get_by_label("Naar fase")
    select.focus()
    select.select_option("gestopt")  # same as arrow keys on a focused select
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Verplaatsen")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    assert dialog.get_by_label("Reden (verplicht)").is_visible()
    dialog.get_by_role("button", name="Verplaatsen").click()
    assert dialog.get_by_text("Geef een reden op.").is_visible()  # not sent without one
    dialog.get_by_role("button", name="Annuleren").click()

    # Without the dialog (the plain form page) the server still asks for the reason.
    page.goto(f"{demo_site.url}/deal/partners/{partner.pk}/fase/")
    page.get_by_label("Naar fase").select_option("gestopt")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").press("Enter")
    assert page.get_by_role("alert").is_visible()
    assert "Geef een reden op" in page.content()
    assert_accessible(page)
    # Then go back to the route instead: fill in a reason and choose "aangehaakt".
    page.get_by_label("Naar fase").select_option("aangehaakt")
    page.get_by_label("Reden of toelichting").fill("Sneller dan verwacht aangehaakt.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").press("Enter")
    assert "Aangehaakt" in page.locator(".utrecht-paragraph--lead").inner_text()
    assert "Kennismaking bij de koffie." in page.content()  # the note, in the history
    assert_accessible(page)

    # Sign with the PDF.
    pdf = tmp_path / "deal.pdf"
    pdf.write_bytes(PDF)
    with page.expect_navigation():
        page.get_by_role("link", name="Ondertekening vastleggen").click()
    assert_accessible(page)
    page.get_by_label("Datum van ondertekening").fill(timezone.localdate().isoformat())
    page.get_by_label("Naam ondertekenaar").fill("Rina Rietveld")
    page.get_by_label("Ondertekend document (PDF, maximaal 10 MB)").set_input_files(str(pdf))
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert "Ondertekend" in page.locator(".utrecht-paragraph--lead").inner_text()

    # A commitment, then the public page lists the organisation.
    with page.expect_navigation():
        page.get_by_role("link", name="Toezegging toevoegen").click()
    assert_accessible(page)
    page.get_by_label("Wat zegt de partner toe?").fill("Wij openen onze kantine voor de buurt")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    page.goto(f"{demo_site.url}/openbaar/deal/")
    assert naam in page.content() and "Wij openen onze kantine voor de buurt" in page.content()
    assert "Rina Rietveld" not in page.content()
    assert_accessible(page)
    assert not page.csp_errors


def test_pijler_page_shows_members_and_the_rule(demo_site, new_page):
    from pijlers.selectors import pijlers_zonder_ambassadeur

    zonder = pijlers_zonder_ambassadeur()[0]
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(demo_site.url + zonder.get_absolute_url())
    assert "nog geen ambassadeur" in page.content()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Ambassadeur toevoegen").click()
    assert_accessible(page)


def test_drag_and_drop_is_an_enhancement_of_the_same_form(demo_site, new_page):
    partner = Partner.objects.filter(fase=Fase.VERKEND).order_by("pk").last()
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(f"{demo_site.url}/deal/pijplijn/")
    page.locator(f"#partner-{partner.pk}").drag_to(page.locator("section[data-fase=in_gesprek]"))
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Notitie (niet verplicht)").fill("Gesleept na het gesprek.")
    with page.expect_navigation():
        dialog.get_by_role("button", name="Verplaatsen").click()
    partner.refresh_from_db()
    assert partner.fase == Fase.IN_GESPREK
    assert partner.fasewijzigingen.first().reden == "Gesleept na het gesprek."
    assert not page.csp_errors
