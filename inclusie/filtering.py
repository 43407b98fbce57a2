"""Base FilterSet: NL Design System classes on the widgets, so the filter form renders without crispy.

Rendering with crispy costs several milliseconds per list page; the plain
include (templates/includes/filter_form.html) does the same job much faster.
"""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_filters import fields as filter_fields

from inclusie.ids import IdChoiceMixin


class IdFilterChoiceField(IdChoiceMixin, filter_fields.ModelChoiceField):
    pass


class IdFilterMultipleChoiceField(IdChoiceMixin, filter_fields.ModelMultipleChoiceField):
    pass


class FastSelect(forms.Select):
    """A <select> built in Python: Django renders every <option> through a template.

    A filter bar has several selects (wijken, sectors, pijlers, sorting) with dozens of
    options; their templates were a large part of a list page's time. The markup is
    the same as Django's templates give (tests/inclusie/test_page_speed.py).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('<optgroup label="{}">', group))
            parts += [
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option["value"],
                    flatatt(option["attrs"]),
                    option["label"],
                )
                for option in options
            ]
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


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
            if type(field.widget) is forms.Select:
                field.widget.__class__ = FastSelect
            css = widget_class(field.widget, invalid=False)
            if css:
                field.widget.attrs.setdefault("class", css)
        return form
