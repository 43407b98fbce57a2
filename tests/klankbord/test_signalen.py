"""Signals from the city: who logs, who sees, follow-up, filters, exports, figures."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inclusie.constants import Role
from klankbord import selectors
from klankbord.models import Signaal
from tests.klankbord.factories import AspectFactory, SignaalFactory

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert('xss')</script>"


def nieuw_signaal(**extra):
    return {
        "titel": "Jongeren niet welkom in buurthuis",
        "datum": timezone.localdate().isoformat(),
        "thema": "vrije_tijd",
        "bron": "klankbord",
        **extra,
    }


def test_klankbordlid_logs_a_signal_and_sees_only_own(client_for, user_for_role):
    aspect = AspectFactory(naam="Leeftijd")
    ander = SignaalFactory(
        titel="Signaal van een ander", gemeld_door=user_for_role(Role.AMBASSADEUR)
    )
    client = client_for(Role.KLANKBORDLID)
    response = client.post(reverse("signaal-create"), nieuw_signaal(aspecten=[aspect.pk]))
    assert response.status_code == 302
    eigen = Signaal.objects.get(titel__startswith="Jongeren")
    assert eigen.gemeld_door == user_for_role(Role.KLANKBORDLID)
    assert list(eigen.aspecten.all()) == [aspect]
    page = client.get(reverse("signaal-list")).content.decode()
    assert "Jongeren niet welkom" in page and "Signaal van een ander" not in page
    # Horizontal access: someone else's signal is a 404, also for editing.
    assert client.get(reverse("signaal-detail", args=[ander.pk])).status_code == 404
    assert (
        client.post(reverse("signaal-update", args=[ander.pk]), nieuw_signaal()).status_code == 404
    )
    ander.refresh_from_db()
    assert ander.titel == "Signaal van een ander"
    # Only the kwartiermaker (and beheerder) records the follow-up.
    assert client.get(reverse("signaal-opvolging", args=[eigen.pk])).status_code == 403


def test_kwartiermaker_sees_all_and_records_follow_up(
    client_for, user_for_role, mailoutbox, django_capture_on_commit_callbacks
):
    melder = user_for_role(Role.AMBASSADEUR)
    signaal = SignaalFactory(gemeld_door=melder)
    client = client_for(Role.KWARTIERMAKER)
    assert client.get(signaal.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("signaal-opvolging", args=[signaal.pk]),
            {"status": "opgevolgd", "opvolging": "Besproken met de wijkregisseur."},
        )
    assert response.status_code == 302
    # The person who logged it hears what became of it.
    assert [m.to for m in mailoutbox] == [[melder.email]]
    assert "wijkregisseur" in mailoutbox[0].body
    signaal.refresh_from_db()
    assert signaal.status == "opgevolgd" and "wijkregisseur" in signaal.opvolging
    assert "wijkregisseur" in client.get(signaal.get_absolute_url()).content.decode()


def test_wethouder_reads_signals_but_cannot_log(client_for):
    SignaalFactory(titel="Zichtbaar voor wethouder")
    client = client_for(Role.WETHOUDER)
    assert "Zichtbaar voor wethouder" in client.get(reverse("signaal-list")).content.decode()
    assert client.post(reverse("signaal-create"), nieuw_signaal()).status_code == 403


def test_future_signal_is_refused(client_for):
    client = client_for(Role.AMBASSADEUR)
    response = client.post(
        reverse("signaal-create"),
        nieuw_signaal(datum=(timezone.localdate() + datetime.timedelta(days=2)).isoformat()),
    )
    assert "niet in de toekomst" in response.content.decode()
    assert not Signaal.objects.exists()


def test_filter_by_theme_and_aspect(client_for):
    aspect = AspectFactory(naam="Beperking")
    s = SignaalFactory(titel="Bushalte ontoegankelijk", thema="toegankelijkheid")
    s.aspecten.set([aspect])
    SignaalFactory(titel="Woningnood", thema="wonen")
    client = client_for(Role.KWARTIERMAKER)
    page = client.get(reverse("signaal-list") + "?thema=toegankelijkheid").content.decode()
    assert "Bushalte ontoegankelijk" in page and "Woningnood" not in page
    page = client.get(reverse("signaal-list") + f"?aspect={aspect.pk}").content.decode()
    assert "Bushalte ontoegankelijk" in page and "Woningnood" not in page


def test_script_and_formula_injection_inert(client_for):
    SignaalFactory(titel=SCRIPT, opvolging="=1+1")
    client = client_for(Role.KWARTIERMAKER)
    page = client.get(reverse("signaal-list")).content.decode()
    assert SCRIPT not in page and "&lt;script&gt;" in page
    signaal = Signaal.objects.get()
    assert SCRIPT not in client.get(signaal.get_absolute_url()).content.decode()
    csv = client.get(reverse("signaal-export")).content.decode()
    assert "'=1+1" in csv


def test_signal_list_query_count_is_fixed(client_for):
    client = client_for(Role.KWARTIERMAKER)
    aspecten = [AspectFactory() for _ in range(3)]
    client.get(reverse("signaal-list"))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("signaal-list"))
            client.get(reverse("signaal-export"))
        return len(ctx.captured_queries)

    SignaalFactory().aspecten.set(aspecten)
    small = count()
    for _ in range(15):
        SignaalFactory().aspecten.set(aspecten[:2])
    assert count() == small


def test_signals_per_theme_figure(django_assert_num_queries):
    vandaag = timezone.localdate()
    SignaalFactory(thema="wonen")
    SignaalFactory(thema="wonen")
    SignaalFactory(thema="discriminatie", datum=vandaag - datetime.timedelta(days=400))
    # The counts, and the themes the beheerder keeps (cached afterwards: then one query).
    with django_assert_num_queries(2):
        selectors.signalen_per_thema(vandaag, vandaag)
    with django_assert_num_queries(1):
        per_thema = selectors.signalen_per_thema(
            vandaag - datetime.timedelta(days=30), vandaag + datetime.timedelta(days=1)
        )
    assert per_thema["Wonen en buurt"] == 2 and per_thema["Discriminatie en uitsluiting"] == 0
