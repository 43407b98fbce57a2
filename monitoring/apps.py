from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _organisaties(start, end):
    from inclusie.models import Organisatie

    return Organisatie.objects.filter(created_at__date__lt=end).count()


def _organisaties_nieuw(start, end):
    from inclusie.models import Organisatie

    return Organisatie.objects.filter(created_at__date__gte=start, created_at__date__lt=end).count()


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring en rapportage")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from inclusie.constants import Role
        from inclusie.registry import (
            FLOW,
            STOCK,
            DecisionSource,
            Figure,
            FigureSection,
            HomePanel,
            NavItem,
            PublicLink,
            RedactionSource,
            register_decision_source,
            register_figure,
            register_figure_section,
            register_nav,
            register_panel,
            register_public_link,
            register_redaction_source,
        )

        # Register the Celery tasks now, while the app is active: a task module first
        # imported after `app.close()` (which deregisters the app) would stay unknown.
        from monitoring import models, schedule, tasks  # noqa: F401
        from monitoring.services import redaction

        register_redaction_source(
            RedactionSource("monitoring", office_holders=redaction.office_holders)
        )
        from monitoring import beheer

        beheer.register()

        # A new snapshot version is an explicit act: who, when, which version, why.
        auditlog.register(
            models.Snapshot, include_fields=["periode", "versie", "reden", "gemaakt_door"]
        )
        # ... and so is moving a raadsmededeling to a newer version.
        auditlog.register(models.Raadsmededeling, include_fields=["momentopname"])
        register_figure_section(FigureSection("relaties", _("Organisaties en contacten"), order=20))
        register_figure(
            Figure(
                "relaties.organisaties",
                _("Organisaties in beeld"),
                _organisaties,
                order=50,
                kind=STOCK,
            )
        )
        register_figure(
            Figure(
                "relaties.organisaties_nieuw",
                _("Nieuwe organisaties dit halfjaar"),
                _organisaties_nieuw,
                order=51,
                kind=FLOW,
            )
        )
        register_nav(
            NavItem(_("Dashboard"), "dashboard", "dashboard", order=10, section="resultaten")
        )
        register_nav(
            NavItem(
                _("Monitoring"), "monitoring:index", "monitoring", order=70, section="resultaten"
            )
        )
        register_nav(
            NavItem(
                _("Rapporten"),
                "monitoring:rapport-list",
                "rapporten",
                order=71,
                section="resultaten",
            )
        )
        register_public_link(
            PublicLink(_("Raadsmededelingen (archief)"), "openbaar-raadsmededelingen", order=20)
        )
        register_panel(
            HomePanel(
                "monitoring/panels/wethouder.html",
                roles=(Role.WETHOUDER, Role.BELEIDSADVISEUR),
                context=_panel_context,
                order=20,
            )
        )
        register_decision_source(
            DecisionSource("monitoring.raadsmededelingen", (Role.WETHOUDER,), _te_besluiten)
        )
        post_migrate.connect(schedule.ensure_schedule, sender=self)

        from inclusie.reports import ReportKind, register_report_kind
        from monitoring.models import Rapport
        from monitoring.services.reports import rapport_ready, rapport_render

        register_report_kind(ReportKind(Rapport, render=rapport_render, on_done=rapport_ready))


def _panel_context(request):
    from monitoring.constants import MededelingStatus
    from monitoring.models import Raadsmededeling, Snapshot

    return {
        "laatste_momentopname": Snapshot.objects.only("periode", "gemaakt_op").first(),
        "te_beoordelen": Raadsmededeling.objects.filter(status=MededelingStatus.CONCEPT)[:3],
    }


def _te_besluiten(request) -> list:
    from django.utils.translation import gettext as _t

    from inclusie.registry import Decision
    from monitoring.selectors import raadsmededelingen_te_besluiten

    return [
        Decision(
            label=_t("Raadsmededeling %(nr)s beoordelen en goedkeuren: %(onderwerp)s")
            % {"nr": m.nummer, "onderwerp": m.onderwerp},
            url=m.get_absolute_url(),
            kind=_t("Raadsmededeling"),
        )
        for m in raadsmededelingen_te_besluiten()
    ]
