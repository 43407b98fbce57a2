from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class PijlersConfig(AppConfig):
    name = "pijlers"
    verbose_name = _("Pijlers")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from inclusie.constants import Role
        from inclusie.registry import (
            STOCK,
            Figure,
            FigureSection,
            HomePanel,
            NavItem,
            register_figure,
            register_figure_section,
            register_nav,
            register_panel,
            warn_when_any,
        )
        from inclusie.terms import term_lazy
        from pijlers import figures, models, persondata

        persondata.register()
        auditlog.register(models.Lidmaatschap)

        # Pijler names are public: never redacted, even when they contain a surname.
        from inclusie.registry import RedactionSource, register_redaction_source

        register_redaction_source(RedactionSource("pijlers", public_phrases=_pijler_namen))

        register_nav(
            NavItem(
                lambda gemeente: gemeente.term.Meervoud,
                "pijlers:list",
                "pijlers",
                order=20,
                section="deal",
            )
        )
        register_panel(
            HomePanel(
                "pijlers/panels/ambassadeur_regel.html",
                roles=(Role.KWARTIERMAKER,),
                context=_regel_context,
                order=15,
            )
        )
        # The gemeente's own word, read when the dashboard or report is drawn.
        register_figure_section(FigureSection("pijlers", term_lazy(_section_heading), order=40))
        register_figure(
            Figure(
                "pijlers.zonder_ambassadeur",
                term_lazy(_zonder_ambassadeur_label),
                figures.zonder_ambassadeur,
                order=20,
                kind=STOCK,
                warning=warn_when_any,
                labels_are_data=True,
            )
        )


def _section_heading(term) -> str:
    # The default word keeps the catalogue's wording (English: "Pillars").
    return gettext("Pijlers") if term.meervoud == "pijlers" else term.Meervoud


def _zonder_ambassadeur_label(term) -> str:
    if term.meervoud == "pijlers":
        return gettext("Pijlers zonder ambassadeur")
    return gettext("%(terms)s zonder ambassadeur") % {"terms": term.Meervoud}


def _regel_context(request) -> dict:
    from pijlers.selectors import pijlers_zonder_ambassadeur

    return {"zonder_ambassadeur": pijlers_zonder_ambassadeur()}


def _pijler_namen():
    from pijlers.models import Pijler

    return Pijler.objects.values_list("naam", flat=True)
