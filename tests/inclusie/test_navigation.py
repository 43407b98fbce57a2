"""Navigation by task: few top items per role, every page still one menu away.

Before the regrouping every page sat in one flat menu of up to 19 links (three rows
on a desktop, a full phone screen). Now each role sees at most six top items; the
rest of its pages are grouped beneath them, and none of the old destinations is lost.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from inclusie.constants import Role
from inclusie.permissions import VIEW, allowed
from inclusie.registry import _nav

# Every destination of the old flat menu (url name -> area), as it was before the regrouping.
OLD_MENU = {
    "home": "home",
    "deal:partner-list": "deal",
    "dashboard": "dashboard",
    "pijlers:list": "pijlers",
    "bijeenkomst-list": "bijeenkomsten",
    "mijn-agenda": "agenda",
    "deal:initiatief-list": "initiatieven",
    "ambassadeur-list": "ambassadeurs",
    "mijn-ambassadeurschap": "mijn_ambassadeurschap",
    "deal:kennis-list": "kennisbank",
    "klankbord": "klankbord",
    "stappenplan": "stappenplan",
    "verkenning-list": "verkenning",
    "signaal-list": "signalen",
    "monitoring:index": "monitoring",
    "opdracht": "opdracht",
    "monitoring:rapport-list": "rapporten",
    "organisatie-list": "relaties",
    "persoon-list": "relaties",
    "beheer": "beheer",
}


def main_menu(html: str) -> str:
    return re.search(r'<nav id="hoofdnavigatie".*?</nav>', html, re.S).group(0)


def top_items(menu: str) -> list[str]:
    # Each top item is a link (portaal-nav__link) or a task button (portaal-nav__knop).
    return re.findall(r'class="portaal-nav__(?:link|knop)[^"]*"[^>]*>([^<]+)', menu)


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
def test_each_role_has_at_most_six_top_items(client_for, role):
    menu = main_menu(client_for(role).get("/").content.decode())
    tops = top_items(menu)
    assert 2 <= len(tops) <= 6, tops


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
def test_every_old_destination_is_still_in_the_menu(client_for, user_for_role, role):
    user = user_for_role(role)
    menu = main_menu(client_for(role).get("/").content.decode())
    hrefs = set(re.findall(r'href="([^"]+)"', menu))
    expected = {reverse(name) for name, area in OLD_MENU.items() if allowed(user, area, VIEW)}
    assert expected, role
    assert expected <= hrefs, sorted(expected - hrefs)


def test_every_registered_page_belongs_to_a_task():
    from inclusie.registry import SECTIONS

    assert {item.url_name for item in _nav} >= set(OLD_MENU)
    assert all(item.section in SECTIONS for item in _nav), [
        item.url_name for item in _nav if item.section not in SECTIONS
    ]


@pytest.mark.django_db
def test_the_current_page_and_its_task_are_marked(client_for):
    client = client_for(Role.KWARTIERMAKER)
    menu = main_menu(client.get(reverse("bijeenkomst-list")).content.decode())
    assert f'href="{reverse("bijeenkomst-list")}" aria-current="page"' in menu
    task = re.search(r'<button[^>]*aria-controls="menu-bijeenkomsten"[^>]*>(.*?)</button>', menu)
    assert "huidige sectie" in task.group(1)
    # A page below a menu page marks that menu page (not as the page itself).
    menu = main_menu(client.get(reverse("deal:pipeline")).content.decode())
    assert f'href="{reverse("deal:partner-list")}" aria-current="true"' in menu
    assert 'aria-current="page"' not in menu


@pytest.mark.django_db
def test_task_buttons_are_disclosures_for_their_pages(client_for):
    menu = main_menu(client_for(Role.KWARTIERMAKER).get("/").content.decode())
    for code in re.findall(r'aria-controls="(menu-[a-z-]+)"', menu):
        assert f'id="{code}"' in menu
    assert 'aria-expanded="false"' in menu


def breadcrumb_links(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="utrecht-breadcrumb-nav[^>]*>.*?</nav>', html, re.S)
    assert nav, "the page has breadcrumbs"
    return re.findall(r'href="([^"]+)">([^<]+)</a>', nav.group(0))


@pytest.mark.django_db
def test_detail_and_edit_pages_show_the_way_back(client_for):
    from tests.factories import OrganisatieFactory

    org = OrganisatieFactory(naam="Buurthuis De Schakel")
    client = client_for(Role.KWARTIERMAKER)
    detail = client.get(reverse("organisatie-detail", args=[org.pk])).content.decode()
    assert [href for href, _label in breadcrumb_links(detail)] == [
        "/",
        reverse("organisatie-list"),
    ]
    edit = client.get(reverse("organisatie-update", args=[org.pk])).content.decode()
    assert breadcrumb_links(edit)[-1] == (
        reverse("organisatie-detail", args=[org.pk]),
        "Buurthuis De Schakel",
    )
    # A list page reached from the menu has none.
    assert "utrecht-breadcrumb-nav" not in client.get(reverse("organisatie-list")).content.decode()


@pytest.mark.django_db
def test_pages_below_a_menu_page_show_the_way_back(client_for):
    """A report, the council letters, all actions and the calendar link are reached from a
    menu page; they lead back to it (the report page had only an "Alle rapporten" link)."""
    from monitoring.models import Rapport

    rapport = Rapport.objects.create(soort="monitoring", periode="2026-H1")
    client = client_for(Role.KWARTIERMAKER)
    for path, parent in (
        (reverse("monitoring:rapport-detail", args=[rapport.pk]), "monitoring:rapport-list"),
        (reverse("monitoring:raadsmededeling-list"), "monitoring:rapport-list"),
        (reverse("actie-list"), "bijeenkomst-list"),
        (reverse("agenda-koppelen"), "mijn-agenda"),
    ):
        html = client.get(path).content.decode()
        assert [href for href, _label in breadcrumb_links(html)] == ["/", reverse(parent)], path


@pytest.mark.django_db
def test_a_delete_confirmation_shows_the_way_back_to_what_it_deletes_from(client_for):
    """The confirmation pages (one shared template) had no trail at all."""
    from decimal import Decimal

    from django.utils import timezone

    from opdracht.models import Urenregistratie
    from tests.ambassadeurs.factories import ActiviteitFactory
    from tests.bijeenkomsten.factories import AgendapuntFactory
    from tests.opdracht.factories import OpdrachtFactory
    from tests.stappenplan.factories import VerkenningFactory

    activiteit = ActiviteitFactory()
    uren = Urenregistratie.objects.create(
        opdracht=OpdrachtFactory(), week=timezone.localdate(), activiteit="stad", uren=Decimal(2)
    )
    punt = AgendapuntFactory()
    vraag = VerkenningFactory().vragenlijst.delen.first().vragen.first()
    kwartiermaker = client_for(Role.KWARTIERMAKER)
    for client, path, trail in (
        (
            kwartiermaker,
            reverse("activiteit-delete", args=[activiteit.pk]),
            [reverse("ambassadeur-list"), activiteit.ambassadeur.get_absolute_url()],
        ),
        (kwartiermaker, reverse("uren-delete", args=[uren.pk]), [reverse("opdracht")]),
        (
            kwartiermaker,
            reverse("agendapunt-delete", args=[punt.pk]),
            [reverse("bijeenkomst-list"), punt.bijeenkomst.get_absolute_url()],
        ),
        (
            client_for(Role.BEHEERDER),
            reverse("vraag-verwijderen", args=[vraag.pk]),
            [
                reverse("beheer"),
                reverse("vragenlijst-beheer"),
                vraag.deel.vragenlijst.get_absolute_url(),
            ],
        ),
    ):
        html = client.get(path).content.decode()
        assert [href for href, _label in breadcrumb_links(html)] == ["/", *trail], path
