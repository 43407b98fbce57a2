"""All-or-nothing CSV import of partners, with Dutch errors per row."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from deal.constants import Fase
from inclusie.constants import Sector
from inclusie.models import Organisatie, User, Wijk

COLUMNS = ["naam", "kvk_nummer", "sector", "wijk", "fase"]
MAX_ROWS = 2000


@dataclass
class ImportResult:
    created: int
    linked: int


def _choice(value: str, choices) -> str | None:
    value = (value or "").strip().lower()
    if not value:
        return ""
    for key, label in choices:
        if value in (str(key).lower(), str(label).lower()):
            return key
    return None


def parse(upload) -> list[dict]:
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.")
        ) from exc
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    if "naam" not in header:
        raise ValidationError(
            _("De eerste regel moet de kolomnamen bevatten, minstens 'naam'. Mogelijk: %(cols)s.")
            % {"cols": ", ".join(COLUMNS)}
        )
    rows = []
    for row in reader:
        rows.append({(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k})
        if len(rows) > MAX_ROWS:
            raise ValidationError(_("Maximaal %(n)s regels per keer.") % {"n": MAX_ROWS})
    if not rows:
        raise ValidationError(_("Het bestand bevat geen regels onder de kolomnamen."))
    return rows


@transaction.atomic
def partners_import(*, rows: list[dict], door: User | None) -> ImportResult:
    """Check every row first; save only when all rows are right (nothing half)."""
    from deal.services import partner_create

    wijken = {w.naam.lower(): w for w in Wijk.objects.all()}
    bestaand = {
        (naam, kvk): (pk, has_partner)
        for naam, kvk, pk, has_partner in Organisatie.objects.annotate(n=Lower("naam")).values_list(
            "n", "kvk_nummer", "pk", "partner"
        )
    }
    errors: list[str] = []
    plan: list[tuple[int | None, Organisatie | None, str]] = []
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(rows, start=2):  # line 1 holds the column names
        problems = []
        naam = row.get("naam", "")
        kvk = row.get("kvk_nummer", "")
        if not naam:
            problems.append(_("de naam ontbreekt"))
        elif len(naam) > 200:
            problems.append(_("de naam is langer dan 200 tekens"))
        if kvk and not (kvk.isdigit() and len(kvk) == 8):
            problems.append(_("het KvK-nummer moet uit precies acht cijfers bestaan"))
        sector = _choice(row.get("sector", ""), Sector.choices)
        if sector is None:
            problems.append(_("onbekende sector '%(v)s'") % {"v": row.get("sector")})
        fase = _choice(row.get("fase", ""), [c for c in Fase.choices if c[0] != Fase.ONDERTEKEND])
        if fase is None:
            problems.append(
                _("onbekende fase '%(v)s' (ondertekenen gaat via de partnerpagina)")
                % {"v": row.get("fase")}
            )
        wijk = None
        if row.get("wijk"):
            wijk = wijken.get(row["wijk"].lower())
            if wijk is None:
                problems.append(_("onbekende wijk '%(v)s'") % {"v": row["wijk"]})
        key = (naam.lower(), kvk)
        if naam and key in seen:
            problems.append(_("deze organisatie staat twee keer in het bestand"))
        seen.add(key)
        existing = bestaand.get(key)
        if existing and existing[1]:
            problems.append(_("deze organisatie staat al in de Deal"))
        if problems:
            errors.append(_("Regel %(n)s: %(p)s.") % {"n": number, "p": "; ".join(problems)})
            continue
        if existing:
            plan.append((existing[0], None, fase or Fase.VERKEND))
        else:
            org = Organisatie(naam=naam, kvk_nummer=kvk, sector=sector or Sector.OVERIG, wijk=wijk)
            plan.append((None, org, fase or Fase.VERKEND))
    if errors:
        raise ValidationError(errors)
    created = linked = 0
    for pk, org, fase in plan:
        if pk is not None:
            org = Organisatie.objects.get(pk=pk)
            linked += 1
        else:
            created += 1
        partner_create(organisatie=org, door=door, fase=fase)
    return ImportResult(created=created, linked=linked)
