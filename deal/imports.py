"""All-or-nothing CSV import of partners, with Dutch errors per row (inclusie.imports)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from deal.constants import Fase
from inclusie.constants import Sector
from inclusie.imports import CsvRow, choice_value, import_rows, read_csv
from inclusie.keuzes import keuzes
from inclusie.models import Organisatie, User, Wijk

COLUMNS = ["naam", "kvk_nummer", "sector", "wijk", "fase"]


@dataclass
class ImportResult:
    created: int
    linked: int


def partners_import(*, data: bytes, by: User | None) -> ImportResult:
    """Import partners from CSV: every row is checked first; one wrong row saves nothing."""
    from deal.services import partner_create

    rows = read_csv(data, required=["naam"], optional=COLUMNS[1:])
    wijken = {w.naam.lower(): w for w in Wijk.objects.all()}
    bestaand = {
        (naam, kvk): (pk, has_partner)
        for naam, kvk, pk, has_partner in Organisatie.objects.annotate(n=Lower("naam")).values_list(
            "n", "kvk_nummer", "pk", "partner"
        )
    }
    seen: set[tuple[str, str]] = set()

    def check(row: CsvRow) -> tuple[int | None, Organisatie | None, str]:
        problems = []
        naam = row.get("naam")
        kvk = row.get("kvk_nummer")
        if not naam:
            problems.append(_("de naam ontbreekt"))
        elif len(naam) > 200:
            problems.append(_("de naam is langer dan 200 tekens"))
        if kvk and not (kvk.isdigit() and len(kvk) == 8):
            problems.append(_("het KvK-nummer moet uit precies acht cijfers bestaan"))
        sector = choice_value(row.get("sector"), keuzes("sector", alleen_actief=True))
        if sector is None:
            problems.append(_("onbekende sector '%(v)s'") % {"v": row.get("sector")})
        fase = choice_value(row.get("fase"), [c for c in Fase.choices if c[0] != Fase.ONDERTEKEND])
        if fase is None:
            problems.append(
                _("onbekende fase '%(v)s' (ondertekenen gaat via de partnerpagina)")
                % {"v": row.get("fase")}
            )
        wijk = None
        if row.get("wijk"):
            wijk = wijken.get(row.get("wijk").lower())
            if wijk is None:
                problems.append(_("onbekende wijk '%(v)s'") % {"v": row.get("wijk")})
        key = (naam.lower(), kvk)
        if naam and key in seen:
            problems.append(_("deze organisatie staat twee keer in het bestand"))
        seen.add(key)
        existing = bestaand.get(key)
        if existing and existing[1]:
            problems.append(_("deze organisatie staat al in de Deal"))
        if problems:
            raise ValidationError(problems)
        if existing:
            return existing[0], None, fase or Fase.VERKEND
        org = Organisatie(naam=naam, kvk_nummer=kvk, sector=sector or Sector.OVERIG, wijk=wijk)
        return None, org, fase or Fase.VERKEND

    def save(plan: list[tuple[int | None, Organisatie | None, str]]) -> ImportResult:
        created = linked = 0
        for pk, org, fase in plan:
            if pk is not None:
                org = Organisatie.objects.get(pk=pk)
                linked += 1
            else:
                created += 1
            partner_create(organisatie=org, by=by, fase=fase)
        return ImportResult(created=created, linked=linked)

    return import_rows(rows, check=check, save=save)
