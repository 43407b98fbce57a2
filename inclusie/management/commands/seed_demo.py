import importlib
import time

from django.conf import settings
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


class Command(BaseCommand):
    help = "Vult het portaal met een fictief demoprogramma (nooit in productie)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Vermenigvuldig de hoeveelheid gegevens (1-100)."
        )
        parser.add_argument(
            "--shape", choices=sorted(SHAPES), default="deventer", help="Vorm van het programma."
        )

    def handle(self, *args, scale: int, shape: str, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo weigert te draaien in productiemodus (DJANGO_ENV=production)."
            )
        if not 1 <= scale <= 100:
            raise CommandError("--scale moet tussen 1 en 100 liggen.")
        started = time.monotonic()
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
        self.stdout.write(
            "Demo-inloggegevens (wachtwoord uit DEMO_PASSWORD, standaard demo-inclusie-2026):"
        )
        for username, _naam, role in DEMO_USERS:
            self.stdout.write(f"  {username:<16} {username}@demo.inclusie.nl  ({role.label})")
        if settings.DEMO_TOTP_SECRET:
            self.stdout.write(
                "Tweestapsverificatie (beheerder en wethouder): sleutel "
                f"{settings.DEMO_TOTP_SECRET} in een authenticator-app, of\n"
                f"  otpauth://totp/Inclusie%20Portaal:beheerder?secret={settings.DEMO_TOTP_SECRET}"
                "&issuer=Inclusie%20Portaal"
            )
