"""Writes for the kwartiermaker's assignment. Keyword-only, transactional, validated."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from opdracht.models import Opdracht, Uitgave, UrenActiviteit, Urenregistratie, week_start

MAX_UREN_PER_WEEK = 80


@transaction.atomic
def opdracht_save(*, opdracht: Opdracht) -> Opdracht:
    opdracht.full_clean()
    opdracht.save()
    return opdracht


@transaction.atomic
def uren_save(*, registratie: Urenregistratie) -> Urenregistratie:
    """Register hours for a week (stored as its Monday) inside the assignment's period."""
    if registratie.week:
        registratie.week = week_start(registratie.week)
    registratie.full_clean()
    opdracht = registratie.opdracht
    if registratie.week < week_start(opdracht.start) or registratie.week > opdracht.eind:
        raise ValidationError(
            {
                "week": _("Deze week valt buiten de looptijd van de opdracht (%(s)s - %(e)s).")
                % {
                    "s": opdracht.start.strftime("%d-%m-%Y"),
                    "e": opdracht.eind.strftime("%d-%m-%Y"),
                }
            }
        )
    al = (
        Urenregistratie.objects.filter(opdracht=opdracht, week=registratie.week)
        .exclude(pk=registratie.pk)
        .aggregate(s=Sum("uren"))["s"]
        or 0
    )
    if al + registratie.uren > MAX_UREN_PER_WEEK:
        raise ValidationError(
            {
                "uren": _("Met deze uren komt de week boven de %(max)s uur.")
                % {"max": MAX_UREN_PER_WEEK}
            }
        )
    registratie.save()
    return registratie


@transaction.atomic
def uren_delete(*, registratie: Urenregistratie) -> None:
    registratie.delete()


@transaction.atomic
def uitgave_save(*, uitgave: Uitgave) -> Uitgave:
    uitgave.full_clean()
    opdracht = uitgave.opdracht
    if not opdracht.start <= uitgave.datum <= opdracht.eind:
        raise ValidationError({"datum": _("Deze datum valt buiten de looptijd van de opdracht.")})
    uitgave.save()
    return uitgave


@transaction.atomic
def uren_week_save(
    *, opdracht: Opdracht, week, uren: dict[str, Decimal | None], toelichting: str = ""
) -> list[Urenregistratie]:
    """Set a whole week at once: per activity the hours of that week (empty or 0 clears it).

    Rows of that week for the activities given are replaced by one row each; the
    same rules as for a single registration apply (period, at most 80 hours a week).
    """
    maandag = week_start(week)
    if maandag < week_start(opdracht.start) or maandag > opdracht.eind:
        raise ValidationError(
            {
                "week": _("Deze week valt buiten de looptijd van de opdracht (%(s)s - %(e)s).")
                % {
                    "s": opdracht.start.strftime("%d-%m-%Y"),
                    "e": opdracht.eind.strftime("%d-%m-%Y"),
                }
            }
        )
    activiteiten = [a for a in uren if a in UrenActiviteit.values]
    Urenregistratie.objects.filter(
        opdracht=opdracht, week=maandag, activiteit__in=activiteiten
    ).delete()
    rows = []
    for activiteit in activiteiten:
        waarde = uren[activiteit]
        if not waarde:
            continue
        row = Urenregistratie(
            opdracht=opdracht,
            week=maandag,
            activiteit=activiteit,
            uren=waarde,
            toelichting=toelichting,
        )
        row.full_clean()
        rows.append(row)
    rest = (
        Urenregistratie.objects.filter(opdracht=opdracht, week=maandag).aggregate(s=Sum("uren"))[
            "s"
        ]
        or 0
    )
    if rest + sum(r.uren for r in rows) > MAX_UREN_PER_WEEK:
        raise ValidationError(
            {
                "__all__": _("Met deze uren komt de week boven de %(max)s uur.")
                % {"max": MAX_UREN_PER_WEEK}
            }
        )
    return Urenregistratie.objects.bulk_create(rows)
