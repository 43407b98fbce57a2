"""Registers the assignment's navigation, home panel and figures (called from InclusieConfig)."""

from django.utils.translation import gettext_lazy as _


def register() -> None:
    from inclusie.constants import Role
    from inclusie.opdracht import panels, selectors
    from inclusie.registry import (
        Figure,
        HomePanel,
        NavItem,
        register_figure,
        register_nav,
        register_panel,
    )

    register_nav(NavItem(_("Opdracht en uren"), "opdracht", "opdracht", order=70))
    register_panel(
        HomePanel(
            "opdracht/panels/stand.html",
            roles=(Role.KWARTIERMAKER, Role.WETHOUDER),
            context=panels.opdracht_stand,
            order=10,
        )
    )
    register_figure(
        Figure(
            code="opdracht.uren",
            label=_("Uren kwartiermaker"),
            compute=selectors.figuur_uren,
            unit=_("uur"),
            order=70,
        )
    )
    register_figure(
        Figure(
            code="opdracht.budget",
            label=_("Besteed budget kwartiermaker"),
            compute=selectors.figuur_budget,
            unit=_("euro"),
            order=71,
        )
    )
