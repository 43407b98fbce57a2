"""Reference lists the beheerder keeps on the portal's own pages (not in /admin/).

Apps register a list (inclusie.registry.ReferenceList); this module gives the URL
converter for their codes, the list's filter, and `only_active_choices`, which every
form page applies so a deactivated wijk or aspect is no longer offered while the
rows that already have it keep it.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inclusie.filtering import PortalFilterSet
from inclusie.registry import ReferenceList, reference_list, reference_lists


class ReferenceListConverter:
    """`<lijst:code>`: only the codes of registered lists; the role matrix samples "wijken"."""

    regex = "[a-z][a-z0-9-]*"
    sample = "wijken"

    def to_python(self, value: str) -> ReferenceList:
        lijst = reference_list(value)
        if lijst is None:
            raise ValueError(value)  # a 404
        return lijst

    def to_url(self, value: ReferenceList | str) -> str:
        return value if isinstance(value, str) else value.code


class ActiefFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken op naam"), field_name="naam", lookup_expr="icontains"
    )
    actief = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=(("ja", _("Actief")), ("nee", _("Niet meer actief"))),
        empty_label=_("Alle"),
        method="filter_actief",
    )

    def filter_actief(self, queryset, name, value):
        return queryset.filter(actief=value == "ja")


def filter_for(lijst: ReferenceList) -> type[ActiefFilter]:
    model = lijst.get_model()
    meta = type("Meta", (), {"model": model, "fields": ["q", "actief"]})
    return type(f"{model.__name__}BeheerFilter", (ActiefFilter,), {"Meta": meta})


def _reference_models() -> set:
    return {lijst.get_model() for lijst in reference_lists()}


def _pks(value) -> list:
    if value in (None, ""):
        return []
    values = value if isinstance(value, list | tuple | set) else [value]
    return [getattr(v, "pk", v) for v in values if v not in (None, "")]


def only_active_choices(form: forms.BaseForm) -> None:
    """Offer only active rows of a reference list, plus whatever the form already holds."""
    from inclusie.keuzes import keuzes

    models = _reference_models()
    for name, field in form.fields.items():
        lijst = getattr(field, "keuzelijst", None)
        if lijst:  # a KeuzeField: sector, theme ...
            current = form.initial.get(name, field.initial) or ""
            offered = keuzes(lijst, alleen_actief=True, ook=str(current))
            field.choices = offered if field.required else [("", "---------"), *offered]
            continue
        queryset = getattr(field, "queryset", None)
        if queryset is None or queryset.model not in models:
            continue
        current = _pks(form.initial.get(name, field.initial))
        field.queryset = queryset.filter(Q(actief=True) | Q(pk__in=current))
