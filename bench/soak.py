"""`make soak`: many signed-in users reading and writing at once for minutes.

Users of the right roles mix reads of the key pages (home, partner list, pijler
page, meeting page, verkenning form, dashboard, public Deal page) with the writes
people really make: attendance of a meeting, verkenning answers through the
autosave endpoint (optimistic lock; a 409 conflict is a correct answer), moving a
Deal partner to another stage, logging a contact moment and adding a person.

Checks: zero 5xx, zero lost writes (compared afterwards with what the database
holds, see `verify`), and server memory after warm-up grows less than 20 %.
SOAK_USERS (default 50) and SOAK_SECONDS (default 300) set the size; the CI
variant in tests/integration/test_soak.py runs a short version of the same code.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field

from bench.pg import create_database, server_url
from bench.run import PASSWORD, ROOT, Server, manage
from bench.secondfactor import SECOND_FACTOR_USERS, VERIFY_PATH, next_code

# Sessions cycle through these demo users: the kwartiermaker runs meetings and the
# Deal, two beleidsadviseurs fill in verkenningen (one of them shared), the
# wethouder reads.
USER_CYCLE = ["kwartiermaker", "beleidsadviseur", "wethouder", "kwartiermaker", "beleidsadviseur2"]
SHARED_SIGN_INS: dict[str, http.cookiejar.CookieJar] = {}
ANSWER_QUESTIONS = 8  # open questions per verkenning the soak writes to


def targets() -> dict:
    """Real ids and paths from the seeded database (runs inside Django)."""
    from django.urls import reverse
    from django.utils import timezone

    from bijeenkomsten import fasen
    from bijeenkomsten.constants import Handeling
    from bijeenkomsten.models import Bijeenkomst, Uitnodiging
    from deal.constants import Fase
    from deal.models import Contactmoment, FaseWijziging, Partner
    from inclusie.models import Persoon, User
    from pijlers.models import Pijler
    from stappenplan.models import Antwoord, Verkenning
    from stappenplan.models.verkenning import Vraag

    meetings = {}
    for b in Bijeenkomst.objects.order_by("pk"):
        rows = list(b.uitnodigingen.order_by("pk").values_list("pk", flat=True))
        # Attendance is kept during and after a meeting, not before it or once approved.
        if rows and fasen.stand(b).mag(Handeling.AANWEZIGHEID):
            meetings[b.pk] = {
                "page": reverse("bijeenkomst-detail", args=[b.pk]),
                "form": reverse("bijeenkomst-aanwezigheid", args=[b.pk]),
                "uitnodigingen": rows,
            }
    verkenningen: dict[str, list] = defaultdict(list)
    for v in Verkenning.objects.filter(status=Verkenning.Status.CONCEPT).order_by("pk"):
        vragen = list(
            Vraag.objects.filter(deel__vragenlijst_id=v.vragenlijst_id, soort=Vraag.Soort.OPEN)
            .order_by("deel__nummer", "volgorde", "pk")
            .values_list("pk", flat=True)[:ANSWER_QUESTIONS]
        )
        entry = {
            "pk": v.pk,
            "form": v.get_absolute_url(),
            "antwoord": reverse("verkenning-antwoord", args=[v.pk]),
            "vragen": vragen,
        }
        for user in [v.eigenaar, *v.gedeeld_met.all()]:
            verkenningen[user.username].append(entry)
    pijlers = [p.get_absolute_url() for p in Pijler.objects.order_by("volgorde", "pk")]
    partners = [
        {
            "pk": p.pk,
            "fase": reverse("deal:partner-fase", args=[p.pk]),
            "contact": reverse("deal:contactmoment-create", args=[p.pk]),
        }
        for p in Partner.objects.order_by("pk")
    ]
    return {
        "today": timezone.localdate().isoformat(),
        "meetings": meetings,
        "verkenningen": verkenningen,
        "partners": partners,
        "fasen": [f for f in Fase.values if f != Fase.ONDERTEKEND],
        "aanwezigheid": list(Uitnodiging.Aanwezigheid.values),
        "users": list(User.objects.filter(is_active=True).values_list("username", flat=True)),
        "paths": {
            "home": reverse("home"),
            "partners": reverse("deal:partner-list"),
            "pipeline": reverse("deal:pipeline"),
            "pijlers": pijlers,
            "dashboard": reverse("dashboard"),
            "openbaar_deal": reverse("deal:openbaar"),
            "openbaar": reverse("openbaar"),
            "personen": reverse("persoon-list"),
            "persoon_nieuw": reverse("persoon-create"),
        },
        "tables": {
            "persoon": Persoon._meta.db_table,
            "uitnodiging": Uitnodiging._meta.db_table,
            "antwoord": Antwoord._meta.db_table,
            "fasewijziging": FaseWijziging._meta.db_table,
            "contactmoment": Contactmoment._meta.db_table,
        },
    }


def load_targets(env: dict) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django,os,json;os.environ.setdefault('DJANGO_SETTINGS_MODULE','inclusie.settings');"
            "django.setup();from bench.soak import targets;print(json.dumps(targets()))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: int = 0
    errors_5xx: int = 0
    other_failures: list = field(default_factory=list)
    acknowledged: dict = field(default_factory=dict)
    conflicts: int = 0
    rejected: dict = field(default_factory=dict)  # form errors the server explained (200)
    # Last acknowledged state per row, for the state-like writes.
    attendance: dict = field(default_factory=dict)  # uitnodiging pk -> status
    answers: dict = field(default_factory=dict)  # (verkenning, vraag) -> (versie, tekst)

    def record(self, status: int | str, what: str, expected: tuple[int, ...] = ()) -> None:
        with self.lock:
            self.requests += 1
            if isinstance(status, int) and status >= 500:
                self.errors_5xx += 1
            elif isinstance(status, int) and status in expected:
                pass
            elif not isinstance(status, int) or status >= 400:
                self.other_failures.append((what, status))

    def ack(self, kind: str, n: int = 1) -> None:
        with self.lock:
            self.acknowledged[kind] = self.acknowledged.get(kind, 0) + n

    def reject(self, kind: str) -> None:
        with self.lock:
            self.rejected[kind] = self.rejected.get(kind, 0) + 1


class User:
    def __init__(self, base: str, username: str) -> None:
        self.base = base
        self.username = username
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.versions: dict[tuple[int, int], int] = {}  # what this user's page knows
        self.slot = 0  # which question this session mostly works on
        self.login(username)

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def login(self, username: str) -> None:
        if username in SHARED_SIGN_INS:  # one sign-in (and one code) per second-factor user
            for cookie in SHARED_SIGN_INS[username]:
                self.jar.set_cookie(cookie)
            return
        self.get("/account/inloggen/")
        status = self.post("/account/inloggen/", {"username": username, "password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"sign-in failed for {username}: {status}")
        if username in SECOND_FACTOR_USERS:
            status = self.post(VERIFY_PATH, {"code": next_code(username)})
            if status != 302:
                raise RuntimeError(f"second factor failed for {username}: {status}")
            SHARED_SIGN_INS[username] = self.jar

    def get(self, path: str) -> int | str:
        return self._open(urllib.request.Request(self.base + path))[0]

    def post(self, path: str, data: dict | list, headers: dict | None = None) -> int | str:
        return self.post_body(path, data, headers)[0]

    def post_body(self, path: str, data: dict | list, headers: dict | None = None):
        pairs = list(data.items()) if isinstance(data, dict) else list(data)
        body = urllib.parse.urlencode([*pairs, ("csrfmiddlewaretoken", self.csrf())]).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path, **(headers or {})}
        )
        return self._open(request)

    def _open(self, request) -> tuple[int | str, bytes]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except OSError as exc:
            return type(exc).__name__, b""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp


# --- reads ----------------------------------------------------------------------------


def reads_for(username: str, t: dict) -> list[str]:
    p = t["paths"]
    common = [p["home"], p["dashboard"], p["openbaar_deal"], p["partners"], *p["pijlers"][:2]]
    if username == "kwartiermaker":
        meetings = [m["page"] for m in t["meetings"].values()]
        return [*common, p["pipeline"], p["personen"], p["openbaar"], *meetings[:4]]
    if username.startswith("beleidsadviseur"):
        return [*common, *[v["form"] for v in t["verkenningen"].get(username, [])]]
    return [*common, p["openbaar"]]


# --- writes ---------------------------------------------------------------------------

MEETING_LOCKS: dict[int, threading.Lock] = defaultdict(threading.Lock)


def write_persoon(user: User, stats: Stats, t: dict, rng: random.Random, tag: str) -> None:
    status = user.post(
        t["paths"]["persoon_nieuw"],
        {"naam": f"Soak {tag}", "email": f"soak.{tag}@voorbeeld.nl"},
    )
    stats.record(status, "persoon-create")
    if status == 302:
        stats.ack("personen")


def write_attendance(user: User, stats: Stats, t: dict, rng: random.Random, tag: str) -> None:
    """Fill in the whole attendance form of a meeting, as the organiser does.

    Saves of one meeting are serialised on the client side so the order in which
    they were acknowledged is the order in which they were stored; the check is
    then that every row holds the last acknowledged status."""
    pk = rng.choice(list(t["meetings"]))
    meeting = t["meetings"][pk]
    values = {u: rng.choice(t["aanwezigheid"]) for u in meeting["uitnodigingen"]}
    with MEETING_LOCKS[int(pk)]:
        status = user.post(meeting["form"], {f"u_{u}": v for u, v in values.items()})
        stats.record(status, "aanwezigheid")
        if status == 302:
            stats.ack("aanwezigheid")
            with stats.lock:
                stats.attendance.update(values)
        elif status == 200:
            stats.reject("aanwezigheid")


def write_answer(user: User, stats: Stats, t: dict, rng: random.Random, tag: str) -> None:
    """Autosave one open answer with the version this user's page last saw.

    Each session mostly works on its own question (as colleagues split a form) and
    sometimes on any question, so colleagues do collide. On a 409 the page shows the
    colleague's text; the user keeps their own and saves again on that version."""
    verkenning = rng.choice(t["verkenningen"][user.username])
    vragen = verkenning["vragen"]
    vraag = vragen[user.slot % len(vragen)] if rng.random() < 0.8 else rng.choice(vragen)
    key = (verkenning["pk"], vraag)
    tekst = f"Soak {tag}: antwoord van {user.username}"
    for _attempt in range(2):
        status, body = user.post_body(
            verkenning["antwoord"],
            {"vraag": vraag, "versie": user.versions.get(key, 0), "tekst": tekst, "tip": ""},
            headers={"Accept": "application/json"},
        )
        stats.record(status, "antwoord", expected=(409,))
        if status == 200:
            versie = json.loads(body)["versie"]
            user.versions[key] = versie
            stats.ack("antwoorden")
            with stats.lock:
                if versie > stats.answers.get(key, (-1, ""))[0]:
                    stats.answers[key] = (versie, tekst)
            return
        if status != 409:
            return
        user.versions[key] = json.loads(body)["conflict"]["versie"]
        with stats.lock:
            stats.conflicts += 1


