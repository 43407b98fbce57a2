"""The redaction preview as a beleidsadviseur sees it: understandable, keyboard-usable, axe-clean."""

from __future__ import annotations

import pytest

from inclusie.constants import Role
from inclusie.models import Lakbesluit
from monitoring.models import OpenbaarAmbtsdrager
from monitoring.periods import Period
from monitoring.services import raadsmededeling
from tests.browser.conftest import axe_violations, login
from tests.factories import PASSWORD, PersoonFactory, UserFactory

pytestmark = [pytest.mark.browser]

KERN = (
    "In het voorjaar sprak mevrouw Klankbord met wethouder Wil Wethouder over werk.\n"
    "Fatima Zandbergen (f.zandbergen@voorbeeld.nl, 06-12345678) bracht het advies in; "
    "het klankbord adviseerde positief. De moeder van drie uit de wijk deed ook mee."
)


def test_preview_is_understandable_keyboard_usable_and_passes_axe(
    transactional_db, live_server, new_page, tmp_path
):
    adviseur = UserFactory(role=Role.BELEIDSADVISEUR, email="adviseur@voorbeeld.nl")
    OpenbaarAmbtsdrager.objects.create(naam="Wil Wethouder")
    PersoonFactory(naam="Kaya Klankbord")
    PersoonFactory(naam="Fatima Zandbergen")
    mededeling = raadsmededeling.raadsmededeling_draft(period=Period.parse("2026-H1"))
    raadsmededeling.raadsmededeling_update(mededeling=mededeling, data={"kern": KERN}, by=None)

    page = new_page()
    login(page, live_server.url, adviseur.email, PASSWORD)
    page.goto(f"{live_server.url}/monitoring/raadsmededelingen/{mededeling.pk}/voorvertoning/")
    assert page.locator("h1").count() == 1
    assert page.get_by_role("heading", name="Voorvertoning openbare versie").is_visible()
    struck = page.locator("del.lak").all_inner_texts()
    assert "Klankbord" in struck and "Fatima Zandbergen" in struck
    assert "[gelakt: persoonsnaam, Woo 5.1.2e]" in page.locator("#lak-tekst").inner_text()
    assert "wethouder Wil Wethouder" in page.locator("#lak-tekst").inner_text()
    assert axe_violations(page) == []
    page.screenshot(path=str(tmp_path / "voorvertoning.png"), full_page=True)

    # Selecting text with the mouse puts it in the field ...
    page.evaluate(
        """() => {
          const p = [...document.querySelectorAll('#lak-tekst .lak-inhoud')]
            .find(el => el.textContent.includes('De moeder van drie'));
          const node = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('De moeder'));
          const start = node.textContent.indexOf('De moeder van drie');
          const range = document.createRange();
          range.setStart(node, start); range.setEnd(node, start + 'De moeder van drie'.length);
          const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
          p.closest('#lak-tekst').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }"""
    )
    field = page.get_by_label("Tekst die gelakt moet worden")
    assert field.input_value() == "De moeder van drie"
    # ... and by keyboard the field is simply typed in, then submitted with Enter.
    field.fill("")
    field.focus()
    page.keyboard.type("De moeder van drie")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De moeder van drie" in page.locator("del.lak").all_inner_texts()
    assert Lakbesluit.objects.get().door == adviseur

    # Lifting needs a reason; the form opens by keyboard too.
    page.locator("summary", has_text="Opheffen").first.focus()
    page.keyboard.press("Enter")
    with page.expect_navigation():
        page.get_by_role("button", name="Lakking opheffen").first.click()
    assert "Schrijf in een zin waarom" in page.locator("#foutsamenvatting").inner_text()
    assert axe_violations(page) == []
    # The summary's link leads to the reason field of that very redaction, now open.
    page.locator("#foutsamenvatting a").click()
    reden = page.locator("#id_reden")
    assert reden.is_visible()
    reden.fill("Dit is een gewone zin uit het verslag, niemand is herkenbaar.")
    with page.expect_navigation():
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
    assert (
        "niet gelakt (opgeheven)"
        in page.locator("#lakkingen + div table, table").first.inner_text()
    )
    assert Lakbesluit.objects.filter(actie="opheffen").count() == 1
    page.screenshot(path=str(tmp_path / "na-lakken.png"), full_page=True)
