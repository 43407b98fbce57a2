import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from inclusie.constants import Role
from inclusie.models import GemeenteProfiel
from inclusie.registry import figure
from pijlers import services
from pijlers.models import Lidmaatschap, Pijler
from tests.deal.factories import LidmaatschapFactory, PijlerFactory
from tests.factories import GemeenteProfielFactory, PersoonFactory

pytestmark = pytest.mark.django_db
AMB = Lidmaatschap.Rol.AMBASSADEUR


def test_pijler_page_uses_the_gemeentes_word_and_shows_the_ambassador_rule(client_for):
    GemeenteProfielFactory(term_pijler="speerpunt", term_pijlers="speerpunten")
    pijler = PijlerFactory(naam="Toegankelijkheid", eigenaar="Stedelijke ontwikkeling")
    client = client_for(Role.KLANKBORDLID)
    html = client.get(pijler.get_absolute_url()).content.decode()
    assert "dit speerpunt heeft nog geen ambassadeur" in html
    assert "Stedelijke ontwikkeling" in html
    assert "pijler" not in html.lower().replace("pijlers/", "")
    listing = client.get(reverse("pijlers:list")).content.decode()
    assert "Speerpunten" in listing and "geen ambassadeur" in listing


def test_adding_and_ending_an_ambassador_switches_the_warning(client_for):
    pijler = PijlerFactory()
    persoon = PersoonFactory(naam="Ayla Voorbeeld")
    client = client_for(Role.KWARTIERMAKER)
    response = client.post(
        reverse("pijlers:lid-create", args=[pijler.pk]),
        {"persoon": persoon.pk, "rol": AMB, "sinds": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    html = client.get(pijler.get_absolute_url()).content.decode()
    assert "nog geen ambassadeur" not in html and "Ayla Voorbeeld" in html
    lid = Lidmaatschap.objects.get(pijler=pijler, persoon=persoon)
    assert client.get(reverse("pijlers:lid-end", args=[lid.pk])).status_code == 405
    assert client.post(reverse("pijlers:lid-end", args=[lid.pk])).status_code == 302
    html = client.get(pijler.get_absolute_url()).content.decode()
    assert "nog geen ambassadeur" in html and "Oud-leden" in html


def test_member_twice_in_the_same_role_is_refused_but_may_rejoin():
    lid = LidmaatschapFactory(rol=AMB)
    with pytest.raises(ValidationError):
        services.lidmaatschap_add(pijler=lid.pijler, persoon=lid.persoon, rol=AMB)
    services.lidmaatschap_end(lidmaatschap=lid)
    again = services.lidmaatschap_add(pijler=lid.pijler, persoon=lid.persoon, rol=AMB)
    assert again.pk == lid.pk and again.is_huidig


def test_kwartiermaker_home_warns_about_pijlers_without_ambassador(client_for):
    zonder = PijlerFactory(naam="Sport en cultuur")
    met = PijlerFactory(naam="Werk")
    LidmaatschapFactory(pijler=met, rol=AMB)
    html = client_for(Role.KWARTIERMAKER).get(reverse("home")).content.decode()
    assert "zonder ambassadeur" in html
    assert zonder.get_absolute_url() in html and met.get_absolute_url() not in html
    # Other roles do not get this panel.
    other = client_for(Role.AMBASSADEUR).get(reverse("home")).content.decode()
    assert zonder.get_absolute_url() not in other


def test_figure_pijlers_without_ambassador_at_end_of_period(django_assert_num_queries):
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 7, 1)
    werk = PijlerFactory(naam="Werk")
    wonen = PijlerFactory(naam="Wonen")
    LidmaatschapFactory(pijler=werk, rol=AMB, sinds=datetime.date(2025, 5, 1))
    LidmaatschapFactory(
        pijler=wonen, rol=AMB, sinds=datetime.date(2025, 5, 1), tot=datetime.date(2026, 3, 1)
    )
    # The pijlers of then: made before the half year ended (a pijler made later is not in it).
    Pijler.objects.update(created_at=timezone.make_aware(datetime.datetime(2025, 1, 1)))
    PijlerFactory(naam="Later")
    with django_assert_num_queries(1):
        assert figure("pijlers.zonder_ambassadeur").compute(start, end) == {"Wonen": 0}


def test_pijler_create_makes_a_slug_and_edit_keeps_it(client_for):
    client = client_for(Role.BEHEERDER)
    response = client.post(
        reverse("pijlers:create"), {"naam": "Zorg en welzijn", "volgorde": 1, "actief": "on"}
    )
    assert response.status_code == 302 and response["Location"] == "/pijlers/zorg-en-welzijn/"
    assert GemeenteProfiel.cached().term_pijler == "pijler"


def test_pijler_detail_has_constant_queries(client_for, django_assert_max_num_queries):
    pijler = PijlerFactory()
    client = client_for(Role.KWARTIERMAKER)
    counts = []
    for n in (2, 20):
        for _i in range(n):
            LidmaatschapFactory(pijler=pijler)
        client.get(pijler.get_absolute_url())
        with django_assert_max_num_queries(20) as captured:
            client.get(pijler.get_absolute_url())
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_pijler_page_lists_only_meetings_the_viewer_may_see(client_for, user_for_role):
    from tests.bijeenkomsten.factories import BijeenkomstFactory, UitnodigingFactory

    pijler = PijlerFactory()
    BijeenkomstFactory(pijler=pijler, titel="Tafel werk, besloten")
    open_ = BijeenkomstFactory(pijler=pijler, titel="Tafel werk, open")
    UitnodigingFactory(bijeenkomst=open_, user=user_for_role(Role.AMBASSADEUR))
    kwm = client_for(Role.KWARTIERMAKER).get(pijler.get_absolute_url()).content.decode()
    assert "Tafel werk, besloten" in kwm and "Tafel werk, open" in kwm
    amb = client_for(Role.AMBASSADEUR).get(pijler.get_absolute_url()).content.decode()
    assert "Tafel werk, open" in amb and "Tafel werk, besloten" not in amb


def test_pijler_without_ambassador_offers_adding_one_as_the_primary_action(client_for):
    pijler = PijlerFactory()
    client = client_for(Role.KWARTIERMAKER)
    html = client.get(pijler.get_absolute_url()).content.decode()
    add = reverse("pijlers:lid-create", args=[pijler.pk])
    assert f'href="{add}?rol=ambassadeur" data-hoofdactie>Ambassadeur toevoegen' in html
    assert html.count("--primary-action") == 1
    LidmaatschapFactory(pijler=pijler, rol=AMB)
    html = client.get(pijler.get_absolute_url()).content.decode()
    assert f'href="{add}" data-hoofdactie>Lid toevoegen' in html
    assert "Ambassadeur toevoegen" not in html and "Gegevens wijzigen" in html
    assert html.count("--primary-action") == 1


def test_pijler_page_offers_no_actions_to_readers(client_for):
    html = client_for(Role.KLANKBORDLID).get(PijlerFactory().get_absolute_url()).content.decode()
    assert "Meer acties" not in html and "Lid toevoegen" not in html


def test_pijler_page_queries_do_not_grow_with_members_and_partners(
    client_for, django_assert_max_num_queries
):
    from tests.deal.factories import PartnerFactory, ToezeggingFactory

    pijler = PijlerFactory()
    client = client_for(Role.KWARTIERMAKER)
    counts = []
    for n in (2, 20):
        for _i in range(n):
            LidmaatschapFactory(pijler=pijler)
            partner = PartnerFactory()
            partner.pijlers.add(pijler)
            ToezeggingFactory(partner=partner, pijler=pijler)
        client.get(pijler.get_absolute_url())
        with django_assert_max_num_queries(25) as captured:
            assert client.get(pijler.get_absolute_url()).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts
    print("pijlers:detail", counts)
