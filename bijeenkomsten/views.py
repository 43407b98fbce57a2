"""Views for meetings (/bijeenkomsten/) and own invitations and feed (/agenda/).

Thin: parse, call a selector or service, render. Object access goes through
selectors_meetings, which answer 404 for meetings a person may not see.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView

from bijeenkomsten import fasen, ics
from bijeenkomsten import selectors as sel
from bijeenkomsten import services as svc
from bijeenkomsten.constants import Handeling
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
from inclusie import dates
from inclusie.downloads import private_file_response
from inclusie.form_views import ServiceFormView, call_service, run_action
from inclusie.fragments import Deferred
from inclusie.links import portal_url
from inclusie.list_views import FilteredListView
from inclusie.pdf import render_to_pdf
from inclusie.permissions import CHANGE, VIEW, AreaMixin, public_view
from inclusie.publicatie_views import (
    LakbesluitView,
    PublicerenMetVoorvertoningForm,
    VoorvertoningView,
)
from inclusie.redaction import NAAM, marker

FORM_PAGE = "bijeenkomsten/form.html"


def weiger(request, bijeenkomst: Bijeenkomst, reden: str):
    """An action that does not fit the meeting's phase: say why, back to the meeting."""
    messages.error(request, reden)
    return redirect(bijeenkomst.get_absolute_url())


class BijeenkomstMixin(AreaMixin):
    """Loads `self.bijeenkomst` (visible to the user, else 404) from the URL's pk.

    `handeling`: the action the view performs; refused (GET and POST) when it does not
    fit the meeting's phase (bijeenkomsten.fasen), whatever the page showed.
    """

    area, action = "bijeenkomsten", CHANGE
    model = Bijeenkomst
    handeling: Handeling | None = None

    def dispatch(self, request, *args, **kwargs):
        self.bijeenkomst = sel.bijeenkomst_get(user=request.user, pk=kwargs["pk"])
        if self.handeling and request.user.is_authenticated:
            reden = fasen.weigering(self.bijeenkomst, self.handeling)
            if reden:
                return self.weiger(reden)
        return super().dispatch(request, *args, **kwargs)

    def weiger(self, reden: str):
        return weiger(self.request, self.bijeenkomst, reden)


class BijeenkomstFormView(BijeenkomstMixin, ServiceFormView):
    """A form page of one meeting (the one form base); back to the meeting, at `anchor`."""

    template_name = FORM_PAGE
    anchor = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(bijeenkomst=self.bijeenkomst, **kwargs)

    def back_url(self):
        # Coming from the minutes (a decision or action added while writing them): back there.
        if self.request.GET.get("terug") == "verslag":
            return reverse("bijeenkomst-verslag", args=[self.bijeenkomst.pk])
        return self.bijeenkomst.get_absolute_url()

    def get_success_url(self):
        if self.request.GET.get("terug") == "verslag":
            return self.back_url()
        return self.bijeenkomst.get_absolute_url() + self.anchor


# --- lists and detail -------------------------------------------------------


class BijeenkomstListView(FilteredListView):
    area, action = "bijeenkomsten", VIEW
    template_name = "bijeenkomsten/list.html"
    selector = staticmethod(sel.bijeenkomst_list)
    default_params = {"wanneer": "komend"}

    def selector_kwargs(self):
        return {"user": self.request.user}


# Where each action of a meeting leads (bijeenkomsten.fasen decides which fit).
HANDELING_URL = {
    Handeling.AGENDA: "agendapunt-create",
    Handeling.UITNODIGEN: "bijeenkomst-uitnodigen",
    Handeling.WIJZIGEN: "bijeenkomst-update",
    Handeling.ANNULEREN: "bijeenkomst-annuleren",
    Handeling.AANWEZIGHEID: "bijeenkomst-aanwezigheid",
    Handeling.VERSLAG: "bijeenkomst-verslag",
    Handeling.BESLUIT: "besluit-create",
    Handeling.ACTIE: "actie-create",
    Handeling.VASTSTELLEN: "bijeenkomst-vaststellen",
    Handeling.OPENBAAR: "bijeenkomst-openbaar-voorvertoning",
}


