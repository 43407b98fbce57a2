"""All-or-nothing CSV import of measurements with Dutch row errors (inclusie.imports)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from inclusie.imports import CsvRow, import_rows, read_csv
from inclusie.models import User
from monitoring.models import (
    Indicator,
    Meting,
)
from monitoring.periods import Period

# --- veranderverhaal, indicators, measurements, stories ---------------------------


CSV_COLUMNS = ("indicator", "periode", "waarde", "duiding")


@dataclass
class ImportResult:
    created: int


def _decimal(text: str) -> Decimal:
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite() or abs(value) >= Decimal("1e12"):
        raise InvalidOperation
    return value


def metingen_import_csv(*, data: bytes, by: User | None = None) -> ImportResult:
    """Import measurements from CSV (columns indicator;periode;waarde;duiding).

    All or nothing (inclusie.imports): every row is checked first; with any error
    nothing is saved and a ValidationError names every bad row by its line number.
    """
    rows = read_csv(data, required=CSV_COLUMNS)
    indicators = {i.naam.strip().lower(): i for i in Indicator.objects.all()}
    existing = set(Meting.objects.values_list("indicator_id", "periode"))
    seen: set[tuple[int, str]] = set()

    def check(row: CsvRow) -> Meting:
        values = {c: row.get(c) for c in CSV_COLUMNS}
        problems = []
        indicator = indicators.get(values["indicator"].lower())
        if indicator is None:
            problems.append(
                _("indicator '%(naam)s' bestaat niet") % {"naam": values["indicator"][:80]}
            )
        try:
            periode = Period.parse(values["periode"]).code
        except ValidationError:
            periode = None
            problems.append(
                _("periode '%(p)s' bestaat niet (gebruik bijv. 2026-H1)")
                % {"p": values["periode"][:20]}
            )
        try:
            waarde = _decimal(values["waarde"])
        except (InvalidOperation, ValueError):
            waarde = None
            problems.append(_("waarde '%(w)s' is geen getal") % {"w": values["waarde"][:20]})
        if not values["duiding"]:
            problems.append(_("de duiding ontbreekt"))
        if indicator is not None and periode is not None:
            key = (indicator.pk, periode)
            if key in existing:
                problems.append(_("voor deze indicator is %(p)s al gemeten") % {"p": periode})
            elif key in seen:
                problems.append(_("deze indicator en periode staan dubbel in het bestand"))
            seen.add(key)
        if problems:
            raise ValidationError(problems)
        # No problems: every value parsed.
        assert indicator is not None and periode is not None and waarde is not None
        meting = Meting(
            indicator=indicator,
            periode=periode,
            waarde=waarde,
            duiding=values["duiding"],
            ingevoerd_door=by,
        )
        meting.full_clean(validate_unique=False, validate_constraints=False)
        return meting

    def save(pending: list[Meting]) -> ImportResult:
        try:
            with transaction.atomic():
                Meting.objects.bulk_create(pending)
        except IntegrityError as exc:
            raise ValidationError(
                _("Een meting is intussen door iemand anders ingevoerd.")
            ) from exc
        return ImportResult(len(pending))

    return import_rows(rows, check=check, save=save)


# --- snapshots --------------------------------------------------------------------
