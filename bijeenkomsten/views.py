"""Views for meetings (/bijeenkomsten/) and own invitations and feed (/agenda/).

Thin: parse, call a selector or service, render. Object access goes through
selectors_meetings, which answer 404 for meetings a person may not see.
"""

from __future__ import annotations

import time

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from bijeenkomsten import ics
from bijeenkomsten import selectors as sel
from bijeenkomsten import services as svc
from bijeenkomsten.forms import (
    AanwezigheidForm,
    ActieForm,
    ActieWijzigenForm,
    AgendapuntForm,
    AnnulerenForm,
    BesluitForm,
    BijeenkomstForm,
    BijlageForm,
    ReeksForm,
    RsvpForm,
    ToestemmingForm,
    UitnodigenForm,
    VaststellenForm,
    VerslagForm,
    VerslagVeldForm,
)
from bijeenkomsten.models import (
    AanwezigheidToestemming,
    Actie,
    Agendapunt,
    Bijeenkomst,
    Bijlage,
    Uitnodiging,
)
from inclusie.form_views import add_service_errors
from inclusie.links import portal_url
from inclusie.pdf import render_to_pdf
from inclusie.permissions import CHANGE, VIEW, AreaMixin, public_view
from inclusie.publicatie_views import (
    LakbesluitView,
    PublicerenMetVoorvertoningForm,
    VoorvertoningView,
)
from inclusie.redaction import NAAM, marker

PAGE_SIZE = 25
FORM_PAGE = "bijeenkomsten/form.html"


