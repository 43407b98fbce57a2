from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadeursConfig(AppConfig):
    name = "ambassadeurs"
    verbose_name = _("Ambassadeurs")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from ambassadeurs import models, panels, persondata, selectors
        from inclusie.constants import Role
        from inclusie.registry import (
            FLOW,
            STOCK,
            Figure,
            FigureSection,
            HomePanel,
            NavItem,
            PublicLink,
            register_figure,
            register_figure_section,
            register_nav,
            register_panel,
            register_public_link,
        )

        persondata.register()
        from inclusie.pickers import Bron
        from inclusie.pickers import register as register_picker

        register_picker(
            Bron(
                models.Ambassadeur,
                ("persoon__naam",),
                area="ambassadeurs",
                label=lambda a: a.persoon.naam,
                select_related=("persoon",),
            )
        )
        # Personal data: every change is audit-logged.
        auditlog.register(models.Ambassadeur, m2m_fields={"bereik"})
        auditlog.register(models.StatusWijziging)
        auditlog.register(models.CoachingNotitie)
        auditlog.register(models.Activiteit)

        register_nav(
            NavItem(_("Ambassadeurs"), "ambassadeur-list", "ambassadeurs", order=30, section="deal")
        )
        register_nav(
            NavItem(
                _("Mijn ambassadeurschap"),
                "mijn-ambassadeurschap",
                "mijn_ambassadeurschap",
                order=30,
                section="mijn",
            )
        )
        register_panel(
            HomePanel(
                "ambassadeurs/panels/mijn_activiteiten.html",
                roles=(Role.AMBASSADEUR,),
                context=panels.mijn_activiteiten,
                order=20,
            )
        )
        register_panel(
            HomePanel(
                "ambassadeurs/panels/kwartiermaker.html",
                roles=(Role.KWARTIERMAKER,),
                context=panels.kwartiermaker,
                order=40,
            )
        )
        register_public_link(PublicLink(_("Onze ambassadeurs"), "openbaar-ambassadeurs", order=30))
        register_figure_section(FigureSection("ambassadeurs", _("Ambassadeurs"), order=30))
        register_figure(
            Figure(
                code="ambassadeurs.actief",
                label=_("Actieve ambassadeurs (einde periode)"),
                compute=selectors.figuur_actief,
                order=30,
                kind=STOCK,
            )
        )
        register_figure(
            Figure(
                code="ambassadeurs.activiteiten",
                label=_("Activiteiten van ambassadeurs per soort"),
                compute=selectors.figuur_activiteiten,
                order=31,
                kind=FLOW,
            )
        )
