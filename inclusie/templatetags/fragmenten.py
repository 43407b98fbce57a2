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

`{% gedeeld "name" value ... %}...{% endgedeeld %}` is for the parts that hold no data
and nothing of the user: the page layout's stylesheets, footer and scripts, a page of
fixed text. They depend only on the language and the values named (the gemeente
profile's version), so each process renders them once and keeps them in memory.
"""

from __future__ import annotations

from collections.abc import Callable

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inclusie import fragments

register = template.Library()


def _token(context) -> str:
    """This request's CSRF token (the csrf context processor's, lazily), or ""."""
    token = context.get("csrf_token")
    return str(token) if token and str(token) != "NOTPROVIDED" else ""


def _nonce(context) -> str:
    """This request's CSP nonce as text (django-csp makes it lazily), or ""."""
    nonce = getattr(context.get("request"), "csp_nonce", None)
    return str(nonce) if nonce is not None else ""  # lazy: falsy until used


def _store(html: str, context) -> str | None:
    return fragments.hold(html, lambda: _token(context), lambda: _nonce(context))


def _fill(stored: str, context) -> str | None:
    return fragments.fill(stored, lambda: _token(context), lambda: _nonce(context))


def _kept(nodelist, context, stored: str | None, keep: Callable[[str], None]) -> str:
    """The stored part with this request's token and nonce, or the part rendered afresh
    and handed to `keep` (unless it holds a token or nonce not this request's own)."""
    html = _fill(stored, context) if stored is not None else None
    if html is None:
        html = str(nodelist.render(context))
        held = _store(html, context)
        if held is not None:
            keep(held)
    return mark_safe(html)  # noqa: S308 - our own rendered template, this request's token


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
                fragments.path_key(request),
                *(str(value.resolve(context)) for value in self.vary_on),
            ]
        )
        return _kept(
            self.nodelist, context, fragments.get(key), lambda held: fragments.put(key, held)
        )


# (name, language, values) -> the part with placeholders; bounded, cleared when full
_shared: dict[tuple, str] = {}


class SharedNode(template.Node):
    # Holds no {% block %}: {% extends %} need not search it on every render.
    child_nodelists = ()

    def __init__(self, name: str, vary_on: list, nodelist: template.NodeList) -> None:
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context) -> str:
        key = (
            self.name,
            get_language() or "",
            *(str(value.resolve(context)) for value in self.vary_on),
        )
        return _kept(self.nodelist, context, _shared.get(key), lambda held: _keep_shared(key, held))


def _keep_shared(key: tuple, held: str) -> None:
    if len(_shared) > 1024:
        _shared.clear()
    _shared[key] = held


@register.tag("gedeeld")
def do_gedeeld(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% gedeeld "name" [value ...] %} takes a name')
    nodelist = parser.parse(("endgedeeld",))
    parser.delete_first_token()
    return SharedNode(bits[1].strip("\"'"), [parser.compile_filter(b) for b in bits[2:]], nodelist)


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
