import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from deal.constants import Fase, ToezeggingSoort
from deal.models import (
    FaseWijziging,
    GezamenlijkeDoelstelling,
    Initiatief,
    KennisItem,
    Partner,
    Toezegging,
    ToezeggingStatusWijziging,
)
from pijlers.models import Lidmaatschap, Pijler
from tests.factories import OrganisatieFactory, PersoonFactory


class PijlerFactory(DjangoModelFactory):
    class Meta:
        model = Pijler

    naam = factory.Sequence(lambda n: f"Tafel {n}")
    slug = factory.Sequence(lambda n: f"tafel-{n}")


class LidmaatschapFactory(DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    pijler = factory.SubFactory(PijlerFactory)
    persoon = factory.SubFactory(PersoonFactory)
    rol = Lidmaatschap.Rol.PARTNER
    sinds = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class DoelstellingFactory(DjangoModelFactory):
    class Meta:
        model = GezamenlijkeDoelstelling

    titel = factory.Sequence(lambda n: f"Doel {n}")


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory)
    fase = Fase.VERKEND
    fase_sinds = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))

    @factory.post_generation
    def historie(obj, create, extracted, **kwargs):
        if create:
            FaseWijziging.objects.create(partner=obj, van="", naar=obj.fase, datum=obj.fase_sinds)

    class Params:
        signed = factory.Trait(
            fase=Fase.ONDERTEKEND,
            ondertekend_op=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=60)
            ),
            ondertekenaar_naam="Directeur Voorbeeld",
        )


class ToezeggingFactory(DjangoModelFactory):
    class Meta:
        model = Toezegging
        skip_postgeneration_save = True

    partner = factory.SubFactory(PartnerFactory)
    soort = ToezeggingSoort.STAD
    titel = factory.Sequence(lambda n: f"Toezegging {n}")

    @factory.post_generation
    def historie(obj, create, extracted, **kwargs):
        """Its status history, as toezegging_save records it: the status since today
        (or since the date passed as `historie=date`)."""
        if create:
            ToezeggingStatusWijziging.objects.create(
                toezegging=obj, naar=obj.status, datum=extracted or timezone.localdate()
            )


class InitiatiefFactory(DjangoModelFactory):
    class Meta:
        model = Initiatief

    naam = factory.Sequence(lambda n: f"Initiatief {n}")


class KennisItemFactory(DjangoModelFactory):
    class Meta:
        model = KennisItem

    titel = factory.Sequence(lambda n: f"Kennis {n}")
    soort = "link"
    link = "https://voorbeeld.example/kennis"
