import logging

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from inclusie import fragments, selectors, services
from inclusie.form_views import ServiceFormView
from inclusie.forms import (
    GemeenteProfielForm,
    LoginForm,
    OrganisatieForm,
    PersoonForm,
    PortalPasswordResetForm,
    UserInviteForm,
    UserRoleForm,
)
from inclusie.list_views import FilteredListView
from inclusie.models import GemeenteProfiel, Organisatie, Persoon, User
from inclusie.permissions import CHANGE, VIEW, AreaMixin, public_view
from inclusie.registry import panels_for, public_links

logger = logging.getLogger(__name__)


@public_view
class HomeView(TemplateView):
    """Anonymous visitors see the welcome page; signed-in users their role's home."""

    def get_template_names(self):
        return [
            "inclusie/home.html" if self.request.user.is_authenticated else "inclusie/welkom.html"
        ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.request.user.is_authenticated:
            ctx["panels"] = panels_for(self.request)
        return ctx


@login_not_required
def health(request):
    database = selectors.database_ok()
    broker = selectors.broker_status()
    body = {
        "status": "ok" if database else "error",
        "database": "ok" if database else "down",
        "broker": broker,
    }
    return JsonResponse(body, status=200 if database else 503)


# The huisstijl: public (the sign-in page wears it too) and cacheable, because the
# page links them with the colour or the profile's last change in the query string.
HUISSTIJL_CACHE = "public, max-age=86400"


@login_not_required
def theme_css(request):
    """The gemeente's colour as design tokens (inclusie.theme); the CSP forbids inline styles."""
    from inclusie import theme

    profiel = GemeenteProfiel.cached()
    response = HttpResponse(theme.stylesheet(profiel.huisstijlkleur), content_type="text/css")
    response["Cache-Control"] = HUISSTIJL_CACHE
    response.same_for_everyone = True  # SecurityHeadersMiddleware keeps the header
    return response


@login_not_required
def logo(request):
    """The gemeente's logo from the profile (private storage), for the page header."""
    profiel = GemeenteProfiel.cached()
    if not profiel.logo:
        raise Http404
    name = profiel.logo.name.lower()
    mime = "image/png" if name.endswith(".png") else "image/jpeg"
    try:
        handle = profiel.logo.open("rb")
    except OSError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=mime)
    response["Cache-Control"] = HUISSTIJL_CACHE
    response.same_for_everyone = True
    return response


@public_view
class ToegankelijkheidView(TemplateView):
    template_name = "inclusie/toegankelijkheid.html"


