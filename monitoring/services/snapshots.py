"""Half-year snapshots: the registered figures frozen with indicators, duiding and stories.

A snapshot is frozen: nothing recomputes it silently (not seed_demo, not the beat
task, not a later edit). `snapshot_ensure` makes the first version only when none
exists; `snapshot_new_version` is the explicit, audit-logged act that freezes the
figures again as a new version, and the older versions stay readable.

The payload of one figure in ``data["figures"]`` is self-describing, so the
dashboard, the reports and the raadsmededeling's prose need nothing else::

    {
        "code": "deal.toezeggingen",      # the registry code (labels are looked up by it)
        "group": "deal",                  # the dashboard section code (registry)
        "label": "Toezeggingen per status",   # Dutch source text at freezing time
        "kind": "stock",                  # "stock" (state at the end) or "flow" (in the period)
        "unit": "",                       # Dutch source text of the unit, may be ""
        "order": 12,
        "value": {"Voorgenomen": 3, ...},  # number, or Dutch label -> number
        "previous": {"Voorgenomen": 1, ...},  # same rule for the half year before
        "previous_period": "2025-H2",
        "until": "2026-07-01",            # exclusive end computed to (tomorrow while running)
        "warning": False,                 # the registry's warning rule held for "value"
        "labels_are_data": False,         # breakdown labels are names, never translated
        "error": "...",                   # only when computing failed ("value" is None)
    }

Labels are stored as Dutch source text (the msgid), and rendered through the
registry (figure label by code) or gettext (breakdown labels), so an English
reader sees English labels while the numbers stay frozen.
"""

from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from decimal import Decimal

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inclusie.models import User
from inclusie.registry import Figure, figures
from monitoring.models import (
    Indicator,
    Meting,
    Snapshot,
    Veranderverhaal,
    Verhaal,
)
from monitoring.periods import Period

# --- veranderverhaal, indicators, measurements, stories ---------------------------


