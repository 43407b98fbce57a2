import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from deal.models import GezamenlijkeDoelstelling, Partner
from inclusie.constants import Role
from inclusie.models import GemeenteProfiel
from pijlers.models import Lidmaatschap, Pijler

pytestmark = pytest.mark.django_db


def seed(shape: str) -> None:
    call_command("seed_demo", "--shape", shape, stdout=io.StringIO())


def test_deventer_shape_has_the_two_shared_goals_and_a_pijler_without_ambassador(client_for):
    seed("deventer")
    assert set(GezamenlijkeDoelstelling.objects.values_list("titel", flat=True)) == {
        "Verbinden groepen in de stad",
        "Delen kennis en ervaringen",
    }
    assert Partner.objects.count() == 40
    assert len({p.fase for p in Partner.objects.all()}) == 5
    html = client_for(Role.KWARTIERMAKER).get(reverse("home")).content.decode()
    assert "Pijlers zonder ambassadeur" in html
    seed("deventer")  # running it again adds nothing twice
    assert Partner.objects.count() == 40


def test_arnhem_shape_fits_without_code(client_for):
    seed("arnhem")
    speerpunten = Pijler.objects.all()
    assert speerpunten.count() == 8
    assert all(p.eigenaar and p.gemeente_rol for p in speerpunten)
    rollen = set(Lidmaatschap.objects.values_list("rol", flat=True))
    assert {Lidmaatschap.Rol.GEMEENTE, Lidmaatschap.Rol.WIJKTEAM} <= rollen
    client = client_for(Role.BELEIDSADVISEUR)
    html = client.get(reverse("pijlers:list")).content.decode()
    assert "Speerpunten" in html and "Doorbraak naar Werk" in html
    detail = client.get(speerpunten.first().get_absolute_url()).content.decode()
    assert "Contactpersoon wijkteam" in detail and "dit speerpunt" in detail
    assert "deze speerpunt" not in detail


def test_dordrecht_shape_loads_uitvoeringslijnen(client_for):
    seed("dordrecht")
    assert Pijler.objects.count() == 3
    assert GemeenteProfiel.load().term_pijler == "uitvoeringslijn"
    assert GezamenlijkeDoelstelling.objects.count() == 3
    html = client_for(Role.WETHOUDER).get(reverse("pijlers:list")).content.decode()
    assert "Uitvoeringslijnen" in html and "Als werkgever" in html
