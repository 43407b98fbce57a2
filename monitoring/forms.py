from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from inclusie.registry import figures
from inclusie.uploads import UploadValidator
from monitoring.constants import Niveau, RapportSoort
from monitoring.models import Indicator, Meting, Raadsmededeling, Schakel, Veranderverhaal, Verhaal
from monitoring.periods import Period, recent_periods

PERIOD_CHOICES_YEARS = 6


def period_choices(extra: str = "") -> list[tuple[str, str]]:
    """The half years to choose from, newest first: "eerste halfjaar 2026 (2026-H1)".

    The current half year and the ones of the last six years; `extra` (a stored value
    older than that) is added so an edit form shows what is stored.
    """
    periods = recent_periods(2 * PERIOD_CHOICES_YEARS)
    codes = [p.code for p in periods]
    if extra and extra not in codes:
        try:
            periods.append(Period.parse(extra))
        except forms.ValidationError:
            pass
    return [(p.code, f"{p.label} ({p.code})") for p in periods]


class PeriodField(forms.ChoiceField):
    """A half year, chosen from a list ("eerste halfjaar 2026"), never typed.

    Posted codes outside the list but valid half years are accepted (an older stored
    value); anything else gets the clear Dutch error of :meth:`Period.parse`.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Halfjaar"))
        kwargs.setdefault("choices", period_choices)
        kwargs.pop("max_length", None)
        super().__init__(**kwargs)

    def valid_value(self, value) -> bool:
        return True  # checked in clean(): any existing half year

    def clean(self, value):
        value = super().clean(value)
        return Period.parse(value).code if value else value


class PeriodChoicesMixin:
    """Keeps a stored half year that is older than the list selectable in an edit form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            if isinstance(field, PeriodField):
                stored = self.initial.get(name) or ""  # type: ignore[attr-defined]
                if stored:
                    field.choices = period_choices(str(stored))


class VeranderverhaalForm(forms.ModelForm):
    class Meta:
        model = Veranderverhaal
        fields = ["doelstelling", "maatschappelijk_doel", "aannames"]


class SchakelForm(forms.ModelForm):
    class Meta:
        model = Schakel
        fields = ["niveau", "bovenliggend", "tekst", "volgorde"]

    def __init__(self, *args, veranderverhaal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.veranderverhaal = veranderverhaal
        qs = Schakel.objects.none()
        if veranderverhaal is not None:
            qs = veranderverhaal.schakels.exclude(niveau=Niveau.ACTIVITEIT)
        self.fields["bovenliggend"].queryset = qs


class IndicatorForm(forms.ModelForm):
    figuur = forms.ChoiceField(label=_("Berekend uit (alleen eigen gegevens)"), required=False)

    class Meta:
        model = Indicator
        fields = [
            "naam",
            "omschrijving",
            "soort",
            "doeltype",
            "bron",
            "figuur",
            "eenheid",
            "richting",
            "basiswaarde",
            "doelstelling",
            "schakel",
            "actief",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schakel"].queryset = Schakel.objects.select_related(
            "veranderverhaal__doelstelling"
        ).exclude(niveau=Niveau.ACTIVITEIT)
        self.fields["figuur"].choices = [("", "---------")] + [
            (f.code, str(f.label)) for f in figures()
        ]


class MetingForm(PeriodChoicesMixin, forms.ModelForm):
    periode = PeriodField()

    class Meta:
        model = Meting
        fields = ["indicator", "periode", "waarde", "duiding"]
        widgets = {"duiding": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duiding"].error_messages["required"] = _(
            "Schrijf een duiding: wat betekent dit cijfer? Zonder duiding gaat een cijfer "
            "niet in een rapport."
        )


class VerhaalForm(PeriodChoicesMixin, forms.ModelForm):
    periode = PeriodField()

    class Meta:
        model = Verhaal
        fields = ["titel", "tekst", "soort", "periode", "indicator", "bron", "toestemming"]

    def clean_toestemming(self):
        if not self.cleaned_data.get("toestemming"):
            raise forms.ValidationError(
                _("Gebruik een verhaal alleen als de verteller toestemming heeft gegeven.")
            )
        return True


class MetingImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        validators=[UploadValidator(kinds=("csv",), max_mb=2)],
        help_text=_(
            "Kolommen: indicator;periode;waarde;duiding. Eén meting per regel. "
            "Bij één fout wordt niets ingelezen en ziet u welke regel."
        ),
    )


