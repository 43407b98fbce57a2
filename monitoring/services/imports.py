"""All-or-nothing CSV import of measurements with Dutch row errors."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

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
    errors: list[str]


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

    All or nothing: every row is checked first; with any error nothing is saved
    and every bad row is named with its line number.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ImportResult(0, [_("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.")])
    if "\x00" in text:
        return ImportResult(0, [_("Het bestand bevat ongeldige tekens.")])
    sample = text[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error:
        message = _("Regel %(n)s: het bestand is geen geldig CSV-bestand.")
        return ImportResult(0, [message % {"n": reader.line_num or 1}])
    if not rows:
        return ImportResult(0, [_("Het bestand is leeg.")])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        return ImportResult(
            0,
            [
                _("Regel 1: de kolom(men) %(cols)s ontbreken. Verwacht: %(all)s.")
                % {"cols": ", ".join(missing), "all": ";".join(CSV_COLUMNS)}
            ],
        )
    index = {c: header.index(c) for c in CSV_COLUMNS}
    indicators = {i.naam.strip().lower(): i for i in Indicator.objects.all()}
    existing = set(Meting.objects.values_list("indicator_id", "periode"))
    errors: list[str] = []
    pending: list[Meting] = []
    seen: set[tuple[int, str]] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            errors.append(_("Regel %(n)s: te weinig kolommen.") % {"n": number})
            continue
        values = {c: row[i].strip() for c, i in index.items()}
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
            errors.append(
                _("Regel %(n)s: %(problems)s.") % {"n": number, "problems": "; ".join(problems)}
            )
            continue
        # No problems: every value parsed.
        assert indicator is not None and periode is not None and waarde is not None
        meting = Meting(
            indicator=indicator,
            periode=periode,
            waarde=waarde,
            duiding=values["duiding"],
            ingevoerd_door=by,
        )
        try:
            meting.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            errors.append(
                _("Regel %(n)s: %(problems)s.")
                % {"n": number, "problems": "; ".join(str(m) for m in exc.messages)}
            )
            continue
        pending.append(meting)
    if not pending and not errors:
        errors.append(_("Het bestand bevat geen metingen."))
    if errors:
        return ImportResult(0, errors)
    try:
        with transaction.atomic():
            Meting.objects.bulk_create(pending)
    except IntegrityError:
        return ImportResult(0, [_("Een meting is intussen door iemand anders ingevoerd.")])
    return ImportResult(len(pending), [])


# --- snapshots --------------------------------------------------------------------
