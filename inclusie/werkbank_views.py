"""Base views shared by the workbench pages (ambassadeurs, klankbord, opdracht)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from inclusie.forms import ServiceFormMixin
from inclusie.permissions import AreaMixin


class WerkbankFormView(AreaMixin, ServiceFormMixin, FormView):
    """A form page: title, a way back, a service call that may refuse with a clear error."""

    template_name = "werkbank/form.html"
    title = ""
    intro = ""

    def terug_url(self) -> str:
        return ""

    def verwijder_url(self) -> str:
        return ""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            title=self.title,
            intro=self.intro,
            terug_url=self.terug_url(),
            verwijder_url=self.verwijder_url(),
        )
        return ctx


class WerkbankDeleteView(AreaMixin, TemplateView):
    """GET asks for confirmation, POST deletes through a service and redirects."""

    template_name = "werkbank/verwijderen.html"
    title = _("Verwijderen")

    def get_object(self):
        raise NotImplementedError

    def omschrijving(self, obj) -> str:
        return str(obj)

    def delete(self, obj) -> None:
        raise NotImplementedError

    def success_url(self, obj) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        obj = self.get_object()
        return super().get_context_data(
            title=self.title,
            omschrijving=self.omschrijving(obj),
            terug_url=self.success_url(obj),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        url = self.success_url(obj)
        self.delete(obj)
        messages.success(request, _("Verwijderd."))
        return redirect(url)
