"""Helpers of the NL Design System crispy template pack (inclusie/templates/nlds/).

The pack renders each field as an @utrecht form field: a label that says "(verplicht)" in
words, a description and an error message that the control names in aria-describedby
(Django 5 builds that attribute and aria-invalid from the ids ``<id>_helptext`` and
``<id>_error``; the templates use exactly those ids), and radio buttons or checkboxes
inside a fieldset with a legend.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.forms.utils import flatatt
from django.forms.widgets import Input
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
SELECT = "utrecht-select utrecht-select--html-select"
CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input"
RADIO = "utrecht-radio-button utrecht-radio-button--html-input"


def widget_class(widget: forms.Widget, *, invalid: bool) -> str:
    """The @utrecht classes of one control (with its --invalid modifier when it has errors)."""
    if isinstance(widget, forms.HiddenInput):
        return ""
    if isinstance(widget, forms.Textarea):
        base = TEXTAREA
    elif isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
        # Before RadioSelect: CheckboxSelectMultiple is one of its subclasses.
        base = CHECKBOX
    elif isinstance(widget, forms.RadioSelect):
        base = RADIO
    elif isinstance(widget, forms.Select):
        base = SELECT
    elif isinstance(widget, forms.FileInput):
        base = "nlds-file-input"
    elif isinstance(widget, Input):
        base = TEXTBOX
    else:
        return ""
    if invalid:
        first = base.split()[0]
        base += f" {first}--invalid"
    return base


@register.filter
def nlds_kind(field: forms.BoundField) -> str:
    """How the pack lays a field out: hidden, checkbox, choices (a fieldset) or control."""
    widget = field.field.widget
    if field.is_hidden:
        return "hidden"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "control"


@register.simple_tag
def nlds_widget(field: forms.BoundField, extra_class: str = "") -> SafeString:
    """Render the control of a field with the @utrecht classes added to its own."""
    widget = field.field.widget
    classes = [widget.attrs.get("class", ""), extra_class]
    if not getattr(widget, "nlds_renders_itself", False):
        for sub in getattr(widget, "widgets", [widget]):
            classes.append(widget_class(sub, invalid=bool(field.errors)))
            break
    attrs: dict[str, Any] = {}
    joined = " ".join(c for c in classes if c)
    if joined:
        attrs["class"] = joined
    return field.as_widget(attrs=attrs)


@register.simple_tag
def nlds_options(field: forms.BoundField) -> list[dict[str, Any]]:
    """The options of a radio or checkbox group, each as its input and its label."""
    widget = field.field.widget
    css = widget_class(widget, invalid=bool(field.errors))
    out = []
    for sub in field.subwidgets:
        data = sub.data
        attrs = dict(data["attrs"])
        attrs["class"] = " ".join(c for c in (attrs.get("class", ""), css) if c)
        html = format_html(
            '<input type="{}" name="{}" value="{}"{}>',
            data["type"],
            data["name"],
            "" if data["value"] is None else str(data["value"]),
            flatatt(attrs),
        )
        out.append({"input": html, "label": data["label"], "id": attrs.get("id", "")})
    return out


@register.filter
def nlds_required(field: forms.BoundField) -> bool:
    """Whether the label says "(verplicht)": a required field the user can change."""
    return bool(field.field.required and not field.field.disabled)


def field_anchor(field: forms.BoundField) -> str:
    """The id the error summary links to: the control, or the first option of a group."""
    if field.id_for_label:
        return field.id_for_label
    if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return field.auto_id or ""


@register.simple_tag
def foutsamenvatting(form: forms.BaseForm | None) -> list[dict[str, str]]:
    """The entries of the one error summary: errors about the whole form first (no link),
    then one per field message, each linking to its control (includes/error_summary.html)."""
    if form is None or not getattr(form, "errors", None):
        return []
    items = [{"href": "", "text": str(e)} for e in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            if field.is_hidden:
                items.append({"href": "", "text": str(error)})
            else:
                label = str(field.label or field.name)
                items.append({"href": field_anchor(field), "text": f"{label}: {error}"})
    return items
