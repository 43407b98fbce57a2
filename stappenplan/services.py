"""Writes for the verkenning and the stappenplan. Keyword-only, transactional, validated.

The heart is :func:`antwoord_save`: every answer carries a version number, and a
save based on an older version than the stored one is refused with
:class:`AntwoordConflict` (optimistic locking), so two advisers never silently
overwrite each other. Retrying a save that already landed is not a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inclusie.constants import Levensdomein
from inclusie.ids import parse_id
from inclusie.models import User, Wijk
from inclusie.reports import Rendered
from stappenplan.models import (
    Antwoord,
    Deel,
    ParticipatieActiviteit,
    Stap,
    StapActie,
    StapDocument,
    StapGebeurtenis,
    Verkenning,
    VerkenningGebeurtenis,
    VerkenningRapport,
    Vraag,
    Vragenlijst,
    Werkgroep,
    WerkgroepLid,
)
from stappenplan.models.verkenning import MAX_ANTWOORD


class AntwoordConflict(Exception):  # noqa: N818 - a domain term, not an error class name
    """The answer changed since the adviser loaded it; `current` is the stored answer."""

    def __init__(self, current: Antwoord) -> None:
        super().__init__("conflict")
        self.current = current


@dataclass(frozen=True)
class AntwoordInvoer:
    tekst: str = ""
    keuzes: tuple[str, ...] = ()
    overgeslagen: bool = False
    tip: str = ""


def _log(verkenning: Verkenning, actie: str, by: User | None, toelichting: str = "") -> None:
    VerkenningGebeurtenis.objects.create(
        verkenning=verkenning, actie=actie, door=by, toelichting=toelichting
    )


def ensure_editable(*, verkenning: Verkenning) -> None:
    if verkenning.is_ingediend:
        raise ValidationError(
            _("Deze verkenning is ingediend en kan niet meer worden gewijzigd. Heropen haar eerst.")
        )


def clean_invoer(*, vraag: Vraag, invoer: AntwoordInvoer) -> AntwoordInvoer:
    """Validate an answer against its question; raises ValidationError with Dutch messages."""
    errors: dict[str, str] = {}
    tekst = (invoer.tekst or "").replace("\x00", "")
    tip = (invoer.tip or "").replace("\x00", "")
    keuzes = tuple(invoer.keuzes)
    if len(tekst) > MAX_ANTWOORD:
        errors["tekst"] = _("Het antwoord is te lang: maximaal %(max)s tekens (nu %(n)s).") % {
            "max": MAX_ANTWOORD,
            "n": len(tekst),
        }
    if len(tip) > MAX_ANTWOORD:
        errors["tip"] = _("De toelichting is te lang: maximaal %(max)s tekens.") % {
            "max": MAX_ANTWOORD
        }
    soort = vraag.soort
    if soort == Vraag.Soort.LEVENSDOMEIN and tekst and tekst not in Levensdomein.values:
        errors["tekst"] = _("Kies een van de zes levensdomeinen uit de lijst.")
    if soort == Vraag.Soort.WIJK and tekst:
        wijk_id = parse_id(tekst)
        if wijk_id is None or not Wijk.objects.filter(pk=wijk_id).exists():
            errors["tekst"] = _("Deze wijk of kern bestaat niet. Kies er een uit de lijst.")
    if soort == Vraag.Soort.KEUZE and tekst and tekst not in vraag.opties:
        errors["tekst"] = _("Kies een van de mogelijkheden uit de lijst.")
    if soort == Vraag.Soort.MEERKEUZE:
        wrong = [k for k in keuzes if k not in vraag.opties]
        if wrong:
            errors["keuzes"] = _("Kies alleen uit de mogelijkheden in de lijst.")
        keuzes = tuple(o for o in vraag.opties if o in keuzes)
    else:
        keuzes = ()
    if errors:
        raise ValidationError(errors)
    return AntwoordInvoer(
        tekst=tekst, keuzes=keuzes, overgeslagen=bool(invoer.overgeslagen), tip=tip.strip()
    )


def _same(antwoord: Antwoord, invoer: AntwoordInvoer) -> bool:
    return (
        antwoord.tekst == invoer.tekst
        and list(antwoord.keuzes) == list(invoer.keuzes)
        and antwoord.overgeslagen == invoer.overgeslagen
        and antwoord.tip == invoer.tip
    )


@transaction.atomic
def antwoord_save(
    *, verkenning: Verkenning, vraag: Vraag, invoer: AntwoordInvoer, versie: int, by: User
) -> Antwoord:
    """Store one answer if `versie` is the stored version (0 for a first answer).

    Raises ValidationError for bad input or a submitted verkenning, and
    AntwoordConflict when someone else saved in between. Nothing is stored then.
    """
    locked = Verkenning.objects.select_for_update().get(pk=verkenning.pk)
    ensure_editable(verkenning=locked)
    if vraag.deel.vragenlijst_id != locked.vragenlijst_id:
        raise ValidationError(_("Deze vraag hoort niet bij deze verkenning."))
    invoer = clean_invoer(vraag=vraag, invoer=invoer)
    antwoord = Antwoord.objects.select_for_update().filter(verkenning=locked, vraag=vraag).first()
    if antwoord is None:
        antwoord = Antwoord(verkenning=locked, vraag=vraag, versie=0)
    if antwoord.versie != versie:
        if _same(antwoord, invoer):
            return antwoord  # a retry of a save that already landed
        raise AntwoordConflict(antwoord)
    if antwoord.pk and _same(antwoord, invoer):
        return antwoord
    antwoord.tekst = invoer.tekst
    antwoord.keuzes = list(invoer.keuzes)
    antwoord.overgeslagen = invoer.overgeslagen
    antwoord.tip = invoer.tip
    antwoord.versie = versie + 1
    antwoord.gewijzigd_door = by
    antwoord.full_clean(exclude=["verkenning", "vraag", "gewijzigd_door"])
    try:
        with transaction.atomic():
            antwoord.save()
    except IntegrityError:
        # A colleague created the first answer at the same moment.
        raise AntwoordConflict(Antwoord.objects.get(verkenning=locked, vraag=vraag)) from None
    # The levensdomein and wijk questions also set the verkenning's own fields.
    changes: dict = {"updated_at": timezone.now()}
    if vraag.soort == Vraag.Soort.LEVENSDOMEIN and invoer.tekst:
        changes["levensdomein"] = invoer.tekst
    elif vraag.soort == Vraag.Soort.WIJK:
        changes["wijk_id"] = int(invoer.tekst) if invoer.tekst and not invoer.overgeslagen else None
    Verkenning.objects.filter(pk=locked.pk).update(**changes)
    return antwoord


@transaction.atomic
def verkenning_create(
    *,
    vragenlijst: Vragenlijst,
    titel: str,
    jaar: int,
    eigenaar: User,
    levensdomein: str = "",
    wijk: Wijk | None = None,
    gedeeld_met: list[User] | tuple = (),
    notify: bool = True,
) -> Verkenning:
    """Start a verkenning with the questionnaire's current version."""
    if vragenlijst.vraagt_levensdomein and not levensdomein:
        raise ValidationError({"levensdomein": _("Kies een levensdomein voor deze verkenning.")})
    verkenning = Verkenning(
        vragenlijst=vragenlijst,
        titel=titel,
        jaar=jaar,
        levensdomein=levensdomein,
        wijk=wijk,
        eigenaar=eigenaar,
    )
    verkenning.full_clean()
    verkenning.save()
    # Deel 2 of Bijlage 1 starts with the choice made here.
    for vraag in Vraag.objects.filter(
        deel__vragenlijst=vragenlijst, soort__in=[Vraag.Soort.LEVENSDOMEIN, Vraag.Soort.WIJK]
    ):
        waarde = levensdomein if vraag.soort == Vraag.Soort.LEVENSDOMEIN else wijk
        if waarde:
            Antwoord.objects.create(
                verkenning=verkenning,
                vraag=vraag,
                tekst=str(waarde.pk if isinstance(waarde, Wijk) else waarde),
                versie=1,
                gewijzigd_door=eigenaar,
            )
    _log(verkenning, VerkenningGebeurtenis.Actie.AANGEMAAKT, eigenaar)
    if gedeeld_met:
        verkenning_share(verkenning=verkenning, met=list(gedeeld_met), by=eigenaar, notify=notify)
    return verkenning


