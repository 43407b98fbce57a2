from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deal.constants import Fase, next_stage
from deal.models import (
    Contactmoment,
    GezamenlijkeDoelstelling,
    Initiatief,
    KennisItem,
    Partner,
    Toezegging,
    Voortgang,
)
from inclusie.forms import DATE, SafeModelMultipleChoiceField, apply_terms
from inclusie.models import Organisatie, Persoon
from inclusie.pickers import Kiezer, use_kiezers
from inclusie.uploads import UploadValidator
from pijlers.models import Pijler


def harden(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if type(field) is forms.ModelMultipleChoiceField:
            field.__class__ = SafeModelMultipleChoiceField


class TermsForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_terms(self)
        harden(self)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DATE
        if "pijlers" in self.fields:
            # Widget first: setting the queryset fills the widget's choices.
            self.fields["pijlers"].widget = forms.CheckboxSelectMultiple()
            self.fields["pijlers"].queryset = Pijler.objects.filter(actief=True)


class PartnerCreateForm(TermsForm):
    """A new partner: an existing organisation, or a new one in the same form."""

    bestaande_organisatie = forms.ModelChoiceField(
        label=_("Bestaande organisatie"),
        queryset=Organisatie.objects.filter(partner__isnull=True),
        required=False,
        widget=Kiezer,
        help_text=_(
            "Kies een organisatie die al in het portaal staat, of vul hieronder een nieuwe in."
        ),
    )
    naam = forms.CharField(label=_("Naam nieuwe organisatie"), max_length=200, required=False)
    kvk_nummer = forms.CharField(
        label=_("KvK-nummer"), max_length=8, required=False, help_text=_("Acht cijfers.")
    )
    sector = Organisatie._meta.get_field("sector").formfield(required=False)
    grootte = Organisatie._meta.get_field("grootte").formfield(required=False)
    wijk = Organisatie._meta.get_field("wijk").formfield(required=False)
    fase = forms.ChoiceField(
        label=_("Fase"),
        choices=[c for c in Fase.choices if c[0] != Fase.ONDERTEKEND],
        initial=Fase.VERKEND,
    )

    class Meta:
        model = Partner
        fields = ["pijlers", "volgende_actie", "volgende_actie_op"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Welke organisatie?"),
                "bestaande_organisatie",
                "naam",
                "kvk_nummer",
                "sector",
                "grootte",
                "wijk",
            ),
            Fieldset(_("In de Deal"), "fase", "pijlers", "volgende_actie", "volgende_actie_op"),
        )

    def clean(self):
        data = super().clean()
        if not data.get("bestaande_organisatie") and not (data.get("naam") or "").strip():
            raise forms.ValidationError(
                _("Kies een bestaande organisatie of vul de naam van een nieuwe organisatie in.")
            )
        if data.get("bestaande_organisatie") and (data.get("naam") or "").strip():
            self.add_error(
                "naam", _("Kies een bestaande organisatie óf vul een nieuwe in, niet allebei.")
            )
        return data

    def organisatie(self) -> Organisatie:
        data = self.cleaned_data
        if data.get("bestaande_organisatie"):
            return data["bestaande_organisatie"]
        return Organisatie(
            naam=data["naam"].strip(),
            kvk_nummer=(data.get("kvk_nummer") or "").strip(),
            sector=data.get("sector") or "overig",
            grootte=data.get("grootte") or "",
            wijk=data.get("wijk"),
        )


