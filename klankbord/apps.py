from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KlankbordConfig(AppConfig):
    name = "klankbord"
    verbose_name = _("Klankbordgroep en signalen")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.conf import settings

        from klankbord import beheer

        beheer.register()

        from inclusie.constants import Role
        from inclusie.registry import (
            FLOW,
            STOCK,
            DecisionSource,
            Figure,
            FigureSection,
            HomePanel,
            NavItem,
            register_decision_source,
            register_figure,
            register_figure_section,
            register_nav,
            register_panel,
            warn_when_any,
        )
        from klankbord import models, panels, selectors

        # Named periodic task, added here rather than in settings.py so apps do not
        # collide there; the DatabaseScheduler copies it into the database (editable).
        settings.CELERY_BEAT_SCHEDULE.setdefault(
            "klankbord-reactie-herinneringen",
            {"task": "klankbord.tasks.herinner_reacties", "schedule": 24 * 3600.0},
        )

        from klankbord import persondata

        persondata.register()
        auditlog.register(models.KlankbordLid, m2m_fields={"kennis", "bereik"})
        auditlog.register(models.Advies)
        auditlog.register(models.Signaal, m2m_fields={"aspecten"})

        register_nav(
            NavItem(_("Klankbordgroep"), "klankbord", "klankbord", order=40, section="beleid")
        )
        register_nav(NavItem(_("Signalen"), "signaal-list", "signalen", order=45, section="beleid"))
        register_panel(
            HomePanel(
                "klankbord/panels/open_adviezen.html",
                roles=(Role.KLANKBORDLID, Role.BELEIDSADVISEUR),
                context=panels.open_adviezen,
                order=30,
            )
        )
        register_panel(
            HomePanel(
                "klankbord/panels/te_laat.html",
                roles=(Role.KWARTIERMAKER, Role.WETHOUDER),
                context=panels.te_laat,
                order=35,
            )
        )
        register_decision_source(
            DecisionSource("klankbord.reacties", (Role.WETHOUDER,), panels.te_beantwoorden)
        )
        register_figure_section(
            FigureSection(
                "klankbord", _("Klankbordgroep: adviezen en reacties van de gemeente"), order=60
            )
        )
        register_figure_section(FigureSection("signalen", _("Signalen uit de stad"), order=70))
        for code, label, fn, order, kind, warning in (
            (
                "klankbord.adviezen",
                _("Adviezen van de klankbordgroep per uitkomst"),
                selectors.figuur_adviezen,
                40,
                FLOW,
                None,
            ),
            (
                "klankbord.reacties_op_tijd",
                _("Reacties van de gemeente op tijd (%)"),
                selectors.figuur_reacties_op_tijd,
                41,
                FLOW,
                None,
            ),
            (
                "klankbord.reacties_te_laat",
                _("Reacties van de gemeente te laat (einde periode)"),
                selectors.figuur_reacties_te_laat,
                42,
                STOCK,
                warn_when_any,
            ),
            (
                "signalen.per_thema",
                _("Signalen uit de stad per thema"),
                selectors.signalen_per_thema,
                45,
                FLOW,
                None,
            ),
        ):
            register_figure(
                Figure(
                    code=code,
                    label=label,
                    compute=fn,
                    order=order,
                    kind=kind,
                    warning=warning,
                )
            )
