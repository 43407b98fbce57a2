"""Writes and rules of the klankbordgroep and the signals. Keyword-only, transactional."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inclusie import dates
from inclusie.constants import Role
from inclusie.links import portal_url
from inclusie.models import User
from inclusie.services import notificatie_queue
from klankbord.constants import UITKOMST_MET_MOTIVATIE, AdviesUitkomst, KlankbordRol
from klankbord.models import Advies, KlankbordLid, Signaal


def _overlapping(qs, van: datetime.date, tot: datetime.date | None):
    """Memberships in `qs` whose term overlaps [van, tot]."""
    qs = qs.filter(Q(tot__isnull=True) | Q(tot__gte=van))
    if tot is not None:
        qs = qs.filter(van__lte=tot)
    return qs


@transaction.atomic
def klankbordlid_save(*, lid: KlankbordLid, kennis=None, bereik=None) -> KlankbordLid:
    """Save a seat; a person holds one seat at a time and the group has one voorzitter."""
    lid.full_clean()
    others = KlankbordLid.objects.exclude(pk=lid.pk)
    if _overlapping(others.filter(persoon_id=lid.persoon_id), lid.van, lid.tot).exists():
        raise ValidationError(
            {"persoon": _("Deze persoon heeft in deze periode al een plaats in de klankbordgroep.")}
        )
    if (
        lid.rol == KlankbordRol.VOORZITTER
        and _overlapping(others.filter(rol=KlankbordRol.VOORZITTER), lid.van, lid.tot).exists()
    ):
        raise ValidationError(
            {
                "rol": _(
                    "Er is in deze periode al een voorzitter. Beëindig eerst de termijn "
                    "van de huidige voorzitter."
                )
            }
        )
    lid.save()
    if kennis is not None:
        lid.kennis.set(kennis)
    if bereik is not None:
        lid.bereik.set(bereik)
    return lid


@transaction.atomic
def advies_save(*, advies: Advies, by: User | None = None) -> Advies:
    if advies.pk is None:
        advies.vastgelegd_door = by
    if advies.datum and advies.datum > timezone.localdate():
        raise ValidationError(
            {"datum": _("De datum van het advies kan niet in de toekomst liggen.")}
        )
    advies.full_clean()
    advies.save()
    return advies


@transaction.atomic
def advies_reactie(
    *,
    advies: Advies,
    reactie_datum: datetime.date | None,
    reactie: str,
    uitkomst: str,
    motivatie: str = "",
) -> Advies:
    """Record the gemeente's response. An outcome other than 'overgenomen' needs a motivation."""
    errors: dict[str, str] = {}
    if uitkomst != AdviesUitkomst.OPEN:
        if reactie_datum is None:
            errors["reactie_datum"] = _("Vul de datum van de reactie in.")
        if not reactie.strip():
            errors["reactie"] = _("Vul de reactie van de gemeente in.")
    elif reactie_datum is not None:
        errors["uitkomst"] = _("Kies de uitkomst: is het advies overgenomen?")
    if uitkomst in UITKOMST_MET_MOTIVATIE and not motivatie.strip():
        errors["motivatie"] = _("Leg uit waarom het advies niet of maar deels is overgenomen.")
    if reactie_datum is not None:
        if reactie_datum < advies.datum:
            errors["reactie_datum"] = _("De reactie kan niet voor het advies zelf liggen.")
        elif reactie_datum > timezone.localdate():
            errors["reactie_datum"] = _("De datum van de reactie kan niet in de toekomst liggen.")
    if errors:
        raise ValidationError(errors)
    advies.reactie_datum = reactie_datum
    advies.reactie = reactie
    advies.uitkomst = uitkomst
    advies.motivatie = motivatie
    advies.full_clean()
    advies.save()
    return advies


@transaction.atomic
def signaal_save(*, signaal: Signaal, aspecten=None, by: User | None = None) -> Signaal:
    if signaal.pk is None:
        signaal.gemeld_door = by
    if signaal.datum and signaal.datum > timezone.localdate():
        raise ValidationError({"datum": _("Een signaal kan niet in de toekomst liggen.")})
    signaal.full_clean()
    signaal.save()
    if aspecten is not None:
        signaal.aspecten.set(aspecten)
    return signaal


@transaction.atomic
def signaal_opvolging(
    *, signaal: Signaal, status: str, opvolging: str, by: User | None = None
) -> Signaal:
    """Record the follow-up; whoever logged the signal hears by mail what became of it."""
    oude_status = signaal.status
    signaal.status = status
    signaal.opvolging = opvolging
    signaal.full_clean()
    signaal.save(update_fields=["status", "opvolging", "updated_at"])
    melder = signaal.gemeld_door
    if status != oude_status and melder is not None and melder != by and melder.is_active:
        notificatie_queue(
            ontvanger=melder,
            onderwerp=_("Uw signaal: %(t)s") % {"t": signaal.titel[:150]},
            tekst=_(
                "Beste %(naam)s,\n\nU gaf een signaal door: '%(titel)s'. De status is nu: %(status)s.\n"
                "%(opvolging)s\n\nDank u wel voor het doorgeven.\nDe kwartiermaker"
            )
            % {
                "naam": melder.get_short_name(),
                "titel": signaal.titel,
                "status": signaal.get_status_display().lower(),
                "opvolging": opvolging,
            },
        )
    return signaal


HERINNER_DAGEN_VOOR_TERMIJN = 7


@transaction.atomic
def advies_herinneringen_versturen(*, vandaag: datetime.date | None = None) -> int:
    """Mail the kwartiermaker and beleidsadviseurs once per advies whose response is due soon.

    Idempotent: an advies gets one reminder (``herinnering_op``), so running the
    periodic task twice sends nothing twice.
    """
    vandaag = vandaag or timezone.localdate()
    adviezen = list(
        Advies.objects.select_for_update()
        .filter(
            reactie_datum__isnull=True,
            herinnering_op__isnull=True,
            reactie_uiterlijk__lte=vandaag + datetime.timedelta(days=HERINNER_DAGEN_VOOR_TERMIJN),
        )
        .order_by("reactie_uiterlijk")
    )
    if not adviezen:
        return 0
    ontvangers = list(
        User.objects.filter(is_active=True, role__in=[Role.KWARTIERMAKER, Role.BELEIDSADVISEUR])
    )
    for advies in adviezen:
        te_laat = advies.reactie_uiterlijk < vandaag
        for user in ontvangers:
            notificatie_queue(
                ontvanger=user,
                onderwerp=(
                    _("Reactie op advies klankbordgroep is te laat: %(o)s")
                    if te_laat
                    else _("Reactie op advies klankbordgroep nodig: %(o)s")
                )
                % {"o": advies.onderwerp[:120]},
                tekst=_(
                    "Beste %(naam)s,\n\nDe klankbordgroep gaf op %(datum)s een advies over "
                    "'%(onderwerp)s'. De gemeente moet uiterlijk %(termijn)s reageren.\n"
                    "Leg de reactie vast in het Inclusie Portaal: %(url)s\n\n"
                    "Met vriendelijke groet,\nHet Inclusie Portaal"
                )
                % {
                    "url": portal_url(reverse("advies-detail", args=[advies.pk])),
                    "naam": user.get_short_name(),
                    "datum": dates.datum(advies.datum),
                    "onderwerp": advies.onderwerp,
                    "termijn": dates.datum(advies.reactie_uiterlijk),
                },
            )
        advies.herinnering_op = vandaag
        advies.save(update_fields=["herinnering_op", "updated_at"])
    return len(adviezen)
