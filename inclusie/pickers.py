"""Pickers that scale: a searchable combobox for people and organisations (and the like).

Two halves:

- :class:`Kiezer` / :class:`KiezerMeer` (single / multiple choice) render the native
  ``<select>`` of a ``ModelChoiceField`` / ``ModelMultipleChoiceField``, so the form works
  without JavaScript. ``static/js/kiezer.js`` turns it into a WAI-ARIA combobox with a
  listbox (the APG pattern) and chosen values as removable items.
- :func:`kiezer_zoeken` answers the combobox's searches: at most ``LIMIT`` matches,
  searched in the database.

The endpoint searches exactly what the form field offers: when a picker is rendered, its
field's queryset (with the form's own narrowing - "organisations that are no partner yet",
"active accounts") is stored in the cache under a token derived from its SQL, and the
combobox sends that token. The endpoint then also keeps to what the signed-in user may see
of that kind of record (:func:`register`, each with the permission area that shows it), so
a token that reaches someone else gives them nothing they could not see already. An
unknown or expired token answers 404 and the combobox falls back to filtering the options
of its own ``<select>``.

Apps register the models people pick in their ``AppConfig.ready()`` (the core registers
its own: persons, organisations, accounts).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import Model, Q, QuerySet
from django.forms.utils import flatatt
from django.http import Http404, HttpRequest, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from inclusie.permissions import VIEW, allowed, requires

LIMIT = 20
MAX_QUERY_LENGTH = 100
TOKEN_SECONDS = 60 * 60 * 8  # a working day: a form left open still searches


@dataclass(frozen=True)
class Bron:
    """A kind of record people pick: how to search it and who may see it."""

    model: type[Model]
    search_fields: tuple[str, ...]
    area: str
    label: Callable[[Any], str] = str
    select_related: tuple[str, ...] = ()
    visible: Callable[[Any, QuerySet], QuerySet] = field(default=lambda user, qs: qs)


_BRONNEN: dict[str, Bron] = {}


def register(bron: Bron) -> None:
    _BRONNEN[bron.model._meta.label_lower] = bron


def bron_for(model: type[Model]) -> Bron | None:
    return _BRONNEN.get(model._meta.label_lower)


def _cache_key(token: str) -> str:
    return f"kiezer:{token}"


def kiezer_token(queryset: QuerySet, to_field_name: str | None = None) -> str | None:
    """Store a picker's queryset for the search endpoint; None when its model has no Bron."""
    if bron_for(queryset.model) is None:
        return None
    try:
        sql = str(queryset.query)
    except Exception:  # an empty queryset (.none()) has no SQL: nothing to search
        return None
    raw = f"{settings.SECRET_KEY}|{queryset.model._meta.label_lower}|{to_field_name}|{sql}"
    token = hashlib.sha256(raw.encode()).hexdigest()[:32]
    key = _cache_key(token)
    if cache.get(key) is None:
        cache.set(
            key,
            {
                "model": queryset.model._meta.label_lower,
                "query": queryset.query,
                "to_field_name": to_field_name,
            },
            TOKEN_SECONDS,
        )
    else:
        cache.touch(key, TOKEN_SECONDS)
    return token


def search(bron: Bron, queryset: QuerySet, text: str) -> QuerySet:
    """Every word must occur in one of the source's fields (case-insensitive)."""
    for word in text.split()[:6]:
        condition = Q()
        for name in bron.search_fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


@requires("home", VIEW)
def kiezer_zoeken(request: HttpRequest, token: str) -> JsonResponse:
    """The combobox's search: ``?q=text`` -> ``{"resultaten": [{"waarde", "tekst"}], "meer"}``."""
    if not re.fullmatch(r"[0-9a-f]{32}", token):
        raise Http404
    entry = cache.get(_cache_key(token))
    if entry is None:
        raise Http404
    bron = _BRONNEN.get(entry["model"])
    if bron is None or not allowed(request.user, bron.area, VIEW):
        # What this person may not see is not searched for them, not even by name.
        return JsonResponse({"resultaten": [], "meer": False}, status=403)
    queryset = bron.model._default_manager.all()
    queryset.query = entry["query"]
    queryset = bron.visible(request.user, queryset)
    if bron.select_related:
        queryset = queryset.select_related(*bron.select_related)
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    found = list(search(bron, queryset, text)[: LIMIT + 1])
    attribute = entry["to_field_name"] or "pk"
    resultaten = [
        {"waarde": str(getattr(obj, attribute)), "tekst": bron.label(obj)} for obj in found[:LIMIT]
    ]
    response = JsonResponse({"resultaten": resultaten, "meer": len(found) > LIMIT})
    response["Cache-Control"] = "private, no-store"
    return response


