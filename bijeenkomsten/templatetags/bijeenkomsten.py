"""The meetings slot: other apps' pages show a body's coming meetings through it.

``{% bijeenkomsten_slot "ambassadeurs" persoon=... %}`` shows the upcoming
meetings of a body (a meeting type) or of one person, limited to the meetings
the signed-in user may see, with a link to the meetings list.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

register = template.Library()

SLOT_LIMIT = 5


@register.simple_tag(takes_context=True)
def bijeenkomsten_slot(context, orgaan: str, persoon=None, titel: str = "") -> str:
    from bijeenkomsten.models import Bijeenkomst, Uitnodiging
    from bijeenkomsten.selectors import bijeenkomsten_zichtbaar

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    qs = bijeenkomsten_zichtbaar(user).filter(
        eind__gte=timezone.now(), status=Bijeenkomst.Status.GEPLAND
    )
    if orgaan == "persoon":
        if persoon is None or not persoon.user_id:
            qs = qs.none()
        else:
            qs = qs.filter(
                pk__in=Uitnodiging.objects.filter(user_id=persoon.user_id).values("bijeenkomst")
            )
    else:
        qs = qs.filter(soort=orgaan)
    return render_to_string(
        "bijeenkomsten/slot.html",
        {
            "orgaan": orgaan,
            "titel": titel,
            "bijeenkomsten": list(qs.order_by("start")[:SLOT_LIMIT]),
            "soort": orgaan if orgaan != "persoon" else "",
        },
        request,
    )
