from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Levensdomein, Role
from inclusie.forms import SafeModelMultipleChoiceField
from inclusie.ids import IdModelChoiceField
from inclusie.models import Persoon, User, Wijk
from inclusie.pickers import use_kiezers
from stappenplan.models import (
    ParticipatieActiviteit,
    Stap,
    StapActie,
    StapDocument,
    Verkenning,
    Vraag,
    Vragenlijst,
    Werkgroep,
    WerkgroepLid,
)
from stappenplan.models.verkenning import MAX_ANTWOORD


class VerkenningStartForm(forms.Form):
    vragenlijst = forms.ModelChoiceField(
        label=_("Vragenlijst"),
        queryset=Vragenlijst.objects.filter(actief=True).order_by("volgorde"),
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een vragenlijst uit de lijst.")},
    )
    titel = forms.CharField(label=_("Titel"), max_length=200)
    jaar = forms.IntegerField(
        label=_("Jaar"),
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2026.")},
    )
    levensdomein = forms.ChoiceField(
        label=_("Levensdomein"),
        choices=[("", _("- kies een levensdomein -")), *Levensdomein.choices],
        required=False,
        help_text=_("Nodig voor de verkenning uit Bijlage 1."),
        error_messages={"invalid_choice": _("Kies een van de zes levensdomeinen.")},
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk of kern"),
        queryset=Wijk.objects.order_by("naam"),
        required=False,
        empty_label=_("- geen wijk of kern -"),
        error_messages={"invalid_choice": _("Deze wijk of kern bestaat niet.")},
    )
    gedeeld_met = SafeModelMultipleChoiceField(
        label=_("Samen invullen met"),
        queryset=User.objects.filter(role=Role.BELEIDSADVISEUR, is_active=True).order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Collega-beleidsadviseurs die mogen meelezen en meeschrijven."),
        error_messages={"invalid_choice": _("Kies collega's uit de lijst.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].initial = timezone.localdate().year
        if user is not None:
            self.fields["gedeeld_met"].queryset = self.fields["gedeeld_met"].queryset.exclude(
                pk=user.pk
            )

    def clean(self):
        data = super().clean()
        vragenlijst = data.get("vragenlijst")
        if vragenlijst and vragenlijst.vraagt_levensdomein and not data.get("levensdomein"):
            self.add_error("levensdomein", _("Kies een levensdomein voor deze verkenning."))
        return data


class AntwoordForm(forms.Form):
    """The fields one autosave posts; the question-specific checks live in the service."""

    vraag = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    versie = forms.IntegerField(min_value=0, max_value=2**31 - 1)
    tekst = forms.CharField(required=False, strip=False, max_length=MAX_ANTWOORD)
    overgeslagen = forms.BooleanField(required=False)
    tip = forms.CharField(required=False, max_length=MAX_ANTWOORD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tekst"].error_messages["max_length"] = _(
            "Het antwoord is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
        )
        self.fields["tip"].error_messages["max_length"] = _(
            "De toelichting is te lang: maximaal %(limit_value)d tekens."
        )


class DelenForm(forms.Form):
    gedeeld_met = SafeModelMultipleChoiceField(
        label=_("Samen invullen met"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Collega-beleidsadviseurs die mogen meelezen en meeschrijven."),
        error_messages={"invalid_choice": _("Kies collega's uit de lijst.")},
    )

    def __init__(self, *args, verkenning=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = User.objects.filter(role=Role.BELEIDSADVISEUR, is_active=True).order_by("naam")
        if verkenning is not None:
            qs = qs.exclude(pk=verkenning.eigenaar_id)
            self.fields["gedeeld_met"].initial = list(verkenning.gedeeld_met.all())
        self.fields["gedeeld_met"].queryset = qs


class HeropenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom heropent u de verkenning?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VergelijkForm(forms.Form):
    a = IdModelChoiceField(label=_("Verkenning links"), queryset=Verkenning.objects.none())
    b = IdModelChoiceField(label=_("Verkenning rechts"), queryset=Verkenning.objects.none())

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].queryset = queryset
            self.fields[name].error_messages["invalid_choice"] = _(
                "Kies een verkenning uit de lijst."
            )

    def clean(self):
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            raise ValidationError(_("Kies twee verschillende verkenningen."))
        return data


class StapForm(forms.ModelForm):
    class Meta:
        model = Stap
        fields = ["status", "notities", "verkenning"]
        widgets = {"notities": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, verkenningen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verkenning"].queryset = (
            verkenningen if verkenningen is not None else Verkenning.objects.none()
        )
        self.fields["verkenning"].required = False


class StapActieForm(forms.ModelForm):
    class Meta:
        model = StapActie
        fields = ["omschrijving", "eigenaar", "deadline"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = Persoon.objects.order_by("naam")
        use_kiezers(self, "eigenaar")


class StapDocumentForm(forms.ModelForm):
    class Meta:
        model = StapDocument
        fields = ["titel", "bestand"]


class WerkgroepForm(forms.ModelForm):
    class Meta:
        model = Werkgroep
        fields = ["naam", "doel", "omschrijving"]


class WerkgroepLidForm(forms.ModelForm):
    class Meta:
        model = WerkgroepLid
        fields = ["persoon", "domein", "rol", "kennis"]
        widgets = {"kennis": forms.CheckboxSelectMultiple}
        field_classes = {"kennis": SafeModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = Persoon.objects.order_by("naam")
        use_kiezers(self, "persoon")


class ParticipatieForm(forms.ModelForm):
    class Meta:
        model = ParticipatieActiviteit
        fields = ["soort", "titel", "datum", "wijk", "deelnemers", "bereikt", "geleerd", "stap"]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}),
            "bereikt": forms.CheckboxSelectMultiple,
        }
        field_classes = {"bereikt": SafeModelMultipleChoiceField}


# --- the beheerder's questionnaire versions -------------------------------------------


def _regels(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class VragenlijstGegevensForm(forms.ModelForm):
    class Meta:
        model = Vragenlijst
        fields = ["titel", "inleiding"]


class VraagBewerkForm(forms.Form):
    tekst = forms.CharField(label=_("Vraag"), widget=forms.Textarea(attrs={"rows": 3}))
    hulptekst = forms.CharField(
        label=_("Uitleg bij de vraag"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    opties = forms.CharField(
        label=_("Keuzes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Elke keuze op een eigen regel."),
    )

    def __init__(self, *args, soort: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if soort and soort not in (Vraag.Soort.KEUZE, Vraag.Soort.MEERKEUZE):
            del self.fields["opties"]

    def clean_opties(self):
        return _regels(self.cleaned_data.get("opties", ""))


class VraagToevoegForm(VraagBewerkForm):
    nummer = forms.CharField(
        label=_("Nummer"), max_length=10, help_text=_("Bijvoorbeeld 12 of 12b.")
    )
    soort = forms.ChoiceField(
        label=_("Soort vraag"),
        choices=[
            (s.value, s.label) for s in (Vraag.Soort.OPEN, Vraag.Soort.KEUZE, Vraag.Soort.MEERKEUZE)
        ],
        initial=Vraag.Soort.OPEN,
        help_text=_("Bij een keuzevraag: vul hieronder de keuzes in."),
    )
    field_order = ["nummer", "tekst", "hulptekst", "soort", "opties"]
