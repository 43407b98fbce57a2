"""CSV and XLSX downloads that keep numbers numbers and never run a formula.

- Numbers (int, float, Decimal) and dates stay what they are: in the XLSX as
  number and date cells, in the CSV for Dutch Excel as `-2,50` and `31-12-2026`
  (decimal comma, `;` between cells), never with an apostrophe.
- Text that starts with = + - @ (or a tab/CR) would be run as a formula.
  In the XLSX such text is written as a string cell (data type "s", so the
  spreadsheet shows it as typed, without an apostrophe). A CSV has no cell types,
  so there it gets a leading apostrophe, the usual neutralisation.

Pass numbers and dates as Python values, not as text: "-2.50" as a string is text.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT_XLSX = "DD-MM-YYYY"
DATETIME_FORMAT_XLSX = "DD-MM-YYYY HH:MM"


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _local(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets know no time zones: local Dutch time, without tzinfo."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def neutralise(value) -> object:
    """A CSV cell's text: numbers and dates unchanged, formula-like text with an apostrophe."""
    if value is None:
        return ""
    if _is_number(value) or isinstance(value, (datetime.date, datetime.datetime)):
        return value
    text = str(value)
    if text.startswith(DANGEROUS_PREFIXES):
        return "'" + text
    return text


def csv_cell(value) -> str:
    """One cell for Dutch Excel: decimal comma, dd-mm-yyyy dates, neutralised text."""
    value = neutralise(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        text = format(Decimal(str(value)), "f") if isinstance(value, float) else format(value, "f")
        return text.replace(".", ",")
    if isinstance(value, datetime.datetime):
        return _local(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return value


def _disposition(filename: str, ext: str) -> str:
    return f'attachment; filename="{slugify(filename) or "export"}.{ext}"'


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _disposition(filename, "csv")
    response.write("\ufeff")  # Excel opens UTF-8 correctly with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return response


def _xlsx_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return None
    if _is_number(value):
        return WriteOnlyCell(sheet, value=value)
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=_local(value))
        cell.number_format = DATETIME_FORMAT_XLSX
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT_XLSX
        return cell
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    # Text stays text: openpyxl would make "=..." a formula; a string cell shows it as typed.
    cell.data_type = "s"
    return cell


def xlsx_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(filename[:31] or "Export"))
    sheet.append([_xlsx_cell(sheet, h) for h in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = _disposition(filename, "xlsx")
    return response
