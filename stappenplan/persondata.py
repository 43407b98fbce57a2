"""Werkgroep members and verkenning authors (inclusie.persondata)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inclusie.persondata import (
    PersonSource,
    describe_fields,
    register_person_source,
    register_persons_in_use,
)


def register() -> None:
    from stappenplan.models import Verkenning, WerkgroepLid

    # A werkgroep member is needed as long as the membership exists (no end date).
    register_persons_in_use(lambda: WerkgroepLid.objects.values_list("persoon_id", flat=True))
    register_person_source(
        PersonSource(
            "stappenplan.werkgroeplid",
            _("Lidmaatschap van de werkgroep"),
            find=lambda ref: WerkgroepLid.objects.filter(
                persoon_id__in=ref.persoon_ids
            ).select_related("werkgroep"),
            describe=lambda lid: describe_fields(lid, ["werkgroep", "domein", "rol", "kennis"]),
            erase=lambda lid: "blijft staan met de geanonimiseerde persoon",
            order=60,
        )
    )
    register_person_source(
        PersonSource(
            "stappenplan.verkenning",
            _("Verkenningen (als eigenaar of gedeeld)"),
            find=lambda ref: Verkenning.objects.filter(
                Q(eigenaar_id__in=ref.user_ids) | Q(gedeeld_met__in=ref.user_ids)
            ).distinct(),
            describe=lambda v: describe_fields(v, ["titel", "jaar", "status", "created_at"]),
            kept_because=_(
                "Een verkenning is een beleidsdocument van de gemeente (Archiefwet); "
                "de naam van de opsteller verdwijnt met het account."
            ),
            order=61,
        )
    )