def _acties_menu(b: Bijeenkomst, stand: fasen.Stand, beheert: bool) -> tuple[dict | None, list]:
    """The meeting page's one primary action and its secondary menu, as label and url."""

    def item(handeling: Handeling) -> dict:
        label = handeling.label
        if handeling == Handeling.UITNODIGEN and handeling == stand.primair:
            label = _("Genodigden uitnodigen")
        elif handeling == Handeling.VERSLAG and fasen.heeft_verslag(b):
            label = _("Verslag verder schrijven")
        return {
            "handeling": handeling,
            "label": label,
            "url": reverse(HANDELING_URL[handeling], args=[b.pk]),
        }

    primair = item(stand.primair) if beheert and stand.primair else None
    menu = []
    if beheert:
        for handeling in stand.overige:
            menu.append(item(handeling))
            if handeling == Handeling.AGENDA and b.agendapunten.all():
                menu.append(
                    {"label": _("Bijlage toevoegen"), "url": reverse("bijlage-create", args=[b.pk])}
                )
    pdf = reverse("bijeenkomst-pdf", args=[b.pk])
    menu.append(
        {"label": _("Verslag als PDF") if b.is_voorbij else _("Agenda als PDF"), "url": pdf}
    )
    if b.openbaar_verslag:
        menu.append({"label": _("Openbaar verslag (gelakt, PDF)"), "url": pdf + "?versie=openbaar"})
    if not b.is_geannuleerd and not b.is_voorbij:
        menu.append(
            {
                "label": _("In mijn agenda zetten (.ics)"),
                "url": reverse("bijeenkomst-ics", args=[b.pk]),
            }
        )
    return primair, menu


class BijeenkomstDetailView(AreaMixin, TemplateView):
    area, action = "bijeenkomsten", VIEW
    template_name = "bijeenkomsten/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user, pk = self.request.user, kwargs["pk"]
        kop = sel.bijeenkomst_kop(user=user, pk=pk)  # title, access and phase: one query
        nu = timezone.now()
        # The page body is a cached fragment that differs per phase (which changes with
        # the clock) and, while it runs, per whether it has started (cancelling ends then).
        ctx["bijeenkomst"] = kop
        ctx["moment"] = f"{fasen.fase(kop, nu=nu)}:{nu < kop.start}"
        ctx["pagina"] = Deferred(lambda: self._pagina(user, pk, nu))
        return ctx

    def _pagina(self, user, pk: int, nu) -> dict:
        b = sel.bijeenkomst_detail(user=user, pk=pk)
        deelnemers, verborgen = sel.deelnemers_voor(b, user)
        mijn = next((u for u in b.uitnodigingen.all() if u.user_id == user.pk), None)
        beheert = sel.beheert_bijeenkomsten(user)
        stand = fasen.stand(b, nu=nu)
        primair, menu = _acties_menu(b, stand, beheert)
        self._na_verplaatsen(list(b.agendapunten.all()))
        return {
            "stand": stand,
            "agenda_wijzigen": beheert and stand.mag(Handeling.AGENDA),
            "verslag_heeft_aantekeningen": fasen.heeft_verslag(b),
            "primaire_actie": primair,
            "acties_menu": menu,
            "bijeenkomst": b,
            "deelnemers": deelnemers,
            "verborgen": verborgen,
            "mijn_uitnodiging": mijn,
            "rsvp_form": RsvpForm(initial={"antwoord": mijn.antwoord}) if mijn else None,
            "eerdere_acties": sel.open_acties_eerder(b, user),
            "acties": sel.met_eigenaar_namen(b.acties.all(), user),
            "beheert": beheert,
            "vorige": sel.vorige_bijeenkomst(b, user),
        }

    def _na_verplaatsen(self, punten: list[Agendapunt]) -> None:
        """After a move (?verplaatst=pk&richting=...): the moved item's same button gets
        focus, or the other one at the top or bottom, and says where the item stands."""
        pk, richting = self.request.GET.get("verplaatst", ""), self.request.GET.get("richting")
        for plaats, punt in enumerate(punten, start=1):
            punt.focus_knop = ""
            if str(punt.pk) != pk or len(punten) < 2:
                continue
            kan_omhoog, kan_omlaag = plaats > 1, plaats < len(punten)
            if richting == svc.OMHOOG:
                punt.focus_knop = svc.OMHOOG if kan_omhoog else svc.OMLAAG
            elif richting == svc.OMLAAG:
                punt.focus_knop = svc.OMLAAG if kan_omlaag else svc.OMHOOG
            punt.plaats_melding = _("Staat nu op plaats %(plaats)d van %(aantal)d.") % {
                "plaats": plaats,
                "aantal": len(punten),
            }


