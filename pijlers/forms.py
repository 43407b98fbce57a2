from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.forms import DATE, apply_terms
from inclusie.models import Organisatie, Persoon
from inclusie.pickers import Kiezer
from pijlers.models import Lidmaatschap, Pijler


class PijlerForm(forms.ModelForm):
    class Meta:
        model = Pijler
        fields = [
            "naam",
            "beschrijving",
            "ambitie_wat",
            "ambitie_hoe",
            "ambitie_leren",
            "ambitie_nodig",
            "eigenaar",
            "gemeente_rol",
            "volgorde",
            "actief",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in (
                "beschrijving",
                "ambitie_wat",
                "ambitie_hoe",
                "ambitie_leren",
                "ambitie_nodig",
            )
        }


class LidmaatschapForm(forms.Form):
    persoon = forms.ModelChoiceField(
        label=_("Persoon"), queryset=Persoon.objects.all(), widget=Kiezer
    )
    rol = forms.ChoiceField(label=_("Rol"), choices=Lidmaatschap.Rol.choices)
    organisatie = forms.ModelChoiceField(
        label=_("Namens organisatie"),
        queryset=Organisatie.objects.all(),
        required=False,
        widget=Kiezer,
        help_text=_("Leeg laten: de organisatie van de persoon."),
    )
    sinds = forms.DateField(label=_("Lid sinds"), widget=DATE, initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_terms(self)