def write_partner_fase(user: User, stats: Stats, t: dict, rng: random.Random, tag: str) -> None:
    partner = rng.choice(t["partners"])
    status = user.post(
        partner["fase"],
        {"naar": rng.choice(t["fasen"]), "datum": t["today"], "reden": f"Soak {tag}"},
    )
    stats.record(status, "partner-fase")
    if status == 302:
        stats.ack("partner_fase")
    elif status == 200:  # e.g. already in that stage: refused with a message
        stats.reject("partner_fase")


def write_contactmoment(user: User, stats: Stats, t: dict, rng: random.Random, tag: str) -> None:
    partner = rng.choice(t["partners"])
    status = user.post(
        partner["contact"],
        {"soort": "gesprek", "datum": t["today"], "persoon": "", "notitie": f"Soak {tag}"},
    )
    stats.record(status, "contactmoment")
    if status == 302:
        stats.ack("contactmomenten")
    elif status == 200:
        stats.reject("contactmomenten")


def writes_for(username: str) -> list:
    if username == "kwartiermaker":
        return [write_attendance, write_partner_fase, write_contactmoment, write_persoon]
    if username.startswith("beleidsadviseur"):
        return [write_answer]
    return []


# --- the lost-write check --------------------------------------------------------------


def verify(conn, t: dict, stats: Stats) -> tuple[dict, dict]:
    """What the database holds for each kind of write, and how many writes are lost."""
    tb = t["tables"]
    counted = {
        "personen": f"SELECT count(*) FROM {tb['persoon']} WHERE naam LIKE 'Soak %%'",
        "partner_fase": f"SELECT count(*) FROM {tb['fasewijziging']} WHERE reden LIKE 'Soak %%'",
        "contactmomenten": f"SELECT count(*) FROM {tb['contactmoment']} WHERE notitie LIKE 'Soak %%'",
    }
    stored, lost = {}, {}
    for kind, sql in counted.items():
        stored[kind] = conn.execute(sql).fetchone()[0]
        lost[kind] = stats.acknowledged.get(kind, 0) - stored[kind]
    # Attendance: every invitee holds the status of the last acknowledged save.
    rows = dict(conn.execute(f"SELECT id, aanwezigheid FROM {tb['uitnodiging']}").fetchall())
    matching = sum(1 for pk, value in stats.attendance.items() if rows.get(int(pk)) == value)
    stored["aanwezigheid_rows"] = matching
    lost["aanwezigheid"] = len(stats.attendance) - matching
    # Answers: the stored text and version are those of the highest acknowledged version.
    answers = {
        (v, q): (versie, tekst)
        for v, q, versie, tekst in conn.execute(
            f"SELECT verkenning_id, vraag_id, versie, tekst FROM {tb['antwoord']}"
        ).fetchall()
    }
    matching = sum(1 for key, acked in stats.answers.items() if answers.get(key) == acked)
    stored["antwoorden_rows"] = matching
    lost["antwoorden"] = len(stats.answers) - matching
    return stored, lost


