"""Writes and business rules of the Deal. Keyword-only, transactional, validated."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deal.constants import Fase, InitiatiefStatus, is_regular_step
from deal.models import (
    Contactmoment,
    FaseWijziging,
    GezamenlijkeDoelstelling,
    Initiatief,
    KennisItem,
    Partner,
    Toezegging,
    ToezeggingStatusWijziging,
    Voortgang,
)
from inclusie import dates
from inclusie.models import Organisatie, User

PUBLIC_CACHE_KEY = "deal:openbaar"


def public_cache_clear() -> None:
    """The public Deal page is cached briefly; a write here shows at once in every process
    (the cache is shared through Redis when REDIS_URL is set)."""
    cache.delete_many([PUBLIC_CACHE_KEY, PUBLIC_CACHE_KEY + ":versie"])


def _check_date(datum: datetime.date | None, field: str) -> None:
    if datum is None:
        raise ValidationError({field: _("Vul een datum in.")})
    if datum > timezone.localdate():
        raise ValidationError({field: _("De datum mag niet in de toekomst liggen.")})


@transaction.atomic
def partner_create(
    *,
    organisatie: Organisatie,
    by: User | None,
    fase: str = Fase.VERKEND,
    datum: datetime.date | None = None,
    pijlers: Iterable = (),
    contactpersonen: Iterable = (),
    volgende_actie: str = "",
    volgende_actie_op: datetime.date | None = None,
) -> Partner:
    """Bring an organisation into the Deal's pipeline (a new organisation is saved first)."""
    datum = datum or timezone.localdate()
    _check_date(datum, "datum")
    if fase == Fase.ONDERTEKEND:
        raise ValidationError(
            {
                "fase": _(
                    "Een ondertekening legt u vast via 'Ondertekening vastleggen', met datum "
                    "en ondertekenaar."
                )
            }
        )
    if organisatie.pk is None:
        organisatie.full_clean()
        organisatie.save()
    elif Partner.objects.filter(organisatie=organisatie).exists():
        raise ValidationError(
            {"organisatie": _("Deze organisatie staat al in de Deal.")}, code="duplicate"
        )
    partner = Partner(
        organisatie=organisatie,
        fase=fase,
        fase_sinds=datum,
        volgende_actie=volgende_actie,
        volgende_actie_op=volgende_actie_op,
    )
    partner.full_clean()
    partner.save()
    partner.pijlers.set(pijlers)
    partner.contactpersonen.set(contactpersonen)
    FaseWijziging.objects.create(
        partner=partner,
        van="",
        naar=fase,
        datum=datum,
        door=by,
        reden=_("Opgenomen in de Deal"),
    )
    public_cache_clear()
    return partner


@transaction.atomic
def partner_update(
    *,
    partner: Partner,
    pijlers: Iterable | None = None,
    contactpersonen: Iterable | None = None,
) -> Partner:
    partner.full_clean()
    partner.save()
    if pijlers is not None:
        partner.pijlers.set(pijlers)
    if contactpersonen is not None:
        partner.contactpersonen.set(contactpersonen)
    public_cache_clear()
    return partner


@transaction.atomic
def partner_move(
    *,
    partner: Partner,
    naar: str,
    by: User | None,
    datum: datetime.date | None = None,
    reden: str = "",
) -> Partner:
    """Move a partner to another stage.

    One step forward needs no reason; skipping a stage, going back or stopping
    needs one. Signing goes through :func:`partner_sign` (date and signatory).
    """
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    datum = datum or timezone.localdate()
    if naar not in Fase.values:
        raise ValidationError({"naar": _("Kies een fase uit de lijst.")})
    if naar == partner.fase:
        raise ValidationError({"naar": _("De partner staat al in deze fase.")})
    if naar == Fase.ONDERTEKEND:
        raise ValidationError(
            {
                "naar": _(
                    "Een ondertekening legt u vast via 'Ondertekening vastleggen', met datum "
                    "en ondertekenaar."
                )
            }
        )
    _check_date(datum, "datum")
    if datum < partner.fase_sinds:
        raise ValidationError(
            {
                "datum": _("De datum ligt voor de vorige fasewijziging (%(d)s).")
                % {"d": dates.datum(partner.fase_sinds)}
            }
        )
    reden = (reden or "").strip()
    if not is_regular_step(partner.fase, naar) and not reden:
        raise ValidationError(
            {
                "reden": _(
                    "Deze wijziging slaat een fase over, gaat terug of stopt. Geef een reden op."
                )
            }
        )
    FaseWijziging.objects.create(
        partner=partner, van=partner.fase, naar=naar, datum=datum, reden=reden, door=by
    )
    partner.fase = naar
    partner.fase_sinds = datum
    partner.save(update_fields=["fase", "fase_sinds", "updated_at"])
    public_cache_clear()
    return partner