@transaction.atomic
def verkenning_share(
    *, verkenning: Verkenning, met: list[User], by: User, notify: bool = True
) -> Verkenning:
    """Share with colleagues (beleidsadviseurs); each new one gets a mail (`notify`, not
    for demo data) and sees the verkenning under "Met u gedeeld" on their home page."""
    from inclusie.constants import Role

    nieuw = [u for u in met if u.pk != verkenning.eigenaar_id]
    if any(u.role != Role.BELEIDSADVISEUR for u in nieuw):
        raise ValidationError(_("U kunt een verkenning alleen delen met beleidsadviseurs."))
    al = set(verkenning.gedeeld_met.values_list("pk", flat=True))
    nieuw = [u for u in nieuw if u.pk not in al]
    verkenning.gedeeld_met.add(*nieuw)
    if nieuw:
        _log(
            verkenning,
            VerkenningGebeurtenis.Actie.GEDEELD,
            by,
            ", ".join(u.get_full_name() for u in nieuw),
        )
    for collega in nieuw if notify else []:
        _tell_shared(verkenning=verkenning, collega=collega, by=by)
    return verkenning


def _tell_shared(*, verkenning: Verkenning, collega: User, by: User) -> None:
    """Mail the colleague a verkenning was shared with; their home page lists it too."""
    from django.urls import reverse

    from inclusie.links import portal_url
    from inclusie.services import notificatie_queue

    door = by.get_full_name() or by.get_username()
    notificatie_queue(
        ontvanger=collega,
        onderwerp=_("%(door)s deelt een verkenning met u: %(titel)s")
        % {"door": door, "titel": verkenning.titel},
        tekst=_(
            "Beste %(naam)s,\n\n"
            "%(door)s heeft de verkenning '%(titel)s' met u gedeeld. "
            "U kunt de vragen nu samen beantwoorden; wat u typt, wordt vanzelf bewaard.\n\n"
            "Open de verkenning in het Inclusie Portaal:\n%(url)s\n\n"
            "Met vriendelijke groet,\nHet Inclusie Portaal"
        )
        % {
            "naam": collega.get_short_name() or collega.get_username(),
            "door": door,
            "titel": verkenning.titel,
            "url": portal_url(reverse("verkenning-detail", args=[verkenning.pk])),
        },
    )