class SnapshotForm(forms.Form):
    periode = PeriodField()
    reden = forms.CharField(
        label=_("Reden voor een nieuwe versie"),
        max_length=300,
        required=False,
        help_text=_(
            "Alleen nodig als er van dit halfjaar al een momentopname is. De oude versie "
            "blijft leesbaar; de nieuwe versie en de reden komen in het logboek."
        ),
    )


class RapportRequestForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort rapport"), choices=RapportSoort.choices)
    periode = PeriodField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].initial = recent_periods(2)[1].code


class RaadsmededelingDraftForm(forms.Form):
    periode = PeriodField()


MARKDOWN_HELP = _(
    "Opmaak: een regel die begint met '- ' wordt een opsomming, '1. ' een genummerde lijst; "
    "**vet** en *schuin*; een link als [tekst](https://adres.nl). Een lege regel begint een "
    "nieuwe alinea."
)


class RaadsmededelingForm(forms.ModelForm):
    """The sections in Markdown; `revisie` is the revision the writer loaded."""

    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    class Meta:
        model = Raadsmededeling
        fields = ["onderwerp", *Raadsmededeling.SECTIONS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revisie"].initial = self.instance.revisie if self.instance.pk else 0
        for name in Raadsmededeling.SECTIONS:
            field = self.fields[name]
            field.widget.attrs.update({"rows": 8, "class": "markdown-bron", "spellcheck": "true"})
            field.help_text = (
                f"{field.help_text} {MARKDOWN_HELP}" if field.help_text else MARKDOWN_HELP
            )
        for name in ("inleiding", "kader", "kern"):
            self.fields[name].error_messages["required"] = _(
                "Deze paragraaf is verplicht in een raadsmededeling."
            )


class KerncijfersForm(forms.Form):
    kerncijfers = forms.MultipleChoiceField(
        label=_("Cijfers in de kern"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies drie tot zes cijfers. De kern wordt daarna opnieuw opgesteld."),
        error_messages={"required": _("Kies drie tot zes cijfers voor de kern.")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kerncijfers"].choices = [
            (c["code"], f"{c['label']}: {c['zin']}") for c in choices
        ]


class OpmerkingForm(forms.Form):
    tekst = forms.CharField(
        label=_("Uw opmerking"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf een opmerking.")},
    )


class GoedkeurenForm(forms.Form):
    bw_datum = forms.DateField(
        label=_("Datum B&W-besluit"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Vul de datum van het B&W-besluit in."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-07-14."),
        },
    )


class PlanningForm(forms.Form):
    """The twice-yearly snapshot schedule in plain choices; the view writes the crontab."""

    dag = forms.TypedChoiceField(
        label=_("Op dag"),
        coerce=int,
        choices=[(d, str(d)) for d in range(1, 29)],
        help_text=_("Dag van de maand (1 tot en met 28, zodat elke maand hem heeft)."),
    )
    maanden = forms.TypedMultipleChoiceField(
        label=_("In de maanden"),
        coerce=int,
        choices=[(m, MONTHS[m]) for m in range(1, 13)],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kort na het einde van een halfjaar: januari en juli."),
        error_messages={"required": _("Kies minstens één maand.")},
    )
    tijd = forms.ChoiceField(label=_("Om"), help_text=_("Uur en minuut, Nederlandse tijd."))
    actief = forms.BooleanField(label=_("Planning actief"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        times = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 15, 30, 45)]
        current = self.initial.get("tijd")
        if current and current not in times:  # a time set elsewhere stays choosable
            times = sorted([*times, current])
        self.fields["tijd"].choices = [(t, t) for t in times]

    def clean(self):
        data = super().clean()
        if data.get("tijd"):
            uur, minuut = (int(p) for p in data["tijd"].split(":"))
            data["uur"], data["minuut"] = uur, minuut
        return data
