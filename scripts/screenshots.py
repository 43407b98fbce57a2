#!/usr/bin/env python3
"""Screenshots of the key pages per role, at desktop and phone size (`make screenshots`).

Drives Playwright on Debian's Chromium against a running portal with the demo data
(`make screenshots` starts one on a throw-away SQLite database) and writes PNGs to
docs/screenshots/<role>-<page>-<desktop|phone>.png, which the README's "Rondleiding"
shows. Signs in like a person: password, and for the beheerder and the wethouder the
code an authenticator app would show for DEMO_TOTP_SECRET.

Usage: python scripts/screenshots.py --serve            (a fresh demo on a temporary database)
       python scripts/screenshots.py --base-url URL     (a portal that already runs the demo)
       options: --out DIR, --only ROLE ...
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import hmac
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-inclusie-2026")
TOTP_SECRET = os.environ.get("DEMO_TOTP_SECRET", "INCLUSIEPORTAALDEMOSLEUTEL234567")
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}

# (role, page name, path, link to follow from that path: the first link matching the selector)
PAGES: list[tuple[str, str, str, str | None]] = [
    ("anoniem", "welkom", "/", None),
    ("anoniem", "inloggen", "/account/inloggen/", None),
    ("kwartiermaker", "home", "/", None),
    ("kwartiermaker", "pijplijn", "/deal/pijplijn/", None),
    ("kwartiermaker", "partner", "/deal/", "main table a[href^='/deal/partners/']"),
    ("kwartiermaker", "bijeenkomst", "/bijeenkomsten/", "main table a[href^='/bijeenkomsten/']"),
    ("kwartiermaker", "organisatie", "/organisaties/", "main table a[href^='/organisaties/']"),
    ("kwartiermaker", "ambassadeurs", "/ambassadeurs/", None),
    ("beleidsadviseur", "home", "/", None),
    ("beleidsadviseur", "stappenplan", "/stappenplan/", None),
    ("wethouder", "home", "/", None),
    ("wethouder", "dashboard", "/dashboard/", None),
    ("klankbordlid", "home", "/", None),
    ("klankbordlid", "klankbord", "/klankbord/", None),
    ("ambassadeur", "home", "/", None),
    ("ambassadeur", "mijn-ambassadeurschap", "/mijn-ambassadeurschap/", None),
    ("beheerder", "home", "/", None),
    ("beheerder", "beheer", "/beheer/", None),
]


def totp(at: float) -> str:
    """RFC 6238 code (SHA-1, 6 digits, 30 s) for the demo secret at time `at`."""
    secret = TOTP_SECRET.replace(" ", "").upper()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/account/inloggen/")
    page.get_by_label("E-mailadres of gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").last.click()
    page.wait_for_load_state("networkidle")
    for attempt in range(3):
        if "/account/tweestaps/" not in page.url:
            return
        # A code is accepted once; a retry waits for the next 30-second step.
        page.get_by_label("Code uit uw authenticator-app").fill(totp(time.time() + attempt * 30))
        page.get_by_role("button", name="Controleren").click()
        page.wait_for_load_state("networkidle")
        if "/account/tweestaps/" in page.url:
            time.sleep(31 - time.time() % 30)
    raise SystemExit(f"{username}: the second factor was not accepted")


def shoot(base_url: str, out: Path, only: set[str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    roles = [r for r in dict.fromkeys(p[0] for p in PAGES) if not only or r in only]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for role in roles:
            context = browser.new_context(
                locale="nl-NL",
                viewport=dict(zip(("width", "height"), SIZES["desktop"], strict=True)),
            )
            page = context.new_page()
            if role != "anoniem":
                sign_in(page, base_url, role)
            for _role, name, path, follow in (p for p in PAGES if p[0] == role):
                page.goto(base_url + path)
                if follow:
                    link = page.locator(follow).first
                    page.goto(base_url + (link.get_attribute("href") or path))
                for size, (width, height) in SIZES.items():
                    page.set_viewport_size({"width": width, "height": height})
                    page.wait_for_load_state("networkidle")
                    target = out / f"{role}-{name}-{size}.png"
                    page.screenshot(path=str(target))
                    written.append(target)
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                page.set_viewport_size(
                    {"width": SIZES["desktop"][0], "height": SIZES["desktop"][1]}
                )
            context.close()
        browser.close()
    return written


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def demo_server() -> Iterator[str]:
    """The portal with a fresh demo on a throw-away SQLite database, for as long as needed."""
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="portaal-screenshots-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3",
            "DJANGO_ENV": "development",
            "PRIVATE_MEDIA_ROOT": f"{tmp}/private",
        }
        env.pop("REDIS_URL", None)
        manage = [python, str(ROOT / "manage.py")]
        for command in (["migrate", "--noinput", "-v0"], ["load_vragenlijsten"], ["seed_demo"]):
            subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen(
            manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            for _attempt in range(60):
                with contextlib.suppress(OSError):
                    urllib.request.urlopen(base_url + "/health/", timeout=2)  # noqa: S310
                    break
                time.sleep(0.5)
            yield base_url
        finally:
            server.terminate()
            server.wait(timeout=10)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="start a fresh demo portal")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.serve:
        with demo_server() as base_url:
            shoot(base_url, out, set(args.only))
    else:
        shoot(args.base_url.rstrip("/"), out, set(args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
