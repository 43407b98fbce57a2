import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services as svc
from bijeenkomsten.models import Actie, Besluit, Bijlage, Soort
from inclusie.constants import Role
from inclusie.models import Notificatie
from inclusie.pdf import pdf_metadata, pdf_text
from tests.bijeenkomsten.factories import (
    ActieFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    UitnodigingFactory,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert('x')</script>"


def test_action_without_owner_is_refused(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(bezig=True)
    response = client.post(
        reverse("actie-create", args=[b.pk]),
        {"omschrijving": "Iets doen", "deadline": "2026-12-01"},
    )
    assert response.status_code == 200
    assert "Kies wie de actie uitvoert." in response.content.decode()
    assert not Actie.objects.exists()


def test_minutes_decision_and_action_end_to_end(client_for, user_for_role):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(voorbij=True)
    punt = AgendapuntFactory(bijeenkomst=b, titel="Signalen")
    owner = user_for_role(Role.AMBASSADEUR)
    r = client.post(
        reverse("bijeenkomst-verslag", args=[b.pk]),
        {f"punt_{punt.pk}": "Veel besproken", "verslag_algemeen": "Goede sfeer"},
    )
    assert r.status_code == 302
    client.post(reverse("besluit-create", args=[b.pk]), {"tekst": "We starten een taalcafé."})
    client.post(
        reverse("actie-create", args=[b.pk]),
        {"omschrijving": "Zaal regelen", "eigenaar": owner.pk, "deadline": "2030-01-01"},
    )
    r = client.post(reverse("bijeenkomst-vaststellen", args=[b.pk]), {"op": "2030-01-01"})
    assert r.status_code == 302
    punt.refresh_from_db()
    b.refresh_from_db()
    assert punt.aantekeningen == "Veel besproken" and b.verslag_algemeen == "Goede sfeer"
    assert Besluit.objects.get().tekst == "We starten een taalcafé."
    assert Actie.objects.get().eigenaar == owner
    assert b.verslag_status == "vastgesteld"


def test_open_actions_of_earlier_meetings_of_same_body_appear_on_next_agenda(client_for):
    client = client_for(Role.KWARTIERMAKER)
    vorige = BijeenkomstFactory(soort=Soort.KLANKBORD, voorbij=True)
    volgende = BijeenkomstFactory(soort=Soort.KLANKBORD_WETHOUDER)
    ActieFactory(bijeenkomst=vorige, omschrijving="Open actie klankbord")
    ActieFactory(bijeenkomst=vorige, omschrijving="Klaar actie", status="gereed")
    andere = BijeenkomstFactory(soort=Soort.STUURGROEP, voorbij=True)
    ActieFactory(bijeenkomst=andere, omschrijving="Actie stuurgroep")
    page = client.get(reverse("bijeenkomst-detail", args=[volgende.pk])).content.decode()
    assert "Open actie klankbord" in page
    # The previous meeting's draft minutes can be approved from here.
    assert reverse("bijeenkomst-vaststellen", args=[vorige.pk]) in page
    assert "Klaar actie" not in page and "Actie stuurgroep" not in page


def test_owner_marks_own_action_done_but_not_someone_elses(client, user_for_role):
    owner = user_for_role(Role.AMBASSADEUR)
    mine = ActieFactory(eigenaar=owner)
    other = ActieFactory()
    client.force_login(owner)
    assert client.post(reverse("actie-gereed", args=[mine.pk])).status_code == 302
    assert client.post(reverse("actie-gereed", args=[other.pk])).status_code == 404
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == "gereed" and other.status == "open"


def test_reminder_is_sent_once_per_due_date(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    today = timezone.localdate()
    actie = ActieFactory(deadline=today + timedelta(days=2))
    ActieFactory(deadline=today + timedelta(days=20))
    ActieFactory(deadline=today + timedelta(days=1), status="gereed")
    from bijeenkomsten.tasks import send_actie_herinneringen

    with django_capture_on_commit_callbacks(execute=True):
        assert send_actie_herinneringen() == 1
        assert send_actie_herinneringen() == 0
    assert len(mail.outbox) == 1 and actie.eigenaar.email in mail.outbox[0].to
    # A moved deadline gets its own reminder.
    Actie.objects.filter(pk=actie.pk).update(deadline=today + timedelta(days=3))
    assert svc.actie_herinneringen_send() == 1
    assert Notificatie.objects.count() == 2


def test_beat_schedule_has_the_reminder(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "bijeenkomsten.tasks.send_actie_herinneringen" in tasks


def test_meeting_pdf_is_tagged_and_has_agenda_attendance_decisions_actions(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(titel=f"Stuurgroep {SCRIPT}", voorbij=True)
    AgendapuntFactory(bijeenkomst=b, titel="Leervragen bespreken", aantekeningen=SCRIPT)
    UitnodigingFactory(
        bijeenkomst=b, user=UserFactory(naam="Anna Aanwezig"), aanwezigheid="aanwezig"
    )
    Besluit.objects.create(bijeenkomst=b, tekst="Indicatoren opnemen in de bestuursopdracht")
    ActieFactory(bijeenkomst=b, omschrijving="Brief versturen")
    started = time.monotonic()
    response = client.get(reverse("bijeenkomst-pdf", args=[b.pk]))
    elapsed = time.monotonic() - started
    assert response["Content-Type"] == "application/pdf"
    meta = pdf_metadata(response.content)
    assert meta["tagged"] and meta["struct_tree"] and meta["lang"] == "nl"
    assert "Stuurgroep" in meta["title"]
    text = pdf_text(response.content)
    for expected in (
        "Leervragen bespreken",
        "Anna Aanwezig",
        "Aanwezig",
        "Indicatoren opnemen",
        "Brief versturen",
    ):
        assert expected in text
    # Script typed by a user is printed as text, never run.
    assert "<script>" in text
    assert b"/JavaScript" not in response.content and b"/JS " not in response.content
    assert elapsed < 10


def test_attachment_upload_type_checks_and_permission(client, user_for_role, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    km = user_for_role(Role.KWARTIERMAKER)
    client.force_login(km)
    b = BijeenkomstFactory()
    punt = AgendapuntFactory(bijeenkomst=b)
    url = reverse("bijlage-create", args=[b.pk])
    disguised = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    r = client.post(url, {"agendapunt": punt.pk, "bestand": disguised})
    assert "past niet bij de extensie" in r.content.decode()
    exe = SimpleUploadedFile("setup.exe", b"MZ\x90\x00", "application/octet-stream")
    r = client.post(url, {"agendapunt": punt.pk, "bestand": exe})
    assert "niet toegestaan" in r.content.decode()
    assert not Bijlage.objects.exists()
    good = SimpleUploadedFile("../../Notulen <script>.pdf", b"%PDF-1.4\n%...", "application/pdf")
    r = client.post(url, {"agendapunt": punt.pk, "bestand": good})
    assert r.status_code == 302
    bijlage = Bijlage.objects.get()
    assert "/" not in bijlage.naam and "<" not in bijlage.naam and ".." not in bijlage.naam
    download = client.get(reverse("bijlage-download", args=[bijlage.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    # An ambassador not invited gets 404; invited, they may download.
    ambassadeur = user_for_role(Role.AMBASSADEUR)
    client.force_login(ambassadeur)
    assert client.get(reverse("bijlage-download", args=[bijlage.pk])).status_code == 404
    UitnodigingFactory(bijeenkomst=b, user=ambassadeur)
    assert client.get(reverse("bijlage-download", args=[bijlage.pk])).status_code == 200


def test_script_in_fields_is_inert_in_html(client_for):
    client = client_for(Role.KWARTIERMAKER)
    b = BijeenkomstFactory(titel=SCRIPT, omschrijving=SCRIPT, locatie=SCRIPT)
    AgendapuntFactory(bijeenkomst=b, titel=SCRIPT, toelichting=SCRIPT)
    for url in (
        reverse("bijeenkomst-detail", args=[b.pk]),
        reverse("bijeenkomst-list") + "?wanneer=komend",
    ):
        body = client.get(url).content.decode()
        assert SCRIPT not in body
        assert "&lt;script&gt;" in body


def test_remove_agenda_item_attachment_and_invitee(
    client, user_for_role, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    from bijeenkomsten.models import Agendapunt, Uitnodiging

    b = BijeenkomstFactory()
    punt = AgendapuntFactory(bijeenkomst=b)
    bijlage = svc.bijlage_add(
        agendapunt=punt,
        bestand=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", "application/pdf"),
        by=None,
    )
    uitgenodigd = UitnodigingFactory(bijeenkomst=b)
    geweest = UitnodigingFactory(bijeenkomst=b, aanwezigheid="aanwezig")
    # An ambassador invited to the meeting may not remove anything.
    client.force_login(uitgenodigd.user)
    uitgenodigd.user.role = Role.AMBASSADEUR
    uitgenodigd.user.save()
    assert client.post(reverse("bijlage-delete", args=[bijlage.pk])).status_code == 403
    client.force_login(user_for_role(Role.KWARTIERMAKER))
    assert client.get(reverse("bijlage-delete", args=[bijlage.pk])).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("bijlage-delete", args=[bijlage.pk])).status_code == 302
    assert not Bijlage.objects.exists() and not list(tmp_path.rglob("*.pdf"))
    client.post(reverse("uitnodiging-delete", args=[uitgenodigd.pk]))
    client.post(reverse("uitnodiging-delete", args=[geweest.pk]))
    assert list(Uitnodiging.objects.values_list("pk", flat=True)) == [geweest.pk]
    client.post(reverse("agendapunt-delete", args=[punt.pk]))
    assert not Agendapunt.objects.exists()
    assert client.post(reverse("agendapunt-delete", args=[987654])).status_code == 404
