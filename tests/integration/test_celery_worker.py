"""A notification mail travels through the real Redis broker to a real worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import transaction

from inclusie.models import Notificatie
from inclusie.services import notificatie_queue
from tests.factories import UserFactory
from tests.integration.conftest import point_celery_at, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_notification_is_sent_by_a_real_worker(celery_worker, tmp_path):
    worker = celery_worker()
    user = UserFactory(email="ontvanger@voorbeeld.nl")
    with transaction.atomic():
        notificatie = notificatie_queue(
            ontvanger=user, onderwerp="Uw verslag staat klaar", tekst="Hallo!"
        )

    def sent():
        notificatie.refresh_from_db()
        return notificatie.status == Notificatie.Status.VERZONDEN

    assert wait_for(sent, timeout=60), worker.output()[-3000:]
    mails = list(Path(tmp_path / "mail").glob("*.log"))
    assert len(mails) == 1
    content = mails[0].read_text()
    assert "Subject: Uw verslag staat klaar" in content
    assert "To: ontvanger@voorbeeld.nl" in content


def test_mail_queued_while_broker_is_down_is_sent_later(use_broker, celery_worker, tmp_path):
    """The row is the truth: a mail queued without a broker is picked up by the sweep task."""
    import redis

    from inclusie.celery import app
    from inclusie.tasks import send_waiting_notificaties

    user = UserFactory()
    good_broker = app.conf.broker_url
    redis.Redis.from_url(good_broker).delete("celery")
    point_celery_at("redis://127.0.0.1:1/0")  # nothing listens here
    with transaction.atomic():  # the user's request succeeds although the broker is down
        notificatie_queue(ontvanger=user, onderwerp="Later verstuurd", tekst="...")
    notificatie = Notificatie.objects.get(onderwerp="Later verstuurd")
    assert notificatie.status == Notificatie.Status.WACHTEND
    assert redis.Redis.from_url(good_broker).llen("celery") == 0  # nothing reached the real broker

    point_celery_at(good_broker)
    celery_worker()
    send_waiting_notificaties.delay()

    def sent():
        notificatie.refresh_from_db()
        return notificatie.status == Notificatie.Status.VERZONDEN

    assert wait_for(sent, timeout=60)
    assert len(list(Path(tmp_path / "mail").glob("*.log"))) == 1
