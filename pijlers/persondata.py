"""Pijler memberships (inclusie.persondata)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.persondata import (
    PersonSource,
    describe_fields,
    register_person_source,
    register_persons_in_use,
)


def _in_use():
    from pijlers.models import Lidmaatschap

    today = timezone.localdate()
    return Lidmaatschap.objects.filter(Q(tot__isnull=True) | Q(tot__gte=today)).values_list(
        "persoon_id", flat=True
    )


def register() -> None:
    from pijlers.models import Lidmaatschap

    register_persons_in_use(_in_use)
    register_person_source(
        PersonSource(
            "pijlers.lidmaatschap",
            _("Lidmaatschap van pijlers"),
            find=lambda ref: Lidmaatschap.objects.filter(
                persoon_id__in=ref.persoon_ids
            ).select_related("pijler", "organisatie"),
            describe=lambda lid: describe_fields(
                lid, ["pijler", "organisatie", "rol", "sinds", "tot"]
            ),
            # The seat holds no data beyond the link to the person, who is anonymised.
            erase=lambda lid: "blijft staan met de geanonimiseerde persoon (telt mee)",
            order=20,
        )
    )
