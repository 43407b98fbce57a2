"""Playwright on Debian's Chromium, against pytest-django's live server with demo data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.signin import sign_in

# Playwright's sync API runs an event loop in this thread; Django's ORM is used
# from the same thread only (the live server runs in its own thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # A fresh renderer frame for every page loaded costs about 30 ms of CPU per navigation
    # (measured: 15% of Chromium's CPU over 33 page loads) and changes nothing a page does.
    "--disable-features=RenderDocument",
]
AXE_SOURCE = (Path(__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server, demo_rows):
    """The live server with the demo programme loaded (committed: the server has its own
    connection), put back from the rows the session seeded once (tests/db_states.py)."""
    demo_rows.restore()
    return live_server


@pytest.fixture
def new_page(browser):
    contexts = []

    def make():
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        # Injected through the DevTools protocol, so the strict CSP need not be relaxed.
        context.add_init_script(script=AXE_SOURCE)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.csp_errors = []
        page.on(
            "console",
            lambda msg: (
                page.csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()


def login(
    page, base_url: str, username: str, password: str | None = None, *, second_factor=True
) -> None:
    """Sign in like a person: password, then (beheerder, wethouder) the code from the app."""
    page.goto(f"{base_url}/account/inloggen/")
    page.get_by_label("E-mailadres of gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password or settings.DEMO_PASSWORD)
    with page.expect_navigation():  # the answer to the POST, after any redirect, loaded
        page.get_by_role("button", name="Inloggen").last.click()
    if second_factor and "/account/tweestaps/" in page.url:
        enter_code(page, fresh_code(username))


def sign_in_as(page, base_url: str, username: str, *, open_home: bool = True):
    """Give the browser the session that signing in as `username` leaves (second factor
    passed where the role needs it), without going through the sign-in pages, and open
    the home page as signing in does (`open_home=False` when the test goes elsewhere).

    For tests whose subject is not signing in: the sign-in pages themselves are driven
    by `login()` in test_twofactor.py, test_accessibility.py (lock-out, public pages) and
    test_redaction_preview.py. Returns a test client on the same session, which can
    fetch pages as this person without a browser.
    """
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.get(username=username)
    client = sign_in(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": base_url, "httpOnly": True}]
    )
    if open_home:
        page.goto(base_url + "/")
    return client


def enter_code(page, code: str) -> None:
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Controleren").click()


def fresh_code(username: str) -> str:
    """The app's code from DEMO_TOTP_SECRET for a time step the server has not seen yet.

    django-otp refuses a code twice (replay), so a second sign-in within 30 seconds
    uses the next step, which the server accepts (tolerance one step).
    """
    import time

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.signin import totp_code

    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    last_t, drift = (device.last_t, device.drift) if device else (-1, 0)
    while True:
        now_t = int(time.time()) // 30 + drift
        step = max(now_t, last_t + 1)
        if step <= now_t + 1:
            return totp_code(at=step * 30 + 1)
        time.sleep(1)


# One round trip to the page: axe's violations, shortened in the page, and the basics every
# page needs (a Playwright call costs 15-20 ms of waiting under load; 200 pages make it count).
#
# color-contrast with ignorePseudo: by default, text whose element has a ::before or ::after
# with a background is not judged but left "incomplete" (for a person to review), which a
# test never sees; with the option it is judged like all other text. So the check is at
# least as strict, and 40% faster (axe on twelve pages: 194 ms, 119 ms with the option).
AXE_AND_BASICS = """async (tags) => {
    const result = await axe.run(document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
        checks: {'color-contrast': {options: {ignorePseudo: true}}}});
    return {
        lang: document.documentElement.lang,
        title: document.title,
        h1: document.querySelectorAll('h1').length,
        violations: result.violations.map(v => ({
            id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target)})),
    };
}"""


def axe_and_basics(page) -> dict:
    """axe's violations (`violations`) with the page's `lang`, `title` and number of `h1`s."""
    return page.evaluate(AXE_AND_BASICS, AXE_TAGS)


def axe_violations(page) -> list[dict]:
    return axe_and_basics(page)["violations"]


def under_way(meeting):
    """Put a demo meeting in the phase where attendance and minutes fit (bijeenkomsten.fasen):
    begun ten minutes ago, minutes in draft."""
    from datetime import timedelta

    from django.utils import timezone

    from bijeenkomsten.models import Bijeenkomst

    start = timezone.now() - timedelta(minutes=10)
    Bijeenkomst.objects.filter(pk=meeting.pk).update(
        start=start, eind=start + timedelta(hours=2), status="gepland", verslag_status="concept"
    )
    meeting.refresh_from_db()
    return meeting
