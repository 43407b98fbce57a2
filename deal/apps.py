from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class DealConfig(AppConfig):
    name = "deal"
    verbose_name = _("Inclusie Deal")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from deal import beheer, models, persondata, selectors

        beheer.register()
        from inclusie.pickers import Bron
        from inclusie.pickers import register as register_picker

        # Initiatives are linked to each other with the searchable combobox.
        register_picker(Bron(models.Initiatief, ("naam",), area="initiatieven"))
        from inclusie.constants import Role
        from inclusie.registry import (
            FLOW,
            STOCK,
            Figure,
            FigureSection,
            HomePanel,
            NavItem,
            PublicLink,
            SlotPanel,
            register_figure,
            register_figure_section,
            register_nav,
            register_panel,
            register_public_link,
            register_slot_panel,
        )
        from pijlers.models import Pijler

        # The Deal on a pijler's page: linked partners, commitments, initiatives, knowledge.
        register_slot_panel(SlotPanel("pijler", "deal/panels/pijler.html", selectors.pijler_panel))
        # The public Deal page lists pijlers: a changed pijler shows there at once.
        for signal in (post_save, post_delete):
            signal.connect(
                _pijler_changed, sender=Pijler, dispatch_uid=f"deal-pijler-{signal is post_save}"
            )

        persondata.register()
        # Signatory names, contact moments and people in initiatives are personal data.
        auditlog.register(models.Partner)
        auditlog.register(models.Contactmoment)
        auditlog.register(models.Initiatief, m2m_fields={"personen"})

        # Redaction (Woo 5.1.2e): signatories are people; contact persons are Persoon rows.
        from inclusie.registry import RedactionSource, register_redaction_source

        register_redaction_source(RedactionSource("deal", people=_redaction_people))

        register_nav(NavItem(_("Partners"), "deal:partner-list", "deal", order=10, section="deal"))
        register_nav(
            NavItem(
                _("Initiatieven"), "deal:initiatief-list", "initiatieven", order=30, section="deal"
            )
        )
        register_nav(
            NavItem(_("Kennisbank"), "deal:kennis-list", "kennisbank", order=40, section="deal")
        )
        register_public_link(PublicLink(_("De Inclusie Deal: wie doet mee?"), "deal:openbaar", 10))
        register_panel(
            HomePanel(
                "deal/panels/opvolgen.html",
                roles=(Role.KWARTIERMAKER,),
                context=_opvolgen_context,
                order=20,
            )
        )

        register_figure_section(FigureSection("deal", _("Groei van de Inclusie Deal"), order=10))
        register_figure(
            Figure(
                "deal.partners_per_stage",
                _("Organisaties per fase van de Deal"),
                selectors.figure_partners_per_stage,
                order=10,
                kind=STOCK,
            )
        )
        register_figure(
            Figure(
                "deal.ondertekend",
                _("Nieuw ondertekende partners"),
                selectors.figure_ondertekend,
                unit=_("organisaties"),
                order=11,
                kind=FLOW,
            )
        )
        register_figure(
            Figure(
                "deal.toezeggingen",
                _("Toezeggingen per status"),
                selectors.figure_toezeggingen,
                order=12,
                kind=STOCK,
            )
        )
        register_figure(
            Figure(
                "deal.initiatieven",
                _("Initiatieven in de stad"),
                selectors.figure_initiatieven,
                unit=_("initiatieven"),
                order=13,
                kind=STOCK,
            )
        )


def _pijler_changed(sender, **kwargs) -> None:
    from deal.services import public_cache_clear

    public_cache_clear()


def _opvolgen_context(request) -> dict:
    from deal import selectors

    return {
        "opvolgen": list(selectors.partners_opvolgen()),
        "initiatieven_los": selectors.initiatieven_los_count(),
    }


def _redaction_people():
    from deal.models import Partner
    from inclusie.redaction import PersonRef

    for naam in Partner.objects.exclude(ondertekenaar_naam="").values_list(
        "ondertekenaar_naam", flat=True
    ):
        yield PersonRef(naam=naam)
