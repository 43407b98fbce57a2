"""Hooks the meetings capability into the shell: navigation, home panels, figures, audit."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def _panel_komend(request) -> dict:
    from bijeenkomsten import selectors as sel

    return {"bijeenkomsten": sel.komende_bijeenkomsten(user=request.user)}


def _panel_acties(request) -> dict:
    from django.utils import timezone

    from bijeenkomsten import selectors as sel

    return {"acties": sel.mijn_open_acties(user=request.user), "vandaag": timezone.localdate()}


def register() -> None:
    from auditlog.registry import auditlog

    from bijeenkomsten import models, persondata
    from bijeenkomsten import selectors as sel
    from inclusie.constants import Role
    from inclusie.registry import (
        FLOW,
        STOCK,
        Figure,
        FigureSection,
        HomePanel,
        NavItem,
        PublicLink,
        RedactionSource,
        SlotPanel,
        register_figure,
        register_figure_section,
        register_nav,
        register_panel,
        register_public_link,
        register_redaction_source,
        register_slot_panel,
    )

    # Coming meetings of a pijler on the pijler's page.
    register_slot_panel(
        SlotPanel("pijler", "bijeenkomsten/panels/pijler.html", sel.pijler_panel, order=20)
    )

    persondata.register()

    # Personal data: who is invited, who answered what, who was there, consent.
    auditlog.register(models.Uitnodiging)
    auditlog.register(models.AanwezigheidToestemming)
    auditlog.register(models.Actie)

    register_nav(
        NavItem(
            _("Bijeenkomsten"),
            "bijeenkomst-list",
            "bijeenkomsten",
            order=20,
            section="bijeenkomsten",
        )
    )
    register_nav(
        NavItem(_("Mijn agenda"), "mijn-agenda", "agenda", order=21, section="bijeenkomsten")
    )

    everyone = tuple(Role.values)
    register_panel(
        HomePanel(
            "bijeenkomsten/panels/komend.html", roles=everyone, context=_panel_komend, order=10
        )
    )
    register_panel(
        HomePanel(
            "bijeenkomsten/panels/acties.html", roles=everyone, context=_panel_acties, order=11
        )
    )

    register_figure_section(FigureSection("bijeenkomsten", _("Bijeenkomsten en opkomst"), order=50))
    register_figure(
        Figure(
            code="bijeenkomsten.gehouden",
            label=_("Bijeenkomsten gehouden, per soort"),
            compute=sel.figuur_gehouden,
            order=40,
            kind=FLOW,
        )
    )
    register_figure(
        Figure(
            code="bijeenkomsten.opkomst",
            label=_("Opkomst: deel van de genodigden dat aanwezig was"),
            compute=sel.figuur_opkomst,
            unit="%",
            order=41,
            kind=FLOW,
        )
    )
    register_figure(
        Figure(
            code="bijeenkomsten.acties_open",
            label=_("Open actiepunten aan het eind van de periode"),
            compute=sel.figuur_acties_open,
            order=42,
            kind=STOCK,
        )
    )

    register_public_link(
        PublicLink(_("Verslagen van bijeenkomsten (archief)"), "openbaar-verslagen", order=30)
    )

    # Redaction (Woo 5.1.2e): who presents an agenda item is a free-text name.
    register_redaction_source(RedactionSource("bijeenkomsten", people=_redaction_people))


def _redaction_people():
    from bijeenkomsten.models import Agendapunt
    from inclusie.redaction import PersonRef

    for naam in (
        Agendapunt.objects.exclude(presentator="").values_list("presentator", flat=True).distinct()
    ):
        yield PersonRef(naam=naam)