@transaction.atomic
def verkenning_share_set(*, verkenning: Verkenning, met: list[User], by: User) -> Verkenning:
    """Set exactly who co-edits; additions and removals are logged."""
    from inclusie.constants import Role

    gewenst = {u.pk: u for u in met if u.pk != verkenning.eigenaar_id}
    if any(u.role != Role.BELEIDSADVISEUR for u in gewenst.values()):
        raise ValidationError(_("U kunt een verkenning alleen delen met beleidsadviseurs."))
    huidig = {u.pk: u for u in verkenning.gedeeld_met.all()}
    weg = [u for pk, u in huidig.items() if pk not in gewenst]
    erbij = [u for pk, u in gewenst.items() if pk not in huidig]
    if weg:
        verkenning.gedeeld_met.remove(*weg)
        _log(
            verkenning,
            VerkenningGebeurtenis.Actie.GEDEELD,
            by,
            _("niet meer gedeeld met %(namen)s")
            % {"namen": ", ".join(u.get_full_name() for u in weg)},
        )
    if erbij:
        verkenning_share(verkenning=verkenning, met=erbij, by=by)
    return verkenning


@transaction.atomic
def verkenning_submit(*, verkenning: Verkenning, by: User) -> Verkenning:
    locked = Verkenning.objects.select_for_update().get(pk=verkenning.pk)
    ensure_editable(verkenning=locked)
    locked.status = Verkenning.Status.INGEDIEND
    locked.ingediend_op = timezone.now()
    locked.save(update_fields=["status", "ingediend_op", "updated_at"])
    _log(locked, VerkenningGebeurtenis.Actie.INGEDIEND, by)
    return locked


@transaction.atomic
def verkenning_reopen(*, verkenning: Verkenning, by: User, reden: str) -> Verkenning:
    """Make a submitted verkenning editable again; the reason is logged."""
    locked = Verkenning.objects.select_for_update().get(pk=verkenning.pk)
    if not locked.is_ingediend:
        raise ValidationError(_("Deze verkenning is niet ingediend; heropenen is niet nodig."))
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Schrijf kort op waarom u de verkenning heropent.")})
    locked.status = Verkenning.Status.CONCEPT
    locked.ingediend_op = None
    locked.save(update_fields=["status", "ingediend_op", "updated_at"])
    _log(locked, VerkenningGebeurtenis.Actie.HEROPEND, by, reden[:2000])
    return locked


