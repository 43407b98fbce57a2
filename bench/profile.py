"""Time and count queries of the key pages in process: `python -m bench.profile [label ...]`.

For each page (bench/pages.py): the number of SQL queries, the median time of a
request through the whole middleware stack (Django's test client), the HTML size.
`--profile LABEL` prints a cProfile of that page instead. Run with DATABASE_URL
(and REDIS_URL, to measure the shared cache) set to a seeded database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inclusie.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import key_pages  # noqa: E402
from bench.querycount import signed_in_client  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("labels", nargs="*")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", default="")
    parser.add_argument("--sql", action="store_true", help="print the queries")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    pages = key_pages()
    chosen = [p for p in pages if not args.labels or p[0] in args.labels]
    if args.profile:
        chosen = [p for p in pages if p[0] == args.profile]
    print(f"{'page':<28}{'queries':>8}{'ms p50':>9}{'KB':>7}")
    for label, role, path, _target in chosen:
        client = signed_in_client(role) if role else Client()
        client.get(path)
        client.get(path)
        if args.profile:
            import cProfile
            import pstats

            with cProfile.Profile() as profiler:
                for _ in range(args.runs):
                    client.get(path)
            pstats.Stats(profiler).sort_stats(
                os.environ.get("PROFILE_SORT", "cumulative")
            ).print_stats(60)
            return
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        queries = [q["sql"] for q in ctx.captured_queries]  # before the next request clears them
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - t) * 1000)
        print(
            f"{label:<28}{len(queries):>8}{statistics.median(times):>9.1f}"
            f"{len(response.content) / 1024:>7.0f}"
        )
        if args.sql:
            for sql in queries:
                print("    ", sql[:200])


if __name__ == "__main__":
    main()