class BijeenkomstCreateView(ServiceFormView):
    area, action = "bijeenkomsten", CHANGE
    form_class = BijeenkomstForm
    template_name = FORM_PAGE
    title = gettext_lazy("Bijeenkomst plannen")
    success_message = gettext_lazy("De bijeenkomst is gepland. Voeg nu agendapunten toe.")

    def get_initial(self):
        from bijeenkomsten.models import Soort

        soort = self.request.GET.get("soort", "")
        return {"soort": soort} if soort in Soort.values else {}

    def back_url(self):
        return reverse("bijeenkomst-list")

    def perform(self, form):
        return svc.bijeenkomst_save(
            bijeenkomst=form.save(commit=False),
            by=self.request.user,
        )


class BijeenkomstUpdateView(BijeenkomstFormView):
    form_class = BijeenkomstForm
    handeling = Handeling.WIJZIGEN
    title = gettext_lazy("Bijeenkomst wijzigen of verplaatsen")
    success_message = gettext_lazy("De bijeenkomst is opgeslagen.")

    def get_instance(self):
        return self.bijeenkomst

    def perform(self, form):
        return svc.bijeenkomst_save(
            bijeenkomst=form.save(commit=False),
            by=self.request.user,
        )


class ReeksCreateView(ServiceFormView):
    area, action = "bijeenkomsten", CHANGE
    form_class = ReeksForm
    template_name = FORM_PAGE
    title = gettext_lazy("Reeks bijeenkomsten plannen")
    intro = gettext_lazy(
        "Bijvoorbeeld de maandelijkse ambassadeursbijeenkomst op de eerste dinsdag. "
        "Daarna kunt u elke bijeenkomst los verplaatsen of annuleren."
    )

    def back_url(self):
        return reverse("bijeenkomst-list")

    def perform(self, form):
        return svc.reeks_create(
            reeks=form.save(commit=False),
            by=self.request.user,
            rollen=form.cleaned_data["rollen"],
        )

    def get_success_message(self, made):
        return ngettext("%(n)d bijeenkomst gepland.", "%(n)d bijeenkomsten gepland.", len(made)) % {
            "n": len(made)
        }

    def get_success_url(self):
        return reverse("bijeenkomst-list") + "?wanneer=komend"


class AnnulerenView(BijeenkomstFormView):
    form_class = AnnulerenForm
    handeling = Handeling.ANNULEREN
    title = gettext_lazy("Bijeenkomst annuleren")
    intro = gettext_lazy(
        "Alleen deze bijeenkomst gaat niet door; de rest van de reeks blijft staan. "
        "Wie al een uitnodiging kreeg, krijgt een afmelding voor de agenda."
    )
    submit_label = gettext_lazy("Annuleren")
    success_message = gettext_lazy("De bijeenkomst is geannuleerd.")

    def perform(self, form):
        return svc.bijeenkomst_cancel(
            bijeenkomst=self.bijeenkomst,
            reden=form.cleaned_data["reden"],
            by=self.request.user,
        )


# --- agenda items and attachments -------------------------------------------------


class AgendapuntCreateView(BijeenkomstFormView):
    form_class = AgendapuntForm
    handeling = Handeling.AGENDA
    title = gettext_lazy("Agendapunt toevoegen")
    success_message = gettext_lazy("Het agendapunt is toegevoegd.")
    anchor = "#agenda"

    def perform(self, form):
        punt = form.save(commit=False)
        punt.bijeenkomst = self.bijeenkomst
        return svc.agendapunt_save(agendapunt=punt)


