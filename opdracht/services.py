"""Writes for the kwartiermaker's assignment. Keyword-only, transactional, validated."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from inclusie import dates
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
                "week": _(
                    "Deze week valt buiten de looptijd van de opdracht (%(s)s tot en met %(e)s)."
                )
                % {
                    "s": dates.datum(opdracht.start),
                    "e": dates.datum(opdracht.eind),
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


class UrenWeekGewijzigd(ValidationError):
    """The week holds other hours than the form showed: nothing is saved, the user decides."""

    def __init__(self, *, bestaand: dict[str, Decimal], stempel: str):
        super().__init__(
            _(
                "In deze week staan al uren die u nog niet zag (samen %(totaal)s uur). "
                "Ze staan hieronder. Controleer de uren en sla opnieuw op om de week zo vast te leggen."
            )
            % {"totaal": _getal(sum(bestaand.values(), Decimal("0")))},
            code="uren_gewijzigd",
        )
        self.bestaand = bestaand
        self.stempel = stempel


def _getal(waarde: Decimal) -> str:
    return f"{waarde.normalize():f}".replace(".", ",")


@transaction.atomic
def uren_week_save(
    *,
    opdracht: Opdracht,
    week,
    uren: dict[str, object],
    toelichting: str = "",
    gezien: str | None = None,
) -> list[Urenregistratie]:
    """Set a whole week at once: per activity the week's total (empty or 0 clears it).

    `gezien` is the week's state the form showed (``selectors.uren_week_stempel``). When the
    week holds anything else - another week was chosen, hours were added meanwhile, or the
    form was opened empty - nothing is saved and :class:`UrenWeekGewijzigd` says what is
    there, so hours are never replaced unseen. Activities whose total is unchanged keep their
    rows (and their toelichting); the same rules as for a single registration apply (period,
    at most 80 hours a week). Returns the rows written.
    """
    from opdracht import selectors

    maandag = week_start(week)
    if maandag < week_start(opdracht.start) or maandag > opdracht.eind:
        raise ValidationError(
            {
                "week": _(
                    "Deze week valt buiten de looptijd van de opdracht (%(s)s tot en met %(e)s)."
                )
                % {
                    "s": dates.datum(opdracht.start),
                    "e": dates.datum(opdracht.eind),
                }
            }
        )
    # Lock the week's rows so two saves of one week cannot both pass the check.
    list(
        Urenregistratie.objects.select_for_update()
        .filter(opdracht=opdracht, week=maandag)
        .values_list("pk", flat=True)
    )
    bestaand = selectors.uren_van_week(opdracht, maandag)
    stempel = selectors.uren_week_stempel(opdracht, maandag, bestaand=bestaand)
    if gezien is not None and gezien != stempel and bestaand:
        raise UrenWeekGewijzigd(bestaand=bestaand, stempel=stempel)
    nieuw = {a: Decimal(str(uren[a] or 0)) for a in uren if a in UrenActiviteit.values}
    gewijzigd = [a for a, v in nieuw.items() if v != bestaand.get(a, Decimal("0"))]
    Urenregistratie.objects.filter(
        opdracht=opdracht, week=maandag, activiteit__in=gewijzigd
    ).delete()
    rows = []
    for activiteit in gewijzigd:
        if not nieuw[activiteit]:
            continue
        row = Urenregistratie(
            opdracht=opdracht,
            week=maandag,
            activiteit=activiteit,
            uren=nieuw[activiteit],
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
