"""PostgreSQL restarted under load: requests fail cleanly, then the portal recovers by itself."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from bench.pg import PrivateCluster, create_database
from bench.run import Server, session_cookie
from tests.integration.conftest import restore_demo

# The test database holds the demo for a moment (`demo_dump`): committed, so the
# transactional variant, which leaves the migrated state behind.
pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def fetch(url: str, cookie: str | None = None) -> int | str:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError as exc:  # connection reset / timeout: not a clean failure
        return type(exc).__name__


def test_portal_recovers_from_a_postgres_restart_without_restarting_itself(demo_dump):
    cluster = PrivateCluster().start()
    server = None
    try:
        db_url = create_database(cluster.url(), "inclusie_fault")
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DATABASE_URL": db_url,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "REDIS_URL": "",
            "DEMO_PASSWORD": settings.DEMO_PASSWORD,
        }
        if demo_dump:  # the demo as migrate and seed_demo leave it, restored in a second
            restore_demo(demo_dump, db_url)
        else:
            for args in (["migrate", "--noinput", "-v0"], ["seed_demo"]):
                subprocess.run(
                    [sys.executable, "manage.py", *args],
                    cwd=settings.BASE_DIR,
                    env=env,
                    check=True,
                    capture_output=True,
                )
        server = Server(env, workers=2)
        cookie = session_cookie(server.base, "kwartiermaker")
        assert fetch(server.base + "/", cookie) == 200

        results: list[tuple[float, str, int | str]] = []
        stop = threading.Event()

        def load(path: str, with_cookie: bool) -> None:
            while not stop.is_set():
                results.append(
                    (
                        time.monotonic(),
                        path,
                        fetch(server.base + path, cookie if with_cookie else None),
                    )
                )
                time.sleep(0.02)

        threads = [
            threading.Thread(target=load, args=args)
            for args in (("/health/", False), ("/", True), ("/personen/", True))
        ]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        restarted_at = time.monotonic()
        cluster.restart()
        back_at = time.monotonic()
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join(15)

        statuses = {status for _t, _p, status in results}
        # Clean failures only: HTTP answers (a Dutch error page or 503 from /health/), never a hang or reset.
        assert all(isinstance(s, int) for s in statuses), statuses
        assert statuses <= {200, 500, 503}, statuses
        # Recovered without restarting gunicorn: everything after the restart settles answers 200.
        settled = [s for t, _p, s in results if t > back_at + 1.0]
        assert settled and all(s == 200 for s in settled), settled
        # The fault really happened: requests during the restart got a clean error.
        during = [s for t, _p, s in results if restarted_at <= t <= back_at]
        assert any(s in {500, 503} for s in during), during
        assert fetch(server.base + "/personen/", cookie) == 200
    finally:
        if server:
            server.stop()
        cluster.destroy()
