"""The kwartiermaker's assignment and hours (inclusie.persondata)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from inclusie.persondata import PersonSource, describe_fields, register_person_source


def register() -> None:
    from opdracht.models import Urenregistratie

    register_person_source(
        PersonSource(
            "opdracht.urenregistratie",
            _("Urenregistratie als kwartiermaker"),
            find=lambda ref: Urenregistratie.objects.filter(
                opdracht__kwartiermaker_id__in=ref.user_ids
            ).order_by("week"),
            describe=lambda u: describe_fields(u, ["week", "activiteit", "uren", "toelichting"]),
            kept_because=_(
                "Uren zijn de grondslag van betalingen: de financiële administratie blijft "
                "zeven jaar bewaard (fiscale bewaarplicht)."
            ),
            order=70,
        )
    )