class AgendapuntUpdateView(ServiceFormView):
    area, action = "bijeenkomsten", CHANGE
    model = Agendapunt
    form_class = AgendapuntForm
    template_name = FORM_PAGE
    title = gettext_lazy("Agendapunt wijzigen")
    success_message = gettext_lazy("Het agendapunt is opgeslagen.")

    def dispatch(self, request, *args, **kwargs):
        visible = sel.bijeenkomsten_zichtbaar(request.user).values("pk")
        self.punt = (
            Agendapunt.objects.filter(pk=kwargs["pk"], bijeenkomst__in=visible)
            .select_related("bijeenkomst")
            .first()
        )
        if self.punt is None:
            raise Http404
        reden = fasen.weigering(self.punt.bijeenkomst, Handeling.AGENDA)
        if reden:
            return weiger(request, self.punt.bijeenkomst, reden)
        return super().dispatch(request, *args, **kwargs)

    def get_instance(self):
        return self.punt

    def get_context_data(self, **kwargs):
        return super().get_context_data(bijeenkomst=self.punt.bijeenkomst, **kwargs)

    def back_url(self):
        return self.punt.bijeenkomst.get_absolute_url()

    def delete_url(self):
        return reverse("agendapunt-delete", args=[self.punt.pk])

    def perform(self, form):
        return svc.agendapunt_save(agendapunt=form.save(commit=False))

    def get_success_url(self):
        return self.punt.bijeenkomst.get_absolute_url() + "#agenda"


class AgendapuntVerplaatsView(AreaMixin, View):
    """POST: move an agenda item one place up or down (buttons that work without JS).

    Back on the meeting page the same button of the moved item has focus (autofocus, so
    no script is needed) and says where the item now stands.
    """

    area, action = "bijeenkomsten", CHANGE
    model = Agendapunt
    http_method_names = ["post"]

    def post(self, request, pk):
        visible = sel.bijeenkomsten_zichtbaar(request.user).values("pk")
        punt = (
            Agendapunt.objects.filter(pk=pk, bijeenkomst__in=visible)
            .select_related("bijeenkomst")
            .first()
        )
        if punt is None:
            raise Http404
        b = punt.bijeenkomst
        reden = fasen.weigering(b, Handeling.AGENDA)
        if reden:
            return weiger(request, b, reden)
        richting = request.POST.get("richting", "")
        if richting not in (svc.OMHOOG, svc.OMLAAG):
            return redirect(b.get_absolute_url() + "#agenda")
        svc.agendapunt_verplaats(agendapunt=punt, richting=richting)
        # No #fragment: a page opened at a fragment skips autofocus (HTML spec).
        query = urlencode({"verplaatst": punt.pk, "richting": richting})
        return redirect(f"{b.get_absolute_url()}?{query}")


class BijlageCreateView(BijeenkomstFormView):
    form_class = BijlageForm
    handeling = Handeling.AGENDA
    title = gettext_lazy("Bijlage toevoegen")
    success_message = gettext_lazy("De bijlage is toegevoegd.")
    anchor = "#agenda"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    service_error_field = "bestand"  # the upload checks name no field: it is the file

    def perform(self, form):
        return svc.bijlage_add(
            agendapunt=form.cleaned_data["agendapunt"],
            bestand=form.cleaned_data["bestand"],
            by=self.request.user,
        )


class BijlageDownloadView(AreaMixin, View):
    area, action = "bijeenkomsten", VIEW

    def get(self, request, pk):
        bijlage = sel.bijlage_voor(user=request.user, pk=pk)
        return private_file_response(bijlage.bestand, filename=bijlage.naam)


# --- invitations and attendance ----------------------------------------------------


