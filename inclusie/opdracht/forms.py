from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role
from inclusie.models import Opdracht, Uitgave, Urenregistratie, User
from inclusie.werkbank_forms import apply_dates


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
