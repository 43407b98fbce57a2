from django.utils.functional import SimpleLazyObject

from inclusie.models import GemeenteProfiel
from inclusie.permissions import TemplatePermissions
from inclusie.registry import nav_for, nav_html
from inclusie.twofactor.services import needs_verification


def _gemeente():
    return GemeenteProfiel.cached()


def portal(request):
    """The gemeente profile (with its terms) and the role's navigation (as data and as
    HTML), lazily."""
    gemeente = SimpleLazyObject(_gemeente)
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    if signed_in and needs_verification(request):
        signed_in = False  # no navigation until the second factor is passed
    path = getattr(request, "path", "")
    nav = SimpleLazyObject(lambda: nav_for(user, gemeente, path)) if signed_in else []
    menu = SimpleLazyObject(lambda: nav_html(user, gemeente, path)) if signed_in else ""
    return {
        "gemeente": gemeente,
        "hoofdnavigatie": nav,
        "hoofdmenu": menu,
        "can": TemplatePermissions(user),
    }
