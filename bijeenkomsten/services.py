"""Writes and rules for meetings: series, invitations, RSVP, attendance, minutes, actions.

Keyword-only, transactional, validated with full_clean() before save. Mails go
through notificatie_queue (stored first, sent by Celery after commit).
"""

from __future__ import annotations

import calendar as pycalendar
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from bijeenkomsten import fasen, ics
from bijeenkomsten.constants import Handeling
from bijeenkomsten.models import (
    AanwezigheidToestemming,
    Actie,
    ActieStatusWijziging,
    Agendapunt,
    Besluit,
    Bijeenkomst,
    BijeenkomstReeks,
    Bijlage,
    Uitnodiging,
)
from inclusie import dates
from inclusie.links import portal_url
from inclusie.models import Persoon, User
from inclusie.services import notificatie_queue

HERINNERING_DAGEN = 3


# --- series -----------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    days = [
        d
        for d in pycalendar.Calendar().itermonthdates(year, month)
        if d.month == month and d.weekday() == weekday
    ]
    if n == -1:
        return days[-1]
    return days[n - 1] if n - 1 < len(days) else None


def reeks_datums(reeks: BijeenkomstReeks) -> list[date]:
    """The dates a series produces, in order (`aantal` of them, from `eerste_datum`)."""
    result: list[date] = []
    if reeks.patroon == BijeenkomstReeks.Patroon.MAANDELIJKS:
        year, month = reeks.eerste_datum.year, reeks.eerste_datum.month
        while len(result) < reeks.aantal:
            day = _nth_weekday(year, month, reeks.weekdag, reeks.week_van_maand)
            if day and day >= reeks.eerste_datum:
                result.append(day)
            month += 1
            if month > 12:
                year, month = year + 1, 1
    else:
        day = reeks.eerste_datum + timedelta(
            days=(reeks.weekdag - reeks.eerste_datum.weekday()) % 7
        )
        while len(result) < reeks.aantal:
            result.append(day)
            day += timedelta(weeks=reeks.interval_weken)
    return result


def _aware(day: date, at) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


@transaction.atomic
def reeks_create(
    *, reeks: BijeenkomstReeks, by: User | None, rollen: Iterable[str] = ()
) -> list[Bijeenkomst]:
    """Save a series and create its meetings; each is independent afterwards.

    `rollen`: invite everyone with these roles (e.g. all ambassadors) to every
    meeting of the series; the mail goes out per meeting, when the organiser
    sends it.
    """
    reeks.organisator = reeks.organisator or by
    reeks.full_clean()
    reeks.save()
    made = []
    for day in reeks_datums(reeks):
        start = _aware(day, reeks.begintijd)
        bijeenkomst = Bijeenkomst(
            titel=reeks.titel,
            soort=reeks.soort,
            pijler=reeks.pijler,
            reeks=reeks,
            start=start,
            eind=start + timedelta(minutes=reeks.duur_minuten),
            locatie=reeks.locatie,
            online_link=reeks.online_link,
            organisator=reeks.organisator,
        )
        bijeenkomst.full_clean()
        made.append(bijeenkomst)
    Bijeenkomst.objects.bulk_create(made)
    rollen = list(rollen)
    if rollen:
        user_ids = list(
            User.objects.filter(role__in=rollen, is_active=True).values_list("pk", flat=True)
        )
        Uitnodiging.objects.bulk_create(
            [Uitnodiging(bijeenkomst=b, user_id=pk) for b in made for pk in user_ids],
            batch_size=500,
        )
    return made


# --- a single meeting -------------------------------------------------------


@transaction.atomic
def bijeenkomst_save(*, bijeenkomst: Bijeenkomst, by: User | None) -> Bijeenkomst:
    """Create or change a meeting. A change of time or place bumps the calendar
    version, marks a series meeting as moved and sends invitees who already got
    the invitation an updated one."""
    previous = (
        Bijeenkomst.objects.filter(pk=bijeenkomst.pk).values("start", "eind", "locatie").first()
        if bijeenkomst.pk
        else None
    )
    if bijeenkomst.pk is None and bijeenkomst.organisator_id is None:
        bijeenkomst.organisator = by
    changed = bool(
        previous
        and (
            previous["start"] != bijeenkomst.start
            or previous["eind"] != bijeenkomst.eind
            or previous["locatie"] != bijeenkomst.locatie
        )
    )
    if previous is not None:
        fasen.vereis(bijeenkomst, Handeling.WIJZIGEN)
    if changed and previous is not None:
        bijeenkomst.volgnummer += 1
        if bijeenkomst.reeks_id and previous["start"] != bijeenkomst.start:
            bijeenkomst.verplaatst = True
    bijeenkomst.full_clean()
    bijeenkomst.save()
    if changed:
        _mail_verzonden(
            bijeenkomst,
            onderwerp=_("Gewijzigd: %(titel)s") % {"titel": bijeenkomst.titel},
            inleiding=_("De bijeenkomst is gewijzigd. De nieuwe gegevens staan hieronder."),
        )
    return bijeenkomst


