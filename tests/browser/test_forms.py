"""The NL Design System form pages in a browser: the one error summary and its links."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = [pytest.mark.browser]


def focused(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def test_error_summary_takes_focus_and_its_links_focus_the_fields(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(f"{demo_site.url}/organisaties/nieuw/")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
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


def _tab_to(page, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == element_id:
            return
    raise AssertionError(f"could not reach #{element_id} with the keyboard")


def test_two_people_are_picked_by_keyboard_and_saved(demo_site, new_page):
    from django.utils import timezone

    from bijeenkomsten.models import Bijeenkomst
    from inclusie.models import User

    meeting = Bijeenkomst.objects.filter(start__gt=timezone.now()).order_by("start").first()
    invited = meeting.uitnodigingen.filter(user__isnull=False).values("user_id")
    first, second = (
        User.objects.filter(is_active=True)
        .exclude(pk__in=invited)
        .exclude(naam="")
        .order_by("naam")[:2]
    )
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/uitnodigen/")
    box = page.locator("#id_users")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    # The native select is still there (and submitted), just hidden.
    assert page.locator("#id_users_select").is_hidden()
    assert not axe_violations(page)

    _tab_to(page, "id_users")
    for person in (first, second):
        page.keyboard.type(person.naam.split(" ")[0][:4])
        option = page.locator("#id_users_lijst [role=option]", has_text=person.naam).first
        option.wait_for()
        assert box.get_attribute("aria-expanded") == "true"
        status = page.locator("#id_users").locator(
            "xpath=ancestor::div[@class='nlds-kiezer']//div[@role='status']"
        )
        assert "resulta" in status.inner_text()
        # Down until the person's option is the active descendant, then Enter.
        for _ in range(25):
            page.keyboard.press("ArrowDown")
            active = box.get_attribute("aria-activedescendant")
            if active and page.locator(f"#{active}").inner_text() == person.naam:
                break
        else:
            raise AssertionError(f"{person.naam} not reachable with the arrow keys")
        # Axe on the open combobox too.
        assert not axe_violations(page)
        page.keyboard.press("Enter")
        assert focused(page) == "id_users"
        assert box.get_attribute("aria-expanded") == "false"
        assert f"{person.naam} gekozen" in status.inner_text()
    # Both are shown as removable items with a named button.
    for person in (first, second):
        assert page.get_by_role("button", name=f"Verwijder {person.naam}").count() == 1
    # Escape in an empty, closed box does nothing harmful; Home/End stay in the text box.
    page.keyboard.press("Escape")
    assert page.locator("#id_users_select option:checked").count() == 2
    assert not axe_violations(page)

    # Remove and re-add the second by keyboard: the focus never gets lost.
    page.get_by_role("button", name=f"Verwijder {second.naam}").focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name=f"Verwijder {second.naam}").count() == 0
    assert (
        focused(page) in {"id_users"} or page.evaluate("document.activeElement.tagName") == "BUTTON"
    )
    _tab_to(page, "id_users")
    page.keyboard.type(second.naam.split(" ")[0][:4])
    page.locator("#id_users_lijst [role=option]", has_text=second.naam).first.wait_for()
    page.keyboard.press("End")
    page.keyboard.press("Home")
    for _ in range(25):
        active = box.get_attribute("aria-activedescendant")
        if active and page.locator(f"#{active}").inner_text() == second.naam:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")

    # Save with the keyboard: Tab to the submit button, Enter.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert set(
        meeting.uitnodigingen.filter(user__isnull=False).values_list("user_id", flat=True)
    ) >= {
        first.pk,
        second.pk,
    }
    assert not page.csp_errors
