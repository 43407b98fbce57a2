from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, ListView, TemplateView, UpdateView
from django.views.generic.edit import CreateView

from inclusie import selectors, services
from inclusie.forms import (
    GemeenteProfielForm,
    LoginForm,
    OrganisatieForm,
    PersoonForm,
    UserInviteForm,
    UserRoleForm,
)
from inclusie.models import GemeenteProfiel, Organisatie, Persoon, User
from inclusie.permissions import CHANGE, VIEW, AreaMixin, public_view
from inclusie.registry import panels_for, public_links

PAGE_SIZE = 25


class FilteredListView(AreaMixin, ListView):
    """A list that filters and paginates in the database through a selector."""

    paginate_by = PAGE_SIZE
    selector = None

    def get_queryset(self):
        self.filterset = type(self).selector(params=self.request.GET or None)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        ctx["querystring"] = query.urlencode()
        return ctx


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


@public_view
class ToegankelijkheidView(TemplateView):
    template_name = "inclusie/toegankelijkheid.html"


@public_view
class OpenbaarIndexView(TemplateView):
    template_name = "openbaar/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(openbare_links=public_links(), **kwargs)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


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


class GemeenteProfielView(AreaMixin, FormView):
    area, action = "beheer", CHANGE
    template_name = "inclusie/beheer/gemeente.html"
    form_class = GemeenteProfielForm
    success_url = reverse_lazy("beheer")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = GemeenteProfiel.load()
        return kwargs

    def form_valid(self, form):
        services.gemeente_update(data=form.cleaned_data)
        messages.success(self.request, _("Het gemeenteprofiel is opgeslagen."))
        return super().form_valid(form)


class UserListView(AreaMixin, ListView):
    area, action = "beheer", VIEW
    template_name = "inclusie/beheer/gebruikers.html"
    paginate_by = PAGE_SIZE
    queryset = User.objects.order_by("role", "naam")


class UserInviteView(AreaMixin, FormView):
    area, action = "beheer", CHANGE
    template_name = "inclusie/beheer/uitnodigen.html"
    form_class = UserInviteForm
    success_url = reverse_lazy("gebruiker-list")

    def form_valid(self, form):
        user = services.user_invite(
            **form.cleaned_data, base_url=self.request.build_absolute_uri("/")
        )
        messages.success(self.request, _("%(email)s is uitgenodigd.") % {"email": user.email})
        return super().form_valid(form)


class UserUpdateView(AreaMixin, UpdateView):
    area, action = "beheer", CHANGE
    model = User
    form_class = UserRoleForm
    template_name = "inclusie/form_page.html"
    success_url = reverse_lazy("gebruiker-list")
    extra_context = {"title": _("Gebruiker wijzigen")}

    def form_valid(self, form):
        messages.success(self.request, _("De gebruiker is opgeslagen."))
        return super().form_valid(form)


class AuditLogView(FilteredListView):
    """The audit log, filtered by person, object and period; `?export=csv` downloads the result."""

    area, action = "audit", VIEW
    template_name = "inclusie/beheer/audit.html"
    paginate_by = 50
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

        from inclusie.exports import csv_response

        rows = (
            (
                timezone.localtime(e.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
                str(e.actor) if e.actor_id else _("systeem"),
                e.content_type.name if e.content_type_id else "",
                e.object_pk,
                e.object_repr,
                e.get_action_display(),
                e.changes_str,
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


class OrganisatieCreateView(AreaMixin, CreateView):
    area, action = "relaties", CHANGE
    model = Organisatie
    form_class = OrganisatieForm
    template_name = "inclusie/form_page.html"
    extra_context = {"title": _("Organisatie toevoegen")}

    def form_valid(self, form):
        self.object = services.organisatie_save(organisatie=form.save(commit=False))
        messages.success(self.request, _("De organisatie is opgeslagen."))
        return redirect("organisatie-detail", pk=self.object.pk)


class OrganisatieUpdateView(OrganisatieCreateView, UpdateView):
    extra_context = {"title": _("Organisatie wijzigen")}


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


class PersoonCreateView(AreaMixin, CreateView):
    area, action = "relaties", CHANGE
    model = Persoon
    form_class = PersoonForm
    template_name = "inclusie/form_page.html"
    extra_context = {"title": _("Persoon toevoegen")}

    def form_valid(self, form):
        self.object = services.persoon_save(persoon=form.save(commit=False))
        messages.success(self.request, _("De gegevens zijn opgeslagen."))
        return redirect(self.object)


class PersoonUpdateView(PersoonCreateView, UpdateView):
    extra_context = {"title": _("Persoon wijzigen")}


def _error(template: str, status: int):
    def view(request, exception=None):
        return render(request, template, status=status)

    return view


handler403 = _error("403.html", 403)
handler404 = _error("404.html", 404)
handler500 = _error("500.html", 500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
