"""The kwartiermaker's assignment: overview, hours per week, expenses."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from inclusie import dates
from inclusie.form_views import ConfirmDeleteView, ServiceFormView
from inclusie.permissions import CHANGE, VIEW, AreaMixin
from inclusie.templatetags.opmaak import uren
from opdracht import selectors, services
from opdracht.forms import OpdrachtForm, UitgaveForm, UrenForm, UrenWeekForm
from opdracht.models import Opdracht, Uitgave, Urenregistratie, week_start


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

    def breadcrumbs(self):
        return [(_("Opdracht en uren"), reverse("opdracht"))]

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


class _AssignmentRowCreateView(ServiceFormView):
    """A new row (hours, expense) of the current assignment; back to the assignment page."""

    area, action = "opdracht", CHANGE
    success_url = reverse_lazy("opdracht")

    def get_initial(self):
        opdracht = selectors.huidige_opdracht()
        return {"opdracht": opdracht.pk if opdracht else None}

    def back_url(self):
        return reverse("opdracht")

    def breadcrumbs(self):
        return [(_("Opdracht en uren"), reverse("opdracht"))]


class _AssignmentRowUpdateMixin:
    """Edits the row of `model` named in the URL instead of starting a new one."""

    model: type

    def get_initial(self):
        return {}

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": get_object_or_404(self.model, pk=self.kwargs["pk"]),
        }


class UrenCreateView(_AssignmentRowCreateView):
    form_class = UrenForm
    success_message = _("De uren zijn opgeslagen.")
    title = _("Uren registreren")
    intro = _("Kies een dag in de week; de uren tellen voor die hele week.")

    def perform(self, form):
        return services.uren_save(registratie=form.save(commit=False))


class UrenUpdateView(_AssignmentRowUpdateMixin, UrenCreateView):
    model = Urenregistratie
    title = _("Uren wijzigen")

    def delete_url(self):
        return reverse("uren-delete", args=[self.kwargs["pk"]])


class UitgaveCreateView(_AssignmentRowCreateView):
    form_class = UitgaveForm
    success_message = _("De uitgave is opgeslagen.")
    title = _("Uitgave vastleggen")

    def perform(self, form):
        return services.uitgave_save(uitgave=form.save(commit=False))


class UitgaveUpdateView(_AssignmentRowUpdateMixin, UitgaveCreateView):
    model = Uitgave
    title = _("Uitgave wijzigen")


class UrenDeleteView(ConfirmDeleteView):
    area, action = "opdracht", CHANGE
    title = _("Uren verwijderen")

    def get_object(self):
        return get_object_or_404(Urenregistratie, pk=self.kwargs["pk"])

    def delete(self, obj):
        services.uren_delete(registratie=obj)

    def success_url(self, obj):
        return reverse("opdracht")

    def breadcrumbs(self, obj):
        return [(_("Opdracht en uren"), self.success_url(obj))]


class UrenWeekView(ServiceFormView):
    """Register a whole week at once (the usual Friday-afternoon task).

    The form opens on the week asked for (``?week=YYYY-MM-DD``, else this week) with the
    hours already registered filled in, so the user edits the week they see. Saving
    compares the week with what the form showed; anything unseen is shown and must be
    confirmed by saving again (``services.UrenWeekGewijzigd``).
    """

    area, action = "opdracht", CHANGE
    form_class = UrenWeekForm
    template_name = "opdracht/uren_week.html"
    success_url = reverse_lazy("opdracht")
    title = _("Uren van een week registreren")
    intro = _(
        "Hieronder staan de uren die al in deze week geregistreerd zijn. Pas ze aan of vul aan; "
        "wat u leeg laat of op 0 zet, vervalt voor die week."
    )
    bestaand = None

    def week(self):
        import datetime

        try:
            return week_start(datetime.date.fromisoformat(self.request.GET.get("week", "")))
        except ValueError:
            return week_start(timezone.localdate())

    def get_initial(self):
        """The week asked for (else this week) with the hours already registered."""
        opdracht = selectors.huidige_opdracht()
        week = self.week()
        initial = {"opdracht": opdracht.pk if opdracht else None, "week": week}
        if opdracht is not None:
            bestaand = selectors.uren_van_week(opdracht, week)
            for activiteit, uren in bestaand.items():
                initial[f"uren_{activiteit}"] = uren
            initial["gezien"] = selectors.uren_week_stempel(opdracht, week, bestaand=bestaand)
        return initial

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = ctx["form"]
        opdracht, week = selectors.huidige_opdracht(), self.week()
        if form.is_bound and form.is_valid():
            opdracht, week = form.cleaned_data["opdracht"], week_start(form.cleaned_data["week"])
        if opdracht is not None:
            ctx["week_van"] = week
            ctx["week_registraties"] = selectors.registraties(opdracht).filter(week=week)
            ctx["week_totaal"] = sum((r.uren for r in ctx["week_registraties"]), Decimal("0"))
        ctx["uren_gewijzigd"] = self.bestaand is not None
        return ctx

    def back_url(self):
        return reverse("opdracht")

    def breadcrumbs(self):
        return [(_("Opdracht en uren"), reverse("opdracht"))]

    def perform(self, form):
        data = form.cleaned_data
        opdracht, week = data["opdracht"], week_start(data["week"])
        voor = sum(selectors.uren_van_week(opdracht, week).values(), Decimal("0"))
        try:
            services.uren_week_save(
                opdracht=opdracht,
                week=week,
                uren=form.uren(),
                toelichting=data["toelichting"],
                gezien=data["gezien"],
            )
        except services.UrenWeekGewijzigd as exc:
            # Show what is there and carry the new state along: saving again confirms.
            form.add_error(None, exc)
            form.data = form.data.copy()
            form.data["gezien"] = exc.stempel
            self.bestaand = exc.bestaand
            return self.form_invalid(form)
        na = sum(selectors.uren_van_week(opdracht, week).values(), Decimal("0"))
        messages.success(
            self.request,
            _("De uren van de week van %(week)s zijn opgeslagen: was %(voor)s uur, nu %(na)s uur.")
            % {"week": dates.datum(week), "voor": uren(voor), "na": uren(na)},
        )
        return redirect("opdracht")
