"""Two advisers saving the same answer at the same instant: one wins, the other gets a
conflict, never a lost update. Needs real row locks, so it runs on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from django.apps import apps
from django.db import connection, connections

from stappenplan import services
from stappenplan.models import Antwoord
from stappenplan.vragenlijsten import load_vragenlijsten
from tests.stappenplan.factories import AdviseurFactory, VerkenningFactory, open_vraag

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI sets DATABASE_URL)"
)
@pytest.mark.parametrize("eerste", [True, False])
def test_simultaneous_saves_one_wins_one_conflicts(eerste):
    load_vragenlijsten(apps)
    v = VerkenningFactory()
    collega = AdviseurFactory()
    v.gedeeld_met.add(collega)
    vraag = open_vraag(v)
    if not eerste:
        services.antwoord_save(
            verkenning=v,
            vraag=vraag,
            invoer=services.AntwoordInvoer(tekst="basis"),
            versie=0,
            by=v.eigenaar,
        )
    versie = 0 if eerste else 1
    barrier = threading.Barrier(2)
    results: list[str] = []

    def save(tekst, door):
        try:
            barrier.wait(5)
            services.antwoord_save(
                verkenning=v,
                vraag=vraag,
                invoer=services.AntwoordInvoer(tekst=tekst),
                versie=versie,
                by=door,
            )
            results.append("ok:" + tekst)
        except services.AntwoordConflict:
            results.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=("van Bas", v.eigenaar)),
        threading.Thread(target=save, args=("van Bo", collega)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert sorted(r.split(":")[0] for r in results) == ["conflict", "ok"], results
    winner = next(r for r in results if r.startswith("ok")).split(":", 1)[1]
    antwoord = Antwoord.objects.get(verkenning=v, vraag=vraag)
    assert antwoord.tekst == winner and antwoord.versie == versie + 1
