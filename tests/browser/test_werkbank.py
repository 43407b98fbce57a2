"""Workbench journeys by keyboard only, with axe on every page visited."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = [pytest.mark.browser]


def tab_to(page, text: str, limit: int = 80) -> None:
    """Press Tab until the focused element's text or label contains `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " const l = e && e.labels && e.labels[0] ? e.labels[0].textContent : '';"
            " return ((e && e.textContent) || '') + ' ' + l; }"
        )
        if text in focused:
            return
    raise AssertionError(f"could not reach {text!r} with the keyboard")


def submit(page) -> None:
    """Press Enter on the focused element and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")


def assert_accessible(page) -> None:
    assert page.locator("h1").count() == 1
    violations = axe_violations(page)
    assert not violations, violations


def test_kwartiermaker_logs_an_activity_by_keyboard(demo_site, new_page):
    from ambassadeurs.models import Activiteit, Ambassadeur

    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    ambassadeur = Ambassadeur.objects.filter(status="actief").order_by("persoon__naam").first()
    page.goto(f"{demo_site.url}/ambassadeurs/")
    assert_accessible(page)
    tab_to(page, ambassadeur.persoon.naam)
    submit(page)
    assert page.locator("h1").inner_text() == ambassadeur.persoon.naam
    assert_accessible(page)
    tab_to(page, "Activiteit vastleggen")
    submit(page)
    assert_accessible(page)
    # The ambassador is already chosen and the date is today: pick the kind, type the title.
    tab_to(page, "Soort activiteit")
    page.keyboard.type("Training")
    tab_to(page, "Wat heeft de ambassadeur gedaan?")
    page.keyboard.type("Training inclusief werven voor het MT")
    submit(page)
    summary = page.locator("#foutsamenvatting")
    assert not summary.count(), summary.inner_text()
    assert "De activiteit is opgeslagen." in page.content()
    assert "Training inclusief werven voor het MT" in page.content()
    assert_accessible(page)
    activiteit = Activiteit.objects.get(titel="Training inclusief werven voor het MT")
    assert activiteit.ambassadeur == ambassadeur and activiteit.soort == "training"
    assert not page.csp_errors


def test_empty_activity_form_shows_an_error_summary(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "ambassadeur", open_home=False)
    page.goto(f"{demo_site.url}/mijn-ambassadeurschap/activiteiten/nieuw/")
    tab_to(page, "Wat heeft u gedaan?")  # the ambassador is addressed as u
    submit(page)
    summary = page.locator("#foutsamenvatting")
    assert summary.is_visible()
    assert "Het formulier is nog niet goed ingevuld" in summary.inner_text()
    assert_accessible(page)


def test_klankbord_coverage_and_signal_by_keyboard(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "klankbordlid", open_home=False)
    page.goto(f"{demo_site.url}/klankbord/")
    assert_accessible(page)
    tab_to(page, "Wie ontbreekt?")
    submit(page)
    assert "door niemand in de groep gedekt" in page.content()
    assert_accessible(page)
    page.goto(f"{demo_site.url}/signalen/nieuw/")
    assert_accessible(page)
    tab_to(page, "Wat hoorde u?")
    page.keyboard.type("Ouderen missen een ontmoetingsplek")
    tab_to(page, "Thema")
    page.keyboard.type("Welzijn")
    tab_to(page, "Bron")
    page.keyboard.type("Klankbord")
    tab_to(page, "Opslaan")
    submit(page)
    assert page.locator("h1").inner_text() == "Ouderen missen een ontmoetingsplek"
    assert_accessible(page)
    assert not page.csp_errors


def test_every_workbench_page_passes_axe(demo_site, new_page):
    """Forms and detail pages the crawl of test_accessibility does not reach, as
    kwartiermaker (the ones it reaches are in its CRAWL_REACHES)."""
    from django.urls import reverse

    from ambassadeurs.models import Activiteit, Ambassadeur
    from klankbord.models import Signaal
    from opdracht.models import Urenregistratie
    from pijlers.models import Lidmaatschap

    ambassadeur = Ambassadeur.objects.filter(status="actief").first()
    seat = Lidmaatschap.objects.filter(
        rol="ambassadeur", persoon__ambassadeurschap__isnull=False
    ).first()
    paths = [
        reverse("ambassadeur-update", args=[ambassadeur.pk]),
        reverse("ambassadeur-status", args=[ambassadeur.pk]),
        reverse("ambassadeur-pijler", args=[ambassadeur.pk]),
        reverse("ambassadeur-pijler-einde", args=[seat.pk]),
        reverse("coaching-create") + f"?ambassadeur={ambassadeur.pk}",
        reverse("activiteit-update", args=[Activiteit.objects.first().pk]),
        reverse("activiteit-delete", args=[Activiteit.objects.first().pk]),
        reverse("advies-create"),
        reverse("signaal-opvolging", args=[Signaal.objects.first().pk]),
        reverse("signaal-update", args=[Signaal.objects.first().pk]),
        reverse("uren-delete", args=[Urenregistratie.objects.first().pk]),
        reverse("openbaar-ambassadeurs"),
    ]
    page = new_page()
    sign_in_as(page, demo_site.url, "kwartiermaker", open_home=False)
    problems = []
    for path in paths:
        response = page.goto(demo_site.url + path)  # waits for the load event
        if response.status != 200:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        if page.locator("h1").count() != 1:
            problems.append(f"{path}: not exactly one h1")
        problems += [f"{path}: {v}" for v in axe_violations(page)]
    # A refused form shows its error summary accessibly too.
    page.goto(demo_site.url + reverse("advies-create"))
    page.locator("#id_onderwerp").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    problems += [f"advies-create with errors: {v}" for v in axe_violations(page)]
    assert not problems, "\n".join(problems)
    assert not page.csp_errors
