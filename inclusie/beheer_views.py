"""The beheerder's reference lists on the portal's own pages: list, add, edit, (de)activate.

One set of views serves every registered list (inclusie.registry.ReferenceList):
wijken, diversiteitsaspecten, openbare ambtsdragers ... The list comes from the
URL (`<lijst:lijst>`), the form from the list's fields.
"""

from __future__ import annotations

from django.forms import modelform_factory
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView, View

from inclusie import selectors, services
from inclusie.form_views import ServiceFormView, run_action
from inclusie.list_views import FilteredListView
from inclusie.permissions import CHANGE, VIEW, AreaMixin


class LijstenView(AreaMixin, TemplateView):
    """The reference lists, one link each (also on the Beheer overview)."""

    area, action = "beheer", VIEW
    template_name = "inclusie/beheer/lijsten.html"

    def get_context_data(self, **kwargs):
        from inclusie.registry import reference_lists

        return super().get_context_data(lijsten=reference_lists(), **kwargs)


class ReferentieMixin:
    kwargs: dict

    @property
    def lijst(self):
        return self.kwargs["lijst"]

    def list_url(self) -> str:
        return reverse("beheer-lijst", args=[self.lijst.code])


class ReferentieListView(ReferentieMixin, FilteredListView):
    area, action = "beheer", VIEW
    template_name = "inclusie/beheer/lijst.html"
    default_params = {"actief": "ja"}

    @staticmethod
    def selector(*, params=None, lijst):
        return selectors.referentie_list(params=params, lijst=lijst)

    def selector_kwargs(self):
        return {"lijst": self.lijst}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        model = self.lijst.get_model()
        ctx["lijst"] = self.lijst
        ctx["columns"] = [
            capfirst(model._meta.get_field(name).verbose_name) for name in self.lijst.fields
        ]
        ctx["rows"] = [
            (obj, [_display(obj, name) for name in self.lijst.fields]) for obj in ctx["object_list"]
        ]
        return ctx


def _display(obj, name: str) -> str:
    value = getattr(obj, name)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return str(value) if value not in (None, "") else "-"


class ReferentieCreateView(ReferentieMixin, ServiceFormView):
    area, action = "beheer", CHANGE
    template_name = "inclusie/beheer/lijst_form.html"

    def get_form_class(self):
        return modelform_factory(self.lijst.get_model(), fields=self.lijst.fields)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("title", self.title_text())
        kwargs.setdefault("intro", self.lijst.intro)
        kwargs.setdefault("lijst", self.lijst)
        return super().get_context_data(**kwargs)

    def title_text(self) -> str:
        return str(self.lijst.add_label)

    def back_url(self) -> str:
        return self.list_url()

    def get_success_url(self) -> str:
        return self.list_url()

    def get_success_message(self, obj) -> str:
        return _("%(naam)s is opgeslagen.") % {"naam": obj}

    def perform(self, form):
        instance = form.save(commit=False)
        for name, value in self.lijst.where.items():
            setattr(instance, name, value)
        return services.referentie_save(instance=instance)


class ReferentieUpdateView(ReferentieCreateView):
    def get_instance(self):
        return get_object_or_404(self.lijst.get_model(), pk=self.kwargs["pk"], **self.lijst.where)

    def title_text(self) -> str:
        return _("%(naam)s wijzigen") % {"naam": self.get_instance()}


@method_decorator(require_POST, name="dispatch")
class ReferentieActiefView(ReferentieMixin, AreaMixin, View):
    """POST: deactivate a row (or make it active again)."""

    area, action = "beheer", CHANGE

    def post(self, request, lijst, pk):
        obj = get_object_or_404(lijst.get_model(), pk=pk, **lijst.where)
        actief = request.POST.get("actief") == "ja"
        message = (
            _("%(naam)s is weer actief.") if actief else _("%(naam)s is niet meer actief.")
        ) % {"naam": obj}
        run_action(
            request,
            lambda: services.referentie_set_actief(instance=obj, actief=actief),
            success=message,
        )
        return redirect(self.list_url())
