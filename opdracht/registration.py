"""Registers the assignment's navigation, home panel, figures and audit (called from OpdrachtConfig)."""

from django.utils.translation import gettext_lazy as _


def register() -> None:
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

    register_nav(NavItem(_("Opdracht en uren"), "opdracht", "opdracht", order=70))
    register_panel(
        HomePanel(
            "opdracht/panels/stand.html",
            roles=(Role.KWARTIERMAKER, Role.WETHOUDER),
            context=panels.opdracht_stand,
            order=10,
        )
    )
    register_figure_section(
        FigureSection("opdracht", _("Kwartiermaker: uren en budget"), order=110)
    )
    register_figure(
        Figure(
            code="opdracht.uren",
            label=_("Uren kwartiermaker"),
            compute=selectors.figuur_uren,
            unit=_("uur"),
            order=70,
            kind=FLOW,
        )
    )
    register_figure(
        Figure(
            code="opdracht.budget",
            label=_("Besteed budget kwartiermaker"),
            compute=selectors.figuur_budget,
            unit=_("euro"),
            order=71,
            kind=FLOW,
        )
    )
