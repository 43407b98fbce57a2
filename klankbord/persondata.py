"""Klankbord members' and signal reporters' personal data (inclusie.persondata)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie import dates
from inclusie.anonymise import persoon_anonymise
from inclusie.persondata import (
    PersonSource,
    RetentionKind,
    describe_fields,
    exclude_in_use,
    register_person_source,
    register_persons_in_use,
    register_retention_kind,
)


def _in_use():
    from klankbord.models import KlankbordLid

    today = timezone.localdate()
    return KlankbordLid.objects.filter(Q(tot__isnull=True) | Q(tot__gte=today)).values_list(
        "persoon_id", flat=True
    )


def _erase_lid(lid) -> str:
    lid.gemeenschappen = ""
    lid.save(update_fields=["gemeenschappen", "updated_at"])
    return "netwerken gewist (zetel en termijn blijven voor de samenstelling)"


def _leden_expired(cutoff):
    from klankbord.models import KlankbordLid

    # A member whose last seat ended before the cutoff (no seat after it).
    recent = KlankbordLid.objects.filter(Q(tot__isnull=True) | Q(tot__gte=cutoff)).values_list(
        "persoon_id", flat=True
    )
    qs = (
        KlankbordLid.objects.filter(tot__lt=cutoff, persoon__geanonimiseerd_op__isnull=True)
        .exclude(persoon_id__in=recent)
        .select_related("persoon")
    )
    return exclude_in_use(qs).order_by("tot", "pk")


@transaction.atomic
def _anonymise_leden(queryset) -> int:
    done = 0
    for lid in queryset:
        _erase_lid(lid)
        persoon_anonymise(persoon=lid.persoon)
        done += 1
    return done


def _erase_signaal(signaal) -> str:
    signaal.gemeld_door = None
    signaal.save(update_fields=["gemeld_door", "updated_at"])
    return "melder losgekoppeld (het signaal blijft)"


def register() -> None:
    from klankbord.models import KlankbordLid, Signaal

    register_persons_in_use(_in_use)
    register_person_source(
        PersonSource(
            "klankbord.klankbordlid",
            _("Lidmaatschap van de klankbordgroep"),
            find=lambda ref: KlankbordLid.objects.filter(persoon_id__in=ref.persoon_ids),
            describe=lambda lid: describe_fields(
                lid, ["rol", "van", "tot", "kennis", "bereik", "gemeenschappen"]
            ),
            erase=_erase_lid,
            order=40,
        )
    )
    register_person_source(
        PersonSource(
            "klankbord.signaal",
            _("Gemelde signalen"),
            find=lambda ref: Signaal.objects.filter(gemeld_door_id__in=ref.user_ids),
            describe=lambda s: describe_fields(s, ["datum", "titel", "thema", "status"]),
            erase=_erase_signaal,
            order=41,
        )
    )
    register_retention_kind(
        RetentionKind(
            "klankbord",
            _("Leden van de klankbordgroep"),
            default_months=24,
            starts=_("na het einde van de (laatste) termijn"),
            action=_("anonimiseren"),
            expired=_leden_expired,
            apply=_anonymise_leden,
            describe=lambda lid: f"{lid.persoon.naam} (lid tot {dates.datum(lid.tot)})",
            order=20,
        )
    )