@transaction.atomic
def bijeenkomst_cancel(*, bijeenkomst: Bijeenkomst, reden: str, by: User | None) -> Bijeenkomst:
    """Cancel one meeting (also one of a series); the rest of the series stays."""
    if bijeenkomst.is_geannuleerd:
        return bijeenkomst
    fasen.vereis(bijeenkomst, Handeling.ANNULEREN)
    bijeenkomst.status = Bijeenkomst.Status.GEANNULEERD
    bijeenkomst.annuleringsreden = reden
    bijeenkomst.volgnummer += 1
    bijeenkomst.full_clean()
    bijeenkomst.save()
    _mail_verzonden(
        bijeenkomst,
        onderwerp=_("Geannuleerd: %(titel)s") % {"titel": bijeenkomst.titel},
        inleiding=_("Deze bijeenkomst gaat niet door.") + (f" {reden}" if reden else ""),
        method="CANCEL",
    )
    return bijeenkomst


# --- invitations, RSVP and attendance ---------------------------------------


@transaction.atomic
def uitnodigingen_add(
    *,
    bijeenkomst: Bijeenkomst,
    users: Iterable[User] = (),
    personen: Iterable[Persoon] = (),
    rollen: Iterable[str] = (),
) -> int:
    """Invite users, external persons, and/or everyone with a role. Returns the number added."""
    fasen.vereis(bijeenkomst, Handeling.UITNODIGEN)
    user_ids = {u.pk for u in users}
    rollen = list(rollen)
    if rollen:
        user_ids |= set(
            User.objects.filter(role__in=rollen, is_active=True).values_list("pk", flat=True)
        )
    persoon_ids = {p.pk for p in personen}
    have_users = set(
        bijeenkomst.uitnodigingen.filter(user__isnull=False).values_list("user_id", flat=True)
    )
    have_personen = set(
        bijeenkomst.uitnodigingen.filter(persoon__isnull=False).values_list("persoon_id", flat=True)
    )
    new = [Uitnodiging(bijeenkomst=bijeenkomst, user_id=pk) for pk in sorted(user_ids - have_users)]
    new += [
        Uitnodiging(bijeenkomst=bijeenkomst, persoon_id=pk)
        for pk in sorted(persoon_ids - have_personen)
    ]
    Uitnodiging.objects.bulk_create(new)
    return len(new)


def _ics_bijlage(
    bijeenkomst: Bijeenkomst, *, url: str, method: str, uitnodiging: Uitnodiging
) -> dict:
    """The calendar file of one invitee's mail: ORGANIZER and that invitee as ATTENDEE."""
    return {
        "naam": "uitnodiging.ics",
        "mimetype": f"text/calendar; method={method}",
        "inhoud": ics.calendar(
            [bijeenkomst],
            method=method,
            url_for=lambda _b: url,
            attendee=ics.Attendee.for_uitnodiging(uitnodiging),
        ),
    }


def _not_the_organiser(bijeenkomst: Bijeenkomst, qs):
    """The organiser made the meeting; RFC 5546 has no REQUEST or CANCEL to oneself."""
    return qs.exclude(user_id=bijeenkomst.organisator_id) if bijeenkomst.organisator_id else qs