class UitnodigenView(BijeenkomstFormView):
    form_class = UitnodigenForm
    handeling = Handeling.UITNODIGEN
    template_name = "bijeenkomsten/uitnodigen.html"
    title = gettext_lazy("Genodigden")
    submit_label = gettext_lazy("Toevoegen en versturen")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["uitnodigingen"] = self.bijeenkomst.uitnodigingen.select_related("user", "persoon")
        return ctx

    def perform(self, form):
        data = form.cleaned_data
        added = svc.uitnodigingen_add(
            bijeenkomst=self.bijeenkomst,
            users=data["users"],
            personen=data["personen"],
            rollen=data["rollen"],
        )
        messages.success(
            self.request,
            ngettext("%(n)d genodigde toegevoegd.", "%(n)d genodigden toegevoegd.", added)
            % {"n": added},
        )
        if data["versturen"]:
            # The invitees are saved either way; a refused mailing is said, not a 500.
            sent = run_action(
                self.request,
                lambda: svc.uitnodigingen_send(bijeenkomst=self.bijeenkomst),
            )
            if sent is not None:
                messages.success(
                    self.request,
                    ngettext(
                        "%(n)d uitnodiging per e-mail verstuurd.",
                        "%(n)d uitnodigingen per e-mail verstuurd.",
                        sent,
                    )
                    % {"n": sent},
                )
        return self.bijeenkomst

    def get_success_url(self):
        return reverse("bijeenkomst-uitnodigen", args=[self.bijeenkomst.pk])


class AanwezigheidView(BijeenkomstFormView):
    form_class = AanwezigheidForm
    handeling = Handeling.AANWEZIGHEID
    template_name = "bijeenkomsten/aanwezigheid.html"
    title = gettext_lazy("Aanwezigheid")
    success_message = gettext_lazy("De aanwezigheid is opgeslagen.")
    anchor = "#deelnemers"

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

    def perform(self, form):
        svc.aanwezigheid_save(bijeenkomst=self.bijeenkomst, waarden=form.waarden())
        return self.bijeenkomst


# --- minutes: notes, decisions, actions --------------------------------------------


class VerslagView(BijeenkomstFormView):
    """The minutes: notes per agenda item, saved as they are typed (static/js/verslag.js).

    Posting the whole form is the fallback without JavaScript and what "Besluit
    vastleggen" / "Actiepunt toevoegen" do first (``volgende``), so going to another form
    never leaves unsaved text behind. Every text is saved against the version it was read
    at: a text someone else changed meanwhile is shown beside the writer's, nothing is
    saved, and saving again keeps the writer's text.
    """

    form_class = VerslagForm
    handeling = Handeling.VERSLAG
    template_name = "bijeenkomsten/verslag.html"
    title = gettext_lazy("Verslag")
    submit_label = gettext_lazy("Verslag opslaan")
    VOLGENDE = {"actie": "actie-create", "besluit": "besluit-create"}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    def form_valid(self, form):
        from django.db import transaction

        conflicts = []

        def save_all():
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

        try:
            call_service(form, save_all)
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
        if form.errors:
            return self.form_invalid(form)
        messages.success(self.request, _("Het verslag is opgeslagen."))
        volgende = self.VOLGENDE.get(self.request.POST.get("volgende", ""))
        if volgende:
            return redirect(reverse(volgende, args=[self.bijeenkomst.pk]) + "?terug=verslag")
        return redirect(self.bijeenkomst.get_absolute_url() + "#verslag")


class _NietsOpgeslagen(Exception):
    """Rolls the whole minutes save back when one of its texts is in conflict."""


class VerslagAutosaveView(BijeenkomstMixin, View):
    """One text of the minutes, saved while it is typed: JSON for static/js/verslag.js."""

    handeling = Handeling.VERSLAG

    def weiger(self, reden: str):
        # 423 Locked: autosave.js stops sending and says the text is locked.
        from django.http import JsonResponse

        return JsonResponse({"melding": reden}, status=423)

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


class BesluitCreateView(BijeenkomstFormView):
    form_class = BesluitForm
    handeling = Handeling.BESLUIT
    title = gettext_lazy("Besluit vastleggen")
    success_message = gettext_lazy("Het besluit is vastgelegd.")
    anchor = "#verslag"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    def perform(self, form):
        besluit = form.save(commit=False)
        besluit.bijeenkomst = self.bijeenkomst
        svc.besluit_add(besluit=besluit)
        return self.bijeenkomst


