from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from inclusie.models import User
from inclusie.permissions import CHANGE, VIEW, AreaMixin
from inclusie.twofactor import services
from inclusie.twofactor.forms import CodeForm, RecoveryCodeForm

NEW_CODES_SESSION_KEY = "twofactor_new_codes"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def _locked_out(request):
    logout(request)
    return render(request, "registration/lockout.html", status=429)


class VerifyView(AreaMixin, FormView):
    """Step two of signing in: the code from the app, or a recovery code."""

    area, action = "account", VIEW
    template_name = "twofactor/verify.html"

    @property
    def recovery(self) -> bool:
        return (self.request.POST.get("methode") or self.request.GET.get("methode")) == "herstel"

    def get_form_class(self):
        return RecoveryCodeForm if self.recovery else CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not services.needs_verification(request):
            return redirect(_next_url(request))
        if not services.is_enrolled(request.user):
            return redirect(f"{reverse('twofactor-enrol')}?{request.GET.urlencode()}")
        if services.is_locked(request):
            return _locked_out(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            recovery=self.recovery, next=_next_url(self.request), **kwargs
        )

    def form_valid(self, form):
        device = services.verify(
            request=self.request, token=form.cleaned_data["code"], recovery=self.recovery
        )
        if device is None:
            if services.is_locked(self.request):
                return _locked_out(self.request)
            form.add_error(
                "code",
                _("Deze herstelcode klopt niet of is al gebruikt.")
                if self.recovery
                else _("Deze code klopt niet. Wacht op een nieuwe code en probeer het opnieuw."),
            )
            return self.form_invalid(form)
        if self.recovery:
            left = services.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                _(
                    "U bent ingelogd met een herstelcode. U hebt nog %(n)s herstelcodes over; "
                    "koppel zo nodig opnieuw een authenticator-app."
                )
                % {"n": left},
            )
        return redirect(_next_url(self.request))


class EnrolView(AreaMixin, FormView):
    """Link an authenticator app: QR code, the secret as text, and a first code."""

    area, action = "account", VIEW
    template_name = "twofactor/enrol.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        # Someone already enrolled proves the old app first; replacing it needs a verified session.
        if (
            request.user.is_authenticated
            and not request.user.is_verified()
            and services.is_enrolled(request.user)
        ):
            return redirect(f"{reverse('twofactor-verify')}?{request.GET.urlencode()}")
        self.device = services.enrolment_start(user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        uri = services.otpauth_uri(self.device)
        secret = services.base32_secret(self.device)
        return super().get_context_data(
            qr_svg=services.qr_svg(uri, title=str(_("QR-code voor uw authenticator-app"))),
            secret=services.grouped(secret),
            otpauth_uri=uri,
            required=services.role_requires(self.request.user),
            replacing=services.is_enrolled(self.request.user),
            next=_next_url(self.request),
            **kwargs,
        )

    def form_valid(self, form):
        codes = services.enrolment_confirm(
            request=self.request, device=self.device, token=form.cleaned_data["code"]
        )
        if codes is None:
            form.add_error(
                "code",
                _(
                    "Deze code klopt niet. Controleer of de app de juiste sleutel heeft en of de klok van uw telefoon goed staat."
                ),
            )
            return self.form_invalid(form)
        self.request.session[NEW_CODES_SESSION_KEY] = codes
        messages.success(self.request, _("Tweestapsverificatie staat aan."))
        query = urlencode({"next": _next_url(self.request)})
        return redirect(f"{reverse('twofactor-recovery')}?{query}")


class RecoveryCodesView(AreaMixin, TemplateView):
    """New recovery codes, shown once; a POST makes a fresh set."""

    area, action = "account", VIEW
    template_name = "twofactor/recovery.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            codes=self.request.session.pop(NEW_CODES_SESSION_KEY, None),
            left=services.recovery_codes_left(user),
            enrolled=services.is_enrolled(user),
            next=_next_url(self.request),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not services.is_enrolled(request.user):
            return redirect("twofactor-enrol")
        request.session[NEW_CODES_SESSION_KEY] = services.recovery_codes_renew(user=request.user)
        return redirect("twofactor-recovery")


class DisableView(AreaMixin, View):
    """Turn the optional second factor off (not for roles that require it)."""

    area, action = "account", CHANGE

    def post(self, request, *args, **kwargs):
        if services.role_requires(request.user):
            messages.error(request, _("Voor uw rol is tweestapsverificatie verplicht."))
            return redirect("account")
        services.second_factor_reset(user=request.user, by=request.user, request=request)
        request.session[services.SESSION_REQUIRED] = False
        messages.success(request, _("Tweestapsverificatie staat uit."))
        return redirect("account")


class ResetView(AreaMixin, TemplateView):
    """The beheerder resets someone's second factor (lost phone); logged in the audit log."""

    area, action = "beheer", CHANGE
    model = User
    template_name = "twofactor/reset.html"

    def get_context_data(self, **kwargs):
        target = get_object_or_404(User, pk=self.kwargs["pk"])
        return super().get_context_data(
            target=target, enrolled=services.is_enrolled(target), **kwargs
        )

    def post(self, request, *args, **kwargs):
        target = get_object_or_404(User, pk=self.kwargs["pk"])
        services.second_factor_reset(user=target, by=request.user, request=request)
        messages.success(
            request,
            _(
                "De tweestapsverificatie van %(naam)s is gereset. Bij de volgende keer inloggen koppelt deze persoon opnieuw een app."
            )
            % {"naam": target},
        )
        return redirect("gebruiker-list")
