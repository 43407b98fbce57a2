"""Forms for meetings. Dutch, plain-language errors; business rules stay in the services."""

from __future__ import annotations

from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import (
    Actie,
    Agendapunt,
    Besluit,
    Bijeenkomst,
    BijeenkomstReeks,
    Soort,
    Uitnodiging,
)
from inclusie.constants import Role
from inclusie.forms import SafeModelMultipleChoiceField
from inclusie.models import Persoon, User
from inclusie.pickers import KiezerMeer, use_kiezers
from inclusie.uploads import UploadValidator

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _pijler_term(form) -> None:
    """The gemeente's own word (pijler / speerpunt / uitvoeringslijn) as the label."""
    from inclusie.models import GemeenteProfiel

    if "pijler" in form.fields:
        form.fields["pijler"].label = GemeenteProfiel.cached().term.Enkelvoud


class BijeenkomstForm(forms.ModelForm):
    datum = forms.DateField(label=_("Datum"), widget=DATE)
    begintijd = forms.TimeField(label=_("Begintijd"), widget=TIME)
    eindtijd = forms.TimeField(label=_("Eindtijd"), widget=TIME)

    class Meta:
        model = Bijeenkomst
        fields = [
            "titel",
            "soort",
            "pijler",
            "datum",
            "begintijd",
            "eindtijd",
            "locatie",
            "online_link",
            "omschrijving",
        ]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pijler_term(self)
        if self.instance.pk:
            start = timezone.localtime(self.instance.start)
            eind = timezone.localtime(self.instance.eind)
            self.initial.update(datum=start.date(), begintijd=start.time(), eindtijd=eind.time())

    def clean(self):
        data = super().clean()
        datum, begin, eind = data.get("datum"), data.get("begintijd"), data.get("eindtijd")
        if datum and begin and eind:
            if eind <= begin:
                self.add_error("eindtijd", _("De eindtijd moet na de begintijd liggen."))
            else:
                self.instance.start = timezone.make_aware(datetime.combine(datum, begin))
                self.instance.eind = timezone.make_aware(datetime.combine(datum, eind))
        if data.get("soort") == Soort.PIJLERTAFEL and not data.get("pijler"):
            self.add_error("pijler", _("Kies de pijler van deze pijlertafel."))
        return data


