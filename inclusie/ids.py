"""The one parser for ids from a URL, a query string or a form: ASCII digits only.

Python's int() and str.isdigit() accept "²", Arabic-Indic "٣" and fullwidth "３";
an id that is not plain 0-9 (or does not fit a bigint) is simply not an id:
a 404 in a URL, an unchosen filter or a Dutch form error, never a 500.

- URLs: the `id` path converter (`<id:pk>`), registered in InclusieConfig.ready().
- Query strings: `query_id(request.GET, "ambassadeur")`.
- Forms and filters: `IdModelChoiceField` / `IdModelMultipleChoiceField`
  (PortalFilterSet uses them for every model choice filter).
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms

MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """The id in `value` when it is 1-19 ASCII digits within bigint range, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= MAX_ID else None
    text = value if isinstance(value, str) else ""
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def query_id(params: Mapping, name: str) -> int | None:
    """The id in query parameter `name` (e.g. ?ambassadeur=12), or None when absent or odd."""
    return parse_id(params.get(name))


class IdConverter:
    """Path converter `<id:pk>`: ASCII digits, within bigint range; anything else is a 404."""

    regex = "[0-9]{1,19}"
    sample = 987654  # for the URL walks in the tests

    def to_python(self, value: str) -> int:
        number = int(value) if value.isascii() and value.isdigit() else MAX_ID + 1
        if number > MAX_ID:
            raise ValueError(value)  # Django tries the next pattern, then answers 404
        return number

    def to_url(self, value: object) -> str:
        text = str(value)
        if isinstance(value, bool) or not (text.isascii() and text.isdigit()):
            raise ValueError(value)  # reverse() raises NoReverseMatch
        self.to_python(text)
        return text


class IdChoiceMixin:
    """For model choice fields: a submitted id goes through parse_id before the database."""

    def _check_id(self, value):
        if value in self.empty_values or isinstance(value, self.queryset.model):
            return
        by_pk = self.to_field_name in (None, "pk", self.queryset.model._meta.pk.name)
        if by_pk and parse_id(value if isinstance(value, int) else str(value)) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )

    def to_python(self, value):  # single choice
        self._check_id(value)
        return super().to_python(value)

    def _check_values(self, value):  # multiple choice
        for pk in value:
            self._check_id(pk)
        return super()._check_values(value)


class IdModelChoiceField(IdChoiceMixin, forms.ModelChoiceField):
    pass


class IdModelMultipleChoiceField(IdChoiceMixin, forms.ModelMultipleChoiceField):
    pass
