"""The one list base: filtered by django-filter and paginated in the database.

Every list page of the portal is a :class:`FilteredListView`. Its ``selector``
returns a django-filter ``FilterSet`` (or a plain queryset for a list without
filters); the page size is the one ``PAGE_SIZE`` setting. Templates build their
page, sort and export links with Django's ``{% querystring %}`` tag, so the
filters a user chose survive every link (see ``includes/pagination.html``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.views.generic import ListView
from django_filters import FilterSet

from inclusie.permissions import AreaMixin


def page_size() -> int:
    return settings.PAGE_SIZE


class FilteredListView(AreaMixin, ListView):
    """A list that filters and paginates in the database through a selector.

    ``selector(params=..., **self.selector_kwargs())`` returns a FilterSet or a
    queryset. ``default_params`` apply when the page is opened without any.
    """

    selector: Any = None
    default_params: dict[str, str] | None = None
    filterset: FilterSet | None = None

    def get_paginate_by(self, queryset) -> int:
        return page_size()

    def selector_kwargs(self) -> dict[str, Any]:
        return {}

    def get_queryset(self) -> QuerySet:
        params = self.request.GET or self.default_params or None
        result = type(self).selector(params=params, **self.selector_kwargs())
        if isinstance(result, FilterSet):
            self.filterset = result
            return result.qs
        return result

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filterset
        return ctx
