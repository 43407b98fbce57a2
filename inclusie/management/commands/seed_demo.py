"""`manage.py seed_demo`: fictional demo data, loaded once into an empty database.

`make run` calls it on every start, so it must never touch what is there: when the
database already holds project data (the demo's or a user's), it says so and does
nothing. `--reset` is the one explicit way to start afresh: it empties the database
(`flush`), loads the questionnaires again and then seeds.
"""

import importlib
import time

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from inclusie.demo import DEMO_USERS, SHAPES, DemoContext

# The order matters: each step may use what the earlier ones made (ctx.data).
# Monitoring comes last, so its snapshots see every other app's demo data.
DEMO_STEPS = [
    ("inclusie.demo", "Gemeente, organisaties en personen"),
    ("pijlers.demo", "Pijlers"),
    ("deal.demo", "Inclusie Deal"),
    ("ambassadeurs.demo", "Ambassadeurs"),
    ("klankbord.demo", "Klankbordgroep en signalen"),
    ("opdracht.demo", "Opdracht kwartiermaker"),
    ("bijeenkomsten.demo", "Bijeenkomsten"),
    ("stappenplan.demo", "Stappenplan en verkenningen"),
    ("monitoring.demo", "Monitoring en rapportage"),
    ("inclusie.twofactor.demo", "Tweestapsverificatie demo-accounts"),
]


# The project's own apps: a row in any of their models means the database is in use.
PROJECT_APPS = {
    "inclusie",
    "pijlers",
    "deal",
    "ambassadeurs",
    "klankbord",
    "bijeenkomsten",
    "stappenplan",
    "opdracht",
    "monitoring",
}
# Content that migrations load into every database (stappenplan/0002_vragenlijsten):
# present in an empty portal, so it does not count as data.
MIGRATION_CONTENT = {
    "stappenplan.Stap",
    "stappenplan.Vragenlijst",
    "stappenplan.Deel",
    "stappenplan.Vraag",
    "inclusie.Keuze",  # the shipped sectors and themes (inclusie.keuzes)
}


def existing_data() -> dict[str, int]:
    """Project models that hold rows, with their counts (migration content left out)."""
    found = {}
    for model in apps.get_models():
        label = model._meta.label
        if model._meta.app_label not in PROJECT_APPS or label in MIGRATION_CONTENT:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        if model._default_manager.exists():
            found[label] = model._default_manager.count()
    return found


def _flush() -> None:
    """Empty every table (Django's flush) and reload what migrations load."""
    from django.db import connection

    if connection.vendor == "postgresql" and connection.in_atomic_block:
        # Inside a transaction (a test) PostgreSQL refuses TRUNCATE while deferred
        # foreign-key checks are pending: run them now, defer again afterwards.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        call_command("flush", interactive=False, verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        return
    call_command("flush", interactive=False, verbosity=0)


class Command(BaseCommand):
    help = "Vult het portaal met een fictief demoprogramma (nooit in productie)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Vermenigvuldig de hoeveelheid gegevens (1-100)."
        )
        parser.add_argument(
            "--shape", choices=sorted(SHAPES), default="deventer", help="Vorm van het programma."
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Wis ALLE gegevens in de database (ook wat gebruikers maakten) en laad de "
            "demodata opnieuw.",
        )

    def handle(self, *args, scale: int, shape: str, reset: bool = False, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo weigert te draaien in productiemodus (DJANGO_ENV=production)."
            )
        if not 1 <= scale <= 100:
            raise CommandError("--scale moet tussen 1 en 100 liggen.")
        started = time.monotonic()
        if reset:
            self.stdout.write("--reset: de database wordt leeggemaakt.")
            _flush()
            call_command("load_vragenlijsten", stdout=self.stdout)
            from inclusie.keuzes import lijsten_vullen

            lijsten_vullen()
        else:
            found = existing_data()
            if found:
                users = found.get("inclusie.User", 0)
                self.stdout.write(
                    self.style.WARNING(
                        f"De database bevat al gegevens ({users} gebruikers, "
                        f"{sum(found.values())} rijen in {len(found)} tabellen); "
                        "seed_demo laat ze ongemoeid. Opnieuw beginnen met demodata: "
                        "`python manage.py seed_demo --reset` (wist alles)."
                    )
                )
                self._print_logins()
                return
        ctx = DemoContext(scale=scale, shape=shape, log=lambda msg: self.stdout.write(msg))
        with transaction.atomic():
            for module_name, title in DEMO_STEPS:
                self.stdout.write(f"{title}:")
                importlib.import_module(module_name).seed(ctx)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata klaar in {time.monotonic() - started:.1f} s (vorm {shape}, schaal {scale})."
            )
        )
        self._print_logins()

    def _print_logins(self) -> None:
        """Every demo account that exists, from DEMO_USERS (the one list), with its role."""
        from inclusie.demo import DEMO_DOMAIN
        from inclusie.models import User

        present = set(
            User.objects.filter(
                username__in=[u for u, _n, _r in DEMO_USERS], is_active=True
            ).values_list("username", flat=True)
        )
        rows = [(u, naam, role) for u, naam, role in DEMO_USERS if u in present]
        if not rows:
            return
        self.stdout.write(
            "Demo-inloggegevens (gebruikersnaam of e-mailadres; wachtwoord uit DEMO_PASSWORD, "
            "standaard demo-inclusie-2026):"
        )
        for username, naam, role in rows:
            self.stdout.write(
                f"  {username:<17} {username + '@' + DEMO_DOMAIN:<36} {role.label} ({naam})"
            )
        if settings.DEMO_TOTP_SECRET:
            self.stdout.write(
                "Tweestapsverificatie (beheerder en wethouder): sleutel "
                f"{settings.DEMO_TOTP_SECRET} in een authenticator-app, of\n"
                f"  otpauth://totp/Inclusie%20Portaal:beheerder?secret={settings.DEMO_TOTP_SECRET}"
                "&issuer=Inclusie%20Portaal"
            )
