from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from monitoring.constants import RapportSoort
from monitoring.models import Raadsmededeling
from monitoring.periods import Period
from monitoring.services import raadsmededeling, reports, snapshots

SOORTEN = {"raadsmededeling": RapportSoort.RAADSMEDEDELING, "monitoring": RapportSoort.MONITORING}


class Command(BaseCommand):
    help = (
        "Maakt een raadsmededeling of monitoringsrapportage als PDF voor een halfjaar. "
        "Zonder --queue direct (voor scripts en controles), met --queue via de wachtrij."
    )

    def add_arguments(self, parser):
        parser.add_argument("soort", choices=sorted(SOORTEN))
        parser.add_argument("--period", required=True, help="Halfjaar, bijvoorbeeld 2026-H1.")
        parser.add_argument("--output", help="Bestand om de PDF in te schrijven.")
        parser.add_argument(
            "--queue", action="store_true", help="In de wachtrij zetten en het rapportnummer tonen."
        )

    def handle(self, *args, soort: str, period: str, output: str | None, queue: bool, **options):
        try:
            chosen = Period.parse(period)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        kind = SOORTEN[soort]
        if queue:
            rapport = reports.rapport_request(soort=kind, period=chosen)
            self.stdout.write(str(rapport.pk))
            return
        if not output:
            raise CommandError("Geef --output BESTAND.pdf, of gebruik --queue.")
        snapshots.snapshot_ensure(period=chosen)
        mededeling = None
        if kind == RapportSoort.RAADSMEDEDELING:
            mededeling = (
                Raadsmededeling.objects.filter(periode=chosen.code)
                .order_by("-jaar", "-volgnummer")
                .first()
            ) or raadsmededeling.raadsmededeling_draft(period=chosen)
        pdf = reports.render_report_pdf(soort=kind, period=chosen, mededeling=mededeling)
        Path(output).write_bytes(pdf)
        self.stdout.write(self.style.SUCCESS(f"{output}: {len(pdf)} bytes"))
