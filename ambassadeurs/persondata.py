"""Ambassadors' personal data for access/erasure requests and retention (inclusie.persondata)."""

from __future__ import annotations

from django.db import transaction
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


def _models():
    from ambassadeurs import models

    return models


def _gestopt():
    from ambassadeurs.constants import AmbassadeurStatus

    return AmbassadeurStatus.GESTOPT


def _in_use():
    m = _models()
    return m.Ambassadeur.objects.exclude(status=_gestopt()).values_list("persoon_id", flat=True)


def _erase_ambassadeur(a) -> str:
    a.motivatie = ""
    a.netwerken = ""
    a.save(update_fields=["motivatie", "netwerken", "updated_at"])
    return "motivatie en netwerken gewist (status en data blijven voor de aantallen)"


def _erase_activiteit(a) -> str:
    a.omschrijving = ""
    a.save(update_fields=["omschrijving", "updated_at"])
    return "toelichting gewist (de activiteit telt mee)"


def _delete(obj) -> str:
    obj.delete()
    return "verwijderd"


def _ambassadeurs_expired(cutoff):
    m = _models()
    qs = m.Ambassadeur.objects.filter(
        status=_gestopt(), gestopt_op__lt=cutoff, persoon__geanonimiseerd_op__isnull=True
    ).select_related("persoon")
    return exclude_in_use(qs).order_by("gestopt_op", "pk")


@transaction.atomic
def _anonymise_ambassadeurs(queryset) -> int:
    done = 0
    for ambassadeur in queryset:
        _erase_ambassadeur(ambassadeur)
        m = _models()
        m.Activiteit.objects.filter(ambassadeur=ambassadeur).update(omschrijving="")
        persoon_anonymise(persoon=ambassadeur.persoon)
        done += 1
    return done


def _coaching_expired(cutoff):
    m = _models()
    return m.CoachingNotitie.objects.filter(
        ambassadeur__status=_gestopt(), ambassadeur__gestopt_op__lt=cutoff
    ).order_by("datum", "pk")


def _delete_all(queryset) -> int:
    count = queryset.count()
    queryset.model.objects.filter(pk__in=list(queryset.values_list("pk", flat=True))).delete()
    return count


def register() -> None:
    m = _models()
    register_persons_in_use(_in_use)
    register_person_source(
        PersonSource(
            "ambassadeurs.ambassadeur",
            _("Ambassadeurschap"),
            find=lambda ref: m.Ambassadeur.objects.filter(persoon_id__in=ref.persoon_ids),
            describe=lambda a: describe_fields(
                a,
                [
                    "status",
                    "aangemeld_op",
                    "intake_op",
                    "actief_sinds",
                    "gestopt_op",
                    "motivatie",
                    "netwerken",
                    "bereik",
                ],
            ),
            erase=_erase_ambassadeur,
            order=30,
        )
    )
    register_person_source(
        PersonSource(
            "ambassadeurs.coachingnotitie",
            _("Coachingsnotities"),
            find=lambda ref: m.CoachingNotitie.objects.filter(
                ambassadeur__persoon_id__in=ref.persoon_ids
            ),
            describe=lambda c: describe_fields(
                c, ["datum", "onderwerp", "notitie", "vervolgafspraak"]
            ),
            erase=_delete,
            order=31,
        )
    )
    register_person_source(
        PersonSource(
            "ambassadeurs.activiteit",
            _("Activiteiten als ambassadeur"),
            find=lambda ref: m.Activiteit.objects.filter(
                ambassadeur__persoon_id__in=ref.persoon_ids
            ).select_related("wijk"),
            describe=lambda a: describe_fields(
                a, ["datum", "soort", "titel", "omschrijving", "wijk", "aantal_bereikt"]
            ),
            erase=_erase_activiteit,
            order=32,
        )
    )
    register_retention_kind(
        RetentionKind(
            "ambassadeurs",
            _("Ambassadeurs"),
            default_months=24,
            starts=_("nadat de ambassadeur gestopt is"),
            action=_("anonimiseren"),
            expired=_ambassadeurs_expired,
            apply=_anonymise_ambassadeurs,
            describe=lambda a: f"{a.persoon.naam} (gestopt {dates.datum(a.gestopt_op)})",
            order=10,
        )
    )
    register_retention_kind(
        RetentionKind(
            "coaching",
            _("Coachingsnotities"),
            default_months=12,
            starts=_("nadat de ambassadeur gestopt is"),
            action=_("verwijderen"),
            expired=_coaching_expired,
            apply=_delete_all,
            describe=lambda c: f"{dates.datum(c.datum)} {c.onderwerp}",
            order=11,
        )
    )
