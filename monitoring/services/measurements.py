"""Writes of the monitoring content: veranderverhaal, schakels, indicators, measurements, stories."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inclusie.models import User
from monitoring.models import (
    Indicator,
    Meting,
    Schakel,
    Veranderverhaal,
    Verhaal,
)
from monitoring.periods import Period
from monitoring.services.snapshots import as_number

# --- veranderverhaal, indicators, measurements, stories ---------------------------


@transaction.atomic
def veranderverhaal_save(*, veranderverhaal: Veranderverhaal) -> Veranderverhaal:
    veranderverhaal.full_clean()
    veranderverhaal.save()
    return veranderverhaal


@transaction.atomic
def schakel_save(*, schakel: Schakel) -> Schakel:
    schakel.full_clean()
    schakel.save()
    return schakel


@transaction.atomic
def indicator_save(*, indicator: Indicator) -> Indicator:
    indicator.full_clean()
    indicator.save()
    return indicator


def indicator_computed_value(*, indicator: Indicator | None, period: Period):
    """The value of an internal indicator from the portal's own figures, if it has one."""
    from inclusie.registry import figure

    fig = figure(indicator.figuur) if indicator is not None and indicator.figuur else None
    if fig is None:
        return None
    try:
        value = fig.compute(period.start, period.end)
    except Exception:  # noqa: BLE001 - a prefill must never break the form
        return None
    if isinstance(value, dict):
        value = sum(v for v in value.values() if isinstance(v, int | float))
    return as_number(value) if isinstance(value, int | float) else None


@transaction.atomic
def meting_save(*, meting: Meting, by: User | None = None) -> Meting:
    """Store a measurement; the duiding is mandatory (a number alone says too little)."""
    if not (meting.duiding or "").strip():
        raise ValidationError({"duiding": _("Schrijf een duiding: wat betekent dit cijfer?")})
    meting.periode = Period.parse(meting.periode).code
    if by is not None and meting.ingevoerd_door_id is None:
        meting.ingevoerd_door = by
    meting.full_clean()
    meting.save()
    return meting


@transaction.atomic
def verhaal_save(*, verhaal: Verhaal) -> Verhaal:
    if not verhaal.toestemming:
        raise ValidationError(
            {"toestemming": _("Een verhaal gebruiken we alleen met toestemming van de verteller.")}
        )
    verhaal.full_clean()
    verhaal.save()
    return verhaal
