"""What the beheerder keeps of this app on the portal's Beheer pages: the signal themes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from inclusie.keuzes import register_defaults
    from inclusie.registry import ReferenceList, register_reference_list
    from klankbord.constants import SignaalThema

    register_defaults("signaalthema", SignaalThema.choices)
    register_reference_list(
        ReferenceList(
            "signaalthemas",
            "inclusie.Keuze",
            _("Thema's van signalen"),
            _("Thema toevoegen"),
            fields=("naam", "volgorde"),
            intro=_(
                "De thema's waaronder signalen uit de stad worden vastgelegd en geteld "
                "in de monitoring."
            ),
            order=45,
            where={"lijst": "signaalthema"},
        )
    )
