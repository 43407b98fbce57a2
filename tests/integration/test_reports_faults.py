"""Report rendering under faults, on a real Redis and a real Celery worker (issue 7).

1. Redis is stopped while a report is requested: the request is stored, the page
   says it is queued, and once Redis is back the report is produced exactly once.
2. The worker is killed (SIGKILL) mid-render: the report is produced once, not
   zero times and not twice.
"Produced" is observable: the row turns done, and the "staat klaar" mail is
queued exactly once (it is written in the same transaction as the result).
"""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
from django.urls import reverse

from inclusie import reports as pipeline
from inclusie.constants import ReportStatus, Role
from inclusie.models import Notificatie
from inclusie.tasks import render_report, requeue_reports
from monitoring.models import Rapport
from tests.factories import UserFactory
from tests.integration.conftest import Worker, _ping, free_port, point_celery_at, wait_for
from tests.signin import sign_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


class RedisServer:
    """A private redis-server we can stop and start again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        self.proc = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert wait_for(lambda: _ping(self.url), 10), "redis-server did not start"
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        assert not _ping(self.url)


@pytest.fixture
def own_redis(use_broker):
    server = RedisServer().start()
    point_celery_at(server.url)
    yield server
    server.stop()


@pytest.fixture
def worker_on(tmp_path):
    """Start a real worker on a given broker; stopped after the test."""
    started: list[Worker] = []

    def start(broker: str) -> Worker:
        worker = Worker(broker, str(tmp_path / "mail")).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def handled(worker: Worker, task) -> str:
    """Wait until the worker has run the task (its log line), and return that line.
    Waiting for the line instead of a fixed pause: the duplicate is known to have been
    delivered and run, not just sent."""
    marker = f"[{task.id}] succeeded"
    assert wait_for(lambda: marker in worker.output(), timeout=60), worker.output()[-4000:]
    return next(line for line in worker.output().splitlines() if marker in line)


def ready_mails() -> int:
    return Notificatie.objects.filter(onderwerp__contains="staat klaar").count()


def test_report_requested_while_redis_is_stopped_is_made_exactly_once(own_redis, client, worker_on):
    user = UserFactory(role=Role.BELEIDSADVISEUR)
    sign_in(client, user)
    own_redis.stop()

    started = time.monotonic()
    response = client.post(
        reverse("monitoring:rapport-request"),
        {"soort": "monitoring", "periode": "2026-H1"},
        follow=True,
    )
    assert time.monotonic() - started < 20, "the request must not hang on the broker"
    assert response.status_code == 200
    assert "in de wachtrij" in response.content.decode()
    rapport = Rapport.objects.get()
    assert rapport.status == ReportStatus.QUEUED

    own_redis.start()  # Redis is back (empty: the message never reached it)
    worker = worker_on(own_redis.url)
    # The beat sweep picks the row up (min age 0 here; in production the requeue interval).
    assert requeue_reports(min_age_seconds=0) == 1

    def done():
        rapport.refresh_from_db()
        return rapport.status == ReportStatus.DONE

    assert wait_for(done, timeout=120), worker.output()[-4000:]
    assert rapport.pogingen == 1 and rapport.bestand
    # A second sweep and a duplicate message change nothing.
    assert requeue_reports(min_age_seconds=0) == 0
    duplicate = render_report.delay("monitoring.rapport", rapport.pk)
    assert "'skipped'" in handled(worker, duplicate)
    rapport.refresh_from_db()
    assert rapport.pogingen == 1
    assert ready_mails() == 1
    page = client.get(rapport.get_absolute_url()).content.decode()
    assert "Het rapport is klaar" in page


def test_worker_killed_mid_render_produces_the_report_once(use_broker, celery_worker, monkeypatch):
    import redis

    from monitoring.constants import RapportSoort
    from monitoring.periods import Period
    from monitoring.services import reports

    redis.Redis.from_url(use_broker).flushdb()
    user = UserFactory(role=Role.BELEIDSADVISEUR)
    # First worker: a slow render (a test-only settings module puts a template that pauses
    # in front of the report; production has no such hook) and a short lease, so the test
    # need not wait minutes.
    monkeypatch.setenv("RAPPORT_LEASE_SECONDS", "8")
    first = celery_worker(settings_module="tests.integration.settings_slow_render")
    rapport = reports.rapport_request(
        soort=RapportSoort.MONITORING, period=Period.parse("2026-H1"), by=user
    )

    def running():
        rapport.refresh_from_db()
        return rapport.status == ReportStatus.RUNNING

    assert wait_for(running, timeout=90), first.output()[-4000:]
    first.kill()  # SIGKILL in the middle of the render
    assert first.proc.returncode == -9
    rapport.refresh_from_db()
    assert rapport.status == ReportStatus.RUNNING and not rapport.bestand and ready_mails() == 0

    # While the dead worker's lease is live, nobody may take the report over.
    assert pipeline.report_claim(model=Rapport, pk=rapport.pk) is None

    monkeypatch.delenv("RAPPORT_LEASE_SECONDS")
    second = celery_worker()
    # The sweep publishes the row again once the lease has expired.
    assert wait_for(lambda: requeue_reports(), timeout=30, interval=1) == 1

    def done():
        rapport.refresh_from_db()
        return rapport.status == ReportStatus.DONE

    assert wait_for(done, timeout=120), second.output()[-4000:]
    assert rapport.pogingen == 2  # one killed attempt, one that finished

    # The killed worker's message comes back one day (visibility timeout): still once.
    duplicate = render_report.delay("monitoring.rapport", rapport.pk)
    assert "'skipped'" in handled(second, duplicate)
    rapport.refresh_from_db()
    assert rapport.pogingen == 2
    assert ready_mails() == 1
