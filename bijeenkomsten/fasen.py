"""The phase of a meeting and what an organiser can do in it: the one place that decides.

A meeting is planned (``voor``), under way (``tijdens``, from half an hour before the
start, when people come in, until the end), over with minutes in draft (``na``), over
with approved minutes (``vastgesteld``), or cancelled. Each phase allows some
:class:`~bijeenkomsten.constants.Handeling` and offers one of them as the primary
action. The meeting page shows what :func:`stand` returns; the views refuse what it
does not allow (:func:`weigering`) and the services check the same (:func:`vereis`),
so a stale page or a hand-made request cannot approve minutes twice or cancel a
meeting that took place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from bijeenkomsten.constants import (
    Aanwezigheid,
    BijeenkomstStatus,
    Fase,
    Handeling,
    VerslagStatus,
)

if TYPE_CHECKING:
    from bijeenkomsten.models import Bijeenkomst

# Attendance is taken at the door: the meeting counts as under way this long before it starts.
DEUREN_OPEN = timedelta(minutes=30)

H = Handeling


def fase(bijeenkomst: Bijeenkomst, *, nu: datetime | None = None) -> Fase:
    """The phase of `bijeenkomst` at `nu` (default: now)."""
    nu = nu or timezone.now()
    if bijeenkomst.status == BijeenkomstStatus.GEANNULEERD:
        return Fase.GEANNULEERD
    if bijeenkomst.verslag_status == VerslagStatus.VASTGESTELD:
        return Fase.VASTGESTELD
    if nu < bijeenkomst.start - DEUREN_OPEN:
        return Fase.VOOR
    if nu < bijeenkomst.eind:
        return Fase.TIJDENS
    return Fase.NA


@dataclass(frozen=True)
class Stand:
    """A meeting's phase, the actions it allows (in menu order) and the primary one."""

    fase: Fase
    handelingen: tuple[Handeling, ...]
    primair: Handeling | None = None

    def mag(self, handeling: Handeling | str) -> bool:
        return handeling in self.handelingen

    @property
    def overige(self) -> tuple[Handeling, ...]:
        """The allowed actions besides the primary one: the secondary menu."""
        return tuple(h for h in self.handelingen if h != self.primair)


def _iets_vastgelegd(b: Bijeenkomst) -> bool:
    """Did the meeting take place on record: attendance, notes, a decision or an action?

    Reads through ``.all()`` so the meeting page's prefetched rows are used.
    """
    return bool(
        b.verslag_algemeen
        or any(u.aanwezigheid != Aanwezigheid.ONBEKEND for u in b.uitnodigingen.all())
        or any(p.aantekeningen for p in b.agendapunten.all())
        or b.besluiten.all()
        or b.acties.all()
    )


def _uitnodiging_open(b: Bijeenkomst) -> bool:
    """No one invited yet, or someone a mail can reach has not had the invitation."""
    rows = list(b.uitnodigingen.all())
    if not rows:
        return True
    return any(
        u.verzonden_op is None
        and u.user_id != b.organisator_id
        and (u.user_id is not None or bool(u.persoon and u.persoon.email))
        for u in rows
    )


def heeft_verslag(b: Bijeenkomst) -> bool:
    return bool(b.verslag_algemeen or any(p.aantekeningen for p in b.agendapunten.all()))


def stand(bijeenkomst: Bijeenkomst, *, nu: datetime | None = None) -> Stand:
    """What an organiser can do with `bijeenkomst` now, and what to offer first."""
    nu = nu or timezone.now()
    b = bijeenkomst
    f = fase(b, nu=nu)
    if f == Fase.GEANNULEERD:
        return Stand(f, ())
    if f == Fase.VOOR:
        primair = H.AGENDA
        if b.agendapunten.all() and _uitnodiging_open(b):
            primair = H.UITNODIGEN
        return Stand(f, (H.AGENDA, H.UITNODIGEN, H.WIJZIGEN, H.ANNULEREN), primair)
    if f == Fase.TIJDENS:
        acties = [H.AANWEZIGHEID, H.VERSLAG, H.BESLUIT, H.ACTIE, H.AGENDA, H.UITNODIGEN]
        acties.append(H.WIJZIGEN)
        if nu < b.start:
            acties.append(H.ANNULEREN)
        return Stand(f, tuple(acties), H.AANWEZIGHEID)
    if f == Fase.NA:
        acties = [H.VERSLAG, H.VASTSTELLEN, H.AANWEZIGHEID, H.BESLUIT, H.ACTIE, H.AGENDA]
        acties.append(H.OPENBAAR)
        if not _iets_vastgelegd(b):
            # It never took place on record: the organiser may still say it did not go ahead.
            acties.append(H.ANNULEREN)
        return Stand(f, tuple(acties), H.VASTSTELLEN if heeft_verslag(b) else H.VERSLAG)
    # Approved minutes: the meeting is history; only the public version remains.
    if b.openbaar_verslag_op:
        return Stand(f, ())
    return Stand(f, (H.OPENBAAR,), H.OPENBAAR)


def weigering(
    bijeenkomst: Bijeenkomst, handeling: Handeling | str, *, nu: datetime | None = None
) -> str | None:
    """Why `handeling` does not fit the meeting now, in the user's words; None if it does."""
    s = stand(bijeenkomst, nu=nu)
    if s.mag(handeling):
        return None
    if s.fase == Fase.GEANNULEERD:
        return _("Deze bijeenkomst is geannuleerd.")
    if s.fase == Fase.VASTGESTELD:
        if handeling == H.OPENBAAR:
            return _("Het openbare verslag is al gepubliceerd.")
        return _("Het verslag is vastgesteld. Daarna verandert er niets meer aan deze bijeenkomst.")
    if handeling == H.VASTSTELLEN:
        return _("Een verslag kunt u pas vaststellen na de bijeenkomst.")
    if s.fase == Fase.VOOR:
        return _("Dit kan pas als de bijeenkomst begint.")
    if handeling == H.ANNULEREN:
        if s.fase == Fase.TIJDENS:
            return _("De bijeenkomst is al begonnen.")
        return _("Er is al aanwezigheid of een verslag vastgelegd: de bijeenkomst is doorgegaan.")
    return _("De bijeenkomst is voorbij.")


def vereis(bijeenkomst: Bijeenkomst, handeling: Handeling | str) -> None:
    """Raise a ValidationError when `handeling` does not fit the meeting now."""
    reden = weigering(bijeenkomst, handeling)
    if reden:
        raise ValidationError(reden)
