"""The one base for every create/edit page, and the one delete-confirmation page.

A form page validates the form, calls ONE service in :meth:`ServiceFormView.perform`,
and on success shows a message and redirects. A service that refuses raises Django's
``ValidationError``; the base puts its messages on the fields it names (or on top of
the form) and shows the page again, so a refusal is never a 500 and never half-saved.
Every form page renders ``inclusie/form_page.html`` (or a template extending it),
which has the one error summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from inclusie.permissions import AreaMixin


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, default_field: str | None = None
) -> None:
    """Put a service's ValidationError on the form: on the field it names, else on top.

    A service may name a model field the form does not show; that error goes on
    top instead of raising (Django's add_error refuses unknown fields). An error
    that names no field goes on `default_field` when the view gives one.
    """
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        form.add_error(default_field, error)


def call_service(form: forms.BaseForm, call: Callable[[], Any], default_field: str | None = None):
    """Run one service for a valid form; a refusal lands on the form (see add_service_errors).

    Returns the service's result; afterwards `form.errors` tells whether it refused.
    :class:`ServiceFormView` uses it for every form page; a page that carries several
    forms (the publication preview) uses it directly for the form that was posted.
    """
    try:
        return call()
    except ValidationError as exc:
        add_service_errors(form, exc, default_field)
        return None


class ServiceFormView(AreaMixin, FormView):
    """A form whose valid data goes to one service; service errors land on the form.

    Override :meth:`perform` to call the service and return what it saved. Then:

    - ``success_message`` (or :meth:`get_success_message`) is shown,
    - the page redirects to ``success_url`` / :meth:`get_success_url`; by default the
      saved object's own page, else :meth:`back_url`.

    ``perform`` may also return a response of its own (a redirect with an anchor,
    a page with row errors); it is returned as it is.

    Edit pages return the object from :meth:`get_instance`; a ``ModelForm`` gets
    it as its ``instance``.
    """

    template_name = "inclusie/form_page.html"
    title: Any = ""
    intro: Any = ""
    submit_label: Any = ""
    success_message: Any = ""
    # Where a service error that names no field goes (None: on top of the form).
    service_error_field: str | None = None
    object: Any = None

    # --- hooks -------------------------------------------------------------------

    def perform(self, form) -> Any:  # pragma: no cover - every view overrides it
        raise NotImplementedError

    def get_instance(self) -> Any:
        return None

    def back_url(self) -> str:
        """Where "Annuleren" leads; also the page to return to after saving."""
        return ""

    def delete_url(self) -> str:
        """A page that asks to confirm deletion (see :class:`ConfirmDeleteView`)."""
        return ""

    def breadcrumbs(self) -> list[tuple[Any, str]]:
        """The trail above the form, (label, url) from the top down; Home comes first by itself."""
        return []

    def get_success_message(self, obj) -> str:
        return str(self.success_message) if self.success_message else ""

    def get_success_url(self) -> str:
        if self.success_url:
            return str(self.success_url)
        if hasattr(self.object, "get_absolute_url"):
            return self.object.get_absolute_url()
        back = self.back_url()
        if back:
            return back
        raise NotImplementedError(f"{type(self).__name__} needs a success URL")

    # --- machinery ---------------------------------------------------------------

    def get_form(self, form_class=None):
        from inclusie.beheer import only_active_choices

        form = super().get_form(form_class)
        # A wijk or aspect the beheerder deactivated is no longer offered (rows keep theirs).
        only_active_choices(form)
        return form

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        instance = self.get_instance()
        if instance is not None:
            kwargs["instance"] = instance
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("title", self.title)
        ctx.setdefault("intro", self.intro)
        ctx.setdefault("submit_label", self.submit_label)
        ctx.setdefault("back_url", self.back_url())
        ctx.setdefault("delete_url", self.delete_url())
        ctx.setdefault("kruimelpad", self.breadcrumbs())
        return ctx

    def form_valid(self, form) -> HttpResponse:
        result = call_service(form, lambda: self.perform(form), self.service_error_field)
        if form.errors:
            return self.form_invalid(form)
        if isinstance(result, HttpResponseBase):
            return result  # type: ignore[return-value]
        self.object = result
        message = self.get_success_message(result)
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())


class ConfirmDeleteView(AreaMixin, TemplateView):
    """GET asks for confirmation, POST deletes through a service and redirects."""

    template_name = "inclusie/verwijderen.html"
    title = _("Verwijderen")

    def get_object(self):
        raise NotImplementedError

    def omschrijving(self, obj) -> str:
        return str(obj)

    def delete(self, obj) -> None:
        raise NotImplementedError

    def success_url(self, obj) -> str:
        raise NotImplementedError

    def breadcrumbs(self, obj) -> list[tuple[str, str]]:
        """The trail to the page the object is deleted from (docs/interface.md)."""
        return []

    def get_context_data(self, **kwargs):
        obj = self.get_object()
        return super().get_context_data(
            title=self.title,
            omschrijving=self.omschrijving(obj),
            back_url=self.success_url(obj),
            kruimelpad=self.breadcrumbs(obj),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        url = self.success_url(obj)
        self.delete(obj)
        messages.success(request, _("Verwijderd."))
        return redirect(url)


def run_action(request, call: Callable[[], Any], *, success: str = "") -> Any | None:
    """For a POST button without a form (end a membership, approve): run one service.

    A refusal (the service's ValidationError) becomes an error message on the next
    page instead of a 500; the caller redirects either way. Returns the service's
    result, or None when it refused.
    """
    try:
        result = call()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return None
    if success:
        messages.success(request, success)
    return result
