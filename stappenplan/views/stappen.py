"""The stappenplan board, a step's page, the werkgroep and participation activities."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

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


class StapUpdateView(StapMixin, FormView):
    area, action = "stappenplan", CHANGE
    model = Stap
    form_class = StapForm
    template_name = "inclusie/form_page.html"

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

    def form_valid(self, form):
        data = form.cleaned_data
        services.stap_update(
            stap=self.stap,
            status=data["status"],
            notities=data["notities"],
            verkenning=data["verkenning"],
            door=self.request.user,
        )
        messages.success(self.request, _("De stap is bijgewerkt."))
        return redirect(self.stap)


class StapActieView(StapMixin, FormView):
    area, action = "stappenplan", CHANGE
    model = Stap
    form_class = StapActieForm
    template_name = "inclusie/form_page.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Volgende actie toevoegen"), **kwargs)

    def form_valid(self, form):
        actie = form.save(commit=False)
        actie.stap = self.stap
        try:
            services.stap_actie_add(actie=actie, door=self.request.user)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("De actie is toegevoegd."))
        return redirect(self.stap)


class StapDocumentView(StapMixin, FormView):
    area, action = "stappenplan", CHANGE
    model = Stap
    form_class = StapDocumentForm
    template_name = "inclusie/form_page.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Bewijsstuk toevoegen"), **kwargs)

    def form_valid(self, form):
        document = form.save(commit=False)
        document.stap = self.stap
        try:
            services.stap_document_add(document=document, door=self.request.user)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("Het bewijsstuk is toegevoegd."))
        return redirect(self.stap)


@requires("stappenplan", CHANGE)
@require_POST
def actie_afronden(request, pk: int):
    actie = StapActie.objects.select_related("stap").filter(pk=pk).first()
    if actie is None:
        raise Http404
    services.stap_actie_afronden(actie=actie, door=request.user)
    messages.success(request, _("De actie is afgerond."))
    return redirect(actie.stap)


@requires("stappenplan", VIEW)
def document_download(request, pk: int):
    document = StapDocument.objects.filter(pk=pk).first()
    if document is None or not document.bestand:
        raise Http404
    return FileResponse(document.bestand.open("rb"), as_attachment=True)


class WerkgroepListView(AreaMixin, TemplateView):
    area, action = "stappenplan", VIEW
    template_name = "stappenplan/werkgroep_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(werkgroepen=list(sel.werkgroepen()), **kwargs)


class WerkgroepCreateView(AreaMixin, FormView):
    area, action = "stappenplan", CHANGE
    form_class = WerkgroepForm
    template_name = "inclusie/form_page.html"
    extra_context = {"title": gettext_lazy("Werkgroep oprichten")}

    def form_valid(self, form):
        werkgroep = services.werkgroep_save(werkgroep=form.save(commit=False))
        messages.success(self.request, _("De werkgroep is aangemaakt."))
        return redirect(werkgroep)


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


class WerkgroepLidView(AreaMixin, FormView):
    area, action = "stappenplan", CHANGE
    model = Werkgroep
    form_class = WerkgroepLidForm
    template_name = "inclusie/form_page.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.werkgroep = sel.werkgroep_detail(pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Lid toevoegen aan %(w)s") % {"w": self.werkgroep}, **kwargs
        )

    def form_valid(self, form):
        lid = form.save(commit=False)
        lid.werkgroep = self.werkgroep
        try:
            services.werkgroep_lid_add(lid=lid, kennis=form.cleaned_data["kennis"])
        except ValidationError as exc:
            for field_name, errors in exc.message_dict.items():
                form.add_error(field_name if field_name in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Het lid is toegevoegd."))
        return redirect(self.werkgroep)


class ParticipatieListView(AreaMixin, TemplateView):
    area, action = "stappenplan", VIEW
    template_name = "stappenplan/participatie_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        filterset = sel.participatie_list(params=self.request.GET)
        page = Paginator(filterset.qs, 25).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        ctx.update(
            filter=filterset,
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            activiteiten=page.object_list,
            niet_bereikt=list(sel.niet_bereikt()),
            querystring=query.urlencode(),
        )
        return ctx


class ParticipatieCreateView(AreaMixin, FormView):
    area, action = "stappenplan", CHANGE
    form_class = ParticipatieForm
    template_name = "inclusie/form_page.html"
    extra_context = {"title": gettext_lazy("Participatieactiviteit vastleggen")}

    def form_valid(self, form):
        services.participatie_save(
            activiteit=form.save(commit=False), bereikt=form.cleaned_data["bereikt"]
        )
        messages.success(self.request, _("De activiteit is vastgelegd."))
        return redirect("participatie-list")
