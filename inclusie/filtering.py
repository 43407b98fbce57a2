"""Base FilterSet: NL Design System classes on the widgets, so the filter form renders without crispy.

Rendering with crispy costs several milliseconds per list page; the plain
include (templates/includes/filter_form.html) does the same job much faster.
"""

import django_filters
from django_filters import fields as filter_fields

from inclusie.ids import IdChoiceMixin


class IdFilterChoiceField(IdChoiceMixin, filter_fields.ModelChoiceField):
    pass


class IdFilterMultipleChoiceField(IdChoiceMixin, filter_fields.ModelMultipleChoiceField):
    pass


class PortalFilterSet(django_filters.FilterSet):
    """Every list's filters: model choices take ASCII-digit ids only (inclusie.ids)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for flt in self.filters.values():
            if isinstance(flt, django_filters.ModelMultipleChoiceFilter):
                flt.field_class = IdFilterMultipleChoiceField
            elif isinstance(flt, django_filters.ModelChoiceFilter):
                flt.field_class = IdFilterChoiceField

    @property
    def form(self):
        form = super().form
        from inclusie.templatetags.nlds_forms import widget_class

        for field in form.fields.values():
            css = widget_class(field.widget, invalid=False)
            if css:
                field.widget.attrs.setdefault("class", css)
        return form
