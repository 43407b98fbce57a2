"""The one list base: filtered by django-filter and paginated in the database.

Every list page of the portal is a :class:`FilteredListView`. Its ``selector``
returns a django-filter ``FilterSet`` (or a plain queryset for a list without
filters); the page size is the one ``PAGE_SIZE`` setting. Templates build their
page, sort and export links with Django's ``{% querystring %}`` tag, so the
filters a user chose survive every link (see ``includes/pagination.html``).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.functional import SimpleLazyObject
from django.views.generic import ListView
from django.views.generic.base import ContextMixin
from django.views.generic.list import MultipleObjectMixin
from django_filters import FilterSet

from inclusie.fragments import Deferred
from inclusie.permissions import AreaMixin

# What a list puts in its template's context, read on first use.
LIST_CONTEXT = ("object_list", "paginator", "page_obj", "is_paginated", "filter")


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

    def get(self, request, *args, **kwargs):
        self.object_list = None  # read when the page first needs it (get_context_data)
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        """The rows, pages and filters as values read on first use.

        Most list tables are a cached fragment ({% fragment %}): on a hit the template
        never asks for them, and the filter form, the count and the rows are not read.
        """
        listing = Deferred(self._listing)
        lazy = {name: SimpleLazyObject(partial(listing.__getitem__, name)) for name in LIST_CONTEXT}
        if self.context_object_name:
            lazy[self.context_object_name] = lazy["object_list"]
        return ContextMixin.get_context_data(self, **{**lazy, **kwargs})

    def _listing(self) -> dict[str, Any]:
        self.object_list = self.get_queryset()
        ctx = MultipleObjectMixin.get_context_data(self)
        ctx["filter"] = self.filterset
        return ctx
