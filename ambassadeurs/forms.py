from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ambassadeurs.constants import PROFIEL_CRITERIA, STATUS_OVERGANGEN, AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie
from inclusie.constants import Role
from inclusie.models import DiversiteitsAspect, Organisatie, Persoon, User, Wijk
from inclusie.pickers import Kiezer, use_kiezers
from inclusie.werkbank_forms import FieldsetFormMixin, apply_dates
from pijlers.models import Pijler

CRITERIA_VELDEN = [name for name, _label in PROFIEL_CRITERIA]
PERSOON_VELDEN = ["naam", "email", "telefoon", "organisatie", "functie", "wijk"]


class AmbassadeurForm(FieldsetFormMixin, forms.ModelForm):
    """Intake and profile of an ambassador; the person's own fields are edited alongside."""

    bestaande_persoon = forms.ModelChoiceField(
        label=_("Bestaande persoon"),
        queryset=Persoon.objects.none(),
        required=False,
        widget=Kiezer,
        help_text=_("Kies een persoon die al in het portaal staat, of vul hieronder een naam in."),
    )
    naam = forms.CharField(label=_("Naam"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=32, required=False)
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisatie.objects.all(), required=False, widget=Kiezer
    )
    functie = forms.CharField(label=_("Rol in de organisatie"), max_length=200, required=False)
    wijk = forms.ModelChoiceField(
        label=_("Wijk waarin de ambassadeur actief is"), queryset=Wijk.objects.all(), required=False
    )
    account = forms.ModelChoiceField(
        label=_("Account in het portaal"),
        queryset=User.objects.none(),
        required=False,
        widget=Kiezer,
        help_text=_(
            "Koppel een account met de rol ambassadeur, dan kan de ambassadeur zelf inloggen."
        ),
    )
    toestemming_openbaar = forms.BooleanField(
        label=_("Toestemming om naam en organisatie op de openbare lijst te tonen"), required=False
    )

    class Meta:
        model = Ambassadeur
        fields = ["aangemeld_op", "motivatie", "netwerken", "bereik", *CRITERIA_VELDEN]
        widgets = {
            "bereik": forms.CheckboxSelectMultiple,
            "motivatie": forms.Textarea(attrs={"rows": 3}),
            "netwerken": forms.Textarea(attrs={"rows": 3}),
        }

    fieldsets = [
        (_("Persoon"), ["bestaande_persoon", *PERSOON_VELDEN, "account"]),
        (_("Profiel"), ["aangemeld_op", "motivatie", "netwerken", "bereik"]),
        (_("Intake: de vijf punten van het profiel"), CRITERIA_VELDEN),
        (_("Openbare lijst"), ["toestemming_openbaar"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["bereik"].queryset = DiversiteitsAspect.objects.all()
        self.fields["aangemeld_op"].initial = timezone.localdate()
        persoon = self.instance.persoon if self.instance.pk else None
        accounts = User.objects.filter(role=Role.AMBASSADEUR, is_active=True, persoon__isnull=True)
        if persoon is not None:
            del self.fields["bestaande_persoon"]
            self.fields["naam"].required = True
            for name in PERSOON_VELDEN + ["toestemming_openbaar"]:
                self.fields[name].initial = getattr(persoon, name)
            self.fields["account"].initial = persoon.user_id
            accounts = accounts | User.objects.filter(pk=persoon.user_id)
        else:
            self.fields["bestaande_persoon"].queryset = Persoon.objects.filter(
                ambassadeurschap__isnull=True
            ).order_by("naam")
        self.fields["account"].queryset = accounts.order_by("naam")

    def clean(self):
        data = super().clean()
        if not self.instance.pk and not data.get("bestaande_persoon") and not data.get("naam"):
            self.add_error("naam", _("Vul een naam in of kies een bestaande persoon."))
        return data

    def persoon(self) -> Persoon:
        """The person with the form's values applied (not saved)."""
        data = self.cleaned_data
        if self.instance.pk:
            persoon = self.instance.persoon
        else:
            persoon = data.get("bestaande_persoon") or Persoon()
        bestaand = not self.instance.pk and data.get("bestaande_persoon") is not None
        for name in PERSOON_VELDEN:
            value = data.get(name)
            if bestaand and not value:
                continue  # keep what the chosen person already has
            setattr(persoon, name, value)
        persoon.toestemming_openbaar = data.get("toestemming_openbaar", False)
        if data.get("account") is not None or not bestaand:
            persoon.user = data.get("account")
        return persoon


class EigenProfielForm(FieldsetFormMixin, forms.ModelForm):
    """What an ambassador may change about their own profile."""

    toestemming_openbaar = forms.BooleanField(
        label=_("Uw naam en organisatie mogen op de openbare lijst van ambassadeurs staan"),
        required=False,
    )

    class Meta:
        model = Ambassadeur
        fields = ["motivatie", "netwerken", "bereik"]
        widgets = {
            "bereik": forms.CheckboxSelectMultiple,
            "motivatie": forms.Textarea(attrs={"rows": 3}),
            "netwerken": forms.Textarea(attrs={"rows": 3}),
        }
        # The ambassador reads these about themselves: spoken to, not about.
        labels = {
            "motivatie": _("Waarom wilt u ambassadeur zijn?"),
            "netwerken": _("In welke netwerken en gemeenschappen bent u actief?"),
            "bereik": _("Wie bereikt u?"),
        }
        help_texts = {
            "motivatie": "",
            "netwerken": "",
            "bereik": _(
                "Kies de groepen uit het diversiteitsvlechtwerk die u via uw netwerk bereikt. "
                "Het gaat om wie u bereikt, niet om wie u bent."
            ),
        }

    fieldsets = [
        (_("Uw profiel"), ["motivatie", "netwerken", "bereik"]),
        (_("Openbare lijst"), ["toestemming_openbaar"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["bereik"].queryset = DiversiteitsAspect.objects.all()
        if self.instance.pk:
            self.fields["toestemming_openbaar"].initial = self.instance.persoon.toestemming_openbaar


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=AmbassadeurStatus.choices)
    datum = forms.DateField(label=_("Datum"))
    toelichting = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def __init__(self, *args, ambassadeur: Ambassadeur, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        toegestaan = STATUS_OVERGANGEN.get(ambassadeur.status, ())
        self.fields["status"].choices = [
            (value, label) for value, label in AmbassadeurStatus.choices if value in toegestaan
        ]
        self.fields["datum"].initial = timezone.localdate()


class PijlerLidForm(forms.Form):
    pijler = forms.ModelChoiceField(label=_("Pijler"), queryset=Pijler.objects.all())
    sinds = forms.DateField(label=_("Lid sinds"))

    def __init__(self, *args, term: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        if term:
            self.fields["pijler"].label = capfirst(term)
        self.fields["sinds"].initial = timezone.localdate()


class PijlerEindeForm(forms.Form):
    tot = forms.DateField(label=_("Lid tot en met"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["tot"].initial = timezone.localdate()


class CoachingNotitieForm(forms.ModelForm):
    class Meta:
        model = CoachingNotitie
        fields = ["ambassadeur", "datum", "onderwerp", "notitie", "vervolgafspraak"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["ambassadeur"].queryset = Ambassadeur.objects.select_related("persoon")
        use_kiezers(self, "ambassadeur")
        self.fields["datum"].initial = timezone.localdate()


class ActiviteitForm(forms.ModelForm):
    """An ambassador records their own activity (the form speaks to them)."""

    class Meta:
        model = Activiteit
        fields = ["datum", "soort", "titel", "omschrijving", "wijk", "aantal_bereikt"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "datum": _("Wanneer was het?"),
            "titel": _("Wat heeft u gedaan?"),
            "wijk": _("In welke wijk?"),
            "aantal_bereikt": _("Hoeveel mensen heeft u bereikt?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_dates(self)
        self.fields["datum"].initial = timezone.localdate()


class KwartiermakerActiviteitForm(ActiviteitForm):
    """The kwartiermaker logs an activity for any ambassador."""

    class Meta(ActiviteitForm.Meta):
        fields = ["ambassadeur", *ActiviteitForm.Meta.fields]
        labels = {
            "titel": _("Wat heeft de ambassadeur gedaan?"),
            "aantal_bereikt": _("Aantal mensen bereikt"),
        }
        help_texts = {"titel": _("Bijvoorbeeld: gesprek met de directie over werving.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambassadeur"].queryset = Ambassadeur.objects.select_related("persoon")
        use_kiezers(self, "ambassadeur")
