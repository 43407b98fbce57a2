"""Writes and business rules of monitoring. Keyword-only, transactional, validated."""

from __future__ import annotations

import csv
import io
import re
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from inclusie.models import GemeenteProfiel, Persoon, User
from inclusie.registry import figures
from monitoring import conf
from monitoring.constants import (
    WOO_GROND_PERSOONSGEGEVENS,
    MededelingStatus,
    RapportSoort,
    RapportStatus,
)
from monitoring.models import (
    Indicator,
    Lakregel,
    Meting,
    OpenbaarAmbtsdrager,
    Raadsmededeling,
    RaadsmededelingVersie,
    Rapport,
    Schakel,
    Snapshot,
    Veranderverhaal,
    Verhaal,
)
from monitoring.periods import Period

# --- veranderverhaal, indicators, measurements, stories ---------------------------


@transaction.atomic
def veranderverhaal_save(*, veranderverhaal: Veranderverhaal) -> Veranderverhaal:
    veranderverhaal.full_clean()
    veranderverhaal.save()
    return veranderverhaal


@transaction.atomic
def schakel_save(*, schakel: Schakel) -> Schakel:
    schakel.full_clean()
    schakel.save()
    return schakel


@transaction.atomic
def indicator_save(*, indicator: Indicator) -> Indicator:
    indicator.full_clean()
    indicator.save()
    return indicator


def indicator_computed_value(*, indicator: Indicator | None, period: Period):
    """The value of an internal indicator from the portal's own figures, if it has one."""
    from inclusie.registry import figure

    fig = figure(indicator.figuur) if indicator is not None and indicator.figuur else None
    if fig is None:
        return None
    try:
        value = fig.compute(period.start, period.end)
    except Exception:  # noqa: BLE001 - a prefill must never break the form
        return None
    if isinstance(value, dict):
        value = sum(v for v in value.values() if isinstance(v, int | float))
    return _number(value) if isinstance(value, int | float) else None


@transaction.atomic
def meting_save(*, meting: Meting, by: User | None = None) -> Meting:
    """Store a measurement; the duiding is mandatory (a number alone says too little)."""
    if not (meting.duiding or "").strip():
        raise ValidationError({"duiding": _("Schrijf een duiding: wat betekent dit cijfer?")})
    meting.periode = Period.parse(meting.periode).code
    if by is not None and meting.ingevoerd_door_id is None:
        meting.ingevoerd_door = by
    meting.full_clean()
    meting.save()
    return meting


@transaction.atomic
def verhaal_save(*, verhaal: Verhaal) -> Verhaal:
    if not verhaal.toestemming:
        raise ValidationError(
            {"toestemming": _("Een verhaal gebruiken we alleen met toestemming van de verteller.")}
        )
    verhaal.full_clean()
    verhaal.save()
    return verhaal


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


