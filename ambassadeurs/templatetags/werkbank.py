"""Template helpers of the workbench pages.

``{% bijeenkomsten_slot "ambassadeurs" persoon=... %}`` is the slot where the
meetings feature (Bijeenkomst, built separately) shows the meetings of a body
or of one person. It renders ``bijeenkomsten/slot_<orgaan>.html`` or
``bijeenkomsten/slot.html`` when the meetings app provides one, and nothing
otherwise, so these pages work before and after that feature lands.
"""

from __future__ import annotations

from django import template
from django.template.loader import select_template

register = template.Library()

ORGANEN = {"ambassadeurs", "klankbord", "klankbord_wethouder", "persoon"}


@register.simple_tag(takes_context=True)
def bijeenkomsten_slot(context, orgaan: str, persoon=None, titel: str = "") -> str:
    try:
        tmpl = select_template([f"bijeenkomsten/slot_{orgaan}.html", "bijeenkomsten/slot.html"])
    except template.TemplateDoesNotExist:
        return ""
    request = context.get("request")
    return tmpl.render(
        {
            "orgaan": orgaan,
            "persoon": persoon,
            "titel": titel,
            "user": getattr(request, "user", None),
            "can": context.get("can"),
        },
        request,
    )


@register.filter
def euro(value) -> str:
    """EUR 37.000,00 in Dutch notation."""
    if value is None or value == "":
        return "-"
    try:
        amount = f"{float(value):,.2f}"
    except (TypeError, ValueError):
        return str(value)
    return "€ " + amount.replace(",", "X").replace(".", ",").replace("X", ".")


@register.filter
def uren(value) -> str:
    if value is None:
        return "0"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