class BijeenkomstMixin(AreaMixin):
    """Loads `self.bijeenkomst` (visible to the user, else 404) from the URL's pk."""

    area, action = "bijeenkomsten", CHANGE
    model = Bijeenkomst
    template_name = FORM_PAGE
    title = ""

    def dispatch(self, request, *args, **kwargs):
        self.bijeenkomst = sel.bijeenkomst_get(user=request.user, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["bijeenkomst"] = self.bijeenkomst
        ctx["title"] = self.title
        ctx["terug"] = self.get_success_url()
        return ctx

    def get_success_url(self):
        # Coming from the minutes (a decision or action added while writing them): back there.
        if self.request.GET.get("terug") == "verslag":
            return reverse("bijeenkomst-verslag", args=[self.bijeenkomst.pk])
        return self.bijeenkomst.get_absolute_url()


# --- lists and detail -------------------------------------------------------


class BijeenkomstListView(AreaMixin, ListView):
    area, action = "bijeenkomsten", VIEW
    template_name = "bijeenkomsten/list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        params = self.request.GET or None
        if params is None:
            params = {"wanneer": "komend"}
        self.filterset = sel.bijeenkomst_list(user=self.request.user, params=params)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        ctx["querystring"] = query.urlencode()
        return ctx


class BijeenkomstDetailView(AreaMixin, TemplateView):
    area, action = "bijeenkomsten", VIEW
    template_name = "bijeenkomsten/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        b = sel.bijeenkomst_detail(user=user, pk=kwargs["pk"])
        deelnemers, verborgen = sel.deelnemers_voor(b, user)
        mijn = next((u for u in b.uitnodigingen.all() if u.user_id == user.pk), None)
        ctx.update(
            bijeenkomst=b,
            deelnemers=deelnemers,
            verborgen=verborgen,
            mijn_uitnodiging=mijn,
            rsvp_form=RsvpForm(initial={"antwoord": mijn.antwoord}) if mijn else None,
            eerdere_acties=sel.open_acties_eerder(b, user),
            acties=sel.met_eigenaar_namen(b.acties.all(), user),
            beheert=sel.beheert_bijeenkomsten(user),
            vorige=sel.vorige_bijeenkomst(b, user),
        )
        return ctx


class BijeenkomstCreateView(AreaMixin, FormView):
    area, action = "bijeenkomsten", CHANGE
    form_class = BijeenkomstForm
    template_name = FORM_PAGE
    extra_context = {"title": gettext_lazy("Bijeenkomst plannen")}

    def get_initial(self):
        from bijeenkomsten.models import Soort

        soort = self.request.GET.get("soort", "")
        return {"soort": soort} if soort in Soort.values else {}

    def form_valid(self, form):
        try:
            b = svc.bijeenkomst_save(
                bijeenkomst=form.save(commit=False),
                door=self.request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De bijeenkomst is gepland. Voeg nu agendapunten toe."))
        return redirect(b)


class BijeenkomstUpdateView(BijeenkomstMixin, FormView):
    form_class = BijeenkomstForm
    title = gettext_lazy("Bijeenkomst wijzigen of verplaatsen")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.bijeenkomst}

    def form_valid(self, form):
        try:
            svc.bijeenkomst_save(
                bijeenkomst=form.save(commit=False),
                door=self.request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De bijeenkomst is opgeslagen."))
        return redirect(self.get_success_url())


class ReeksCreateView(AreaMixin, FormView):
    area, action = "bijeenkomsten", CHANGE
    form_class = ReeksForm
    template_name = FORM_PAGE
    extra_context = {
        "title": gettext_lazy("Reeks bijeenkomsten plannen"),
        "uitleg": gettext_lazy(
            "Bijvoorbeeld de maandelijkse ambassadeursbijeenkomst op de eerste dinsdag. "
            "Daarna kunt u elke bijeenkomst los verplaatsen of annuleren."
        ),
    }

    def form_valid(self, form):
        try:
            made = svc.reeks_create(
                reeks=form.save(commit=False),
                door=self.request.user,
                rollen=form.cleaned_data["rollen"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(n)d bijeenkomsten gepland.") % {"n": len(made)})
        return redirect(reverse("bijeenkomst-list") + "?wanneer=komend")


class AnnulerenView(BijeenkomstMixin, FormView):
    form_class = AnnulerenForm
    title = gettext_lazy("Bijeenkomst annuleren")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["uitleg"] = _(
            "Alleen deze bijeenkomst gaat niet door; de rest van de reeks blijft staan. "
            "Wie al een uitnodiging kreeg, krijgt een afmelding voor de agenda."
        )
        ctx["knop"] = _("Annuleren")
        return ctx

    def form_valid(self, form):
        svc.bijeenkomst_cancel(
            bijeenkomst=self.bijeenkomst,
            reden=form.cleaned_data["reden"],
            door=self.request.user,
        )
        messages.success(self.request, _("De bijeenkomst is geannuleerd."))
        return redirect(self.get_success_url())


# --- agenda items and attachments -------------------------------------------------


class AgendapuntCreateView(BijeenkomstMixin, FormView):
    form_class = AgendapuntForm
    title = gettext_lazy("Agendapunt toevoegen")

    def form_valid(self, form):
        punt = form.save(commit=False)
        punt.bijeenkomst = self.bijeenkomst
        try:
            svc.agendapunt_save(agendapunt=punt)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het agendapunt is toegevoegd."))
        return redirect(self.get_success_url() + "#agenda")


class AgendapuntUpdateView(AreaMixin, FormView):
    area, action = "bijeenkomsten", CHANGE
    model = Agendapunt
    form_class = AgendapuntForm
    template_name = FORM_PAGE

    def dispatch(self, request, *args, **kwargs):
        visible = sel.bijeenkomsten_zichtbaar(request.user).values("pk")
        self.punt = (
            Agendapunt.objects.filter(pk=kwargs["pk"], bijeenkomst__in=visible)
            .select_related("bijeenkomst")
            .first()
        )
        if self.punt is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.punt}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Agendapunt wijzigen")
        ctx["terug"] = self.punt.bijeenkomst.get_absolute_url()
        ctx["verwijder_url"] = reverse("agendapunt-delete", args=[self.punt.pk])
        ctx["verwijder_label"] = _("Agendapunt verwijderen")
        return ctx

    def form_valid(self, form):
        try:
            svc.agendapunt_save(agendapunt=form.save(commit=False))
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het agendapunt is opgeslagen."))
        return redirect(self.punt.bijeenkomst.get_absolute_url() + "#agenda")


class BijlageCreateView(BijeenkomstMixin, FormView):
    form_class = BijlageForm
    title = gettext_lazy("Bijlage toevoegen")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    def form_valid(self, form):
        try:
            svc.bijlage_add(
                agendapunt=form.cleaned_data["agendapunt"],
                bestand=form.cleaned_data["bestand"],
                door=self.request.user,
            )
        except ValidationError as exc:
            form.add_error("bestand", exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De bijlage is toegevoegd."))
        return redirect(self.get_success_url() + "#agenda")


class BijlageDownloadView(AreaMixin, View):
    area, action = "bijeenkomsten", VIEW

    def get(self, request, pk):
        bijlage = sel.bijlage_voor(user=request.user, pk=pk)
        try:
            handle = bijlage.bestand.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(handle, as_attachment=True, filename=bijlage.naam)
        response["X-Content-Type-Options"] = "nosniff"
        return response


# --- invitations and attendance ----------------------------------------------------


class UitnodigenView(BijeenkomstMixin, FormView):
    form_class = UitnodigenForm
    template_name = "bijeenkomsten/uitnodigen.html"
    title = gettext_lazy("Genodigden")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["uitnodigingen"] = self.bijeenkomst.uitnodigingen.select_related("user", "persoon")
        return ctx

    def form_valid(self, form):
        data = form.cleaned_data
        added = svc.uitnodigingen_add(
            bijeenkomst=self.bijeenkomst,
            users=data["users"],
            personen=data["personen"],
            rollen=data["rollen"],
        )
        messages.success(self.request, _("%(n)d genodigden toegevoegd.") % {"n": added})
        if data["versturen"]:
            try:
                sent = svc.uitnodigingen_send(bijeenkomst=self.bijeenkomst)
            except ValidationError as exc:
                messages.error(self.request, " ".join(exc.messages))
            else:
                messages.success(
                    self.request, _("%(n)d uitnodigingen per mail verstuurd.") % {"n": sent}
                )
        return redirect(reverse("bijeenkomst-uitnodigen", args=[self.bijeenkomst.pk]))


class AanwezigheidView(BijeenkomstMixin, FormView):
    form_class = AanwezigheidForm
    template_name = "bijeenkomsten/aanwezigheid.html"
    title = gettext_lazy("Aanwezigheid")

    def get_form_kwargs(self):
        rows = list(
            self.bijeenkomst.uitnodigingen.select_related("user", "persoon").order_by(
                "user__naam", "persoon__naam", "pk"
            )
        )
        return {**super().get_form_kwargs(), "uitnodigingen": rows}

    def post(self, request, *args, **kwargs):
        # A posted id that is not an invitee of this meeting is refused outright.
        form = self.get_form()
        posted = {k for k in request.POST if k.startswith("u_")}
        if posted - set(form.fields):
            form.add_error(None, _("U kunt alleen aanwezigheid invullen voor genodigden."))
            return self.form_invalid(form)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            svc.aanwezigheid_save(bijeenkomst=self.bijeenkomst, waarden=form.waarden())
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("De aanwezigheid is opgeslagen."))
        return redirect(self.get_success_url() + "#deelnemers")


# --- minutes: notes, decisions, actions --------------------------------------------


class VerslagView(BijeenkomstMixin, FormView):
    """The minutes: notes per agenda item, saved as they are typed (static/js/verslag.js).

    Posting the whole form is the fallback without JavaScript and what "Besluit
    vastleggen" / "Actiepunt toevoegen" do first (``volgende``), so going to another form
    never leaves unsaved text behind. Every text is saved against the version it was read
    at: a text someone else changed meanwhile is shown beside the writer's, nothing is
    saved, and saving again keeps the writer's text.
    """

    form_class = VerslagForm
    template_name = "bijeenkomsten/verslag.html"
    title = gettext_lazy("Verslag")
    VOLGENDE = {"actie": "actie-create", "besluit": "besluit-create"}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    def form_valid(self, form):
        from django.db import transaction

        conflicts = []
        try:
            with transaction.atomic():
                for field, veld, tekst, versie in form.teksten():
                    try:
                        svc.verslag_aantekening_save(
                            bijeenkomst=self.bijeenkomst, veld=veld, tekst=tekst, versie=versie
                        )
                    except svc.VerslagConflict as conflict:
                        conflicts.append((field, conflict))
                if conflicts:
                    raise _NietsOpgeslagen
        except _NietsOpgeslagen:
            form.data = form.data.copy()
            for field, conflict in conflicts:
                form.add_error(
                    field,
                    _(
                        "Iemand anders heeft deze aantekeningen om %(op)s gewijzigd. Hun tekst: "
                        "«%(tekst)s». Uw tekst staat hieronder; niets is opgeslagen. Sla opnieuw "
                        "op om uw tekst te bewaren, of neem hun tekst over."
                    )
                    % {
                        "op": timezone.localtime(conflict.op).strftime("%H:%M"),
                        "tekst": conflict.tekst or _("(leeg)"),
                    },
                )
                versie_veld = (
                    "versie_algemeen" if field == "verslag_algemeen" else f"versie_{field[5:]}"
                )
                form.data[versie_veld] = str(conflict.versie)
            return self.form_invalid(form)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het verslag is opgeslagen."))
        volgende = self.VOLGENDE.get(self.request.POST.get("volgende", ""))
        if volgende:
            return redirect(reverse(volgende, args=[self.bijeenkomst.pk]) + "?terug=verslag")
        return redirect(self.get_success_url() + "#verslag")


class _NietsOpgeslagen(Exception):
    """Rolls the whole minutes save back when one of its texts is in conflict."""


class VerslagAutosaveView(BijeenkomstMixin, View):
    """One text of the minutes, saved while it is typed: JSON for static/js/verslag.js."""

    def post(self, request, pk):
        from django.http import JsonResponse

        form = VerslagVeldForm(request.POST)
        if not form.is_valid():
            melding = " ".join(e for errors in form.errors.values() for e in errors)
            return JsonResponse({"melding": melding}, status=400)
        data = form.cleaned_data
        try:
            versie, op = svc.verslag_aantekening_save(
                bijeenkomst=self.bijeenkomst,
                veld=data["veld"],
                tekst=data["tekst"],
                versie=data["versie"],
            )
        except svc.VerslagConflict as conflict:
            return JsonResponse(
                {
                    "conflict": {
                        "versie": conflict.versie,
                        "tekst": conflict.tekst,
                        "door": _("Iemand anders"),
                        "op": timezone.localtime(conflict.op).strftime("%H:%M"),
                    },
                    "melding": _("Deze aantekeningen zijn intussen door iemand anders gewijzigd."),
                },
                status=409,
            )
        except ValidationError as exc:
            return JsonResponse({"melding": " ".join(exc.messages)}, status=400)
        return JsonResponse({"versie": versie, "op": timezone.localtime(op).strftime("%H:%M")})


class BesluitCreateView(BijeenkomstMixin, FormView):
    form_class = BesluitForm
    title = gettext_lazy("Besluit vastleggen")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    def form_valid(self, form):
        besluit = form.save(commit=False)
        besluit.bijeenkomst = self.bijeenkomst
        svc.besluit_add(besluit=besluit)
        messages.success(self.request, _("Het besluit is vastgelegd."))
        return redirect(self.get_success_url() + "#verslag")


class ActieCreateView(BijeenkomstMixin, FormView):
    form_class = ActieForm
    title = gettext_lazy("Actiepunt toevoegen")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    def form_valid(self, form):
        actie = form.save(commit=False)
        actie.bijeenkomst = self.bijeenkomst
        try:
            svc.actie_save(actie=actie)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het actiepunt is toegevoegd."))
        return redirect(self.get_success_url() + "#acties")


class ActieUpdateView(AreaMixin, FormView):
    """Change an action: move its due date, hand it to someone else, reopen it."""

    area, action = "bijeenkomsten", CHANGE
    model = Actie
    form_class = ActieWijzigenForm
    template_name = FORM_PAGE

    def dispatch(self, request, *args, **kwargs):
        self.actie = sel.actie_voor(user=request.user, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.actie,
            "bijeenkomst": self.actie.bijeenkomst,
        }

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Actiepunt wijzigen")
        ctx["terug"] = self.actie.bijeenkomst.get_absolute_url() + "#acties"
        return ctx

    def form_valid(self, form):
        actie = form.save(commit=False)
        if actie.status == Actie.Status.GEREED and actie.gereed_op is None:
            actie.gereed_op = timezone.now()
        elif actie.status == Actie.Status.OPEN:
            actie.gereed_op = None
        try:
            svc.actie_save(actie=actie)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het actiepunt is opgeslagen."))
        return redirect(actie.bijeenkomst.get_absolute_url() + "#acties")


class VaststellenView(BijeenkomstMixin, FormView):
    form_class = VaststellenForm
    title = gettext_lazy("Verslag vaststellen")

    def get_initial(self):
        return {"op": timezone.localdate()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["uitleg"] = _("Meestal stelt de volgende bijeenkomst het verslag vast.")
        ctx["knop"] = _("Vaststellen")
        return ctx

    def form_valid(self, form):
        try:
            svc.verslag_vaststellen(bijeenkomst=self.bijeenkomst, op=form.cleaned_data["op"])
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Het verslag is vastgesteld."))
        return redirect(self.get_success_url() + "#verslag")


def _pdf_context(b, user, lak=None) -> dict:
    from inclusie.models import GemeenteProfiel

    deelnemers, verborgen = sel.deelnemers_voor(b, user)
    return {
        "gelakt": lak is not None,
        "lak": lak,
        "woo": marker(NAAM),
        "bijeenkomst": b,
        "deelnemers": deelnemers,
        "verborgen": verborgen,
        "eerdere_acties": sel.open_acties_eerder(b, user),
        "acties": sel.met_eigenaar_namen(b.acties.all(), user),
        "gemeente": GemeenteProfiel.cached(),
    }


class BijeenkomstPdfView(AreaMixin, View):
    area, action = "bijeenkomsten", VIEW

    def get(self, request, pk):
        b = sel.bijeenkomst_detail(user=request.user, pk=pk)
        if request.GET.get("versie") == "openbaar":
            # The public version (seed 004) exists only once published after its preview.
            if b.openbaar_verslag:
                response = FileResponse(
                    b.openbaar_verslag.open("rb"), content_type="application/pdf"
                )
                response["Content-Disposition"] = (
                    f'inline; filename="bijeenkomst-{b.pk}-openbaar.pdf"'
                )
                return response
            if self.can("bijeenkomsten", CHANGE):
                return redirect("bijeenkomst-openbaar-voorvertoning", pk=b.pk)
            raise Http404
        started = time.monotonic()
        data = render_to_pdf("pdf/bijeenkomst.html", _pdf_context(b, request.user), title=str(b))
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="bijeenkomst-{b.pk}.pdf"'
        response["Server-Timing"] = f"pdf;dur={(time.monotonic() - started) * 1000:.0f}"
        return response


class _VerslagDocument:
    model = Bijeenkomst

    def get_document(self):
        return sel.bijeenkomst_detail(user=self.request.user, pk=self.kwargs["pk"])

    def get_teksten(self, document):
        return sel.openbaar_verslag_teksten(document)[0]

    def get_labels(self, document):
        return sel.openbaar_verslag_teksten(document)[1]

    def get_voorvertoning_url(self, document):
        return reverse("bijeenkomst-openbaar-voorvertoning", args=[document.pk])


class VerslagVoorvertoningView(_VerslagDocument, VoorvertoningView):
    """The mandatory preview of the public minutes: all free text, every redaction."""

    area, action = "bijeenkomsten", CHANGE
    decide_area = "bijeenkomsten"
    besluit_url_name = "bijeenkomst-openbaar-lakken"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        b = ctx["document"]
        ctx["titel"] = _("Verslag: %(titel)s, %(datum)s") % {
            "titel": b.titel,
            "datum": date_format(timezone.localtime(b.start), "j F Y"),
        }
        ctx["terug"] = b.get_absolute_url()
        ctx["terug_label"] = _("Terug naar de bijeenkomst")
        ctx["uitleg_extra"] = _(
            "Namen in de kolommen organisator, genodigden en actiehouders worden altijd gelakt."
        )
        return ctx

    def get_publiceren(self, document):
        info = {
            "titel": _("Openbaar verslag publiceren"),
            "url": reverse("bijeenkomst-openbaar-publiceren", args=[document.pk]),
            "knop": _("Openbaar verslag definitief maken"),
            "kan": False,
        }
        if document.openbaar_verslag_op:
            info["uitleg"] = _("Het openbare verslag is gepubliceerd.")
        elif document.verslag_status != Bijeenkomst.VerslagStatus.VASTGESTELD:
            info["uitleg"] = _("Stel het verslag eerst vast; daarna kunt u het openbaar maken.")
        else:
            info["kan"] = True
        return info


class VerslagLakbesluitView(_VerslagDocument, LakbesluitView):
    area, action = "bijeenkomsten", CHANGE
    preview_view = VerslagVoorvertoningView


class VerslagPublicerenView(AreaMixin, View):
    area, action = "bijeenkomsten", CHANGE
    model = Bijeenkomst
    http_method_names = ["post"]

    def post(self, request, pk):
        b = sel.bijeenkomst_detail(user=request.user, pk=pk)
        form = PublicerenMetVoorvertoningForm(request.POST)
        if form.is_valid():
            try:
                svc.verslag_openbaar_maken(
                    bijeenkomst=b,
                    by=request.user,
                    sleutel=form.cleaned_data["sleutel"],
                    pdf_context=lambda result: _pdf_context(b, request.user, lak=result),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Het openbare verslag is gepubliceerd."))
                return redirect(b.get_absolute_url())
        view = VerslagVoorvertoningView()
        view.setup(request, pk=pk)
        return view.render_to_response(view.get_context_data(publiceren_form=form), status=400)


class BijeenkomstIcsView(AreaMixin, View):
    area, action = "bijeenkomsten", VIEW

    def get(self, request, pk):
        b = sel.bijeenkomst_get(user=request.user, pk=pk)
        body = ics.calendar([b], url_for=lambda x: portal_url(x.get_absolute_url()))
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{b.pk}.ics"'
        return response


# --- actions ---------------------------------------------------------------------


class ActieListView(AreaMixin, ListView):
    area, action = "bijeenkomsten", VIEW
    template_name = "bijeenkomsten/acties.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.filterset = sel.actie_list(user=self.request.user, params=self.request.GET or None)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        ctx["querystring"] = query.urlencode()
        ctx["vandaag"] = timezone.localdate()
        return ctx


class ActieGereedView(AreaMixin, View):
    """POST: mark an action done (its owner, or an organiser)."""

    area, action = "agenda", CHANGE
    http_method_names = ["post"]

    def post(self, request, pk):
        actie = sel.actie_voor(user=request.user, pk=pk)
        svc.actie_gereed(actie=actie)
        messages.success(request, _("Het actiepunt is gereed gemeld."))
        nxt = request.POST.get("next", "")
        if nxt.startswith("/") and not nxt.startswith("//"):
            return redirect(nxt)
        return redirect("actie-list")


# --- own agenda, RSVP and feed -------------------------------------------------------


class MijnAgendaView(AreaMixin, TemplateView):
    area, action = "agenda", VIEW
    template_name = "bijeenkomsten/mijn_agenda.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["komend"] = list(sel.mijn_uitnodigingen(user=user)[:50])
        ctx["voorbij"] = list(sel.mijn_uitnodigingen(user=user, voorbij=True)[:10])
        return ctx


class RsvpView(AreaMixin, FormView):
    area, action = "agenda", CHANGE
    model = Uitnodiging
    form_class = RsvpForm
    template_name = FORM_PAGE

    def dispatch(self, request, *args, **kwargs):
        self.uitnodiging = sel.uitnodiging_van(user=request.user, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"antwoord": self.uitnodiging.antwoord}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Komt u naar %(titel)s?") % {"titel": self.uitnodiging.bijeenkomst.titel}
        ctx["terug"] = self.uitnodiging.bijeenkomst.get_absolute_url()
        ctx["knop"] = _("Antwoord versturen")
        return ctx

    def form_valid(self, form):
        try:
            svc.uitnodiging_rsvp(
                uitnodiging=self.uitnodiging, antwoord=form.cleaned_data["antwoord"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Bedankt, uw antwoord is opgeslagen."))
        nxt = self.request.POST.get("next", "")
        if nxt.startswith("/") and not nxt.startswith("//"):
            return redirect(nxt)
        return redirect("mijn-agenda")


class AgendaKoppelenView(AreaMixin, TemplateView):
    area, action = "agenda", VIEW
    template_name = "bijeenkomsten/koppelen.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["feed_url"] = portal_url(reverse("agenda-feed", args=[user.calendar_token]))
        toestemming = AanwezigheidToestemming.objects.filter(user=user).first()
        ctx["toestemming"] = toestemming
        ctx["toestemming_form"] = ToestemmingForm(
            initial={"zichtbaar": bool(toestemming and toestemming.zichtbaar)}
        )
        return ctx


class AgendaTokenVernieuwenView(AreaMixin, FormView):
    area, action = "agenda", CHANGE
    form_class = forms.Form
    template_name = FORM_PAGE
    extra_context = {
        "title": gettext_lazy("Nieuwe agendalink maken"),
        "uitleg": gettext_lazy(
            "De oude link werkt daarna niet meer. Gebruik dit als iemand anders uw link kent."
        ),
        "knop": gettext_lazy("Nieuwe link maken"),
    }

    def form_valid(self, form):
        svc.agenda_token_reset(user=self.request.user)
        messages.success(
            self.request, _("Er is een nieuwe agendalink gemaakt. De oude werkt niet meer.")
        )
        return redirect("agenda-koppelen")


class ToestemmingView(AreaMixin, FormView):
    area, action = "agenda", CHANGE
    form_class = ToestemmingForm
    template_name = FORM_PAGE
    extra_context = {"title": gettext_lazy("Aanwezigheid tonen aan anderen")}

    def get_initial(self):
        t = AanwezigheidToestemming.objects.filter(user=self.request.user).first()
        return {"zichtbaar": bool(t and t.zichtbaar)}

    def form_valid(self, form):
        svc.toestemming_set(user=self.request.user, zichtbaar=form.cleaned_data["zichtbaar"])
        messages.success(self.request, _("Uw keuze is opgeslagen."))
        return redirect("agenda-koppelen")


@public_view
class OpenbaarVerslagListView(ListView):
    """The public archive of minutes published after the redaction preview (Woo)."""

    template_name = "bijeenkomsten/openbaar_verslagen.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return sel.openbare_verslagen()


@public_view
class OpenbaarVerslagPdfView(View):
    model = Bijeenkomst

    def get(self, request, pk):
        b = sel.openbare_verslagen().filter(pk=pk).first()
        if b is None:
            raise Http404
        return FileResponse(
            b.openbaar_verslag.open("rb"),
            content_type="application/pdf",
            filename=f"verslag-{b.start:%Y-%m-%d}-{b.pk}-openbaar.pdf",
        )


@public_view
class AgendaFeedView(View):
    """The personal .ics feed: the secret token is the key; unknown or revoked -> 404."""

    def get(self, request, token):
        user = sel.feed_user(token)
        body = ics.calendar(
            sel.feed_bijeenkomsten(user),
            naam=_("Inclusie Portaal - bijeenkomsten"),
            url_for=lambda b: portal_url(b.get_absolute_url()),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


class _DeleteView(AreaMixin, View):
    """POST-only removal of a row that belongs to a meeting the user may change."""

    area, action = "bijeenkomsten", CHANGE
    http_method_names = ["post"]
    model: type = Agendapunt
    path_to_meeting = "bijeenkomst"
    anchor = ""
    message = ""

    def service(self, obj) -> None:
        raise NotImplementedError

    def post(self, request, pk):
        visible = sel.bijeenkomsten_zichtbaar(request.user).values("pk")
        obj = self.model.objects.filter(pk=pk, **{f"{self.path_to_meeting}__in": visible}).first()
        if obj is None:
            raise Http404
        meeting_url = reverse(
            "bijeenkomst-detail",
            args=[
                obj.agendapunt.bijeenkomst_id
                if self.path_to_meeting.startswith("agendapunt")
                else obj.bijeenkomst_id
            ],
        )
        try:
            self.service(obj)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, self.message)
        return redirect(meeting_url + self.anchor)


class AgendapuntDeleteView(_DeleteView):
    model = Agendapunt
    anchor = "#agenda"
    message = gettext_lazy("Het agendapunt is verwijderd.")

    def service(self, obj) -> None:
        svc.agendapunt_delete(agendapunt=obj)


class BijlageDeleteView(_DeleteView):
    model = Bijlage
    path_to_meeting = "agendapunt__bijeenkomst"
    anchor = "#agenda"
    message = gettext_lazy("De bijlage is verwijderd.")

    def service(self, obj) -> None:
        svc.bijlage_delete(bijlage=obj)


class UitnodigingDeleteView(_DeleteView):
    model = Uitnodiging
    anchor = "#deelnemers"
    message = gettext_lazy("De genodigde staat niet meer op de lijst.")

    def service(self, obj) -> None:
        svc.uitnodiging_delete(uitnodiging=obj)
