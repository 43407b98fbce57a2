"""The one CSV import helper: read a file the way Excel saves it, check every row, save all or nothing.

An import has two parts:

- :func:`read_csv` turns the uploaded bytes into rows: UTF-8 with or without a BOM,
  ``;`` or ``,`` as separator (Dutch Excel writes ``;``), the first line holds the
  column names (case and spaces do not matter). A file it cannot read raises a
  ``ValidationError`` with one Dutch message.
- :func:`import_rows` checks every row with the app's ``check`` function and, only
  when every row is right, calls ``save`` with the checked rows - inside one
  transaction, so an error while saving leaves nothing half. Otherwise it raises a
  ``ValidationError`` whose messages name each bad row: "Regel 4: ...".

Form views show those messages through the one error summary (ServiceFormView).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

T = TypeVar("T")
R = TypeVar("R")

MAX_ROWS = 2000
DELIMITERS = ";,"


@dataclass(frozen=True)
class CsvRow:
    """One data line: its line number in the file (the header is line 1) and its cells."""

    line: int
    values: dict[str, str]

    def get(self, column: str, default: str = "") -> str:
        return self.values.get(column, default)


def _delimiter(text: str) -> str:
    sample = text[:4096]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return ";" if first.count(";") >= first.count(",") else ","


def read_csv(
    data: bytes,
    *,
    required: Sequence[str],
    optional: Iterable[str] = (),
    max_rows: int = MAX_ROWS,
) -> list[CsvRow]:
    """Rows of an uploaded CSV file, keyed by lower-case column name; blank lines skipped."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.")
        ) from exc
    if "\x00" in text:
        raise ValidationError(_("Het bestand bevat ongeldige tekens."))
    if not text.strip():
        raise ValidationError(_("Het bestand is leeg."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        lines = list(reader)
    except csv.Error as exc:
        raise ValidationError(
            _("Regel %(n)s: het bestand is geen geldig CSV-bestand.") % {"n": reader.line_num or 1}
        ) from exc
    header = [cell.strip().lower() for cell in lines[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise ValidationError(
            _("Regel 1: de kolom(men) %(cols)s ontbreken. Verwacht: %(all)s.")
            % {"cols": ", ".join(missing), "all": ";".join([*required, *optional])}
        )
    rows: list[CsvRow] = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header):
            cells = [*cells, *([""] * (len(header) - len(cells)))]
        values = {name: cells[i].strip() for i, name in enumerate(header) if name}
        rows.append(CsvRow(line=number, values=values))
        if len(rows) > max_rows:
            raise ValidationError(_("Maximaal %(n)s regels per keer.") % {"n": max_rows})
    if not rows:
        raise ValidationError(_("Het bestand bevat geen regels onder de kolomnamen."))
    return rows


def row_error(line: int, problems: Iterable[str]) -> str:
    return _("Regel %(n)s: %(problems)s.") % {"n": line, "problems": "; ".join(problems)}


def import_rows(
    rows: Sequence[CsvRow],
    *,
    check: Callable[[CsvRow], T],
    save: Callable[[list[T]], R],
) -> R:
    """Check every row, then save them all in one transaction - or save nothing.

    ``check`` returns what ``save`` needs for the row, or raises a ValidationError
    listing the row's problems (in Dutch, lower case: "de naam ontbreekt").
    """
    with transaction.atomic():
        checked: list[T] = []
        errors: list[str] = []
        for row in rows:
            try:
                checked.append(check(row))
            except ValidationError as exc:
                errors.append(row_error(row.line, exc.messages))
        if errors:
            raise ValidationError(errors)
        return save(checked)


def choice_value(value: str, choices: Iterable[tuple[Any, Any]]) -> str | None:
    """The key of a choice named by its key or its label (any case); "" when empty, None when unknown."""
    value = (value or "").strip().lower()
    if not value:
        return ""
    for key, label in choices:
        if value in (str(key).lower(), str(label).lower()):
            return key
    return None