class ReeksForm(forms.ModelForm):
    rollen = forms.MultipleChoiceField(
        label=_("Nodig voor elke bijeenkomst iedereen uit met de rol"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De uitnodiging per e-mail verstuurt u later, per bijeenkomst."),
    )

    class Meta:
        model = BijeenkomstReeks
        fields = [
            "titel",
            "soort",
            "pijler",
            "patroon",
            "weekdag",
            "week_van_maand",
            "interval_weken",
            "eerste_datum",
            "aantal",
            "begintijd",
            "duur_minuten",
            "locatie",
            "online_link",
        ]
        widgets = {
            "eerste_datum": DATE,
            "begintijd": TIME,
            "patroon": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _pijler_term(self)
        self.fields["week_van_maand"].help_text = _("Alleen bij 'elke maand'.")

    def clean_aantal(self):
        aantal = self.cleaned_data["aantal"]
        if not 1 <= aantal <= 52:
            raise forms.ValidationError(_("Kies tussen 1 en 52 bijeenkomsten."))
        return aantal

    def clean_interval_weken(self):
        value = self.cleaned_data["interval_weken"]
        if not 1 <= value <= 52:
            raise forms.ValidationError(_("Kies een aantal weken tussen 1 en 52."))
        return value

    def clean_duur_minuten(self):
        value = self.cleaned_data["duur_minuten"]
        if not 1 <= value <= 24 * 60:
            raise forms.ValidationError(_("Een bijeenkomst duurt tussen 1 minuut en 24 uur."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("soort") == Soort.PIJLERTAFEL and not data.get("pijler"):
            self.add_error("pijler", _("Kies de pijler van deze pijlertafel."))
        eerste = data.get("eerste_datum")
        if eerste and not (timezone.localdate() - timedelta(days=366) <= eerste):
            self.add_error(
                "eerste_datum", _("Kies een datum die niet langer dan een jaar terug ligt.")
            )
        return data


class AnnulerenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden (komt in de e-mail aan de genodigden)"), max_length=300, required=False
    )


class AgendapuntForm(forms.ModelForm):
    class Meta:
        model = Agendapunt
        # The order is set with the move buttons on the meeting page, not typed.
        fields = ["titel", "toelichting", "presentator", "duur_minuten"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3})}

    def clean_duur_minuten(self):
        value = self.cleaned_data.get("duur_minuten")
        if value is not None and not 1 <= value <= 600:
            raise forms.ValidationError(_("Vul een duur tussen 1 en 600 minuten in."))
        return value


class BijlageForm(forms.Form):
    agendapunt = forms.ModelChoiceField(
        label=_("Bij agendapunt"), queryset=Agendapunt.objects.none()
    )
    bestand = forms.FileField(
        label=_("Bestand"),
        validators=[UploadValidator()],
        help_text=_("PDF, Word, Excel, OpenDocument, PNG of JPEG; hoogstens 10 MB."),
    )

    def __init__(self, *args, bijeenkomst: Bijeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].queryset = bijeenkomst.agendapunten.all()


class UitnodigenForm(forms.Form):
    rollen = forms.MultipleChoiceField(
        label=_("Iedereen met de rol"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bijvoorbeeld alle ambassadeurs."),
    )
    users = SafeModelMultipleChoiceField(
        label=_("Of kies personen met een account"),
        queryset=User.objects.filter(is_active=True).order_by("naam", "email"),
        required=False,
        widget=KiezerMeer(attrs={"size": 8}),
    )
    personen = SafeModelMultipleChoiceField(
        label=_("Externe genodigden (zonder account)"),
        queryset=Persoon.objects.filter(user__isnull=True).order_by("naam"),
        required=False,
        widget=KiezerMeer(attrs={"size": 6}),
        help_text=_(
            "Wie een e-mailadres heeft, krijgt de uitnodiging met het agenda-bestand per e-mail "
            "(zonder link naar het portaal)."
        ),
    )
    versturen = forms.BooleanField(
        label=_("Stuur de uitnodiging met het agenda-bestand (.ics) meteen per e-mail"),
        required=False,
        initial=True,
    )

    def clean(self):
        data = super().clean()
        if not (data.get("rollen") or data.get("users") or data.get("personen")):
            if not data.get("versturen"):
                raise forms.ValidationError(_("Kies wie u wilt uitnodigen."))
        return data


class AanwezigheidForm(forms.Form):
    """One radio group per invitee; the whole list is saved at once."""

    def __init__(self, *args, uitnodigingen: list[Uitnodiging], **kwargs):
        super().__init__(*args, **kwargs)
        self.uitnodigingen = uitnodigingen
        for u in uitnodigingen:
            self.fields[f"u_{u.pk}"] = forms.ChoiceField(
                label=u.genodigde_naam,
                choices=Uitnodiging.Aanwezigheid.choices,
                initial=u.aanwezigheid,
                widget=forms.RadioSelect,
            )

    def rows(self):
        return [(u, self[f"u_{u.pk}"]) for u in self.uitnodigingen]

    def waarden(self) -> dict[int, str]:
        return {int(name[2:]): value for name, value in self.cleaned_data.items()}


class VerslagForm(forms.Form):
    """Notes per agenda item plus general notes, on one screen.

    Each text carries the version it was read at (hidden ``versie_*`` fields), so a save
    from a page that is out of date becomes a visible conflict, never an overwrite. The
    page saves each text as it is typed (static/js/verslag.js); this form is the
    fallback without JavaScript and the "save everything" button.
    """

    verslag_algemeen = forms.CharField(
        label=_("Algemene aantekeningen"),
        required=False,
        max_length=20000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    versie_algemeen = forms.IntegerField(
        required=False, min_value=0, max_value=2**31, widget=forms.HiddenInput
    )

    def __init__(self, *args, bijeenkomst: Bijeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.bijeenkomst = bijeenkomst
        self.agendapunten = list(bijeenkomst.agendapunten.all())
        self.fields["verslag_algemeen"].initial = bijeenkomst.verslag_algemeen
        self.fields["versie_algemeen"].initial = bijeenkomst.verslag_algemeen_versie
        for punt in self.agendapunten:
            self.fields[f"punt_{punt.pk}"] = forms.CharField(
                label=punt.titel,
                required=False,
                max_length=20000,
                strip=False,
                initial=punt.aantekeningen,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"versie_{punt.pk}"] = forms.IntegerField(
                required=False,
                min_value=0,
                max_value=2**31,
                initial=punt.aantekeningen_versie,
                widget=forms.HiddenInput,
            )

    def punten(self):
        return [
            (p, self[f"punt_{p.pk}"], self[f"versie_{p.pk}"], f"punt_{p.pk}", str(p.pk))
            for p in self.agendapunten
        ]

    def teksten(self) -> list[tuple[str, str, str, int]]:
        """(form field, service veld, text, version) for every text on the page."""
        data = self.cleaned_data
        rows = [("verslag_algemeen", "algemeen", data["verslag_algemeen"], data["versie_algemeen"])]
        for p in self.agendapunten:
            rows.append((f"punt_{p.pk}", str(p.pk), data[f"punt_{p.pk}"], data[f"versie_{p.pk}"]))
        return [(f, v, t, versie or 0) for f, v, t, versie in rows]


class VerslagVeldForm(forms.Form):
    """One text of the minutes, as the autosave posts it."""

    veld = forms.CharField(max_length=20)
    tekst = forms.CharField(required=False, max_length=20000, strip=False)
    versie = forms.IntegerField(min_value=0, max_value=2**31)


class BesluitForm(forms.ModelForm):
    class Meta:
        model = Besluit
        fields = ["agendapunt", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, bijeenkomst: Bijeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].queryset = bijeenkomst.agendapunten.all()
        self.fields["agendapunt"].required = False


class ActieForm(forms.ModelForm):
    """An action with one owner: an account holder, or an invitee without an account."""

    class Meta:
        model = Actie
        fields = ["agendapunt", "omschrijving", "eigenaar", "eigenaar_persoon", "deadline"]
        widgets = {"deadline": DATE}
        error_messages = {
            "eigenaar": {"required": _("Kies wie de actie uitvoert.")},
            "omschrijving": {"required": _("Beschrijf wat er moet gebeuren.")},
            "deadline": {"required": _("Kies een datum waarop het klaar moet zijn.")},
        }

    def __init__(self, *args, bijeenkomst: Bijeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].queryset = bijeenkomst.agendapunten.all()
        self.fields["agendapunt"].required = False
        self.fields["eigenaar"].queryset = User.objects.filter(is_active=True).order_by("naam")
        self.fields["eigenaar"].required = False
        self.fields["eigenaar"].label = _("Wie doet het?")
        # People without an account who are invited to this meeting (ambassadors and
        # klankbord members among them), and the current owner when editing.
        invited = bijeenkomst.uitnodigingen.filter(persoon__isnull=False).values("persoon_id")
        personen = Persoon.objects.filter(pk__in=invited)
        if self.instance.eigenaar_persoon_id:
            personen = personen | Persoon.objects.filter(pk=self.instance.eigenaar_persoon_id)
        self.fields["eigenaar_persoon"].queryset = personen.order_by("naam")
        use_kiezers(self, "eigenaar", "eigenaar_persoon")

    def clean(self):
        data = super().clean()
        if not data.get("eigenaar") and not data.get("eigenaar_persoon"):
            self.add_error("eigenaar", _("Kies wie de actie uitvoert."))
        elif data.get("eigenaar") and data.get("eigenaar_persoon"):
            self.add_error(
                "eigenaar_persoon",
                _("Kies één uitvoerder: een account of een persoon, niet beide."),
            )
        return data


class ActieWijzigenForm(ActieForm):
    class Meta(ActieForm.Meta):
        fields = [
            "agendapunt",
            "omschrijving",
            "eigenaar",
            "eigenaar_persoon",
            "deadline",
            "status",
        ]


class RsvpForm(forms.Form):
    antwoord = forms.ChoiceField(
        label=_("Komt u?"),
        choices=[
            (Uitnodiging.Antwoord.KOMT, _("Ja, ik kom")),
            (Uitnodiging.Antwoord.MISSCHIEN, _("Misschien")),
            (Uitnodiging.Antwoord.KOMT_NIET, _("Nee, ik kom niet")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of u komt.")},
    )


class ToestemmingForm(forms.Form):
    zichtbaar = forms.BooleanField(
        label=_("Andere deelnemers mogen zien dat ik uitgenodigd ben en of ik er was"),
        required=False,
        help_text=_(
            "Dit geldt voor leden van de klankbordgroep. Zonder toestemming ziet alleen "
            "de organisator (kwartiermaker) uw naam op de lijst. U kunt dit altijd wijzigen."
        ),
    )


class VaststellenForm(forms.Form):
    op = forms.DateField(label=_("Vastgesteld op"), widget=DATE)
