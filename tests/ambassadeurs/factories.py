import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ambassadeurs.constants import ActiviteitSoort, AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie, StatusWijziging
from tests.factories import PersoonFactory


class AmbassadeurFactory(DjangoModelFactory):
    class Meta:
        model = Ambassadeur
        skip_postgeneration_save = True

    persoon = factory.SubFactory(PersoonFactory)
    aangemeld_op = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))

    class Params:
        actief = factory.Trait(
            status=AmbassadeurStatus.ACTIEF,
            actief_sinds=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=60)
            ),
            crit_onderscheid=True,
            crit_motivatie=True,
            crit_noodzaak=True,
            crit_netwerk=True,
            crit_contacten=True,
        )

    @factory.post_generation
    def historie(obj, create, extracted, **kwargs):
        """The dated status history the figures read, matching the ambassador's dates."""
        if not create:
            return
        rows = [(AmbassadeurStatus.AANGEMELD, obj.aangemeld_op)]
        if obj.actief_sinds:
            rows.append((AmbassadeurStatus.ACTIEF, obj.actief_sinds))
        if obj.gestopt_op:
            rows.append((AmbassadeurStatus.GESTOPT, obj.gestopt_op))
        for status, datum in rows:
            if datum:
                StatusWijziging.objects.create(ambassadeur=obj, status=status, datum=datum)


class ActiviteitFactory(DjangoModelFactory):
    class Meta:
        model = Activiteit

    ambassadeur = factory.SubFactory(AmbassadeurFactory, actief=True)
    datum = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    soort = ActiviteitSoort.GESPREK
    titel = factory.Sequence(lambda n: f"Gesprek met directeur {n}")


class CoachingNotitieFactory(DjangoModelFactory):
    class Meta:
        model = CoachingNotitie

    ambassadeur = factory.SubFactory(AmbassadeurFactory, actief=True)
    datum = factory.LazyFunction(timezone.localdate)
    onderwerp = "Voortgang"
    notitie = "Vertrouwelijke coachingsnotitie"
