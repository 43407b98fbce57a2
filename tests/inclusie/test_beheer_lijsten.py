"""The beheerder keeps the reference lists on the portal's own pages, not in /admin/."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from inclusie.constants import Role
from inclusie.models import DiversiteitsAspect, Wijk
from monitoring.models import OpenbaarAmbtsdrager
from monitoring.services.redaction import office_holders
from tests.factories import OrganisatieFactory, WijkFactory

pytestmark = pytest.mark.django_db


def test_beheer_page_links_every_list_and_not_the_admin(client_for):
    html = client_for(Role.BEHEERDER).get(reverse("beheer")).content.decode()
    for code in ("wijken", "diversiteitsaspecten", "ambtsdragers"):
        assert reverse("beheer-lijst", args=[code]) in html
    assert reverse("monitoring:planning") in html
    assert "/admin/" not in html


def test_beheerder_adds_and_edits_a_wijk_and_the_change_is_logged(client_for, user_for_role):
    client = client_for(Role.BEHEERDER)
    url = reverse("beheer-lijst-create", args=["wijken"])
    form = client.get(url).content.decode()
    assert "<h1>Wijk of kern toevoegen</h1>" in form
    response = client.post(url, {"naam": "Zandweerd", "is_kern": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("beheer-lijst", args=["wijken"])
    wijk = Wijk.objects.get(naam="Zandweerd")
    listing = client.get(response["Location"]).content.decode()
    assert "Zandweerd" in listing and "is opgeslagen" in listing
    edit = reverse("beheer-lijst-update", args=["wijken", wijk.pk])
    assert client.post(edit, {"naam": "Zandweerd-Noord", "is_kern": "on"}).status_code == 302
    wijk.refresh_from_db()
    assert (wijk.naam, wijk.is_kern) == ("Zandweerd-Noord", True)
    entries = LogEntry.objects.get_for_object(wijk)
    assert entries.count() == 2
    assert all(e.actor and e.actor.role == Role.BEHEERDER for e in entries)


def test_duplicate_name_is_refused_on_the_form(client_for):
    WijkFactory(naam="Binnenstad")
    client = client_for(Role.BEHEERDER)
    response = client.post(reverse("beheer-lijst-create", args=["wijken"]), {"naam": "Binnenstad"})
    assert response.status_code == 200 and Wijk.objects.filter(naam="Binnenstad").count() == 1


def test_deactivated_wijk_is_not_offered_but_kept_where_it_is_used(client_for):
    oud = WijkFactory(naam="Oude Wijk")
    WijkFactory(naam="Nieuwe Wijk")
    organisatie = OrganisatieFactory(wijk=oud)
    client = client_for(Role.BEHEERDER)
    response = client.post(
        reverse("beheer-lijst-actief", args=["wijken", oud.pk]), {"actief": "nee"}
    )
    assert response.status_code == 302
    oud.refresh_from_db()
    assert not oud.actief
    assert "niet meer actief" in client.get(response["Location"]).content.decode()
    # The list shows active rows by default; the filter finds the old one.
    listing = client.get(reverse("beheer-lijst", args=["wijken"])).content.decode()
    assert "Nieuwe Wijk" in listing and "Oude Wijk" not in listing
    old = client.get(reverse("beheer-lijst", args=["wijken"]) + "?actief=nee").content.decode()
    assert "Oude Wijk" in old and "Weer activeren" in old

    kwartiermaker = client_for(Role.KWARTIERMAKER)
    new_form = kwartiermaker.get(reverse("organisatie-create")).content.decode()
    assert "Nieuwe Wijk" in new_form and "Oude Wijk" not in new_form
    edit_form = kwartiermaker.get(
        reverse("organisatie-update", args=[organisatie.pk])
    ).content.decode()
    assert "Oude Wijk" in edit_form  # the organisation keeps its wijk

    # Reactivating offers it again.
    client = client_for(Role.BEHEERDER)
    client.post(reverse("beheer-lijst-actief", args=["wijken", oud.pk]), {"actief": "ja"})
    oud.refresh_from_db()
    assert oud.actief


def test_deactivated_office_holder_is_redacted_again(client_for):
    houder = OpenbaarAmbtsdrager.objects.create(naam="Wil Wethouder", functie="wethouder")
    assert "Wil Wethouder" in list(office_holders())
    client_for(Role.BEHEERDER).post(
        reverse("beheer-lijst-actief", args=["ambtsdragers", houder.pk]), {"actief": "nee"}
    )
    assert "Wil Wethouder" not in list(office_holders())


def test_diversity_aspect_list_and_form(client_for):
    client = client_for(Role.BEHEERDER)
    response = client.post(
        reverse("beheer-lijst-create", args=["diversiteitsaspecten"]),
        {"naam": "Woonsituatie", "toelichting": "Dakloos, begeleid wonen", "volgorde": 13},
    )
    assert response.status_code == 302
    assert DiversiteitsAspect.objects.get(naam="Woonsituatie").actief
    listing = client.get(response["Location"]).content.decode()
    assert "Dakloos, begeleid wonen" in listing


def test_only_the_beheerder_and_only_known_lists(client_for):
    assert client_for(Role.BEHEERDER).get("/beheer/lijsten/onbekend/").status_code == 404
    wijk = WijkFactory()
    for role in (Role.KWARTIERMAKER, Role.WETHOUDER):
        client = client_for(role)
        assert client.get(reverse("beheer-lijst", args=["wijken"])).status_code == 403
        response = client.post(
            reverse("beheer-lijst-actief", args=["wijken", wijk.pk]), {"actief": "nee"}
        )
        assert response.status_code == 403
    wijk.refresh_from_db()
    assert wijk.actief
    assert (
        client_for(Role.BEHEERDER)
        .get(reverse("beheer-lijst-actief", args=["wijken", wijk.pk]))
        .status_code
        == 405
    )


def test_one_beheer_menu_with_the_beheer_pages_beneath(client_for):
    import re

    client = client_for(Role.BEHEERDER)
    html = client.get(reverse("beheer-lijst", args=["wijken"])).content.decode()
    menu = re.search(r'<ul class="portaal-nav__sub" id="menu-beheer">.*?</ul>', html, re.S)
    assert menu, "no Beheer submenu"
    links = re.findall(r'href="([^"]+)"[^>]*>([^<]+)<', menu.group(0))
    assert [label for _url, label in links] == [
        "Overzicht",
        "Gebruikers",
        "Lijsten",
        "Vragenlijsten",
        "Planning van de rapporten",
    ]
    # The lists page is the current one in the menu while a list is open.
    assert f'href="{reverse("beheer-lijsten")}" aria-current="true"' in menu.group(0)
    lijsten = client.get(reverse("beheer-lijsten")).content.decode()
    assert reverse("beheer-lijst", args=["ambtsdragers"]) in lijsten
    # Other roles have no Beheer menu.
    other = client_for(Role.KWARTIERMAKER).get("/").content.decode()
    assert 'id="menu-beheer"' not in other


def test_sectors_and_themes_are_lists_the_beheerder_keeps(client_for):
    from inclusie.models import Keuze, Organisatie

    client = client_for(Role.BEHEERDER)
    listing = client.get(reverse("beheer-lijst", args=["sectoren"])).content.decode()
    assert "Zorg en welzijn" in listing and "Divers personeelsbestand" not in listing
    themas = client.get(reverse("beheer-lijst", args=["themas"])).content.decode()
    assert "Divers personeelsbestand" in themas and "Zorg en welzijn" not in themas

    # A new sector: offered in the organisation form, shown on the organisation.
    response = client.post(
        reverse("beheer-lijst-create", args=["sectoren"]), {"naam": "Sport", "volgorde": 10}
    )
    assert response.status_code == 302
    sport = Keuze.objects.get(lijst="sector", naam="Sport")
    assert sport.waarde == "sport"
    kwartiermaker = client_for(Role.KWARTIERMAKER)
    form = kwartiermaker.get(reverse("organisatie-create")).content.decode()
    assert '<option value="sport"' in form
    response = kwartiermaker.post(
        reverse("organisatie-create"), {"naam": "SV De Bal", "sector": "sport"}
    )
    assert response.status_code == 302
    org = Organisatie.objects.get(naam="SV De Bal")
    assert org.get_sector_display() == "Sport"

    # Renamed: the organisation shows the new name; the stored code stays.
    client = client_for(Role.BEHEERDER)
    client.post(
        reverse("beheer-lijst-update", args=["sectoren", sport.pk]),
        {"naam": "Sport en bewegen", "volgorde": 10},
    )
    org.refresh_from_db()
    assert (org.sector, org.get_sector_display()) == ("sport", "Sport en bewegen")

    # Deactivated: no longer offered, kept where it is used, still shown by name.
    client.post(reverse("beheer-lijst-actief", args=["sectoren", sport.pk]), {"actief": "nee"})
    kwartiermaker = client_for(Role.KWARTIERMAKER)
    new_form = kwartiermaker.get(reverse("organisatie-create")).content.decode()
    assert '<option value="sport"' not in new_form
    edit_form = kwartiermaker.get(reverse("organisatie-update", args=[org.pk])).content.decode()
    assert '<option value="sport" selected>' in edit_form
    detail = kwartiermaker.get(reverse("organisatie-detail", args=[org.pk])).content.decode()
    assert "Sport en bewegen" in detail
    refused = kwartiermaker.post(
        reverse("organisatie-create"), {"naam": "SV Nieuw", "sector": "sport"}
    )
    assert refused.status_code == 200 and not Organisatie.objects.filter(naam="SV Nieuw").exists()


def test_a_renamed_signal_theme_is_counted_under_its_new_name(client_for):
    import datetime

    from django.utils import timezone

    from inclusie.models import Keuze
    from klankbord.selectors import signalen_per_thema
    from tests.klankbord.factories import SignaalFactory

    SignaalFactory(thema="wonen")
    wonen = Keuze.objects.get(lijst="signaalthema", waarde="wonen")
    client = client_for(Role.BEHEERDER)
    client.post(
        reverse("beheer-lijst-update", args=["signaalthemas", wonen.pk]),
        {"naam": "Wonen en leefomgeving", "volgorde": wonen.volgorde},
    )
    client.post(
        reverse("beheer-lijst-create", args=["signaalthemas"]), {"naam": "Klimaat", "volgorde": 20}
    )
    today = timezone.localdate()
    counts = signalen_per_thema(today - datetime.timedelta(days=30), today)
    assert counts["Wonen en leefomgeving"] == 1 and counts["Klimaat"] == 0
    form = client_for(Role.KWARTIERMAKER).get(reverse("signaal-create")).content.decode()
    assert "Klimaat" in form and "Wonen en leefomgeving" in form


def test_beheerder_home_links_the_beheer_pages(client_for):
    html = client_for(Role.BEHEERDER).get(reverse("home")).content.decode()
    for url in (
        reverse("beheer-lijsten"),
        reverse("vragenlijst-beheer"),
        reverse("monitoring:planning"),
    ):
        assert f'href="{url}"' in html
    assert "/admin/" not in html


def test_list_changes_show_in_the_audit_log_page(client_for):
    client = client_for(Role.BEHEERDER)
    client.post(reverse("beheer-lijst-create", args=["sectoren"]), {"naam": "Sport", "volgorde": 1})
    client.post(
        reverse("monitoring:planning"), {"dag": "3", "maanden": ["1", "7"], "tijd": "07:00"}
    )
    html = client.get(reverse("audit-log")).content.decode()
    assert "Sport" in html and "monitoring-halfjaar-momentopname" in html
