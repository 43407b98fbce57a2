"""`make bench`: throughput, latency and query counts of the key pages, as ratios (issue 15).

The demo data is seeded at every scale of BENCH_SCALES (default 1, 10 and 50) in
databases of its own; the query count of every page must be the same at each.
gunicorn (2 workers) serves the portal on loopback with PostgreSQL and, when
REDIS_URL is set, the shared Redis cache (sessions, navigation, fragments); wrk
loads /health/, the signed-in shell (the floor) and every key page, at the scales
of BENCH_LOAD_SCALES (default 10). Each page's ratio is printed with its target
(bench/pages.py) and PASS or FAIL; the run exits 1 on any FAIL. Absolute numbers
vary on shared machines; the ratios are what the targets are about.

    make bench                          # everything, a few minutes
    make bench PAGES=home,partners      # only pages whose label contains a word
    BENCH_SECONDS=10 BENCH_FRESH=1 ...  # longer runs; seed the databases afresh
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

from bench.pages import FLOOR, P95_OVER_P50, TARGETS
from bench.pg import create_database, server_url
from bench.secondfactor import SECOND_FACTOR_USERS, VERIFY_PATH, next_code

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DURATION = int(os.environ.get("BENCH_SECONDS", "2"))  # per page and round
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "1,10,50").split(",")]
LOAD_SCALES = [int(s) for s in os.environ.get("BENCH_LOAD_SCALES", "10").split(",")]
PAGES = os.environ.get("BENCH_PAGES", "")
FRESH = os.environ.get("BENCH_FRESH", "") not in ("", "0")
# Report PDFs (monitoring/bench.py) too; not when only some pages are measured.
PDFS = os.environ.get("BENCH_PDFS", "1") != "0" and not PAGES
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


def wrk(url: str, cookie: str | None, seconds: int = 0) -> dict:
    seconds = seconds or DURATION
    cmd = [
        "wrk",
        "-t",
        "2",
        "-c",
        str(CLIENTS),
        "-d",
        f"{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "wrk_report.lua"),
    ]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 60).stdout
    data = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def scale_env(server_base: str, scale: int) -> dict:
    name = f"inclusie_bench_s{scale}"
    db_url = create_database(server_base, name, keep=not FRESH)
    redis = os.environ.get("REDIS_URL", "")
    return {
        **os.environ,
        "DATABASE_URL": db_url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_ENV": "development",
        # The shared cache in Redis like production; Celery stays eager (no worker here).
        "REDIS_URL": "",
        "REDIS_CACHE_URL": os.environ.get("REDIS_CACHE_URL", "")
        or (_cache_url(redis) if redis else ""),
        "LOG_LEVEL": "ERROR",
    }


def _cache_url(broker_url: str) -> str:
    from inclusie.settings import _redis_cache_url

    return _redis_cache_url(broker_url)


def python_json(env: dict, *args: str) -> object:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


PAGES_CODE = (
    "import django,os,json;os.environ.setdefault('DJANGO_SETTINGS_MODULE','inclusie.settings');"
    "django.setup();from bench.pages import key_pages, select;"
    "print(json.dumps(select(key_pages(), os.environ.get('BENCH_PAGES', ''))))"
)
CLEAR_CACHE_CODE = (
    "import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','inclusie.settings');"
    "django.setup();from django.core.cache import cache;cache.clear();print('{}')"
)


def prepare_scale(server_base: str, scale: int) -> tuple[dict, dict]:
    """Seed (or reuse) the database of `scale`; its environment and query counts per page."""
    env = scale_env(server_base, scale)
    manage(env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    manage(env, "seed_demo", "--scale", str(scale))  # leaves a seeded database alone
    print(f"scale {scale}: database ready in {time.monotonic() - started:.0f} s", flush=True)
    # Another scale's cached fragments must not answer for this database.
    python_json(env, "-c", CLEAR_CACHE_CODE)
    counts = python_json(env, "-m", "bench.querycount")
    return env, counts  # type: ignore[return-value]


def load_scale(env: dict, scale: int, counts: dict) -> dict:
    """wrk on /health/, the floor and every page, in ROUNDS interleaved rounds.

    A shared machine's load drifts over minutes, so each round measures /health/ and
    the floor next to the pages, and a page's ratio is the median of its rounds' ratios
    (its p50 and p95 likewise).
    """
    import statistics

    pages = python_json(env, "-c", PAGES_CODE)
    report_pdfs = python_json(env, "-m", "monitoring.bench") if PDFS else {}
    server = Server(env)
    runs: dict[str, list[dict]] = {"/health/": []}
    try:
        cookies = {role: session_cookie(server.base, role) for _l, role, _p, _k in pages if role}
        for _label, role, path, _kind in pages:  # warm up: templates, caches, fragments
            request = urllib.request.Request(server.base + path)
            if role:
                request.add_header("Cookie", cookies[role])
            for _ in range(2):
                urllib.request.urlopen(request, timeout=30).read()  # noqa: S310 - loopback only
        for round_ in range(ROUNDS):
            runs["/health/"].append(wrk(server.base + "/health/", None))
            for label, role, path, _kind in pages:
                runs.setdefault(label, []).append(wrk(server.base + path, cookies.get(role)))
            print(
                f"  round {round_ + 1}/{ROUNDS}: "
                + ", ".join(f"{label} {r[-1]['rps']:.0f}" for label, r in runs.items()),
                flush=True,
            )
        rss = server.rss_mb()
    finally:
        server.stop()
    rows = []
    for label, _role, path, kind in pages:
        target, of = TARGETS[kind]
        mine = runs[label]
        base = runs["/health/"] if of == "health" else runs[FLOOR]
        rows.append(
            {
                "page": label,
                "path": path,
                "kind": kind,
                "target": target,
                "of": of,
                "rounds": mine,
                "rps": statistics.median(r["rps"] for r in mine),
                "ratio": statistics.median(
                    r["rps"] / b["rps"] for r, b in zip(mine, base, strict=True)
                ),
                "p50_ms": statistics.median(r["p50_ms"] for r in mine),
                "p95_ms": statistics.median(r["p95_ms"] for r in mine),
                "non2xx": sum(r["non2xx"] for r in mine),
                "queries": counts[label]["queries"],
            }
        )
        rows[-1]["p95_over_p50"] = rows[-1]["p95_ms"] / max(rows[-1]["p50_ms"], 0.001)
    health = runs["/health/"]
    return {
        "scale": scale,
        "health": {"rps": statistics.median(h["rps"] for h in health), "rounds": health},
        "pages": rows,
        "server_rss_mb": rss,
        "report_pdfs": report_pdfs,
    }


def print_table(results: list[dict], counts: dict[int, dict]) -> list[str]:
    failures = []
    print(
        f"\n{'page':<24}{'scale':>6}{'req/s':>8}{'ratio':>7}{'target':>15}{'':>5}"
        f"{'p50 ms':>8}{'p95 ms':>8}{'p95/p50':>8}{'':>5}{'queries':>8}"
    )
    for result in results:
        h = result["health"]
        print(f"{'/health/':<24}{result['scale']:>6}{h['rps']:>8.0f}")
        for row in result["pages"]:
            ratio_ok = row["ratio"] >= row["target"] and row["non2xx"] == 0
            tail_ok = row["p95_over_p50"] <= P95_OVER_P50
            if not ratio_ok:
                failures.append(
                    f"{row['page']} at scale {result['scale']}: {row['ratio']:.2f}x {row['of']}"
                    f" (target {row['target']:.2f}x), non-2xx {row['non2xx']}"
                )
            if not tail_ok:
                failures.append(
                    f"{row['page']} at scale {result['scale']}: p95 {row['p95_over_p50']:.1f}x p50"
                    f" (target <= {P95_OVER_P50:.0f}x)"
                )
            target = f">= {row['target']:.2f}x {row['of']}"
            print(
                f"{row['page']:<24}{result['scale']:>6}{row['rps']:>8.0f}{row['ratio']:>7.2f}"
                f"{target:>15}{'PASS' if ratio_ok else 'FAIL':>5}{row['p50_ms']:>8.1f}"
                f"{row['p95_ms']:>8.1f}{row['p95_over_p50']:>8.1f}{'PASS' if tail_ok else 'FAIL':>5}"
                f"{row['queries']:>8}"
            )
    if any(r.get("report_pdfs") for r in results):
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
    scales = sorted(counts)
    labels = [
        label
        for label in counts[scales[0]]
        if not PAGES or label in {r["page"] for result in results for r in result["pages"]}
    ]
    print(f"\n{'queries per page':<24}" + "".join(f"{f'scale {s}':>10}" for s in scales))
    for label in labels:
        values = [counts[s][label]["queries"] for s in scales]
        same = len(set(values)) == 1
        if not same:
            failures.append(
                f"{label}: queries differ by scale ("
                + ", ".join(f"{v} at {s}" for s, v in zip(scales, values, strict=True))
                + ")"
            )
        print(
            f"{label:<24}"
            + "".join(f"{v:>10}" for v in values)
            + f"{'PASS' if same else 'FAIL':>6}"
        )
    return failures


def main() -> int:
    started = time.monotonic()
    base, cluster = server_url()
    try:
        prepared = {
            scale: prepare_scale(base, scale) for scale in sorted(set(SCALES + LOAD_SCALES))
        }
        counts = {scale: prepared[scale][1] for scale in SCALES}
        results = [load_scale(prepared[s][0], s, prepared[s][1]) for s in LOAD_SCALES]
    finally:
        if cluster:
            cluster.destroy()
    failures = print_table(results, counts)
    print(
        "\nServer memory after the run: "
        + ", ".join(f"scale {r['scale']}: {r['server_rss_mb']:.0f} MB" for r in results)
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"bench-{stamp}.json"
    out.write_text(
        json.dumps({"results": results, "queries": counts, "failures": failures}, indent=2)
    )
    print(f"Written to {out.relative_to(ROOT)} in {time.monotonic() - started:.0f} s")
    if failures:
        print("\nFAIL:\n  " + "\n  ".join(failures))
        return 1
    print("\nPASS: every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
