import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ambassadeurs.constants import ActiviteitSoort, AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie
from tests.factories import PersoonFactory


class AmbassadeurFactory(DjangoModelFactory):
    class Meta:
        model = Ambassadeur

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
