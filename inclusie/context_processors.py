from django.utils.functional import SimpleLazyObject

from inclusie.models import GemeenteProfiel
from inclusie.permissions import TemplatePermissions
from inclusie.registry import nav_for


def _gemeente():
    return GemeenteProfiel.cached()


def portal(request):
    """The gemeente profile (with its terms) and the role's navigation, lazily."""
    gemeente = SimpleLazyObject(_gemeente)
    user = getattr(request, "user", None)
    nav = (
        SimpleLazyObject(lambda: nav_for(user, gemeente)) if user and user.is_authenticated else []
    )
    return {"gemeente": gemeente, "hoofdnavigatie": nav, "can": TemplatePermissions(user)}
