"""`make bench`: throughput, latency and query counts of the key pages, as ratios to /health/.

gunicorn serves the portal on loopback with PostgreSQL, once with `seed_demo
--scale 1` and once with `--scale 10`; wrk loads each key page with a signed-in
session of the right role, and /health/ in the same run. Results are printed as
a table and written to bench/results/. Absolute numbers vary on shared machines;
the ratios are what the targets are about.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench.pg import create_database, server_url
from bench.secondfactor import SECOND_FACTOR_USERS, VERIFY_PATH, next_code

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DURATION = int(os.environ.get("BENCH_SECONDS", "5"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "1,10").split(",")]
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-inclusie-2026")


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, env: dict, workers: int = 2) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "inclusie.wsgi:application",
                "-b",
                f"127.0.0.1:{self.port}",
                "-w",
                str(workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/health/", timeout=1)  # noqa: S310 - loopback only
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def rss_mb(self) -> float:
        """Resident memory of the master and its workers, in MB."""
        pids = [str(self.proc.pid)] + subprocess.run(
            ["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True
        ).stdout.split()
        total = 0
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"VmRSS:\s+(\d+) kB", status)
            total += int(match.group(1)) if match else 0
        return total / 1024

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(20)


def session_cookie(base: str, username: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = base + "/account/inloggen/"
    opener.open(login)
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    data = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf}
    ).encode()
    request = urllib.request.Request(login, data=data, headers={"Referer": login})
    opener.open(request)
    if username in SECOND_FACTOR_USERS:
        verify = base + VERIFY_PATH
        csrf = next(c.value for c in jar if c.name == "csrftoken")
        data = urllib.parse.urlencode(
            {"code": next_code(username), "csrfmiddlewaretoken": csrf}
        ).encode()
        opener.open(urllib.request.Request(verify, data=data, headers={"Referer": verify}))
        csrf = next(c.value for c in jar if c.name == "csrftoken")
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    if not session:
        raise RuntimeError(f"sign-in as {username} failed")
    return f"sessionid={session}; csrftoken={csrf}"


def wrk(url: str, cookie: str | None) -> dict:
    cmd = [
        "wrk",
        "-t",
        "2",
        "-c",
        str(CLIENTS),
        "-d",
        f"{DURATION}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "wrk_report.lua"),
    ]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=DURATION + 60).stdout
    data = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def bench_scale(server_base: str, scale: int) -> dict:
    db_url = create_database(server_base, f"inclusie_bench_s{scale}")
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_ENV": "development",
        "REDIS_URL": "",
        "LOG_LEVEL": "ERROR",
    }
    manage(env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    manage(env, "seed_demo", "--scale", str(scale))
    seed_seconds = time.monotonic() - started
    counts = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.querycount"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    pages_json = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django,os,json;os.environ.setdefault('DJANGO_SETTINGS_MODULE','inclusie.settings');"
            "django.setup();from bench.pages import key_pages;print(json.dumps(key_pages()))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = json.loads(pages_json)
    # Report PDFs (monitoring/bench.py): render time vs a plain document, peak memory.
    report_pdfs = json.loads(
        subprocess.run(
            [sys.executable, "-m", "monitoring.bench"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    server = Server(env)
    try:
        cookies = {role: session_cookie(server.base, role) for _l, role, _p, _t in pages if role}
        health = wrk(server.base + "/health/", None)
        rows = []
        for label, role, path, target in pages:
            result = wrk(server.base + path, cookies.get(role))
            rows.append(
                {
                    "page": label,
                    "path": path,
                    "target": target,
                    **result,
                    "ratio": result["rps"] / health["rps"],
                    "p95_ratio": result["p95_ms"] / max(health["p95_ms"], 0.001),
                    "queries": counts[label]["queries"],
                }
            )
        rss = server.rss_mb()
    finally:
        server.stop()
    return {
        "scale": scale,
        "seed_seconds": seed_seconds,
        "health": health,
        "pages": rows,
        "server_rss_mb": rss,
        "report_pdfs": report_pdfs,
    }


def print_table(results: list[dict]) -> list[str]:
    failures = []
    by_scale = {r["scale"]: r for r in results}
    print(
        f"\n{'page':<28}{'scale':>6}{'req/s':>9}{'x health':>10}{'target':>8}{'p50 ms':>9}{'p95 ms':>9}{'p95 x':>7}{'queries':>9}"
    )
    for result in results:
        h = result["health"]
        print(
            f"{'/health/':<28}{result['scale']:>6}{h['rps']:>9.0f}{1:>10.2f}{'':>8}{h['p50_ms']:>9.1f}{h['p95_ms']:>9.1f}{1:>7.1f}{'':>9}"
        )
        for row in result["pages"]:
            ok = row["ratio"] >= row["target"] and row["p95_ratio"] <= 4 and row["non2xx"] == 0
            if not ok:
                failures.append(
                    f"{row['page']} at scale {result['scale']}: {row['ratio']:.2f}x health, p95 {row['p95_ratio']:.1f}x, non-2xx {row['non2xx']}"
                )
            print(
                f"{row['page']:<28}{result['scale']:>6}{row['rps']:>9.0f}{row['ratio']:>10.2f}{row['target']:>8.2f}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p95_ratio']:>7.1f}{row['queries']:>9}{'' if ok else '  <-- below target'}"
            )
    print(
        f"\n{'report PDF (CPU s)':<28}{'scale':>6}{'pages':>7}{'s':>8}{'plain s':>9}{'ratio':>7}{'target':>8}{'':>6}{'x tagged':>9}{'peak MB':>9}"
    )
    for result in results:
        pdfs = result.get("report_pdfs", {})
        for name, row in pdfs.get("reports", {}).items():
            target = row.get("target")
            verdict = ("PASS" if row["ratio"] <= target else "FAIL") if target else ""
            print(
                f"{name:<28}{result['scale']:>6}{row['pages']:>7}{row['seconds']:>8.2f}{row['plain_seconds']:>9.2f}{row['ratio']:>7.2f}{(f'<= {target:.1f}' if target else '-'):>8}{verdict:>6}{row.get('ratio_tagged', 0):>9.2f}{pdfs.get('peak_rss_mb', 0):>9.0f}"
            )
        failures += [f"{f} at scale {result['scale']}" for f in pdfs.get("failures", [])]
    if len(by_scale) > 1:
        first, *others = sorted(by_scale)
        for other in others:
            for a, b in zip(by_scale[first]["pages"], by_scale[other]["pages"], strict=True):
                if a["queries"] != b["queries"]:
                    failures.append(
                        f"{a['page']}: {a['queries']} queries at scale {first}, {b['queries']} at scale {other}"
                    )
    return failures


def main() -> int:
    started = time.monotonic()
    base, cluster = server_url()
    try:
        results = [bench_scale(base, scale) for scale in SCALES]
        extra = {}
        try:
            from bench import pdf as pdf_bench

            extra["pdf"] = pdf_bench.run(base)
        except ImportError:
            pass
    finally:
        if cluster:
            cluster.destroy()
    failures = print_table(results)
    for name, value in extra.get("pdf", {}).items():
        print(f"pdf {name}: {value}")
    failures += extra.get("pdf", {}).get("failures", [])
    print(
        "\nServer memory after the run: "
        + ", ".join(f"scale {r['scale']}: {r['server_rss_mb']:.0f} MB" for r in results)
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"bench-{stamp}.json"
    out.write_text(json.dumps({"results": results, **extra, "failures": failures}, indent=2))
    print(f"Written to {out.relative_to(ROOT)} in {time.monotonic() - started:.0f} s")
    if failures:
        print("\nBelow target:\n  " + "\n  ".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
