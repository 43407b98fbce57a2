"""Writes: retention periods, retention runs, and people's requests (AVG art. 15/17)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from inclusie.persondata import PersonRef, retention_kind
from privacy import selectors
from privacy.models import Bewaartermijn, PersoonsVerzoek, RetentieRun

logger = logging.getLogger(__name__)
DETAIL_RECORDS = 50


@transaction.atomic
def bewaartermijnen_update(*, maanden: dict[str, int], by) -> list[Bewaartermijn]:
    """Store the beheerder's periods (months per kind code); unknown kinds are refused."""
    saved = []
    for code, months in maanden.items():
        if retention_kind(code) is None:
            raise ValueError(f"Unknown retention kind {code!r}")
        termijn, _created = Bewaartermijn.objects.get_or_create(
            soort=code, defaults={"maanden": months, "gewijzigd_door": by}
        )
        termijn.maanden = months
        termijn.gewijzigd_door = by
        termijn.full_clean()
        termijn.save()
        saved.append(termijn)
    return saved


@transaction.atomic
def retentie_run_queue(*, by=None, aanleiding=RetentieRun.Aanleiding.HANDMATIG) -> RetentieRun:
    """A run is a row first; the worker picks it up after commit."""
    from inclusie.tasks import enqueue
    from privacy.tasks import run_retentie

    run = RetentieRun.objects.create(aanleiding=aanleiding, door=by, peildatum=timezone.localdate())
    enqueue(run_retentie, run.pk)
    return run


def retentie_run_execute(*, run_id: int) -> RetentieRun:
    """Apply every retention period once. Idempotent: a claimed or finished run is left alone.

    Each kind is applied in its own transaction, with exactly the queries the preview
    page shows; the run row records how many records each kind changed and which.
    """
    claimed = RetentieRun.objects.filter(pk=run_id, status=RetentieRun.Status.WACHTEND).update(
        status=RetentieRun.Status.BEZIG, gestart_op=timezone.now()
    )
    run = RetentieRun.objects.get(pk=run_id)
    if not claimed:
        return run
    aantallen: dict[str, int] = {}
    details: dict[str, list[str]] = {}
    try:
        for termijn in selectors.termijnen(run.peildatum):
            kind = termijn.kind
            with transaction.atomic():
                qs = kind.expired(termijn.cutoff)
                described = [kind.describe(o) for o in qs[:DETAIL_RECORDS]]
                count = kind.apply(qs)
            aantallen[kind.code] = count
            if count:
                details[kind.code] = described
    except Exception as exc:  # recorded on the row, then re-raised for Celery
        RetentieRun.objects.filter(pk=run_id).update(
            status=RetentieRun.Status.MISLUKT,
            fout=f"{type(exc).__name__}: {exc}",
            aantallen=aantallen,
            details=details,
            klaar_op=timezone.now(),
        )
        raise
    RetentieRun.objects.filter(pk=run_id).update(
        status=RetentieRun.Status.KLAAR,
        aantallen=aantallen,
        details=details,
        klaar_op=timezone.now(),
    )
    run.refresh_from_db()
    return run


@transaction.atomic
def verzoek_inzage(*, subject, ref: PersonRef, formaat: str, by) -> PersoonsVerzoek:
    """Log an access request (the export itself is rendered by the view)."""
    found = selectors.persoonsgegevens(ref)
    return PersoonsVerzoek.objects.create(
        soort=PersoonsVerzoek.Soort.INZAGE,
        persoon_ref=min(ref.persoon_ids) if ref.persoon_ids else None,
        user_ref=min(ref.user_ids) if ref.user_ids else None,
        formaat=formaat,
        door=by,
        resultaat={g.source.code: {"aantal": len(g.records)} for g in found},
    )


@transaction.atomic
def verzoek_wissen(*, ref: PersonRef, reden: str, by) -> PersoonsVerzoek:
    """Erase or anonymise everything about one person, except what a legal duty keeps.

    All or nothing: one transaction. Per source the result says how many records were
    erased (and how) or kept (and why). django-auditlog logs each change as well.
    """
    if not reden.strip():
        from django.core.exceptions import ValidationError

        raise ValidationError({"reden": "Geef een reden op."})
    resultaat: dict[str, dict] = {}
    for gevonden in selectors.persoonsgegevens(ref):
        source = gevonden.source
        if source.erase is None:
            resultaat[source.code] = {
                "aantal": len(gevonden.records),
                "actie": "bewaard",
                "reden": str(source.kept_because),
            }
            continue
        acties = [source.erase(record) for record in gevonden.records]
        resultaat[source.code] = {"aantal": len(acties), "actie": acties[0]}
    verzoek = PersoonsVerzoek.objects.create(
        soort=PersoonsVerzoek.Soort.WISSEN,
        persoon_ref=min(ref.persoon_ids) if ref.persoon_ids else None,
        user_ref=min(ref.user_ids) if ref.user_ids else None,
        reden=reden.strip(),
        door=by,
        resultaat=resultaat,
    )
    logger.info("Erasure request %s done by %s", verzoek.pk, by.pk if by else None)
    return verzoek
