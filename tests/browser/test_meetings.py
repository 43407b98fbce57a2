"""Meetings in the browser: attendance by keyboard on a phone, RSVP, axe on the pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bijeenkomsten.models import Bijeenkomst, Uitnodiging
from inclusie.models import User
from tests.browser.conftest import axe_violations, sign_in_as, under_way

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
    under_way(meeting)
    rows = list(meeting.uitnodigingen.order_by("user__naam", "persoon__naam", "pk"))
    context, page = phone_page(browser)
    try:
        sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
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
    sign_in_as(page, demo_site.url, "ambassadeur", open_home=False)
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
    """The meeting's forms the crawl of test_accessibility does not reach (the list, the
    new-meeting forms and the invitations are in its CRAWL_REACHES)."""
    meeting = under_way(Bijeenkomst.objects.filter(acties__isnull=False).order_by("-start").first())
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    problems = []
    for path in [
        f"/bijeenkomsten/{meeting.pk}/verslag/",
        f"/bijeenkomsten/{meeting.pk}/actie/",
        f"/bijeenkomsten/{meeting.pk}/bijlage/",
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
    under_way(meeting)
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
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


def test_everyone_present_counts_as_an_unsaved_change(demo_site, new_page):
    """Issue 14: "Zet iedereen op aanwezig" changed every choice, yet leaving warned of nothing."""
    from tests.browser.test_minutes_autosave import _leave_and_catch_dialog

    meeting = under_way(
        Bijeenkomst.objects.filter(uitnodigingen__isnull=False).order_by("-start").first()
    )
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/aanwezigheid/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Zet iedereen op aanwezig").click()
    assert _leave_and_catch_dialog(page, "/") == ["beforeunload"]
    # Saving is leaving on purpose: no warning.
    with page.expect_navigation():
        page.get_by_role("button", name="Aanwezigheid opslaan").click()
    assert "De aanwezigheid is opgeslagen." in page.content()


def test_agenda_reorder_by_keyboard_keeps_focus_on_the_moved_item(demo_site, new_page):
    from django.utils import timezone

    from bijeenkomsten.models import Agendapunt

    meeting = (
        Bijeenkomst.objects.filter(start__gt=timezone.now(), status="gepland")
        .filter(agendapunten__isnull=False)
        .order_by("start")
        .first()
    )
    punten = list(meeting.agendapunten.order_by("volgorde", "pk"))
    second = punten[1]
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/")
    page.get_by_role("button", name=f"Omhoog: {second.titel}").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    order = list(meeting.agendapunten.order_by("volgorde", "pk").values_list("pk", flat=True))
    assert order[0] == second.pk
    # Now first: its "Omhoog" is gone, so focus sits on its "Omlaag", and it says where it is.
    # (autofocus is applied at the first rendering update, which may follow the load event)
    expect(page.get_by_role("button", name=f"Omlaag: {second.titel}")).to_be_focused()
    assert page.evaluate("document.activeElement.closest('li').id") == f"agendapunt-{second.pk}"
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"
    )
    assert described == f"Staat nu op plaats 1 van {len(punten)}."
    assert Agendapunt.objects.filter(bijeenkomst=meeting).count() == len(punten)
    page.wait_for_timeout(400)  # let the focused button's colour transition finish before axe
    assert axe_violations(page) == []


def test_secondary_actions_open_by_keyboard(demo_site, new_page):
    from django.utils import timezone

    meeting = (
        Bijeenkomst.objects.filter(start__gt=timezone.now(), status="gepland")
        .order_by("start")
        .first()
    )
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    page.goto(f"{demo_site.url}/bijeenkomsten/{meeting.pk}/")
    menu_link = page.get_by_role("link", name="Wijzigen of verplaatsen")
    assert not menu_link.is_visible()
    page.locator("nav[aria-label='Acties voor deze bijeenkomst'] summary").focus()
    page.keyboard.press("Enter")
    assert menu_link.is_visible()
    assert axe_violations(page) == []


PHONE = (390, 844)


@pytest.mark.parametrize("size", [(1280, 800), PHONE], ids=["desktop", "phone"])
def test_meeting_page_in_every_phase_and_klankbord_pages_pass_axe(demo_site, browser, size):
    """A meeting before, during and after, with approved minutes; the klankbordgroep pages."""
    from django.utils import timezone

    from klankbord.models import Advies, Signaal
    from tests.browser.conftest import AXE_SOURCE

    now = timezone.now()
    voor = Bijeenkomst.objects.filter(start__gt=now, status="gepland").order_by("start").first()
    tijdens = under_way(
        Bijeenkomst.objects.filter(start__gt=now, status="gepland").order_by("start")[1]
    )
    na = Bijeenkomst.objects.filter(eind__lt=now, verslag_status="concept").first()
    vast = Bijeenkomst.objects.filter(verslag_status="vastgesteld").order_by("-start").first()
    advies = Advies.objects.order_by("reactie_datum").first()
    paths = [
        f"/bijeenkomsten/{voor.pk}/",
        f"/bijeenkomsten/{tijdens.pk}/",
        f"/bijeenkomsten/{tijdens.pk}/aanwezigheid/",
        f"/bijeenkomsten/{na.pk}/",
        f"/bijeenkomsten/{vast.pk}/",
    ]
    if size == PHONE:  # at desktop size the crawl of test_accessibility checks these
        paths += [
            "/agenda/",
            "/klankbord/",
            "/klankbord/wie-ontbreekt/",
            "/klankbord/adviezen/",
            f"/klankbord/adviezen/{advies.pk}/",
            f"/klankbord/adviezen/{advies.pk}/reactie/",
            "/klankbord/gesprek-wethouder/",
            "/signalen/",
            f"/signalen/{Signaal.objects.first().pk}/",
        ]
    context = browser.new_context(locale="nl-NL", viewport={"width": size[0], "height": size[1]})
    context.add_init_script(script=AXE_SOURCE)
    page = context.new_page()
    page.set_default_timeout(15000)
    problems = []
    try:
        sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
        for path in paths:
            response = page.goto(demo_site.url + path)
            assert response.status == 200, path
            assert page.locator("h1").count() == 1, path
            # Nothing sticks out sideways on a phone: the page itself never scrolls across.
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{path}: {overflow}px wider than the screen")
            problems += [f"{path}: {v}" for v in axe_violations(page)]
        # The secondary menu open is accessible too.
        page.goto(f"{demo_site.url}/bijeenkomsten/{voor.pk}/")
        page.locator(".portaal-meer-acties > summary").click()
        problems += [f"menu open: {v}" for v in axe_violations(page)]
    finally:
        context.close()
    assert not problems, "\n".join(map(str, problems))
