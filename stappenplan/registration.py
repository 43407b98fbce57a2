"""Navigation, home panels and monitoring figures of the stappenplan and the verkenning."""

from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role
from inclusie.registry import (
    FLOW,
    STOCK,
    Figure,
    FigureSection,
    HomePanel,
    NavItem,
    register_figure,
    register_figure_section,
    register_nav,
    register_panel,
)


def _panel_verkenningen(request) -> dict:
    from stappenplan import selectors as sel
    from stappenplan.models import Verkenning

    qs = sel.verkenningen_visible(user=request.user).filter(
        status=Verkenning.Status.CONCEPT, eigenaar=request.user
    )
    return {"verkenningen": list(qs.order_by("-updated_at")[:5])}


def _panel_gedeeld(request) -> dict:
    """Verkenningen a colleague shared with this adviser and still in progress."""
    from stappenplan import selectors as sel

    return {"gedeeld": sel.verkenningen_gedeeld_met(user=request.user)}


def _panel_stappenplan(request) -> dict:
    from stappenplan import selectors as sel

    return {"stappen": [s for s in sel.stappen() if s.soort == "stap"]}


def register() -> None:
    from inclusie.reports import ReportKind, register_report_kind
    from stappenplan.models import VerkenningRapport
    from stappenplan.services import rapport_render

    register_report_kind(ReportKind(VerkenningRapport, render=rapport_render))

    from stappenplan import beheer, persondata

    persondata.register()
    beheer.register()
    register_nav(
        NavItem(_("Stappenplan"), "stappenplan", "stappenplan", order=40, section="beleid")
    )
    register_nav(
        NavItem(_("Verkenningen"), "verkenning-list", "verkenning", order=41, section="beleid")
    )
    register_panel(
        HomePanel(
            "stappenplan/verkenning/panels/gedeeld.html",
            roles=(Role.BELEIDSADVISEUR,),
            context=_panel_gedeeld,
            order=5,
        )
    )
    register_panel(
        HomePanel(
            "stappenplan/verkenning/panels/verkenningen.html",
            roles=(Role.BELEIDSADVISEUR,),
            context=_panel_verkenningen,
            order=10,
        )
    )
    register_panel(
        HomePanel(
            "stappenplan/panels/status.html",
            roles=(Role.BELEIDSADVISEUR, Role.KWARTIERMAKER, Role.WETHOUDER),
            context=_panel_stappenplan,
            order=20,
        )
    )
    from stappenplan import selectors as sel

    register_figure_section(FigureSection("participatie", _("Participatie van inwoners"), order=80))
    register_figure_section(
        FigureSection("stappenplan", _("Stappenplan Inclusief Beleid"), order=90)
    )
    register_figure_section(FigureSection("verkenning", _("Verkenningen"), order=100))

    register_figure(
        Figure(
            code="stappenplan.status",
            label=_("Stappen van het stappenplan per status"),
            compute=sel.figure_stappenplan_status,
            kind=STOCK,
        )
    )
    register_figure(
        Figure(
            code="verkenning.ingediend",
            label=_("Ingediende verkenningen"),
            compute=sel.figure_verkenning_ingediend,
            kind=FLOW,
        )
    )
    register_figure(
        Figure(
            code="participatie.bereik",
            label=_("Deelnemers aan participatieactiviteiten"),
            compute=sel.figure_participatie_bereik,
            unit=_("deelnemers"),
            kind=FLOW,
        )
    )
    register_figure(
        Figure(
            code="participatie.activiteiten",
            label=_("Participatieactiviteiten per soort"),
            compute=sel.figure_participatie_activiteiten,
            kind=FLOW,
        )
    )
