from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InclusieConfig(AppConfig):
    name = "inclusie"
    label = "inclusie"
    verbose_name = _("Inclusie Portaal")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.db.backends.signals import connection_created

        from inclusie import fragments

        # Every write to the data makes cached fragments (home panels) stale at once.
        connection_created.connect(fragments.install, dispatch_uid="inclusie-fragments")
        fragments.install()
        from django.core.signals import request_started

        from inclusie import keuzes

        # Choice lists are read once per request (inclusie/keuzes.py).
        request_started.connect(keuzes.clear_memo, dispatch_uid="inclusie-keuzes-memo")
        from django.urls import register_converter

        from inclusie.ids import IdConverter

        # `<id:pk>` in every URL: ASCII digits only (inclusie/ids.py); registered before any
        # URLconf is imported.
        register_converter(IdConverter, "id")
        from inclusie.beheer import ReferenceListConverter

        register_converter(ReferenceListConverter, "lijst")

        # Register the core's Celery tasks (notifications, the report pipeline) while the
        # Celery app is active, as monitoring/apps.py does for its own.
        from inclusie import models, tasks  # noqa: F401
        from inclusie.constants import Role
        from inclusie.registry import (
            HomePanel,
            NavItem,
            ReferenceList,
            register_nav,
            register_panel,
            register_reference_list,
        )
        from inclusie.twofactor import checks, signals  # noqa: F401 - registers check + receiver

        # Every model holding personal data is audit-logged.
        auditlog.register(
            models.User,
            exclude_fields=["password", "last_login", "calendar_token", "tweestaps_versie"],
        )
        auditlog.register(models.Persoon)
        auditlog.register(models.Organisatie)
        auditlog.register(models.GemeenteProfiel)
        auditlog.register(models.Lakbesluit)
        # The beheerder's reference lists: every change shows in the log.
        auditlog.register(models.Wijk)
        auditlog.register(models.DiversiteitsAspect)
        auditlog.register(models.Keuze)
        from inclusie.constants import Sector
        from inclusie.keuzes import register_defaults

        register_defaults("sector", Sector.choices)

        from inclusie import redaction
        from inclusie.registry import RedactionSource, register_redaction_source

        register_redaction_source(
            RedactionSource(
                "inclusie",
                people=redaction.core_people,
                office_holders=redaction.core_office_holders,
                public_phrases=redaction.core_public_phrases,
            )
        )

        # Records people choose with the searchable combobox (inclusie/pickers.py).
        from inclusie.pickers import Bron, register

        register(Bron(models.Persoon, ("naam", "email"), area="relaties"))
        register(Bron(models.Organisatie, ("naam",), area="relaties"))
        register(Bron(models.User, ("naam", "email"), area="relaties"))

        register_nav(NavItem(_("Home"), "home", "home", order=0, section="start"))
        register_nav(
            NavItem(_("Organisaties"), "organisatie-list", "relaties", order=80, section="deal")
        )
        register_nav(NavItem(_("Personen"), "persoon-list", "relaties", order=81, section="deal"))
        # Under "Beheer": the overview, then the pages a beheerder opens most.
        register_nav(NavItem(_("Overzicht"), "beheer", "beheer", order=900, section="beheer"))
        register_nav(
            NavItem(_("Gebruikers"), "gebruiker-list", "beheer", order=910, section="beheer")
        )
        register_nav(NavItem(_("Lijsten"), "beheer-lijsten", "beheer", order=920, section="beheer"))
        register_reference_list(
            ReferenceList(
                "wijken",
                "inclusie.Wijk",
                _("Wijken en kernen"),
                _("Wijk of kern toevoegen"),
                fields=("naam", "is_kern"),
                intro=_(
                    "De wijken en kernen die organisaties, personen en initiatieven kunnen kiezen."
                ),
                order=10,
            )
        )
        register_reference_list(
            ReferenceList(
                "diversiteitsaspecten",
                "inclusie.DiversiteitsAspect",
                _("Diversiteitsaspecten"),
                _("Diversiteitsaspect toevoegen"),
                fields=("naam", "toelichting", "volgorde"),
                intro=_(
                    "Aspecten van het diversiteitsvlechtwerk, als label bij kennis en bereik. "
                    "Nooit als kenmerk van een persoon."
                ),
                order=20,
            )
        )
        register_reference_list(
            ReferenceList(
                "sectoren",
                "inclusie.Keuze",
                _("Sectoren"),
                _("Sector toevoegen"),
                fields=("naam", "volgorde"),
                intro=_("De sectoren waarin u organisaties indeelt."),
                order=30,
                where={"lijst": "sector"},
            )
        )
        register_panel(
            HomePanel(
                "inclusie/panels/beheer.html",
                roles=(Role.BEHEERDER,),
                context=_beheer_links,
                order=900,
            )
        )
        # The wethouder's home starts with what waits for their decision (sources per app).
        register_panel(
            HomePanel(
                "inclusie/panels/te_besluiten.html",
                roles=(Role.WETHOUDER,),
                context=_te_besluiten,
                order=0,
            )
        )


def _beheer_links(request) -> dict:
    from inclusie.registry import beheer_links

    return {"links": beheer_links()}


def _te_besluiten(request) -> dict:
    from inclusie.registry import decisions_for

    return {"besluiten": decisions_for(request)}
