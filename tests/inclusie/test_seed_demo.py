"""`make run` touches no existing data: demo data loads once, `--reset` is the only way back.

Issue 11: every start reran seed_demo, which reset the beheerder's gemeente settings
(GM0150 -> GM0999, "speerpunt" -> "pijler"), re-dated organisations including one the
user made, and remade frozen snapshots.
"""

from __future__ import annotations

import datetime
import io
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from inclusie.models import GemeenteProfiel, Organisatie, User
from monitoring.models import Snapshot

pytestmark = pytest.mark.django_db

EIGEN_DATUM = timezone.make_aware(datetime.datetime(2020, 5, 4, 12, 0))


def seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def _user_edits() -> int:
    profiel = GemeenteProfiel.load()
    profiel.gemeentecode = "GM0150"
    profiel.term_pijler, profiel.term_pijlers = "speerpunt", "speerpunten"
    profiel.save()
    demo_org = Organisatie.objects.order_by("pk").first()
    demo_org.naam = "Door de beheerder hernoemd"
    demo_org.save()
    eigen = Organisatie.objects.create(naam="Zelf toegevoegde stichting")
    Organisatie.objects.filter(pk=eigen.pk).update(created_at=EIGEN_DATUM)
    return demo_org.pk


def test_second_seed_demo_keeps_a_users_edits_and_reset_starts_afresh():
    seed()
    snapshots = list(Snapshot.objects.order_by("pk").values_list("pk", "gemaakt_op"))
    users = User.objects.count()
    demo_org_pk = _user_edits()

    # What `make run` does on the next start: migrate's follow-up and seed_demo.
    call_command("load_vragenlijsten", stdout=io.StringIO())
    out = seed()
    assert "bevat al gegevens" in out and "--reset" in out
    profiel = GemeenteProfiel.objects.get()
    assert (profiel.gemeentecode, profiel.term_pijler) == ("GM0150", "speerpunt")
    assert Organisatie.objects.get(pk=demo_org_pk).naam == "Door de beheerder hernoemd"
    assert Organisatie.objects.get(naam="Zelf toegevoegde stichting").created_at == EIGEN_DATUM
    assert list(Snapshot.objects.order_by("pk").values_list("pk", "gemaakt_op")) == snapshots
    assert User.objects.count() == users
    # Other options change nothing either on a database in use.
    seed("--shape", "arnhem", "--scale", "2")
    assert GemeenteProfiel.objects.get().gemeentecode == "GM0150"

    # --reset: everything the demo made is back, the user's own rows are gone.
    out = seed("--reset")
    assert "Demodata klaar" in out
    profiel = GemeenteProfiel.objects.get()
    assert (profiel.gemeentecode, profiel.term_pijler) == ("GM0999", "pijler")
    assert not Organisatie.objects.filter(naam="Zelf toegevoegde stichting").exists()
    assert not Organisatie.objects.filter(naam="Door de beheerder hernoemd").exists()
    assert User.objects.count() == users
    assert Snapshot.objects.exists()
    from stappenplan.models import Vragenlijst

    assert Vragenlijst.objects.exists()  # the questionnaires are loaded again


def test_seed_demo_on_a_database_with_only_an_account_does_nothing():
    User.objects.create_user("eigen@example.org", "x" * 20, username="eigen-beheerder")
    out = seed()
    assert "bevat al gegevens" in out
    assert list(User.objects.values_list("username", flat=True)) == ["eigen-beheerder"]


def _make_steps(target: str) -> list[list[str]]:
    """The manage.py commands a make target runs (`make -n`, nothing executed)."""
    root = Path(settings.BASE_DIR)
    dry = subprocess.run(
        ["make", "-n", "-s", target], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    steps = []
    for line in dry.splitlines():
        if "manage.py" in line and "runserver" not in line:
            steps.append([sys.executable, *line.split("manage.py", 1)[1].split()])
            steps[-1].insert(1, "manage.py")
    return steps


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_second_make_run_keeps_a_users_edits(tmp_path):
    """The Makefile's own setup steps, twice, in fresh processes on one database file."""
    steps = _make_steps("run")
    assert any("seed_demo" in s for step in steps for s in step)
    assert not any("--reset" in step for step in steps)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
        "DJANGO_ENV": "development",
        "REDIS_URL": "",
    }

    def run_steps():
        for step in steps:
            subprocess.run(step, cwd=settings.BASE_DIR, env=env, check=True, capture_output=True)

    def shell(code: str) -> str:
        return subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    run_steps()
    shell(
        "from inclusie.models import GemeenteProfiel, Organisatie\n"
        "GemeenteProfiel.objects.update(gemeentecode='GM0150', term_pijler='speerpunt')\n"
        "Organisatie.objects.create(naam='Zelf toegevoegde stichting')\n"
    )
    run_steps()
    # Read back with sqlite3: one Django process less.
    with closing(sqlite3.connect(tmp_path / "run.sqlite3")) as db:
        profiel = db.execute(
            f"SELECT gemeentecode, term_pijler FROM {GemeenteProfiel._meta.db_table}"  # noqa: S608
        ).fetchall()
        eigen = db.execute(
            f"SELECT count(*) FROM {Organisatie._meta.db_table} WHERE naam = ?",  # noqa: S608
            ["Zelf toegevoegde stichting"],
        ).fetchone()[0]
    assert (profiel, eigen) == ([("GM0150", "speerpunt")], 1)


def test_seed_demo_prints_every_demo_login_also_on_a_database_in_use():
    """Issue 14: `make run` printed one login; beleidsadviseur2 was nowhere to be seen."""
    from inclusie.demo import DEMO_USERS

    first = seed()
    again = seed()
    assert "bevat al gegevens" in again
    for out in (first, again):
        listed = out.split("Demo-inloggegevens", 1)[1]
        for username, _naam, role in DEMO_USERS:
            assert f"  {username} " in listed and f"{username}@demo.inclusie.nl" in listed
            assert str(role.label) in listed
    assert "beleidsadviseur2@demo.inclusie.nl" in again
    assert User.objects.filter(username="beleidsadviseur2", role="beleidsadviseur").exists()


def test_readme_lists_exactly_the_demo_accounts():
    from inclusie.demo import DEMO_USERS

    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    table = readme.split("| username | e-mail | role |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ")]
    assert rows == [username for username, _naam, _role in DEMO_USERS]
