"""Every page a role can reach from the navigation passes axe and has the basics.

The crawl starts at the home page and follows links in the main navigation and,
one level deeper, in the page content, so pages added later are covered without
editing this test. One example per URL pattern per role, every pattern a role reaches.

Finding the pages is cheap (the test client fetches their HTML as the same person);
loading and checking one in Chromium is not (about half a CPU-second). A page whose
<main> is byte for byte one that has already passed, shown to another role, is not
loaded again: the header around it is that role's own, checked on its home page and
on every page of its own that the browser does load.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from inclusie.constants import Role
from tests.browser.conftest import axe_and_basics, login, sign_in_as

pytestmark = [pytest.mark.browser]

SKIP_SUFFIXES = (".pdf", ".csv", ".xlsx", ".ics", ".json", ".docx", ".png", ".jpg", ".svg")
SKIP_PREFIXES = ("/admin/", "/static/", "/i18n/", "/account/uitloggen/")


def pattern_key(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def same_site_paths(hrefs: list[str], base_url: str) -> list[str]:
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != base_url:
            continue
        path = parts.path
        if path.endswith(SKIP_SUFFIXES) or path.startswith(SKIP_PREFIXES) or "download" in path:
            continue
        found.append(path + (f"?{parts.query}" if parts.query and "page=" in parts.query else ""))
    return found


def links(page, selector: str, base_url: str) -> list[str]:
    """The links a selector finds in the page the browser shows."""
    hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.href)")
    return same_site_paths(hrefs, base_url)


class _Links(HTMLParser):
    """The links inside <header> and <main> elements of a page's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = {"header": 0, "main": 0}
        self.found: dict[str, list[str]] = {"header": [], "main": []}

    def handle_starttag(self, tag, attrs):
        if tag in self.inside:
            self.inside[tag] += 1
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            for part, depth in self.inside.items():
                if depth:
                    self.found[part].append(href)

    def handle_endtag(self, tag):
        if tag in self.inside and self.inside[tag]:
            self.inside[tag] -= 1


MAIN = re.compile(r"<main\b.*</main>", re.S)
PER_RESPONSE = re.compile(r'(name="csrfmiddlewaretoken" value="|nonce=")[^"]*')


def main_content(html: str) -> str:
    """What a page shows inside <main>, without the values that differ per response."""
    found = MAIN.search(html)
    return PER_RESPONSE.sub(r"\1", found.group(0) if found else html)


def check_page(page, url: str) -> list[str]:
    problems = []
    response = page.goto(url)  # waits for the load event: no page fetches anything after it
    if response is None or response.status >= 400:
        return [f"{url}: HTTP {response.status if response else 'geen antwoord'}"]
    found = axe_and_basics(page)
    if found["lang"] != "nl":
        problems.append(f"{url}: lang is not nl")
    if not found["title"].strip():
        problems.append(f"{url}: no title")
    if found["h1"] != 1:
        problems.append(f"{url}: {found['h1']} h1 elements")
    for violation in found["violations"]:
        problems.append(
            f"{url}: axe {violation['id']} ({violation['impact']}) at {violation['nodes']}"
        )
    return problems


def crawl(
    client, page, base_url: str, start: list[str], passed: dict[str, str]
) -> tuple[list[str], list[str]]:
    """Visit every URL pattern reachable from `start` as the client's person; check in the
    browser each page whose main content is not in `passed` yet (and add it there)."""
    seen_patterns: set[str] = set()
    visited: list[str] = []
    problems: list[str] = []
    queue = [(path, 0) for path in start]
    while queue:
        path, depth = queue.pop(0)
        key = pattern_key(path.split("?")[0])
        if key is None or key in seen_patterns:
            continue
        seen_patterns.add(key)
        response = client.get(path, follow=True)
        if response.status_code >= 400:
            problems.append(f"{path}: HTTP {response.status_code}")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue  # a file to download, not a page
        visited.append(path)
        html = response.content.decode()
        content = main_content(html)
        if content not in passed:
            found = check_page(page, base_url + path)
            problems += found
            if not found:
                passed[content] = path
        parser = _Links()
        parser.feed(html)
        here = urljoin(base_url, response.request["PATH_INFO"])
        if depth == 0:
            hrefs = [urljoin(here, h) for h in parser.found["header"]]
            queue += [(p, 1) for p in same_site_paths(hrefs, base_url)]
        if depth <= 1:
            hrefs = [urljoin(here, h) for h in parser.found["main"]]
            queue += [(p, depth + 1) for p in same_site_paths(hrefs, base_url)]
    problems += [f"CSP: {e}" for e in page.csp_errors]
    return visited, problems


