"""`{% lakveld obj "field" as t %}`: the text of a field, redacted when the page is public.

In a public rendering the context holds `lak` (an inclusie.redaction.Result);
a field the redaction did not cover comes out fully redacted (fail closed).
"""

from django import template

from inclusie.redaction import NAAM, marker

register = template.Library()


@register.simple_tag(takes_context=True)
def lakveld(context, obj, field: str) -> str:
    lak = context.get("lak")
    if lak is None:
        return getattr(obj, field) or ""
    return lak.teksten.get(f"{obj._meta.model_name}.{obj.pk}.{field}", marker(NAAM))


@register.simple_tag(takes_context=True)
def lakt(context, value) -> str:
    """Any other text on a public page (a table label, a list of names): redacted too."""
    redactor = context.get("lak_redactor")
    text = "" if value is None else str(value)
    return redactor.redact_text(text) if redactor is not None else text
