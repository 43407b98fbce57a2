from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """The six digits from the authenticator app."""

    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=12,
        help_text=_("Zes cijfers. De code verandert elke 30 seconden."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
                "class": "twofactor-code",
            }
        ),
        error_messages={"required": _("Vul de code van zes cijfers in.")},
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(
                _("Een code bestaat uit zes cijfers, zonder letters of tekens.")
            )
        return code


class RecoveryCodeForm(forms.Form):
    """One of the one-time recovery codes (eight letters and digits)."""

    code = forms.CharField(
        label=_("Herstelcode"),
        max_length=20,
        help_text=_("Een van de herstelcodes die u bij het instellen hebt bewaard."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Vul een herstelcode in.")},
    )
