from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role
from inclusie.models import User
from inclusie.pickers import use_kiezers
from inclusie.werkbank_forms import FieldsetFormMixin, apply_dates
from opdracht.models import Opdracht, Uitgave, UrenActiviteit, Urenregistratie


class OpdrachtForm(forms.ModelForm):
    class Meta:
        model = Opdracht
        fields = [
            "omschrijving",
            "programma",
            "kwartiermaker",
            "start",
            "eind",
            "uren_per_week",
            "budget",
            "uurtarief",
            "borging",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["kwartiermaker"].queryset = User.objects.filter(role=Role.KWARTIERMAKER)
        use_kiezers(self, "kwartiermaker")


class UrenForm(forms.ModelForm):
    class Meta:
        model = Urenregistratie
        fields = ["opdracht", "week", "activiteit", "uren", "toelichting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["week"].initial = timezone.localdate()
        self.fields["uren"].widget.attrs.update({"step": "0.25", "inputmode": "decimal"})


class UitgaveForm(forms.ModelForm):
    class Meta:
        model = Uitgave
        fields = ["opdracht", "datum", "omschrijving", "bedrag"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["datum"].initial = timezone.localdate()
        self.fields["bedrag"].label = _("Bedrag in euro")


class UrenWeekForm(FieldsetFormMixin, forms.Form):
    """All hours of one week in one go: one field per part of the assignment."""

    opdracht = forms.ModelChoiceField(label=_("Opdracht"), queryset=Opdracht.objects.all())
    week = forms.DateField(
        label=_("Week"), help_text=_("Een dag in de week; de uren tellen voor die hele week.")
    )
    toelichting = forms.CharField(label=_("Toelichting"), max_length=300, required=False)
    # The week's hours as the form showed them (selectors.uren_week_stempel): saving
    # refuses to replace hours the user has not seen.
    gezien = forms.CharField(required=False, widget=forms.HiddenInput, max_length=400)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["week"].initial = timezone.localdate()
        for value, label in UrenActiviteit.choices:
            self.fields[f"uren_{value}"] = forms.DecimalField(
                label=label,
                required=False,
                min_value=0,
                max_value=80,
                max_digits=5,
                decimal_places=2,
                widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
            )
        self.fieldsets = [
            (_("Welke week?"), ["opdracht", "week"]),
            (
                _("Uren per onderdeel (leeg laten of 0 als u er niet aan werkte)"),
                [f"uren_{v}" for v in UrenActiviteit.values],
            ),
            (_("Toelichting"), ["toelichting"]),
        ]

    def uren(self) -> dict:
        return {v: self.cleaned_data.get(f"uren_{v}") for v in UrenActiviteit.values}
