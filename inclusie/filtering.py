"""Base FilterSet: Bootstrap classes on the widgets, so the filter form renders without crispy.

Rendering with crispy costs several milliseconds per list page; the plain
include (templates/includes/filter_form.html) does the same job much faster.
"""

import django_filters
from django import forms


class PortalFilterSet(django_filters.FilterSet):
    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        return form
