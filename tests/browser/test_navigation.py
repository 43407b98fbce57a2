"""The menu on a phone and by keyboard.

On a 390x844 phone screen the menu folds behind one button, so the page's heading
sits in the top half of the first screen; the menu and its task submenus open and
close with the keyboard and say so (aria-expanded).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_heading_is_in_the_top_half_and_the_menu_opens_by_keyboard(
    demo_site, new_page
):
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker")
    page.set_viewport_size(PHONE)
    for path in ("/", "/bijeenkomsten/", "/deal/"):
        page.goto(demo_site.url + path)
        box = page.locator("h1").bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"] / 2, (path, box)
        assert not page.locator("#hoofdnavigatie").is_visible()

    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.locator("#hoofdnavigatie").is_visible()
    assert page.get_by_role("button", name="Uitloggen").is_visible()

    task = page.locator("#hoofdnavigatie").get_by_role("button", name="Bijeenkomsten")
    task.focus()
    page.keyboard.press("Enter")
    assert task.get_attribute("aria-expanded") == "true"
    agenda = page.locator("#hoofdnavigatie").get_by_role("link", name="Mijn agenda")
    assert agenda.is_visible()
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert task.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == (
        "menu-bijeenkomsten"
    )

    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not page.locator("#hoofdnavigatie").is_visible()
    assert page.csp_errors == []


def test_on_a_desktop_a_task_opens_its_pages_by_keyboard(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur")
    task = page.locator("#hoofdnavigatie").get_by_role("button", name="Beleid en advies")
    assert not page.locator("#menu-beleid").is_visible()
    task.focus()
    page.keyboard.press("Space")
    assert task.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the task's first page, then the second
    assert page.evaluate("document.activeElement.closest('#menu-beleid') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    current = page.locator('#hoofdnavigatie a[aria-current="page"]')
    assert current.count() == 1
    assert axe_violations(page) == []


def test_without_javascript_every_menu_page_is_reachable(browser, demo_site):
    context = browser.new_context(locale="nl-NL", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker")
    assert page.locator("#hoofdnavigatie").is_visible()
    assert page.locator("#hoofdnavigatie").get_by_role("link", name="Mijn agenda").is_visible()
    context.close()
