import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.filtering import PortalFilterSet
from inclusie.keuzes import choices_for
from inclusie.models import DiversiteitsAspect, Wijk
from klankbord.constants import (
    AdviesSoort,
    AdviesUitkomst,
    SignaalBron,
    SignaalStatus,
)
from klankbord.models import Advies, Signaal

REACTIE_STATUS = [
    ("open", _("Wacht op reactie")),
    ("te_laat", _("Reactie te laat")),
    ("beantwoord", _("Beantwoord")),
]


class AdviesFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    reactie = django_filters.ChoiceFilter(
        label=_("Reactie gemeente"),
        choices=REACTIE_STATUS,
        method="filter_reactie",
        empty_label=_("Alle"),
    )
    uitkomst = django_filters.ChoiceFilter(
        label=_("Uitkomst"), choices=AdviesUitkomst.choices, empty_label=_("Alle uitkomsten")
    )
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=AdviesSoort.choices, empty_label=_("Gevraagd en ongevraagd")
    )

    class Meta:
        model = Advies
        fields = ["q", "reactie", "uitkomst", "soort"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(onderwerp__icontains=value) | Q(beleid__icontains=value) | Q(tekst__icontains=value)
        )

    def filter_reactie(self, queryset, name, value):
        vandaag = timezone.localdate()
        if value == "open":
            return queryset.filter(reactie_datum__isnull=True)
        if value == "te_laat":
            return queryset.filter(reactie_datum__isnull=True, reactie_uiterlijk__lt=vandaag)
        return queryset.filter(reactie_datum__isnull=False)


class SignaalFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    thema = django_filters.ChoiceFilter(
        label=_("Thema"), choices=choices_for("signaalthema"), empty_label=_("Alle thema's")
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"), queryset=Wijk.objects.all(), empty_label=_("Alle wijken")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=SignaalStatus.choices, empty_label=_("Alle statussen")
    )
    bron = django_filters.ChoiceFilter(
        label=_("Bron"), choices=SignaalBron.choices, empty_label=_("Alle bronnen")
    )
    aspect = django_filters.ModelChoiceFilter(
        label=_("Diversiteitsaspect"),
        field_name="aspecten",
        queryset=DiversiteitsAspect.objects.all(),
        empty_label=_("Alle aspecten"),
    )
    vanaf = django_filters.DateFilter(label=_("Vanaf datum"), field_name="datum", lookup_expr="gte")
    tot = django_filters.DateFilter(
        label=_("Tot en met datum"), field_name="datum", lookup_expr="lte"
    )

    class Meta:
        model = Signaal
        fields = ["q", "thema", "wijk", "status", "bron", "aspect", "vanaf", "tot"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(titel__icontains=value)
            | Q(omschrijving__icontains=value)
            | Q(opvolging__icontains=value)
        )
