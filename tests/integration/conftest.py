"""Real Redis and a real Celery worker for integration tests.

With REDIS_URL set (CI) the tests use that server on a dedicated database
number; otherwise they start a private redis-server on a free port. The worker
is a subprocess that reads the same (file or PostgreSQL) test database.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from inclusie.celery import app as celery_app
from inclusie.settings import _redis_cache_url
from tests.workers import xdist_worker_index

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    return predicate()


# With REDIS_URL set, xdist worker n uses database 14 - 2n as broker and the next one as
# the cache of the processes it starts (settings: broker + 1); the test processes' own
# caches count up from 1 (tests/conftest.py). Workers past the room left start a private
# redis-server instead.
SHARED_REDIS_WORKERS = 4


@pytest.fixture(scope="session")
def redis_url():
    """A reachable Redis; a private one unless REDIS_URL is set."""
    import redis

    index = xdist_worker_index()
    if settings.REDIS_URL and index < SHARED_REDIS_WORKERS:
        url = settings.REDIS_URL.rsplit("/", 1)[0] + f"/{14 - 2 * index}"
        # The broker and the cache of the processes it starts (an earlier session's data
        # version and cached rows would otherwise meet this session's database).
        for db in (url, _redis_cache_url(url)):
            redis.Redis.from_url(db).flushdb()
        yield url
        return
    binary = shutil.which("redis-server")
    assert binary, "redis-server is needed for the integration tests: apt-get install redis-server"
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    assert wait_for(lambda: _ping(url), 10), "private redis-server did not start"
    yield url
    proc.terminate()
    proc.wait(10)


def _ping(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def database_url() -> str:
    cfg = connection.settings_dict
    if cfg["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{cfg['NAME']}"
    auth = cfg["USER"] or ""
    if cfg.get("PASSWORD"):
        auth += f":{cfg['PASSWORD']}"
    host = cfg["HOST"] or "127.0.0.1"
    port = cfg["PORT"] or 5432
    return f"postgres://{auth}@{host}:{port}/{cfg['NAME']}"


def point_celery_at(broker_url: str) -> None:
    """Make this process publish to `broker_url`, dropping cached connections."""
    celery_app.conf.broker_url = broker_url
    # Drop the connection pool only: Celery.close() would also deregister the app, and a
    # task module imported afterwards would then never register its tasks with it.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def use_broker(redis_url):
    """Point this process's Celery app at the real broker (not eager)."""
    previous = dict(
        broker_url=celery_app.conf.broker_url,
        task_always_eager=celery_app.conf.task_always_eager,
        result_backend=celery_app.conf.result_backend,
    )
    celery_app.conf.update(task_always_eager=False, result_backend=None)
    point_celery_at(redis_url)
    yield redis_url
    celery_app.conf.update(**previous)
    point_celery_at(previous["broker_url"])


class Worker:
    def __init__(self, broker: str, mail_dir: str, settings_module: str = "inclusie.settings"):
        self.broker = broker
        self.mail_dir = mail_dir
        self.settings_module = settings_module
        self.proc: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="celery-worker-", suffix=".log", delete=False)

    def start(self) -> Worker:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "REDIS_URL": self.broker,
            "EMAIL_URL": f"filemail:///{self.mail_dir}",  # django-environ drops one slash
            "DJANGO_SETTINGS_MODULE": self.settings_module,
        }
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "inclusie",
                "worker",
                "--pool=solo",
                "-c",
                "1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-l",
                "INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        return self

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")


@pytest.fixture
def celery_worker(use_broker, tmp_path):
    """Start a real worker against the real broker and the test database."""
    workers: list[Worker] = []

    def start(settings_module: str = "inclusie.settings") -> Worker:
        worker = Worker(use_broker, str(tmp_path / "mail"), settings_module).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture(scope="session")
def demo_dump(demo_rows, django_db_blocker, tmp_path_factory):
    """The demo as `make run` leaves a new database (migrations, then `seed_demo`) as a
    pg_dump file, for tests that need it in a database of their own (a gunicorn under
    load, a private cluster to restart). Restoring it (`restore_demo`) takes a second
    where `manage.py migrate` and `seed_demo` in subprocesses took 15-20; the migrations
    and the seed themselves are tested elsewhere. None on SQLite: callers migrate.

    The rows are this session's demo snapshot (tests/db_states.py), committed to the
    test database just for the dump and replaced by the migrated state right after.
    Passwords get the hash the portal's own hashers read (the test settings store MD5,
    which a server started with the real settings refuses)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from tests import db_states as states

    if connection.vendor != "postgresql":
        yield None
        return
    path = tmp_path_factory.mktemp("demo-dump") / "demo.pgdump"
    password = PBKDF2PasswordHasher().encode(settings.DEMO_PASSWORD, "inclusiedemo")
    with django_db_blocker.unblock():
        demo_rows.restore()
        try:
            get_user_model().objects.update(password=password)
            subprocess.run(
                ["pg_dump", "-Fc", "--no-owner", "--no-acl", "-f", str(path), database_url()],
                check=True,
                capture_output=True,
                timeout=120,
            )
        finally:
            states.base.restore()
    yield path


def restore_demo(dump: Path, url: str) -> None:
    """Fill the (new, empty) database at `url` from `demo_dump`."""
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-acl", "--single-transaction", "-d", url, str(dump)],
        check=True,
        capture_output=True,
        timeout=120,
    )
