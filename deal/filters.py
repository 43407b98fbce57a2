import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from deal.constants import Fase, InitiatiefStatus, KennisSoort
from deal.models import Initiatief, KennisItem, Partner
from inclusie.filtering import PortalFilterSet
from inclusie.keuzes import choices_for
from inclusie.models import Wijk
from pijlers.models import Pijler


def term_pijler() -> str:
    from inclusie.models import GemeenteProfiel

    return GemeenteProfiel.cached().term_pijler


def _pijler_label():
    from inclusie.models import GemeenteProfiel

    return GemeenteProfiel.cached().term.Enkelvoud


class TermMixin:
    """Label the pijler filter with the gemeente's own word."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "pijler" in self.filters:
            self.filters["pijler"].label = _pijler_label()
            self.filters["pijler"].extra["empty_label"] = _("Alle")
        if "los" in self.filters:
            self.filters["los"].label = _("Verbonden met partner of %(term)s") % {
                "term": term_pijler()
            }


class PartnerFilter(TermMixin, PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    fase = django_filters.ChoiceFilter(
        label=_("Fase"), choices=Fase.choices, empty_label=_("Alle fasen")
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        field_name="organisatie__sector",
        choices=choices_for("sector"),
        empty_label=_("Alle sectoren"),
    )
    pijler = django_filters.ModelChoiceFilter(
        label=_("Pijler"), field_name="pijlers", queryset=Pijler.objects.all()
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        field_name="organisatie__wijk",
        queryset=Wijk.objects.all(),
        empty_label=_("Alle wijken"),
    )
    o = django_filters.OrderingFilter(
        label=_("Sorteren"),
        fields=(
            ("organisatie__naam", "naam"),
            ("fase", "fase"),
            ("fase_sinds", "sinds"),
            ("volgende_actie_op", "opvolgen"),
        ),
        empty_label=_("Standaard (naam)"),
        field_labels={
            "organisatie__naam": _("Naam"),
            "fase": _("Fase"),
            "fase_sinds": _("In fase sinds"),
            "volgende_actie_op": _("Opvolgen op"),
        },
    )

    class Meta:
        model = Partner
        fields = ["q", "fase", "sector", "pijler", "wijk"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(organisatie__naam__icontains=value) | Q(organisatie__kvk_nummer__icontains=value)
        )


class InitiatiefFilter(TermMixin, PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=InitiatiefStatus.choices, empty_label=_("Alle")
    )
    pijler = django_filters.ModelChoiceFilter(label=_("Pijler"), queryset=Pijler.objects.all())
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"), queryset=Wijk.objects.all(), empty_label=_("Alle wijken")
    )
    los = django_filters.ChoiceFilter(
        label=_("Verbonden met partner of pijler"),
        method="filter_los",
        choices=[("true", _("Nog niet verbonden")), ("false", _("Wel verbonden"))],
        empty_label=_("Alle"),
    )

    class Meta:
        model = Initiatief
        fields = ["q", "status", "pijler", "wijk", "los"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(naam__icontains=value) | Q(omschrijving__icontains=value))

    def filter_los(self, queryset, name, value):
        from deal.selectors import los_q

        return queryset.filter(los_q()) if value == "true" else queryset.exclude(los_q())


class KennisFilter(TermMixin, PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=KennisSoort.choices, empty_label=_("Alle soorten")
    )
    thema = django_filters.ChoiceFilter(
        label=_("Thema"), choices=choices_for("thema"), empty_label=_("Alle thema's")
    )
    pijler = django_filters.ModelChoiceFilter(
        label=_("Pijler"), field_name="pijlers", queryset=Pijler.objects.all()
    )

    class Meta:
        model = KennisItem
        fields = ["q", "soort", "thema", "pijler"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(titel__icontains=value) | Q(omschrijving__icontains=value))
