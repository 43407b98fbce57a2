"""The real front door: deploy/nginx.conf in front of gunicorn, as docker compose runs them.

Only the listen addresses, the upstream address and the error-page folder are
changed for loopback (Docker is not available here); the rest of the file is the
one the proxy container mounts.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings

from bench.run import Server, free_port
from tests.factories import UserFactory
from tests.integration.conftest import database_url

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)
TLS = ssl._create_unverified_context()  # our own throwaway certificate  # noqa: S323


class Proxy:
    def __init__(self, tmp: Path, upstream_port: int):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        assert Path(nginx).exists(), "nginx is needed: apt-get install nginx-light"
        self.http_port, self.https_port = free_port(), free_port()
        conf_dir = tmp / "conf"
        (conf_dir / "certs").mkdir(parents=True)
        (tmp / "cache").mkdir()
        (tmp / "portal").mkdir()
        shutil.copy(ROOT / "deploy" / "413.html", tmp / "portal" / "413.html")
        shutil.copy("/etc/nginx/mime.types", conf_dir / "mime.types")
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-keyout", conf_dir / "certs" / "privkey.pem",
                "-out", conf_dir / "certs" / "fullchain.pem", "-subj", "/CN=localhost",
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        conf = (ROOT / "deploy" / "nginx.conf").read_text()
        for old, new in (
            ("listen 80 default_server;", f"listen 127.0.0.1:{self.http_port} default_server;"),
            ("listen 443 ssl default_server;", f"listen 127.0.0.1:{self.https_port} ssl;"),
            ("http://web:8000", f"http://127.0.0.1:{upstream_port}"),
            ("root /usr/share/nginx/portal;", f"root {tmp / 'portal'};"),
        ):
            assert old in conf, old
            conf = conf.replace(old, new)
        (conf_dir / "nginx.conf").write_text(conf)
        self.log = open(tmp / "nginx.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                nginx, "-p", f"{tmp}/", "-c", str(conf_dir / "nginx.conf"),
                # Workers as root only here: pytest's tmp folders are private to root.
                "-g", f"daemon off; pid {tmp}/nginx.pid; user root;",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.https_port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("nginx did not start: " + (tmp / "nginx.log").read_text())

    def request(self, method, path, body=None, headers=None, tls=True):
        conn = (
            http.client.HTTPSConnection("127.0.0.1", self.https_port, context=TLS, timeout=20)
            if tls
            else http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=20)
        )
        try:
            conn.request(method, path, body=body, headers=headers or {})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the proxy may answer (413) before the whole body was sent
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        conn.close()
        return response, data

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)
        self.log.close()


@pytest.fixture
def front_door(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": database_url(),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEHIND_TLS_PROXY": "true",
        "REDIS_URL": "",
    }
    server = Server(env, workers=1)
    proxy = Proxy(tmp_path, server.port)
    yield proxy
    proxy.stop()
    server.stop()


def test_front_door_tls_limits_and_headers_only_from_the_proxy(front_door):
    from axes.models import AccessAttempt

    # TLS ends at the proxy; plain HTTP only redirects.
    response, body = front_door.request("GET", "/health/")
    assert response.status == 200 and '"database"' in body
    assert response.getheader("Permissions-Policy")
    response, _ = front_door.request("GET", "/account/inloggen/", tls=False)
    assert response.status == 301
    assert response.getheader("Location").startswith("https://")

    # A body above the limit is refused by the proxy with the Dutch page.
    big = b"x" * (settings.REQUEST_MAX_BYTES + 1)
    response, body = front_door.request(
        "POST", "/account/inloggen/", body=big, headers={"Content-Type": "text/plain"}
    )
    assert response.status == 413 and "te groot" in body and 'lang="nl"' in body

    # Sign-in attempts with forged headers: the portal sees https and the real address.
    UserFactory(username="iemand", email="iemand@voorbeeld.nl")
    response, page = front_door.request("GET", "/account/inloggen/")
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    origin = f"https://127.0.0.1:{front_door.https_port}"
    forged = {
        "X-Forwarded-For": "6.6.6.6",
        "X-Real-IP": "6.6.6.6",
        "X-Forwarded-Proto": "http",
    }
    response, page = front_door.request(
        "POST",
        "/account/inloggen/",
        body=f"csrfmiddlewaretoken={token}&username=iemand&password=fout",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Origin": origin,
            "Referer": origin + "/account/inloggen/",
            **forged,
        },
    )
    # An https Origin only passes CSRF when the portal knows the request came over https.
    assert response.status == 200, page[:500]
    assert "wachtwoord klopt niet" in page
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address == "127.0.0.1"  # the connecting address, not the forged one
    assert attempt.username == "iemand"
