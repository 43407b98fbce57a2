"""Contact persons of partners and contact moments (inclusie.persondata)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

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

GEWIST = "(gewist)"


def _in_use():
    from deal.constants import Fase
    from deal.models import Partner

    return Partner.contactpersonen.through.objects.exclude(partner__fase=Fase.GESTOPT).values_list(
        "persoon_id", flat=True
    )


def _contacten_expired(cutoff):
    from deal.constants import Fase
    from inclusie.models import Persoon

    qs = Persoon.objects.filter(
        partner_contacten__fase=Fase.GESTOPT,
        partner_contacten__fase_sinds__lt=cutoff,
        geanonimiseerd_op__isnull=True,
    ).distinct()
    return exclude_in_use(qs, "pk").order_by("pk")


@transaction.atomic
def _anonymise_contacten(queryset) -> int:
    from deal.models import Contactmoment

    done = 0
    for persoon in list(queryset):
        Contactmoment.objects.filter(persoon=persoon).update(notitie=GEWIST)
        persoon_anonymise(persoon=persoon)
        done += 1
    return done


def _erase_contactmoment(moment) -> str:
    moment.notitie = GEWIST
    moment.save(update_fields=["notitie"])
    return "notitie gewist (het contactmoment telt mee)"


def register() -> None:
    from deal.models import Contactmoment, Partner

    register_persons_in_use(_in_use)

    def partners(ref):
        return Partner.objects.filter(contactpersonen__in=ref.persoon_ids).distinct()

    def erase_partner(partner) -> str:
        # Which person: every contact of this partner that the request is about is removed
        # by the core Persoon anonymisation; here the link itself goes.
        return "contactpersoon blijft gekoppeld als geanonimiseerd persoon"

    register_person_source(
        PersonSource(
            "deal.partner",
            _("Contactpersoon van Deal-partners"),
            find=partners,
            describe=lambda p: {
                "Organisatie": str(p.organisatie),
                "Fase": p.get_fase_display(),
                "In deze fase sinds": p.fase_sinds.strftime("%d-%m-%Y"),
            },
            erase=erase_partner,
            order=10,
        )
    )
    register_person_source(
        PersonSource(
            "deal.contactmoment",
            _("Contactmomenten"),
            find=lambda ref: Contactmoment.objects.filter(
                persoon_id__in=ref.persoon_ids
            ).select_related("partner__organisatie"),
            describe=lambda c: {
                "Partner": str(c.partner),
                **describe_fields(c, ["soort", "datum", "notitie"]),
            },
            erase=_erase_contactmoment,
            order=11,
        )
    )
    register_retention_kind(
        RetentionKind(
            "partnercontacten",
            _("Contactpersonen van gestopte partners"),
            default_months=12,
            starts=_("nadat de partner gestopt is"),
            action=_("anonimiseren"),
            expired=_contacten_expired,
            apply=_anonymise_contacten,
            describe=lambda p: p.naam,
            order=30,
        )
    )
