"""axe on the stappenplan and verkenning pages the crawl does not reach, and forms with errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stappenplan.models import Verkenning, Werkgroep
from tests.browser.conftest import axe_violations, sign_in_as
from tests.browser.test_accessibility import check_page

pytestmark = [pytest.mark.browser]


def test_stappenplan_pages_the_crawl_leaves_and_forms_with_errors_pass_axe(demo_site, new_page):
    page = new_page()
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    base = demo_site.url
    eerste = Verkenning.objects.filter(eigenaar__username="beleidsadviseur").first()
    werkgroep = Werkgroep.objects.first()
    # The pages the crawl of test_accessibility does not reach (the rest are in its
    # CRAWL_REACHES), and a comparison of a verkenning with itself.
    urls = [
        reverse("verkenning-vergelijk") + f"?a={eerste.pk}&b={eerste.pk}",
        reverse("verkenning-heropenen", args=[eerste.pk]),
        reverse("werkgroep-create"),
        reverse("werkgroep-lid", args=[werkgroep.pk]),
        reverse("participatie-create"),
    ]
    problems = []
    for url in urls:
        problems += check_page(page, base + url)
    # A form with errors.
    page.goto(base + reverse("verkenning-start"))
    with page.expect_navigation():
        page.get_by_role("button", name="Verkenning starten").click()
    assert "Dit veld is verplicht" in page.content() or "verplicht" in page.content()
    problems += [f"start (fouten): {v}" for v in axe_violations(page)]
    page.goto(base + reverse("participatie-create"))
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    problems += [f"participatie (fouten): {v}" for v in axe_violations(page)]
    assert not page.csp_errors, page.csp_errors
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_verkenning_form_and_ambassador_pages_at_desktop_and_phone_size(demo_site, new_page, size):
    """The verkenning form and the ambassador's own page pass axe at both sizes; on a phone
    the heading sits in the top half of the first screen and the activity table scrolls
    sideways inside a focusable region instead of squeezing its words."""
    width, height = size
    page = new_page()
    page.set_viewport_size({"width": width, "height": height})
    sign_in_as(page, demo_site.url, "beleidsadviseur", open_home=False)
    verkenning = Verkenning.objects.filter(
        eigenaar__username="beleidsadviseur", status="concept"
    ).first()
    problems = check_page(page, demo_site.url + verkenning.get_absolute_url())
    assert page.locator("h1").bounding_box()["y"] < height / 2
    buttons = page.locator("form.antwoord-form button[type=submit]")
    assert buttons.count() > 5 and buttons.first.is_visible()
    page.context.clear_cookies()
    sign_in_as(page, demo_site.url, "ambassadeur", open_home=False)
    problems += check_page(page, demo_site.url + reverse("mijn-ambassadeurschap"))
    problems += check_page(page, demo_site.url + reverse("mijn-profiel"))
    page.goto(demo_site.url + reverse("mijn-ambassadeurschap"))
    region = page.get_by_role("region", name="Tabel met activiteiten")
    assert region.get_attribute("tabindex") == "0"
    if width < 500:
        assert page.evaluate(
            "() => { const r = document.querySelector('.tabel-scroll'); "
            "return r.scrollWidth > r.clientWidth; }"
        )
    assert not problems, "\n".join(map(str, problems))