class PartnerForm(TermsForm):
    class Meta:
        model = Partner
        fields = ["pijlers", "contactpersonen", "volgende_actie", "volgende_actie_op", "openbaar"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        org = self.instance.organisatie if self.instance.pk else None
        qs = Persoon.objects.filter(organisatie=org) if org else Persoon.objects.none()
        self.fields["contactpersonen"].widget = forms.CheckboxSelectMultiple()
        self.fields["contactpersonen"].queryset = qs
        self.fields["contactpersonen"].help_text = _(
            "Personen van deze organisatie. Voeg nieuwe personen toe via Personen."
        )


class FaseForm(forms.Form):
    """Move a partner: every stage but the current one and signing (which has its own form).

    The stage after the current one on the route is chosen beforehand; where that is
    signing, or the partner is off the route, nothing is chosen.
    """

    naar = forms.ChoiceField(label=_("Naar fase"), choices=[])
    datum = forms.DateField(label=_("Datum"), widget=DATE, initial=timezone.localdate)
    reden = forms.CharField(
        label=_("Reden of toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_("Verplicht als u een fase overslaat, teruggaat of stopt."),
    )

    def __init__(self, *args, partner: Partner, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [c for c in Fase.choices if c[0] not in (partner.fase, Fase.ONDERTEKEND)]
        volgende = next_stage(partner.fase)
        if volgende is None or volgende == Fase.ONDERTEKEND:
            choices.insert(0, ("", _("Kies een fase")))
            volgende = ""
        self.fields["naar"].choices = choices
        # A stage the view names (a link's ?naar=) wins over the next one.
        self.initial.setdefault("naar", volgende)


class OndertekenForm(forms.Form):
    ondertekend_op = forms.DateField(
        label=_("Datum van ondertekening"), widget=DATE, initial=timezone.localdate
    )
    ondertekenaar_naam = forms.CharField(label=_("Naam ondertekenaar"), max_length=200)
    ondertekenaar_functie = forms.CharField(
        label=_("Functie ondertekenaar"), max_length=200, required=False
    )
    document = forms.FileField(
        label=_("Ondertekend document (PDF, maximaal 10 MB)"),
        required=False,
        validators=Partner._meta.get_field("ondertekend_document").validators,
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Alleen nodig als de partner nog niet 'aangehaakt' is."),
    )


class ContactmomentForm(TermsForm):
    volgende_actie = forms.CharField(label=_("Volgende stap"), max_length=300, required=False)
    volgende_actie_op = forms.DateField(
        label=_("Volgende stap uiterlijk op"), required=False, widget=DATE
    )

    class Meta:
        model = Contactmoment
        fields = ["soort", "datum", "persoon", "notitie"]
        widgets = {"notitie": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        if partner is not None:
            self.fields["persoon"].queryset = Persoon.objects.filter(
                organisatie=partner.organisatie
            )
            self.fields["volgende_actie"].initial = partner.volgende_actie
            self.fields["volgende_actie_op"].initial = partner.volgende_actie_op
        use_kiezers(self, "persoon")


class ToezeggingForm(TermsForm):
    class Meta:
        model = Toezegging
        fields = [
            "soort",
            "thema",
            "titel",
            "omschrijving",
            "doelstelling",
            "pijler",
            "status",
            "openbaar",
        ]
        widgets = {"soort": forms.RadioSelect, "omschrijving": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pijler"].queryset = Pijler.objects.filter(actief=True)


class VoortgangForm(TermsForm):
    class Meta:
        model = Voortgang
        fields = ["datum", "tekst", "link", "bestand"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4})}


class DoelstellingForm(forms.ModelForm):
    class Meta:
        model = GezamenlijkeDoelstelling
        fields = ["titel", "omschrijving", "volgorde"]


class InitiatiefForm(TermsForm):
    class Meta:
        model = Initiatief
        fields = [
            "naam",
            "omschrijving",
            "eigenaar",
            "wijk",
            "pijler",
            "status",
            "gestart_op",
            "personen",
            "verbonden_met",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pijler"].queryset = Pijler.objects.filter(actief=True)
        qs = Initiatief.objects.all()
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["verbonden_met"].queryset = qs
        use_kiezers(self, "eigenaar", "personen", "verbonden_met")


class KennisItemForm(TermsForm):
    class Meta:
        model = KennisItem
        fields = [
            "titel",
            "soort",
            "omschrijving",
            "link",
            "bestand",
            "datum",
            "thema",
            "pijlers",
            "aspecten",
        ]
        widgets = {"aspecten": forms.CheckboxSelectMultiple}


class PartnerImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand (UTF-8, maximaal 2 MB)"),
        validators=[UploadValidator(kinds=("csv",), max_mb=2)],
        help_text=_(
            "Kolommen: naam, kvk_nummer, sector, wijk, fase. Alleen 'naam' is verplicht. "
            "Scheidingsteken ; of ,."
        ),
    )