@transaction.atomic
def vraag_wijzigen(*, vraag: Vraag, tekst: str, hulptekst: str = "") -> Vraag:
    """Change a question's text. In use? Then the questionnaire gets a new version."""
    vragenlijst = vraag.deel.vragenlijst
    if not Verkenning.objects.filter(vragenlijst=vragenlijst).exists():
        vraag.tekst, vraag.hulptekst = tekst, hulptekst
        vraag.full_clean()
        vraag.save()
        return vraag
    nieuwe = vragenlijst_nieuwe_versie(vragenlijst=vragenlijst)
    kopie = Vraag.objects.get(
        deel__vragenlijst=nieuwe, nummer=vraag.nummer, deel__nummer=vraag.deel.nummer
    )
    kopie.tekst, kopie.hulptekst = tekst, hulptekst
    kopie.full_clean()
    kopie.save()
    return kopie


@transaction.atomic
def vragenlijst_nieuwe_versie(
    *, vragenlijst: Vragenlijst, actief: bool = True, door_gemeente: bool = False
) -> Vragenlijst:
    """Copy a questionnaire to version n+1; the copy becomes the active version.

    With `actief=False` the copy is a concept the beheerder edits before taking it
    into use (vragenlijst_in_gebruik_nemen); the version in use stays in use.
    """
    versions = Vragenlijst.objects.select_for_update().filter(code=vragenlijst.code)
    latest = versions.order_by("-versie").first()
    if actief:
        versions.update(actief=False)
    nieuwe = Vragenlijst.objects.create(
        code=vragenlijst.code,
        versie=(latest or vragenlijst).versie + 1,
        titel=vragenlijst.titel,
        inleiding=vragenlijst.inleiding,
        bron=vragenlijst.bron,
        vraagt_levensdomein=vragenlijst.vraagt_levensdomein,
        volgorde=vragenlijst.volgorde,
        actief=actief,
        door_gemeente=door_gemeente,
    )
    for deel in vragenlijst.delen.all():
        kopie = Deel.objects.create(
            vragenlijst=nieuwe, nummer=deel.nummer, titel=deel.titel, toelichting=deel.toelichting
        )
        mapping: dict[int, Vraag] = {}
        for vraag in deel.vragen.order_by("volgorde"):
            mapping[vraag.pk] = Vraag.objects.create(
                deel=kopie,
                hoofdvraag=mapping.get(vraag.hoofdvraag_id) if vraag.hoofdvraag_id else None,
                nummer=vraag.nummer,
                tekst=vraag.tekst,
                hulptekst=vraag.hulptekst,
                soort=vraag.soort,
                opties=vraag.opties,
                volgorde=vraag.volgorde,
            )
    return nieuwe


# --- reports ------------------------------------------------------------------


@transaction.atomic
def rapport_request(*, verkenning: Verkenning, by: User) -> VerkenningRapport:
    """A PDF request is a row first; the core's report pipeline renders it after commit."""
    from inclusie.reports import report_enqueue

    rapport = VerkenningRapport(verkenning=verkenning, aangevraagd_door=by)
    rapport.full_clean()
    rapport.save()
    report_enqueue(rapport)
    return rapport


def rapport_render(rapport: VerkenningRapport) -> Rendered:
    """The renderer registered for VerkenningRapport rows (stappenplan/registration.py)."""
    from inclusie.pdf import render_to_pdf
    from stappenplan import selectors as sel

    verkenning = sel.verkenning_with_related(pk=rapport.verkenning_id)
    data = render_to_pdf(
        "pdf/verkenning.html",
        {"verkenning": verkenning, "delen": sel.verkenning_structuur(verkenning=verkenning)},
        title=_("Verkenning: %(titel)s") % {"titel": verkenning.titel},
    )
    return Rendered(
        pdf=data,
        filename=f"verkenning-{verkenning.pk}-{rapport.pk}.pdf",
        fields={"antwoorden_stand": verkenning.updated_at},
    )


# --- stappenplan ----------------------------------------------------------------


