"""Half-year periods ("2026-H1", "2026-H2"): the unit of measuring and reporting."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERIOD_RE = re.compile(r"^(?P<year>\d{4})-H(?P<half>[12])$")
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True, order=True)
class Period:
    year: int
    half: int

    @classmethod
    def parse(cls, code: str) -> Period:
        match = PERIOD_RE.match((code or "").strip().upper())
        if not match or not MIN_YEAR <= int(match["year"]) <= MAX_YEAR:
            raise ValidationError(
                _(
                    "'%(code)s' is geen bestaande periode. Gebruik een halfjaar als 2026-H1 "
                    "(januari tot en met juni) of 2026-H2 (juli tot en met december)."
                ),
                code="invalid_period",
                params={"code": (code or "")[:20]},
            )
        return cls(int(match["year"]), int(match["half"]))

    @classmethod
    def containing(cls, day: dt.date) -> Period:
        return cls(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def current(cls) -> Period:
        return cls.containing(timezone.localdate())

    @classmethod
    def last_completed(cls, today: dt.date | None = None) -> Period:
        """The half year that ended most recently (what the beat snapshot freezes)."""
        return cls.containing(today or timezone.localdate()).previous()

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        """Exclusive end date."""
        return dt.date(self.year, 7, 1) if self.half == 1 else dt.date(self.year + 1, 1, 1)

    @property
    def label(self) -> str:
        if self.half == 1:
            return _("eerste halfjaar %(year)s") % {"year": self.year}
        return _("tweede halfjaar %(year)s") % {"year": self.year}

    def previous(self) -> Period:
        return Period(self.year, 1) if self.half == 2 else Period(self.year - 1, 2)

    def __str__(self) -> str:
        return self.code


def validate_period(code: str) -> None:
    Period.parse(code)


def recent_periods(count: int = 6) -> list[Period]:
    periods = [Period.current()]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods


class PeriodConverter:
    """URL converter for "2026-H1"; `sample` lets the URL x role test build a URL."""

    regex = r"\d{4}-H[12]"
    sample = "2026-H1"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)
