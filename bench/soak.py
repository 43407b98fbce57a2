"""`make soak`: many signed-in users reading and writing at once for minutes.

Checks: zero 5xx, zero lost writes (every acknowledged write is in the database,
counted afterwards with SQL), and server memory after warm-up grows less than 20 %.
SOAK_USERS (default 50) and SOAK_SECONDS (default 300) set the size; the CI
variant in tests/integration/test_soak.py runs a short version of the same code.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from bench.pg import create_database, server_url
from bench.run import PASSWORD, Server, manage


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: int = 0
    errors_5xx: int = 0
    other_failures: list = field(default_factory=list)
    acknowledged: dict = field(default_factory=dict)

    def record(self, status: int | str, what: str) -> None:
        with self.lock:
            self.requests += 1
            if isinstance(status, int) and status >= 500:
                self.errors_5xx += 1
            elif not isinstance(status, int) or status >= 400:
                self.other_failures.append((what, status))

    def ack(self, kind: str) -> None:
        with self.lock:
            self.acknowledged[kind] = self.acknowledged.get(kind, 0) + 1


class User:
    def __init__(self, base: str, username: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.login(username)

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def login(self, username: str) -> None:
        self.get("/account/inloggen/")
        status = self.post("/account/inloggen/", {"username": username, "password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"sign-in failed for {username}: {status}")

    def get(self, path: str) -> int | str:
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError as exc:
            return type(exc).__name__

    def post(self, path: str, data: dict) -> int | str:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError as exc:
            return type(exc).__name__


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp


READS = ["/", "/personen/", "/organisaties/", "/personen/?q=a", "/openbaar/", "/account/"]


def write_persoon(user: User, stats: Stats, worker: int, i: int) -> None:
    status = user.post(
        "/personen/nieuw/",
        {"naam": f"Soak {worker}-{i}", "email": f"soak{worker}.{i}@voorbeeld.nl"},
    )
    stats.record(status, "persoon-create")
    if status == 302:
        stats.ack("personen")


WRITES = [write_persoon]
# Counts of rows each kind of write leaves, for the lost-write check.
VERIFY_SQL = {"personen": "SELECT count(*) FROM inclusie_persoon WHERE naam LIKE 'Soak %%'"}


def run(users: int, seconds: float, write_share: float = 0.3) -> dict:
    import psycopg

    base, cluster = server_url()
    server = None
    try:
        db_url = create_database(base, "inclusie_soak")
        env = {
            **os.environ,
            "DATABASE_URL": db_url,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "REDIS_URL": "",
            "LOG_LEVEL": "ERROR",
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "seed_demo")
        server = Server(env, workers=3)
        stats = Stats()
        sessions = [User(server.base, "kwartiermaker") for _ in range(users)]
        deadline = time.monotonic() + seconds
        warm_at = time.monotonic() + seconds * 0.2
        memory = {}

        def loop(worker: int, user: User) -> None:
            rng = random.Random(worker)
            i = 0
            while time.monotonic() < deadline:
                i += 1
                if rng.random() < write_share:
                    rng.choice(WRITES)(user, stats, worker, i)
                else:
                    path = rng.choice(READS)
                    stats.record(user.get(path), path)

        threads = [
            threading.Thread(target=loop, args=(n, s), daemon=True) for n, s in enumerate(sessions)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        while time.monotonic() < warm_at:
            time.sleep(0.5)
        memory["after_warmup_mb"] = server.rss_mb()
        for thread in threads:
            thread.join(seconds + 60)
        memory["end_mb"] = server.rss_mb()
        elapsed = time.monotonic() - started
        with psycopg.connect(db_url) as conn:
            stored = {kind: conn.execute(sql).fetchone()[0] for kind, sql in VERIFY_SQL.items()}
    finally:
        if server:
            server.stop()
        if cluster:
            cluster.destroy()
    growth = memory["end_mb"] / memory["after_warmup_mb"] - 1
    return {
        "users": users,
        "seconds": round(elapsed, 1),
        "requests": stats.requests,
        "requests_per_second": round(stats.requests / elapsed, 1),
        "errors_5xx": stats.errors_5xx,
        "other_failures": stats.other_failures[:20],
        "acknowledged_writes": stats.acknowledged,
        "stored_writes": stored,
        "lost_writes": {k: stats.acknowledged.get(k, 0) - stored.get(k, 0) for k in VERIFY_SQL},
        "memory_mb": memory,
        "memory_growth": round(growth, 3),
    }


def main() -> int:
    users = int(os.environ.get("SOAK_USERS", "50"))
    seconds = float(os.environ.get("SOAK_SECONDS", "300"))
    result = run(users, seconds)
    print(json.dumps(result, indent=2))
    ok = (
        result["errors_5xx"] == 0
        and not any(result["lost_writes"].values())
        and result["memory_growth"] <= 0.2
    )
    print("SOAK OK" if ok else "SOAK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
