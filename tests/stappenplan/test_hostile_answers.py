"""Hypothesis over the autosave endpoint: never a 500, never a partial save."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stappenplan.models import Antwoord, Verkenning, Vraag
from tests.stappenplan.factories import VerkenningFactory
from tests.test_hostile_input import HOSTILE, SCRIPT

pytestmark = pytest.mark.django_db
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str), HOSTILE, st.just("0")
)


def snapshot(v):
    return (
        list(
            Antwoord.objects.filter(verkenning=v)
            .order_by("pk")
            .values_list("vraag_id", "tekst", "keuzes", "overgeslagen", "tip", "versie")
        ),
        Verkenning.objects.filter(pk=v.pk).values_list("levensdomein", "wijk_id", "status").get(),
    )


def test_hostile_posts_to_the_answer_endpoint(client):
    v = VerkenningFactory()
    client.force_login(v.eigenaar)
    vraag_ids = [
        str(pk)
        for pk in Vraag.objects.filter(deel__vragenlijst=v.vragenlijst).values_list("pk", flat=True)
    ]
    url = reverse("verkenning-antwoord", args=[v.pk])

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        vraag=st.one_of(st.sampled_from(vraag_ids), NUMBERS),
        versie=NUMBERS,
        tekst=HOSTILE,
        tip=HOSTILE,
        keuzes=st.lists(HOSTILE, max_size=3),
        overgeslagen=st.sampled_from(["", "on", "x", SCRIPT]),
        json=st.booleans(),
    )
    def attempt(vraag, versie, tekst, tip, keuzes, overgeslagen, json):
        before = snapshot(v)
        data = {
            "vraag": vraag,
            "versie": versie,
            "tekst": tekst,
            "tip": tip,
            "keuzes": keuzes,
            "overgeslagen": overgeslagen,
        }
        headers = {"HTTP_ACCEPT": "application/json"} if json else {}
        response = client.post(url, data, **headers)
        assert response.status_code < 500, data
        assert SCRIPT not in response.content.decode(errors="replace")
        saved = (json and response.status_code == 200) or (
            not json and response.status_code == 302 and "#vraag-" in response["Location"]
        )
        if not saved:
            assert snapshot(v) == before, "a refused save changed the database"

    attempt()
