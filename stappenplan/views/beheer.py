"""The beheerder's questionnaire versions: view them, see which is in use, make a new
version from one, edit the new version's questions, take it into use.

A version in use or answered in a verkenning is never edited (stappenplan.services).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from inclusie.form_views import ConfirmDeleteView, ServiceFormView, run_action
from inclusie.list_views import FilteredListView
from inclusie.permissions import CHANGE, VIEW, AreaMixin, requires
from stappenplan import selectors as sel
from stappenplan import services
from stappenplan.forms import VraagBewerkForm, VraagToevoegForm, VragenlijstGegevensForm
from stappenplan.models import Deel, Vraag, Vragenlijst


def status(vragenlijst: Vragenlijst, aantal_verkenningen: int) -> tuple[str, str]:
    """(label, badge tone) of a version as the beheerder sees it."""
    if vragenlijst.actief:
        return _("In gebruik"), "active"
    if aantal_verkenningen:
        return _("Eerder gebruikt"), "inactive"
    return _("Concept"), "warning"


class VragenlijstListView(FilteredListView):
    area, action = "beheer", VIEW
    template_name = "stappenplan/beheer/vragenlijst_list.html"
    selector = staticmethod(sel.vragenlijst_versies)

    def get_paginate_by(self, queryset) -> int:
        return 100  # a handful of questionnaires with a few versions each: one page

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["versies"] = [(v, *status(v, v.aantal_verkenningen)) for v in ctx["object_list"]]
        return ctx


class VragenlijstDetailView(AreaMixin, TemplateView):
    area, action = "beheer", VIEW
    model = Vragenlijst
    template_name = "stappenplan/beheer/vragenlijst_detail.html"

    def get_context_data(self, **kwargs):
        vragenlijst = sel.vragenlijst_beheer(pk=self.kwargs["pk"])
        aantal = vragenlijst.verkenningen.count()
        label, tone = status(vragenlijst, aantal)
        return super().get_context_data(
            vragenlijst=vragenlijst,
            aantal_verkenningen=aantal,
            status_label=label,
            status_tone=tone,
            bewerkbaar=not vragenlijst.actief and not aantal,
            concept=services.vragenlijst_open_concept(code=vragenlijst.code),
            **kwargs,
        )


@requires("beheer", CHANGE)
@require_POST
def vragenlijst_nieuwe_versie(request, pk: int):
    vragenlijst = get_object_or_404(Vragenlijst, pk=pk)
    bestaand = services.vragenlijst_open_concept(code=vragenlijst.code)
    concept = run_action(
        request, lambda: services.vragenlijst_concept_maken(vragenlijst=vragenlijst)
    )
    if concept is None:
        return redirect(vragenlijst.get_absolute_url())
    if bestaand is not None:
        message = _("Er was al een nieuwe versie in bewerking: versie %(v)s.")
    else:
        message = _("Versie %(v)s is gemaakt. Pas de vragen aan en neem haar dan in gebruik.")
    from django.contrib import messages

    messages.success(request, message % {"v": concept.versie})
    return redirect(concept.get_absolute_url())


@requires("beheer", CHANGE)
@require_POST
def vragenlijst_in_gebruik(request, pk: int):
    vragenlijst = get_object_or_404(Vragenlijst, pk=pk)
    run_action(
        request,
        lambda: services.vragenlijst_in_gebruik_nemen(vragenlijst=vragenlijst),
        success=_("Versie %(v)s is nu in gebruik: nieuwe verkenningen krijgen deze vragen.")
        % {"v": vragenlijst.versie},
    )
    return redirect(vragenlijst.get_absolute_url())


class VragenlijstGegevensView(ServiceFormView):
    area, action = "beheer", CHANGE
    model = Vragenlijst
    form_class = VragenlijstGegevensForm
    template_name = "stappenplan/beheer/form.html"
    success_message = gettext_lazy("De gegevens zijn opgeslagen.")

    def get_instance(self):
        return get_object_or_404(Vragenlijst, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        vragenlijst = self.get_instance()
        kwargs.setdefault(
            "title", _("Titel en inleiding van versie %(v)s") % {"v": vragenlijst.versie}
        )
        kwargs.setdefault("vragenlijst", vragenlijst)
        return super().get_context_data(**kwargs)

    def back_url(self):
        return self.get_instance().get_absolute_url()

    def perform(self, form):
        return services.vragenlijst_gegevens_wijzigen(
            vragenlijst=self.get_instance(),
            titel=form.cleaned_data["titel"],
            inleiding=form.cleaned_data["inleiding"],
        )


class VraagBewerkView(ServiceFormView):
    area, action = "beheer", CHANGE
    model = Vraag
    form_class = VraagBewerkForm
    template_name = "stappenplan/beheer/form.html"
    success_message = gettext_lazy("De vraag is opgeslagen.")

    def get_vraag(self) -> Vraag:
        if not hasattr(self, "_vraag"):
            self._vraag = get_object_or_404(
                Vraag.objects.select_related("deel__vragenlijst"), pk=self.kwargs["pk"]
            )
        return self._vraag

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "soort": self.get_vraag().soort}

    def get_initial(self):
        vraag = self.get_vraag()
        return {
            "tekst": vraag.tekst,
            "hulptekst": vraag.hulptekst,
            "opties": "\n".join(str(o) for o in vraag.opties),
        }

    def get_context_data(self, **kwargs):
        vraag = self.get_vraag()
        kwargs.setdefault("title", _("Vraag %(n)s wijzigen") % {"n": vraag.nummer})
        kwargs.setdefault("vragenlijst", vraag.deel.vragenlijst)
        return super().get_context_data(**kwargs)

    def back_url(self):
        return (
            self.get_vraag().deel.vragenlijst.get_absolute_url() + f"#vraag-{self.get_vraag().pk}"
        )

    def delete_url(self):
        return reverse("vraag-verwijderen", args=[self.get_vraag().pk])

    def get_success_url(self):
        return self.back_url()

    def perform(self, form):
        return services.vraag_bewerken(
            vraag=self.get_vraag(),
            tekst=form.cleaned_data["tekst"],
            hulptekst=form.cleaned_data["hulptekst"],
            opties=form.cleaned_data.get("opties", []),
        )


class VraagToevoegView(ServiceFormView):
    area, action = "beheer", CHANGE
    model = Deel  # the URL names the part the question is added to
    form_class = VraagToevoegForm
    template_name = "stappenplan/beheer/form.html"
    success_message = gettext_lazy("De vraag is toegevoegd.")

    def get_deel(self) -> Deel:
        return get_object_or_404(Deel.objects.select_related("vragenlijst"), pk=self.kwargs["pk"])

    def get_initial(self):
        laatste = Vraag.objects.filter(
            deel__vragenlijst=self.get_deel().vragenlijst, hoofdvraag=None
        ).values_list("nummer", flat=True)
        numbers = [int(n) for n in laatste if n.isdigit()]
        return {"nummer": str(max(numbers) + 1) if numbers else "1"}

    def get_context_data(self, **kwargs):
        deel = self.get_deel()
        kwargs.setdefault("title", _("Vraag toevoegen aan deel %(n)s") % {"n": deel.nummer})
        kwargs.setdefault("vragenlijst", deel.vragenlijst)
        return super().get_context_data(**kwargs)

    def back_url(self):
        return self.get_deel().vragenlijst.get_absolute_url()

    def get_success_url(self):
        return self.back_url() + f"#vraag-{self.object.pk}"

    def perform(self, form):
        data = form.cleaned_data
        return services.vraag_toevoegen(
            deel=self.get_deel(),
            nummer=data["nummer"],
            tekst=data["tekst"],
            hulptekst=data["hulptekst"],
            soort=data["soort"],
            opties=data.get("opties", []),
        )


class VraagVerwijderView(ConfirmDeleteView):
    area, action = "beheer", CHANGE
    model = Vraag
    title = gettext_lazy("Vraag verwijderen")

    def get_object(self):
        return get_object_or_404(
            Vraag.objects.select_related("deel__vragenlijst"), pk=self.kwargs["pk"]
        )

    def omschrijving(self, obj) -> str:
        return str(obj)

    def success_url(self, obj) -> str:
        return obj.deel.vragenlijst.get_absolute_url()

    def breadcrumbs(self, obj):
        return [
            (_("Beheer"), reverse("beheer")),
            (_("Vragenlijsten"), reverse("vragenlijst-beheer")),
            (str(obj.deel.vragenlijst), self.success_url(obj)),
        ]

    def post(self, request, *args, **kwargs):
        # A version in use refuses (the service says why) instead of a 500.
        vraag = self.get_object()
        url = self.success_url(vraag)
        run_action(
            request,
            lambda: services.vraag_verwijderen(vraag=vraag),
            success=_("Vraag %(n)s is verwijderd.") % {"n": vraag.nummer},
        )
        return redirect(url)
