import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from opdracht.models import Opdracht


class OpdrachtFactory(DjangoModelFactory):
    class Meta:
        model = Opdracht

    omschrijving = "Inclusie Deal tot stand brengen"
    start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    eind = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(days=365))
    uren_per_week = Decimal("10")
    budget = Decimal("37000")
    uurtarief = Decimal("70")