# Pages the tests of single screens (test_werkbank, test_verkenning_pages, test_meetings,
# test_beheer_pages_pass_axe_and_work_by_keyboard) leave to this crawl instead of loading
# them once more: if the crawl stops reaching one, the crawl test says which.
CRAWL_REACHES = {
    Role.KWARTIERMAKER: {
        "ambassadeur-create",
        "klankbordlid-create",
        "klankbordlid-update",
        "advies-reactie",
        "klankbord-wethouder",
        "opdracht-update",
        "uren-create",
        "uren-week",
        "uitgave-create",
        "bijeenkomst-list",
        "bijeenkomst-detail",
        "bijeenkomst-uitnodigen",
        "bijeenkomst-reeks-create",
        "bijeenkomst-create",
        "actie-list",
        "agenda-koppelen",
        "mijn-agenda",
        "klankbord",
        "klankbord-dekking",
        "advies-list",
        "advies-detail",
        "signaal-list",
        "signaal-detail",
    },
    Role.BELEIDSADVISEUR: {
        "verkenning-list",
        "verkenning-start",
        "verkenning-detail",
        "verkenning-vergelijk",
        "stappenplan",
        "stap-detail",
        "stap-update",
        "stap-actie",
        "stap-document",
        "werkgroep-list",
        "werkgroep-detail",
        "participatie-list",
    },
    Role.BEHEERDER: {
        "beheer",
        "beheer-lijsten",
        "beheer-lijst",
        "vragenlijst-beheer",
        "vragenlijst-detail",
        "monitoring:planning",
    },
}


def test_every_page_of_every_role_passes_axe(demo_site, new_page):
    passed: dict[str, str] = {}
    reached: dict[str, set[str]] = {}
    problems: list[str] = []
    for role in Role.values:
        page = new_page()
        client = sign_in_as(page, demo_site.url, role, open_home=False)
        assert "Goedendag" in client.get("/").content.decode(), f"{role}: not signed in"
        visited, found = crawl(client, page, demo_site.url, ["/"], passed)
        reached[role] = {pattern_key(path.split("?")[0]) for path in visited}
        problems += [f"{role}: {problem}" for problem in found]
    print(
        f"{sum(map(len, reached.values()))} pages of {len(reached)} roles, "
        f"{len(passed)} checked in Chromium"
    )
    # Every role reaches more than its home; the programme's coordinators reach most.
    assert min(map(len, reached.values())) >= 10, reached
    assert len(reached[Role.KWARTIERMAKER]) >= 70, reached
    for role, patterns in CRAWL_REACHES.items():
        assert patterns <= reached[role], f"{role} no longer reaches {patterns - reached[role]}"
    assert not problems, "\n".join(problems)


def test_public_pages_pass_axe(demo_site, new_page):
    page = new_page()
    start = [
        "/",
        "/openbaar/",
        "/toegankelijkheid/",
        "/account/inloggen/",
        "/account/wachtwoord-vergeten/",
    ]
    visited, problems = crawl(Client(), page, demo_site.url, start, {})
    assert "/openbaar/" in visited
    assert not problems, "\n".join(problems)


def test_skip_link_is_first_and_moves_focus_to_content(demo_site, new_page):
    page = new_page()
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_wrong_password_shows_dutch_error_then_locks_out(demo_site, new_page, settings):
    page = new_page()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        login(page, demo_site.url, "kwartiermaker", "helemaal-fout-wachtwoord")
        assert "wachtwoord klopt niet" in page.content()
    login(page, demo_site.url, "kwartiermaker", "helemaal-fout-wachtwoord")
    assert "tijdelijk geblokkeerd" in page.content()
    # Even the right password is refused while locked out.
    login(page, demo_site.url, "kwartiermaker")
    assert "tijdelijk geblokkeerd" in page.content()