@transaction.atomic
def stap_update(
    *, stap: Stap, status: str, notities: str, verkenning: Verkenning | None, by: User
) -> Stap:
    """Change a step's status, notes or linked verkenning; each change goes into its history."""
    previous = Stap.objects.select_for_update().get(pk=stap.pk)
    stap.status, stap.notities, stap.verkenning = status, notities, verkenning
    stap.full_clean()
    stap.save()
    if previous.status != stap.status:
        StapGebeurtenis.objects.create(
            stap=stap,
            door=by,
            status=stap.status,
            tekst=_("Status gewijzigd van '%(oud)s' naar '%(nieuw)s'.")
            % {"oud": previous.get_status_display(), "nieuw": stap.get_status_display()},
        )
    if previous.notities != stap.notities:
        StapGebeurtenis.objects.create(stap=stap, door=by, tekst=_("Notities bijgewerkt."))
    if previous.verkenning_id != stap.verkenning_id:
        StapGebeurtenis.objects.create(
            stap=stap,
            door=by,
            tekst=_("Gekoppelde verkenning: %(v)s.") % {"v": verkenning or _("geen")},
        )
    return stap


@transaction.atomic
def stap_actie_add(*, actie: StapActie, by: User) -> StapActie:
    actie.full_clean()
    actie.save()
    StapGebeurtenis.objects.create(
        stap=actie.stap,
        door=by,
        tekst=(_("Actie toegevoegd: %(a)s") % {"a": actie.omschrijving})[:300],
    )
    return actie


@transaction.atomic
def stap_actie_afronden(*, actie: StapActie, by: User) -> StapActie:
    """Tick off a next action (idempotent); the step's history records it."""
    if actie.afgerond:
        return actie
    actie.afgerond = True
    actie.save(update_fields=["afgerond", "updated_at"])
    StapGebeurtenis.objects.create(
        stap=actie.stap,
        door=by,
        tekst=(_("Actie afgerond: %(a)s") % {"a": actie.omschrijving})[:300],
    )
    return actie


@transaction.atomic
def stap_document_add(*, document: StapDocument, by: User) -> StapDocument:
    document.door = by
    document.full_clean()
    document.save()
    StapGebeurtenis.objects.create(
        stap=document.stap,
        door=by,
        tekst=(_("Bewijsstuk toegevoegd: %(t)s") % {"t": document.titel})[:300],
    )
    return document


@transaction.atomic
def werkgroep_save(*, werkgroep: Werkgroep) -> Werkgroep:
    werkgroep.full_clean()
    werkgroep.save()
    return werkgroep


@transaction.atomic
def werkgroep_lid_add(*, lid: WerkgroepLid, kennis) -> WerkgroepLid:
    if WerkgroepLid.objects.filter(werkgroep=lid.werkgroep, persoon=lid.persoon).exists():
        raise ValidationError({"persoon": _("Deze persoon zit al in de werkgroep.")})
    lid.full_clean()
    lid.save()
    lid.kennis.set(kennis)
    return lid


@transaction.atomic
def participatie_save(*, activiteit: ParticipatieActiviteit, bereikt) -> ParticipatieActiviteit:
    activiteit.full_clean()
    activiteit.save()
    activiteit.bereikt.set(bereikt)
    return activiteit


# --- questionnaire versions, kept by the beheerder on the portal's pages ----------------
#
# A version in use (new verkenningen get it) or answered in a verkenning is never edited:
# the beheerder makes a concept from it, edits the concept's questions and takes it into
# use. Verkenningen keep the version they were made with.


def vragenlijst_bewerkbaar(vragenlijst: Vragenlijst) -> bool:
    return not vragenlijst.actief and not vragenlijst.verkenningen.exists()


def _ensure_bewerkbaar(vragenlijst: Vragenlijst) -> None:
    if vragenlijst.actief:
        raise ValidationError(
            _("Versie %(v)s is in gebruik en wordt niet gewijzigd. Maak een nieuwe versie.")
            % {"v": vragenlijst.versie}
        )
    if vragenlijst.verkenningen.exists():
        raise ValidationError(
            _(
                "Versie %(v)s is al gebruikt in een verkenning en wordt niet gewijzigd. "
                "Maak een nieuwe versie."
            )
            % {"v": vragenlijst.versie}
        )


