from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from bijeenkomsten.models import Actie, Agendapunt, Bijeenkomst, Soort, Uitnodiging
from tests.factories import UserFactory


class BijeenkomstFactory(DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    titel = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    soort = Soort.AMBASSADEURS
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    eind = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    locatie = "Buurthuis"
    organisator = factory.SubFactory(UserFactory)

    class Params:
        voorbij = factory.Trait(
            start=factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
        )
        # Under way: attendance and minutes fit this phase (bijeenkomsten.fasen).
        bezig = factory.Trait(
            start=factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=10))
        )


class AgendapuntFactory(DjangoModelFactory):
    class Meta:
        model = Agendapunt

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    titel = factory.Sequence(lambda n: f"Agendapunt {n}")
    volgorde = factory.Sequence(lambda n: n + 1)


class UitnodigingFactory(DjangoModelFactory):
    class Meta:
        model = Uitnodiging

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    user = factory.SubFactory(UserFactory)


class ActieFactory(DjangoModelFactory):
    class Meta:
        model = Actie

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    omschrijving = factory.Sequence(lambda n: f"Actie {n}")
    eigenaar = factory.SubFactory(UserFactory)
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
