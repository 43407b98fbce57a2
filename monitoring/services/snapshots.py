"""Half-year snapshots: the registered figures frozen with indicators, duiding and stories."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from inclusie.models import User
from inclusie.registry import figures
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


@transaction.atomic
def snapshot_make(*, period: Period, by: User | None = None) -> Snapshot:
    """Freeze all registered figures, indicators, stories and veranderverhalen of a half year.

    Remaking a snapshot replaces it (reports already rendered keep their PDF).
    """
    computed = []
    for fig in figures():
        try:
            value = _plain(fig.compute(period.start, period.end))
        except Exception as exc:  # noqa: BLE001 - one broken figure must not block the rest
            value = None
            error = str(exc)[:200]
        else:
            error = ""
        computed.append(
            {
                "code": fig.code,
                "group": fig.group,
                "label": str(fig.label),
                "unit": str(fig.unit),
                "order": fig.order,
                "value": value,
                **({"error": error} if error else {}),
            }
        )
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
    data = {
        "periode": period.code,
        "figures": computed,
        "indicators": indicators,
        "te_duiden": te_duiden,
        "verhalen": verhalen,
        "veranderverhalen": chains,
    }
    snapshot, _created = Snapshot.objects.update_or_create(
        periode=period.code, defaults={"data": data, "gemaakt_door": by}
    )
    return snapshot


def snapshot_ensure(*, period: Period, by: User | None = None) -> Snapshot:
    return Snapshot.objects.filter(periode=period.code).first() or snapshot_make(
        period=period, by=by
    )


# --- raadsmededeling --------------------------------------------------------------
