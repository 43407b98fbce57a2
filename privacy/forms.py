from django import forms
from django.utils.translation import gettext_lazy as _

from privacy.selectors import Termijn


class BewaartermijnenForm(forms.Form):
    """One field per kind of personal data: its retention period in months."""

    def __init__(self, *args, termijnen: list[Termijn], **kwargs):
        super().__init__(*args, **kwargs)
        for termijn in termijnen:
            kind = termijn.kind
            self.fields[kind.code] = forms.IntegerField(
                label=kind.label,
                min_value=1,
                max_value=240,
                initial=termijn.maanden,
                help_text=_("Maanden %(start)s; daarna %(actie)s. Standaard %(n)s maanden.")
                % {"start": kind.starts, "actie": kind.action, "n": kind.default_months},
                error_messages={
                    "required": _("Vul een aantal maanden in."),
                    "invalid": _("Vul een heel aantal maanden in."),
                    "min_value": _("Een bewaartermijn is minstens 1 maand."),
                    "max_value": _("Een bewaartermijn is hoogstens 240 maanden (20 jaar)."),
                },
            )


class WissenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_(
            "Bijvoorbeeld: verzoek van betrokkene per e-mail van 3 maart, kenmerk 2026-014."
        ),
        error_messages={"required": _("Geef een reden op.")},
    )
    bevestig = forms.BooleanField(
        label=_("Ik begrijp dat dit niet ongedaan kan worden gemaakt."),
        error_messages={"required": _("Bevestig dat u de gegevens wilt wissen.")},
    )
