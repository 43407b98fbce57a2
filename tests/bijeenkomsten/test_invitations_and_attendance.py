import pytest
from django.core import mail
from django.urls import reverse

from bijeenkomsten import services as svc
from bijeenkomsten.models import AanwezigheidToestemming, Soort, Uitnodiging
from inclusie.constants import Role
from tests.bijeenkomsten.factories import BijeenkomstFactory, UitnodigingFactory
from tests.factories import PersoonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_invite_everyone_with_a_role_once(user_for_role):
    b = BijeenkomstFactory()
    ambassadors = UserFactory.create_batch(3, role=Role.AMBASSADEUR)
    UserFactory(role=Role.AMBASSADEUR, is_active=False)
    extern = PersoonFactory()
    assert svc.uitnodigingen_add(bijeenkomst=b, rollen=[Role.AMBASSADEUR], personen=[extern]) == 4
    assert svc.uitnodigingen_add(bijeenkomst=b, rollen=[Role.AMBASSADEUR], users=ambassadors) == 0
    assert b.uitnodigingen.count() == 4


def test_invitation_mail_has_ics_attachment_and_is_sent_once(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    b = BijeenkomstFactory(titel="Ambassadeurs\r\nBcc: evil@example.com")
    UitnodigingFactory.create_batch(2, bijeenkomst=b)
    # A person without an account and without an e-mail address cannot be mailed.
    UitnodigingFactory(bijeenkomst=b, user=None, persoon=PersoonFactory(email=""))
    with django_capture_on_commit_callbacks(execute=True):
        assert svc.uitnodigingen_send(bijeenkomst=b) == 2
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.message()["Bcc"] is None and message.bcc == []
    part = message.attachments[0]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    body = part.get_payload(decode=True).decode()
    assert "BEGIN:VEVENT" in body and "\r\nBcc" not in body
    assert svc.uitnodigingen_send(bijeenkomst=b) == 0
    assert len(mail.outbox) == 2


def test_moving_a_meeting_sends_an_update(settings, django_capture_on_commit_callbacks):
    from datetime import timedelta

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    b = BijeenkomstFactory()
    UitnodigingFactory(bijeenkomst=b)
    with django_capture_on_commit_callbacks(execute=True):
        svc.uitnodigingen_send(bijeenkomst=b)
        b.start += timedelta(hours=1)
        b.eind += timedelta(hours=1)
        svc.bijeenkomst_save(bijeenkomst=b, by=None)
        svc.bijeenkomst_cancel(bijeenkomst=b, reden="", by=None)
    assert [m.subject.split(":")[0] for m in mail.outbox] == [
        "Uitnodiging",
        "Gewijzigd",
        "Geannuleerd",
    ]
    assert "SEQUENCE:2" in mail.outbox[-1].attachments[0].get_payload(decode=True).decode()
    assert "STATUS:CANCELLED" in mail.outbox[-1].attachments[0].get_payload(decode=True).decode()


def test_rsvp_own_invitation_only(client, user_for_role):
    ambassadeur = user_for_role(Role.AMBASSADEUR)
    eigen = UitnodigingFactory(user=ambassadeur)
    ander = UitnodigingFactory(bijeenkomst=eigen.bijeenkomst)
    client.force_login(ambassadeur)
    response = client.post(reverse("uitnodiging-rsvp", args=[eigen.pk]), {"antwoord": "komt"})
    assert response.status_code == 302
    eigen.refresh_from_db()
    assert eigen.antwoord == "komt" and eigen.beantwoord_op
    response = client.post(reverse("uitnodiging-rsvp", args=[ander.pk]), {"antwoord": "komt_niet"})
    assert response.status_code == 404
    ander.refresh_from_db()
    assert ander.antwoord == "geen"
    assert client.get(reverse("uitnodiging-rsvp", args=[ander.pk])).status_code == 404


def test_rsvp_without_choice_gives_dutch_error(client, user_for_role):
    eigen = UitnodigingFactory(user=user_for_role(Role.AMBASSADEUR))
    client.force_login(eigen.user)
    response = client.post(reverse("uitnodiging-rsvp", args=[eigen.pk]), {})
    assert "Kies of u komt." in response.content.decode()


def test_ambassador_sees_only_meetings_they_are_invited_to(client, user_for_role):
    ambassadeur = user_for_role(Role.AMBASSADEUR)
    stuurgroep = BijeenkomstFactory(soort=Soort.STUURGROEP, titel="Geheime stuurgroep")
    eigen = UitnodigingFactory(user=ambassadeur).bijeenkomst
    client.force_login(ambassadeur)
    assert client.get(reverse("bijeenkomst-detail", args=[stuurgroep.pk])).status_code == 404
    assert client.get(reverse("bijeenkomst-pdf", args=[stuurgroep.pk])).status_code == 404
    assert client.get(reverse("bijeenkomst-ics", args=[stuurgroep.pk])).status_code == 404
    assert client.get(reverse("bijeenkomst-detail", args=[eigen.pk])).status_code == 200
    listing = client.get(reverse("bijeenkomst-list")).content.decode()
    assert "Geheime stuurgroep" not in listing and eigen.titel in listing
    # Changing is not theirs at all.
    assert client.get(reverse("bijeenkomst-aanwezigheid", args=[eigen.pk])).status_code == 403


def test_attendance_one_save_for_all(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(voorbij=True)
    a, c = UitnodigingFactory.create_batch(2, bijeenkomst=b)
    response = client.post(
        reverse("bijeenkomst-aanwezigheid", args=[b.pk]),
        {f"u_{a.pk}": "aanwezig", f"u_{c.pk}": "afwezig_bericht"},
    )
    assert response.status_code == 302
    assert dict(b.uitnodigingen.values_list("pk", "aanwezigheid")) == {
        a.pk: "aanwezig",
        c.pk: "afwezig_bericht",
    }


def test_attendance_for_someone_not_invited_is_refused(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(bezig=True)
    mine = UitnodigingFactory(bijeenkomst=b)
    elsewhere = UitnodigingFactory()
    response = client.post(
        reverse("bijeenkomst-aanwezigheid", args=[b.pk]),
        {f"u_{mine.pk}": "aanwezig", f"u_{elsewhere.pk}": "aanwezig"},
    )
    assert response.status_code == 200
    assert "alleen aanwezigheid invullen voor genodigden" in response.content.decode()
    assert set(Uitnodiging.objects.values_list("aanwezigheid", flat=True)) == {"onbekend"}
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        svc.aanwezigheid_save(bijeenkomst=b, waarden={elsewhere.pk: "aanwezig"})


def test_klankbord_attendance_shown_to_others_only_with_consent(client, user_for_role):
    b = BijeenkomstFactory(soort=Soort.KLANKBORD)
    lid = UserFactory(role=Role.KLANKBORDLID, naam="Lid Zonder Toestemming")
    UitnodigingFactory(bijeenkomst=b, user=lid, aanwezigheid="aanwezig")
    other = user_for_role(Role.BELEIDSADVISEUR)
    UitnodigingFactory(bijeenkomst=b, user=other)
    client.force_login(other)
    page = client.get(reverse("bijeenkomst-detail", args=[b.pk])).content.decode()
    assert "Lid Zonder Toestemming" not in page
    assert "gaf geen toestemming" in page
    pdf = client.get(reverse("bijeenkomst-pdf", args=[b.pk])).content
    from inclusie.pdf import pdf_text

    assert "Lid Zonder Toestemming" not in pdf_text(pdf)
    # The member consents (dated), then others see them.
    client.force_login(lid)
    client.post(reverse("agenda-toestemming"), {"zichtbaar": "on"})
    assert AanwezigheidToestemming.objects.get(user=lid).zichtbaar
    client.force_login(other)
    assert (
        "Lid Zonder Toestemming"
        in client.get(reverse("bijeenkomst-detail", args=[b.pk])).content.decode()
    )
    # The organiser always sees everyone.
    AanwezigheidToestemming.objects.filter(user=lid).update(zichtbaar=False)
    client.force_login(user_for_role(Role.KWARTIERMAKER))
    assert (
        "Lid Zonder Toestemming"
        in client.get(reverse("bijeenkomst-detail", args=[b.pk])).content.decode()
    )


def test_personal_data_models_are_audit_logged():
    from auditlog.registry import auditlog

    from bijeenkomsten.models import Actie

    for model in (Uitnodiging, AanwezigheidToestemming, Actie):
        assert auditlog.contains(model)


def test_garbage_in_dynamic_attendance_and_minutes_fields(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(voorbij=True)
    u = UitnodigingFactory(bijeenkomst=b)
    from tests.bijeenkomsten.factories import AgendapuntFactory

    punt = AgendapuntFactory(bijeenkomst=b)
    script = "<script>alert(1)</script>"
    for data in (
        {f"u_{u.pk}": script},
        {f"u_{u.pk}": ""},
        {"u_abc": "aanwezig"},
        {f"u_{'9' * 30}": "aanwezig"},
    ):
        r = client.post(reverse("bijeenkomst-aanwezigheid", args=[b.pk]), data)
        assert r.status_code == 200 and script not in r.content.decode()
    u.refresh_from_db()
    assert u.aanwezigheid == "onbekend"
    verslag_before, notes_before = b.verslag_algemeen, punt.aantekeningen
    r = client.post(
        reverse("bijeenkomst-verslag", args=[b.pk]),
        {f"punt_{punt.pk}": script + "a" * 20000, "verslag_algemeen": "\x00"},
    )
    # A NUL character is not text: the form is shown again with the error, nothing is saved.
    assert r.status_code == 200
    assert "Null-tekens zijn niet toegestaan" in r.content.decode()
    b.refresh_from_db()
    punt.refresh_from_db()
    assert (b.verslag_algemeen, punt.aantekeningen) == (verslag_before, notes_before)
    page = client.get(reverse("bijeenkomst-detail", args=[b.pk])).content.decode()
    assert script not in page


def test_invitation_messages_say_one_in_the_singular(client_for, settings):
    """Issue 14: "1 uitnodigingen" - the counts on the invite page go through ngettext."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    b = BijeenkomstFactory()
    client = client_for(Role.KWARTIERMAKER)
    url = reverse("bijeenkomst-uitnodigen", args=[b.pk])
    one = UserFactory(role=Role.AMBASSADEUR)
    page = client.post(url, {"users": [one.pk], "versturen": "on"}, follow=True)
    text = page.content.decode()
    assert "1 genodigde toegevoegd." in text
    assert "1 uitnodiging per e-mail verstuurd." in text
    two = UserFactory.create_batch(2, role=Role.AMBASSADEUR)
    page = client.post(url, {"users": [u.pk for u in two], "versturen": "on"}, follow=True)
    text = page.content.decode()
    assert "2 genodigden toegevoegd." in text
    assert "2 uitnodigingen per e-mail verstuurd." in text
