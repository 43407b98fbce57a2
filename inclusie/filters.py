import django_filters
from auditlog.models import LogEntry
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inclusie.filtering import PortalFilterSet
from inclusie.keuzes import choices_for
from inclusie.models import Organisatie, Persoon, Wijk


class OrganisatieFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=choices_for("sector"), empty_label=_("Alle sectoren")
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"), queryset=Wijk.objects.all(), empty_label=_("Alle wijken")
    )
    o = django_filters.OrderingFilter(
        label=_("Sorteren"),
        fields=(("naam", "naam"), ("sector", "sector"), ("created_at", "aangemaakt")),
    )

    class Meta:
        model = Organisatie
        fields = ["q", "sector", "wijk"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(naam__icontains=value) | Q(kvk_nummer__icontains=value))


class PersoonFilter(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    # A text filter, not a select of every organisation: the page must not grow
    # with the number of organisations (bench: 49 ms at scale 1, 127 ms at scale 10).
    organisatie = django_filters.CharFilter(
        label=_("Organisatie"), field_name="organisatie__naam", lookup_expr="icontains"
    )

    class Meta:
        model = Persoon
        fields = ["q", "organisatie"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(naam__icontains=value) | Q(email__icontains=value) | Q(functie__icontains=value)
        )


class AuditLogFilter(PortalFilterSet):
    """The audit log by person (who did it, or whom it is about), object and period."""

    persoon = django_filters.CharFilter(
        label=_("Persoon (naam of e-mailadres)"), method="by_person"
    )
    soort = django_filters.ModelChoiceFilter(
        label=_("Soort gegeven"),
        field_name="content_type",
        queryset=None,
        empty_label=_("Alle soorten"),
    )
    object = django_filters.CharFilter(label=_("Object (naam of nummer)"), method="by_object")
    van = django_filters.DateFilter(
        label=_("Vanaf"),
        field_name="timestamp__date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    tot = django_filters.DateFilter(
        label=_("Tot en met"),
        field_name="timestamp__date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = LogEntry
        fields = ["persoon", "soort", "object", "van", "tot"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.contenttypes.models import ContentType

        self.filters["soort"].queryset = ContentType.objects.filter(
            pk__in=LogEntry.objects.values("content_type").distinct()
        ).order_by("model")

    def by_person(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(actor__naam__icontains=value)
            | Q(actor__email__icontains=value)
            | Q(object_repr__icontains=value)
        )

    def by_object(self, queryset, name, value):
        value = value.strip()
        if value.isascii() and value.isdigit():
            return queryset.filter(Q(object_pk=value) | Q(object_repr__icontains=value))
        return queryset.filter(object_repr__icontains=value)
