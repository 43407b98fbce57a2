"""A meeting invitation and an action reminder travel through Redis to a real worker."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from bijeenkomsten import services as svc
from inclusie.models import Notificatie
from tests.bijeenkomsten.factories import ActieFactory, BijeenkomstFactory, UitnodigingFactory
from tests.factories import UserFactory
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_invitation_with_ics_and_reminder_via_real_worker(celery_worker, tmp_path):
    worker = celery_worker()
    b = BijeenkomstFactory(titel="Ambassadeursbijeenkomst december")
    UitnodigingFactory(bijeenkomst=b, user=UserFactory(email="ambassadeur@voorbeeld.nl"))
    ActieFactory(deadline=timezone.localdate() + timedelta(days=1))
    with transaction.atomic():
        assert svc.uitnodigingen_send(bijeenkomst=b) == 1
    from bijeenkomsten.tasks import send_actie_herinneringen

    send_actie_herinneringen.delay()

    def all_sent():
        return (
            Notificatie.objects.count() == 2
            and not Notificatie.objects.exclude(status=Notificatie.Status.VERZONDEN).exists()
        )

    assert wait_for(all_sent, timeout=60), worker.output()[-3000:]
    content = "\n".join(p.read_text() for p in Path(tmp_path / "mail").glob("*.log"))
    assert "Subject: Uitnodiging: Ambassadeursbijeenkomst december" in content
    assert "text/calendar" in content and "method=" in content.lower()
    assert "Herinnering actiepunt" in content
    # A second beat run mails nobody again.
    send_actie_herinneringen.delay()
    assert not wait_for(lambda: Notificatie.objects.count() > 2, timeout=5)
