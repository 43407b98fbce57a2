"""What the beheerder keeps of this app on the portal's Beheer pages: the themes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from deal.constants import Thema
    from inclusie.keuzes import register_defaults
    from inclusie.registry import ReferenceList, register_reference_list

    register_defaults("thema", Thema.choices)
    register_reference_list(
        ReferenceList(
            "themas",
            "inclusie.Keuze",
            _("Thema's van toezeggingen en kennis"),
            _("Thema toevoegen"),
            fields=("naam", "volgorde"),
            intro=_("De thema's waaronder partners hun toezeggingen en de kennisbank ordenen."),
            order=40,
            where={"lijst": "thema"},
        )
    )