def _mail_text(bijeenkomst: Bijeenkomst, inleiding: str, url: str, *, account: bool = True) -> str:
    start = timezone.localtime(bijeenkomst.start)
    eind = timezone.localtime(bijeenkomst.eind)
    waar = bijeenkomst.locatie or bijeenkomst.online_link or _("nog niet bekend")
    if not account:
        # Without an account the portal link leads nowhere: the calendar file is the invitation.
        return _(
            "%(inleiding)s\n\n%(titel)s\nWanneer: %(dag)s, %(van)s - %(tot)s uur\nWaar: %(waar)s\n\n"
            "Zet de bijeenkomst in uw agenda met de bijlage. Laat de organisator weten of u komt.\n\n"
            "Met vriendelijke groet,\nHet programmateam"
        ) % {
            "inleiding": inleiding,
            "titel": bijeenkomst.titel,
            "dag": dates.dag(start),
            "van": dates.tijd(start),
            "tot": dates.tijd(eind),
            "waar": waar,
        }
    return _(
        "%(inleiding)s\n\n%(titel)s\nWanneer: %(dag)s, %(van)s - %(tot)s uur\nWaar: %(waar)s\n\n"
        "Bekijk de agenda en geef door of u komt:\n%(url)s\n\n"
        "Met vriendelijke groet,\nHet programmateam"
    ) % {
        "inleiding": inleiding,
        "titel": bijeenkomst.titel,
        "dag": dates.dag(start),
        "van": dates.tijd(start),
        "tot": dates.tijd(eind),
        "waar": waar,
        "url": url,
    }


def _url(bijeenkomst: Bijeenkomst) -> str:
    return portal_url(bijeenkomst.get_absolute_url())


def _mail_invitee(
    uitnodiging: Uitnodiging, bijeenkomst: Bijeenkomst, *, onderwerp, inleiding, url, method
) -> None:
    """One invitation mail: to the account, or to the e-mail address of a person without one."""
    account = uitnodiging.user_id is not None
    notificatie_queue(
        ontvanger=uitnodiging.user if account else None,
        email="" if account else getattr(uitnodiging.persoon, "email", ""),
        onderwerp=onderwerp,
        tekst=_mail_text(bijeenkomst, inleiding, url, account=account),
        bijlagen=[_ics_bijlage(bijeenkomst, url=url, method=method, uitnodiging=uitnodiging)],
    )


def _mailbaar():
    """Invitees a mail can reach: an account, or a person with an e-mail address."""
    from django.db.models import Q

    return Q(user__isnull=False) | (Q(persoon__isnull=False) & ~Q(persoon__email=""))


def _mail_verzonden(
    bijeenkomst: Bijeenkomst, *, onderwerp: str, inleiding: str, method="REQUEST"
) -> int:
    """Mail invitees who already received the invitation (an update or cancellation)."""
    url = _url(bijeenkomst)
    sent = 0
    for uitnodiging in _not_the_organiser(
        bijeenkomst, bijeenkomst.uitnodigingen.filter(_mailbaar(), verzonden_op__isnull=False)
    ).select_related("user", "persoon"):
        _mail_invitee(
            uitnodiging,
            bijeenkomst,
            onderwerp=onderwerp,
            inleiding=inleiding,
            url=url,
            method=method,
        )
        sent += 1
    return sent


@transaction.atomic
def uitnodigingen_send(*, bijeenkomst: Bijeenkomst) -> int:
    """Mail the invitation with an .ics attachment to invitees not yet mailed.

    People without an account (ambassadors, klankbord members invited as a person) get
    it at their e-mail address, without the portal link; a person without an e-mail
    address is listed on the meeting and marked "niet per mail" for the organiser.
    """
    if bijeenkomst.is_geannuleerd:
        raise ValidationError(_("Een geannuleerde bijeenkomst kunt u niet versturen."))
    fasen.vereis(bijeenkomst, Handeling.UITNODIGEN)
    url = _url(bijeenkomst)
    # Lock the unsent rows first (no joins: PostgreSQL refuses FOR UPDATE across the
    # outer joins below), then read them with their account or person.
    locked = list(
        bijeenkomst.uitnodigingen.filter(verzonden_op__isnull=True)
        .select_for_update()
        .values_list("pk", flat=True)
    )
    todo = list(
        _not_the_organiser(
            bijeenkomst, Uitnodiging.objects.filter(_mailbaar(), pk__in=locked)
        ).select_related("user", "persoon")
    )
    inleiding = _("U bent uitgenodigd voor een bijeenkomst.")
    for uitnodiging in todo:
        _mail_invitee(
            uitnodiging,
            bijeenkomst,
            onderwerp=_("Uitnodiging: %(titel)s") % {"titel": bijeenkomst.titel},
            inleiding=inleiding,
            url=url,
            method="REQUEST",
        )
    Uitnodiging.objects.filter(pk__in=[u.pk for u in todo]).update(verzonden_op=timezone.now())
    return len(todo)