class ActieCreateView(BijeenkomstFormView):
    form_class = ActieForm
    handeling = Handeling.ACTIE
    title = gettext_lazy("Actiepunt toevoegen")
    success_message = gettext_lazy("Het actiepunt is toegevoegd.")
    anchor = "#acties"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bijeenkomst": self.bijeenkomst}

    def perform(self, form):
        actie = form.save(commit=False)
        actie.bijeenkomst = self.bijeenkomst
        svc.actie_save(actie=actie)
        return self.bijeenkomst


class ActieUpdateView(ServiceFormView):
    """Change an action: move its due date, hand it to someone else, reopen it."""

    area, action = "bijeenkomsten", CHANGE
    model = Actie
    form_class = ActieWijzigenForm
    template_name = FORM_PAGE
    title = gettext_lazy("Actiepunt wijzigen")
    success_message = gettext_lazy("Het actiepunt is opgeslagen.")

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
        return super().get_context_data(bijeenkomst=self.actie.bijeenkomst, **kwargs)

    def back_url(self):
        return self.actie.bijeenkomst.get_absolute_url() + "#acties"

    def perform(self, form):
        actie = form.save(commit=False)
        if actie.status == Actie.Status.GEREED and actie.gereed_op is None:
            actie.gereed_op = timezone.now()
        elif actie.status == Actie.Status.OPEN:
            actie.gereed_op = None
        return svc.actie_save(actie=actie)

    def get_success_url(self):
        return self.back_url()


class VaststellenView(BijeenkomstFormView):
    form_class = VaststellenForm
    handeling = Handeling.VASTSTELLEN
    title = gettext_lazy("Verslag vaststellen")
    intro = gettext_lazy("Meestal stelt de volgende bijeenkomst het verslag vast.")
    submit_label = gettext_lazy("Vaststellen")
    success_message = gettext_lazy("Het verslag is vastgesteld.")
    anchor = "#verslag"

    def get_initial(self):
        return {"op": timezone.localdate()}

    def perform(self, form):
        svc.verslag_vaststellen(bijeenkomst=self.bijeenkomst, op=form.cleaned_data["op"])
        return self.bijeenkomst


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
            # The public version (as the published minutes of the Stuurgroep Inclusie en
            # Diversiteit) exists only once published after its preview.
            if b.openbaar_verslag:
                return private_file_response(
                    b.openbaar_verslag, filename=f"bijeenkomst-{b.pk}-openbaar.pdf", inline=True
                )
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
            "datum": dates.datum(b.start),
        }
        ctx["back_url"] = b.get_absolute_url()
        ctx["back_label"] = _("Terug naar de bijeenkomst")
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
            call_service(
                form,
                lambda: svc.verslag_openbaar_maken(
                    bijeenkomst=b,
                    by=request.user,
                    sleutel=form.cleaned_data["sleutel"],
                    pdf_context=lambda result: _pdf_context(b, request.user, lak=result),
                ),
            )
            if not form.errors:
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


