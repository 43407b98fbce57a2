"""The stappenplan board, a step's page, the werkgroep and participation activities."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from inclusie.downloads import private_file_response
from inclusie.form_views import ServiceFormView
from inclusie.list_views import FilteredListView
from inclusie.permissions import CHANGE, VIEW, AreaMixin, requires
from stappenplan import selectors as sel
from stappenplan import services
from stappenplan.forms import (
    ParticipatieForm,
    StapActieForm,
    StapDocumentForm,
    StapForm,
    WerkgroepForm,
    WerkgroepLidForm,
)
from stappenplan.inhoud import GUIDANCE
from stappenplan.models import ParticipatieActiviteit, Stap, StapActie, StapDocument, Werkgroep

WERKGROEP_MIN, WERKGROEP_MAX = 8, 10


class StappenplanView(AreaMixin, TemplateView):
    area, action = "stappenplan", VIEW
    template_name = "stappenplan/board.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        alle = list(
            sel.stappen().annotate(open_acties=Count("acties", filter=Q(acties__afgerond=False)))
        )
        ctx["stappen"] = [s for s in alle if s.soort == Stap.Soort.STAP]
        ctx["randvoorwaarden"] = [s for s in alle if s.soort == Stap.Soort.RANDVOORWAARDE]
        ctx["werkgroepen"] = list(sel.werkgroepen())
        ctx["activiteiten"] = ParticipatieActiviteit.objects.count()
        ctx["niet_bereikt"] = list(sel.niet_bereikt())
        return ctx


class StapMixin(AreaMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.stap = sel.stap_detail(pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class StapDetailView(StapMixin, TemplateView):
    area, action = "stappenplan", VIEW
    template_name = "stappenplan/stap.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        stap = self.stap
        ctx.update(
            stap=stap,
            guidance=GUIDANCE.get(stap.code, {}),
            acties=list(stap.acties.select_related("eigenaar")),
            documenten=list(stap.documenten.select_related("door")),
            gebeurtenissen=list(stap.gebeurtenissen.select_related("door")[:20]),
            verkenning_zichtbaar=bool(
                stap.verkenning_id
                and sel.verkenningen_visible(user=self.request.user)
                .filter(pk=stap.verkenning_id)
                .exists()
            ),
        )
        return ctx


class StapFormView(StapMixin, ServiceFormView):
    """A form page of one step; back to the step's page afterwards."""

    area, action = "stappenplan", CHANGE
    model = Stap

    def back_url(self):
        return self.stap.get_absolute_url()

    def breadcrumbs(self):
        return [(_("Stappenplan"), reverse("stappenplan")), (str(self.stap), self.back_url())]

    def get_success_url(self):
        return self.stap.get_absolute_url()


class StapUpdateView(StapFormView):
    form_class = StapForm
    success_message = gettext_lazy("De stap is bijgewerkt.")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": sel.stap_detail(pk=self.stap.pk),
            "verkenningen": sel.verkenningen_visible(user=self.request.user).order_by("-jaar"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("%(stap)s bijwerken") % {"stap": self.stap}, **kwargs
        )

    def perform(self, form):
        data = form.cleaned_data
        return services.stap_update(
            stap=self.stap,
            status=data["status"],
            notities=data["notities"],
            verkenning=data["verkenning"],
            by=self.request.user,
        )


class StapActieView(StapFormView):
    form_class = StapActieForm
    title = gettext_lazy("Volgende actie toevoegen")
    success_message = gettext_lazy("De actie is toegevoegd.")

    def perform(self, form):
        actie = form.save(commit=False)
        actie.stap = self.stap
        return services.stap_actie_add(actie=actie, by=self.request.user)


class StapDocumentView(StapFormView):
    form_class = StapDocumentForm
    title = gettext_lazy("Bewijsstuk toevoegen")
    success_message = gettext_lazy("Het bewijsstuk is toegevoegd.")

    def perform(self, form):
        document = form.save(commit=False)
        document.stap = self.stap
        return services.stap_document_add(document=document, by=self.request.user)


