import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ambassadeurs.constants import ActiviteitSoort, AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur
from inclusie.filtering import PortalFilterSet
from inclusie.models import GemeenteProfiel, Wijk
from pijlers.models import Pijler


class AmbassadeurFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken op naam of organisatie"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AmbassadeurStatus.choices, empty_label=_("Alle statussen")
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        field_name="persoon__wijk",
        queryset=Wijk.objects.all(),
        empty_label=_("Alle wijken"),
    )
    pijler = django_filters.ModelChoiceFilter(
        label=_("Pijler"),
        queryset=Pijler.objects.all(),
        empty_label=_("Alle pijlers"),
        method="filter_pijler",
    )

    class Meta:
        model = Ambassadeur
        fields = ["q", "status", "wijk", "pijler"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The gemeente's own word: pijler, speerpunt or uitvoeringslijn.
        term = GemeenteProfiel.cached().term
        self.filters["pijler"].label = term.Enkelvoud
        self.filters["pijler"].extra["empty_label"] = term.Alle

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(persoon__naam__icontains=value) | Q(persoon__organisatie__naam__icontains=value)
        )

    def filter_pijler(self, queryset, name, value):
        return queryset.filter(
            persoon__pijler_lidmaatschappen__pijler=value,
            persoon__pijler_lidmaatschappen__rol="ambassadeur",
            persoon__pijler_lidmaatschappen__tot__isnull=True,
        ).distinct()


class ActiviteitFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=ActiviteitSoort.choices, empty_label=_("Alle soorten")
    )
    vanaf = django_filters.DateFilter(label=_("Vanaf datum"), field_name="datum", lookup_expr="gte")
    tot = django_filters.DateFilter(
        label=_("Tot en met datum"), field_name="datum", lookup_expr="lte"
    )

    class Meta:
        model = Activiteit
        fields = ["q", "soort", "vanaf", "tot"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(titel__icontains=value)
            | Q(omschrijving__icontains=value)
            | Q(ambassadeur__persoon__naam__icontains=value)
        )