def server_env(db_url: str) -> dict:
    """The environment of the soak's gunicorn (and of its manage.py commands)."""
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": "",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def run(
    users: int,
    seconds: float,
    write_share: float = 0.3,
    *,
    prepared: tuple[str, dict] | None = None,
) -> dict:
    """prepared: (database URL, `targets()`) of a database that already holds the demo
    as `migrate` and `seed_demo` leave it (the CI variant restores a dump); without
    it the soak makes that database itself."""
    import psycopg

    SHARED_SIGN_INS.clear()  # sessions of an earlier run belong to another server

    cluster = None
    server = None
    try:
        if prepared:
            db_url, t = prepared
            env = server_env(db_url)
        else:
            base, cluster = server_url()
            db_url = create_database(base, "inclusie_soak")
            env = server_env(db_url)
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "seed_demo")
            t = load_targets(env)
        missing = [u for u in set(USER_CYCLE) if u not in t["users"]]
        if missing or not t["meetings"] or not t["partners"] or not t["paths"]["pijlers"]:
            raise RuntimeError(f"demo data lacks what the soak needs: users {missing}")
        for pk in t["meetings"]:  # made up front, not by racing threads
            MEETING_LOCKS[int(pk)] = threading.Lock()
        server = Server(env, workers=3)
        stats = Stats()
        sessions = [User(server.base, USER_CYCLE[n % len(USER_CYCLE)]) for n in range(users)]
        deadline = time.monotonic() + seconds
        warm_at = time.monotonic() + seconds * 0.2
        memory = {}

        def loop(worker: int, user: User) -> None:
            rng = random.Random(worker)
            user.slot = worker // len(USER_CYCLE)
            reads = reads_for(user.username, t)
            writes = writes_for(user.username)
            if user.username.startswith("beleidsadviseur") and not t["verkenningen"].get(
                user.username
            ):
                writes = []
            i = written = 0
            while time.monotonic() < deadline:
                i += 1
                if writes and rng.random() < write_share:
                    # In turn, so every kind of write is made even in a short or slow run.
                    writes[written % len(writes)](user, stats, t, rng, f"{worker}-{i}")
                    written += 1
                else:
                    path = rng.choice(reads)
                    stats.record(user.get(path), path)

        threads = [
            threading.Thread(target=loop, args=(n, s), daemon=True) for n, s in enumerate(sessions)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        while time.monotonic() < warm_at:
            time.sleep(0.5)
        memory["after_warmup_mb"] = round(server.rss_mb(), 1)
        for thread in threads:
            thread.join(seconds + 60)
        memory["end_mb"] = round(server.rss_mb(), 1)
        elapsed = time.monotonic() - started
        with psycopg.connect(db_url) as conn:
            stored, lost = verify(conn, t, stats)
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
        "answer_conflicts_409": stats.conflicts,
        "refused_with_message": stats.rejected,
        "stored_writes": stored,
        "lost_writes": lost,
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
