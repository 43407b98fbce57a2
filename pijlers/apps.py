from django.apps import AppConfig
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
        from pijlers import figures, models, persondata

        persondata.register()
        auditlog.register(models.Lidmaatschap)

        # Pijler names are public: never redacted, even when they contain a surname.
        from inclusie.registry import RedactionSource, register_redaction_source

        register_redaction_source(RedactionSource("pijlers", public_phrases=_pijler_namen))

        register_nav(
            NavItem(lambda gemeente: gemeente.term_pijlers, "pijlers:list", "pijlers", order=20)
        )
        register_panel(
            HomePanel(
                "pijlers/panels/ambassadeur_regel.html",
                roles=(Role.KWARTIERMAKER,),
                context=_regel_context,
                order=15,
            )
        )
        register_figure_section(FigureSection("pijlers", _("Pijlers"), order=40))
        register_figure(
            Figure(
                "pijlers.zonder_ambassadeur",
                _("Pijlers zonder ambassadeur"),
                figures.zonder_ambassadeur,
                order=20,
                kind=STOCK,
                warning=warn_when_any,
                labels_are_data=True,
            )
        )


def _regel_context(request) -> dict:
    from pijlers.selectors import pijlers_zonder_ambassadeur

    return {"zonder_ambassadeur": pijlers_zonder_ambassadeur()}


def _pijler_namen():
    from pijlers.models import Pijler

    return Pijler.objects.values_list("naam", flat=True)
