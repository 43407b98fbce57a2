"""Registers the assignment's navigation, home panel, figures and audit (called from OpdrachtConfig)."""

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from opdracht import persondata

    persondata.register()
    from auditlog.registry import auditlog

    from inclusie.constants import Role
    from inclusie.registry import (
        FLOW,
        Figure,
        FigureSection,
        HomePanel,
        NavItem,
        register_figure,
        register_figure_section,
        register_nav,
        register_panel,
    )
    from opdracht import models, panels, selectors

    auditlog.register(models.Opdracht)
    auditlog.register(models.Urenregistratie)

    register_nav(
        NavItem(_("Opdracht en uren"), "opdracht", "opdracht", order=70, section="resultaten")
    )
    register_panel(
        HomePanel(
            "opdracht/panels/stand.html",
            roles=(Role.KWARTIERMAKER, Role.WETHOUDER),
            context=panels.opdracht_stand,
            order=10,
        )
    )
    # What the programme shows of the kwartiermaker's assignment (README, "The kwartiermaker's
    # hours"): the spend against the programme budget, per period, is programme information
    # and goes to the dashboard and the raadsmededeling. One person's hours are personal
    # data: they stay on the assignment pages (area "opdracht") and are no figure, so no
    # snapshot, dashboard or public document can print them.
    register_figure_section(
        FigureSection("opdracht", _("Programmabudget kwartiermaker"), order=110)
    )
    register_figure(
        Figure(
            code="opdracht.budget",
            label=_("Besteed programmabudget kwartiermaker"),
            compute=selectors.figuur_budget,
            unit=_("euro"),
            order=71,
            kind=FLOW,
        )
    )
