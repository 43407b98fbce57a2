from urllib.parse import urlsplit

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role
from inclusie.ids import IdModelMultipleChoiceField
from inclusie.models import GemeenteProfiel, Organisatie, Persoon, User
from inclusie.pickers import Kiezer

# A date field as the browser's own date picker (ISO value, shown in the user's locale).
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def apply_terms(form: forms.BaseForm) -> None:
    """Use the gemeente's own word (pijler / speerpunt / uitvoeringslijn) in labels."""
    term = GemeenteProfiel.cached().term
    for name, field in form.fields.items():
        if name == "pijler":
            field.label = term.Enkelvoud
        elif name == "pijlers":
            field.label = term.Meervoud


class SafeModelMultipleChoiceField(IdModelMultipleChoiceField):
    """Refuses ids that are not plain ASCII digits in range with the normal Dutch message.

    Without this, SQLite raises OverflowError on `pk__in` with a 30-digit id (a 500).
    Every multiple-choice field of the portal's forms uses it (inclusie.ids.parse_id).
    """


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


class PortalPasswordResetForm(PasswordResetForm):
    """Django's reset form; the mail goes out as a stored Notificatie with a PORTAL_BASE_URL link."""

    def save(self, **kwargs):
        from django.conf import settings

        portal = urlsplit(settings.PORTAL_BASE_URL)
        kwargs.update(domain_override=portal.netloc, use_https=portal.scheme == "https")
        return super().save(**kwargs)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from django.template.loader import render_to_string

        from inclusie.services import notificatie_queue

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        notificatie_queue(
            ontvanger=context["user"],
            onderwerp=subject,
            tekst=render_to_string(email_template_name, context),
        )


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
            "term_lidwoord",
            "term_pijlers",
            "hoe_aansluiten",
            "contact_email",
            "burgemeester",
            "secretaris",
            "logo",
            "huisstijlkleur",
        ]
        widgets = {
            "huisstijlkleur": forms.TextInput(attrs={"type": "color"}),
            "term_lidwoord": forms.RadioSelect,
        }
        help_texts = {
            "huisstijlkleur": _(
                "De kleur van het portaal (kopbalk, menu, knoppen, links) en van koppen en "
                "lijnen in de documenten. Kies een donkere kleur: witte tekst erop en de kleur "
                "op wit moeten goed leesbaar zijn (contrast minimaal 4,5:1)."
            ),
            "logo": _(
                "PNG of JPEG, hoogstens 2 MB. Staat in de kopbalk van het portaal en in het "
                "briefhoofd van raadsmededelingen."
            ),
        }


class UserInviteForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(label=_("E-mailadres"))
    # Radios with nothing chosen: a role is a decision, never a default someone overlooks.
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de rol van de nieuwe gebruiker.")},
    )

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
        # The label already says which fields are required; the hint only says the format.
        help_texts = {"kvk_nummer": _("Acht cijfers.")}


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
        widgets = {"organisatie": Kiezer}
