"""Interface helpers every app's templates share (docs/interface.md): `{% load portaal %}`.

- `{% status_badge label tone %}`: a phase or status as an NL Design System status badge,
  colour and text together (never colour alone).
- `{% breadcrumbs %}{% crumb label url_name arg ... %}{% endbreadcrumbs %}`: the trail
  above a detail page, in base.html's `breadcrumbs` block.
- `{% alert_type tag as soort %}`: maps Django message tags onto the alert's types.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The NL Design System status badge's appearances, in words apps use.
TONES = {
    "neutral": "neutral",
    "info": "neutral",
    "active": "active",
    "inactive": "inactive",
    "success": "success",
    "ok": "success",
    "warning": "warning",
    "danger": "danger",
    "error": "danger",
}


@register.simple_tag
def status_badge(label, tone: str = "neutral") -> str:
    """A status badge: `{% status_badge partner.get_fase_display "success" %}`.

    tone: neutral (default), active, inactive, success, warning, danger. An unknown
    tone falls back to neutral, so a new status never breaks a page.
    """
    return render_to_string(
        "includes/status_badge.html",
        {"label": label, "tone": TONES.get(str(tone or "neutral"), "neutral")},
    )


ALERT_TYPES = {
    "info": "info",
    "debug": "info",
    "success": "ok",
    "ok": "ok",
    "warning": "warning",
    "error": "error",
    "danger": "error",
}


@register.simple_tag
def alert_type(tag) -> str:
    """The utrecht-alert modifier for a message tag ("error", "success" ...)."""
    tags = str(tag or "").split()
    for candidate in reversed(tags):
        if candidate in ALERT_TYPES:
            return ALERT_TYPES[candidate]
    return "info"


class BreadcrumbsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        crumbs = mark_safe(self.nodelist.render(context))  # noqa: S308 - rendered by {% crumb %}
        return render_to_string(
            "includes/breadcrumbs.html", {"crumbs": crumbs}, request=context.get("request")
        )


@register.tag
def breadcrumbs(parser, token):
    """`{% breadcrumbs %}{% crumb ... %}{% endbreadcrumbs %}`: Home, then each crumb."""
    nodelist = parser.parse(("endbreadcrumbs",))
    parser.delete_first_token()
    return BreadcrumbsNode(nodelist)


@register.simple_tag
def crumb(label, target, *args) -> str:
    """One step of the trail: `{% crumb _("Deal") "deal:partner-list" %}`,
    `{% crumb partner.naam "deal:partner-detail" partner.pk %}` or a path ("/deal/")."""
    url = target if str(target).startswith("/") else reverse(target, args=args)
    return format_html(
        '<li class="utrecht-breadcrumb-nav__item">'
        '<a class="utrecht-breadcrumb-nav__link utrecht-link" href="{}">{}</a></li>',
        url,
        label,
    )