def _plain(value):
    """JSON-safe figure value: a number or a dict of label -> number."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _number(value) -> float | int | None:
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() else round(value, 2)


@transaction.atomic
def snapshot_make(*, period: Period, by: User | None = None) -> Snapshot:
    """Freeze all registered figures, indicators, stories and veranderverhalen of a half year.

    Remaking a snapshot replaces it (reports already rendered keep their PDF).
    """
    computed = []
    for fig in figures():
        try:
            value = _plain(fig.compute(period.start, period.end))
        except Exception as exc:  # noqa: BLE001 - one broken figure must not block the rest
            value = None
            error = str(exc)[:200]
        else:
            error = ""
        computed.append(
            {
                "code": fig.code,
                "group": fig.group,
                "label": str(fig.label),
                "unit": str(fig.unit),
                "order": fig.order,
                "value": value,
                **({"error": error} if error else {}),
            }
        )
    figure_values = {c["code"]: c["value"] for c in computed}
    metingen: dict[int, list[Meting]] = {}
    for m in Meting.objects.filter(periode__lte=period.code).order_by("periode"):
        metingen.setdefault(m.indicator_id, []).append(m)
    indicators, te_duiden = [], []
    for ind in Indicator.objects.filter(actief=True).select_related("doelstelling"):
        history = metingen.get(ind.pk, [])
        current = next((m for m in history if m.periode == period.code), None)
        base = {
            "id": ind.pk,
            "naam": ind.naam,
            "omschrijving": ind.omschrijving,
            "soort": ind.get_soort_display(),
            "doeltype": ind.get_doeltype_display(),
            "bron": ind.get_bron_display(),
            "eenheid": ind.eenheid,
            "richting": ind.get_richting_display(),
            "basiswaarde": _number(ind.basiswaarde),
            "doelstelling": str(ind.doelstelling) if ind.doelstelling else "",
        }
        if current is None:
            computed_value = figure_values.get(ind.figuur) if ind.figuur else None
            te_duiden.append(
                {
                    **base,
                    "berekend": _number(computed_value)
                    if isinstance(computed_value, int | float)
                    else None,
                }
            )
            continue
        indicators.append(
            {
                **base,
                "waarde": _number(current.waarde),
                "duiding": current.duiding,
                "historie": [[m.periode, _number(m.waarde)] for m in history[-6:]],
            }
        )
    verhalen = [
        {
            "titel": v.titel,
            "tekst": v.tekst,
            "soort": v.get_soort_display(),
            "bron": v.bron,
            "indicator_id": v.indicator_id,
        }
        for v in Verhaal.objects.filter(periode=period.code, toestemming=True)
    ]
    chains = []
    for vv in Veranderverhaal.objects.select_related("doelstelling").prefetch_related("schakels"):
        from monitoring.selectors import veranderverhaal_chain

        chains.append(
            {
                "doelstelling": str(vv.doelstelling),
                "doel": vv.maatschappelijk_doel,
                "outcomes": [
                    {
                        "tekst": o["schakel"].tekst,
                        "outputs": [
                            {
                                "tekst": out["schakel"].tekst,
                                "activiteiten": [a.tekst for a in out["activiteiten"]],
                            }
                            for out in o["outputs"]
                        ],
                    }
                    for o in veranderverhaal_chain(vv)
                ],
            }
        )
    data = {
        "periode": period.code,
        "figures": computed,
        "indicators": indicators,
        "te_duiden": te_duiden,
        "verhalen": verhalen,
        "veranderverhalen": chains,
    }
    snapshot, _created = Snapshot.objects.update_or_create(
        periode=period.code, defaults={"data": data, "gemaakt_door": by}
    )
    return snapshot


def snapshot_ensure(*, period: Period, by: User | None = None) -> Snapshot:
    return Snapshot.objects.filter(periode=period.code).first() or snapshot_make(
        period=period, by=by
    )


# --- raadsmededeling --------------------------------------------------------------


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


REDACTED = "[gelakt: {grond}]"


def personal_names() -> list[str]:
    """Names of people known to the portal, longest first (so full names win)."""
    names = set(Persoon.objects.exclude(naam="").values_list("naam", flat=True))
    names |= set(User.objects.exclude(naam="").values_list("naam", flat=True))
    allowed = {
        n.strip().lower() for n in OpenbaarAmbtsdrager.objects.values_list("naam", flat=True)
    }
    portefeuillehouder = GemeenteProfiel.load().portefeuillehouder.strip().lower()
    if portefeuillehouder:
        allowed.add(portefeuillehouder)
    return sorted(
        (n.strip() for n in names if len(n.strip()) >= 3 and n.strip().lower() not in allowed),
        key=len,
        reverse=True,
    )


def redact(texts: dict[str, str], names: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Replace every personal name with the Woo ground; count what was redacted."""
    counts: dict[str, int] = {}
    if not names:
        return dict(texts), counts
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
    )
    lookup = {n.lower(): n for n in names}
    marker = REDACTED.format(grond=WOO_GROND_PERSOONSGEGEVENS)

    def substitute(match: re.Match) -> str:
        name = lookup.get(match.group(1).lower(), match.group(1))
        counts[name] = counts.get(name, 0) + 1
        return marker

    return {k: pattern.sub(substitute, v or "") for k, v in texts.items()}, counts


