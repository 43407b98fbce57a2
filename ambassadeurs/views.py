"""Ambassadors: the kwartiermaker's pages, the ambassador's self-service, the public list."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ambassadeurs import selectors, services
from ambassadeurs.forms import (
    ActiviteitForm,
    AmbassadeurForm,
    CoachingNotitieForm,
    EigenProfielForm,
    KwartiermakerActiviteitForm,
    PijlerEindeForm,
    PijlerLidForm,
    StatusForm,
)
from ambassadeurs.models import Activiteit, Ambassadeur
from inclusie.exports import csv_response
from inclusie.form_views import ConfirmDeleteView, ServiceFormView
from inclusie.ids import query_id
from inclusie.list_views import FilteredListView
from inclusie.models import GemeenteProfiel
from inclusie.permissions import CHANGE, VIEW, AreaMixin, allowed, public_view
from pijlers.models import Lidmaatschap

# --- kwartiermaker: ambassadors -----------------------------------------------------


class AmbassadeurListView(FilteredListView):
    area, action = "ambassadeurs", VIEW
    template_name = "ambassadeurs/ambassadeur_list.html"
    selector = staticmethod(selectors.ambassadeur_list)


class AmbassadeurDetailView(AreaMixin, TemplateView):
    area, action = "ambassadeurs", VIEW
    template_name = "ambassadeurs/ambassadeur_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ambassadeur = selectors.ambassadeur_detail(pk=self.kwargs["pk"])
        ctx["ambassadeur"] = ambassadeur
        ctx["activiteiten"] = selectors.activiteiten_van(ambassadeur=ambassadeur, limit=10)
        ctx["statuswijzigingen"] = ambassadeur.statuswijzigingen.all()
        # The coaching log is private to the kwartiermaker and the beheerder.
        if allowed(self.request.user, "coaching", VIEW):
            ctx["coachingnotities"] = ambassadeur.coachingnotities.select_related("auteur")
        return ctx


class AmbassadeurCreateView(ServiceFormView):
    area, action = "ambassadeurs", CHANGE
    form_class = AmbassadeurForm
    success_message = _("De ambassadeur is aangemeld.")
    title = _("Ambassadeur aanmelden")
    intro = _(
        "Leg de aanmelding en het intakegesprek vast. De status begint op 'aangemeld'; "
        "na de intake zet u de ambassadeur op actief."
    )

    def back_url(self):
        return reverse("ambassadeur-list")

    def breadcrumbs(self):
        return [(_("Ambassadeurs"), self.back_url())]

    def perform(self, form):
        data = {k: form.cleaned_data[k] for k in form.Meta.fields if k != "bereik"}
        return services.ambassadeur_create(
            persoon=form.persoon(),
            data=data,
            bereik=form.cleaned_data["bereik"],
            by=self.request.user,
        )


class AmbassadeurObjectMixin:
    model = Ambassadeur

    def get_ambassadeur(self) -> Ambassadeur:
        if not hasattr(self, "_ambassadeur"):
            self._ambassadeur = selectors.ambassadeur_detail(pk=self.kwargs["pk"])
        return self._ambassadeur

    def back_url(self):
        return self.get_ambassadeur().get_absolute_url()

    def breadcrumbs(self):
        return [
            (_("Ambassadeurs"), reverse("ambassadeur-list")),
            (str(self.get_ambassadeur()), self.back_url()),
        ]


class AmbassadeurUpdateView(AmbassadeurObjectMixin, ServiceFormView):
    area, action = "ambassadeurs", CHANGE
    form_class = AmbassadeurForm
    success_message = _("Het profiel is opgeslagen.")

    @property
    def title(self):
        return _("Profiel van %(naam)s wijzigen") % {"naam": self.get_ambassadeur()}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_ambassadeur()}

    def perform(self, form):
        ambassadeur = form.save(commit=False)
        ambassadeur.persoon = form.persoon()
        return services.ambassadeur_update(
            ambassadeur=ambassadeur, bereik=form.cleaned_data["bereik"]
        )


class AmbassadeurStatusView(AmbassadeurObjectMixin, ServiceFormView):
    area, action = "ambassadeurs", CHANGE
    form_class = StatusForm
    submit_label = _("Status wijzigen")

    @property
    def title(self):
        return _("Status van %(naam)s wijzigen") % {"naam": self.get_ambassadeur()}

    @property
    def intro(self):
        return _("Huidige status: %(status)s.") % {
            "status": self.get_ambassadeur().get_status_display()
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "ambassadeur": self.get_ambassadeur()}

    def perform(self, form):
        return services.ambassadeur_status_change(
            ambassadeur=self.get_ambassadeur(), by=self.request.user, **form.cleaned_data
        )

    def get_success_message(self, result):
        return _("De status is nu: %(s)s.") % {"s": result.get_status_display()}


class AmbassadeurPijlerView(AmbassadeurObjectMixin, ServiceFormView):
    area, action = "ambassadeurs", CHANGE
    form_class = PijlerLidForm
    success_message = _("Het lidmaatschap is opgeslagen.")

    @property
    def title(self):
        from inclusie.terms import current_term

        return _("%(naam)s aan %(term)s toevoegen") % {
            "naam": self.get_ambassadeur(),
            "term": current_term().een,
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "term": GemeenteProfiel.cached().term_pijler}

    def perform(self, form):
        return services.ambassadeur_pijler_join(
            ambassadeur=self.get_ambassadeur(), **form.cleaned_data
        )

    def get_success_url(self):
        return resolve_url(self.get_ambassadeur())


class PijlerEindeView(ServiceFormView):
    area, action = "ambassadeurs", CHANGE
    model = Lidmaatschap
    form_class = PijlerEindeForm
    success_message = _("Het lidmaatschap is beëindigd.")

    def get_lidmaatschap(self) -> Lidmaatschap:
        if not hasattr(self, "_lid"):
            lid = (
                Lidmaatschap.objects.select_related("pijler", "persoon__ambassadeurschap")
                .filter(
                    pk=self.kwargs["pk"],
                    rol=Lidmaatschap.Rol.AMBASSADEUR,
                    persoon__ambassadeurschap__isnull=False,
                )
                .first()
            )
            if lid is None:
                raise Http404
            self._lid = lid
        return self._lid

    @property
    def title(self):
        lid = self.get_lidmaatschap()
        return _("%(naam)s stopt bij %(pijler)s") % {"naam": lid.persoon, "pijler": lid.pijler}

    def back_url(self):
        return self.get_lidmaatschap().persoon.ambassadeurschap.get_absolute_url()

    def breadcrumbs(self):
        return [
            (_("Ambassadeurs"), reverse("ambassadeur-list")),
            (str(self.get_lidmaatschap().persoon), self.back_url()),
        ]

    def perform(self, form):
        lid = self.get_lidmaatschap()
        return services.ambassadeur_pijler_leave(lidmaatschap=lid, tot=form.cleaned_data["tot"])

    def get_success_url(self):
        return resolve_url(self.back_url())


class CoachingCreateView(ServiceFormView):
    area, action = "coaching", CHANGE
    form_class = CoachingNotitieForm
    title = _("Coachingsnotitie toevoegen")
    intro = _("Alleen de kwartiermaker en de beheerder kunnen coachingsnotities lezen.")

    def get_initial(self):
        return {"ambassadeur": query_id(self.request.GET, "ambassadeur")}

    def back_url(self):
        pk = query_id(self.request.GET, "ambassadeur")
        return reverse("ambassadeur-detail", args=[pk]) if pk else reverse("ambassadeur-list")

    def breadcrumbs(self):
        return [(_("Ambassadeurs"), reverse("ambassadeur-list"))]

    def perform(self, form):
        return services.coaching_notitie_add(notitie=form.save(commit=False), by=self.request.user)

    def get_success_message(self, notitie):
        return _("De notitie is opgeslagen.")

    def get_success_url(self):
        notitie = self.object
        return resolve_url(notitie.ambassadeur)


class ActiviteitListView(FilteredListView):
    area, action = "ambassadeurs", VIEW
    template_name = "ambassadeurs/activiteit_list.html"
    selector = staticmethod(selectors.activiteit_list)


def activiteit_export(request):
    rows = (
        (
            a.datum.isoformat(),
            a.ambassadeur.persoon.naam,
            a.get_soort_display(),
            a.titel,
            a.wijk.naam if a.wijk else "",
            a.aantal_bereikt if a.aantal_bereikt is not None else "",
        )
        for a in selectors.activiteit_list(params=request.GET or None).qs.iterator(chunk_size=500)
    )
    header = [
        str(_("Datum")),
        str(_("Ambassadeur")),
        str(_("Soort")),
        str(_("Activiteit")),
        str(_("Wijk")),
        str(_("Aantal bereikt")),
    ]
    return csv_response("activiteiten-ambassadeurs", header, rows)


activiteit_export.permission_area = "ambassadeurs"  # type: ignore[attr-defined]
activiteit_export.permission_action = VIEW  # type: ignore[attr-defined]


class ActiviteitCreateView(ServiceFormView):
    area, action = "ambassadeurs", CHANGE
    form_class = KwartiermakerActiviteitForm
    title = _("Activiteit van een ambassadeur vastleggen")

    def get_initial(self):
        return {**super().get_initial(), "ambassadeur": query_id(self.request.GET, "ambassadeur")}

    def back_url(self):
        pk = query_id(self.request.GET, "ambassadeur")
        return reverse("ambassadeur-detail", args=[pk]) if pk else reverse("activiteit-list")

    def breadcrumbs(self):
        return [
            (_("Ambassadeurs"), reverse("ambassadeur-list")),
            (_("Activiteiten van ambassadeurs"), reverse("activiteit-list")),
        ]

    def perform(self, form):
        return services.activiteit_save(activiteit=form.save(commit=False), by=self.request.user)

    def get_success_message(self, activiteit):
        return _("De activiteit is opgeslagen.")

    def get_success_url(self):
        activiteit = self.object
        return resolve_url(activiteit.ambassadeur)


class ActiviteitUpdateView(ActiviteitCreateView):
    model = Activiteit
    title = _("Activiteit wijzigen")

    def get_form_kwargs(self):
        activiteit = get_object_or_404(Activiteit, pk=self.kwargs["pk"])
        return {**super().get_form_kwargs(), "instance": activiteit}

    def back_url(self):
        return reverse("activiteit-list")

    def delete_url(self):
        return reverse("activiteit-delete", args=[self.kwargs["pk"]])


# --- the ambassador's self-service ---------------------------------------------------


class EigenMixin:
    """Views of the signed-in ambassador's own profile."""

    def eigen(self) -> Ambassadeur | None:
        if not hasattr(self, "_eigen"):
            self._eigen = selectors.ambassadeur_for_user(self.request.user)
        return self._eigen

    def back_url(self):
        return reverse("mijn-ambassadeurschap")

    def breadcrumbs(self):
        return [(_("Mijn ambassadeurschap"), self.back_url())]