@transaction.atomic
def uitnodiging_rsvp(*, uitnodiging: Uitnodiging, antwoord: str) -> Uitnodiging:
    """The invitee answers: komt / komt niet / misschien."""
    if uitnodiging.bijeenkomst.is_geannuleerd:
        raise ValidationError(_("Deze bijeenkomst is geannuleerd."))
    if uitnodiging.bijeenkomst.is_voorbij:
        raise ValidationError(_("Deze bijeenkomst is al voorbij."))
    uitnodiging.antwoord = antwoord
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.full_clean()
    uitnodiging.save(update_fields=["antwoord", "beantwoord_op", "updated_at"])
    return uitnodiging


@transaction.atomic
def aanwezigheid_save(*, bijeenkomst: Bijeenkomst, waarden: dict[int, str]) -> int:
    """Record attendance for invitees of this meeting. Everything or nothing:
    an id that is not an invitation of this meeting is refused."""
    fasen.vereis(bijeenkomst, Handeling.AANWEZIGHEID)
    valid = set(Uitnodiging.Aanwezigheid.values)
    rows = {u.pk: u for u in bijeenkomst.uitnodigingen.select_for_update()}
    unknown = set(waarden) - set(rows)
    if unknown:
        raise ValidationError(_("U kunt alleen aanwezigheid invullen voor genodigden."))
    if any(v not in valid for v in waarden.values()):
        raise ValidationError(_("Kies voor iedereen een geldige aanwezigheid."))
    changed = []
    for pk, value in waarden.items():
        row = rows[pk]
        if row.aanwezigheid != value:
            row.aanwezigheid = value
            changed.append(row)
    # Saved one by one so the audit log records each person's change.
    for row in changed:
        row.save(update_fields=["aanwezigheid", "updated_at"])
    return len(changed)


@transaction.atomic
def toestemming_set(*, user: User, zichtbaar: bool) -> AanwezigheidToestemming:
    obj, _created = AanwezigheidToestemming.objects.select_for_update().get_or_create(user=user)
    if _created or obj.zichtbaar != zichtbaar:
        obj.zichtbaar = zichtbaar
        obj.vastgelegd_op = timezone.now()
        obj.full_clean()
        obj.save()
    return obj


@transaction.atomic
def agenda_token_reset(*, user: User) -> User:
    """Revoke the personal calendar feed URL by issuing a new secret token."""
    user.reset_calendar_token()
    return user


# --- agenda and minutes -------------------------------------------------------


# A closing item ("Rondvraag en afsluiting") stays last: new items land before it.
SLOTPUNT = re.compile(r"^\s*(rondvraag|afsluiting|sluiting)\b", re.IGNORECASE)


def _agenda_op_volgorde(bijeenkomst: Bijeenkomst) -> list[Agendapunt]:
    """The meeting's agenda items, locked, numbered 1..n in their current order."""
    punten = list(
        Agendapunt.objects.select_for_update()
        .filter(bijeenkomst=bijeenkomst)
        .order_by("volgorde", "pk")
    )
    for i, punt in enumerate(punten, start=1):
        if punt.volgorde != i:
            punt.volgorde = i
            punt.save(update_fields=["volgorde", "updated_at"])
    return punten


@transaction.atomic
def agendapunt_save(*, agendapunt: Agendapunt) -> Agendapunt:
    """Add or change an agenda item. A new one goes at the end of the agenda, before a
    closing "Rondvraag en afsluiting" when the agenda ends with one."""
    fasen.vereis(agendapunt.bijeenkomst, Handeling.AGENDA)
    if agendapunt.pk is None and not agendapunt.volgorde:
        punten = _agenda_op_volgorde(agendapunt.bijeenkomst)
        if punten and SLOTPUNT.match(punten[-1].titel) and not SLOTPUNT.match(agendapunt.titel):
            slot = punten[-1]
            agendapunt.volgorde = slot.volgorde
            slot.volgorde += 1
            slot.save(update_fields=["volgorde", "updated_at"])
        else:
            agendapunt.volgorde = len(punten) + 1
    agendapunt.full_clean()
    agendapunt.save()
    return agendapunt


OMHOOG, OMLAAG = "omhoog", "omlaag"


