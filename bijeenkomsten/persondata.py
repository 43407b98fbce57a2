"""Invitations, attendance and attendance consent (inclusie.persondata)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inclusie.persondata import PersonSource, describe_fields, register_person_source


def _delete(obj) -> str:
    obj.delete()
    return "verwijderd"


def register() -> None:
    from bijeenkomsten.models import AanwezigheidToestemming, Uitnodiging

    register_person_source(
        PersonSource(
            "bijeenkomsten.uitnodiging",
            _("Uitnodigingen en aanwezigheid"),
            find=lambda ref: Uitnodiging.objects.filter(
                Q(user_id__in=ref.user_ids) | Q(persoon_id__in=ref.persoon_ids)
            ).select_related("bijeenkomst"),
            describe=lambda u: {
                "Bijeenkomst": str(u.bijeenkomst),
                **describe_fields(u, ["antwoord", "beantwoord_op", "aanwezigheid"]),
            },
            # Attendance counts stay; the name goes with the account or person.
            erase=lambda u: "blijft staan zonder naam (aanwezigheid telt mee)",
            order=50,
        )
    )
    register_person_source(
        PersonSource(
            "bijeenkomsten.aanwezigheidtoestemming",
            _("Toestemming om aanwezigheid te tonen"),
            find=lambda ref: AanwezigheidToestemming.objects.filter(user_id__in=ref.user_ids),
            describe=lambda t: describe_fields(t, ["zichtbaar", "vastgelegd_op"]),
            erase=_delete,
            order=51,
        )
    )
