"""Retention and an erasure request on the real stack: Redis, a Celery worker, the test
database (PostgreSQL when DATABASE_URL is set)."""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from inclusie.constants import Role
from inclusie.models import Persoon
from privacy.models import PersoonsVerzoek, RetentieRun
from privacy.services import retentie_run_queue
from privacy.tasks import apply_retention
from tests.factories import UserFactory
from tests.integration.conftest import wait_for
from tests.privacy.scene import build
from tests.signin import sign_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_worker_applies_the_retention_periods_the_preview_announced(celery_worker):
    from privacy.selectors import retentie_preview

    worker = celery_worker()
    scene = build()
    preview = {v.termijn.kind.code: v.count for v in retentie_preview() if v.count}
    assert preview["ambassadeurs"] == 1 and preview["klankbord"] == 1

    with transaction.atomic():  # the beheerder's "Nu toepassen": a row first, queued on commit
        run = retentie_run_queue(by=None)

    def done():
        run.refresh_from_db()
        return run.status == RetentieRun.Status.KLAAR

    assert wait_for(done, timeout=90), worker.output()[-3000:]
    assert {k: run.aantallen[k] for k in preview} == preview
    assert Persoon.objects.get(pk=scene.oud.persoon.pk).naam.startswith("Geanonimiseerd")
    assert Persoon.objects.get(pk=scene.nog_in_klankbord.persoon.pk).naam == "Bram Blijft"

    # The nightly beat entry sends the same task by name; the second run finds nothing.
    apply_retention.delay()

    def nightly():
        return RetentieRun.objects.filter(
            aanleiding=RetentieRun.Aanleiding.NACHT, status=RetentieRun.Status.KLAAR
        ).first()

    second = wait_for(nightly, timeout=90)
    assert second, worker.output()[-3000:]
    assert sum(second.aantallen.values()) == 0


def test_an_erasure_request_on_the_real_database_and_its_export():
    from tests.privacy.test_requests import olga

    persoon = olga()
    client = sign_in(Client(), UserFactory(role=Role.BEHEERDER, is_staff=True))
    export = client.get(reverse("privacy:inzage-persoon", args=[persoon.pk]) + "?formaat=json")
    assert export.status_code == 200
    assert "Olga twijfelt over haar rol" in export.content.decode()
    url = reverse("privacy:verzoek-persoon", args=[persoon.pk])
    response = client.post(url, {"reden": "Verzoek van betrokkene", "bevestig": "on"})
    assert response.status_code == 302
    persoon.refresh_from_db()
    assert persoon.naam.startswith("Geanonimiseerd")
    after = client.get(reverse("privacy:inzage-persoon", args=[persoon.pk]) + "?formaat=json")
    assert "Olga" not in json.dumps(
        [g for g in json.loads(after.content)["gegevens"] if g["code"] != "auditlog.logentry"]
    )
    assert PersoonsVerzoek.objects.filter(soort="wissen").count() == 1
