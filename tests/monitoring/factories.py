import factory
from factory.django import DjangoModelFactory

from deal.models import GezamenlijkeDoelstelling
from monitoring.constants import Bron, DoelType, IndicatorSoort
from monitoring.models import Indicator, Meting, Raadsmededeling, Veranderverhaal, Verhaal


class DoelstellingFactory(DjangoModelFactory):
    class Meta:
        model = GezamenlijkeDoelstelling

    titel = factory.Sequence(lambda n: f"Doelstelling {n}")


class VeranderverhaalFactory(DjangoModelFactory):
    class Meta:
        model = Veranderverhaal

    doelstelling = factory.SubFactory(DoelstellingFactory)
    maatschappelijk_doel = "Iedereen doet mee in de stad."


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    naam = factory.Sequence(lambda n: f"Indicator {n}")
    soort = IndicatorSoort.OUTCOME
    doeltype = DoelType.VERANDERDOEL
    bron = Bron.GGD
    eenheid = "%"


class MetingFactory(DjangoModelFactory):
    class Meta:
        model = Meting

    indicator = factory.SubFactory(IndicatorFactory)
    periode = "2026-H1"
    waarde = 42
    duiding = "Een stijging, vooral in Noord."


class VerhaalFactory(DjangoModelFactory):
    class Meta:
        model = Verhaal

    titel = factory.Sequence(lambda n: f"Verhaal {n}")
    tekst = "Ik voel me hier welkom."
    periode = "2026-H1"
    toestemming = True


class RaadsmededelingFactory(DjangoModelFactory):
    class Meta:
        model = Raadsmededeling

    jaar = 2026
    volgnummer = factory.Sequence(lambda n: n + 1)
    periode = "2026-H1"
    onderwerp = "Voortgang Inclusie Deal"
    inleiding = "Waarom deze mededeling."
    kader = "Het kader."
    kern = "De kern."
    toelichting = "De toelichting."
