"""The verkenning PDF is rendered by a real Celery worker through Redis."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import transaction

from inclusie.constants import ReportStatus
from inclusie.pdf import pdf_metadata, pdf_text
from stappenplan import services
from stappenplan.vragenlijsten import load_vragenlijsten
from tests.integration.conftest import wait_for
from tests.stappenplan.factories import VerkenningFactory, open_vraag

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_pdf_report_is_rendered_by_a_real_worker(celery_worker):
    load_vragenlijsten(apps)  # content from migration 0005 may have been flushed
    worker = celery_worker()
    verkenning = VerkenningFactory(titel="Werk en inkomen 2026")
    services.antwoord_save(
        verkenning=verkenning,
        vraag=open_vraag(verkenning),
        invoer=services.AntwoordInvoer(tekst="Ruim 40.000 inwoners, zes wijken."),
        versie=0,
        by=verkenning.eigenaar,
    )
    with transaction.atomic():
        rapport = services.rapport_request(verkenning=verkenning, by=verkenning.eigenaar)

    def done():
        rapport.refresh_from_db()
        return rapport.status in (ReportStatus.DONE, ReportStatus.FAILED)

    assert wait_for(done, timeout=120), worker.output()[-3000:]
    assert rapport.status == ReportStatus.DONE, rapport.fout
    assert rapport.pogingen == 1 and rapport.paginas >= 1 and rapport.lease_tot is None
    data = rapport.bestand.read()
    assert "Ruim 40.000 inwoners" in pdf_text(data)
    assert pdf_metadata(data)["tagged"]
