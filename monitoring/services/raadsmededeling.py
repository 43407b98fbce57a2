"""The raadsmededeling: drafting, versions, approval and publication."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from inclusie.dutch import datum
from inclusie.markdown import clean_source
from inclusie.models import GemeenteProfiel, User
from monitoring import prose
from monitoring.constants import (
    MededelingStatus,
)
from monitoring.models import (
    Raadsmededeling,
    RaadsmededelingOpmerking,
    RaadsmededelingVersie,
    Snapshot,
)
from monitoring.periods import Period
from monitoring.services.redaction import publicatie_teksten
from monitoring.services.snapshots import snapshot_ensure, snapshot_latest

# --- drafting -------------------------------------------------------------------------


def _facts(snapshot: Snapshot, period: Period) -> list[prose.Fact]:
    previous = snapshot_latest(period.previous())
    return prose.facts_from_snapshots(snapshot.data, previous.data if previous else None)


def kern_text(*, snapshot: Snapshot, period: Period, codes: list[str]) -> str:
    """3. Kern van de boodschap: one sentence per chosen figure, as a real list."""
    with translation.override("nl"):
        facts = _facts(snapshot, period)
        by_code = {f.code: f for f in facts}
        ctx = _prose_context()
        lines = [prose.sentence(by_code[c], by_code, ctx) for c in codes if c in by_code] + [
            prose.indicator_sentence(i, None)
            for i in snapshot.data.get("indicators", [])
            if f"indicator:{i['id']}" in codes
        ]
        lines = [line for line in lines if line]
        if not lines:
            return _("Over het %(label)s zijn nog geen cijfers vastgelegd.") % {
                "label": period.label
            }
        lead = _("Wat er in het %(label)s veranderde, in het kort:") % {"label": period.label}
        return "\n".join([lead, "", *[f"- {line}" for line in lines]])


def _prose_context() -> dict:
    gemeente = GemeenteProfiel.cached()
    return {
        "term_pijler": gemeente.term_pijler,
        "term_pijlers": gemeente.term_pijlers,
        "term_lidwoord": gemeente.term_lidwoord,
    }


def draft_texts(snapshot: Snapshot, period: Period) -> dict:
    """The draft sections in prose, written from the snapshot (always in Dutch)."""
    with translation.override("nl"):
        return _draft_texts(snapshot, period)


def _draft_texts(snapshot: Snapshot, period: Period) -> dict:
    gemeente = GemeenteProfiel.cached()
    facts = _facts(snapshot, period)
    by_code = {f.code: f for f in facts}
    ctx = _prose_context()
    kern_codes = prose.default_kern(facts)
    start, last_day = period.start, period.end - dt.timedelta(days=1)
    vorige = (
        Raadsmededeling.objects.filter(periode=period.previous().code)
        .order_by("-jaar", "-volgnummer")
        .first()
    )
    inleiding = [
        _(
            "Met deze mededeling informeert het college uw raad over de voortgang van het "
            "programma %(programma)s en de Inclusie Deal in het %(label)s (%(van)s tot en met "
            "%(tot)s). Wij doen dat twee keer per jaar, zodat u kunt volgen wat er in de stad "
            "gebeurt en waar het nog schuurt."
        )
        % {
            "programma": gemeente.programmanaam,
            "label": period.label,
            "van": datum(start),
            "tot": datum(last_day),
        }
    ]
    if vorige:
        inleiding.append(
            _("De vorige mededeling (%(nr)s) ging over het %(label)s.")
            % {"nr": vorige.nummer, "label": period.previous().label}
        )
    inleiding.append(_("De cijfers staan met grafieken en tabellen in de bijlage."))
    kader = "\n".join(
        [
            _("- De Inclusie Deal en de gezamenlijke doelstellingen van de partners"),
            _("- Programma %(programma)s") % {"programma": gemeente.programmanaam},
            _("- Stappenplan Inclusief Beleid (Movisie), stap 5: evalueren en borgen"),
        ]
    )
    toelichting = [
        _(
            "Cijfers zijn een startpunt voor het gesprek, geen eindpunt. Daarom staat bij "
            "elke indicator wat het cijfer betekent."
        )
    ]
    prev_ind = {}
    prev_snapshot = snapshot_latest(period.previous())
    if prev_snapshot:
        prev_ind = {i["id"]: i.get("waarde") for i in prev_snapshot.data.get("indicators", [])}
    for ind in snapshot.data.get("indicators", []):
        toelichting += [
            "",
            f"### {ind['naam']}",
            "",
            prose.indicator_sentence(ind, prev_ind.get(ind["id"])),
        ]
    overig = [
        prose.sentence(f, by_code, ctx)
        for f in prose.kern_options(facts)
        if f.code not in kern_codes
    ]
    overig = [line for line in overig if line]
    if overig:
        toelichting += ["", f"### {_('Overige ontwikkelingen')}", "", *[f"- {s}" for s in overig]]
    aandacht = [
        prose.sentence(by_code[c], by_code, ctx)
        for c in ("pijlers.zonder_ambassadeur",)
        if c in by_code and by_code[c].value
    ]
    if aandacht:
        toelichting += ["", f"### {_('Wat aandacht vraagt')}", "", *aandacht]
    return {
        "onderwerp": _("Voortgang Inclusie Deal, %(label)s") % {"label": period.label},
        "inleiding": "\n\n".join(inleiding),
        "kader": kader,
        "kern": kern_text(snapshot=snapshot, period=period, codes=kern_codes),
        "toelichting": "\n".join(toelichting),
        "communicatie": "",
        "vervolg": "",
        "kerncijfers": kern_codes,
    }


def _next_number(year: int) -> int:
    last = (
        Raadsmededeling.objects.select_for_update()
        .filter(jaar=year)
        .aggregate(m=Max("volgnummer"))["m"]
    )
    return (last or 0) + 1


TEXT_FIELDS = ("onderwerp", *Raadsmededeling.SECTIONS)
# Autosaves by one author within this window extend their version instead of adding one,
# so the history shows sittings, not keystrokes.
VERSION_WINDOW = dt.timedelta(minutes=15)


class RaadsmededelingConflict(Exception):  # noqa: N818 - a domain term
    """The text changed since the writer loaded it; `current` is the stored mededeling."""

    def __init__(self, current: Raadsmededeling) -> None:
        super().__init__("conflict")
        self.current = current


def _save_version(
    mededeling: Raadsmededeling, by: User | None, *, extend: bool = False
) -> RaadsmededelingVersie:
    texts = {f: getattr(mededeling, f) for f in TEXT_FIELDS}
    last = mededeling.versies.order_by("-versie").first()
    if (
        extend
        and last is not None
        and by is not None
        and last.gemaakt_door_id == by.pk
        and timezone.now() - last.gemaakt_op < VERSION_WINDOW
        and not mededeling.opmerkingen.filter(op__gt=last.gemaakt_op).exists()
    ):
        for key, value in texts.items():
            setattr(last, key, value)
        last.save()
        return last
    return RaadsmededelingVersie.objects.create(
        raadsmededeling=mededeling,
        versie=(last.versie if last else 0) + 1,
        gemaakt_door=by,
        **texts,
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
                    jaar=year,
                    volgnummer=_next_number(year),
                    periode=period.code,
                    momentopname=snapshot,
                    **texts,
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


def mededeling_snapshot(mededeling: Raadsmededeling) -> Snapshot | None:
    """The snapshot version the mededeling was drafted from (never silently a newer one).

    Only a mededeling from before versions were recorded has none: it reads the newest.
    """
    if mededeling.momentopname_id is not None:
        return mededeling.momentopname
    return snapshot_latest(Period.parse(mededeling.periode))


def newer_snapshot(mededeling: Raadsmededeling) -> Snapshot | None:
    """A newer version of the half year's snapshot than the mededeling's, if one exists."""
    own = mededeling_snapshot(mededeling)
    latest = snapshot_latest(Period.parse(mededeling.periode))
    if own is None or latest is None or latest.versie <= own.versie:
        return None
    return latest


@transaction.atomic
def raadsmededeling_snapshot_update(
    *, mededeling: Raadsmededeling, by: User | None
) -> Raadsmededeling:
    """Move a draft to the newest snapshot version: an explicit act, audit-logged.

    The appendix and the figures offered for the kern follow the new version; the
    text stays as the adviser wrote it (a kern written from chosen figures is written
    again from the new version, as a new text version that the diff shows).
    """
    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    _ensure_concept(locked)
    newer = newer_snapshot(locked)
    if newer is None:
        raise ValidationError(
            _("Deze raadsmededeling gebruikt al de nieuwste versie van de momentopname.")
        )
    locked.momentopname = newer
    if locked.kerncijfers:
        period = Period.parse(locked.periode)
        locked.kern = kern_text(snapshot=newer, period=period, codes=locked.kerncijfers)
        locked.revisie += 1
    locked.full_clean()
    locked.save()
    if locked.kerncijfers:
        _save_version(locked, by)
    return locked


def _ensure_concept(mededeling: Raadsmededeling) -> None:
    if not mededeling.is_concept:
        raise ValidationError(
            _("Deze raadsmededeling is al goedgekeurd en kan niet meer worden gewijzigd.")
        )


@transaction.atomic
def raadsmededeling_update(
    *,
    mededeling: Raadsmededeling,
    data: dict,
    by: User | None,
    revisie: int | None = None,
    autosave: bool = False,
) -> Raadsmededeling:
    """Edit the text of a draft; the previous text stays available as a version.

    Markdown is cleaned of raw HTML before it is stored. With `revisie` (the revision
    the writer loaded) a save on top of a colleague's newer text raises
    :class:`RaadsmededelingConflict` instead of overwriting it; a retry of a save
    that already landed is not a conflict. Approved texts are locked.
    """
    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    _ensure_concept(locked)
    incoming = {
        key: (clean_source(data[key]) if key in Raadsmededeling.SECTIONS else data[key].strip())
        for key in TEXT_FIELDS
        if key in data and data[key] is not None
    }
    if all(getattr(locked, k) == v for k, v in incoming.items()):
        return locked  # nothing changed (or a retried save that already landed)
    if revisie is not None and revisie != locked.revisie:
        raise RaadsmededelingConflict(locked)
    for key, value in incoming.items():
        setattr(locked, key, value)
    locked.revisie += 1
    locked.full_clean()
    locked.save()
    _save_version(locked, by, extend=autosave)
    return locked


@transaction.atomic
def raadsmededeling_kern_opstellen(
    *, mededeling: Raadsmededeling, codes: list[str], by: User | None
) -> Raadsmededeling:
    """The adviser picks three to six figures; the kern is written again from them."""
    codes = list(dict.fromkeys(c for c in codes if c))
    if not prose.KERN_MIN <= len(codes) <= prose.KERN_MAX:
        raise ValidationError(
            {
                "kerncijfers": _("Kies drie tot zes cijfers voor de kern (nu %(n)s).")
                % {"n": len(codes)}
            }
        )
    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    _ensure_concept(locked)
    period = Period.parse(locked.periode)
    snapshot = mededeling_snapshot(locked) or snapshot_ensure(period=period, by=by)
    known = {o["code"] for o in kern_choices(locked)}
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValidationError({"kerncijfers": _("Kies alleen cijfers uit de lijst.")})
    locked.kerncijfers = codes
    locked.kern = kern_text(snapshot=snapshot, period=period, codes=codes)
    locked.revisie += 1
    locked.full_clean()
    locked.save()
    _save_version(locked, by)
    return locked


def kern_choices(mededeling: Raadsmededeling) -> list[dict]:
    """The figures (and indicators) the adviser can put in the kern, with their sentence."""
    period = Period.parse(mededeling.periode)
    snapshot = mededeling_snapshot(mededeling)
    if snapshot is None:
        return []
    with translation.override("nl"):
        facts = _facts(snapshot, period)
        by_code = {f.code: f for f in facts}
        ctx = _prose_context()
        options = [
            {"code": f.code, "label": f.label, "zin": prose.sentence(f, by_code, ctx)}
            for f in prose.kern_options(facts)
        ]
        options += [
            {
                "code": f"indicator:{i['id']}",
                "label": i["naam"],
                "zin": prose.indicator_sentence(i, None),
            }
            for i in snapshot.data.get("indicators", [])
        ]
    return [o for o in options if o["zin"]]


@transaction.atomic
def raadsmededeling_comment(
    *, mededeling: Raadsmededeling, tekst: str, by: User
) -> RaadsmededelingOpmerking:
    """The wethouder (or a colleague) comments on a draft; kept with the version read."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": _("Schrijf een opmerking.")})
    locked = Raadsmededeling.objects.select_for_update().get(pk=mededeling.pk)
    _ensure_concept(locked)
    last = locked.versies.order_by("-versie").values_list("versie", flat=True).first()
    opmerking = RaadsmededelingOpmerking(raadsmededeling=locked, tekst=tekst, versie=last, door=by)
    opmerking.full_clean()
    opmerking.save()
    return opmerking


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
        footer=_("Raadsmededeling %(nr)s") % {"nr": locked.nummer},
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
    """Everything the raadsmededeling PDF shows: head, sections, signature, appendix."""
    from inclusie.pdf import letterhead

    period = Period.parse(mededeling.periode)
    snapshot = mededeling_snapshot(mededeling)
    texts = texts or {k: getattr(mededeling, k) for k in TEXT_FIELDS}
    gemeente = GemeenteProfiel.load()
    headings = section_headings()
    sections = [
        {"naam": key, "kop": headings[key], "tekst": texts.get(key, "")}
        for key in Raadsmededeling.SECTIONS
        if key not in Raadsmededeling.OPTIONAL_SECTIONS or (texts.get(key) or "").strip()
    ]
    return {
        "mededeling": mededeling,
        "teksten": texts,
        "secties": sections,
        "gemeente": gemeente,
        "briefhoofd": letterhead(gemeente),
        # "van Deventer", also when the profile's name reads "Gemeente Deventer".
        "college_van": re.sub(r"^gemeente\s+", "", gemeente.naam, flags=re.IGNORECASE),
        "openbaar": public,
        "periode": period,
        "vorige_periode": period.previous(),
        "nu": period.code,
        "toen": period.previous().code,
        "momentopname": snapshot,
        "bijlage": pdf_appendix(period, versie=snapshot.versie if snapshot else None),
    }


def pdf_appendix(period: Period, *, versie: int | None = None) -> list[dict]:
    """The appendix figures with their charts as <img> data URIs (WeasyPrint tags them
    as figures with the alt text)."""
    from monitoring.charts import as_data_uri
    from monitoring.selectors import report_appendix

    sections = report_appendix(period, versie=versie)
    for section in sections:
        for fig in section["breakdowns"]:
            fig["chart_src"] = as_data_uri(str(fig["chart"])) if fig["chart"] else ""
    return sections


def section_headings() -> dict:
    return {
        "inleiding": _("Inleiding: waarom deze mededeling"),
        "kader": _("Kader"),
        "kern": _("Kern van de boodschap"),
        "toelichting": _("Nadere toelichting"),
        "communicatie": _("Communicatie"),
        "vervolg": _("Vervolg"),
    }
