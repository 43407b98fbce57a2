import factory
from factory.django import DjangoModelFactory

from inclusie.constants import Levensdomein, Role
from stappenplan.models import Verkenning, Vraag, Vragenlijst
from tests.factories import UserFactory


def bijlage1() -> Vragenlijst:
    return Vragenlijst.objects.get(code="bijlage-1", actief=True)


class AdviseurFactory(UserFactory):
    role = Role.BELEIDSADVISEUR


class VerkenningFactory(DjangoModelFactory):
    class Meta:
        model = Verkenning
        skip_postgeneration_save = True

    vragenlijst = factory.LazyFunction(bijlage1)
    titel = factory.Sequence(lambda n: f"Verkenning {n}")
    jaar = 2026
    levensdomein = Levensdomein.WERK_INKOMEN
    eigenaar = factory.SubFactory(AdviseurFactory)

    @factory.post_generation
    def gedeeld_met(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.gedeeld_met.add(*extracted)

    class Params:
        ingediend = factory.Trait(status=Verkenning.Status.INGEDIEND)


def open_vraag(verkenning, nummer="1", deel=1) -> Vraag:
    return Vraag.objects.get(
        deel__vragenlijst=verkenning.vragenlijst, deel__nummer=deel, nummer=nummer
    )
