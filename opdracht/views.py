"""The kwartiermaker's assignment: overview, hours per week, expenses."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from inclusie.form_views import ConfirmDeleteView, ServiceFormView
from inclusie.permissions import CHANGE, VIEW, AreaMixin
from opdracht import selectors, services
from opdracht.forms import OpdrachtForm, UitgaveForm, UrenForm, UrenWeekForm
from opdracht.models import Opdracht, Uitgave, Urenregistratie


class OpdrachtView(AreaMixin, TemplateView):
    area, action = "opdracht", VIEW
    template_name = "opdracht/overzicht.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        opdracht = selectors.huidige_opdracht()
        ctx["opdracht"] = opdracht
        if opdracht is not None:
            ctx["stand"] = selectors.stand(opdracht)
            ctx["per_activiteit"] = selectors.uren_per_activiteit(opdracht)
            page = Paginator(selectors.uren_per_week(opdracht), 12).get_page(
                self.request.GET.get("page")
            )
            ctx["weken"] = page
            ctx["registraties"] = selectors.registraties(opdracht).filter(
                week__in=[w["week"] for w in page]
            )
            ctx["uitgaven"] = opdracht.uitgaven.all()[:20]
        return ctx


class OpdrachtCreateView(ServiceFormView):
    area, action = "opdracht", CHANGE
    form_class = OpdrachtForm
    success_message = _("De opdracht is opgeslagen.")
    success_url = reverse_lazy("opdracht")
    title = _("Opdracht van de kwartiermaker vastleggen")

    def get_initial(self):
        from inclusie.models import GemeenteProfiel

        return {"programma": GemeenteProfiel.cached().programmanaam, "uren_per_week": 10}

    def back_url(self):
        return reverse("opdracht")

    def perform(self, form):
        return services.opdracht_save(opdracht=form.save(commit=False))


class OpdrachtUpdateView(OpdrachtCreateView):
    model = Opdracht
    title = _("Opdracht wijzigen")

    def get_initial(self):
        return {}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": get_object_or_404(Opdracht, pk=self.kwargs["pk"]),
        }


class UrenCreateView(ServiceFormView):
    area, action = "opdracht", CHANGE
    form_class = UrenForm
    success_url = reverse_lazy("opdracht")
    success_message = _("De uren zijn opgeslagen.")
    title = _("Uren registreren")
    intro = _("Kies een dag in de week; de uren tellen voor die hele week.")

    def get_initial(self):
        opdracht = selectors.huidige_opdracht()
        return {"opdracht": opdracht.pk if opdracht else None}

    def back_url(self):
        return reverse("opdracht")

    def perform(self, form):
        return services.uren_save(registratie=form.save(commit=False))


class UrenUpdateView(UrenCreateView):
    model = Urenregistratie
    title = _("Uren wijzigen")

    def get_initial(self):
        return {}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": get_object_or_404(Urenregistratie, pk=self.kwargs["pk"]),
        }

    def delete_url(self):
        return reverse("uren-delete", args=[self.kwargs["pk"]])


class UitgaveCreateView(ServiceFormView):
    area, action = "opdracht", CHANGE
    form_class = UitgaveForm
    success_url = reverse_lazy("opdracht")
    success_message = _("De uitgave is opgeslagen.")
    title = _("Uitgave vastleggen")

    def get_initial(self):
        opdracht = selectors.huidige_opdracht()
        return {"opdracht": opdracht.pk if opdracht else None}

    def back_url(self):
        return reverse("opdracht")

    def perform(self, form):
        return services.uitgave_save(uitgave=form.save(commit=False))


class UitgaveUpdateView(UitgaveCreateView):
    model = Uitgave
    title = _("Uitgave wijzigen")

    def get_initial(self):
        return {}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": get_object_or_404(Uitgave, pk=self.kwargs["pk"]),
        }


class UrenDeleteView(ConfirmDeleteView):
    area, action = "opdracht", CHANGE
    title = _("Uren verwijderen")

    def get_object(self):
        return get_object_or_404(Urenregistratie, pk=self.kwargs["pk"])

    def delete(self, obj):
        services.uren_delete(registratie=obj)

    def success_url(self, obj):
        return reverse("opdracht")


class UrenWeekView(ServiceFormView):
    """Register a whole week at once (the usual Friday-afternoon task)."""

    area, action = "opdracht", CHANGE
    form_class = UrenWeekForm
    success_url = reverse_lazy("opdracht")
    success_message = _("De uren van de week zijn opgeslagen.")
    title = _("Uren van een week registreren")
    intro = _(
        "Vul per onderdeel de uren van die week in. Eerder ingevulde uren van die week worden vervangen."
    )

    def get_initial(self):
        """Prefill the week asked for (?week=YYYY-MM-DD) with the hours already registered."""
        import datetime

        opdracht = selectors.huidige_opdracht()
        initial = {"opdracht": opdracht.pk if opdracht else None}
        try:
            week = datetime.date.fromisoformat(self.request.GET.get("week", ""))
        except ValueError:
            return initial
        initial["week"] = week
        if opdracht is not None:
            for activiteit, uren in selectors.uren_van_week(opdracht, week).items():
                initial[f"uren_{activiteit}"] = uren
        return initial

    def back_url(self):
        return reverse("opdracht")

    def perform(self, form):
        data = form.cleaned_data
        return services.uren_week_save(
            opdracht=data["opdracht"],
            week=data["week"],
            uren=form.uren(),
            toelichting=data["toelichting"],
        )
