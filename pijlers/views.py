"""Pijler pages (shown with the gemeente's own word: pijler / speerpunt / uitvoeringslijn)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from inclusie.form_views import ServiceFormView, run_action
from inclusie.fragments import Deferred
from inclusie.models import GemeenteProfiel
from inclusie.permissions import CHANGE, VIEW, AreaMixin, requires
from inclusie.registry import slot_panels
from inclusie.terms import Term
from pijlers import selectors, services
from pijlers.forms import LidmaatschapForm, PijlerForm
from pijlers.models import Lidmaatschap, Pijler


def term() -> Term:
    return GemeenteProfiel.cached().term


class PijlerListView(AreaMixin, ListView):
    area, action = "pijlers", VIEW
    template_name = "pijlers/pijler_list.html"
    context_object_name = "pijlers"

    def get_queryset(self):
        return selectors.pijler_list()


def pijler_actions(pijler: Pijler) -> tuple[dict, list[dict]]:
    """What to do now at a pijler: one primary action, the rest in a menu.

    A pijler without an ambassador breaks the rule "at least one ambassador", so adding
    one comes first; otherwise adding members is the daily work.
    """
    lid = reverse("pijlers:lid-create", args=[pijler.pk])
    add_member = {"label": _("Lid toevoegen"), "url": lid}
    edit = {"label": _("Gegevens wijzigen"), "url": reverse("pijlers:update", args=[pijler.pk])}
    if not pijler.aantal_ambassadeurs:
        return {"label": _("Ambassadeur toevoegen"), "url": f"{lid}?rol=ambassadeur"}, [
            add_member,
            edit,
        ]
    return add_member, [edit]


class PijlerDetailView(AreaMixin, DetailView):
    area, action = "pijlers", VIEW
    template_name = "pijlers/pijler_detail.html"
    context_object_name = "pijler"

    def get_object(self, queryset=None):
        # Title and breadcrumbs only; the figures are read with the body (below).
        return get_object_or_404(
            Pijler.objects.only("pk", "naam", "slug"), slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # The page body is a cached fragment: read from the database only when rendered.
        ctx["pagina"] = Deferred(self._pagina)
        return ctx

    def _pagina(self) -> dict:
        pijler = selectors.pijler_detail(slug=self.kwargs["slug"])
        pagina = {
            "pijler": pijler,
            "leden": list(selectors.leden(pijler=pijler)),
            "oud_leden": list(selectors.leden(pijler=pijler, huidig=False)[:20]),
            # Partners, commitments, meetings...: the apps that own them fill the slot.
            "panels": slot_panels("pijler", self.request, pijler),
            "hoofdactie": None,
            "meer_acties": [],
        }
        if self.can("pijlers", CHANGE):
            pagina["hoofdactie"], pagina["meer_acties"] = pijler_actions(pijler)
        return pagina


def pijler_crumbs(pijler: Pijler | None = None) -> list[tuple[str, str]]:
    """The breadcrumbs of a form page under the pijlers (pijlers/form.html)."""
    crumbs = [(term().Meervoud, reverse("pijlers:list"))]
    if pijler is not None:
        crumbs.append((pijler.naam, pijler.get_absolute_url()))
    return crumbs


class PijlerCreateView(ServiceFormView):
    area, action = "pijlers", CHANGE
    form_class = PijlerForm
    template_name = "pijlers/form.html"
    success_message = gettext_lazy("De gegevens zijn opgeslagen.")

    def back_url(self):
        return reverse("pijlers:list")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = term().Nieuwe
        ctx["kruimels"] = pijler_crumbs()
        return ctx

    def perform(self, form):
        return services.pijler_save(pijler=form.save(commit=False))


class PijlerUpdateView(PijlerCreateView):
    model = Pijler

    def get_instance(self):
        return get_object_or_404(Pijler, pk=self.kwargs["pk"])

    def back_url(self):
        return self.get_instance().get_absolute_url()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("%(naam)s wijzigen") % {"naam": self.get_instance()}
        ctx["kruimels"] = pijler_crumbs(self.get_instance())
        return ctx


class LidmaatschapCreateView(ServiceFormView):
    area, action = "pijlers", CHANGE
    model = Pijler
    form_class = LidmaatschapForm
    template_name = "pijlers/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.pijler = get_object_or_404(Pijler, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"rol": self.request.GET.get("rol") or Lidmaatschap.Rol.PARTNER}

    def back_url(self):
        return self.pijler.get_absolute_url()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.request.GET.get("rol") == Lidmaatschap.Rol.AMBASSADEUR:
            ctx["title"] = _("Ambassadeur toevoegen aan %(naam)s") % {"naam": self.pijler}
        else:
            ctx["title"] = _("Lid toevoegen aan %(naam)s") % {"naam": self.pijler}
        ctx["kruimels"] = pijler_crumbs(self.pijler)
        return ctx

    def perform(self, form):
        data = form.cleaned_data
        return services.lidmaatschap_add(
            pijler=self.pijler,
            persoon=data["persoon"],
            rol=data["rol"],
            organisatie=data.get("organisatie"),
            sinds=data["sinds"],
        )

    def get_success_message(self, lid):
        return _("%(naam)s is toegevoegd.") % {"naam": lid.persoon}

    def get_success_url(self):
        return self.pijler.get_absolute_url()


@requires("pijlers", CHANGE)
@require_POST
def lidmaatschap_end(request, pk: int):
    lid = get_object_or_404(Lidmaatschap.objects.select_related("pijler", "persoon"), pk=pk)
    run_action(
        request,
        lambda: services.lidmaatschap_end(lidmaatschap=lid),
        success=_("Het lidmaatschap van %(naam)s is beëindigd.") % {"naam": lid.persoon},
    )
    return redirect(lid.pijler)