class MijnAmbassadeurschapView(EigenMixin, AreaMixin, TemplateView):
    area, action = "mijn_ambassadeurschap", VIEW
    template_name = "ambassadeurs/mijn.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ambassadeur = self.eigen()
        ctx["ambassadeur"] = ambassadeur
        if ambassadeur is not None:
            ctx["activiteiten"] = selectors.activiteiten_van(ambassadeur=ambassadeur, limit=50)
        return ctx


class GeenProfielMixin(EigenMixin):
    """Without a linked profile the self-service forms explain what to do instead."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.eigen() is None:
            messages.info(
                request,
                _(
                    "Er is nog geen ambassadeursprofiel aan uw account gekoppeld. "
                    "Vraag de kwartiermaker om dit te doen."
                ),
            )
            return redirect("mijn-ambassadeurschap")
        return super().dispatch(request, *args, **kwargs)


class MijnProfielView(GeenProfielMixin, ServiceFormView):
    area, action = "mijn_ambassadeurschap", CHANGE
    form_class = EigenProfielForm
    success_url = reverse_lazy("mijn-ambassadeurschap")
    success_message = _("Uw profiel is opgeslagen.")
    title = _("Uw profiel wijzigen")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.eigen()}

    def perform(self, form):
        ambassadeur = form.save(commit=False)
        ambassadeur.persoon.toestemming_openbaar = form.cleaned_data["toestemming_openbaar"]
        return services.ambassadeur_update(
            ambassadeur=ambassadeur, bereik=form.cleaned_data["bereik"]
        )


class MijnActiviteitCreateView(GeenProfielMixin, ServiceFormView):
    area, action = "mijn_ambassadeurschap", CHANGE
    form_class = ActiviteitForm
    success_url = reverse_lazy("mijn-ambassadeurschap")
    success_message = _("Uw activiteit is opgeslagen. Dank u wel!")
    title = _("Activiteit vastleggen")
    intro = _("Wat heeft u gedaan voor inclusie, in uw organisatie of in de wijk?")

    def perform(self, form):
        activiteit = form.save(commit=False)
        activiteit.ambassadeur = self.eigen()
        return services.activiteit_save(activiteit=activiteit, by=self.request.user)


class MijnActiviteitUpdateView(MijnActiviteitCreateView):
    model = Activiteit
    title = _("Activiteit wijzigen")
    intro = ""

    def get_form_kwargs(self):
        # Someone else's activity is a 404, never a 403 that confirms it exists.
        activiteit = selectors.eigen_activiteit(user=self.request.user, pk=self.kwargs["pk"])
        return {**super().get_form_kwargs(), "instance": activiteit}

    def delete_url(self):
        return reverse("mijn-activiteit-delete", args=[self.kwargs["pk"]])


# --- public ----------------------------------------------------------------------------


@public_view
class OpenbareAmbassadeursView(TemplateView):
    template_name = "ambassadeurs/openbaar.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(ambassadeurs=selectors.publieke_ambassadeurs(), **kwargs)


class ActiviteitDeleteView(ConfirmDeleteView):
    area, action = "ambassadeurs", CHANGE
    title = _("Activiteit verwijderen")

    def get_object(self):
        return get_object_or_404(
            Activiteit.objects.select_related("ambassadeur__persoon"), pk=self.kwargs["pk"]
        )

    def delete(self, obj):
        services.activiteit_delete(activiteit=obj)

    def success_url(self, obj):
        return obj.ambassadeur.get_absolute_url()

    def breadcrumbs(self, obj):
        return [
            (_("Ambassadeurs"), reverse("ambassadeur-list")),
            (str(obj.ambassadeur), self.success_url(obj)),
        ]


class MijnActiviteitDeleteView(ActiviteitDeleteView):
    area, action = "mijn_ambassadeurschap", CHANGE

    def get_object(self):
        return selectors.eigen_activiteit(user=self.request.user, pk=self.kwargs["pk"])

    def success_url(self, obj):
        return reverse("mijn-ambassadeurschap")

    def breadcrumbs(self, obj):
        return [(_("Mijn ambassadeurschap"), self.success_url(obj))]