def vragenlijst_open_concept(*, code: str) -> Vragenlijst | None:
    """The concept of this questionnaire the beheerder is working on, if any."""
    concepten = Vragenlijst.objects.filter(code=code, actief=False, door_gemeente=True)
    for concept in concepten.order_by("-versie"):
        if not concept.verkenningen.exists():
            return concept
    return None


@transaction.atomic
def vragenlijst_concept_maken(*, vragenlijst: Vragenlijst) -> Vragenlijst:
    """A new version to edit, copied from `vragenlijst`; one open concept per questionnaire."""
    bestaand = vragenlijst_open_concept(code=vragenlijst.code)
    if bestaand is not None:
        return bestaand
    return vragenlijst_nieuwe_versie(vragenlijst=vragenlijst, actief=False, door_gemeente=True)


@transaction.atomic
def vragenlijst_in_gebruik_nemen(*, vragenlijst: Vragenlijst) -> Vragenlijst:
    """New verkenningen get this version from now on; verkenningen made keep theirs."""
    if not vragenlijst.delen.filter(vragen__isnull=False).exists():
        raise ValidationError(_("Een vragenlijst zonder vragen kan niet in gebruik."))
    andere = Vragenlijst.objects.select_for_update().filter(code=vragenlijst.code, actief=True)
    for oud in andere.exclude(pk=vragenlijst.pk):
        oud.actief = False
        oud.save(update_fields=["actief", "updated_at"])  # one by one: each in the audit log
    vragenlijst.actief = True
    vragenlijst.save(update_fields=["actief", "updated_at"])
    return vragenlijst


@transaction.atomic
def vragenlijst_gegevens_wijzigen(*, vragenlijst: Vragenlijst, titel: str, inleiding: str):
    _ensure_bewerkbaar(vragenlijst)
    vragenlijst.titel, vragenlijst.inleiding = titel, inleiding
    vragenlijst.full_clean()
    vragenlijst.save()
    return vragenlijst


KEUZE_SOORTEN = (Vraag.Soort.KEUZE, Vraag.Soort.MEERKEUZE)


def _clean_opties(soort: str, opties: list[str]) -> list[str]:
    opties = [o.strip() for o in opties if o.strip()]
    if soort in KEUZE_SOORTEN:
        if len(opties) < 2:
            raise ValidationError(
                {"opties": _("Geef minstens twee keuzes, elk op een eigen regel.")}
            )
        if len(set(opties)) != len(opties):
            raise ValidationError({"opties": _("Elke keuze mag maar één keer voorkomen.")})
        return opties
    return []


@transaction.atomic
def vraag_bewerken(*, vraag: Vraag, tekst: str, hulptekst: str, opties: list[str]) -> Vraag:
    """Change a question of a concept version (never of a version in use)."""
    _ensure_bewerkbaar(vraag.deel.vragenlijst)
    vraag.tekst, vraag.hulptekst = tekst, hulptekst
    vraag.opties = (
        _clean_opties(vraag.soort, opties) if vraag.soort in KEUZE_SOORTEN else vraag.opties
    )
    vraag.full_clean()
    vraag.save()
    return vraag


@transaction.atomic
def vraag_toevoegen(
    *, deel: Deel, nummer: str, tekst: str, hulptekst: str, soort: str, opties: list[str]
) -> Vraag:
    """A new question at the end of a part of a concept version."""
    _ensure_bewerkbaar(deel.vragenlijst)
    nummer = nummer.strip()
    if Vraag.objects.filter(deel__vragenlijst=deel.vragenlijst, nummer=nummer).exists():
        raise ValidationError(
            {"nummer": _("Vraag %(n)s bestaat al in deze versie.") % {"n": nummer}}
        )
    laatste = deel.vragen.order_by("-volgorde").first()
    vraag = Vraag(
        deel=deel,
        nummer=nummer,
        tekst=tekst,
        hulptekst=hulptekst,
        soort=soort,
        opties=_clean_opties(soort, opties),
        volgorde=(laatste.volgorde + 1) if laatste else 1,
    )
    vraag.full_clean()
    vraag.save()
    return vraag


@transaction.atomic
def vraag_verwijderen(*, vraag: Vraag) -> None:
    """Remove a question (and its sub-questions) from a concept version."""
    _ensure_bewerkbaar(vraag.deel.vragenlijst)
    vraag.delete()
