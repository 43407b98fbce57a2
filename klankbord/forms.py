from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.models import DiversiteitsAspect, Persoon
from inclusie.pickers import use_kiezers
from inclusie.werkbank_forms import FieldsetFormMixin, apply_dates
from klankbord.constants import AdviesUitkomst, SignaalStatus
from klankbord.models import Advies, KlankbordLid, Signaal

REACTIETERMIJN_DAGEN = 42  # six weeks: a default the user can change


class KlankbordLidForm(FieldsetFormMixin, forms.ModelForm):
    class Meta:
        model = KlankbordLid
        fields = [
            "persoon",
            "rol",
            "van",
            "tot",
            "kennis",
            "bereik",
            "gemeenschappen",
        ]
        widgets = {"kennis": forms.CheckboxSelectMultiple, "bereik": forms.CheckboxSelectMultiple}

    fieldsets = [
        (_("Lid en termijn"), ["persoon", "rol", "van", "tot"]),
        (_("Kennis van het diversiteitsvlechtwerk"), ["kennis"]),
        (_("Bereik in gemeenschappen"), ["bereik", "gemeenschappen"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["persoon"].queryset = Persoon.objects.order_by("naam")
        use_kiezers(self, "persoon")
        self.fields["persoon"].help_text = _(
            "Staat de persoon er nog niet bij? Voeg hem of haar eerst toe bij Personen."
        )
        aspecten = DiversiteitsAspect.objects.all()
        self.fields["kennis"].queryset = aspecten
        self.fields["bereik"].queryset = aspecten
        if not self.instance.pk:
            self.fields["van"].initial = timezone.localdate()


class AdviesForm(forms.ModelForm):
    class Meta:
        model = Advies
        fields = ["onderwerp", "soort", "datum", "beleid", "tekst", "reactie_uiterlijk"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        if not self.instance.pk:
            vandaag = timezone.localdate()
            self.fields["datum"].initial = vandaag
            self.fields["reactie_uiterlijk"].initial = vandaag + datetime.timedelta(
                days=REACTIETERMIJN_DAGEN
            )


class ReactieForm(forms.ModelForm):
    """The gemeente's response; the service checks date, outcome and motivation together."""

    class Meta:
        model = Advies
        fields = ["reactie_datum", "reactie", "uitkomst", "motivatie"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        if not self.instance.reactie_datum:
            self.fields["reactie_datum"].initial = timezone.localdate()
        self.fields["uitkomst"].choices = [
            (v, label) for v, label in AdviesUitkomst.choices if v != AdviesUitkomst.OPEN
        ] + [(AdviesUitkomst.OPEN, _("Nog geen reactie (concept bewaren)"))]


class SignaalForm(FieldsetFormMixin, forms.ModelForm):
    class Meta:
        model = Signaal
        fields = [
            "titel",
            "omschrijving",
            "datum",
            "thema",
            "wijk",
            "bron",
            "bron_toelichting",
            "aspecten",
        ]
        widgets = {"aspecten": forms.CheckboxSelectMultiple}

    fieldsets = [
        (_("Wat hoorde u?"), ["titel", "omschrijving", "datum"]),
        (_("Waar gaat het over?"), ["thema", "wijk", "aspecten"]),
        (_("Van wie kwam het?"), ["bron", "bron_toelichting"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["aspecten"].queryset = DiversiteitsAspect.objects.all()
        if not self.instance.pk:
            self.fields["datum"].initial = timezone.localdate()


class SignaalOpvolgingForm(forms.ModelForm):
    class Meta:
        model = Signaal
        fields = ["status", "opvolging"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = SignaalStatus.choices