def teksten() -> dict[str, str]:
    """The combobox's words, in the page's language (data-tekst-* on the select)."""
    return {
        "data-tekst-uitleg": gettext(
            "Typ een deel van de naam en kies met de pijltjestoetsen en Enter."
        ),
        "data-tekst-een": ngettext("{n} resultaat", "{n} resultaten", 1),
        "data-tekst-meer": ngettext("{n} resultaat", "{n} resultaten", 2),
        "data-tekst-geen": gettext("Geen resultaten. Typ iets anders."),
        "data-tekst-verfijn": gettext("Er zijn er meer: typ verder om te verfijnen."),
        "data-tekst-gekozen": gettext("{naam} gekozen"),
        "data-tekst-verwijderd": gettext("{naam} verwijderd"),
        "data-tekst-verwijder": gettext("Verwijder"),
        "data-tekst-lijst": gettext("Gekozen"),
        "data-tekst-niets": gettext("Nog niets gekozen."),
    }


class KiezerMixin:
    """The select of a picker, with what the combobox needs in data attributes."""

    kiezer_soort = "een"
    choices: Iterable[Any]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)  # type: ignore[misc]
        self._kiezer_attrs(context["widget"]["attrs"])
        return context

    def _kiezer_attrs(self, widget_attrs: dict[str, Any]) -> None:
        widget_attrs["data-kiezer"] = self.kiezer_soort
        queryset = getattr(self.choices, "queryset", None)
        if queryset is not None:
            model_field = getattr(self.choices, "field", None)
            token = kiezer_token(queryset, getattr(model_field, "to_field_name", None))
            if token:
                widget_attrs["data-kiezer-url"] = reverse("kiezer-zoeken", args=[token])
        widget_attrs.update(teksten())

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        """The select with its options built in Python, not one template per option.

        A picker over every person in the programme has thousands of options; Django's
        per-option templates took 2.4 s for 5,000 of them, this takes a few milliseconds.
        """
        # Widget.get_context: the attributes without Django building every option first.
        context = forms.Widget.get_context(self, name, value, attrs)  # type: ignore[arg-type]
        widget_attrs = context["widget"]["attrs"]
        if self.kiezer_soort == "meer":
            widget_attrs["multiple"] = True
        self._kiezer_attrs(widget_attrs)
        chosen = {str(v) for v in context["widget"]["value"] if v is not None}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (text, " selected" if text in chosen else "", label)
                for text, label in (
                    ("" if v is None else str(v), option_label) for v, option_label in self.choices
                )
            ),
        )
        html = format_html('<select name="{}"{}>{}</select>', name, flatatt(widget_attrs), options)
        if self.kiezer_soort == "meer":
            html = format_html(
                "{}{}", html, render_to_string("nlds/widgets/kiezer_meer_uitleg.html")
            )
        return html


class Kiezer(KiezerMixin, forms.Select):
    """Choose one person, organisation, account ...: a searchable combobox."""


class KiezerMeer(KiezerMixin, forms.SelectMultiple):
    """Choose several: a searchable combobox and the chosen ones as removable items."""

    kiezer_soort = "meer"


def use_kiezers(form: forms.BaseForm, *names: str) -> None:
    """Give the named model-choice fields of a form the combobox (keeping their attrs)."""
    for name in names:
        field = form.fields.get(name)
        if not isinstance(field, forms.ModelChoiceField):
            continue
        multiple = isinstance(field, forms.ModelMultipleChoiceField)
        widget: forms.Select = KiezerMeer() if multiple else Kiezer()
        widget.attrs = {k: v for k, v in field.widget.attrs.items() if k != "size"}
        widget.is_required = field.widget.is_required
        widget.choices = field.widget.choices
        field.widget = widget
