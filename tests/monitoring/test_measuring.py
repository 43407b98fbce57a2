"""Periods, measurements with mandatory duiding, stories with consent, the veranderverhaal."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from monitoring.constants import Niveau
from monitoring.models import Meting, Schakel, Verhaal
from monitoring.periods import Period
from monitoring.services import measurements
from tests.monitoring.factories import IndicatorFactory, MetingFactory, VeranderverhaalFactory

pytestmark = pytest.mark.django_db


def test_period_parsing_and_navigation():
    p = Period.parse("2026-h1")
    assert p.code == "2026-H1"
    assert str(p.start) == "2026-01-01" and str(p.end) == "2026-07-01"
    assert p.previous().code == "2025-H2"
    assert p.previous().previous().code == "2025-H1"
    for bad in ("2026-H3", "2026", "H1-2026", "1999-H1", "", "2026-H1; drop"):
        with pytest.raises(ValidationError):
            Period.parse(bad)


def test_measurement_for_a_period_that_does_not_exist_is_refused(client_for):
    ind = IndicatorFactory()
    client = client_for("beleidsadviseur")
    response = client.post(
        reverse("monitoring:meting-create"),
        {"indicator": ind.pk, "periode": "2026-H3", "waarde": "5", "duiding": "x"},
    )
    assert response.status_code == 200
    assert "geen bestaande periode" in response.content.decode()
    assert Meting.objects.count() == 0


def test_measurement_without_duiding_is_refused(client_for):
    ind = IndicatorFactory()
    response = client_for("beleidsadviseur").post(
        reverse("monitoring:meting-create"),
        {"indicator": ind.pk, "periode": "2026-H1", "waarde": "5", "duiding": "  "},
    )
    assert "Schrijf een duiding" in response.content.decode()
    assert Meting.objects.count() == 0
    with pytest.raises(ValidationError):
        measurements.meting_save(
            meting=Meting(indicator=ind, periode="2026-H1", waarde=1, duiding="")
        )


def test_duplicate_measurement_is_refused_clearly(client_for):
    meting = MetingFactory()
    response = client_for("beleidsadviseur").post(
        reverse("monitoring:meting-create"),
        {"indicator": meting.indicator.pk, "periode": "2026-H1", "waarde": "5", "duiding": "ok"},
    )
    assert "al gemeten" in response.content.decode()
    assert Meting.objects.count() == 1


def test_measurement_is_saved_and_shown(client_for):
    ind = IndicatorFactory(naam="Gevoel van veiligheid")
    client = client_for("beleidsadviseur")
    response = client.post(
        reverse("monitoring:meting-create"),
        {
            "indicator": ind.pk,
            "periode": "2026-H1",
            "waarde": "61,5".replace(",", "."),
            "duiding": "Gelijk gebleven.",
        },
    )
    assert response.status_code == 302
    page = client.get(ind.get_absolute_url()).content.decode()
    assert "Gelijk gebleven." in page and "2026-H1" in page


def test_story_needs_consent(client_for):
    response = client_for("beleidsadviseur").post(
        reverse("monitoring:verhaal-create"),
        {"titel": "T", "tekst": "x", "soort": "citaat", "periode": "2026-H1", "toestemming": ""},
    )
    assert "toestemming" in response.content.decode()
    assert Verhaal.objects.count() == 0


def test_veranderverhaal_chain_is_shown_in_order(client_for):
    vv = VeranderverhaalFactory()
    outcome = Schakel.objects.create(
        veranderverhaal=vv, niveau=Niveau.OUTCOME, tekst="Meer ontmoeting"
    )
    client = client_for("beleidsadviseur")
    response = client.post(
        reverse("monitoring:schakel-create", args=[vv.pk]),
        {
            "niveau": "output",
            "bovenliggend": outcome.pk,
            "tekst": "Tien buurttafels",
            "volgorde": 0,
        },
    )
    assert response.status_code == 302
    output = Schakel.objects.get(tekst="Tien buurttafels")
    # an activity must hang under an output, not directly under an outcome
    response = client.post(
        reverse("monitoring:schakel-create", args=[vv.pk]),
        {"niveau": "activiteit", "bovenliggend": outcome.pk, "tekst": "Uitnodigen", "volgorde": 0},
    )
    assert response.status_code == 200 and Schakel.objects.count() == 2
    client.post(
        reverse("monitoring:schakel-create", args=[vv.pk]),
        {"niveau": "activiteit", "bovenliggend": output.pk, "tekst": "Uitnodigen", "volgorde": 0},
    )
    page = client.get(vv.get_absolute_url()).content.decode()
    assert page.index("Meer ontmoeting") < page.index("Tien buurttafels") < page.index("Uitnodigen")


def test_internal_indicator_prefills_its_computed_value(client_for):
    import datetime as dt

    from django.utils import timezone

    from inclusie.models import Organisatie
    from monitoring.periods import Period
    from tests.factories import OrganisatieFactory

    OrganisatieFactory.create_batch(2)
    early = timezone.make_aware(dt.datetime.combine(Period.last_completed().start, dt.time(9)))
    Organisatie.objects.update(created_at=early)
    ind = IndicatorFactory(bron="intern", figuur="relaties.organisaties")
    response = client_for("beleidsadviseur").get(
        reverse("monitoring:meting-create") + f"?indicator={ind.pk}"
    )
    assert response.context["form"].initial["waarde"] == 2


def test_indicator_with_unknown_figure_is_refused():
    ind = IndicatorFactory.build(figuur="bestaat.niet")
    with pytest.raises(ValidationError):
        measurements.indicator_save(indicator=ind)


def test_measurement_can_be_corrected_but_not_emptied(client_for):
    meting = MetingFactory(duiding="Eerst")
    client = client_for("beleidsadviseur")
    url = reverse("monitoring:meting-update", args=[meting.pk])
    data = {"indicator": meting.indicator.pk, "periode": "2026-H1", "waarde": "43"}
    assert "Schrijf een duiding" in client.post(url, data | {"duiding": ""}).content.decode()
    assert client.post(url, data | {"duiding": "Bijgesteld"}).status_code == 302
    meting.refresh_from_db()
    assert (meting.duiding, int(meting.waarde)) == ("Bijgesteld", 43)


def test_half_years_are_chosen_from_a_list_in_words(client_for):
    """Issue 14: "eerste halfjaar 2026" was refused when typed; now it is an option."""
    import re

    from monitoring.periods import Period

    client = client_for("beleidsadviseur")
    page = client.get(reverse("monitoring:rapport-list")).content.decode()
    select = re.search(r'<select name="periode"[^>]*>(.*?)</select>', page, re.S)
    assert select, "the half year is a select, not a text field"
    current = Period.current()
    assert f'<option value="{current.code}"' in select.group(1)
    assert f"{current.label} ({current.code})" in select.group(1)
    last = Period.current().previous()
    assert re.search(rf'<option value="{last.code}"[^>]*selected', select.group(1))
    # An older stored half year stays selectable when a measurement is corrected.
    meting = MetingFactory(periode="2014-H2", duiding="Oud")
    page = client.get(reverse("monitoring:meting-update", args=[meting.pk])).content.decode()
    assert re.search(r'<option value="2014-H2"[^>]*selected', page)
