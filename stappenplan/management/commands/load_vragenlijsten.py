from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from stappenplan.vragenlijsten import load_vragenlijsten


class Command(BaseCommand):
    help = "Laadt de vragenlijsten (Movisie Bijlage 1-3, foto per speerpunt) en de stappen."

    def handle(self, *args, **options):
        with transaction.atomic():
            result = load_vragenlijsten(apps)
        for code, what in result.items():
            self.stdout.write(f"{code}: {what}")