def _plain(value):
    """JSON-safe figure value: a number or a dict of label -> number."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return int(value)
    return value


def as_number(value) -> float | int | None:
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() else round(value, 2)


def period_until(period: Period) -> dt.date:
    """The exclusive end a figure is computed to: the half year's end, or for the running
    half year tomorrow - a snapshot holds what is known when it is made, so a due date
    or a planned activity later in the half year does not count yet."""
    return min(period.end, timezone.localdate() + dt.timedelta(days=1))


def _compute(fig: Figure, period: Period) -> tuple[object, str]:
    try:
        return _plain(fig.compute(period.start, period_until(period))), ""
    except Exception as exc:  # noqa: BLE001 - one broken figure must not block the rest
        return None, str(exc)[:200]


def figure_payload(fig: Figure, period: Period) -> dict:
    """One figure of `period`, with the value of the half year before by the same rule."""
    value, error = _compute(fig, period)
    previous, _error = _compute(fig, period.previous())
    return {
        "code": fig.code,
        "group": fig.group,
        "label": str(fig.label),
        "kind": fig.kind,
        "unit": str(fig.unit),
        "order": fig.order,
        "value": value,
        "previous": previous,
        "previous_period": period.previous().code,
        "until": period_until(period).isoformat(),  # exclusive; before the end: running
        "warning": bool(fig.warning and value is not None and fig.warning(value)),
        "labels_are_data": fig.labels_are_data,
        **({"error": error} if error else {}),
    }


def _data(period: Period) -> dict:
    # Frozen in the source language: the stored labels are msgids, translated on display.
    with translation.override(settings.LANGUAGE_CODE):
        return _freeze(period)


def _freeze(period: Period) -> dict:
    computed = [figure_payload(fig, period) for fig in figures()]
    figure_values = {c["code"]: c["value"] for c in computed}
    metingen: dict[int, list[Meting]] = {}
    for m in Meting.objects.filter(periode__lte=period.code).order_by("periode"):
        metingen.setdefault(m.indicator_id, []).append(m)
    indicators, te_duiden = [], []
    for ind in Indicator.objects.filter(actief=True).select_related("doelstelling"):
        history = metingen.get(ind.pk, [])
        current = next((m for m in history if m.periode == period.code), None)
        base = {
            "id": ind.pk,
            "naam": ind.naam,
            "omschrijving": ind.omschrijving,
            "soort": ind.get_soort_display(),
            "doeltype": ind.get_doeltype_display(),
            "bron": ind.get_bron_display(),
            "eenheid": ind.eenheid,
            "richting": ind.get_richting_display(),
            "basiswaarde": as_number(ind.basiswaarde),
            "doelstelling": str(ind.doelstelling) if ind.doelstelling else "",
        }
        if current is None:
            computed_value = figure_values.get(ind.figuur) if ind.figuur else None
            te_duiden.append(
                {
                    **base,
                    "berekend": as_number(computed_value)
                    if isinstance(computed_value, int | float)
                    else None,
                }
            )
            continue
        indicators.append(
            {
                **base,
                "waarde": as_number(current.waarde),
                "duiding": current.duiding,
                "historie": [[m.periode, as_number(m.waarde)] for m in history[-6:]],
            }
        )
    verhalen = [
        {
            "titel": v.titel,
            "tekst": v.tekst,
            "soort": v.get_soort_display(),
            "bron": v.bron,
            "indicator_id": v.indicator_id,
        }
        for v in Verhaal.objects.filter(periode=period.code, toestemming=True)
    ]
    chains = []
    for vv in Veranderverhaal.objects.select_related("doelstelling").prefetch_related("schakels"):
        from monitoring.selectors import veranderverhaal_chain

        chains.append(
            {
                "doelstelling": str(vv.doelstelling),
                "doel": vv.maatschappelijk_doel,
                "outcomes": [
                    {
                        "tekst": o["schakel"].tekst,
                        "outputs": [
                            {
                                "tekst": out["schakel"].tekst,
                                "activiteiten": [a.tekst for a in out["activiteiten"]],
                            }
                            for out in o["outputs"]
                        ],
                    }
                    for o in veranderverhaal_chain(vv)
                ],
            }
        )
    return {
        "periode": period.code,
        "figures": computed,
        "indicators": indicators,
        "te_duiden": te_duiden,
        "verhalen": verhalen,
        "veranderverhalen": chains,
    }


def _create(*, period: Period, by: User | None, versie: int, reden: str) -> Snapshot:
    snapshot = Snapshot(
        periode=period.code, versie=versie, reden=reden, data=_data(period), gemaakt_door=by
    )
    snapshot.full_clean(exclude=["data"])
    with set_actor(by) if by is not None else nullcontext():
        snapshot.save()
    return snapshot


def snapshot_latest(period: Period) -> Snapshot | None:
    """The newest version of the half year's snapshot (what dashboard and reports read)."""
    return Snapshot.objects.filter(periode=period.code).order_by("-versie").first()


@transaction.atomic
def snapshot_make(*, period: Period, by: User | None = None) -> Snapshot:
    """Freeze the first version of a half year; refuses when the half year has one.

    A snapshot once made is never overwritten: use `snapshot_new_version`.
    """
    if Snapshot.objects.filter(periode=period.code).exists():
        raise ValidationError(
            {
                "periode": _(
                    "Van %(p)s bestaat al een momentopname. Maak een nieuwe versie met een reden."
                )
                % {"p": period.code}
            }
        )
    return _create(period=period, by=by, versie=1, reden="")


@transaction.atomic
def snapshot_new_version(*, period: Period, by: User | None, reden: str) -> Snapshot:
    """Freeze the half year again as a new version, with a reason; older versions stay.

    The new row is audit-logged with its maker and reason.
    """
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(
            {"reden": _("Geef aan waarom de cijfers van dit halfjaar opnieuw worden vastgelegd.")}
        )
    # Lock the half year's rows so two clicks cannot both become version n + 1.
    list(Snapshot.objects.select_for_update().filter(periode=period.code).values_list("pk"))
    hoogste = Snapshot.objects.filter(periode=period.code).aggregate(m=Max("versie"))["m"] or 0
    return _create(period=period, by=by, versie=hoogste + 1, reden=reden)


def snapshot_ensure(*, period: Period, by: User | None = None) -> Snapshot:
    """The half year's newest snapshot; made (version 1) only when none exists yet."""
    return snapshot_latest(period) or snapshot_make(period=period, by=by)