def test_beheer_pages_pass_axe_and_work_by_keyboard(demo_site, new_page):
    """The beheerder's own pages (lists, questionnaire versions, schedule), forms included."""
    from inclusie.models import Wijk
    from stappenplan.models import Vragenlijst

    page = new_page()
    sign_in_as(page, demo_site.url, "beheerder", open_home=False)
    wijk = Wijk.objects.order_by("pk").first()
    in_gebruik = Vragenlijst.objects.filter(actief=True).order_by("pk").first()
    # The lists themselves, the questionnaires and the schedule are in CRAWL_REACHES.
    paths = ["/beheer/lijsten/wijken/nieuw/", f"/beheer/lijsten/wijken/{wijk.pk}/"]
    problems = []
    for path in paths:
        problems += check_page(page, demo_site.url + path)

    # A new version by keyboard: focus the button, press Enter; the concept is editable.
    page.goto(demo_site.url + in_gebruik.get_absolute_url())
    page.get_by_role("button", name="Nieuwe versie maken van deze versie").focus()
    with page.expect_navigation():  # the form posts and the concept's page opens
        page.keyboard.press("Enter")
    assert "Concept" in page.content()
    problems += check_page(page, page.url)
    concept = Vragenlijst.objects.get(code=in_gebruik.code, actief=False, door_gemeente=True)
    vraag = concept.delen.first().vragen.first()
    problems += check_page(page, demo_site.url + f"/beheer/vragen/{vraag.pk}/")
    problems += check_page(
        page, demo_site.url + f"/beheer/vragenlijsten/deel/{concept.delen.first().pk}/vraag/"
    )
    # The schedule form with the keyboard only: July off, October on, save.
    page.goto(demo_site.url + "/monitoring/planning/")
    page.get_by_label("juli").focus()
    page.keyboard.press("Space")
    page.get_by_label("oktober").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Opslaan").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "elk jaar op 2 januari en 2 oktober om 06:30" in page.content()
    assert not problems, "\n".join(problems)


PHONE = {"width": 390, "height": 844}


def check_phone_page(page, url: str) -> list[str]:
    """The desktop checks, plus what a phone needs: the heading in the top half of the first
    screen (the menu folded away) and no sideways scrolling of the whole page."""
    problems = check_page(page, url)
    if problems and "HTTP" in problems[0]:
        return problems
    box = page.locator("h1").first.bounding_box()
    if box is None or box["y"] + box["height"] > PHONE["height"] / 2:
        problems.append(f"{url}: h1 not in the top half of the first phone screen ({box})")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        problems.append(f"{url}: the page scrolls sideways ({width} px)")
    return problems


def test_every_role_home_menu_and_detail_pages_pass_axe_at_phone_size(demo_site, new_page):
    """Issue 14: every page at phone size too. Each role's home page, every page of its
    menu (one per URL pattern over all roles) and the detail pages of the README tour."""
    problems: list[str] = []
    seen: set[str] = set()
    for role in Role.values:
        page = new_page()
        page.set_viewport_size(PHONE)
        sign_in_as(page, demo_site.url, role, open_home=False)
        problems += check_phone_page(page, demo_site.url + "/")
        paths = links(page, "#hoofdnavigatie a[href]", demo_site.url)
        if role == Role.KWARTIERMAKER:
            for listing, selector in (
                ("/deal/", "main table a[href^='/deal/partners/']"),
                ("/bijeenkomsten/", "main table a[href^='/bijeenkomsten/']"),
                ("/organisaties/", "main table a[href^='/organisaties/']"),
                ("/ambassadeurs/", "main table a[href^='/ambassadeurs/']"),
            ):
                page.goto(demo_site.url + listing)
                paths += links(page, selector, demo_site.url)[:1]
        for path in paths:
            key = pattern_key(path.split("?")[0])
            if key is None or key in seen or path == "/":
                continue
            seen.add(key)
            problems += check_phone_page(page, demo_site.url + path)
        problems += [f"CSP: {e}" for e in page.csp_errors]
    assert len(seen) >= 20, sorted(seen)
    assert not problems, "\n".join(problems)
