"""Reads for retention (what the next run will do) and for requests (everything about one person)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Q
from django.utils import timezone

from inclusie.models import Persoon, User
from inclusie.persondata import (
    PersonRef,
    PersonSource,
    RetentionKind,
    person_sources,
    retention_kinds,
)
from privacy.models import Bewaartermijn

PREVIEW_RECORDS = 25


@dataclass
class Termijn:
    kind: RetentionKind
    maanden: int
    cutoff: date

    @property
    def is_default(self) -> bool:
        return self.maanden == self.kind.default_months


def termijnen(today: date | None = None) -> list[Termijn]:
    today = today or timezone.localdate()
    chosen = dict(Bewaartermijn.objects.values_list("soort", "maanden"))
    result = []
    for kind in retention_kinds():
        months = chosen.get(kind.code, kind.default_months)
        result.append(Termijn(kind, months, today - relativedelta(months=months)))
    return result


@dataclass
class Voorbeeld:
    termijn: Termijn
    count: int
    records: list[str] = field(default_factory=list)


def retentie_preview(today: date | None = None) -> list[Voorbeeld]:
    """What the next run would anonymise or delete, per kind: the same queries it will run."""
    result = []
    for termijn in termijnen(today):
        qs = termijn.kind.expired(termijn.cutoff)
        count = qs.count()
        records = [termijn.kind.describe(o) for o in qs[:PREVIEW_RECORDS]] if count else []
        result.append(Voorbeeld(termijn, count, records))
    return result


def persoon_zoeken(q: str) -> tuple[list[Persoon], list[User]]:
    """Persons and accounts whose name or e-mail address contains `q`."""
    q = q.strip()
    if len(q) < 2:
        return [], []
    personen = list(
        Persoon.objects.filter(Q(naam__icontains=q) | Q(email__icontains=q))
        .select_related("organisatie", "user")
        .order_by("naam")[:50]
    )
    users = list(
        User.objects.filter(Q(naam__icontains=q) | Q(email__icontains=q) | Q(username__iexact=q))
        .exclude(persoon__in=personen)
        .order_by("naam", "email")[:50]
    )
    return personen, users


def subject_ref(soort: str, pk: int) -> tuple[object, PersonRef] | None:
    if soort == "persoon":
        persoon = Persoon.objects.select_related("user").filter(pk=pk).first()
        return (persoon, PersonRef.for_persoon(persoon)) if persoon else None
    if soort == "gebruiker":
        user = User.objects.filter(pk=pk).first()
        return (user, PersonRef.for_user(user)) if user else None
    return None


@dataclass
class Gevonden:
    source: PersonSource
    records: list = field(default_factory=list)

    @property
    def rows(self) -> list[dict]:
        return [self.source.describe(r) for r in self.records]


def persoonsgegevens(ref: PersonRef) -> list[Gevonden]:
    """Every record about this person, per registered source (only sources with records)."""
    found = []
    for source in person_sources():
        records = list(source.find(ref))
        if records:
            found.append(Gevonden(source, records))
    return found


def as_json(subject, ref: PersonRef, found: list[Gevonden]) -> dict:
    return {
        "betreft": str(subject),
        "opgesteld_op": timezone.localtime().isoformat(timespec="seconds"),
        "persoon_ids": sorted(ref.persoon_ids),
        "account_ids": sorted(ref.user_ids),
        "gegevens": [
            {
                "soort": str(g.source.label),
                "code": g.source.code,
                "bewaard_omdat": str(g.source.kept_because),
                "records": g.rows,
            }
            for g in found
        ],
    }
