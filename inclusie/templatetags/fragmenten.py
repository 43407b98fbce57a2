"""`{% fragment "name" %}...{% endfragment %}`: a page part kept in the shared cache.

For the parts of signed-in pages that cost most (a list's table, a pipeline), keyed
like the home panels (inclusie/fragments.py): the data version, which any write to the
database changes, the user, the role, the language, the day and the full path with its
query string. So a change shows at once, one person's part never reaches another, and
each filter and page of a list has its own. A part that holds a CSRF token or a CSP
nonce (a POST form, an inline script) is never stored: those belong to one request.
"""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inclusie import fragments

register = template.Library()

PER_REQUEST = ("csrfmiddlewaretoken", " nonce=")


class FragmentNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList) -> None:
        self.name = name
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
            ]
        )
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if not any(marker in html for marker in PER_REQUEST):
                cache.set(key, str(html), fragments.TIMEOUT)
        return mark_safe(html)  # noqa: S308 - our own rendered template


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('{% fragment "name" %} takes one name')
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, nodelist)