@transaction.atomic
def raadsmededeling_publish(*, mededeling: Raadsmededeling, by: User) -> Raadsmededeling:
    """Publish an approved raadsmededeling: redacted public PDF, immutable from now on."""
    from inclusie.pdf import render_to_pdf

    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    if locked.status == MededelingStatus.GEPUBLICEERD:
        raise ValidationError(_("Deze raadsmededeling is al gepubliceerd."))
    if locked.status != MededelingStatus.GOEDGEKEURD:
        raise ValidationError(_("Alleen een goedgekeurde raadsmededeling kan worden gepubliceerd."))
    texts = {k: getattr(locked, k) for k in ("onderwerp", *Raadsmededeling.SECTIONS)}
    redacted, counts = redact(texts, personal_names())
    for name, n in counts.items():
        Lakregel.objects.create(raadsmededeling=locked, tekst=name[:200], aantal=n, door=by)
    context = raadsmededeling_context(locked, texts=redacted, public=True)
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


def _pdf_figures(ctx: dict) -> dict:
    """Charts as <img> data URIs: WeasyPrint then tags them as figures with alt text."""
    from monitoring.charts import as_data_uri

    for section in ctx.get("secties", []):
        for fig in section["figures"]:
            if fig.chart:
                fig.chart_src = as_data_uri(str(fig.chart))
    for ind in ctx.get("indicatoren", []):
        if ind.get("chart"):
            ind["chart_src"] = as_data_uri(str(ind["chart"]))
    return ctx


def monitoring_context(period: Period) -> dict:
    from monitoring.selectors import dashboard_context

    return {"gemeente": GemeenteProfiel.load(), **_pdf_figures(dashboard_context(period))}


def render_report_pdf(*, soort: str, period: Period, mededeling: Raadsmededeling | None) -> bytes:
    from inclusie.pdf import render_to_pdf

    snapshot_ensure(period=period)
    if soort == RapportSoort.RAADSMEDEDELING:
        assert mededeling is not None
        return render_to_pdf(
            "pdf/raadsmededeling.html",
            raadsmededeling_context(mededeling),
            title=_("Raadsmededeling %(nr)s: %(onderwerp)s")
            % {"nr": mededeling.nummer, "onderwerp": mededeling.onderwerp},
        )
    return render_to_pdf(
        "pdf/monitoringsrapportage.html",
        monitoring_context(period),
        title=_("Monitoringsrapportage %(label)s") % {"label": period.label},
    )


@transaction.atomic
def rapport_request(
    *,
    soort: str,
    period: Period,
    by: User | None = None,
    mededeling: Raadsmededeling | None = None,
    enqueue_task: bool = True,
) -> Rapport:
    """Store a report request and queue it. A missing snapshot (and draft) is made first.

    The row is committed even when the broker is down; the beat sweep publishes it later.
    """
    snapshot_ensure(period=period, by=by)
    if soort == RapportSoort.RAADSMEDEDELING and mededeling is None:
        mededeling = Raadsmededeling.objects.filter(periode=period.code).order_by(
            "-jaar", "-volgnummer"
        ).first() or raadsmededeling_draft(period=period, by=by)
    rapport = Rapport(
        soort=soort, periode=period.code, raadsmededeling=mededeling, aangevraagd_door=by
    )
    rapport.full_clean()
    rapport.save()
    if enqueue_task:
        from inclusie.tasks import enqueue
        from monitoring.tasks import render_rapport

        enqueue(render_rapport, rapport.pk)
    return rapport


def rapport_claim(*, rapport_id: int) -> str | None:
    """Atomically take a report for rendering; None if it is done or someone else holds it.

    One conditional UPDATE: a queued row, or a running row whose lease has expired
    (its worker died). A redelivered task therefore never renders twice.
    """
    now = timezone.now()
    token = uuid.uuid4().hex
    taken = (
        Rapport.objects.filter(pk=rapport_id)
        .filter(Q(status=RapportStatus.QUEUED) | Q(status=RapportStatus.RUNNING, lease_tot__lt=now))
        .update(
            status=RapportStatus.RUNNING,
            claim=token,
            lease_tot=now + timedelta(seconds=conf.lease_seconds()),
            pogingen=F("pogingen") + 1,
            updated_at=now,
        )
    )
    return token if taken else None