@requires("stappenplan", CHANGE)
@require_POST
def actie_afronden(request, pk: int):
    actie = StapActie.objects.select_related("stap").filter(pk=pk).first()
    if actie is None:
        raise Http404
    services.stap_actie_afronden(actie=actie, by=request.user)
    messages.success(request, _("De actie is afgerond."))
    return redirect(actie.stap)


@requires("stappenplan", VIEW)
def document_download(request, pk: int):
    document = StapDocument.objects.filter(pk=pk).first()
    if document is None:
        raise Http404
    return private_file_response(document.bestand)


class WerkgroepListView(AreaMixin, TemplateView):
    area, action = "stappenplan", VIEW
    template_name = "stappenplan/werkgroep_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(werkgroepen=list(sel.werkgroepen()), **kwargs)


class WerkgroepCreateView(ServiceFormView):
    area, action = "stappenplan", CHANGE
    form_class = WerkgroepForm
    title = gettext_lazy("Werkgroep oprichten")
    success_message = gettext_lazy("De werkgroep is aangemaakt.")

    def back_url(self):
        return reverse("werkgroep-list")

    def breadcrumbs(self):
        return [(_("Stappenplan"), reverse("stappenplan")), (_("Werkgroepen"), self.back_url())]

    def perform(self, form):
        return services.werkgroep_save(werkgroep=form.save(commit=False))


class WerkgroepDetailView(AreaMixin, TemplateView):
    area, action = "stappenplan", VIEW
    template_name = "stappenplan/werkgroep.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        werkgroep = sel.werkgroep_detail(pk=kwargs["pk"])
        leden = list(sel.werkgroep_leden(werkgroep=werkgroep))
        dekking = sel.werkgroep_dekking(werkgroep=werkgroep)
        ctx.update(
            werkgroep=werkgroep,
            leden=leden,
            dekking=dekking,
            ontbreekt=[d["aspect"] for d in dekking if not d["aantal"]],
            te_klein=len(leden) < WERKGROEP_MIN,
            te_groot=len(leden) > WERKGROEP_MAX,
            domeinen=len({lid.domein.strip().lower() for lid in leden}),
            minimum=WERKGROEP_MIN,
            maximum=WERKGROEP_MAX,
        )
        return ctx


class WerkgroepLidView(ServiceFormView):
    area, action = "stappenplan", CHANGE
    model = Werkgroep
    form_class = WerkgroepLidForm
    success_message = gettext_lazy("Het lid is toegevoegd.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.werkgroep = sel.werkgroep_detail(pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Lid toevoegen aan %(w)s") % {"w": self.werkgroep}, **kwargs
        )

    def back_url(self):
        return self.werkgroep.get_absolute_url()

    def breadcrumbs(self):
        return [
            (_("Stappenplan"), reverse("stappenplan")),
            (_("Werkgroepen"), reverse("werkgroep-list")),
            (str(self.werkgroep), self.back_url()),
        ]

    def perform(self, form):
        lid = form.save(commit=False)
        lid.werkgroep = self.werkgroep
        services.werkgroep_lid_add(lid=lid, kennis=form.cleaned_data["kennis"])
        return self.werkgroep


class ParticipatieListView(FilteredListView):
    area, action = "stappenplan", VIEW
    template_name = "stappenplan/participatie_list.html"
    context_object_name = "activiteiten"
    selector = staticmethod(sel.participatie_list)

    def get_context_data(self, **kwargs):
        return super().get_context_data(niet_bereikt=list(sel.niet_bereikt()), **kwargs)


class ParticipatieCreateView(ServiceFormView):
    area, action = "stappenplan", CHANGE
    form_class = ParticipatieForm
    title = gettext_lazy("Participatieactiviteit vastleggen")
    success_message = gettext_lazy("De activiteit is vastgelegd.")
    success_url = reverse_lazy("participatie-list")

    def back_url(self):
        return reverse("participatie-list")

    def breadcrumbs(self):
        return [
            (_("Stappenplan"), reverse("stappenplan")),
            (_("Inwoners en partners betrekken"), self.back_url()),
        ]

    def perform(self, form):
        return services.participatie_save(
            activiteit=form.save(commit=False), bereikt=form.cleaned_data["bereikt"]
        )
