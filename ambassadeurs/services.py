"""Writes and rules for ambassadors. Keyword-only, transactional, validated."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ambassadeurs.constants import STATUS_OVERGANGEN, AmbassadeurStatus
from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie, StatusWijziging
from inclusie import dates
from inclusie.models import Persoon, User
from inclusie.services import persoon_save
from pijlers.models import Lidmaatschap, Pijler


@transaction.atomic
def ambassadeur_create(
    *, persoon: Persoon, data: dict, bereik=(), by: User | None = None
) -> Ambassadeur:
    """Register a new ambassador (status aangemeld) for a saved or new person."""
    if persoon.pk is None:
        persoon = persoon_save(persoon=persoon)
    elif Ambassadeur.objects.filter(persoon=persoon).exists():
        raise ValidationError({"persoon": _("Deze persoon is al ambassadeur.")})
    else:
        persoon = persoon_save(persoon=persoon)
    ambassadeur = Ambassadeur(persoon=persoon, **data)
    ambassadeur.aangemeld_op = ambassadeur.aangemeld_op or timezone.localdate()
    ambassadeur.status = AmbassadeurStatus.AANGEMELD
    ambassadeur.full_clean()
    ambassadeur.save()
    ambassadeur.bereik.set(bereik)
    StatusWijziging.objects.create(
        ambassadeur=ambassadeur,
        status=AmbassadeurStatus.AANGEMELD,
        datum=ambassadeur.aangemeld_op,
        door=by,
    )
    return ambassadeur


@transaction.atomic
def ambassadeur_update(*, ambassadeur: Ambassadeur, bereik=None) -> Ambassadeur:
    """Save profile changes (the person's own fields and the intake checklist)."""
    persoon_save(persoon=ambassadeur.persoon)
    ambassadeur.full_clean()
    ambassadeur.save()
    if bereik is not None:
        ambassadeur.bereik.set(bereik)
    return ambassadeur


@transaction.atomic
def ambassadeur_status_change(
    *,
    ambassadeur: Ambassadeur,
    status: str,
    datum: datetime.date,
    toelichting: str = "",
    by: User | None = None,
) -> Ambassadeur:
    """Move an ambassador to the next status and record the dates.

    Becoming active requires the intake checklist to be complete; stopping ends
    the ambassador's current pijler memberships on the same date.
    """
    ambassadeur = Ambassadeur.objects.select_for_update().get(pk=ambassadeur.pk)
    if status not in STATUS_OVERGANGEN.get(ambassadeur.status, ()):
        raise ValidationError(
            {
                "status": _("Van '%(van)s' kan niet naar '%(naar)s'.")
                % {
                    "van": ambassadeur.get_status_display(),
                    "naar": AmbassadeurStatus(status).label
                    if status in AmbassadeurStatus
                    else status,
                }
            }
        )
    laatste = (
        ambassadeur.statuswijzigingen.order_by("-datum").values_list("datum", flat=True).first()
    )
    if laatste and datum < laatste:
        raise ValidationError(
            {
                "datum": _("De datum ligt voor de vorige statuswijziging (%(d)s).")
                % {"d": dates.datum(laatste)}
            }
        )
    if status == AmbassadeurStatus.ACTIEF and ambassadeur.criteria_score < 5:
        raise ValidationError(
            {
                "status": _(
                    "Vink eerst bij de intake alle vijf punten van het profiel af. "
                    "Daarna kan de ambassadeur actief worden."
                )
            }
        )
    if status == AmbassadeurStatus.INTAKE:
        ambassadeur.intake_op = datum
    elif status == AmbassadeurStatus.ACTIEF:
        ambassadeur.actief_sinds = datum
        ambassadeur.gestopt_op = None
    elif status == AmbassadeurStatus.GESTOPT:
        ambassadeur.gestopt_op = datum
        Lidmaatschap.objects.filter(
            persoon_id=ambassadeur.persoon_id, rol=Lidmaatschap.Rol.AMBASSADEUR, tot__isnull=True
        ).update(tot=datum)
    ambassadeur.status = status
    ambassadeur.full_clean()
    ambassadeur.save()
    StatusWijziging.objects.create(
        ambassadeur=ambassadeur, status=status, datum=datum, toelichting=toelichting, door=by
    )
    return ambassadeur


@transaction.atomic
def ambassadeur_pijler_join(
    *, ambassadeur: Ambassadeur, pijler: Pijler, sinds: datetime.date
) -> Lidmaatschap:
    """The ambassador takes a seat at a pijler (a Lidmaatschap with rol=ambassadeur)."""
    bestaand = Lidmaatschap.objects.filter(
        pijler=pijler, persoon_id=ambassadeur.persoon_id, rol=Lidmaatschap.Rol.AMBASSADEUR
    ).first()
    if bestaand is not None:
        if bestaand.tot is None:
            from inclusie.terms import current_term

            raise ValidationError(
                {
                    "pijler": _("De ambassadeur is al lid van %(term)s.")
                    % {"term": current_term().deze}
                }
            )
        bestaand.sinds, bestaand.tot = sinds, None
        bestaand.full_clean()
        bestaand.save()
        return bestaand
    lid = Lidmaatschap(
        pijler=pijler,
        persoon_id=ambassadeur.persoon_id,
        organisatie_id=ambassadeur.persoon.organisatie_id,
        rol=Lidmaatschap.Rol.AMBASSADEUR,
        sinds=sinds,
    )
    lid.full_clean()
    lid.save()
    return lid


@transaction.atomic
def ambassadeur_pijler_leave(*, lidmaatschap: Lidmaatschap, tot: datetime.date) -> Lidmaatschap:
    if lidmaatschap.sinds and tot < lidmaatschap.sinds:
        raise ValidationError({"tot": _("De einddatum ligt voor de begindatum.")})
    lidmaatschap.tot = tot
    lidmaatschap.full_clean()
    lidmaatschap.save()
    return lidmaatschap


@transaction.atomic
def coaching_notitie_add(*, notitie: CoachingNotitie, by: User) -> CoachingNotitie:
    notitie.auteur = by
    notitie.full_clean()
    notitie.save()
    return notitie


@transaction.atomic
def activiteit_save(*, activiteit: Activiteit, by: User) -> Activiteit:
    """Save an activity; a date in the future is refused (it has to have happened)."""
    if activiteit.datum and activiteit.datum > timezone.localdate():
        raise ValidationError({"datum": _("Een activiteit kan niet in de toekomst liggen.")})
    if activiteit.pk is None:
        activiteit.vastgelegd_door = by
    activiteit.full_clean()
    activiteit.save()
    return activiteit


@transaction.atomic
def activiteit_delete(*, activiteit: Activiteit) -> None:
    activiteit.delete()