@public_view
@method_decorator(fragments.public_page, name="dispatch")
class OpenbaarIndexView(TemplateView):
    template_name = "openbaar/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(openbare_links=public_links(), **kwargs)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    """Reset mails rate-limited per address and per client; the answer is always the same.

    Whether the address belongs to an account, or a limit was reached, the person
    sees the same "if there is an account, a mail is on its way" page. The mail is
    a stored Notificatie sent by Celery, so its time does not show in the response
    either, and its link starts with PORTAL_BASE_URL (never the request's Host).
    """

    form_class = PortalPasswordResetForm

    def form_valid(self, form):
        from django.conf import settings

        from inclusie.security import client_ip, rate_limited

        window = settings.PASSWORD_RESET_RATE_WINDOW
        email = form.cleaned_data["email"]
        per_address = rate_limited(
            "reset-adres", email, limit=settings.PASSWORD_RESET_PER_ADDRESS, window_seconds=window
        )
        per_client = rate_limited(
            "reset-client",
            client_ip(self.request) or "",
            limit=settings.PASSWORD_RESET_PER_CLIENT,
            window_seconds=window,
        )
        if per_address or per_client:
            logger.warning("Password reset rate limit reached (address or client); no mail sent.")
            return redirect(self.get_success_url())
        return super().form_valid(form)


class AccountView(AreaMixin, TemplateView):
    area, action = "account", VIEW
    template_name = "inclusie/account.html"

    def get_context_data(self, **kwargs):
        from inclusie.twofactor import services as twofactor

        user = self.request.user
        tweestaps = {
            "enrolled": twofactor.is_enrolled(user),
            "required": twofactor.role_requires(user),
        }
        return super().get_context_data(tweestaps=tweestaps, **kwargs)


# --- beheer -----------------------------------------------------------------


class BeheerView(AreaMixin, TemplateView):
    area, action = "beheer", VIEW
    template_name = "inclusie/beheer/index.html"

    def get_context_data(self, **kwargs):
        from inclusie.registry import beheer_links, reference_lists

        return super().get_context_data(lijsten=reference_lists(), links=beheer_links(), **kwargs)


class GemeenteProfielView(ServiceFormView):
    area, action = "beheer", CHANGE
    form_class = GemeenteProfielForm
    success_url = reverse_lazy("beheer")
    success_message = _("Het gemeenteprofiel is opgeslagen.")
    title = _("Gemeenteprofiel")
    intro = _(
        "De naam, code en woorden die het portaal overal gebruikt. Gebruikt uw gemeente "
        "'speerpunt' of 'uitvoeringslijn' in plaats van 'pijler'? Vul dat hier in."
    )

    def get_instance(self):
        return GemeenteProfiel.load()

    def breadcrumbs(self):
        return [(_("Beheer"), reverse("beheer"))]

    def perform(self, form):
        return services.gemeente_update(data=form.cleaned_data)


class UserListView(FilteredListView):
    area, action = "beheer", VIEW
    template_name = "inclusie/beheer/gebruikers.html"
    selector = staticmethod(selectors.user_list)


class UserInviteView(ServiceFormView):
    area, action = "beheer", CHANGE
    form_class = UserInviteForm
    success_url = reverse_lazy("gebruiker-list")
    title = _("Gebruiker uitnodigen")
    intro = _(
        "De nieuwe gebruiker krijgt een e-mail met een link om zelf een wachtwoord te kiezen."
    )
    submit_label = _("Uitnodiging versturen")

    def breadcrumbs(self):
        return [(_("Beheer"), reverse("beheer")), (_("Gebruikers"), reverse("gebruiker-list"))]

    def perform(self, form):
        return services.user_invite(**form.cleaned_data)

    def get_success_message(self, user):
        return _("%(email)s is uitgenodigd.") % {"email": user.email}


class UserUpdateView(ServiceFormView):
    area, action = "beheer", CHANGE
    model = User
    form_class = UserRoleForm
    success_url = reverse_lazy("gebruiker-list")
    success_message = _("De gebruiker is opgeslagen.")
    title = _("Gebruiker wijzigen")

    def get_instance(self):
        return get_object_or_404(User, pk=self.kwargs["pk"])

    def back_url(self):
        return reverse("gebruiker-list")

    def breadcrumbs(self):
        return [(_("Beheer"), reverse("beheer")), (_("Gebruikers"), reverse("gebruiker-list"))]

    def perform(self, form):
        return form.save()


class AuditLogView(FilteredListView):
    """The audit log, filtered by person, object and period; `?export=csv` downloads the result."""

    area, action = "audit", VIEW
    template_name = "inclusie/beheer/audit.html"
    selector = staticmethod(selectors.audit_log)

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.export_csv()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = self.request.GET.copy()
        params.pop("export", None)
        self.filterset = type(self).selector(params=params or None)
        return self.filterset.qs

    def export_csv(self):
        from django.utils import timezone

        from inclusie.audit import changes_text
        from inclusie.exports import csv_response

        rows = (
            (
                timezone.localtime(e.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
                str(e.actor) if e.actor_id else _("systeem"),
                e.content_type.name if e.content_type_id else "",
                e.object_pk,
                e.object_repr,
                e.get_action_display(),
                changes_text(e),
            )
            for e in self.get_queryset().iterator(chunk_size=500)
        )
        header = [
            _("Moment"),
            _("Door"),
            _("Soort gegeven"),
            _("Objectnummer"),
            _("Wat"),
            _("Actie"),
            _("Wijzigingen"),
        ]
        return csv_response("logboek", [str(h) for h in header], rows)


# --- relaties (organisaties en personen) ----------------------------------------


class OrganisatieListView(FilteredListView):
    area, action = "relaties", VIEW
    template_name = "inclusie/organisatie_list.html"
    selector = staticmethod(selectors.organisatie_list)


class OrganisatieDetailView(AreaMixin, DetailView):
    area, action = "relaties", VIEW
    model = Organisatie
    template_name = "inclusie/organisatie_detail.html"

    def get_queryset(self):
        return Organisatie.objects.select_related("wijk").prefetch_related("personen")


class OrganisatieCreateView(ServiceFormView):
    area, action = "relaties", CHANGE
    model = Organisatie
    form_class = OrganisatieForm
    title = _("Organisatie toevoegen")
    success_message = _("De organisatie is opgeslagen.")

    def perform(self, form):
        return services.organisatie_save(organisatie=form.save(commit=False))

    def breadcrumbs(self):
        trail = [(_("Organisaties"), reverse("organisatie-list"))]
        if self.kwargs.get("pk"):
            obj = self.get_instance()
            trail.append((obj.naam, reverse("organisatie-detail", args=[obj.pk])))
        return trail

    def get_success_url(self):
        return reverse("organisatie-detail", args=[self.object.pk])


class OrganisatieUpdateView(OrganisatieCreateView):
    title = _("Organisatie wijzigen")

    def get_instance(self):
        return get_object_or_404(Organisatie, pk=self.kwargs["pk"])


class PersoonListView(FilteredListView):
    area, action = "relaties", VIEW
    template_name = "inclusie/persoon_list.html"
    selector = staticmethod(selectors.persoon_list)


class PersoonDetailView(AreaMixin, DetailView):
    area, action = "relaties", VIEW
    model = Persoon
    template_name = "inclusie/persoon_detail.html"

    def get_queryset(self):
        return Persoon.objects.select_related("organisatie", "wijk", "user")


class PersoonCreateView(ServiceFormView):
    area, action = "relaties", CHANGE
    model = Persoon
    form_class = PersoonForm
    title = _("Persoon toevoegen")
    success_message = _("De gegevens zijn opgeslagen.")

    def perform(self, form):
        return services.persoon_save(persoon=form.save(commit=False))

    def breadcrumbs(self):
        trail = [(_("Personen"), reverse("persoon-list"))]
        if self.kwargs.get("pk"):
            obj = self.get_instance()
            trail.append((obj.naam, reverse("persoon-detail", args=[obj.pk])))
        return trail


class PersoonUpdateView(PersoonCreateView):
    title = _("Persoon wijzigen")

    def get_instance(self):
        return get_object_or_404(Persoon, pk=self.kwargs["pk"])


def _error(template: str, status: int):
    def view(request, exception=None):
        return render(request, template, status=status)

    return view


handler403 = _error("403.html", 403)
handler404 = _error("404.html", 404)
handler500 = _error("500.html", 500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
