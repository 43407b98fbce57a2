"""Meetings in the browser: attendance by keyboard on a phone, RSVP, axe on the pages."""

from __future__ import annotations

import pytest

from bijeenkomsten.models import Bijeenkomst, Uitnodiging
from inclusie.models import User
from tests.browser.conftest import axe_violations, login

pytestmark = [pytest.mark.browser]


def phone_page(browser):
    from tests.browser.conftest import AXE_SOURCE

    context = browser.new_context(
        locale="nl-NL", viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    context.add_init_script(script=AXE_SOURCE)
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


def test_attendance_on_a_phone_by_keyboard(demo_site, browser):
    from django.utils import timezone

    meeting = (
        Bijeenkomst.objects.filter(uitnodigingen__user__isnull=False, start__gt=timezone.now())
        .order_by("start")
        .distinct()
        .first()
    )
    rows = list(meeting.uitnodigingen.order_by("user__naam", "persoon__naam", "pk"))
    context, page = phone_page(browser)
    try:
        login(page, demo_site.url, "kwartiermaker")
        page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/aanwezigheid/")
        assert page.locator("h1").inner_text() == "Aanwezigheid"
        assert axe_violations(page) == []
        # Large touch targets: every choice is at least 44px high.
        heights = page.eval_on_selector_all(
            "label.keuze", "els => els.map(e => e.getBoundingClientRect().height)"
        )
        assert heights and min(heights) >= 44
        # Keyboard only: focus the first radio group, arrow to "Aanwezig", tab on.
        first = page.locator(f"input[name=u_{rows[0].pk}]").first
        first.focus()
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.value") == "aanwezig"
        # The second person: Tab moves into the next group, then choose "Afwezig met bericht".
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == f"u_{rows[1].pk}"
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.locator("button", has_text="Aanwezigheid opslaan").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "De aanwezigheid is opgeslagen." in page.content(), page.locator(
            "main"
        ).inner_text()[:1500]
        values = dict(
            Uitnodiging.objects.filter(pk__in=[rows[0].pk, rows[1].pk]).values_list(
                "pk", "aanwezigheid"
            )
        )
        assert values[rows[0].pk] == "aanwezig"
        assert values[rows[1].pk] == "afwezig_bericht"
    finally:
        context.close()


def test_ambassador_answers_an_invitation(demo_site, new_page):
    from django.utils import timezone

    user = User.objects.get(username="ambassadeur")
    invitation = (
        Uitnodiging.objects.filter(user=user, bijeenkomst__status="gepland")
        .filter(bijeenkomst__start__gt=timezone.now())
        .order_by("bijeenkomst__start")
        .first()
    )
    page = new_page()
    login(page, demo_site.url, "ambassadeur")
    page.goto(f"{demo_site.url}/agenda/")
    assert axe_violations(page) == []
    page.goto(f"{demo_site.url}/bijeenkomsten/{invitation.bijeenkomst_id}/")
    assert axe_violations(page) == []
    page.get_by_label("Ja, ik kom").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Antwoord versturen").click()
    assert "uw antwoord is opgeslagen" in page.content()
    invitation.refresh_from_db()
    assert invitation.antwoord == "komt"
    # Not invited to the stuurgroep: the page does not exist for them.
    stuurgroep = Bijeenkomst.objects.filter(soort="stuurgroep").first()
    response = page.goto(f"{demo_site.url}/bijeenkomsten/{stuurgroep.pk}/")
    assert response.status == 404


def test_kwartiermaker_meeting_pages_pass_axe(demo_site, new_page):
    meeting = Bijeenkomst.objects.filter(acties__isnull=False).order_by("-start").first()
    page = new_page()
    login(page, demo_site.url, "kwartiermaker")
    problems = []
    for path in [
        "/bijeenkomsten/",
        f"/bijeenkomsten/{meeting.pk}/",
        f"/bijeenkomsten/{meeting.pk}/uitnodigen/",
        f"/bijeenkomsten/{meeting.pk}/verslag/",
        f"/bijeenkomsten/{meeting.pk}/actie/",
        f"/bijeenkomsten/{meeting.pk}/bijlage/",
        "/bijeenkomsten/reeks/nieuw/",
        "/bijeenkomsten/nieuw/",
        "/bijeenkomsten/acties/",
        "/agenda/koppelen/",
    ]:
        page.goto(demo_site.url + path)
        assert page.locator("h1").count() == 1, path
        problems += [f"{path}: {v}" for v in axe_violations(page)]
    # An error summary after a bad submit is also accessible.
    page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/actie/")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert "Kies wie de actie uitvoert." in page.content()
    problems += [f"actie-fout: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(map(str, problems))


def test_everyone_present_button_and_no_csp_errors(demo_site, new_page):
    from django.utils import timezone

    meeting = (
        Bijeenkomst.objects.filter(uitnodigingen__isnull=False, start__gt=timezone.now())
        .order_by("start")
        .distinct()
        .first()
    )
    page = new_page()
    login(page, demo_site.url, "kwartiermaker")
    page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/aanwezigheid/")
    page.get_by_role("button", name="Zet iedereen op aanwezig").click()
    page.mouse.move(0, 0)
    page.wait_for_timeout(400)  # let the button's colour transition finish before axe
    checked = page.eval_on_selector_all(
        "input[type=radio][value=aanwezig]", "els => els.every(e => e.checked)"
    )
    assert checked
    assert "Iedereen staat op aanwezig" in page.locator("#iedereen-status").inner_text()
    assert axe_violations(page) == []
    # A failed submit focuses the error summary.
    page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/actie/")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert page.evaluate("document.activeElement.id") == "foutsamenvatting"
    assert page.csp_errors == []
