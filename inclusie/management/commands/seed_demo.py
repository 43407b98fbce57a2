import importlib
import time

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from inclusie.demo import DEMO_USERS, SHAPES, DemoContext


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
            for config in apps.get_app_configs():
                if not config.path.startswith(str(settings.BASE_DIR)):
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                self.stdout.write(f"{config.verbose_name}:")
                module.seed(ctx)
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