@transaction.atomic
def agendapunt_verplaats(*, agendapunt: Agendapunt, richting: str) -> tuple[int, int]:
    """Move an agenda item one place up or down; returns its new place and the count.

    At the top (or bottom) already, nothing changes.
    """
    if richting not in (OMHOOG, OMLAAG):
        raise ValidationError(_("Kies omhoog of omlaag."))
    fasen.vereis(agendapunt.bijeenkomst, Handeling.AGENDA)
    punten = _agenda_op_volgorde(agendapunt.bijeenkomst)
    i = next(n for n, p in enumerate(punten) if p.pk == agendapunt.pk)
    j = i - 1 if richting == OMHOOG else i + 1
    if 0 <= j < len(punten):
        a, b = punten[i], punten[j]
        a.volgorde, b.volgorde = b.volgorde, a.volgorde
        a.save(update_fields=["volgorde", "updated_at"])
        b.save(update_fields=["volgorde", "updated_at"])
        i = j
    agendapunt.volgorde = punten[i].volgorde
    return i + 1, len(punten)


class VerslagConflict(Exception):
    """Someone saved these notes since the version the writer started from."""

    def __init__(self, *, tekst: str, versie: int, op: datetime):
        super().__init__("verslag conflict")
        self.tekst, self.versie, self.op = tekst, versie, op


VERSLAG_ALGEMEEN = "algemeen"
VERSLAG_MAX_TEKST = 20000


@transaction.atomic
def verslag_aantekening_save(
    *, bijeenkomst: Bijeenkomst, veld: str, tekst: str, versie: int
) -> tuple[int, datetime]:
    """Save one part of the minutes: an agenda item's notes, or the general notes.

    `veld` is an agenda item's pk or ``"algemeen"``; `versie` the version the writer
    started from. A stale version is a :class:`VerslagConflict` (both texts stay, the
    writer chooses) - unless the stored text already is this text (a retry of a save
    that landed). Returns the new version and when it was saved.
    """
    fasen.vereis(bijeenkomst, Handeling.VERSLAG)
    if len(tekst) > VERSLAG_MAX_TEKST:
        raise ValidationError(
            _("Deze aantekeningen zijn te lang (meer dan %(n)s tekens).") % {"n": VERSLAG_MAX_TEKST}
        )
    tekst = tekst.replace("\x00", "")
    obj: Any
    if veld == VERSLAG_ALGEMEEN:
        obj = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
        tekst_veld, versie_veld = "verslag_algemeen", "verslag_algemeen_versie"
    else:
        obj = (
            Agendapunt.objects.select_for_update()
            .filter(
                bijeenkomst=bijeenkomst,
                pk=int(veld) if veld.isascii() and veld.isdigit() and len(veld) < 19 else 0,
            )
            .first()
        )
        if obj is None:
            raise ValidationError(_("Dit agendapunt bestaat niet (meer)."))
        tekst_veld, versie_veld = "aantekeningen", "aantekeningen_versie"
    huidig, huidige_versie = getattr(obj, tekst_veld), getattr(obj, versie_veld)
    if versie != huidige_versie:
        if huidig == tekst:
            return huidige_versie, obj.updated_at
        raise VerslagConflict(tekst=huidig, versie=huidige_versie, op=obj.updated_at)
    if huidig != tekst:
        setattr(obj, tekst_veld, tekst)
        setattr(obj, versie_veld, huidige_versie + 1)
        obj.save(update_fields=[tekst_veld, versie_veld, "updated_at"])
    return getattr(obj, versie_veld), obj.updated_at


def _clean_filename(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base)
    try:
        cleaned = get_valid_filename(base)
    except Exception:  # noqa: BLE001 - SuspiciousFileOperation for names like ".."
        cleaned = ""
    return cleaned[-120:] or "bijlage"


@transaction.atomic
def bijlage_add(*, agendapunt: Agendapunt, bestand, by: User | None) -> Bijlage:
    """Store an attachment (type and size checked by UploadValidator; name sanitised)."""
    fasen.vereis(agendapunt.bijeenkomst, Handeling.AGENDA)
    naam = _clean_filename(getattr(bestand, "name", "") or "bijlage")
    bestand.name = naam
    bijlage = Bijlage(agendapunt=agendapunt, naam=naam, bestand=bestand, geupload_door=by)
    bijlage.full_clean()
    bijlage.save()
    return bijlage


