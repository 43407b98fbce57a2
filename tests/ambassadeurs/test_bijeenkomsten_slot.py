"""Workbench pages show the upcoming meetings of their body, only those the viewer may see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten.models import Bijeenkomst, Soort
from inclusie.constants import Role
from tests.ambassadeurs.factories import AmbassadeurFactory
from tests.bijeenkomsten.factories import BijeenkomstFactory, UitnodigingFactory
from tests.factories import PersoonFactory

pytestmark = pytest.mark.django_db


def test_klankbord_page_lists_upcoming_klankbord_meetings_only(client_for):
    BijeenkomstFactory(titel="Klankbord december", soort=Soort.KLANKBORD)
    BijeenkomstFactory(titel="Ambassadeurs december", soort=Soort.AMBASSADEURS)
    BijeenkomstFactory(titel="Klankbord vorig jaar", soort=Soort.KLANKBORD, voorbij=True)
    BijeenkomstFactory(
        titel="Klankbord afgelast", soort=Soort.KLANKBORD, status=Bijeenkomst.Status.GEANNULEERD
    )
    html = client_for(Role.KWARTIERMAKER).get(reverse("klankbord")).content.decode()
    assert "Klankbord december" in html
    assert "Ambassadeurs december" not in html
    assert "Klankbord vorig jaar" not in html
    assert "Klankbord afgelast" not in html


def test_ambassador_sees_own_invitations_not_meetings_they_are_not_invited_to(
    client, user_for_role
):
    user = user_for_role(Role.AMBASSADEUR)
    AmbassadeurFactory(persoon=PersoonFactory(user=user), actief=True)
    mine = BijeenkomstFactory(
        titel="Mijn ambassadeursavond", start=timezone.now() + timedelta(days=3)
    )
    UitnodigingFactory(bijeenkomst=mine, user=user)
    BijeenkomstFactory(titel="Geheime stuurgroep", soort=Soort.STUURGROEP)
    client.force_login(user)
    html = client.get(reverse("mijn-ambassadeurschap")).content.decode()
    assert "Mijn ambassadeursavond" in html
    assert "Geheime stuurgroep" not in html
