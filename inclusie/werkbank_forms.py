"""Small form helpers shared by the workbench apps (ambassadeurs, klankbord, opdracht)."""

from __future__ import annotations

from django import forms


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


MAX_PK = 2**63 - 1


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Rejects ids the database cannot hold before querying (SQLite overflows on `pk__in`)."""

    def _check_values(self, value):
        for pk in value:
            try:
                number = int(str(pk))
            except (TypeError, ValueError):
                continue  # the parent reports it as an invalid choice
            if not 0 < number <= MAX_PK:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


def apply_dates(form: forms.BaseForm) -> None:
    """Native date pickers; safe multiple-choice fields."""
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.widget = DateInput()
        elif type(field) is forms.ModelMultipleChoiceField:
            field.__class__ = SafeModelMultipleChoiceField


def add_service_errors(form: forms.BaseForm, error) -> None:
    """Put a service's ValidationError on the form: on the field it names, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        form.add_error(None, error)