@transaction.atomic
def verslag_save(
    *, bijeenkomst: Bijeenkomst, algemeen: str, aantekeningen: dict[Agendapunt, str]
) -> Bijeenkomst:
    """Save the minutes: the general notes and the notes per agenda item, all or nothing."""
    fasen.vereis(bijeenkomst, Handeling.VERSLAG)
    bijeenkomst.verslag_algemeen = algemeen
    bijeenkomst.save(update_fields=["verslag_algemeen", "updated_at"])
    for punt, tekst in aantekeningen.items():
        punt.aantekeningen = tekst
        agendapunt_save(agendapunt=punt)
    return bijeenkomst


@transaction.atomic
def besluit_add(*, besluit: Besluit) -> Besluit:
    fasen.vereis(besluit.bijeenkomst, Handeling.BESLUIT)
    besluit.full_clean()
    besluit.save()
    return besluit


@transaction.atomic
def actie_save(*, actie: Actie) -> Actie:
    """Create or change an action item. An owner is required (the model enforces it).

    A new action comes from a meeting under way or its draft minutes; an existing one can
    be moved or handed on later, as actions carry over from meeting to meeting."""
    nieuw = actie.pk is None
    if nieuw:
        fasen.vereis(actie.bijeenkomst, Handeling.ACTIE)
        vorige = None
    else:
        vorige = Actie.objects.filter(pk=actie.pk).values_list("status", flat=True).first()
    actie.full_clean()
    actie.save()
    if actie.status != vorige:
        # Dated history: "open at the end of a half year" stays true after a reopen.
        ActieStatusWijziging.objects.create(actie=actie, status=actie.status)
    return actie


@transaction.atomic
def actie_gereed(*, actie: Actie) -> Actie:
    if actie.status != Actie.Status.GEREED:
        actie.status = Actie.Status.GEREED
        actie.gereed_op = timezone.now()
        actie.save(update_fields=["status", "gereed_op", "updated_at"])
        ActieStatusWijziging.objects.create(
            actie=actie, status=Actie.Status.GEREED, op=actie.gereed_op
        )
    return actie


@transaction.atomic
def verslag_vaststellen(*, bijeenkomst: Bijeenkomst, op: date) -> Bijeenkomst:
    """Mark the minutes as approved (usually at the next meeting)."""
    fasen.vereis(bijeenkomst, Handeling.VASTSTELLEN)
    if op < timezone.localtime(bijeenkomst.start).date():
        raise ValidationError(_("Een verslag kunt u pas vaststellen na de bijeenkomst."))
    bijeenkomst.verslag_status = Bijeenkomst.VerslagStatus.VASTGESTELD
    bijeenkomst.verslag_vastgesteld_op = op
    bijeenkomst.save(update_fields=["verslag_status", "verslag_vastgesteld_op", "updated_at"])
    return bijeenkomst


def actie_herinneringen_send(
    *, vandaag: date | None = None, dagen_vooraf: int = HERINNERING_DAGEN
) -> int:
    """Mail owners of open actions due within `dagen_vooraf` days.

    Idempotent: `herinnering_voor` records the deadline a reminder was sent for,
    so a second run (or a second worker) never mails twice for one deadline; a
    moved deadline gets its own reminder.
    """
    from django.db.models import F, Q

    vandaag = vandaag or timezone.localdate()
    sent = 0
    with transaction.atomic():
        locked = list(
            Actie.objects.select_for_update(skip_locked=True)
            .filter(
                status=Actie.Status.OPEN,
                deadline__gte=vandaag,
                deadline__lte=vandaag + timedelta(days=dagen_vooraf),
            )
            .filter(Q(herinnering_voor__isnull=True) | ~Q(herinnering_voor=F("deadline")))
            .values_list("pk", flat=True)
        )
        # Read the locked rows with their owner (outer joins: not in the locking query).
        due = (
            Actie.objects.filter(pk__in=locked)
            .filter(Q(eigenaar__isnull=False) | ~Q(eigenaar_persoon__email=""))
            .select_related("eigenaar", "eigenaar_persoon", "bijeenkomst")
        )
        for actie in due:
            datum = dates.datum(actie.deadline)
            onderwerp = _("Herinnering actiepunt: klaar op %(datum)s") % {"datum": datum}
            if actie.eigenaar_id:
                notificatie_queue(
                    ontvanger=actie.eigenaar,
                    onderwerp=onderwerp,
                    tekst=_(
                        "Beste %(naam)s,\n\nHet actiepunt '%(actie)s' uit '%(bijeenkomst)s' "
                        "moet klaar zijn op %(datum)s.\nIs het al gedaan? Meld het gereed in het "
                        "portaal: %(url)s\n\nMet vriendelijke groet,\nHet programmateam"
                    )
                    % {
                        "naam": getattr(actie.eigenaar, "get_short_name", str)(),
                        "actie": actie.omschrijving,
                        "bijeenkomst": actie.bijeenkomst.titel,
                        "datum": datum,
                        "url": portal_url(reverse("actie-list")),
                    },
                )
            else:
                # Without an account: the mail is the reminder; the organiser marks it done.
                notificatie_queue(
                    email=getattr(actie.eigenaar_persoon, "email", ""),
                    onderwerp=onderwerp,
                    tekst=_(
                        "Beste %(naam)s,\n\nHet actiepunt '%(actie)s' uit '%(bijeenkomst)s' "
                        "moet klaar zijn op %(datum)s.\nIs het al gedaan? Laat het de "
                        "organisator weten.\n\nMet vriendelijke groet,\nHet programmateam"
                    )
                    % {
                        "naam": getattr(actie.eigenaar_persoon, "naam", ""),
                        "actie": actie.omschrijving,
                        "bijeenkomst": actie.bijeenkomst.titel,
                        "datum": datum,
                    },
                )
            actie.herinnering_voor = actie.deadline
            actie.save(update_fields=["herinnering_voor", "updated_at"])
            sent += 1
    return sent


