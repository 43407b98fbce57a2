"""The raadsmededeling: drafting, versions, approval and publication."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from inclusie.models import GemeenteProfiel, User
from monitoring.constants import (
    MededelingStatus,
)
from monitoring.models import (
    Raadsmededeling,
    RaadsmededelingVersie,
    Snapshot,
)
from monitoring.periods import Period
from monitoring.services.redaction import publicatie_teksten
from monitoring.services.snapshots import snapshot_ensure

# --- veranderverhaal, indicators, measurements, stories ---------------------------


def _fmt(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, int | float):
        return str(int(value))
    return "-"


def draft_texts(snapshot: Snapshot, period: Period) -> dict:
    """Plain-language draft sections, written from the snapshot's figures."""
    gemeente = GemeenteProfiel.cached()
    figs = {f["code"]: f for f in snapshot.data.get("figures", [])}
    lines = []
    for fig in snapshot.data.get("figures", []):
        value = fig["value"]
        if isinstance(value, int | float):
            lines.append(f"- {fig['label']}: {_fmt(value)} {fig.get('unit') or ''}".rstrip())
        elif (
            isinstance(value, dict) and value and fig["code"] not in ("pijlers.zonder_ambassadeur",)
        ):
            total = sum(v for v in value.values() if isinstance(v, int | float))
            lines.append(f"- {fig['label']}: {_fmt(total)}")
    indicators = snapshot.data.get("indicators", [])
    ind_lines = [
        f"- {i['naam']}: {_fmt(i['waarde'])} {i['eenheid']}. {i['duiding']}".strip()
        for i in indicators
    ]
    warnings = []
    zonder = figs.get("pijlers.zonder_ambassadeur", {}).get("value")
    if zonder:
        warnings.append(
            _("Nog niet elke pijler heeft een ambassadeur: %(namen)s.")
            % {"namen": ", ".join(zonder)}
        )
    te_laat = figs.get("klankbord.reacties_te_laat", {}).get("value")
    if te_laat:
        warnings.append(
            _("De gemeente reageerde %(n)s keer te laat op een advies van de klankbordgroep.")
            % {"n": _fmt(te_laat) if not isinstance(te_laat, dict) else len(te_laat)}
        )
    inleiding = _(
        "Met deze mededeling informeren wij u over de voortgang van het programma "
        "%(programma)s en de Inclusie Deal in het %(label)s. Wij doen dat twee keer per jaar, "
        "zodat u kunt volgen wat er in de stad gebeurt en waar het nog schuurt."
    ) % {"programma": gemeente.programmanaam, "label": period.label}
    kader = _(
        "- Inclusie Deal en de gezamenlijke doelstellingen van de partners\n"
        "- Programma %(programma)s\n"
        "- Stappenplan Inclusief Beleid (Movisie), stap 5: evalueren en borgen"
    ) % {"programma": gemeente.programmanaam}
    kern = "\n".join(
        [
            _("De belangrijkste cijfers over het %(label)s:") % {"label": period.label},
            *(lines or [_("- Er zijn nog geen cijfers vastgelegd.")]),
            *warnings,
        ]
    )
    toelichting = "\n".join(
        [
            _(
                "Cijfers zijn een startpunt voor het gesprek, geen eindpunt. "
                "Daarom staat bij elke indicator een duiding."
            ),
            *ind_lines,
        ]
    )
    return {
        "onderwerp": _("Voortgang Inclusie Deal, %(label)s") % {"label": period.label},
        "inleiding": inleiding,
        "kader": kader,
        "kern": kern,
        "toelichting": toelichting,
    }


def _next_number(year: int) -> int:
    last = (
        Raadsmededeling.objects.select_for_update()
        .filter(jaar=year)
        .aggregate(m=Max("volgnummer"))["m"]
    )
    return (last or 0) + 1


def _save_version(mededeling: Raadsmededeling, by: User | None) -> RaadsmededelingVersie:
    last = mededeling.versies.aggregate(m=Max("versie"))["m"] or 0
    return RaadsmededelingVersie.objects.create(
        raadsmededeling=mededeling,
        versie=last + 1,
        gemaakt_door=by,
        **{f: getattr(mededeling, f) for f in ("onderwerp", *Raadsmededeling.SECTIONS)},
    )