class ActieListView(FilteredListView):
    area, action = "bijeenkomsten", VIEW
    template_name = "bijeenkomsten/acties.html"
    selector = staticmethod(sel.actie_list)

    def selector_kwargs(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(vandaag=timezone.localdate(), **kwargs)


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


class RsvpView(ServiceFormView):
    area, action = "agenda", CHANGE
    model = Uitnodiging
    form_class = RsvpForm
    template_name = FORM_PAGE
    submit_label = gettext_lazy("Antwoord versturen")
    success_message = gettext_lazy("Bedankt, uw antwoord is opgeslagen.")

    def dispatch(self, request, *args, **kwargs):
        self.uitnodiging = sel.uitnodiging_van(user=request.user, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"antwoord": self.uitnodiging.antwoord}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Komt u naar %(titel)s?") % {"titel": self.uitnodiging.bijeenkomst.titel}
        ctx["bijeenkomst"] = self.uitnodiging.bijeenkomst
        return ctx

    def back_url(self):
        return self.uitnodiging.bijeenkomst.get_absolute_url()

    def perform(self, form):
        return svc.uitnodiging_rsvp(
            uitnodiging=self.uitnodiging, antwoord=form.cleaned_data["antwoord"]
        )

    def get_success_url(self):
        nxt = self.request.POST.get("next", "")
        if nxt.startswith("/") and not nxt.startswith("//"):
            return nxt
        return reverse("mijn-agenda")


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


class AgendaTokenVernieuwenView(ServiceFormView):
    area, action = "agenda", CHANGE
    form_class = forms.Form
    title = gettext_lazy("Nieuwe agendalink maken")
    intro = gettext_lazy(
        "De oude link werkt daarna niet meer. Gebruik dit als iemand anders uw link kent."
    )
    submit_label = gettext_lazy("Nieuwe link maken")
    success_message = gettext_lazy("Er is een nieuwe agendalink gemaakt. De oude werkt niet meer.")
    success_url = reverse_lazy("agenda-koppelen")

    def perform(self, form):
        return svc.agenda_token_reset(user=self.request.user)


class ToestemmingView(ServiceFormView):
    area, action = "agenda", CHANGE
    form_class = ToestemmingForm
    title = gettext_lazy("Aanwezigheid tonen aan anderen")
    success_message = gettext_lazy("Uw keuze is opgeslagen.")
    success_url = reverse_lazy("agenda-koppelen")

    def get_initial(self):
        t = AanwezigheidToestemming.objects.filter(user=self.request.user).first()
        return {"zichtbaar": bool(t and t.zichtbaar)}

    def back_url(self):
        return reverse("agenda-koppelen")

    def perform(self, form):
        return svc.toestemming_set(user=self.request.user, zichtbaar=form.cleaned_data["zichtbaar"])


@public_view
class OpenbaarVerslagListView(FilteredListView):
    """The public archive of minutes published after the redaction preview (Woo)."""

    template_name = "bijeenkomsten/openbaar_verslagen.html"

    def get_queryset(self):
        return sel.openbare_verslagen()


@public_view
class OpenbaarVerslagPdfView(View):
    model = Bijeenkomst

    def get(self, request, pk):
        b = sel.openbare_verslagen().filter(pk=pk).first()
        if b is None:
            raise Http404
        return private_file_response(
            b.openbaar_verslag,
            filename=f"verslag-{b.start:%Y-%m-%d}-{b.pk}-openbaar.pdf",
            inline=True,
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
    handeling: Handeling = Handeling.AGENDA

    def service(self, obj) -> None:
        raise NotImplementedError

    def get_object(self, pk):
        visible = sel.bijeenkomsten_zichtbaar(self.request.user).values("pk")
        obj = self.model.objects.filter(pk=pk, **{f"{self.path_to_meeting}__in": visible}).first()
        if obj is None:
            raise Http404
        return obj

    def meeting(self, obj) -> Bijeenkomst:
        return (
            obj.agendapunt.bijeenkomst
            if self.path_to_meeting.startswith("agendapunt")
            else obj.bijeenkomst
        )

    def meeting_url(self, obj) -> str:
        return self.meeting(obj).get_absolute_url()

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.method in ("GET", "POST"):
            obj = self.get_object(kwargs["pk"])
            reden = fasen.weigering(self.meeting(obj), self.handeling)
            if reden:
                return weiger(request, self.meeting(obj), reden)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        """Where deleting is offered as a link (the form page), GET asks to confirm."""
        obj = self.get_object(pk)
        return render(
            request,
            "inclusie/verwijderen.html",
            {
                "title": self.title,
                "omschrijving": str(obj),
                "back_url": self.meeting_url(obj),
                "kruimelpad": [
                    (_("Bijeenkomsten"), reverse("bijeenkomst-list")),
                    (self.meeting(obj).titel, self.meeting_url(obj)),
                ],
            },
        )

    def post(self, request, pk):
        obj = self.get_object(pk)
        meeting_url = self.meeting_url(obj)
        run_action(request, lambda: self.service(obj), success=self.message)
        return redirect(meeting_url + self.anchor)


class AgendapuntDeleteView(_DeleteView):
    http_method_names = ["get", "post"]
    title = gettext_lazy("Agendapunt verwijderen")
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
    handeling = Handeling.UITNODIGEN
    anchor = "#deelnemers"
    message = gettext_lazy("De genodigde staat niet meer op de lijst.")

    def service(self, obj) -> None:
        svc.uitnodiging_delete(uitnodiging=obj)