def rapport_render(*, rapport_id: int, token: str) -> bool:
    """Render a claimed report and finish it, if our claim still holds. Returns True if done."""
    rapport = Rapport.objects.select_related("raadsmededeling").get(pk=rapport_id)
    started = time.monotonic()
    delay = conf.render_delay_seconds()
    if delay:
        time.sleep(delay)
    pdf = render_report_pdf(
        soort=rapport.soort,
        period=Period.parse(rapport.periode),
        mededeling=rapport.raadsmededeling,
    )
    seconds = time.monotonic() - started
    from inclusie.pdf import pdf_metadata

    pages = pdf_metadata(pdf)["pages"]
    with transaction.atomic():
        locked = Rapport.objects.select_for_update().filter(pk=rapport_id, claim=token).first()
        if locked is None or locked.status != RapportStatus.RUNNING:
            return False  # our lease expired and another worker took over
        name = f"{locked.soort}-{locked.periode}-{locked.pk}.pdf"
        locked.bestand.save(name, ContentFile(pdf), save=False)
        locked.status = RapportStatus.DONE
        locked.paginas = pages
        locked.rendertijd = round(seconds, 3)
        locked.klaar_op = timezone.now()
        locked.fout = ""
        locked.lease_tot = None
        locked.save()
        _notify_ready(locked)
    return True


def _notify_ready(rapport: Rapport) -> None:
    """Mail the requester (and the wethouder) that the report is ready; once per report."""
    from inclusie.constants import Role
    from inclusie.services import notificatie_queue

    recipients = {u.pk: u for u in User.objects.filter(role=Role.WETHOUDER, is_active=True)}
    if rapport.aangevraagd_door_id and rapport.aangevraagd_door.is_active:
        recipients[rapport.aangevraagd_door_id] = rapport.aangevraagd_door
    for user in recipients.values():
        notificatie_queue(
            ontvanger=user,
            onderwerp=_("%(soort)s %(periode)s staat klaar")
            % {"soort": rapport.get_soort_display(), "periode": rapport.periode},
            tekst=_(
                "De %(soort)s over %(periode)s staat klaar in het Inclusie Portaal, "
                "onder Rapporten.\n\nHet dashboard van dit halfjaar staat ook klaar."
            )
            % {"soort": rapport.get_soort_display().lower(), "periode": rapport.periode},
        )


def rapport_fail(*, rapport_id: int, token: str, error: str, retry: bool) -> None:
    """Record a failure; with `retry` the row goes back to the queue for the next attempt."""
    Rapport.objects.filter(pk=rapport_id, claim=token, status=RapportStatus.RUNNING).update(
        status=RapportStatus.QUEUED if retry else RapportStatus.FAILED,
        fout=error[:2000],
        lease_tot=None,
        updated_at=timezone.now(),
    )


def rapporten_to_requeue(*, min_age_seconds: float | None = None) -> list[int]:
    """Rows queued longer than the requeue interval, or running with an expired lease."""
    now = timezone.now()
    age = conf.requeue_after_seconds() if min_age_seconds is None else min_age_seconds
    return list(
        Rapport.objects.filter(
            Q(status=RapportStatus.QUEUED, updated_at__lte=now - timedelta(seconds=age))
            | Q(status=RapportStatus.RUNNING, lease_tot__lt=now)
        ).values_list("pk", flat=True)[:200]
    )


def rapport_retry(*, rapport: Rapport) -> Rapport:
    """Put a failed report back in the queue (from the report page)."""
    from inclusie.tasks import enqueue
    from monitoring.tasks import render_rapport

    with transaction.atomic():
        updated = Rapport.objects.filter(pk=rapport.pk, status=RapportStatus.FAILED).update(
            status=RapportStatus.QUEUED, fout="", updated_at=timezone.now()
        )
        if updated:
            enqueue(render_rapport, rapport.pk)
    rapport.refresh_from_db()
    return rapport
