"""Writes and business rules of the core app. Keyword-only, transactional, validated."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from inclusie.links import portal_url
from inclusie.models import GemeenteProfiel, Notificatie, Organisatie, Persoon, User


@transaction.atomic
def gemeente_update(*, data: dict) -> GemeenteProfiel:
    profiel = GemeenteProfiel.load()
    for key, value in data.items():
        if key == "logo":
            # FileField semantics: an upload replaces, False clears, None keeps.
            if value is not None:
                GemeenteProfiel._meta.get_field("logo").save_form_data(profiel, value)
            continue
        setattr(profiel, key, value)
    profiel.full_clean()
    profiel.save()
    return profiel


@transaction.atomic
def organisatie_save(*, organisatie: Organisatie) -> Organisatie:
    organisatie.full_clean()
    organisatie.save()
    return organisatie


@transaction.atomic
def persoon_save(*, persoon: Persoon) -> Persoon:
    """Save a person; a change in public-display consent is dated here."""
    previous = (
        Persoon.objects.filter(pk=persoon.pk).values_list("toestemming_openbaar", flat=True).first()
    )
    if persoon.pk is None or previous != persoon.toestemming_openbaar:
        persoon.toestemming_openbaar_op = timezone.now()
    persoon.full_clean()
    persoon.save()
    return persoon


def notificatie_queue(
    *,
    ontvanger: User | None = None,
    email: str = "",
    onderwerp: str,
    tekst: str,
    bijlagen: list[dict] | None = None,
) -> Notificatie:
    """Store a mail and send it from a Celery task once the transaction commits.

    The mail goes to `ontvanger` (an account), or to `email` for someone without an
    account (an ambassador or klankbord member invited as a person).
    `bijlagen`: optional small generated attachments, dicts with naam, mimetype
    and inhoud (text), e.g. the .ics of a meeting invitation.
    """
    from inclusie.models import NotificatieBijlage
    from inclusie.tasks import enqueue, send_notificatie

    if ontvanger is None and not email:
        raise ValueError("notificatie_queue needs an account or an e-mail address")
    notificatie = Notificatie.objects.create(
        ontvanger=ontvanger, email="" if ontvanger else email, onderwerp=onderwerp, tekst=tekst
    )
    if bijlagen:
        NotificatieBijlage.objects.bulk_create(
            NotificatieBijlage(notificatie=notificatie, **bijlage) for bijlage in bijlagen
        )
    enqueue(send_notificatie, notificatie.pk)
    return notificatie


@transaction.atomic
def user_invite(*, email: str, naam: str, role: str) -> User:
    """Create an account without a usable password and mail a link to choose one."""
    user = User(email=email.lower().strip(), naam=naam, role=role, is_staff=role == "beheerder")
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = portal_url(reverse("password_reset_confirm", args=[uid, token]))
    notificatie_queue(
        ontvanger=user,
        onderwerp=_("Uw account voor het Inclusie Portaal"),
        tekst=_(
            "Beste %(naam)s,\n\nEr is een account voor u gemaakt in het Inclusie Portaal.\n"
            "Kies uw wachtwoord via deze link (drie dagen geldig):\n%(link)s\n\n"
            "Met vriendelijke groet,\nHet programmateam"
        )
        % {"naam": naam or email, "link": link},
    )
    return user


def notificatie_send(*, notificatie: Notificatie) -> Notificatie:
    """Send one stored mail. Idempotent: a mail already sent is not sent again."""
    from django.core.mail import EmailMessage

    if notificatie.status == Notificatie.Status.VERZONDEN:
        return notificatie
    # Subjects come from user input (a meeting title): no header injection.
    onderwerp = " ".join(notificatie.onderwerp.splitlines())
    message = EmailMessage(
        onderwerp, notificatie.tekst, settings.DEFAULT_FROM_EMAIL, [notificatie.adres]
    )
    for bijlage in notificatie.bijlagen.all():
        message.attach(_mime_part(bijlage))
    message.send()
    notificatie.status = Notificatie.Status.VERZONDEN
    notificatie.verzonden_op = timezone.now()
    notificatie.fout = ""
    notificatie.save(update_fields=["status", "verzonden_op", "fout", "updated_at"])
    return notificatie


def _mime_part(bijlage):
    """A MIME part for a stored attachment; keeps parameters such as method=REQUEST."""
    from email.mime.text import MIMEText

    main, _sep, params = bijlage.mimetype.partition(";")
    maintype, _sep, subtype = main.strip().partition("/")
    part = MIMEText(bijlage.inhoud, subtype or "plain", "utf-8")
    for param in params.split(";"):
        key, _sep, value = param.strip().partition("=")
        if key and key.lower() != "charset":
            part.set_param(key, value)
    part.add_header("Content-Disposition", "attachment", filename=bijlage.naam)
    return part


@transaction.atomic
def referentie_save(*, instance):
    """Save a row of a reference list (wijk, aspect, ambtsdrager ...); audit-logged by auditlog."""
    instance.full_clean()
    instance.save()
    _forget_keuzes(instance)
    return instance


def _forget_keuzes(instance) -> None:
    from inclusie.keuzes import forget
    from inclusie.models import Keuze

    if isinstance(instance, Keuze):
        forget(instance.lijst)


@transaction.atomic
def referentie_set_actief(*, instance, actief: bool):
    """Deactivate (or reactivate) a row: rows are never deleted, references keep their value."""
    instance.actief = actief
    instance.full_clean()
    instance.save(update_fields=["actief"])
    _forget_keuzes(instance)
    return instance
