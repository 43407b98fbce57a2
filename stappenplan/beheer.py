"""What the beheerder keeps of this app on the portal's Beheer pages: questionnaire versions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from auditlog.registry import auditlog

    from inclusie.registry import BeheerLink, NavItem, register_beheer_link, register_nav
    from stappenplan.models import Deel, Vraag, Vragenlijst

    # Who changed which question of which version, and which version went into use.
    auditlog.register(Vragenlijst)
    auditlog.register(Deel)
    auditlog.register(Vraag)
    register_nav(
        NavItem(_("Vragenlijsten"), "vragenlijst-beheer", "beheer", order=930, section="beheer")
    )
    register_beheer_link(
        BeheerLink(
            _("Vragenlijsten van de verkenning"),
            "vragenlijst-beheer",
            _("Versies bekijken, een nieuwe versie maken en haar vragen aanpassen."),
            order=40,
        )
    )
