from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role
from inclusie.models import GemeenteProfiel, Organisatie, Persoon, User

MAX_PK = 2**63 - 1

# A date field as the browser's own date picker (ISO value, shown in the user's locale).
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def apply_terms(form: forms.BaseForm) -> None:
    """Use the gemeente's own word (pijler / speerpunt / uitvoeringslijn) in labels."""
    profiel = GemeenteProfiel.cached()
    for name, field in form.fields.items():
        if name == "pijler":
            field.label = profiel.term_pijler.capitalize()
        elif name == "pijlers":
            field.label = profiel.term_pijlers.capitalize()


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses non-numeric or out-of-range ids with the normal Dutch message.

    Without this, SQLite raises OverflowError on `pk__in` with a 30-digit id (a 500).
    Every multiple-choice field of the portal's forms uses it.
    """

    def _check_values(self, value):
        for pk in value:
            text = str(pk)
            if not (text.isascii() and text.isdigit()) or int(text) > MAX_PK:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("E-mailadres of gebruikersnaam"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "Het e-mailadres (of de gebruikersnaam) of het wachtwoord klopt niet. "
            "Let op: na een paar mislukte pogingen wordt inloggen tijdelijk geblokkeerd."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met de beheerder."),
    }


class GemeenteProfielForm(forms.ModelForm):
    class Meta:
        model = GemeenteProfiel
        fields = [
            "naam",
            "gemeentecode",
            "programmanaam",
            "portefeuillehouder",
            "team",
            "term_pijler",
            "term_pijlers",
            "hoe_aansluiten",
            "contact_email",
        ]


class UserInviteForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(label=_("E-mailadres"))
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)

    def clean_email(self):
        email = self.cleaned_data["email"].lower().strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Er bestaat al een account met dit e-mailadres."))
        return email


class UserRoleForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["naam", "role", "is_active"]


class OrganisatieForm(forms.ModelForm):
    class Meta:
        model = Organisatie
        fields = ["naam", "kvk_nummer", "sector", "grootte", "wijk", "website", "omschrijving"]


class PersoonForm(forms.ModelForm):
    class Meta:
        model = Persoon
        fields = [
            "naam",
            "email",
            "telefoon",
            "organisatie",
            "functie",
            "wijk",
            "toestemming_openbaar",
        ]
