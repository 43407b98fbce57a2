import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from inclusie.models import DiversiteitsAspect
from klankbord.constants import KlankbordRol, SignaalBron, SignaalThema
from klankbord.models import Advies, KlankbordLid, Signaal
from tests.factories import PersoonFactory


class AspectFactory(DjangoModelFactory):
    class Meta:
        model = DiversiteitsAspect
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Aspect {n}")


class KlankbordLidFactory(DjangoModelFactory):
    class Meta:
        model = KlankbordLid

    persoon = factory.SubFactory(PersoonFactory)
    rol = KlankbordRol.LID
    van = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class AdviesFactory(DjangoModelFactory):
    class Meta:
        model = Advies

    onderwerp = factory.Sequence(lambda n: f"Advies {n}")
    datum = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=50))
    tekst = "Betrek inwoners vroeg."
    reactie_uiterlijk = factory.LazyAttribute(lambda o: o.datum + datetime.timedelta(days=42))


class SignaalFactory(DjangoModelFactory):
    class Meta:
        model = Signaal

    titel = factory.Sequence(lambda n: f"Signaal {n}")
    datum = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=2))
    thema = SignaalThema.WONEN
    bron = SignaalBron.INWONER
