"""Small form helpers shared by the workbench apps (ambassadeurs, klankbord, opdracht)."""

from __future__ import annotations

from django import forms

from inclusie.forms import SafeModelMultipleChoiceField
from inclusie.ids import IdModelChoiceField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FieldsetFormMixin:
    """Forms that render in fieldsets with a legend: `fieldsets = [(legend, [names])]`.

    Fields not named in any fieldset are appended to the last one, so nothing is lost.
    """

    fieldsets: list[tuple[object, list[str]]] = []

    def grouped(self):
        named = {name for _legend, names in self.fieldsets for name in names}
        groups = []
        for legend, names in self.fieldsets:
            groups.append((legend, [self[n] for n in names if n in self.fields]))
        rest = [self[n] for n in self.fields if n not in named]
        if rest:
            if groups:
                groups[-1][1].extend(rest)
            else:
                groups.append(("", rest))
        return [(legend, fields) for legend, fields in groups if fields]


def apply_dates(form: forms.BaseForm) -> None:
    """Native date pickers; safe multiple-choice fields."""
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.widget = DateInput()
        elif type(field) is forms.ModelMultipleChoiceField:
            field.__class__ = SafeModelMultipleChoiceField
        elif type(field) is forms.ModelChoiceField:
            field.__class__ = IdModelChoiceField