@transaction.atomic
def partner_sign(
    *,
    partner: Partner,
    ondertekend_op: datetime.date | None,
    ondertekenaar_naam: str,
    ondertekenaar_functie: str = "",
    document=None,
    by: User | None,
    reden: str = "",
) -> Partner:
    """Record the signing: date (not in the future), signatory, optional signed PDF."""
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    errors: dict[str, str] = {}
    if partner.fase == Fase.ONDERTEKEND:
        errors["ondertekend_op"] = _("Deze partner heeft al ondertekend.")
    if ondertekend_op is None:
        errors["ondertekend_op"] = _("Vul de datum van ondertekening in.")
    elif ondertekend_op > timezone.localdate():
        errors["ondertekend_op"] = _("De datum van ondertekening mag niet in de toekomst liggen.")
    elif ondertekend_op < partner.fase_sinds:
        errors["ondertekend_op"] = _("De datum ligt voor de vorige fasewijziging (%(d)s).") % {
            "d": dates.datum(partner.fase_sinds)
        }
    if not (ondertekenaar_naam or "").strip():
        errors["ondertekenaar_naam"] = _("Vul in wie heeft ondertekend.")
    reden = (reden or "").strip()
    if not is_regular_step(partner.fase, Fase.ONDERTEKEND) and not reden:
        errors["reden"] = _(
            "De partner is nog niet aangehaakt; ondertekenen slaat een fase over. Geef een reden op."
        )
    if errors:
        raise ValidationError(errors)
    assert ondertekend_op is not None  # checked above
    van = partner.fase
    partner.fase = Fase.ONDERTEKEND
    partner.fase_sinds = ondertekend_op
    partner.ondertekend_op = ondertekend_op
    partner.ondertekenaar_naam = ondertekenaar_naam.strip()
    partner.ondertekenaar_functie = (ondertekenaar_functie or "").strip()
    if document:
        partner.ondertekend_document = document
    # The next step was the road to signing; once signed it is done, so it no longer
    # shows on the kwartiermaker's follow-up list.
    partner.volgende_actie = ""
    partner.volgende_actie_op = None
    partner.full_clean()
    partner.save()
    FaseWijziging.objects.create(
        partner=partner,
        van=van,
        naar=Fase.ONDERTEKEND,
        datum=ondertekend_op,
        reden=reden or _("Ondertekend door %(naam)s") % {"naam": partner.ondertekenaar_naam},
        door=by,
    )
    public_cache_clear()
    return partner


@transaction.atomic
def contactmoment_add(
    *,
    partner: Partner,
    contactmoment: Contactmoment,
    by: User | None,
    volgende_actie: str | None = None,
    volgende_actie_op: datetime.date | None = None,
) -> Contactmoment:
    """Log a contact moment; optionally set the partner's next step."""
    _check_date(contactmoment.datum, "datum")
    contactmoment.partner = partner
    contactmoment.door = by
    contactmoment.full_clean()
    contactmoment.save()
    if volgende_actie is not None:
        partner.volgende_actie = volgende_actie
        partner.volgende_actie_op = volgende_actie_op
        partner.save(update_fields=["volgende_actie", "volgende_actie_op", "updated_at"])
    return contactmoment


@transaction.atomic
def toezegging_save(
    *, toezegging: Toezegging, by: User | None = None, datum: datetime.date | None = None
) -> Toezegging:
    """Save a commitment; a new one or a changed status goes into its dated status history.

    The history is what the monitoring figures read ("commitments per status at the
    end of a half year"), so a status is never only overwritten.
    """
    vorige = (
        Toezegging.objects.filter(pk=toezegging.pk).values_list("status", flat=True).first()
        if toezegging.pk
        else None
    )
    datum = datum or timezone.localdate()
    _check_date(datum, "status")
    toezegging.full_clean()
    toezegging.save()
    if vorige != toezegging.status:
        ToezeggingStatusWijziging.objects.create(
            toezegging=toezegging, van=vorige or "", naar=toezegging.status, datum=datum, door=by
        )
    public_cache_clear()
    return toezegging


@transaction.atomic
def voortgang_add(*, toezegging: Toezegging, voortgang: Voortgang, by: User | None) -> Voortgang:
    """A dated progress note with evidence; at least text, plus an optional link or file."""
    _check_date(voortgang.datum, "datum")
    voortgang.toezegging = toezegging
    voortgang.door = by
    voortgang.full_clean()
    voortgang.save()
    return voortgang


@transaction.atomic
def doelstelling_save(*, doelstelling: GezamenlijkeDoelstelling) -> GezamenlijkeDoelstelling:
    doelstelling.full_clean()
    doelstelling.save()
    public_cache_clear()
    return doelstelling


@transaction.atomic
def initiatief_save(
    *,
    initiatief: Initiatief,
    personen: Iterable | None = None,
    verbonden_met: Iterable | None = None,
) -> Initiatief:
    # The end date is dated history for "initiatives in the city" at the end of a half year.
    if initiatief.status in (InitiatiefStatus.AFGEROND, InitiatiefStatus.GESTOPT):
        initiatief.beeindigd_op = initiatief.beeindigd_op or timezone.localdate()
    else:
        initiatief.beeindigd_op = None
    initiatief.full_clean()
    initiatief.save()
    if personen is not None:
        initiatief.personen.set(personen)
    if verbonden_met is not None:
        initiatief.verbonden_met.set([i for i in verbonden_met if i.pk != initiatief.pk])
    return initiatief


@transaction.atomic
def kennisitem_save(
    *, item: KennisItem, pijlers: Iterable | None = None, aspecten: Iterable | None = None
) -> KennisItem:
    item.full_clean()
    item.save()
    if pijlers is not None:
        item.pijlers.set(pijlers)
    if aspecten is not None:
        item.aspecten.set(aspecten)
    return item
