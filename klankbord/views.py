"""The klankbordgroep (members, coverage, adviezen, wethouder talk) and signals."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from inclusie import dates
from inclusie.exports import csv_response
from inclusie.form_views import ServiceFormView
from inclusie.list_views import FilteredListView
from inclusie.permissions import CHANGE, VIEW, AreaMixin, allowed
from klankbord import selectors, services
from klankbord.forms import (
    AdviesForm,
    KlankbordLidForm,
    ReactieForm,
    SignaalForm,
    SignaalOpvolgingForm,
)
from klankbord.models import Advies, KlankbordLid, Signaal

# --- the group ------------------------------------------------------------------------------


class KlankbordView(AreaMixin, TemplateView):
    area, action = "klankbord", VIEW
    template_name = "klankbord/overzicht.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        huidige = list(selectors.leden())
        ctx["leden"] = huidige
        ctx["regels"] = selectors.samenstelling(huidige)
        ctx["samenstelling_ok"] = all(r.ok for r in ctx["regels"])
        ctx["oud_leden"] = (
            selectors.leden(alle=True)
            .filter(tot__lt=timezone.localdate())
            .select_related(None)
            .select_related("persoon")[:20]
        )
        ctx["open_adviezen"] = selectors.adviezen_open()[:5]
        return ctx


class DekkingView(AreaMixin, TemplateView):
    """Who is missing? The intersectional check of Movisie randvoorwaarde 1."""

    area, action = "klankbord", VIEW
    template_name = "klankbord/dekking.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        huidige = list(selectors.leden())
        rijen = selectors.dekking(huidige)
        ctx["rijen"] = rijen
        ctx["ontbrekend"] = [r for r in rijen if not r.gedekt]
        return ctx


FORM_PAGE = "klankbord/form.html"  # the one form page, with the breadcrumb trail


class KlankbordLidCreateView(ServiceFormView):
    area, action = "klankbord", CHANGE
    template_name = FORM_PAGE
    form_class = KlankbordLidForm
    success_url = reverse_lazy("klankbord")
    success_message = _("Het lidmaatschap is opgeslagen.")
    title = _("Lid van de klankbordgroep toevoegen")

    def back_url(self):
        return reverse("klankbord")

    def perform(self, form):
        return services.klankbordlid_save(
            lid=form.save(commit=False),
            kennis=form.cleaned_data["kennis"],
            bereik=form.cleaned_data["bereik"],
        )


class KlankbordLidUpdateView(KlankbordLidCreateView):
    model = KlankbordLid
    title = _("Lidmaatschap wijzigen")

    def get_form_kwargs(self):
        lid = get_object_or_404(
            KlankbordLid.objects.select_related("persoon"), pk=self.kwargs["pk"]
        )
        return {**super().get_form_kwargs(), "instance": lid}


# --- adviezen -------------------------------------------------------------------------------


class AdviesListView(FilteredListView):
    area, action = "klankbord", VIEW
    template_name = "klankbord/advies_list.html"
    selector = staticmethod(selectors.advies_list)

    def get_context_data(self, **kwargs):
        return super().get_context_data(vandaag=timezone.localdate(), **kwargs)


class AdviesDetailView(AreaMixin, TemplateView):
    area, action = "klankbord", VIEW
    template_name = "klankbord/advies_detail.html"

    def get_context_data(self, **kwargs):
        advies = selectors.advies_detail(pk=self.kwargs["pk"])
        # A draft response (text saved, not yet given) is the gemeente's work in progress:
        # shown to those who record responses, not yet to the group or the wethouder.
        concept = (
            not advies.heeft_reactie
            and bool(advies.reactie.strip() or advies.motivatie.strip())
            and allowed(self.request.user, "klankbord", CHANGE)
        )
        return super().get_context_data(advies=advies, toon_concept=concept, **kwargs)


class AdviesCreateView(ServiceFormView):
    area, action = "klankbord", CHANGE
    template_name = FORM_PAGE
    form_class = AdviesForm
    success_message = _("Het advies is opgeslagen.")
    title = _("Advies vastleggen")
    intro = _(
        "Leg het advies van de klankbordgroep vast en de datum waarop de gemeente moet reageren."
    )

    def back_url(self):
        return reverse("advies-list")

    def perform(self, form):
        return services.advies_save(advies=form.save(commit=False), by=self.request.user)


class AdviesUpdateView(AdviesCreateView):
    model = Advies
    title = _("Advies wijzigen")
    intro = ""

    def get_advies(self) -> Advies:
        if not hasattr(self, "_advies"):
            self._advies = selectors.advies_detail(pk=self.kwargs["pk"])
        return self._advies

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_advies()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(advies=self.get_advies(), **kwargs)


class AdviesReactieView(ServiceFormView):
    area, action = "klankbord", CHANGE
    template_name = FORM_PAGE
    model = Advies
    form_class = ReactieForm
    success_message = _("De reactie is opgeslagen.")
    title = _("Reactie van de gemeente vastleggen")

    def get_advies(self) -> Advies:
        if not hasattr(self, "_advies"):
            self._advies = selectors.advies_detail(pk=self.kwargs["pk"])
        return self._advies

    @property
    def intro(self):
        advies = self.get_advies()
        return _("Advies: %(o)s. %(uiterlijk)s moet de gemeente reageren.") % {
            "o": advies.onderwerp,
            "uiterlijk": dates.uiterlijk(advies.reactie_uiterlijk),
        }

    def back_url(self):
        return self.get_advies().get_absolute_url()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_advies()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(advies=self.get_advies(), **kwargs)

    def perform(self, form):
        advies = selectors.advies_detail(pk=self.kwargs["pk"])  # fresh copy, not the form's
        return services.advies_reactie(advies=advies, **form.cleaned_data)


class WethouderGesprekView(AreaMixin, TemplateView):
    """Preparing the twice-yearly talk with the wethouder: open adviezen and recent signals."""

    area, action = "klankbord", VIEW
    template_name = "klankbord/wethouder_gesprek.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        sinds = vandaag - datetime.timedelta(days=183)
        ctx["sinds"] = sinds
        ctx["vandaag"] = vandaag
        ctx["open_adviezen"] = selectors.adviezen_open()
        ctx["recent_beantwoord"] = Advies.objects.filter(reactie_datum__gte=sinds).order_by(
            "-reactie_datum"
        )
        per_thema = selectors.signalen_per_thema(sinds, vandaag + datetime.timedelta(days=1))
        ctx["signalen_per_thema"] = [(k, v) for k, v in per_thema.items() if v]
        if (
            allowed(self.request.user, "signalen", VIEW)
            and self.request.user.role in selectors.ALLE_SIGNALEN_ROLLEN
        ):
            ctx["signalen"] = selectors.recente_signalen(sinds=sinds)[:50]
        return ctx


# --- signals -----------------------------------------------------------------------------------


class SignaalListView(FilteredListView):
    area, action = "signalen", VIEW
    template_name = "klankbord/signaal_list.html"
    selector = staticmethod(selectors.signaal_list)

    def selector_kwargs(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            alle_signalen=self.request.user.role in selectors.ALLE_SIGNALEN_ROLLEN, **kwargs
        )


def signaal_export(request):
    qs = selectors.signaal_list(user=request.user, params=request.GET or None).qs
    header = [
        str(h)
        for h in (
            _("Datum"),
            _("Signaal"),
            _("Thema"),
            _("Wijk"),
            _("Bron"),
            _("Toelichting bron"),
            _("Aspecten"),
            _("Status"),
            _("Opvolging"),
        )
    ]
    rows = (
        (
            s.datum.isoformat(),
            s.titel,
            s.get_thema_display(),
            s.wijk.naam if s.wijk else "",
            s.get_bron_display(),
            s.bron_toelichting,
            ", ".join(a.naam for a in s.aspecten.all()),
            s.get_status_display(),
            s.opvolging,
        )
        for s in qs
    )
    return csv_response("signalen", header, rows)


signaal_export.permission_area = "signalen"  # type: ignore[attr-defined]
signaal_export.permission_action = VIEW  # type: ignore[attr-defined]


class SignaalDetailView(AreaMixin, TemplateView):
    area, action = "signalen", VIEW
    template_name = "klankbord/signaal_detail.html"

    def get_context_data(self, **kwargs):
        signaal = selectors.signaal_detail(user=self.request.user, pk=self.kwargs["pk"])
        return super().get_context_data(
            signaal=signaal,
            mag_opvolgen=self.request.user.role in selectors.OPVOLGING_ROLLEN,
            mag_wijzigen=allowed(self.request.user, "signalen", CHANGE),
            **kwargs,
        )


class SignaalCreateView(ServiceFormView):
    area, action = "signalen", CHANGE
    template_name = FORM_PAGE
    form_class = SignaalForm
    success_message = _("Het signaal is opgeslagen. Dank u wel!")
    title = _("Signaal uit de stad vastleggen")
    intro = _(
        "Wat hoorde u in de stad? Schrijf geen namen of persoonlijke gegevens van inwoners op."
    )

    def back_url(self):
        return reverse("signaal-list")

    def perform(self, form):
        return services.signaal_save(
            signaal=form.save(commit=False),
            aspecten=form.cleaned_data["aspecten"],
            by=self.request.user,
        )


class SignaalUpdateView(SignaalCreateView):
    model = Signaal
    title = _("Signaal wijzigen")
    intro = ""

    def get_signaal(self) -> Signaal:
        if not hasattr(self, "_signaal"):
            self._signaal = selectors.signaal_detail(user=self.request.user, pk=self.kwargs["pk"])
        return self._signaal

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_signaal()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(signaal=self.get_signaal(), **kwargs)


class SignaalOpvolgingView(ServiceFormView):
    area, action = "signalen", CHANGE
    template_name = FORM_PAGE
    model = Signaal
    form_class = SignaalOpvolgingForm
    success_message = _("De opvolging is opgeslagen.")
    title = _("Opvolging van het signaal")

    def get_signaal(self) -> Signaal:
        if not hasattr(self, "_signaal"):
            self._signaal = selectors.signaal_detail(user=self.request.user, pk=self.kwargs["pk"])
            if self.request.user.role not in selectors.OPVOLGING_ROLLEN:
                raise PermissionDenied
        return self._signaal

    @property
    def intro(self):
        return self.get_signaal().titel

    def back_url(self):
        return self.get_signaal().get_absolute_url()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_signaal()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(signaal=self.get_signaal(), **kwargs)

    def perform(self, form):
        signaal = selectors.signaal_detail(user=self.request.user, pk=self.kwargs["pk"])
        return services.signaal_opvolging(
            signaal=signaal, by=self.request.user, **form.cleaned_data
        )


def advies_export(request):
    qs = selectors.advies_list(params=request.GET or None).qs
    header = [
        str(h)
        for h in (
            _("Datum"),
            _("Onderwerp"),
            _("Soort"),
            _("Over welk beleid"),
            _("Reactie uiterlijk"),
            _("Datum reactie"),
            _("Uitkomst"),
            _("Motivatie"),
        )
    ]
    rows = (
        (
            a.datum.isoformat(),
            a.onderwerp,
            a.get_soort_display(),
            a.beleid,
            a.reactie_uiterlijk.isoformat(),
            a.reactie_datum.isoformat() if a.reactie_datum else "",
            a.get_uitkomst_display(),
            a.motivatie,
        )
        for a in qs
    )
    return csv_response("adviezen-klankbordgroep", header, rows)


advies_export.permission_area = "klankbord"  # type: ignore[attr-defined]
advies_export.permission_action = VIEW  # type: ignore[attr-defined]
