"""What the beheerder keeps of this app, on the portal's Beheer pages (not /admin/)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from auditlog.registry import auditlog
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    from inclusie.registry import (
        BeheerLink,
        NavItem,
        ReferenceList,
        register_beheer_link,
        register_nav,
        register_reference_list,
    )
    from monitoring.models import OpenbaarAmbtsdrager

    auditlog.register(OpenbaarAmbtsdrager)
    # Who changed the report schedule, and to what.
    auditlog.register(PeriodicTask, include_fields=["crontab", "enabled"])
    auditlog.register(CrontabSchedule)
    register_reference_list(
        ReferenceList(
            "ambtsdragers",
            "monitoring.OpenbaarAmbtsdrager",
            _("Openbare ambtsdragers"),
            _("Ambtsdrager toevoegen"),
            fields=("naam", "functie"),
            intro=_(
                "Burgemeester, wethouders, raadsleden: hun namen blijven staan als een "
                "raadsmededeling openbaar wordt gemaakt. Alle andere namen worden weggelakt."
            ),
            order=50,
        )
    )
    register_nav(
        NavItem(
            _("Planning van de rapporten"),
            "monitoring:planning",
            "beheer",
            action="change",
            order=940,
            section="beheer",
        )
    )
    register_beheer_link(
        BeheerLink(
            _("Planning van de rapporten"),
            "monitoring:planning",
            _("Wanneer het portaal de halfjaarlijkse momentopname en de concepten maakt."),
            order=50,
        )
    )
