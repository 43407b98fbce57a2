"""Template tags for the meetings slot that other pages include (ambassadors, klankbord).

The slot (``bijeenkomsten/slot.html``, rendered by the workbench's
``{% bijeenkomsten_slot %}`` tag) asks for the meetings of a body, or the
invitations of one person, always through the selectors, so a person sees only
meetings they may see and klankbord attendance only with consent.
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from inclusie import selectors_meetings as sel
from inclusie.models import Bijeenkomst, Uitnodiging
from inclusie.models.meetings import Soort, orgaan_soorten

register = template.Library()


@register.simple_tag
def bijeenkomsten_van_orgaan(user, orgaan: str, limit: int = 5) -> list:
    """Upcoming meetings of a body (e.g. "klankbord") that `user` may see."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    soorten = [orgaan] if orgaan == Soort.KLANKBORD_WETHOUDER else orgaan_soorten(orgaan)
    return list(
        sel.bijeenkomsten_zichtbaar(user)
        .filter(soort__in=soorten, eind__gte=timezone.now())
        .exclude(status=Bijeenkomst.Status.GEANNULEERD)
        .order_by("start")[:limit]
    )


@register.simple_tag
def uitnodigingen_van_persoon(user, persoon, limit: int = 5) -> dict:
    """A person's invitations to meetings `user` may see: upcoming and recent past."""
    if user is None or persoon is None or not getattr(user, "is_authenticated", False):
        return {"komend": [], "voorbij": []}
    from django.db.models import Q

    who = Q(persoon=persoon)
    if persoon.user_id:
        who |= Q(user_id=persoon.user_id)
    now = timezone.now()
    rows = Uitnodiging.objects.filter(
        who, bijeenkomst__in=sel.bijeenkomsten_zichtbaar(user)
    ).select_related("bijeenkomst", "user", "user__aanwezigheid_toestemming")
    komend = list(rows.filter(bijeenkomst__eind__gte=now).order_by("bijeenkomst__start")[:limit])
    voorbij = list(rows.filter(bijeenkomst__eind__lt=now).order_by("-bijeenkomst__start")[:limit])
    voorbij = [u for u in voorbij if sel.aanwezigheid_tonen(u, user)]
    komend = [u for u in komend if sel.aanwezigheid_tonen(u, user)]
    return {"komend": komend, "voorbij": voorbij}