@transaction.atomic
def agendapunt_delete(*, agendapunt: Agendapunt) -> None:
    """Remove an agenda item with its attachments (files too, after commit)."""
    fasen.vereis(agendapunt.bijeenkomst, Handeling.AGENDA)
    files = [b.bestand.name for b in agendapunt.bijlagen.all() if b.bestand]
    agendapunt.delete()
    transaction.on_commit(lambda: _delete_files(files))


@transaction.atomic
def bijlage_delete(*, bijlage: Bijlage) -> None:
    fasen.vereis(bijlage.agendapunt.bijeenkomst, Handeling.AGENDA)
    name = bijlage.bestand.name
    bijlage.delete()
    transaction.on_commit(lambda: _delete_files([name]))


def _delete_files(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        if name:
            default_storage.delete(name)


@transaction.atomic
def uitnodiging_delete(*, uitnodiging: Uitnodiging) -> None:
    """Take someone off the list (before the meeting; attendance stays history after)."""
    fasen.vereis(uitnodiging.bijeenkomst, Handeling.UITNODIGEN)
    if uitnodiging.aanwezigheid != Uitnodiging.Aanwezigheid.ONBEKEND:
        raise ValidationError(
            _("Voor deze genodigde is de aanwezigheid al ingevuld; die blijft bewaard.")
        )
    uitnodiging.delete()


@transaction.atomic
def verslag_openbaar_maken(*, bijeenkomst: Bijeenkomst, by: User | None, sleutel: str, pdf_context):
    """Publish the public (redacted) minutes: irreversible, so only after the preview.

    `sleutel` is the fingerprint of the preview `by` saw; a changed text, a new
    person or a later redaction decision makes it stale and the publication is
    refused. `pdf_context(result)` builds the PDF context from the redaction.
    """
    from django.core.files.base import ContentFile

    from bijeenkomsten.selectors import openbaar_verslag_teksten
    from inclusie import publicatie
    from inclusie.pdf import render_to_pdf

    locked = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    if locked.openbaar_verslag_op:
        raise ValidationError(_("Het openbare verslag is al gepubliceerd."))
    if locked.verslag_status != Bijeenkomst.VerslagStatus.VASTGESTELD:
        raise ValidationError(_("Stel het verslag eerst vast; daarna kunt u het openbaar maken."))
    teksten, _labels = openbaar_verslag_teksten(bijeenkomst)
    result = publicatie.redactie(locked, teksten)
    publicatie.voorvertoning_controleren(document=locked, result=result, sleutel=sleutel, by=by)
    publicatie.lakregels_vastleggen(document=locked, result=result, by=by)
    context = pdf_context(result)
    title = result.teksten[f"bijeenkomst.{locked.pk}.titel"] + " - " + _("openbare versie")
    pdf = render_to_pdf("pdf/bijeenkomst.html", context, title=title)
    locked.openbaar_verslag.save(f"verslag-{locked.pk}-openbaar.pdf", ContentFile(pdf), save=False)
    locked.openbaar_verslag_op = timezone.now()
    locked.save(update_fields=["openbaar_verslag", "openbaar_verslag_op", "updated_at"])
    return locked
