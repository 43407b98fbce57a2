import datetime

import pytest

from deal.constants import Fase
from deal.models import FaseWijziging
from inclusie.registry import figure
from tests.deal.factories import InitiatiefFactory, PartnerFactory, ToezeggingFactory

pytestmark = pytest.mark.django_db
START, END = datetime.date(2026, 1, 1), datetime.date(2026, 7, 1)


def test_partners_per_stage_uses_the_stage_at_the_end_of_the_period(django_assert_num_queries):
    p = PartnerFactory(fase=Fase.VERKEND, fase_sinds=datetime.date(2025, 12, 1))
    FaseWijziging.objects.create(
        partner=p, van="verkend", naar="in_gesprek", datum=datetime.date(2026, 3, 1)
    )
    FaseWijziging.objects.create(
        partner=p, van="in_gesprek", naar="aangehaakt", datum=datetime.date(2026, 8, 1)
    )
    PartnerFactory(fase=Fase.VERKEND, fase_sinds=datetime.date(2026, 9, 1))  # not yet there at END
    with django_assert_num_queries(1):
        result = figure("deal.partners_per_stage").compute(START, END)
    assert result["In gesprek"] == 1
    assert sum(result.values()) == 1


def test_signed_commitments_and_initiatives(django_assert_num_queries):
    PartnerFactory(signed=True, ondertekend_op=datetime.date(2026, 2, 1))
    PartnerFactory(signed=True, ondertekend_op=datetime.date(2025, 2, 1))
    ToezeggingFactory(status="lopend")
    ToezeggingFactory(status="gerealiseerd")
    InitiatiefFactory(gestart_op=datetime.date(2026, 3, 1))
    InitiatiefFactory(gestart_op=datetime.date(2026, 9, 1))
    with django_assert_num_queries(3):
        assert figure("deal.ondertekend").compute(START, END) == 1
        toezeggingen = figure("deal.toezeggingen").compute(START, datetime.date(2099, 1, 1))
        assert figure("deal.initiatieven").compute(START, END) == 1
    assert toezeggingen["Loopt"] == 1 and toezeggingen["Gerealiseerd"] == 1
    assert toezeggingen["Voorgenomen"] == 0
