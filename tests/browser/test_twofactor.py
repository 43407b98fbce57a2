"""Signing in with the second factor, in the browser, as the beheerder and the wethouder."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, enter_code, fresh_code, login
from tests.signin import totp_code

pytestmark = [pytest.mark.browser]


@pytest.mark.parametrize("username", ["beheerder", "wethouder"])
def test_sign_in_with_password_then_code_from_the_app(demo_site, new_page, username):
    page = new_page()
    login(page, demo_site.url, username, second_factor=False)
    assert "/account/tweestaps/" in page.url
    assert page.locator("h1").inner_text() == "Tweestapsverificatie"
    field = page.get_by_label("Code uit uw authenticator-app")
    assert field.get_attribute("autocomplete") == "one-time-code"
    assert field.get_attribute("inputmode") == "numeric"
    assert page.locator("#hoofdnavigatie").count() == 0  # nothing to go to yet
    assert axe_violations(page) == []
    enter_code(page, "000000")
    assert "klopt niet" in page.get_by_role("alert").first.inner_text()
    page.wait_for_timeout(1100)  # django-otp backs off one second after a wrong code
    enter_code(page, fresh_code(username))
    assert page.url.rstrip("/") == demo_site.url
    assert page.locator("#hoofdnavigatie").count() == 1
    assert page.csp_errors == []


@pytest.mark.parametrize("username", ["beheerder", "wethouder"])
def test_a_password_alone_opens_no_page_no_admin_and_no_download(demo_site, new_page, username):
    page = new_page()
    login(page, demo_site.url, username, second_factor=False)
    for path in [
        "/",
        "/admin/",
        "/dashboard/",
        "/beheer/audit/?export=csv",
        "/deal/partners/export.csv",
        "/monitoring/rapporten/",
    ]:
        response = page.goto(demo_site.url + path)
        assert "/account/tweestaps/" in page.url, path
        assert response.headers["content-type"].startswith("text/html"), path
        assert page.locator("h1").inner_text() == "Tweestapsverificatie", path


def test_beheerder_resets_the_wethouder_who_enrols_again(demo_site, new_page):
    beheerder = new_page()
    login(beheerder, demo_site.url, "beheerder")
    beheerder.goto(demo_site.url + "/beheer/gebruikers/")
    beheerder.get_by_role("link", name="Resetten (Wil Wethouder)").click()
    beheerder.get_by_role("button", name="Tweestapsverificatie resetten").click()
    assert "is gereset" in beheerder.content()

    page = new_page()
    login(page, demo_site.url, "wethouder", second_factor=False)
    assert "/account/tweestaps/instellen/" in page.url
    assert page.locator("svg.twofactor-qr").count() == 1
    assert axe_violations(page) == []
    secret = page.locator("#twofactor-sleutel").inner_text().replace(" ", "")
    page.get_by_label("Code uit uw authenticator-app").fill(totp_code(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestigen").click()
    codes = page.locator(".twofactor-codes code").all_inner_texts()
    assert len(codes) == 10
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    assert page.locator("#hoofdnavigatie").count() == 1

    # Lost phone: a recovery code signs in once.
    other = new_page()
    login(other, demo_site.url, "wethouder", second_factor=False)
    other.get_by_role("link", name="Telefoon kwijt? Gebruik een herstelcode").click()
    other.get_by_label("Herstelcode").fill(codes[0])
    with other.expect_navigation():
        other.get_by_role("button", name="Controleren").click()
    assert other.locator("#hoofdnavigatie").count() == 1
    assert "nog 9 herstelcodes" in other.content()
