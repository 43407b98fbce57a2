"""`{% fragment "name" [value ...] %}...{% endfragment %}`: a page part kept in the shared cache.

For the parts of pages that cost most (a list's table, a pipeline, a meeting), keyed
like the home panels (inclusie/fragments.py): the data version, which any write to the
database changes, the user, the role, the language, the day, the full path with its
query string, and any values named after the fragment's name (a meeting's phase, which
changes by the clock). So a change shows at once, one person's part never reaches
another, and each filter and page of a list has its own.

What belongs to one request - the CSRF token in a POST form and the CSP nonce of an
inline script - is stored as a placeholder and filled in with the token and nonce of
the request that reads the fragment, so forms in a cached part post like any other.
"""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inclusie import fragments

register = template.Library()

# Placeholders can never occur in rendered HTML: "\x00" is not allowed in HTML text.
CSRF_PLACEHOLDER = "\x00csrf\x00"
NONCE_PLACEHOLDER = "\x00nonce\x00"


def _store(html: str, context) -> str | None:
    """The rendered part with this request's token and nonce as placeholders.

    None (do not store) when a token or nonce in it is not this request's own.
    """
    if "csrfmiddlewaretoken" in html:
        token = context.get("csrf_token")
        if not token or str(token) == "NOTPROVIDED":
            return None
        html = html.replace(str(token), CSRF_PLACEHOLDER)
        if html.count('name="csrfmiddlewaretoken"') != html.count(f'value="{CSRF_PLACEHOLDER}"'):
            return None
    if " nonce=" in html:
        nonce = getattr(context.get("request"), "csp_nonce", None)
        if not nonce:
            return None
        html = html.replace(f'nonce="{nonce}"', f'nonce="{NONCE_PLACEHOLDER}"')
        if html.count(" nonce=") != html.count(f'nonce="{NONCE_PLACEHOLDER}"'):
            return None
    return html


def _fill(stored: str, context) -> str | None:
    """The stored part with this request's token and nonce; None if it cannot have them."""
    if CSRF_PLACEHOLDER in stored:
        token = context.get("csrf_token")
        if not token or str(token) == "NOTPROVIDED":
            return None
        stored = stored.replace(CSRF_PLACEHOLDER, str(token))
    if NONCE_PLACEHOLDER in stored:
        nonce = getattr(context.get("request"), "csp_nonce", None)
        if not nonce:
            return None
        stored = stored.replace(NONCE_PLACEHOLDER, nonce)
    return stored


class FragmentNode(template.Node):
    def __init__(self, name: str, vary_on: list, nodelist: template.NodeList) -> None:
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context) -> str:
        request = context.get("request")
        user = getattr(request, "user", None)
        if request is None or user is None or request.method != "GET":
            return self.nodelist.render(context)
        key = ":".join(
            [
                "fragment",
                self.name,
                fragments.version(),  # read before the data, so a later write outdates it
                str(user.pk),
                str(getattr(user, "role", "")),
                get_language() or "",
                timezone.localdate().isoformat(),
                request.get_full_path(),
                *(str(value.resolve(context)) for value in self.vary_on),
            ]
        )
        stored = cache.get(key)
        html = _fill(stored, context) if stored is not None else None
        if html is None:
            html = str(self.nodelist.render(context))
            stored = _store(html, context)
            if stored is not None:
                cache.set(key, stored, fragments.TIMEOUT)
        return mark_safe(html)  # noqa: S308 - our own rendered template, this request's token


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            '{% fragment "name" [value ...] %} takes a name and the values it varies on'
        )
    name = bits[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, vary_on, nodelist)
