"""The core's person-bearing records and retention kinds, registered by PrivacyConfig.ready()."""

from __future__ import annotations

from datetime import datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie import dates
from inclusie.anonymise import persoon_anonymise, user_anonymise
from inclusie.audit import changes_text
from inclusie.persondata import (
    PersonRef,
    PersonSource,
    RetentionKind,
    describe_fields,
    register_person_source,
    register_retention_kind,
)


def _start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _personen(ref: PersonRef):
    from inclusie.models import Persoon

    query = Q(pk__in=ref.persoon_ids) | Q(user_id__in=ref.user_ids)
    if ref.emails:
        emails = Q()
        for email in ref.emails:
            emails |= Q(email__iexact=email)
        query |= emails
    return Persoon.objects.filter(query).select_related("organisatie", "wijk")


def _erase_persoon(persoon) -> str:
    persoon_anonymise(persoon=persoon)
    return "naam en contactgegevens vervangen"


def _users(ref: PersonRef):
    from inclusie.models import User

    return User.objects.filter(pk__in=ref.user_ids)


def _erase_user(user) -> str:
    user_anonymise(user=user)
    return "account gesloten en geanonimiseerd"


def _notificaties(ref: PersonRef):
    from inclusie.models import Notificatie

    return Notificatie.objects.filter(ontvanger_id__in=ref.user_ids)


def _delete(obj) -> str:
    obj.delete()
    return "verwijderd"


def _audit_entries(ref: PersonRef):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from inclusie.models import Persoon, User

    about = Q(actor_id__in=ref.user_ids)
    about |= Q(
        content_type=ContentType.objects.get_for_model(Persoon),
        object_pk__in=[str(pk) for pk in ref.persoon_ids],
    )
    about |= Q(
        content_type=ContentType.objects.get_for_model(User),
        object_pk__in=[str(pk) for pk in ref.user_ids],
    )
    return LogEntry.objects.filter(about).select_related("content_type", "actor")


def _describe_audit(entry) -> dict:
    return {
        "Moment": timezone.localtime(entry.timestamp).strftime("%d-%m-%Y %H:%M"),
        "Door": str(entry.actor or "systeem"),
        "Soort gegeven": entry.content_type.name if entry.content_type_id else "",
        "Wat": entry.object_repr,
        "Actie": entry.get_action_display(),
        "Wijzigingen": changes_text(entry),
    }


def _audit_expired(cutoff):
    from auditlog.models import LogEntry

    return LogEntry.objects.filter(timestamp__lt=_start_of(cutoff)).order_by("timestamp")


def _notificaties_expired(cutoff):
    from inclusie.models import Notificatie

    return Notificatie.objects.filter(
        created_at__lt=_start_of(cutoff), status=Notificatie.Status.VERZONDEN
    ).order_by("created_at")


def _delete_all(queryset) -> int:
    count = queryset.count()
    queryset.model.objects.filter(pk__in=list(queryset.values_list("pk", flat=True))).delete()
    return count


def _accounts_expired(cutoff):
    from inclusie.models import User

    # Closed accounts not used since the cutoff; anonymising closes nothing that is in use.
    return (
        User.objects.filter(is_active=False)
        .filter(Q(last_login__lt=_start_of(cutoff)) | Q(last_login__isnull=True))
        .filter(date_joined__lt=_start_of(cutoff))
        .exclude(email__endswith="@geanonimiseerd.invalid")
        .order_by("pk")
    )


def _anonymise_users(queryset) -> int:
    return sum(user_anonymise(user=u) for u in queryset)


def register() -> None:
    register_person_source(
        PersonSource(
            "inclusie.persoon",
            _("Persoonsgegevens (relaties)"),
            find=_personen,
            describe=lambda p: describe_fields(
                p,
                [
                    "naam",
                    "email",
                    "telefoon",
                    "organisatie",
                    "functie",
                    "wijk",
                    "toestemming_openbaar",
                    "toestemming_openbaar_op",
                    "created_at",
                ],
            ),
            erase=_erase_persoon,
            order=900,
        )
    )
    register_person_source(
        PersonSource(
            "inclusie.user",
            _("Account"),
            find=_users,
            describe=lambda u: describe_fields(
                u, ["email", "username", "naam", "role", "is_active", "date_joined", "last_login"]
            ),
            erase=_erase_user,
            order=910,
        )
    )
    register_person_source(
        PersonSource(
            "inclusie.notificatie",
            _("Verstuurde e-mails"),
            find=_notificaties,
            describe=lambda n: describe_fields(n, ["onderwerp", "status", "created_at"]),
            erase=_delete,
            order=800,
        )
    )
    register_person_source(
        PersonSource(
            "auditlog.logentry",
            _("Logboek van wijzigingen"),
            find=_audit_entries,
            describe=_describe_audit,
            kept_because=_(
                "Het logboek legt verantwoording af over wie wat wijzigde (BIO, Archiefwet); "
                "het blijft tot het einde van zijn eigen bewaartermijn."
            ),
            order=990,
        )
    )
    register_retention_kind(
        RetentionKind(
            "audit",
            _("Logboek van wijzigingen"),
            default_months=60,
            starts=_("na de wijziging"),
            action=_("verwijderen"),
            expired=_audit_expired,
            apply=_delete_all,
            describe=lambda e: f"{dates.datum(e.timestamp)} {e.object_repr}",
            order=900,
        )
    )
    register_retention_kind(
        RetentionKind(
            "notificaties",
            _("Verstuurde e-mails"),
            default_months=12,
            starts=_("na verzending"),
            action=_("verwijderen"),
            expired=_notificaties_expired,
            apply=_delete_all,
            describe=lambda n: f"{dates.datum(n.created_at)} {n.onderwerp}",
            order=800,
        )
    )
    register_retention_kind(
        RetentionKind(
            "accounts",
            _("Gesloten accounts"),
            default_months=12,
            starts=_("na de laatste keer inloggen van een gesloten account"),
            action=_("anonimiseren"),
            expired=_accounts_expired,
            apply=_anonymise_users,
            describe=lambda u: f"account {u.pk}",
            order=850,
        )
    )