def raadsmededeling_draft(*, period: Period, by: User | None = None) -> Raadsmededeling:
    """Draft a raadsmededeling for the half year from its snapshot (made first if missing).

    Mededelingennr is YYYY-NNNNNN, numbered per calendar year of drafting.
    """
    snapshot = snapshot_ensure(period=period, by=by)
    texts = draft_texts(snapshot, period)
    year = timezone.localdate().year
    for _attempt in range(5):
        try:
            with transaction.atomic():
                mededeling = Raadsmededeling(
                    jaar=year, volgnummer=_next_number(year), periode=period.code, **texts
                )
                mededeling.full_clean(validate_unique=False)
                mededeling.save()
                _save_version(mededeling, by)
                return mededeling
        except IntegrityError:
            continue  # another draft took the number at the same moment; take the next
    raise ValidationError(
        _("Er kon geen mededelingennummer worden uitgegeven. Probeer het opnieuw.")
    )


@transaction.atomic
def raadsmededeling_update(
    *, mededeling: Raadsmededeling, data: dict, by: User | None
) -> Raadsmededeling:
    """Edit the text of a draft; the previous text stays available as a version."""
    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    if not locked.is_concept:
        raise ValidationError(
            _("Deze raadsmededeling is al goedgekeurd en kan niet meer worden gewijzigd.")
        )
    for key in ("onderwerp", *Raadsmededeling.SECTIONS):
        if key in data:
            setattr(locked, key, data[key])
    locked.full_clean()
    locked.save()
    _save_version(locked, by)
    return locked


@transaction.atomic
def raadsmededeling_approve(*, mededeling: Raadsmededeling, bw_datum, by: User) -> Raadsmededeling:
    if not bw_datum:
        raise ValidationError({"bw_datum": _("Vul de datum van het B&W-besluit in.")})
    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    if not locked.is_concept:
        raise ValidationError(_("Deze raadsmededeling is al goedgekeurd."))
    locked.status = MededelingStatus.GOEDGEKEURD
    locked.bw_datum = bw_datum
    locked.goedgekeurd_door = by
    locked.goedgekeurd_op = timezone.now()
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def raadsmededeling_publish(
    *, mededeling: Raadsmededeling, by: User | None, sleutel: str
) -> Raadsmededeling:
    """Publish an approved raadsmededeling: redacted public PDF, immutable from now on.

    Irreversible, so only with the fingerprint (`sleutel`) of the preview that
    `by` saw: a text, a person or a redaction decision changed since then means
    a fresh look first (refused here, server-side, whatever the page sent).
    """
    from inclusie import publicatie
    from inclusie.pdf import render_to_pdf

    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    if locked.status == MededelingStatus.GEPUBLICEERD:
        raise ValidationError(_("Deze raadsmededeling is al gepubliceerd."))
    if locked.status != MededelingStatus.GOEDGEKEURD:
        raise ValidationError(_("Alleen een goedgekeurde raadsmededeling kan worden gepubliceerd."))
    redactor = publicatie.redactor_voor(locked)
    result = redactor.apply(publicatie_teksten(locked))
    publicatie.voorvertoning_controleren(document=locked, result=result, sleutel=sleutel, by=by)
    redacted = result.teksten
    publicatie.lakregels_vastleggen(document=locked, result=result, by=by)
    context = raadsmededeling_context(locked, texts=redacted, public=True)
    # The appendix's labels and lists go through the same engine (fail closed).
    context["lak_redactor"] = redactor
    pdf = render_to_pdf(
        "pdf/raadsmededeling.html",
        context,
        title=_("Raadsmededeling %(nr)s: %(onderwerp)s")
        % {"nr": locked.nummer, "onderwerp": redacted["onderwerp"]},
    )
    locked.openbare_pdf.save(f"raadsmededeling-{locked.nummer}.pdf", ContentFile(pdf), save=False)
    locked.openbaar_onderwerp = redacted["onderwerp"][:300]
    locked.status = MededelingStatus.GEPUBLICEERD
    locked.gepubliceerd_op = timezone.now()
    locked.save()
    return locked


# --- report rendering ---------------------------------------------------------------


def raadsmededeling_context(
    mededeling: Raadsmededeling, *, texts: dict | None = None, public: bool = False
) -> dict:
    from monitoring.selectors import dashboard_context

    period = Period.parse(mededeling.periode)
    texts = texts or {k: getattr(mededeling, k) for k in ("onderwerp", *Raadsmededeling.SECTIONS)}
    return {
        "mededeling": mededeling,
        "teksten": texts,
        "gemeente": GemeenteProfiel.load(),
        "openbaar": public,
        # The appendix has tables only (charts belong in the monitoringsrapportage).
        **dashboard_context(period, with_charts=False),
    }
