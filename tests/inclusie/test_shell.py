import json

import pytest
from django.urls import reverse

from inclusie.constants import Role


@pytest.mark.django_db
def test_health_reports_database_and_broker(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["database"] == "ok"
    assert body["broker"] in {"eager", "ok"}


@pytest.mark.django_db
def test_pages_are_dutch_with_skip_link_and_one_h1(client):
    response = client.get("/")
    html = response.content.decode()
    assert '<html lang="nl" ' in html
    assert 'href="#inhoud"' in html and "Direct naar de inhoud" in html
    assert html.count("<h1") == 1
    assert "<main" in html and "<footer" in html


@pytest.mark.django_db
def test_accessibility_statement_is_public(client):
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    assert "WCAG 2.1" in response.content.decode()


@pytest.mark.django_db
def test_unknown_page_gives_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
def test_forbidden_page_gives_dutch_403(client_for):
    response = client_for(Role.AMBASSADEUR).get(reverse("beheer"))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
def test_navigation_follows_the_permission_map(client_for, role):
    html = client_for(role).get("/").content.decode()
    assert 'id="hoofdnavigatie"' in html
    assert (reverse("beheer") in html) == (role == Role.BEHEERDER)
    assert (reverse("persoon-list") in html) == (
        role in {Role.KWARTIERMAKER, Role.BELEIDSADVISEUR, Role.BEHEERDER}
    )


@pytest.mark.django_db
def test_language_switch_to_english_and_back(client):
    dutch = client.get(reverse("login")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert '<html lang="en" ' in client.get("/").content.decode()
    english = client.get(reverse("login")).content.decode()
    # The English catalogue is compiled and used, not just the lang attribute.
    assert "Inloggen" in dutch and "Inloggen" not in english
    assert "Sign in" in english or "Log in" in english
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert '<html lang="nl" ' in client.get("/").content.decode()


@pytest.mark.django_db
def test_csp_header_is_strict(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'nonce-"):
        assert directive in csp


@pytest.mark.django_db
def test_english_browser_still_gets_dutch_until_english_is_chosen(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl" ' in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_seed_demo_runs_every_apps_demo_module():
    from pathlib import Path

    from django.conf import settings

    from inclusie.management.commands.seed_demo import DEMO_STEPS

    steps = {name for name, _title in DEMO_STEPS}
    modules = {
        ".".join(p.relative_to(settings.BASE_DIR).with_suffix("").parts)
        for p in Path(settings.BASE_DIR).glob("*/demo*.py")
    }
    assert modules <= steps, f"demo modules missing from DEMO_STEPS: {modules - steps}"
