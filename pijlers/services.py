"""Writes of the pijlers app: pijlers and their members."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from inclusie.models import Organisatie, Persoon
from pijlers.models import Lidmaatschap, Pijler


@transaction.atomic
def pijler_save(*, pijler: Pijler) -> Pijler:
    if not pijler.slug:
        base = slugify(pijler.naam)[:70] or "pijler"
        slug, n = base, 2
        while Pijler.objects.filter(slug=slug).exclude(pk=pijler.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        pijler.slug = slug
    # Since when it is inactive: the pijler figures count the pijlers active at a half
    # year's end, also for a half year before the pijler was stopped.
    if pijler.actief:
        pijler.niet_actief_sinds = None
    elif pijler.niet_actief_sinds is None:
        pijler.niet_actief_sinds = timezone.localdate()
    pijler.full_clean()
    pijler.save()
    return pijler


@transaction.atomic
def lidmaatschap_add(
    *,
    pijler: Pijler,
    persoon: Persoon,
    rol: str,
    organisatie: Organisatie | None = None,
    sinds: datetime.date | None = None,
) -> Lidmaatschap:
    """Add a member with a role; a member who left earlier in that role rejoins."""
    sinds = sinds or timezone.localdate()
    bestaand = (
        Lidmaatschap.objects.select_for_update()
        .filter(pijler=pijler, persoon=persoon, rol=rol)
        .first()
    )
    if bestaand is not None:
        if bestaand.is_huidig:
            raise ValidationError(
                {"persoon": _("Deze persoon is al lid met deze rol.")}, code="duplicate"
            )
        bestaand.tot = None
        bestaand.sinds = sinds
        bestaand.organisatie = organisatie or persoon.organisatie
        bestaand.full_clean()
        bestaand.save()
        return bestaand
    lid = Lidmaatschap(
        pijler=pijler,
        persoon=persoon,
        rol=rol,
        organisatie=organisatie or persoon.organisatie,
        sinds=sinds,
    )
    lid.full_clean()
    lid.save()
    return lid


@transaction.atomic
def lidmaatschap_end(
    *, lidmaatschap: Lidmaatschap, tot: datetime.date | None = None
) -> Lidmaatschap:
    """End a membership (kept for history); the ambassador rule counts current ones only."""
    tot = tot or timezone.localdate()
    if not lidmaatschap.is_huidig:
        raise ValidationError(_("Dit lidmaatschap is al beëindigd."))
    if lidmaatschap.sinds and tot < lidmaatschap.sinds:
        raise ValidationError({"tot": _("De einddatum ligt voor de startdatum.")})
    lidmaatschap.tot = tot
    lidmaatschap.save(update_fields=["tot", "updated_at"])
    return lidmaatschap
