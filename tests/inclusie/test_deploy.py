"""The production shape: only the proxy is reachable, and its configuration is valid nginx."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_only_the_proxy_publishes_ports():
    services = compose()["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert set(services["proxy"]["ports"]) == {"80:80", "443:443"}
    assert "8000" not in str(services["web"].get("ports", ""))
    assert services["proxy"]["image"].startswith("nginx:")


def test_the_portal_trusts_proxy_headers_and_knows_its_address():
    services = compose()["services"]
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["BEHIND_TLS_PROXY"] == "true", name
        assert "PORTAL_BASE_URL" in env and env["REDIS_URL"].endswith("/0"), name


def test_proxy_mounts_files_that_exist():
    for volume in compose()["services"]["proxy"]["volumes"]:
        source = volume.split(":", 1)[0]
        if source.startswith("./") and not source.endswith("certs"):
            assert (ROOT / source).is_file(), source
    assert (ROOT / "deploy" / "make-dev-cert.sh").is_file()
    assert "deploy/certs/" in (ROOT / ".gitignore").read_text()  # keys never in git


def nginx_size(text: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kKmM]?)", text).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024 * 1024}[unit.lower()]


def test_proxy_body_limit_matches_the_portals_and_headers_are_set_by_the_proxy():
    conf = NGINX_CONF.read_text()
    (limit,) = re.findall(r"client_max_body_size\s+(\S+);", conf)
    assert nginx_size(limit) == settings.REQUEST_MAX_BYTES
    # Overwritten on every request: a client cannot choose its own address or scheme.
    assert re.search(r"proxy_set_header\s+X-Real-IP\s+\$remote_addr;", conf)
    assert re.search(r"proxy_set_header\s+X-Forwarded-Proto\s+\$scheme;", conf)
    assert re.search(r"listen\s+443\s+ssl", conf)
    assert "immutable" in conf and "max-age=31536000" in conf


def test_nginx_accepts_the_configuration(tmp_path):
    """`nginx -t` on deploy/nginx.conf as the image mounts it (with a throwaway certificate)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is needed: apt-get install nginx-light"
    conf = tmp_path / "conf"
    (conf / "certs").mkdir(parents=True)
    (tmp_path / "cache").mkdir()
    shutil.copy(NGINX_CONF, conf / "nginx.conf")
    shutil.copy("/etc/nginx/mime.types", conf / "mime.types")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", conf / "certs" / "privkey.pem", "-out", conf / "certs" / "fullchain.pem",
            "-subj", "/CN=localhost",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    result = subprocess.run(
        [nginx, "-t", "-p", f"{tmp_path}/", "-c", str(conf / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_proxy_refuses_large_bodies_with_a_dutch_page():
    assert "error_page 413 /413.html;" in NGINX_CONF.read_text()
    page = (ROOT / "deploy" / "413.html").read_text()
    assert 'lang="nl"' in page and page.count("<h1>") == 1 and "te groot" in page
